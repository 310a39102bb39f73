//! The screen's state, the actions a key can mean, and [`App::update`]: the one place that
//! changes the state and the only caller of the [`Session`].
//!
//! Drawing needs `&App` only: everything it shows is read from the session here, after each
//! action, into a [`Board`].

use std::sync::Arc;

use sixparty_core::ai::{Choice, OptionChoice};
use sixparty_core::debrief::Debrief;
use sixparty_core::scenario::{Entry, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::{GameState, Order, Pending, Phase};
use sixparty_core::text;

use super::Outcome;
use super::theme::Theme;
use super::view;

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
    /// The session: the only way to change the game.
    pub session: Session,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The seat on screen.
    pub seat: PartyIx,
    /// Hot-seat: who last took the keyboard.
    pub handed_to: Option<PartyIx>,
    /// Seats that still have to give their orders this turn.
    pub to_order: Vec<PartyIx>,
    /// Hot-seat: seats that still have to see the summary of the month just resolved.
    pub to_summarise: Vec<PartyIx>,
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
    fn new(session: Session) -> Self {
        let scenario = session.scenario();
        let seat = session.humans().first().copied().unwrap_or(PartyIx(0));
        let state = GameState::initial(&scenario);
        Self {
            session,
            scenario,
            seat,
            handed_to: None,
            to_order: Vec::new(),
            to_summarise: Vec::new(),
            board: Board {
                turn: 0,
                state,
                figures: Vec::new(),
                capital_left: 0.0,
                given: Vec::new(),
                ranked: Vec::new(),
                advice: Vec::new(),
                last_turn: None,
                last_news: Vec::new(),
                news_now: Vec::new(),
                fog: false,
            },
            focus: Focus::Orders,
            selected: 0,
            news_scroll: 0,
            map_party: seat,
            forum: 0,
            seen_news: (0, Vec::new()),
        }
    }

    /// Read what the screens show from the session, and highlight the advisor's pick.
    fn refresh(&mut self) {
        let p = self.seat;
        let s = &mut self.session;
        let state = s.game.state();
        let ordering = s.game.phase() == Phase::Ordering;
        let given = s.game.orders_of(p);
        let ranked = if ordering {
            s.ranked_orders(p)
        } else {
            Vec::new()
        };
        let advice = if ordering {
            s.advise_orders(p)
        } else {
            Vec::new()
        };
        let mut figures: Vec<[f32; 5]> = s
            .game
            .history()
            .iter()
            .map(|h| h.parties[p.0].figures)
            .collect();
        figures.push(state.parties[p.0].figures);
        let report = s.game.report();
        let turn = s.game.turn();
        let (last_turn, last_news) = if report.turn > 0 && report.turn + 1 >= turn {
            let mut seen = if self.seen_news.0 == report.turn {
                self.seen_news.1.clone()
            } else {
                Vec::new()
            };
            // Hot-seat: only what this seat may know of the month (see `ui::fog`).
            let fresh = sixparty_core::fog::last_month(s, p)
                .into_iter()
                .filter(|n| {
                    // Each line seen during the turn hides one line of the report.
                    let known = seen.iter().position(|t| t == n);
                    known.map(|i| seen.remove(i)).is_none()
                })
                .collect();
            (Some(report.turn), fresh)
        } else {
            (None, Vec::new())
        };
        let fog = sixparty_core::fog::on(s);
        let (mut ranked, mut advice) = (ranked, advice);
        if fog {
            let sc = s.scenario();
            for c in ranked.iter_mut().chain(advice.iter_mut()) {
                c.reason = sixparty_core::fog::reason(&sc, p, &c.reason);
            }
        }
        self.board = Board {
            fog,
            turn,
            capital_left: s.game.capital_left(p),
            news_now: s.game.news_so_far(),
            state,
            figures,
            given,
            ranked,
            advice,
            last_turn,
            last_news,
        };
        self.select_advice();
    }

    /// Put the highlight on the advisor's pick, else on the best order on offer.
    fn select_advice(&mut self) {
        let b = &self.board;
        let pick = b
            .advisor_pick()
            .and_then(|o| b.ranked.iter().position(|c| c.order == o))
            .unwrap_or(0);
        self.selected = if b.ranked.is_empty() {
            b.given.len().saturating_sub(1)
        } else {
            b.given.len() + pick
        };
    }

    /// Hot-seat: another seat takes the keyboard; it starts on its orders and its own party on
    /// the map, not where the previous player left them.
    fn take_seat(&mut self, seat: PartyIx) {
        if seat != self.seat {
            self.focus = Focus::Orders;
            self.map_party = seat;
        }
        self.seat = seat;
    }

    /// Lines in the orders menu: given orders, then those on offer.
    pub fn menu_len(&self) -> usize {
        self.board.given.len() + self.board.ranked.len()
    }

    fn label(&self, o: &Order) -> String {
        text::order_label(&self.scenario, o)
    }
}

