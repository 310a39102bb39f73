//! Scenario events: which fire this month, and the options their deciders choose.
//!
//! These take the scenario beside the state (`s`, the scenario `f` plays): an event's effects
//! are read from it while they write to the state.

use crate::scenario::{EventIx, Scenario, When};
use crate::sim::fact::{Cause, Fact, Log};
use crate::sim::state::{Facts, Pending, Target};

use super::{Ctx, apply_effects, holds};

/// The events of `events` (in scenario order) that are due this month fire: a scheduled event
/// on its turn, a triggered one when its condition holds, each once only if it is `once`, and an
/// uncertain one only if `roll` (a uniform number in 0..1 from the game's dice) falls under its
/// chance. A fired event's effects apply at once, so the events after it see them; those with a
/// decider are added to `pending`.
pub fn fire_events<F: Facts + ?Sized>(
    f: &mut F,
    s: &Scenario,
    events: &[EventIx],
    mut roll: impl FnMut() -> f32,
    pending: &mut Vec<Pending>,
    log: &mut Log,
) {
    let turn = f.turn();
    for &ix in events {
        let Some(event) = s.events.get(ix.0) else {
            continue;
        };
        if event.once && f.fired(ix) {
            continue;
        }
        let eligible = match &event.when {
            When::Turn(t) => *t == turn,
            When::Trigger(c) => holds(f, c, Ctx::NONE),
        };
        if !eligible {
            continue;
        }
        // Roll only for uncertain events, so adding a certain event never reshuffles the dice.
        if event.chance < 1.0 && roll() >= event.chance {
            continue;
        }
        f.note_fired(ix);
        log.note(Fact::EventFired { event: ix });
        let ctx = Ctx {
            actor: event.decider,
            target: event.target.map_or(Target::None, Target::Party),
            cause: Some(Cause::Event(ix)),
        };
        apply_effects(f, &event.effects, ctx, log);
        if let Some(decider) = event.decider {
            pending.push(Pending { event: ix, decider });
        }
    }
}

/// Apply every decision handed in (`decisions`: event, option), in the order the events fired
/// (`pending`): the option is recorded and its effects apply, with the decider as actor.
pub fn apply_decisions<F: Facts + ?Sized>(
    f: &mut F,
    s: &Scenario,
    pending: &[Pending],
    decisions: &[(EventIx, usize)],
    log: &mut Log,
) {
    for p in pending {
        let Some(&(_, option)) = decisions.iter().find(|(e, _)| *e == p.event) else {
            continue;
        };
        let Some(event) = s.events.get(p.event.0) else {
            continue;
        };
        let Some(opt) = event.options.get(option) else {
            continue;
        };
        f.choose(p.event, option);
        log.note(Fact::Decided {
            event: p.event,
            party: p.decider,
            option,
        });
        let ctx = Ctx {
            actor: Some(p.decider),
            target: event.target.map_or(Target::None, Target::Party),
            cause: Some(Cause::Option(p.event)),
        };
        apply_effects(f, &opt.effects, ctx, log);
    }
}
