//! [`Table`]: one game at one table — the turn flow every front end shares.
//!
//! A game is played month by month, and in each month someone must act: the human seats decide
//! the events put to them, give their orders, and read the month's results; in hot-seat play the
//! keyboard passes between them. The [`Table`] knows whose turn it is and what it waits for; a
//! front end (the terminal screen, the plain mode, and next a server) asks [`Table::step`] what
//! to show, shows it, and hands the answer back. The AI seats never wait: their policies answer
//! inside the [`Session`] the moment they are asked (their events when the month begins, their
//! orders when orders open), so a seat is asked for its decisions and orders through one door,
//! whether a person or a policy sits in it.
//!
//! The order of a month, for the front ends:
//! 1. [`Step::NewMonth`]: events fired and the AI decided (show the news);
//! 2. for each event waiting for a human: [`Step::Decide`] (answer with [`Table::decide`]);
//!    decisions of the seat at the keyboard come first, to save hand-overs;
//! 3. for each human seat in the order the seats were given: [`Step::Orders`] (give orders
//!    through [`Table::session`], then [`Table::done_ordering`]);
//! 4. [`Step::Resolved`]: the month resolved and was autosaved (if the table has a saves folder);
//! 5. for each human seat: [`Step::Summary`] (then [`Table::seen_summary`]);
//! 6. after the last month, [`Step::Over`].
//!
//! With two or more human seats, before a seat acts the table asks for [`Step::HandOver`] to it
//! (answer [`Table::handed`] once that seat's player has the keyboard). A table resumed between
//! two months shows the last month's summaries again: a save made on the results screen comes
//! back to it.

use std::path::{Path, PathBuf};

use crate::save::{self, SaveError};
use crate::scenario::{EventIx, PartyIx};
use crate::session::Session;
use crate::sim::{GameError, Pending, Phase};

/// What the table waits for next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A month has begun (events fired, the AI seats decided): show its news; nothing to answer.
    NewMonth,
    /// Pass the keyboard to this seat's player; answer [`Table::handed`].
    HandOver(PartyIx),
    /// This event waits for its decider's choice; answer [`Table::decide`].
    Decide(Pending),
    /// This seat gives its orders (through the session); answer [`Table::done_ordering`].
    Orders(PartyIx),
    /// The month resolved (and was autosaved, see [`Table::autosaved`]); nothing to answer.
    Resolved,
    /// This seat reads the month's results; answer [`Table::seen_summary`].
    Summary(PartyIx),
    /// The game is over: the debrief.
    Over,
}

/// One game at one table: the session and where the month's flow stands.
pub struct Table {
    session: Session,
    /// Human seats still to give their orders this month, in the order the seats were given.
    to_order: Vec<PartyIx>,
    /// Human seats still to read the month's results.
    to_summarise: Vec<PartyIx>,
    /// The seat whose player has the keyboard (hot-seat).
    handed_to: Option<PartyIx>,
    saves: Option<PathBuf>,
    autosaved: Option<Result<PathBuf, SaveError>>,
    /// A game loaded mid-month announces its month first, as a month that begins does.
    announce: bool,
}

impl Table {
    /// A table for a session, new or loaded, wherever in its month it stands.
    pub fn new(session: Session) -> Self {
        let phase = session.game.phase();
        let humans = session.humans().to_vec();
        // Loaded mid-month: the seats that still have orders to give are all of them (orders
        // already given stay given, and a seat may add to them or end at once).
        let to_order = if matches!(phase, Phase::Deciding | Phase::Ordering) {
            humans.clone()
        } else {
            Vec::new()
        };
        // Loaded between two months: the month's results show again.
        let to_summarise = if phase == Phase::BetweenTurns && session.game.turn() > 0 {
            humans
        } else {
            Vec::new()
        };
        Self {
            session,
            to_order,
            to_summarise,
            handed_to: None,
            saves: None,
            autosaved: None,
            announce: matches!(phase, Phase::Deciding | Phase::Ordering),
        }
    }

    /// Autosave into this folder after every month ([`save::autosave`]).
    #[must_use]
    pub fn with_saves(mut self, dir: PathBuf) -> Self {
        self.saves = Some(dir);
        self
    }

    /// Autosave into this folder from now on, or no longer.
    pub fn set_saves(&mut self, dir: Option<PathBuf>) {
        self.saves = dir;
    }

