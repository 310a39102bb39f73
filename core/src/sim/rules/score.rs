//! How well a party's goals are met: scores and the AI's utility.

use crate::scenario::{AllianceFigure, Figure, ForumStatus, Goal, PartyIx, Prefer};
use crate::sim::state::{Facts, Var};

/// How well a goal is met for `holder`, 0 (worst) ..= 1 (best).
pub fn goal_value<F: Facts + ?Sized>(f: &F, holder: PartyIx, g: Goal) -> f32 {
    let pick = |x: f32, p: Prefer| match p {
        Prefer::High => x,
        Prefer::Low => 1.0 - x,
    };
    let v = match g {
        Goal::Track(t, p) => {
            let tr = &f.scenario().tracks[t.0];
            pick((f.get(Var::Track(t)) - tr.min) / (tr.max - tr.min), p)
        }
        Goal::Figure(Figure::Power, p) => {
            pick(f.get(Var::Figure(holder, Figure::Power)) / 1000.0, p)
        }
        Goal::Figure(fig, p) => pick(f.get(Var::Figure(holder, fig)) / 100.0, p),
        Goal::TrustFrom(q) => (f.get(Var::Trust(q, holder)) + 100.0) / 200.0,
        Goal::LowThreatFrom(q) => 1.0 - f.get(Var::Threat(q, holder)) / 100.0,
        Goal::FeelSafeFrom(q) => 1.0 - f.get(Var::Threat(holder, q)) / 100.0,
        Goal::Commitment(a, p) => pick(
            f.get(Var::Alliance(a, AllianceFigure::Commitment)) / 100.0,
            p,
        ),
        Goal::LowFear(a) => 1.0 - f.get(Var::Alliance(a, AllianceFigure::AbandonmentFear)) / 100.0,
        Goal::Habit(x, p) => {
            let h = if f.forum_status(x) == ForumStatus::Collapsed {
                0.0
            } else {
                f.get(Var::Habit(x)) / 100.0
            };
            pick(h, p)
        }
    };
    v.clamp(0.0, 1.0)
}

/// A party's score against its objectives, 0..=100.
pub fn score<F: Facts + ?Sized>(f: &F, p: PartyIx) -> f32 {
    let objectives = &f.scenario().parties[p.0].objectives;
    weighted(f, p, objectives.iter().map(|o| (o.goal, o.weight)))
}

/// How well the party's current doctrine's goals are met, 0..=100: what the AI maximises.
pub fn doctrine_utility<F: Facts + ?Sized>(f: &F, p: PartyIx) -> f32 {
    let d = &f.scenario().doctrines[f.doctrine(p).0];
    weighted(f, p, d.goals.iter().copied())
}

fn weighted<F: Facts + ?Sized>(f: &F, p: PartyIx, goals: impl Iterator<Item = (Goal, f32)>) -> f32 {
    let mut sum = 0.0;
    let mut total = 0.0;
    for (g, w) in goals {
        sum += goal_value(f, p, g) * w;
        total += w;
    }
    if total > 0.0 {
        100.0 * sum / total
    } else {
        0.0
    }
}
