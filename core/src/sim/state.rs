//! The game state as plain data, and the one interface the rules read and write it through.
//!
//! [`Facts`] is implemented twice: by the ECS world (through `Region`, used by the turn
//! systems) and by [`GameState`], a plain serialisable snapshot (used by the AI's forecasts, the
//! history and saves). The rules are written once, against the trait.

use serde::{Deserialize, Serialize};

pub use super::rules::maths::{alliance_slot, figure_slot};

use crate::scenario::{
    ActionIx, AllianceFigure, AllianceIx, DoctrineIx, EventIx, Figure, ForumIx, ForumStatus,
    PartyIx, Scenario, TrackIx,
};

/// A number in the game state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Var {
    /// A party figure.
    Figure(PartyIx, Figure),
    /// Trust of the first party toward the second, -100..=100.
    Trust(PartyIx, PartyIx),
    /// Threat perception of the first toward the second, 0..=100.
    Threat(PartyIx, PartyIx),
    /// The first party's memory of the second's recent moves toward it, -1..=1 (reciprocity).
    Memory(PartyIx, PartyIx),
    /// A track.
    Track(TrackIx),
    /// An alliance figure, 0..=100.
    Alliance(AllianceIx, AllianceFigure),
    /// A forum's habit of cooperation, 0..=100.
    Habit(ForumIx),
}

impl Var {
    /// The range a value is clamped to.
    pub fn range(self, scenario: &Scenario) -> (f32, f32) {
        use super::rules::maths::{MEMORY, PERCENT, POWER, TRUST};
        match self {
            Var::Figure(_, Figure::Power) => POWER,
            Var::Trust(..) => TRUST,
            Var::Memory(..) => MEMORY,
            Var::Track(t) => {
                let t = &scenario.tracks[t.0];
                (t.min, t.max)
            }
            Var::Figure(..) | Var::Threat(..) | Var::Alliance(..) | Var::Habit(..) => PERCENT,
        }
    }
}

/// What an order or event is aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// Nothing.
    None,
    /// A party (for `Party` and `Ally` actions).
    Party(PartyIx),
    /// A forum.
    Forum(ForumIx),
}

/// One order: a party uses an action on a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Order {
    /// Who orders.
    pub party: PartyIx,
    /// Which action of the catalogue.
    pub action: ActionIx,
    /// At what.
    pub target: Target,
}

impl Order {
    /// "Reassure an ally → Japan": the action's name and its target's.
    pub fn label(&self, s: &crate::scenario::Scenario) -> String {
        let a = &s.actions[self.action.0];
        match self.target {
            Target::None => a.name.clone(),
            Target::Party(p) => format!("{} → {}", a.name, s.parties[p.0].name),
            Target::Forum(f) => format!("{} → {}", a.name, s.forums[f.0].name),
        }
    }

    /// A sort key for the target, so menus can list orders in a fixed order.
    pub fn target_key(&self) -> (u8, usize) {
        match self.target {
            Target::None => (0, 0),
            Target::Party(p) => (1, p.0),
            Target::Forum(f) => (2, f.0),
        }
    }
}

/// An event waiting for its decider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The event.
    pub event: EventIx,
    /// Who decides.
    pub decider: PartyIx,
}

/// Per-turn and per-game bookkeeping the conditions read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// How many times each event has fired.
    pub fired: Vec<u32>,
    /// The last option chosen for each event.
    pub chosen: Vec<Option<usize>>,
    /// Orders given this turn (during resolution) — all parties.
    pub orders: Vec<Order>,
    /// Orders given last turn (what triggers see).
    pub last_orders: Vec<Order>,
    /// Parties boycotting a forum's session this turn.
    pub boycotts: Vec<(PartyIx, ForumIx)>,
    /// Last turn each alliance's patron reassured its client (0 = never).
    pub reassured: Vec<u32>,
    /// Parties that extracted concessions this turn (brinkmanship pays once a turn).
    #[serde(default)]
    pub conceded: Vec<PartyIx>,
}

/// A party's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyState {
    /// Security, prestige, approval, capital, power (in [`Figure`] order).
    pub figures: [f32; 5],
    /// The doctrine it holds now.
    pub doctrine: DoctrineIx,
}

/// An alliance's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllianceState {
    /// Commitment, abandonment fear, entrapment risk (in [`AllianceFigure`] order).
    pub figures: [f32; 3],
}

/// A forum's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForumState {
    /// Status.
    pub status: ForumStatus,
    /// Habit of cooperation.
    pub habit: f32,
    /// Sessions held so far.
    pub sessions: u32,
}

