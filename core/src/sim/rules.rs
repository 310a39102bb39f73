//! The rules of the game as pure functions over [`Facts`].
//!
//! The turn's systems call these on the ECS world (or, for a rule that touches one piece at a
//! time, call its [`maths`] on the pieces they iterate); the AI calls them on a snapshot to
//! forecast. Nothing here does IO or draws randomness itself: a random roll is passed in.

use crate::scenario::{
    AllianceIx, AllianceRef, Condition, Effect, ForumIx, ForumRef, PartyIx, PartyRef, Scenario,
};

use super::fact::{Cause, Fact, Log};
use super::state::{Facts, Target, Var};

mod alliances;
mod events;
mod forums;
pub mod maths;
mod month;
mod orders;
mod score;

pub use alliances::{hedge, neglect_alliances};
pub use events::{apply_decisions, fire_events};
pub use forums::{
    change_forum_status, decay_habits, hold_session, hold_sessions, in_session, session_chance,
};
pub use month::{
    close_month, collect_capital, drift_tracks, fade_relations, grow_power, open_month,
    settle_figures, spill_over,
};
pub(crate) use month::{income, power_grew, transparency};
pub use orders::{apply_order, apply_stance, carry_out_orders, legal_orders, targets};
pub use score::{doctrine_utility, goal_value, score};

/// Who acts and at what, for resolving `Actor` and `Target` in effects and conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// The actor or decider.
    pub actor: Option<PartyIx>,
    /// The target.
    pub target: Target,
    /// What carries the effects: whose news a scenario's `News` line is.
    pub cause: Option<Cause>,
}

impl Ctx {
    /// No actor, no target (news events, triggers).
    pub const NONE: Ctx = Ctx {
        actor: None,
        target: Target::None,
        cause: None,
    };

    fn party(&self, r: PartyRef) -> Option<PartyIx> {
        match r {
            PartyRef::Actor => self.actor,
            PartyRef::Target => match self.target {
                Target::Party(p) => Some(p),
                _ => None,
            },
            PartyRef::Party(p) => Some(p),
        }
    }

    fn forum(&self, r: ForumRef) -> Option<ForumIx> {
        match r {
            ForumRef::Target => match self.target {
                Target::Forum(f) => Some(f),
                _ => None,
            },
            ForumRef::Forum(f) => Some(f),
        }
    }

    fn alliance(&self, s: &Scenario, r: AllianceRef) -> Option<AllianceIx> {
        match r {
            AllianceRef::Target => match (self.actor, self.target) {
                (Some(a), Target::Party(b)) => s.alliance_between(a, b),
                _ => None,
            },
            AllianceRef::Alliance(a) => Some(a),
        }
    }
}

/// "China's", "the United States'".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "is" or "are" for a forum's name: "the Six Party Talks are", "the ARF is". A name whose last
/// word is a plural noun ("Talks", "Consultations") takes "are".
pub fn is_are(name: &str) -> &'static str {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") {
        "are"
    } else {
        "is"
    }
}

/// `x` rounded to `decimals` places, with a negative zero made positive, so that a figure of
/// -0.3 is written "0" and not "-0".
pub fn tidy(x: f32, decimals: i32) -> f32 {
    let m = 10f32.powi(decimals);
    let r = (x * m).round() / m;
    if r == 0.0 { 0.0 } else { r }
}

/// "A", "A and B", "A, B and C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Name of a party, for news.
pub fn name(s: &Scenario, p: PartyIx) -> &str {
    &s.parties[p.0].name
}