/// The terminal screen's whole state.
pub struct App {
    theme: Theme,
    size: (u16, u16),
    screen: Screen,
    overlay: Option<Overlay>,
    status: Option<Status>,
    outcome: Option<Outcome>,
    entries: Vec<Entry>,
    summaries: Vec<String>,
    scenario_given: bool,
    humans: Vec<PartyIx>,
    seed: u64,
    play: Option<Play>,
    saves: Option<std::path::PathBuf>,
    whatif_runs: usize,
    difficulty: sixparty_core::policy::Difficulty,
    /// The end-of-game debrief waiting for its what-if figures, weighed on another thread.
    weighing: Option<(
        Debrief,
        std::sync::mpsc::Receiver<Option<sixparty_core::debrief::Weighed>>,
    )>,
}

impl App {
    /// The screens before a game: choose a scenario unless `chosen`, then the seats unless
    /// `humans` names them; then the game starts.
    pub fn setup(
        entries: Vec<Entry>,
        chosen: Option<Arc<Scenario>>,
        humans: Vec<PartyIx>,
        seed: u64,
        theme: Theme,
    ) -> Self {
        let summaries = entries
            .iter()
            .map(|e| {
                sixparty_core::scenario::parse_raw(&e.text, &e.origin.to_string())
                    .map_or_else(|err| err.to_string(), |raw| briefing_text(&raw))
            })
            .collect();
        let selected = entries
            .iter()
            .position(|e| e.id == sixparty_core::scenario::DEFAULT_SCENARIO)
            .unwrap_or(0);
        let mut app = Self {
            theme,
            size: (view::MIN_WIDTH, view::MIN_HEIGHT),
            screen: Screen::ChooseScenario {
                selected,
                error: None,
            },
            overlay: None,
            status: None,
            outcome: None,
            entries,
            summaries,
            scenario_given: chosen.is_some(),
            humans,
            seed,
            play: None,
            saves: None,
            whatif_runs: 0,
            difficulty: sixparty_core::policy::Difficulty::Normal,
            weighing: None,
        };
        if let Some(scenario) = chosen {
            app.scenario_chosen(scenario);
        }
        app
    }

    /// A text to read and leave (a replay): the debrief screen with another title.
    pub fn reader(title: &str, lines: Vec<String>, theme: Theme) -> Self {
        let mut app = Self::setup(Vec::new(), None, Vec::new(), 0, theme);
        app.scenario_given = true;
        app.screen = Screen::Debrief {
            title: title.to_owned(),
            lines,
            scroll: 0,
        };
        app
    }

    /// A game already set up: the first turn begins at once.
    pub fn with_session(session: Session, theme: Theme) -> Self {
        let mut app = Self::setup(
            Vec::new(),
            None,
            session.humans().to_vec(),
            session.seed(),
            theme,
        );
        app.scenario_given = true;
        app.start(session);
        app
    }

    /// Weigh the turning point and the AI in the player's seat at the end of the game, with this
    /// many AI games for each figure, on a background thread (0, the default: leave it out).
    #[must_use]
    pub fn with_whatif_runs(mut self, runs: usize) -> Self {
        self.whatif_runs = runs;
        self
    }

    /// Go straight to `scenario` (its seats, or the game if the seats are already named), as
    /// [`App::setup`] does when given one.
    #[must_use]
    pub fn with_chosen(mut self, scenario: Arc<Scenario>) -> Self {
        self.scenario_given = true;
        self.scenario_chosen(scenario);
        self
    }

