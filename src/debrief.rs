//! The debrief: scores against objectives, the timeline, and which dynamics occurred and why.

use crate::scenario::PartyIx;
use crate::session::Session;
use crate::sim::Dynamic;

/// A party's score at the start and the end.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyScore {
    /// The party.
    pub party: PartyIx,
    /// Its name.
    pub name: String,
    /// Played by a person.
    pub human: bool,
    /// Score at the start, 0..=100.
    pub start: f32,
    /// Score at the end, 0..=100.
    pub end: f32,
    /// Each objective: text, weight, value at start and end (0..=1).
    pub objectives: Vec<ObjectiveScore>,
}

/// One objective's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveScore {
    /// What it means.
    pub text: String,
    /// Its weight.
    pub weight: f32,
    /// How well it was met at the start, 0..=1.
    pub start: f32,
    /// How well it was met at the end, 0..=1.
    pub end: f32,
}

/// A line of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// Turn.
    pub turn: u32,
    /// "Mar 2010".
    pub date: String,
    /// What happened.
    pub text: String,
}

/// Whether a dynamic occurred, and why we say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The dynamic.
    pub dynamic: Dynamic,
    /// Whether it occurred.
    pub occurred: bool,
    /// First turn it showed.
    pub turn: Option<u32>,
    /// One sentence with the figures behind it.
    pub why: String,
}

/// The whole debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    /// Scenario title.
    pub title: String,
    /// The seed, to replay the game.
    pub seed: u64,
    /// Turns played.
    pub turns_played: u32,
    /// Scores, in party order.
    pub scores: Vec<PartyScore>,
    /// Key events and decisions.
    pub timeline: Vec<TimelineEntry>,
    /// The ten dynamics.
    pub findings: Vec<Finding>,
}
