//! The game's flow: building the [`App`] for a start (the catalogue, a chosen scenario, a
//! loaded save, a text to read), and moving the game on to the next thing a person must do —
//! a seat's summary, a hand-over, a decision, the orders, the next turn, the debrief — with the
//! saves on the way. The [`Play`]'s board is read from the session here.
//!
//! Called from `App::update` (in `app`); nothing here reads a key or draws.

use std::sync::Arc;

use sixparty_core::debrief::Debrief;
use sixparty_core::scenario::{Entry, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::{GameState, Phase};
use sixparty_core::table::{Step, Table};

use super::layout;
use super::model::{App, Board, Decision, Focus, Outcome, Play, Screen, Status};
use super::theme::Theme;

impl Play {
    /// A game just set up: its first board is read by `refresh`.
    fn new(session: Session) -> Self {
        let scenario = session.scenario();
        let seat = session.humans().first().copied().unwrap_or(PartyIx(0));
        let state = GameState::initial(&scenario);
        Self {
            table: Table::new(session),
            scenario,
            seat,
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
    pub(super) fn refresh(&mut self) {
        let p = self.seat;
        let s = self.table.session_mut();
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
                c.reason = sixparty_core::fog::reason(&sc, p, &c.why);
            }
        }
        self.board = Board {
            fog,
            turn,
            capital_left: s.game.capital_left(p),
            news_now: sixparty_core::narrate::news_lines(&s.scenario(), s.game.facts_so_far()),
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
            size: (layout::MIN_WIDTH, layout::MIN_HEIGHT),
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
            debrief.add_weighed(&play.table.session().scenario(), weighed);
        }
        if let Screen::Debrief { lines, .. } = &mut self.screen {
            *lines = debrief.lines();
        }
        true
    }

    /// Save games in this folder: the `s` key, an autosave after every turn and on leaving.
    #[must_use]
    pub fn with_saves(mut self, dir: std::path::PathBuf) -> Self {
        if let Some(play) = &mut self.play {
            play.table.set_saves(Some(dir.clone()));
        }
        self.saves = Some(dir);
        self
    }

    /// Autosave the game in progress, if saves are on; says so when it fails.
    fn autosave(&mut self) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        if play.table.session().game.is_over() {
            return;
        }
        if let Some(Err(e)) = play.table.autosave() {
            self.say(format!("Autosave failed: {e}"), true);
        }
    }

    /// How leaving now ends the game.
    fn leave(&self) -> Outcome {
        match (&self.screen, &self.play) {
            (Screen::Debrief { .. }, _) => Outcome::Finished,
            (_, Some(play)) => Outcome::Quit {
                turn: play.table.session().game.turn(),
            },
            (_, None) => Outcome::Quit { turn: 0 },
        }
    }

    /// Show a one-line message (an error when `error`) until the next action.
    pub(super) fn say(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
        });
    }

    /// Leave now: autosave a game in progress, then end the loop.
    pub(super) fn leave_now(&mut self) {
        if self.play.is_some() && !matches!(self.screen, Screen::Debrief { .. }) {
            self.autosave();
        }
        self.outcome = Some(self.leave());
    }

    pub(super) fn save_now(&mut self) {
        let (Some(dir), Some(play)) = (self.saves.clone(), self.play.as_mut()) else {
            self.say("Saving is off in this game.", true);
            return;
        };
        let name = sixparty_core::save::default_name(play.table.session());
        match sixparty_core::save::save(&dir, &name, play.table.session_mut()) {
            Ok(path) => self.say(
                format!("Saved: {} (load with --load {name})", path.display()),
                false,
            ),
            Err(e) => self.say(format!("Not saved: {e}"), true),
        }
    }

    /// A scenario is loaded: choose the seats, or start if they are known.
    pub(super) fn scenario_chosen(&mut self, scenario: Arc<Scenario>) {
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
            self.start_new(scenario, humans);
        }
    }

    /// A new game of `scenario` with these human seats (the others played at the difficulty
    /// chosen), from its first turn.
    pub(super) fn start_new(&mut self, scenario: Arc<Scenario>, humans: Vec<PartyIx>) {
        let policies = self.difficulty.seats(&scenario, &humans);
        let session = Session::with_policies(scenario, self.seed, humans, policies);
        self.start(session);
    }

    fn start(&mut self, session: Session) {
        self.humans = session.humans().to_vec();
        // The table knows where a loaded game stands: the seats with orders still to give, the
        // month's results shown again for a game saved on them.
        let mut play = Play::new(session);
        play.table.set_saves(self.saves.clone());
        self.play = Some(play);
        self.advance();
    }

    /// Move the game on to the next thing a person must do — a hand-over, a decision, a
    /// seat's orders, a month's results, the debrief — as the core's [`Table`] says, and show it.
    pub(super) fn advance(&mut self) {
        let several = self.humans.len() > 1;
        let Some(play) = self.play.as_mut() else {
            return;
        };
        loop {
            let step = match play.table.step() {
                Ok(step) => step,
                Err(e) => {
                    self.status = Some(Status {
                        text: e.to_string(),
                        error: true,
                    });
                    return;
                }
            };
            match step {
                Step::NewMonth => {
                    play.news_scroll = 0;
                    play.focus = Focus::Orders;
                }
                Step::Resolved => {
                    if let Some(Err(e)) = play.table.autosaved() {
                        self.status = Some(Status {
                            text: format!("Autosave failed: {e}"),
                            error: true,
                        });
                    }
                }
                Step::HandOver(party) => {
                    self.screen = Screen::Handover { party };
                    return;
                }
                Step::Summary(seat) => {
                    play.take_seat(seat);
                    play.refresh();
                    let lines = sixparty_core::fog::summary(play.table.session_mut(), seat);
                    self.screen = Screen::Summary {
                        party: seat,
                        lines,
                        scroll: 0,
                    };
                    return;
                }
                Step::Decide(next) => {
                    play.take_seat(next.decider);
                    play.refresh();
                    let mut advice = play.table.session_mut().advise_decision(next);
                    if several {
                        advice.reason =
                            sixparty_core::fog::reason(&play.scenario, next.decider, &advice.why);
                    }
                    let waiting = play
                        .table
                        .session()
                        .human_decisions()
                        .iter()
                        .filter(|p| p.decider == next.decider)
                        .count();
                    self.screen = Screen::Decide(Decision {
                        pending: next,
                        selected: advice.option,
                        advice,
                        scroll: 0,
                        waiting,
                    });
                    return;
                }
                Step::Orders(seat) => {
                    play.take_seat(seat);
                    play.refresh();
                    self.screen = Screen::Orders;
                    return;
                }
                Step::Over => {
                    let session = play.table.session_mut();
                    let debrief = Debrief::of(session);
                    let mut lines = debrief.lines();
                    if self.whatif_runs > 0 && !session.humans().is_empty() {
                        let whatif = sixparty_core::debrief::WhatIf::of(session);
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
            }
        }
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
