//! The screen's model: every type the terminal screen's state is made of — [`App`], the
//! [`Screen`]s, a game in progress ([`Play`]) and what it shows ([`Board`]) — and the
//! [`Action`]s that input can mean. Read-only: the changes are `App::update` (in `app`) and the
//! game's flow (in `flow`); drawing (`draw`, `widgets`) and `layout` only read these types.
//!
//! `App`'s fields are visible to the rest of `ui::tui` so that `app` and `flow` can change them;
//! everything else reads them through the accessors below.

use std::sync::Arc;

use sixparty_core::ai::{Choice, OptionChoice};
use sixparty_core::debrief::Debrief;
use sixparty_core::scenario::{Entry, PartyIx, Scenario};
use sixparty_core::sim::{GameState, Order, Pending};
use sixparty_core::table::Table;

use super::theme::Theme;

/// How a terminal game ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The last turn was played and the debrief closed.
    Finished,
    /// The player left before the end, during this turn (0: before the game started).
    Quit {
        /// The turn being played when the player left.
        turn: u32,
    },
}

/// What a key means, once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move up a line.
    Up,
    /// Move down a line.
    Down,
    /// Move left (on the map: to the nearest party to the left).
    Left,
    /// Move right (on the map: to the nearest party to the right).
    Right,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Go to the top.
    Home,
    /// Go to the bottom.
    End,
    /// Pick the option with this number (1-based).
    Pick(usize),
    /// Enter: choose, give, confirm.
    Select,
    /// Space: mark a seat for hot-seat play.
    Toggle,
    /// Withdraw the last order (or the highlighted given order).
    Withdraw,
    /// End the turn.
    EndTurn,
    /// Do what the advisor recommends.
    Advisor,
    /// Tab: give the focus to the next panel of the main screen (see [`Focus::next`]).
    NextPanel,
    /// Shift-Tab: give the focus to the previous panel of the main screen.
    PreviousPanel,
    /// Show or hide the help.
    Help,
    /// Quit (asks first during a game).
    Quit,
    /// Answer to the quit question.
    Confirm(bool),
    /// Esc: back, or close an overlay.
    Back,
    /// Ctrl-C: leave at once.
    Interrupt,
    /// Save the game under a default name.
    Save,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// A left click at this screen cell (column, row): highlights what it lands on, and on
    /// what is already highlighted acts like Enter.
    Click(u16, u16),
}

/// A window drawn over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The list of keys.
    Help,
    /// "Quit? the game will be lost (y/n)".
    ConfirmQuit,
}

/// Which panel of the main screen the arrows move. Tab goes through them in the order of
/// [`Focus::ALL`], Shift-Tab backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The orders menu: the arrows move the highlight, Enter gives the order.
    Orders,
    /// The news feed: the arrows scroll it.
    News,
    /// The map: the arrows (and `h j k l`) move a highlight from party to party, the panel
    /// beside the orders shows that party's relations with the seat, its alliances and forums,
    /// and Enter goes to the orders aimed at it.
    Map,
    /// The forums: the arrows move a highlight from forum to forum, the panel beside the
    /// orders shows that forum's details (members, host, agenda, red lines), and Enter goes to
    /// the orders at it.
    Forums,
}

impl Focus {
    /// Every panel that takes the focus, in the order Tab visits them (from the orders, the
    /// default, on through the screen in reading order and round again).
    pub const ALL: [Focus; 4] = [Focus::Orders, Focus::News, Focus::Map, Focus::Forums];

    /// The panel Tab goes to.
    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The panel Shift-Tab goes to.
    #[must_use]
    pub fn previous(self) -> Self {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// The panel's name, as the key line says it ("Tab news").
    pub fn name(self) -> &'static str {
        match self {
            Focus::Orders => "orders",
            Focus::News => "news",
            Focus::Map => "map",
            Focus::Forums => "forums",
        }
    }
}

/// A one-line message after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// An event waiting for the player's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The event and who decides.
    pub pending: Pending,
    /// The advisor's pick and why.
    pub advice: OptionChoice,
    /// The highlighted option.
    pub selected: usize,
    /// How far the event's text is scrolled.
    pub scroll: usize,
    /// Decisions waiting for this seat, this one included.
    pub waiting: usize,
}