    /// The saves folder, if the table autosaves.
    pub fn saves(&self) -> Option<&Path> {
        self.saves.as_deref()
    }

    /// The game and its seats.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The game and its seats, to give orders, ask the advisor, read the state.
    pub fn session_mut(&mut self) -> &mut Session {
        &mut self.session
    }

    /// The session, leaving the table.
    pub fn into_session(self) -> Session {
        self.session
    }

    /// Whether two or more seats share the keyboard (and the fog of war is on).
    pub fn hot_seat(&self) -> bool {
        self.session.humans().len() > 1
    }

    /// The seat whose player has the keyboard.
    pub fn handed_to(&self) -> Option<PartyIx> {
        self.handed_to
    }

    /// Human seats that still have orders to give this month.
    pub fn waiting_orders(&self) -> &[PartyIx] {
        &self.to_order
    }

    /// Human seats that still have the month's results to read.
    pub fn waiting_summaries(&self) -> &[PartyIx] {
        &self.to_summarise
    }

    /// How the last month's autosave went, once the month resolved (`None` without a saves
    /// folder, or before the first month resolved).
    pub fn autosaved(&self) -> Option<&Result<PathBuf, SaveError>> {
        self.autosaved.as_ref()
    }

    /// Save the game now as the newest autosave (leaving, quitting, a signal).
    pub fn autosave(&mut self) -> Option<Result<PathBuf, SaveError>> {
        let dir = self.saves.clone()?;
        Some(save::autosave(&dir, &mut self.session))
    }

    /// The seat `seat` needs the keyboard: `Some(HandOver)` in hot-seat when another seat
    /// holds it, else the seat takes it.
    fn seat(&mut self, seat: PartyIx) -> Option<Step> {
        if self.hot_seat() && self.handed_to != Some(seat) {
            return Some(Step::HandOver(seat));
        }
        self.handed_to = Some(seat);
        None
    }

    /// Move the game on until someone must act, and say what. Starting a month, opening orders
    /// and resolving the month happen here, when nobody is left to wait for.
    pub fn step(&mut self) -> Result<Step, GameError> {
        if std::mem::take(&mut self.announce) {
            return Ok(Step::NewMonth);
        }
        loop {
            if let Some(&seat) = self.to_summarise.first() {
                return Ok(self.seat(seat).unwrap_or(Step::Summary(seat)));
            }
            match self.session.game.phase() {
                Phase::BetweenTurns => {
                    self.session.start_turn()?;
                    self.to_order = self.session.humans().to_vec();
                    return Ok(Step::NewMonth);
                }
                Phase::Deciding => {
                    let pending = self.session.human_decisions();
                    let Some(next) = pending
                        .iter()
                        .find(|p| Some(p.decider) == self.handed_to)
                        .or(pending.first())
                        .copied()
                    else {
                        self.session.open_orders()?;
                        continue;
                    };
                    return Ok(self.seat(next.decider).unwrap_or(Step::Decide(next)));
                }
                Phase::Ordering => {
                    if let Some(&seat) = self.to_order.first() {
                        return Ok(self.seat(seat).unwrap_or(Step::Orders(seat)));
                    }
                    self.session.end_turn()?;
                    self.to_summarise = self.session.humans().to_vec();
                    if let Some(dir) = self.saves.clone() {
                        self.autosaved = Some(save::autosave(&dir, &mut self.session));
                    }
                    return Ok(Step::Resolved);
                }
                Phase::Over => return Ok(Step::Over),
            }
        }
    }

    /// The seat's player has the keyboard now (after [`Step::HandOver`]).
    pub fn handed(&mut self, seat: PartyIx) {
        self.handed_to = Some(seat);
    }

    /// The decision for a waiting event (after [`Step::Decide`]).
    pub fn decide(&mut self, event: EventIx, option: usize) -> Result<(), GameError> {
        self.session.decide(event, option)
    }

    /// The seat has given its orders this month (after [`Step::Orders`]).
    pub fn done_ordering(&mut self, seat: PartyIx) {
        self.to_order.retain(|s| *s != seat);
    }

