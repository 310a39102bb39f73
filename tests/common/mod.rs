//! Helpers shared by the scenario tests: look scenario items up by id, and drive a seat with the
//! advisor except where a test pins a choice.
//!
//! Each test file that says `mod common;` compiles its own copy, so helpers one file does not use
//! are not dead code in the crate's sense.
#![allow(dead_code)]

use std::sync::Arc;

use sixparty_core::scenario::{self, ActionIx, AllianceIx, ForumIx, PartyIx, Scenario, TrackIx};
use sixparty_core::session::Session;

/// A built-in scenario by id.
pub fn load(id: &str) -> Arc<Scenario> {
    Arc::new(scenario::resolve(id, None).unwrap_or_else(|e| panic!("{id} loads: {e}")))
}

/// A party's index by id; panics naming the id if the scenario has no such party.
pub fn party(s: &Scenario, id: &str) -> PartyIx {
    PartyIx(s.parties.iter().position(|p| p.id == id).expect(id))
}

/// A forum's index by id.
pub fn forum(s: &Scenario, id: &str) -> ForumIx {
    ForumIx(s.forums.iter().position(|f| f.id == id).expect(id))
}

/// A track's index by id.
pub fn track(s: &Scenario, id: &str) -> TrackIx {
    TrackIx(s.tracks.iter().position(|t| t.id == id).expect(id))
}

/// An action's index by id.
pub fn action(s: &Scenario, id: &str) -> ActionIx {
    ActionIx(s.actions.iter().position(|a| a.id == id).expect(id))
}

/// An alliance's index by id.
pub fn alliance(s: &Scenario, id: &str) -> AllianceIx {
    AllianceIx(s.alliances.iter().position(|a| a.id == id).expect(id))
}

/// Answer every decision the human seats face this month: with the option named in `pinned`
/// for that event (`(event id, option id)`), else with the advisor's pick. Returns the ids of the
/// pinned events that were answered.
pub fn decide(session: &mut Session, pinned: &[(&str, &str)]) -> Vec<String> {
    let s = session.scenario();
    let mut answered = Vec::new();
    for p in session.human_decisions() {
        let event = &s.events[p.event.0];
        let option = match pinned.iter().find(|(e, _)| *e == event.id) {
            Some((_, o)) => {
                answered.push(event.id.clone());
                event
                    .options
                    .iter()
                    .position(|opt| opt.id == *o)
                    .unwrap_or_else(|| panic!("event {} has no option {o}", event.id))
            }
            None => session.advise_decision(p).option,
        };
        session.decide(p.event, option).unwrap();
    }
    answered
}

/// Give `seat` the advisor's orders for this month, as many as it can afford.
pub fn advised_orders(session: &mut Session, seat: PartyIx) {
    while let Some(advice) = session.advise_orders(seat).into_iter().next() {
        if session.order(advice.order).is_err() {
            break;
        }
    }
}