/// The screens, in the order a game meets them.
pub enum Screen {
    /// Pick a scenario from the catalogue.
    ChooseScenario {
        /// Highlighted entry.
        selected: usize,
        /// Why the last one failed to load.
        error: Option<String>,
    },
    /// Pick the seat (or seats) to play.
    ChooseParty {
        /// The scenario.
        scenario: Arc<Scenario>,
        /// Playable parties.
        choices: Vec<PartyIx>,
        /// Highlighted line.
        selected: usize,
        /// Seats marked for hot-seat play.
        marked: Vec<PartyIx>,
        /// How far the highlighted seat's briefing is scrolled (PgUp/PgDn).
        briefing_scroll: usize,
    },
    /// Hot-seat: pass the keyboard to the next player.
    Handover {
        /// Who plays next.
        party: PartyIx,
    },
    /// Hot-seat: one seat's summary of the month just resolved, as the fog lets it see it.
    Summary {
        /// Whose summary.
        party: PartyIx,
        /// The summary's text.
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
    /// An event waits for a decision.
    Decide(Decision),
    /// The main screen: map, relations, news, orders.
    Orders,
    /// The end of the game (or any long text to read, such as a replay).
    Debrief {
        /// The panel's title.
        title: String,
        /// The debrief's text.
        lines: Vec<String>,
        /// First line shown.
        scroll: usize,
    },
}

/// What the screens show of the game, read from the session after each action.
#[derive(Debug, Clone, PartialEq)]
pub struct Board {
    /// The current turn.
    pub turn: u32,
    /// The whole state now.
    pub state: GameState,
    /// The seat's figures at the start and after every turn, then now (for sparklines).
    pub figures: Vec<[f32; 5]>,
    /// Capital the seat has left this turn.
    pub capital_left: f32,
    /// Orders the seat has given this turn.
    pub given: Vec<Order>,
    /// Orders the seat may still give, best first by the advisor's reckoning.
    pub ranked: Vec<Choice>,
    /// The advisor's plan for the rest of the turn (its first is highlighted).
    pub advice: Vec<Choice>,
    /// The turn of `last_news`, if any.
    pub last_turn: Option<u32>,
    /// News of the last resolved turn that the seat had not seen during it: what came of the
    /// orders, the forums' sessions, the spill-overs.
    pub last_news: Vec<String>,
    /// News of this turn so far.
    pub news_now: Vec<String>,
    /// Hot-seat: the fog of war is on (see [`sixparty_core::fog`]); what the seat may not know is
    /// not drawn.
    pub fog: bool,
}

impl Board {
    /// The advisor's first pick, if it recommends any order.
    pub fn advisor_pick(&self) -> Option<Order> {
        self.advice.first().map(|c| c.order)
    }
}

/// A game in progress.
pub struct Play {
    /// The game at its table: the session (the only way to change the game) and the turn flow
    /// shared with every front end (whose turn, hand-overs, autosave).
    pub table: Table,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The seat on screen.
    pub seat: PartyIx,
    /// What is shown.
    pub board: Board,
    /// The focused panel.
    pub focus: Focus,
    /// Highlighted line of the orders menu: given orders first, then the ones on offer.
    pub selected: usize,
    /// First line of the news shown.
    pub news_scroll: usize,
    /// The party highlighted on the map (its details show while the map has the focus).
    pub map_party: PartyIx,
    /// The forum highlighted in the forums panel (its details show while that has the focus).
    pub forum: usize,
    /// The news of a turn as the seats saw it when they ended it, to show only what is new.
    pub seen_news: (u32, Vec<String>),
}

impl Play {
    /// Lines in the orders menu: given orders, then those on offer.
    pub fn menu_len(&self) -> usize {
        self.board.given.len() + self.board.ranked.len()
    }
}

/// The order under the highlight in the orders menu, if any.
pub fn highlighted_order(play: &Play) -> Option<Order> {
    let b = &play.board;
    b.given.get(play.selected).copied().or_else(|| {
        play.selected
            .checked_sub(b.given.len())
            .and_then(|k| b.ranked.get(k))
            .map(|c| c.order)
    })
}

/// The terminal screen's whole state.
pub struct App {
    /// The colours in use.
    pub(super) theme: Theme,
    /// The terminal's size (columns, rows), as last reported.
    pub(super) size: (u16, u16),
    /// The screen shown.
    pub(super) screen: Screen,
    /// The window drawn over the screen, if any.
    pub(super) overlay: Option<Overlay>,
    /// The message of the last action, if any.
    pub(super) status: Option<Status>,
    /// Set when the player has left: the loop ends.
    pub(super) outcome: Option<Outcome>,
    /// The scenario catalogue.
    pub(super) entries: Vec<Entry>,
    /// Each entry's briefing, or why it does not parse.
    pub(super) summaries: Vec<String>,
    /// The scenario was given (on the command line, or a save): Esc on the seats has no list to
    /// go back to.
    pub(super) scenario_given: bool,
    /// The human seats, when known.
    pub(super) humans: Vec<PartyIx>,
    /// The seed of a new game.
    pub(super) seed: u64,
    /// The game in progress, if any.
    pub(super) play: Option<Play>,
    /// The folder for saves, when saving is on.
    pub(super) saves: Option<std::path::PathBuf>,
    /// AI games behind each what-if figure of the debrief (0: none).
    pub(super) whatif_runs: usize,
    /// How well the AI seats of a new game play.
    pub(super) difficulty: sixparty_core::policy::Difficulty,
    /// The end-of-game debrief waiting for its what-if figures, weighed on another thread.
    pub(super) weighing: Option<(
        Debrief,
        std::sync::mpsc::Receiver<Option<sixparty_core::debrief::Weighed>>,
    )>,
}

impl App {
    /// Whether games are saved.
    pub fn saves_on(&self) -> bool {
        self.saves.is_some()
    }

    /// The colours in use.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The terminal's size, as last reported.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The window drawn over the screen, if any.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The message of the last action, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Set when the player has left: the loop ends.
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }

    /// The scenario catalogue, with each entry's summary (or why it does not parse).
    pub fn entries(&self) -> impl Iterator<Item = (&Entry, &str)> {
        self.entries
            .iter()
            .zip(self.summaries.iter().map(String::as_str))
    }

    /// The game in progress, if any.
    pub fn play(&self) -> Option<&Play> {
        self.play.as_ref()
    }

    /// The game in progress, to read it (tests use this to look at the session).
    pub fn play_mut(&mut self) -> Option<&mut Play> {
        self.play.as_mut()
    }
}
