//! The rules that touch one piece at a time, as plain maths: one piece's numbers in, its numbers
//! out, clamped to their ranges.
//!
//! Both ways of applying a rule call these: the loops over [`Facts`](crate::sim::Facts) (which the
//! AI runs on its copy of the state) and the turn's systems, which iterate the world's pieces
//! through queries. So a rule's numbers are written once; only the walk over the pieces differs,
//! and a test plays the two walks side by side (`sim::tests`).
//!
//! Each function does exactly the arithmetic the rule did through `Facts::add` and `Facts::set`
//! (the same operations in the same order, then [`fit`]), so that games stay identical to the
//! last bit.

use crate::scenario::{AllianceFigure, Figure};

/// The range of trust.
pub const TRUST: (f32, f32) = (-100.0, 100.0);
/// The range of a reciprocity memory.
pub const MEMORY: (f32, f32) = (-1.0, 1.0);
/// The range of power.
pub const POWER: (f32, f32) = (0.0, 1000.0);
/// The range of every other figure, of threat, of an alliance's figures and of habit.
pub const PERCENT: (f32, f32) = (0.0, 100.0);

/// `x` clamped to `(lo, hi)`; `old` when `x` is not a number (so a NaN never enters the state).
/// Every write of the rules goes through here.
pub fn fit(x: f32, (lo, hi): (f32, f32), old: f32) -> f32 {
    if x.is_finite() { x.clamp(lo, hi) } else { old }
}

/// A relation a month on: trust fades 3% of the way back to where the scenario started it
/// (gestures are forgotten unless renewed); the memory of recent moves fades to 70%. Returns
/// (trust, memory).
pub fn faded(trust: f32, start: f32, memory: f32) -> (f32, f32) {
    (
        fit(trust + (start - trust) * 0.03, TRUST, trust),
        fit(memory * 0.7, MEMORY, memory),
    )
}

/// Capital after a month's income, which never lifts it above `cap` (but never takes away what
/// is already above it).
pub fn with_income(capital: f32, income: f32, cap: f32) -> f32 {
    fit((capital + income).min(cap.max(capital)), PERCENT, capital)
}

/// A track after a month's drift, within its range.
pub fn drifted(value: f32, drift: f32, range: (f32, f32)) -> f32 {
    if drift == 0.0 {
        value
    } else {
        fit(value + drift, range, value)
    }
}

/// Power after a month's growth.
pub fn grown(power: f32, growth: f32) -> f32 {
    if growth == 0.0 {
        power
    } else {
        fit(power + growth, POWER, power)
    }
}

/// How much a party growing by `growth` a month alarms each other party, damped by military
/// transparency (0..1): the security dilemma. Only growth alarms.
pub fn alarm(growth: f32, transparency: f32) -> f32 {
    growth * 0.5 * (1.0 - transparency)
}

/// A threat perception raised by `delta`.
pub fn threatened(threat: f32, delta: f32) -> f32 {
    fit(threat + delta, PERCENT, threat)
}

/// A suspended forum's habit after a month without meeting.
pub fn decayed(habit: f32, decay: f32) -> f32 {
    fit(habit - decay, PERCENT, habit)
}

/// An alliance's figures after a month in which its patron did not reassure the client (its
/// last reassurance, `reassured`, is older than last month; 0 is never): the client fears
/// abandonment more (by `neglect`) and its commitment slips. `None` when it was reassured.
pub fn neglected(figures: [f32; 3], reassured: u32, turn: u32, neglect: f32) -> Option<[f32; 3]> {
    if turn <= 1 || reassured.saturating_add(1) >= turn {
        return None;
    }
    let [commitment, fear] =
        [AllianceFigure::Commitment, AllianceFigure::AbandonmentFear].map(alliance_slot);
    let mut out = figures;
    out[fear] = fit(figures[fear] + neglect, PERCENT, figures[fear]);
    out[commitment] = fit(figures[commitment] - 0.5, PERCENT, figures[commitment]);
    Some(out)
}

/// Whether a client this afraid of abandonment hedges.
pub fn frightened_by(fear: f32) -> bool {
    fear > 70.0
}

/// Whether an alliance's client (its figures) hedges.
pub fn frightened(figures: [f32; 3]) -> bool {
    frightened_by(figures[alliance_slot(AllianceFigure::AbandonmentFear)])
}

/// What an alliance's commitment adds to its client's security: a nuclear umbrella counts for
/// more.
pub fn umbrella_share(commitment: f32, umbrella: bool) -> f32 {
    commitment * if umbrella { 0.25 } else { 0.15 }
}

/// A party's figures after the month settles: security moves 20% of the way toward what the
/// threats it feels (`threats`: its threat perception of each other party, in party order) and
/// the `umbrella` over it allow; then approval moves 10% of the way toward the mean of security
/// and prestige.
pub fn settled(figures: [f32; 5], threats: &[f32], umbrella: f32) -> [f32; 5] {
    let [security, prestige, approval] =
        [Figure::Security, Figure::Prestige, Figure::Approval].map(figure_slot);
    let max = threats.iter().copied().fold(0.0_f32, f32::max);
    let mean = threats.iter().sum::<f32>() / threats.len().max(1) as f32;
    let target = (100.0 - 0.5 * max - 0.3 * mean + umbrella).clamp(0.0, 100.0);
    let mut out = figures;
    let sec = figures[security];
    out[security] = fit(sec + (target - sec) * 0.2, PERCENT, sec);
    let app = figures[approval];
    out[approval] = fit(
        app + (f32::midpoint(out[security], figures[prestige]) - app) * 0.1,
        PERCENT,
        app,
    );
    out
}

/// Goodwill is easier to build from a low base than to push toward perfect trust: the share of
/// a gain in trust that lands, given the trust there already is.
pub fn saturation(trust: f32) -> f32 {
    1.0 - trust.max(0.0) / 125.0
}

/// Index of a figure in `PartyState::figures`.
pub fn figure_slot(f: Figure) -> usize {
    match f {
        Figure::Security => 0,
        Figure::Prestige => 1,
        Figure::Approval => 2,
        Figure::Capital => 3,
        Figure::Power => 4,
    }
}

/// Index of an alliance figure in `AllianceState::figures`.
pub fn alliance_slot(f: AllianceFigure) -> usize {
    match f {
        AllianceFigure::Commitment => 0,
        AllianceFigure::AbandonmentFear => 1,
        AllianceFigure::EntrapmentRisk => 2,
    }
}
