//! What a turn produced: news for the players, and observations of the dynamics for the debrief.

use serde::{Deserialize, Serialize};

use crate::scenario::{EventIx, PartyIx};

use super::state::Order;

/// The ten dynamics the rules produce and the debrief names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dynamic {
    /// Forums that meet build trust even when the core problem stays unsolved.
    HabitsOfCooperation,
    /// Reassuring an ally calms it but entangles the patron and alarms the rival.
    AllianceSecurityDilemma,
    /// Growth or build-up alarms others whatever the intent; transparency damps it.
    SecurityDilemma,
    /// A bilateral row spills into multilateral cooperation.
    IssueLinkage,
    /// Raising an excluded topic makes its owner walk out.
    RedLines,
    /// Hosting and mediating earns prestige and influence.
    ConvenersLeverage,
    /// Overlapping venues: parties choose where to invest.
    ForumShopping,
    /// A weak party's provocations extract concessions, at a price in trust.
    Brinkmanship,
    /// A change of government shifts a party's doctrine mid-game.
    DomesticPolitics,
    /// Parties answer in kind: cooperation met with cooperation, pressure with pressure.
    Reciprocity,
}

impl Dynamic {
    /// All ten, in the order of the design.
    pub const ALL: [Dynamic; 10] = [
        Dynamic::HabitsOfCooperation,
        Dynamic::AllianceSecurityDilemma,
        Dynamic::SecurityDilemma,
        Dynamic::IssueLinkage,
        Dynamic::RedLines,
        Dynamic::ConvenersLeverage,
        Dynamic::ForumShopping,
        Dynamic::Brinkmanship,
        Dynamic::DomesticPolitics,
        Dynamic::Reciprocity,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Dynamic::HabitsOfCooperation => "Habits of cooperation",
            Dynamic::AllianceSecurityDilemma => "Alliance security dilemma",
            Dynamic::SecurityDilemma => "Security dilemma and power transition",
            Dynamic::IssueLinkage => "Issue linkage and spill-over",
            Dynamic::RedLines => "Agenda control and red lines",
            Dynamic::ConvenersLeverage => "Convener's leverage",
            Dynamic::ForumShopping => "Forum shopping",
            Dynamic::Brinkmanship => "Brinkmanship",
            Dynamic::DomesticPolitics => "Domestic politics",
            Dynamic::Reciprocity => "Reciprocity",
        }
    }
}

/// A line of news.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct News {
    /// The text.
    pub text: String,
}

/// A moment where the rules produced one of the dynamics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    /// Turn it happened.
    pub turn: u32,
    /// Which dynamic.
    pub dynamic: Dynamic,
    /// Parties involved.
    pub parties: Vec<PartyIx>,
    /// What happened, with the figures.
    pub text: String,
}

/// Collects what the rules did while they ran.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Log {
    /// News lines.
    pub news: Vec<News>,
    /// Observations.
    pub observed: Vec<(Dynamic, Vec<PartyIx>, String)>,
    /// Index in `news` where the orders of the turn began to resolve.
    pub resolve_start: usize,
}

impl Log {
    /// Add a news line.
    pub fn news(&mut self, text: impl Into<String>) {
        self.news.push(News { text: text.into() });
    }

    /// Note a dynamic at work.
    pub fn observe(&mut self, dynamic: Dynamic, parties: Vec<PartyIx>, text: impl Into<String>) {
        self.observed.push((dynamic, parties, text.into()));
    }
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

/// What the last turn produced, for the UI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TurnReport {
    /// The turn.
    pub turn: u32,
    /// News, in the order it happened: events and decisions first, then from
    /// [`TurnReport::resolved`] on, what the orders and forums did.
    pub news: Vec<News>,
    /// Index in `news` of the first line produced by the resolution of orders.
    pub resolved: usize,
}

impl TurnReport {
    /// The news of the resolution: orders, forums, spill-over.
    pub fn results(&self) -> &[News] {
        &self.news[self.resolved.min(self.news.len())..]
    }
}