/// The whole game state as plain data: a snapshot of the ECS world.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameState {
    /// The current turn, 1-based; 0 before the first.
    pub turn: u32,
    /// Parties, in scenario order.
    pub parties: Vec<PartyState>,
    /// Trust `[from][to]`.
    pub trust: Vec<Vec<f32>>,
    /// Threat perception `[from][to]`.
    pub threat: Vec<Vec<f32>>,
    /// Reciprocity memory `[from][to]`.
    pub memory: Vec<Vec<f32>>,
    /// Alliances.
    pub alliances: Vec<AllianceState>,
    /// Forums.
    pub forums: Vec<ForumState>,
    /// Track values.
    pub tracks: Vec<f32>,
    /// Bookkeeping.
    pub record: Record,
}

/// A party's figures, in the order of [`PartyState::figures`].
pub(crate) const FIGURES: [Figure; 5] = [
    Figure::Security,
    Figure::Prestige,
    Figure::Approval,
    Figure::Capital,
    Figure::Power,
];

/// An alliance's figures, in the order of [`AllianceState::figures`].
pub(crate) const ALLIANCE_FIGURES: [AllianceFigure; 3] = [
    AllianceFigure::Commitment,
    AllianceFigure::AbandonmentFear,
    AllianceFigure::EntrapmentRisk,
];

impl GameState {
    /// The state before the first turn, as the scenario sets it.
    pub fn initial(s: &Scenario) -> Self {
        let n = s.parties.len();
        Self {
            turn: 0,
            parties: s
                .parties
                .iter()
                .map(|p| PartyState {
                    figures: [p.security, p.prestige, p.approval, 0.0, p.power],
                    doctrine: p.doctrine,
                })
                .collect(),
            trust: s.trust.clone(),
            threat: s.threat.clone(),
            memory: vec![vec![0.0; n]; n],
            alliances: s
                .alliances
                .iter()
                .map(|a| AllianceState {
                    figures: [a.commitment, a.abandonment_fear, a.entrapment_risk],
                })
                .collect(),
            forums: s
                .forums
                .iter()
                .map(|f| ForumState {
                    status: f.status,
                    habit: f.habit,
                    sessions: 0,
                })
                .collect(),
            tracks: s.tracks.iter().map(|t| t.value).collect(),
            record: Record {
                fired: vec![0; s.events.len()],
                chosen: vec![None; s.events.len()],
                reassured: vec![0; s.alliances.len()],
                ..Record::default()
            },
        }
    }
}

/// Read and write access to the game state, for the rules.
pub trait Facts {
    /// The scenario being played.
    fn scenario(&self) -> &Scenario;
    /// Read a number.
    fn get(&self, v: Var) -> f32;
    /// Write a number as is (callers go through [`Facts::add`] or [`Facts::set`], which clamp).
    fn put(&mut self, v: Var, x: f32);
    /// A forum's status.
    fn forum_status(&self, f: ForumIx) -> ForumStatus;
    /// Change a forum's status.
    fn set_forum_status(&mut self, f: ForumIx, s: ForumStatus);
    /// Count a forum session.
    fn count_session(&mut self, f: ForumIx);
    /// A party's doctrine.
    fn doctrine(&self, p: PartyIx) -> DoctrineIx;
    /// Change a party's doctrine.
    fn set_doctrine(&mut self, p: PartyIx, d: DoctrineIx);
    /// The current turn, 1-based.
    fn turn(&self) -> u32;
    /// How many times an event has fired.
    fn fired_count(&self, e: EventIx) -> u32;
    /// Count a firing of an event.
    fn note_fired(&mut self, e: EventIx);
    /// The option last chosen for an event, if one ever was.
    fn chosen(&self, e: EventIx) -> Option<usize>;
    /// Record the option chosen for an event.
    fn choose(&mut self, e: EventIx, option: usize);
    /// Every party's orders of this turn, while they resolve (empty before).
    fn orders(&self) -> &[Order];
    /// Every party's orders of last turn.
    fn last_orders(&self) -> &[Order];
    /// Parties boycotting a forum's session this turn.
    fn boycotts(&self) -> &[(PartyIx, ForumIx)];
    /// Note that a party boycotts a forum's session this turn.
    fn boycott(&mut self, p: PartyIx, x: ForumIx);
    /// Whether a party has extracted concessions this turn (brinkmanship pays once a turn).
    fn conceded(&self, p: PartyIx) -> bool;
    /// Note that a party extracted concessions this turn.
    fn concede(&mut self, p: PartyIx);
    /// The last turn an alliance's patron reassured its client (0: never).
    fn reassured(&self, a: AllianceIx) -> u32;
    /// Note that an alliance's patron reassured its client this turn.
    fn note_reassured(&mut self, a: AllianceIx);