    /// How well the AI seats of a new game play; give it before [`App::with_chosen`].
    #[must_use]
    pub fn with_difficulty(mut self, difficulty: sixparty_core::policy::Difficulty) -> Self {
        self.difficulty = difficulty;
        self
    }

    /// Take in work finished in the background (the debrief's what-if figures); true if the
    /// screen changed.
    pub fn tick(&mut self) -> bool {
        let Some((_, rx)) = &self.weighing else {
            return false;
        };
        let weighed = match rx.try_recv() {
            Ok(w) => w,
            Err(std::sync::mpsc::TryRecvError::Empty) => return false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        let Some((mut debrief, _)) = self.weighing.take() else {
            return false;
        };
        if let Some(play) = &self.play {
            debrief.add_weighed(&play.session.scenario(), weighed);
        }
        if let Screen::Debrief { lines, .. } = &mut self.screen {
            *lines = debrief.lines();
        }
        true
    }

    /// Save games in this folder: the `s` key, an autosave after every turn and on leaving.
    #[must_use]
    pub fn with_saves(mut self, dir: std::path::PathBuf) -> Self {
        self.saves = Some(dir);
        self
    }

    /// Whether games are saved.
    pub fn saves_on(&self) -> bool {
        self.saves.is_some()
    }

    /// Autosave the game in progress, if saves are on; says so when it fails.
    fn autosave(&mut self) {
        let (Some(dir), Some(play)) = (self.saves.clone(), self.play.as_mut()) else {
            return;
        };
        if play.session.game.is_over() {
            return;
        }
        if let Err(e) = sixparty_core::save::autosave(&dir, &mut play.session) {
            self.say(format!("Autosave failed: {e}"), true);
        }
    }

    /// Leave now: autosave a game in progress, then end the loop.
    fn leave_now(&mut self) {
        if self.play.is_some() && !matches!(self.screen, Screen::Debrief { .. }) {
            self.autosave();
        }
        self.outcome = Some(self.leave());
    }

    fn save_now(&mut self) {
        let (Some(dir), Some(play)) = (self.saves.clone(), self.play.as_mut()) else {
            self.say("Saving is off in this game.", true);
            return;
        };
        let name = sixparty_core::save::default_name(&play.session);
        match sixparty_core::save::save(&dir, &name, &mut play.session) {
            Ok(path) => self.say(
                format!("Saved: {} (load with --load {name})", path.display()),
                false,
            ),
            Err(e) => self.say(format!("Not saved: {e}"), true),
        }
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

    /// Apply an action: the only place the state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scrolls();
                return;
            }
            Action::Interrupt => {
                self.leave_now();
                return;
            }
            Action::Click(x, y) => {
                self.click(x, y);
                return;
            }
            _ => {}
        }
        if let Some(overlay) = self.overlay {
            match (overlay, action) {
                (Overlay::ConfirmQuit, Action::Confirm(true)) => self.leave_now(),
                (Overlay::ConfirmQuit, Action::Confirm(false) | Action::Back)
                | (Overlay::Help, Action::Help | Action::Back | Action::Select | Action::Quit) => {
                    self.overlay = None;
                }
                _ => {}
            }
            return;
        }
        match action {
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                return;
            }
            Action::Quit => {
                self.quit();
                return;
            }
            Action::Save => {
                self.save_now();
                return;
            }
            _ => {}
        }
        self.status = None;
        match &mut self.screen {
            Screen::ChooseScenario { .. } => self.on_choose_scenario(action),
            Screen::ChooseParty { .. } => self.on_choose_party(action),
            Screen::Handover { party } => {
                if action == Action::Select {
                    let party = *party;
                    if let Some(play) = &mut self.play {
                        play.handed_to = Some(party);
                    }
                    self.advance();
                }
            }
            Screen::Summary { scroll, lines, .. } => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let max = view::debrief_scroll_max(lines, area);
                match action {
                    Action::Select => {
                        if let Some(play) = &mut self.play
                            && !play.to_summarise.is_empty()
                        {
                            play.to_summarise.remove(0);
                        }
                        self.advance();
                    }
                    _ => *scroll = scrolled(*scroll, action, page, max),
                }
            }
            Screen::Decide(_) => self.on_decide(action),
            Screen::Orders => self.on_orders(action),
            Screen::Debrief { scroll, lines, .. } => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let max = view::debrief_scroll_max(lines, area);
                match action {
                    Action::Select | Action::Back => self.outcome = Some(Outcome::Finished),
                    _ => *scroll = scrolled(*scroll, action, page, max),
                }
            }
        }
    }

    /// A click: on a list entry, highlight it, or if it is highlighted already, choose it; on
    /// a panel, give it the focus. A click anywhere closes the help.
    fn click(&mut self, x: u16, y: u16) {
        if self.overlay == Some(Overlay::Help) {
            self.overlay = None;
            return;
        }
        let Some(hit) = view::hit_test(self, x, y) else {
            return;
        };
        let selected = match &self.screen {
            Screen::ChooseScenario { selected, .. } | Screen::ChooseParty { selected, .. } => {
                *selected
            }
            Screen::Decide(d) => d.selected,
            Screen::Orders => match self.play.as_mut() {
                Some(play) => {
                    let before = play.focus;
                    play.focus = match hit {
                        view::Hit::News => Focus::News,
                        view::Hit::Map | view::Hit::Party(_) => Focus::Map,
                        view::Hit::Forums | view::Hit::Forum(_) => Focus::Forums,
                        view::Hit::Item(_) | view::Hit::Orders => Focus::Orders,
                    };
                    // In the forums: the same, a click highlights, a second one acts.
                    if let view::Hit::Forum(f) = hit {
                        if before == Focus::Forums && play.forum == f {
                            self.update(Action::Select);
                        } else {
                            play.forum = f;
                            self.status = None;
                        }
                        return;
                    }
                    // On the map: a click highlights a party; a second click on the highlighted
                    // one goes to the orders aimed at it, as Enter does.
                    if let view::Hit::Party(p) = hit {
                        if before == Focus::Map && play.map_party == PartyIx(p) {
                            self.update(Action::Select);
                        } else {
                            play.map_party = PartyIx(p);
                            self.status = None;
                        }
                        return;
                    }
                    play.selected
                }
                None => return,
            },
            Screen::Handover { .. } | Screen::Summary { .. } | Screen::Debrief { .. } => return,
        };
        let view::Hit::Item(i) = hit else {
            return;
        };
        if i == selected {
            self.update(Action::Select);
        } else if let (Screen::Orders, Some(play)) = (&self.screen, self.play.as_mut()) {
            play.selected = i;
            self.status = None;
        } else {
            self.update(Action::Pick(i + 1));
        }
    }

    /// `q`: before and after a game, leave; during one, ask first.
    fn quit(&mut self) {
        match self.screen {
            Screen::ChooseScenario { .. } | Screen::ChooseParty { .. } | Screen::Debrief { .. } => {
                self.leave_now();
            }
            Screen::Handover { .. }
            | Screen::Summary { .. }
            | Screen::Decide(_)
            | Screen::Orders => {
                self.overlay = Some(Overlay::ConfirmQuit);
            }
        }
    }

    /// How leaving now ends the game.
    fn leave(&self) -> Outcome {
        match (&self.screen, &self.play) {
            (Screen::Debrief { .. }, _) => Outcome::Finished,
            (_, Some(play)) => Outcome::Quit {
                turn: play.session.game.turn(),
            },
            (_, None) => Outcome::Quit { turn: 0 },
        }
    }

    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    fn on_choose_scenario(&mut self, action: Action) {
        let Screen::ChooseScenario { selected, error } = &mut self.screen else {
            return;
        };
        let n = self.entries.len();
        match action {
            Action::Select => {
                let Some(entry) = self.entries.get(*selected) else {
                    return;
                };
                match entry.load() {
                    Ok(scenario) => self.scenario_chosen(Arc::new(scenario)),
                    Err(e) => *error = Some(e.to_string()),
                }
            }
            Action::Pick(k) if (1..=n).contains(&k) => {
                *selected = k - 1;
                *error = None;
            }
            _ => {
                let before = *selected;
                *selected = moved(*selected, action, n);
                if *selected != before {
                    *error = None;
                }
            }
        }
    }

    /// A scenario is loaded: choose the seats, or start if they are known.
    fn scenario_chosen(&mut self, scenario: Arc<Scenario>) {
        let n = scenario.parties.len();
        let humans: Vec<PartyIx> = self.humans.iter().copied().filter(|p| p.0 < n).collect();
        if humans.is_empty() {
            let mut choices: Vec<PartyIx> = (0..n)
                .map(PartyIx)
                .filter(|p| scenario.parties[p.0].playable)
                .collect();
            if choices.is_empty() {
                choices = (0..n).map(PartyIx).collect();
            }
            self.screen = Screen::ChooseParty {
                scenario,
                choices,
                selected: 0,
                marked: Vec::new(),
                briefing_scroll: 0,
            };
        } else {
            let policies = self.difficulty.seats(&scenario, &humans);
            let session = Session::with_policies(scenario, self.seed, humans, policies);
            self.start(session);
        }
    }

    fn on_choose_party(&mut self, action: Action) {
        let Screen::ChooseParty {
            scenario,
            choices,
            selected,
            marked,
            briefing_scroll,
        } = &mut self.screen
        else {
            return;
        };
        let before = *selected;
        match action {
            // The list is short; the page keys scroll the briefing instead (clamped when drawn).
            Action::PageDown => *briefing_scroll += 3,
            Action::PageUp => *briefing_scroll = briefing_scroll.saturating_sub(3),
            Action::Toggle => {
                let p = choices[*selected];
                if let Some(i) = marked.iter().position(|m| *m == p) {
                    marked.remove(i);
                } else {
                    marked.push(p);
                    marked.sort();
                }
            }
            Action::Select => {
                let humans = if marked.is_empty() {
                    vec![choices[*selected]]
                } else {
                    marked.clone()
                };
                let policies = self.difficulty.seats(scenario, &humans);
                let session =
                    Session::with_policies(Arc::clone(scenario), self.seed, humans, policies);
                self.start(session);
            }
            Action::Back if !self.scenario_given && !self.entries.is_empty() => {
                let selected = self
                    .entries
                    .iter()
                    .position(|e| e.id == scenario.id)
                    .unwrap_or(0);
                self.screen = Screen::ChooseScenario {
                    selected,
                    error: None,
                };
            }
            Action::Pick(k) if (1..=choices.len()).contains(&k) => *selected = k - 1,
            _ => *selected = moved(*selected, action, choices.len()),
        }
        if let Screen::ChooseParty {
            selected,
            briefing_scroll,
            ..
        } = &mut self.screen
            && *selected != before
        {
            *briefing_scroll = 0;
        }
    }

    fn start(&mut self, session: Session) {
        self.humans = session.humans().to_vec();
        let mut play = Play::new(session);
        // A game loaded in the middle of a turn: every seat still has its orders to give.
        if play.session.game.phase() != Phase::BetweenTurns {
            play.to_order = play.session.humans().to_vec();
        }
        // A game saved on the month's results (between two months): they show again.
        if play.session.game.phase() == Phase::BetweenTurns && play.session.game.turn() > 0 {
            play.to_summarise = play.session.humans().to_vec();
        }
        self.play = Some(play);
        self.advance();
    }

    /// Move the game on to the next thing a person must do: a decision, a seat's orders, the
    /// next turn, or the debrief.
    fn advance(&mut self) {
        let several = self.humans.len() > 1;
        let Some(play) = self.play.as_mut() else {
            return;
        };
        loop {
            // After a month resolves, each seat sees its summary (in hot-seat, behind a
            // hand-over).
            if let Some(&seat) = play.to_summarise.first() {
                if several && play.handed_to != Some(seat) {
                    self.screen = Screen::Handover { party: seat };
                    return;
                }
                play.take_seat(seat);
                play.refresh();
                let lines = sixparty_core::fog::summary(&mut play.session, seat);
                self.screen = Screen::Summary {
                    party: seat,
                    lines,
                    scroll: 0,
                };
                return;
            }
            let result = match play.session.game.phase() {
                Phase::BetweenTurns => {
                    play.to_order = play.session.humans().to_vec();
                    play.news_scroll = 0;
                    play.focus = Focus::Orders;
                    play.session.start_turn()
                }
                Phase::Deciding => {
                    let pending = play.session.human_decisions();
                    let Some(next) = pending
                        .iter()
                        .find(|p| Some(p.decider) == play.handed_to)
                        .or(pending.first())
                        .copied()
                    else {
                        if let Err(e) = play.session.open_orders() {
                            self.status = Some(Status {
                                text: e.to_string(),
                                error: true,
                            });
                            return;
                        }
                        continue;
                    };
                    if several && play.handed_to != Some(next.decider) {
                        self.screen = Screen::Handover {
                            party: next.decider,
                        };
                        return;
                    }
                    play.take_seat(next.decider);
                    play.refresh();
                    let mut advice = play.session.advise_decision(next);
                    if several {
                        advice.reason = sixparty_core::fog::reason(
                            &play.scenario,
                            next.decider,
                            &advice.reason,
                        );
                    }
                    let waiting = pending.iter().filter(|p| p.decider == next.decider).count();
                    self.screen = Screen::Decide(Decision {
                        pending: next,
                        selected: advice.option,
                        advice,
                        scroll: 0,
                        waiting,
                    });
                    return;
                }
                Phase::Ordering => {
                    if let Some(&seat) = play.to_order.first() {
                        if several && play.handed_to != Some(seat) {
                            self.screen = Screen::Handover { party: seat };
                            return;
                        }
                        play.take_seat(seat);
                        play.refresh();
                        self.screen = Screen::Orders;
                        return;
                    }
                    let ended = play.session.end_turn().map(|_| ());
                    if ended.is_ok() {
                        play.to_summarise = play.session.humans().to_vec();
                    }
                    if let (Ok(()), Some(dir)) = (&ended, &self.saves)
                        && !play.session.game.is_over()
                        && let Err(e) = sixparty_core::save::autosave(dir, &mut play.session)
                    {
                        self.status = Some(Status {
                            text: format!("Autosave failed: {e}"),
                            error: true,
                        });
                    }
                    ended
                }
                Phase::Over => {
                    let debrief = Debrief::of(&mut play.session);
                    let mut lines = debrief.lines();
                    if self.whatif_runs > 0 && !play.session.humans().is_empty() {
                        let whatif = sixparty_core::debrief::WhatIf::of(&mut play.session);
                        let runs = self.whatif_runs;
                        let (tx, rx) = std::sync::mpsc::channel();
                        std::thread::spawn(move || {
                            let _ = tx.send(whatif.weigh(runs).ok().flatten());
                        });
                        self.weighing = Some((debrief, rx));
                        lines.insert(
                            2,
                            format!("(Weighing your choices against the alternatives, {runs} AI games each: the turning point appears here in a few seconds.)"),
                        );
                    }
                    self.screen = Screen::Debrief {
                        title: String::from("Debrief"),
                        lines,
                        scroll: 0,
                    };
                    return;
                }
            };
            if let Err(e) = result {
                self.status = Some(Status {
                    text: e.to_string(),
                    error: true,
                });
                return;
            }
        }
    }

    fn on_decide(&mut self, action: Action) {
        let Screen::Decide(d) = &mut self.screen else {
            return;
        };
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let options = play.scenario.events[d.pending.event.0].options.len();
        let chosen = match action {
            Action::Select => Some(d.selected),
            Action::Advisor => Some(d.advice.option),
            Action::Pick(k) if (1..=options).contains(&k) => {
                d.selected = k - 1;
                None
            }
            Action::PageUp => {
                d.scroll = d.scroll.saturating_sub(3);
                None
            }
            Action::PageDown => {
                d.scroll += 3;
                None
            }
            _ => {
                d.selected = moved(d.selected, action, options);
                None
            }
        };
        if let Some(option) = chosen {
            let event = d.pending.event;
            let label = play.scenario.events[event.0].options[option].label.clone();
            match play.session.decide(event, option) {
                Ok(()) => {
                    self.say(format!("Decided: {label}"), false);
                    self.advance();
                }
                Err(e) => self.say(e.to_string(), true),
            }
        }
        self.clamp_scrolls();
    }

    fn on_orders(&mut self, action: Action) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let page = usize::from(self.size.1 / 3).max(1);
        match (action, play.focus) {
            (Action::NextPanel, focus) => play.focus = focus.next(),
            (Action::PreviousPanel, focus) => play.focus = focus.previous(),
            // Esc leaves the news or the map for the orders, where the turn is played.
            (Action::Back, Focus::News | Focus::Map | Focus::Forums) => {
                play.focus = Focus::Orders;
            }
            (Action::EndTurn, _) => {
                if !play.to_order.is_empty() {
                    play.to_order.remove(0);
                }
                play.seen_news = (play.board.turn, play.board.news_now.clone());
                let turn = play.board.turn;
                self.advance();
                let resolved = self.play.as_ref().is_some_and(|p| p.board.turn > turn);
                if self.status.is_none() && resolved {
                    self.say("Turn resolved: see the news.", false);
                }
            }
            (Action::Withdraw, _) => {
                let highlighted = play.board.given.get(play.selected).copied();
                if let Some(o) = highlighted.or_else(|| play.board.given.last().copied()) {
                    self.withdraw(o);
                } else {
                    self.say("No order to withdraw this turn.", true);
                }
            }
            (Action::Advisor, _) => self.take_advice(),
            (Action::Select, Focus::Orders) => {
                let given = play.board.given.len();
                if play.selected < given {
                    let o = play.board.given[play.selected];
                    self.withdraw(o);
                } else if let Some(c) = play.board.ranked.get(play.selected - given) {
                    let o = c.order;
                    self.give(o);
                } else if given >= play.scenario.rules.max_orders as usize {
                    self.say("Every order of the turn is given: e ends the turn.", true);
                }
            }
            (_, Focus::Orders) => {
                let n = play.menu_len();
                play.selected = match action {
                    Action::PageUp => play.selected.saturating_sub(page),
                    Action::PageDown => (play.selected + page).min(n.saturating_sub(1)),
                    _ => moved(play.selected, action, n),
                };
            }
            (_, Focus::News) => {
                play.news_scroll = scrolled(play.news_scroll, action, page, usize::MAX);
                self.clamp_scrolls();
            }
            (Action::Select, Focus::Map) => {
                let party = play.map_party;
                self.orders_toward(party);
            }
            (Action::Select, Focus::Forums) => {
                let forum = play.forum;
                self.orders_at(forum);
            }
            (_, Focus::Forums) => {
                play.forum = moved(play.forum, action, play.scenario.forums.len());
            }
            (_, Focus::Map) => {
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let spots = view::map_spots(play, area);
                let parties = play.scenario.parties.len();
                play.map_party = match action {
                    Action::Left => toward(&spots, play.map_party, (-1, 0)),
                    Action::Right => toward(&spots, play.map_party, (1, 0)),
                    Action::Up => toward(&spots, play.map_party, (0, -1)),
                    Action::Down => toward(&spots, play.map_party, (0, 1)),
                    Action::Home => PartyIx(0),
                    Action::End => PartyIx(parties.saturating_sub(1)),
                    _ => play.map_party,
                };
            }
        }
    }

    /// Enter on a forum: the orders get the focus, with the highlight on the first order at
    /// this forum (a given one first), if there is one.
    fn orders_at(&mut self, forum: usize) {
        let Some(play) = self.play.as_ref() else {
            return;
        };
        let Some(f) = play.scenario.forums.get(forum) else {
            return;
        };
        let none = format!("No order at {} on offer this turn.", f.short);
        let target = sixparty_core::sim::Target::Forum(sixparty_core::scenario::ForumIx(forum));
        self.first_order_at(target, none);
    }

    /// Enter on the map: the orders get the focus, with the highlight on the first order aimed
    /// at this party (a given one first), if there is one.
    fn orders_toward(&mut self, party: PartyIx) {
        let Some(play) = self.play.as_ref() else {
            return;
        };
        if party == play.seat {
            self.say("That is you: orders aim at the others.", false);
            return;
        }
        let none = format!(
            "No order toward {} on offer this turn.",
            play.scenario.party(party).name
        );
        self.first_order_at(sixparty_core::sim::Target::Party(party), none);
    }

    /// Focus the orders with the highlight on the first order (a given one first) aimed at
    /// `target`; or say `none`.
    fn first_order_at(&mut self, target: sixparty_core::sim::Target, none: String) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let first = play
            .board
            .given
            .iter()
            .chain(play.board.ranked.iter().map(|c| &c.order))
            .position(|o| o.target == target);
        match first {
            Some(i) => {
                play.selected = i;
                play.focus = Focus::Orders;
            }
            None => self.say(none, false),
        }
    }

    fn give(&mut self, o: Order) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let label = play.label(&o);
        match play.session.order(o) {
            Ok(()) => {
                play.refresh();
                self.say(format!("Given: {label}"), false);
            }
            Err(e) => self.say(e.to_string(), true),
        }
    }

    fn withdraw(&mut self, o: Order) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let label = play.label(&o);
        play.session.withdraw(o);
        play.refresh();
        self.say(format!("Withdrawn: {label}"), false);
    }

    fn take_advice(&mut self) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let advice: Vec<Order> = play.board.advice.iter().map(|c| c.order).collect();
        if advice.is_empty() {
            self.say("The advisor suggests no further order this turn.", false);
            return;
        }
        let mut given = Vec::new();
        for o in advice {
            let label = play.label(&o);
            match play.session.order(o) {
                Ok(()) => given.push(label),
                Err(e) => {
                    play.refresh();
                    self.say(e.to_string(), true);
                    return;
                }
            }
        }
        play.refresh();
        self.say(
            format!("Advisor's orders given: {}", given.join("; ")),
            false,
        );
    }

    /// Keep scrolled texts within their length at the current size.
    fn clamp_scrolls(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        if let (Some(play), Screen::Orders) = (&mut self.play, &self.screen) {
            let max = view::news_scroll_max(play, area);
            play.news_scroll = play.news_scroll.min(max);
        }
        if let (Some(play), Screen::Decide(d)) = (&self.play, &mut self.screen) {
            let max = view::decision_scroll_max(play, d, area);
            d.scroll = d.scroll.min(max);
        }
        if let Screen::Debrief { lines, scroll, .. } | Screen::Summary { lines, scroll, .. } =
            &mut self.screen
        {
            *scroll = (*scroll).min(view::debrief_scroll_max(lines, area));
        }
    }
}