    /// The seat has read the month's results (after [`Step::Summary`]).
    pub fn seen_summary(&mut self, seat: PartyIx) {
        self.to_summarise.retain(|s| *s != seat);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::scenario;

    fn table(humans: &[&str]) -> Table {
        let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).expect("loads"));
        let seats = humans
            .iter()
            .map(|id| s.party_by_id(id).expect("a party"))
            .collect();
        Table::new(Session::new(s, 7, seats))
    }

    /// Play the table to the end, answering every step with the first option and no orders;
    /// returns the steps seen.
    fn play(t: &mut Table) -> Vec<Step> {
        let mut steps = Vec::new();
        loop {
            let step = t.step().expect("a step");
            steps.push(step);
            match step {
                Step::HandOver(seat) => t.handed(seat),
                Step::Decide(p) => t.decide(p.event, 0).expect("decides"),
                Step::Orders(seat) => t.done_ordering(seat),
                Step::Summary(seat) => t.seen_summary(seat),
                Step::NewMonth | Step::Resolved => {}
                Step::Over => return steps,
            }
        }
    }

    #[test]
    fn a_single_seat_is_never_handed_over_and_sees_every_month() {
        let mut t = table(&["japan"]);
        let steps = play(&mut t);
        let japan = t.session().humans()[0];
        let months = t.session().scenario().turns as usize;
        let count = |s: Step| steps.iter().filter(|x| **x == s).count();
        assert_eq!(count(Step::NewMonth), months);
        assert_eq!(count(Step::Resolved), months);
        assert_eq!(count(Step::Orders(japan)), months);
        assert_eq!(count(Step::Summary(japan)), months);
        assert!(!steps.iter().any(|s| matches!(s, Step::HandOver(_))));
        assert!(
            steps
                .iter()
                .any(|s| matches!(s, Step::Decide(p) if p.decider == japan)),
            "the campaign puts decisions to Japan"
        );
        assert_eq!(steps.last(), Some(&Step::Over));
    }

    #[test]
    fn hot_seat_hands_over_before_each_seat_acts_and_keeps_the_order_of_the_seats() {
        let mut t = table(&["japan", "china"]);
        let (japan, china) = (t.session().humans()[0], t.session().humans()[1]);
        let steps = play(&mut t);
        // Every action of a seat comes after a hand-over to it, with no other seat's in between.
        let mut holder = None;
        for s in &steps {
            match s {
                Step::HandOver(seat) => holder = Some(*seat),
                Step::Decide(p) => assert_eq!(holder, Some(p.decider), "{steps:?}"),
                Step::Orders(seat) | Step::Summary(seat) => {
                    assert_eq!(holder, Some(*seat), "{steps:?}");
                }
                _ => {}
            }
        }
        // Each month: Japan's orders, then China's; the summaries in the same order.
        let orders: Vec<PartyIx> = steps
            .iter()
            .filter_map(|s| match s {
                Step::Orders(p) => Some(*p),
                _ => None,
            })
            .collect();
        assert!(orders.chunks(2).all(|c| c == [japan, china]), "{orders:?}");
    }

    #[test]
    fn a_table_resumed_between_months_shows_the_results_again() {
        let mut t = table(&["japan"]);
        let japan = t.session().humans()[0];
        // Play one month.
        loop {
            match t.step().expect("a step") {
                Step::Decide(p) => t.decide(p.event, 0).expect("decides"),
                Step::Orders(seat) => t.done_ordering(seat),
                Step::Resolved => break,
                _ => {}
            }
        }
        assert_eq!(t.step().expect("a step"), Step::Summary(japan));
        let session = t.into_session();
        // (Between months, a resumed table shows the month's results again.)
        let mut resumed = Table::new(session);
        assert_eq!(resumed.step().expect("a step"), Step::Summary(japan));
        resumed.seen_summary(japan);
        assert_eq!(resumed.step().expect("a step"), Step::NewMonth);
    }

    #[test]
    fn a_table_resumed_mid_month_announces_the_month_then_asks_the_seat() {
        let mut t = table(&["japan"]);
        let japan = t.session().humans()[0];
        assert_eq!(t.step().expect("a step"), Step::NewMonth);
        let mut resumed = Table::new(t.into_session());
        assert_eq!(resumed.step().expect("a step"), Step::NewMonth);
        let next = resumed.step().expect("a step");
        assert!(
            matches!(next, Step::Decide(p) if p.decider == japan) || next == Step::Orders(japan),
            "{next:?}"
        );
    }
}
