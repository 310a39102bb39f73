//! What a turn produced: its facts for the players, and observations of the dynamics for the
//! debrief.

use serde::{Deserialize, Serialize};

use crate::scenario::{EventIx, PartyIx};

pub use super::fact::Dynamic;
use super::fact::Fact;
use super::state::Order;

/// A moment where the rules produced one of the dynamics: a fact, read as evidence of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Turn it happened.
    pub turn: u32,
    /// Which dynamic.
    pub dynamic: Dynamic,
    /// Parties involved.
    pub parties: Vec<PartyIx>,
    /// What happened, with the figures ([`crate::narrate::observation`] puts it in words).
    pub fact: Fact,
}

/// One entry of the game's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Moment {
    /// An event fired.
    EventFired {
        /// Turn.
        turn: u32,
        /// Event.
        event: EventIx,
    },
    /// A party chose an option of an event.
    Decided {
        /// Turn.
        turn: u32,
        /// Event.
        event: EventIx,
        /// Who chose.
        party: PartyIx,
        /// Option index.
        option: usize,
    },
    /// An order was carried out.
    Ordered {
        /// Turn.
        turn: u32,
        /// The order.
        order: Order,
    },
}

/// What the last turn produced, for the front ends.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TurnReport {
    /// The turn.
    pub turn: u32,
    /// The turn's facts, in the order they happened: events and decisions first, then from
    /// [`TurnReport::resolved`] on, what the orders and forums did.
    pub facts: Vec<Fact>,
    /// Index in `facts` of the first fact of the resolution of orders.
    pub resolved: usize,
}

impl TurnReport {
    /// The facts of the resolution: orders, forums, spill-over.
    pub fn results(&self) -> &[Fact] {
        &self.facts[self.resolved.min(self.facts.len())..]
    }
}