/// A list index after a move, kept within `n` lines.
fn moved(i: usize, action: Action, n: usize) -> usize {
    let last = n.saturating_sub(1);
    match action {
        Action::Up => i.saturating_sub(1),
        Action::Down => (i + 1).min(last),
        Action::Home => 0,
        Action::End => last,
        Action::PageUp => i.saturating_sub(5),
        Action::PageDown => (i + 5).min(last),
        _ => i.min(last),
    }
}

/// The party nearest `from` in a direction on the map (`(dx, dy)`, one of them 0), among the
/// labels where they are drawn (cells, a row counting as two columns, as it looks); `from`
/// itself when none lies that way.
fn toward(spots: &[(PartyIx, i32, i32)], from: PartyIx, (dx, dy): (i32, i32)) -> PartyIx {
    let Some(&(_, x0, y0)) = spots.iter().find(|s| s.0 == from) else {
        return spots.first().map_or(from, |s| s.0);
    };
    spots
        .iter()
        .filter_map(|&(p, x, y)| {
            let (ax, ay) = (x - x0, 2 * (y - y0));
            let along = ax * dx + ay * dy;
            let across = (ax * dy - ay * dx).abs();
            // Nearer along the way first; a party far off to the side counts as further.
            (p != from && along > 0).then_some((along + 2 * across, p))
        })
        .min_by_key(|&(cost, p)| (cost, p.0))
        .map_or(from, |(_, p)| p)
}

/// A scroll offset after a move, at most `max`.
fn scrolled(s: usize, action: Action, page: usize, max: usize) -> usize {
    match action {
        Action::Up => s.saturating_sub(1),
        Action::Down => s.saturating_add(1).min(max),
        Action::PageUp => s.saturating_sub(page),
        Action::PageDown => s.saturating_add(page).min(max),
        Action::Home => 0,
        Action::End => max,
        _ => s,
    }
}

/// The scenario's briefing for the choice screen: the summary, then what to watch.
fn briefing_text(raw: &sixparty_core::scenario::RawScenario) -> String {
    let mut text = raw.summary.clone();
    if !raw.watch.is_empty() {
        text.push_str("\n\nWhat to watch:");
        for w in &raw.watch {
            text.push_str("\n• ");
            text.push_str(w);
        }
    }
    text
}