/// Whether a condition holds.
pub fn holds<F: Facts + ?Sized>(f: &F, c: &Condition, ctx: Ctx) -> bool {
    let s = f.scenario();
    let trust = |a, b| match (ctx.party(a), ctx.party(b)) {
        (Some(a), Some(b)) => Some(f.get(Var::Trust(a, b))),
        _ => None,
    };
    match c {
        Condition::Always => true,
        Condition::All(cs) => cs.iter().all(|c| holds(f, c, ctx)),
        Condition::Any(cs) => cs.iter().any(|c| holds(f, c, ctx)),
        Condition::Not(c) => !holds(f, c, ctx),
        Condition::TrackAbove(t, v) => f.get(Var::Track(*t)) > *v,
        Condition::TrackBelow(t, v) => f.get(Var::Track(*t)) < *v,
        Condition::TrustAbove(a, b, v) => trust(*a, *b).is_some_and(|x| x > *v),
        Condition::TrustBelow(a, b, v) => trust(*a, *b).is_some_and(|x| x < *v),
        Condition::ThreatAbove(a, b, v) => match (ctx.party(*a), ctx.party(*b)) {
            (Some(a), Some(b)) => f.get(Var::Threat(a, b)) > *v,
            _ => false,
        },
        Condition::FigureAbove(p, fig, v) => ctx
            .party(*p)
            .is_some_and(|p| f.get(Var::Figure(p, *fig)) > *v),
        Condition::FigureBelow(p, fig, v) => ctx
            .party(*p)
            .is_some_and(|p| f.get(Var::Figure(p, *fig)) < *v),
        Condition::HabitAbove(r, v) => ctx.forum(*r).is_some_and(|x| f.get(Var::Habit(x)) > *v),
        Condition::HabitBelow(r, v) => ctx.forum(*r).is_some_and(|x| f.get(Var::Habit(x)) < *v),
        Condition::TargetIs(p) => ctx.target == Target::Party(*p),
        Condition::ForumIs(r, st) => ctx.forum(*r).is_some_and(|x| f.forum_status(x) == *st),
        Condition::AllianceAbove(r, fig, v) => ctx
            .alliance(s, *r)
            .is_some_and(|a| f.get(Var::Alliance(a, *fig)) > *v),
        Condition::AllianceBelow(r, fig, v) => ctx
            .alliance(s, *r)
            .is_some_and(|a| f.get(Var::Alliance(a, *fig)) < *v),
        Condition::TurnAtLeast(n) => f.turn() >= *n,
        Condition::EventFired(e) => f.fired(*e),
        Condition::OptionChosen(e, o) => f.chosen(*e) == Some(*o),
        Condition::DoctrineIs(p, d) => ctx.party(*p).is_some_and(|p| f.doctrine(p) == *d),
        Condition::Chose(p, a) => ctx.party(*p).is_some_and(|p| {
            visible_orders(f)
                .iter()
                .any(|o| o.party == p && o.action == *a)
        }),
        Condition::ChoseStance(p, toward, stance) => match (ctx.party(*p), ctx.party(*toward)) {
            (Some(p), Some(t)) => visible_orders(f).iter().any(|o| {
                o.party == p
                    && s.actions[o.action.0].stance == *stance
                    && o.target == Target::Party(t)
            }),
            _ => false,
        },
    }
}

/// The orders conditions see: this turn's while orders resolve, otherwise last turn's.
fn visible_orders<F: Facts + ?Sized>(f: &F) -> &[super::state::Order] {
    if f.orders().is_empty() {
        f.last_orders()
    } else {
        f.orders()
    }
}

/// Apply effects in order.
pub fn apply_effects<F: Facts + ?Sized>(f: &mut F, effects: &[Effect], ctx: Ctx, log: &mut Log) {
    for e in effects {
        apply_effect(f, e, ctx, log);
    }
}

fn apply_effect<F: Facts + ?Sized>(f: &mut F, e: &Effect, ctx: Ctx, log: &mut Log) {
    match e {
        Effect::Trust(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Trust(a, b), *d);
            }
        }
        Effect::Threat(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Threat(a, b), *d);
            }
        }
        Effect::MutualTrust(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Trust(a, b), *d);
                f.add(Var::Trust(b, a), *d);
            }
        }
        Effect::Track(t, d) => {
            f.add(Var::Track(*t), *d);
        }
        Effect::Figure(p, fig, d) => {
            if let Some(p) = ctx.party(*p) {
                f.add(Var::Figure(p, *fig), *d);
            }
        }
        Effect::Alliance(r, fig, d) => {
            if let Some(a) = ctx.alliance(f.scenario(), *r) {
                f.add(Var::Alliance(a, *fig), *d);
            }
        }
        Effect::Habit(r, d) => {
            if let Some(x) = ctx.forum(*r) {
                f.add(Var::Habit(x), *d);
            }
        }
        Effect::ForumStatus(r, st) => {
            if let Some(x) = ctx.forum(*r) {
                change_forum_status(f, x, *st, ctx.actor, log);
            }
        }
        Effect::Boycott(r) => {
            if let (Some(x), Some(p)) = (ctx.forum(*r), ctx.actor) {
                f.boycott(p, x);
            }
        }
        Effect::Doctrine(p, d) => {
            if let Some(p) = ctx.party(*p)
                && f.doctrine(p) != *d
            {
                f.set_doctrine(p, *d);
                log.note(Fact::CourseChanged {
                    party: p,
                    doctrine: *d,
                });
            }
        }
        Effect::News(text) => {
            if let Some(cause) = ctx.cause {
                log.note(Fact::Announced {
                    text: text.clone(),
                    cause,
                });
            }
        }
        Effect::If(c, then, otherwise) => {
            if holds(f, c, ctx) {
                apply_effects(f, then, ctx, log);
            } else {
                apply_effects(f, otherwise, ctx, log);
            }
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking, and compares exact values"
)]
mod tests;