    /// Set a number, clamped to its range; returns the change actually made.
    fn set(&mut self, v: Var, x: f32) -> f32 {
        let range = v.range(self.scenario());
        let old = self.get(v);
        let new = super::rules::maths::fit(x, range, old);
        self.put(v, new);
        new - old
    }

    /// Add to a number, clamped to its range; returns the change actually made.
    fn add(&mut self, v: Var, delta: f32) -> f32 {
        let old = self.get(v);
        self.set(v, old + delta)
    }

    /// Whether an event has fired.
    fn fired(&self, e: EventIx) -> bool {
        self.fired_count(e) > 0
    }
}

/// The [`Facts`] of a plain snapshot; the AI forecasts on a clone of one.
pub struct StateFacts<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The state.
    pub state: GameState,
}

impl Facts for StateFacts<'_> {
    fn scenario(&self) -> &Scenario {
        self.scenario
    }

    fn get(&self, v: Var) -> f32 {
        let s = &self.state;
        match v {
            Var::Figure(p, f) => s.parties[p.0].figures[figure_slot(f)],
            Var::Trust(a, b) => s.trust[a.0][b.0],
            Var::Threat(a, b) => s.threat[a.0][b.0],
            Var::Memory(a, b) => s.memory[a.0][b.0],
            Var::Track(t) => s.tracks[t.0],
            Var::Alliance(a, f) => s.alliances[a.0].figures[alliance_slot(f)],
            Var::Habit(f) => s.forums[f.0].habit,
        }
    }

    fn put(&mut self, v: Var, x: f32) {
        let s = &mut self.state;
        match v {
            Var::Figure(p, f) => s.parties[p.0].figures[figure_slot(f)] = x,
            Var::Trust(a, b) => s.trust[a.0][b.0] = x,
            Var::Threat(a, b) => s.threat[a.0][b.0] = x,
            Var::Memory(a, b) => s.memory[a.0][b.0] = x,
            Var::Track(t) => s.tracks[t.0] = x,
            Var::Alliance(a, f) => s.alliances[a.0].figures[alliance_slot(f)] = x,
            Var::Habit(f) => s.forums[f.0].habit = x,
        }
    }

    fn forum_status(&self, f: ForumIx) -> ForumStatus {
        self.state.forums[f.0].status
    }

    fn set_forum_status(&mut self, f: ForumIx, s: ForumStatus) {
        self.state.forums[f.0].status = s;
    }

    fn count_session(&mut self, f: ForumIx) {
        self.state.forums[f.0].sessions += 1;
    }

    fn doctrine(&self, p: PartyIx) -> DoctrineIx {
        self.state.parties[p.0].doctrine
    }

    fn set_doctrine(&mut self, p: PartyIx, d: DoctrineIx) {
        self.state.parties[p.0].doctrine = d;
    }

    fn turn(&self) -> u32 {
        self.state.turn
    }

    fn fired_count(&self, e: EventIx) -> u32 {
        self.state.record.fired.get(e.0).copied().unwrap_or(0)
    }

    fn note_fired(&mut self, e: EventIx) {
        if let Some(slot) = self.state.record.fired.get_mut(e.0) {
            *slot += 1;
        }
    }

    fn chosen(&self, e: EventIx) -> Option<usize> {
        self.state.record.chosen.get(e.0).copied().flatten()
    }

    fn choose(&mut self, e: EventIx, option: usize) {
        if let Some(slot) = self.state.record.chosen.get_mut(e.0) {
            *slot = Some(option);
        }
    }

    fn orders(&self) -> &[Order] {
        &self.state.record.orders
    }

    fn last_orders(&self) -> &[Order] {
        &self.state.record.last_orders
    }

    fn boycotts(&self) -> &[(PartyIx, ForumIx)] {
        &self.state.record.boycotts
    }

    fn boycott(&mut self, p: PartyIx, x: ForumIx) {
        let b = &mut self.state.record.boycotts;
        if !b.contains(&(p, x)) {
            b.push((p, x));
        }
    }

    fn conceded(&self, p: PartyIx) -> bool {
        self.state.record.conceded.contains(&p)
    }

    fn concede(&mut self, p: PartyIx) {
        self.state.record.conceded.push(p);
    }

    fn reassured(&self, a: AllianceIx) -> u32 {
        self.state.record.reassured.get(a.0).copied().unwrap_or(0)
    }

    fn note_reassured(&mut self, a: AllianceIx) {
        let turn = self.state.turn;
        if let Some(slot) = self.state.record.reassured.get_mut(a.0) {
            *slot = turn;
        }
    }
}

impl StateFacts<'_> {
    /// The bookkeeping.
    pub fn record(&self) -> &Record {
        &self.state.record
    }

    /// The bookkeeping, to write (the lookahead turns the month over with it).
    pub fn record_mut(&mut self) -> &mut Record {
        &mut self.state.record
    }
}
