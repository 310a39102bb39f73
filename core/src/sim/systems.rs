//! The turn's systems: they hand the world to the rules in [`super::rules`] and send what the
//! rules did on as [`Fact`] messages; [`chronicle`] gathers the messages into the turn's record,
//! the timeline and the observations of the dynamics.

use bevy_ecs::prelude::*;

use crate::scenario::{EventIx, ForumIx, PartyIx, When};

use super::fact::{Cause, Fact, Log};
use super::report::{Moment, Observation, TurnReport};
use super::rules::{self, Ctx};
use super::state::{Facts, Target, Var};
use super::world::{
    Book, Calendar, Chronicle, Decisions, GameRng, History, Observations, Orders, Pending,
    PendingDecisions, Region, Report, Timeline, TrustAtStart,
};

/// Begin: the month turns; last turn's orders become what triggers see.
pub fn advance_calendar(
    mut calendar: ResMut<Calendar>,
    mut book: ResMut<Book>,
    mut chronicle: ResMut<Chronicle>,
    mut pending: ResMut<PendingDecisions>,
    mut decisions: ResMut<Decisions>,
    mut orders: ResMut<Orders>,
) {
    calendar.turn += 1;
    let record = &mut book.0;
    record.last_orders = std::mem::take(&mut record.orders);
    record.boycotts.clear();
    record.conceded.clear();
    *chronicle = Chronicle::default();
    pending.0.clear();
    decisions.0.clear();
    orders.0.clear();
}

/// Begin: remember trust as it stands, to measure this turn's spill-over.
pub fn note_trust(region: Region, mut start: ResMut<TrustAtStart>) {
    let n = region.scenario().parties.len();
    start.0 = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| region.get(Var::Trust(PartyIx(a), PartyIx(b))))
                .collect()
        })
        .collect();
}

/// Begin: relations fade toward their starting point.
pub fn fade_relations(mut region: Region) {
    rules::fade_relations(&mut region);
}

/// Begin: capital income.
pub fn collect_capital(mut region: Region) {
    rules::collect_capital(&mut region);
}

/// Begin: tracks drift.
pub fn drift_tracks(mut region: Region) {
    rules::drift_tracks(&mut region);
}

/// Begin: power grows and alarms the neighbours.
pub fn grow_power(mut region: Region, mut facts: MessageWriter<Fact>) {
    let mut log = Log::default();
    rules::grow_power(&mut region, &mut log);
    facts.write_batch(log.facts);
}

/// Begin: neglected clients fear abandonment.
pub fn neglect_alliances(mut region: Region, mut facts: MessageWriter<Fact>) {
    let mut log = Log::default();
    rules::neglect_alliances(&mut region, &mut log);
    facts.write_batch(log.facts);
}

/// Begin: suspended forums lose habit.
pub fn decay_habits(mut region: Region) {
    rules::decay_habits(&mut region);
}

/// Begin: scheduled and triggered events fire; those with a decider wait for a decision.
pub fn fire_events(
    mut region: Region,
    mut rng: ResMut<GameRng>,
    mut pending: ResMut<PendingDecisions>,
    mut facts: MessageWriter<Fact>,
) {
    let scenario = region.shared_scenario();
    let turn = region.turn();
    let mut log = Log::default();
    for (i, event) in scenario.events.iter().enumerate() {
        let ix = EventIx(i);
        if event.once && region.fired(ix) {
            continue;
        }
        let eligible = match &event.when {
            When::Turn(t) => *t == turn,
            When::Trigger(c) => rules::holds(&region, c, Ctx::NONE),
        };
        if !eligible {
            continue;
        }
        // Roll only for uncertain events, so adding a certain event never reshuffles the dice.
        if event.chance < 1.0 && rng.0.roll() >= event.chance {
            continue;
        }
        if let Some(slot) = region.record_mut().fired.get_mut(i) {
            *slot += 1;
        }
        log.note(Fact::EventFired { event: ix });
        let ctx = Ctx {
            actor: event.decider,
            target: event.target.map_or(Target::None, Target::Party),
            cause: Some(Cause::Event(ix)),
        };
        rules::apply_effects(&mut region, &event.effects, ctx, &mut log);
        if let Some(decider) = event.decider {
            pending.0.push(Pending { event: ix, decider });
        }
    }
    facts.write_batch(log.facts);
}

/// Decisions: apply every decision handed in, in the order the events fired.
pub fn apply_decisions(
    mut region: Region,
    pending: Res<PendingDecisions>,
    decisions: Res<Decisions>,
    mut facts: MessageWriter<Fact>,
) {
    let scenario = region.shared_scenario();
    let mut log = Log::default();
    for p in &pending.0 {
        let Some(&(_, option)) = decisions.0.iter().find(|(e, _)| *e == p.event) else {
            continue;
        };
        let event = &scenario.events[p.event.0];
        let Some(opt) = event.options.get(option) else {
            continue;
        };
        if let Some(slot) = region.record_mut().chosen.get_mut(p.event.0) {
            *slot = Some(option);
        }
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
        rules::apply_effects(&mut region, &opt.effects, ctx, &mut log);
    }
    facts.write_batch(log.facts);
}

/// Orders: every party's orders are carried out, parties in scenario order. Conditions on what
/// others chose see the whole turn's orders, so simultaneous choices interact.
pub fn apply_orders(
    mut region: Region,
    orders: Res<Orders>,
    mut chronicle: ResMut<Chronicle>,
    mut facts: MessageWriter<Fact>,
) {
    // What came before (events, decisions) is already in the chronicle: the results start here.
    chronicle.resolved = chronicle.facts.len();
    let mut all = orders.0.clone();
    all.sort_by_key(|o| o.party);
    region.record_mut().orders.clone_from(&all);
    let mut log = Log::default();
    for o in all {
        let cost = region.scenario().actions[o.action.0].cost;
        if region.get(Var::Figure(o.party, crate::scenario::Figure::Capital)) + 1e-4 < cost {
            continue;
        }
        log.note(Fact::Ordered { order: o });
        rules::apply_order(&mut region, o, &mut log);
    }
    facts.write_batch(log.facts);
}

/// Forums: each active forum on its schedule holds a session.
pub fn hold_sessions(mut region: Region, mut rng: ResMut<GameRng>, mut facts: MessageWriter<Fact>) {
    let mut log = Log::default();
    for x in (0..region.scenario().forums.len()).map(ForumIx) {
        if rules::in_session(&region, x) {
            let roll = rng.0.roll();
            rules::hold_session(&mut region, x, roll, &mut log);
        }
    }
    facts.write_batch(log.facts);
}

/// Resolve: sharp bilateral rows spill over into shared forums.
pub fn spill_over(mut region: Region, start: Res<TrustAtStart>, mut facts: MessageWriter<Fact>) {
    let mut log = Log::default();
    rules::spill_over(&mut region, &start.0, &mut log);
    facts.write_batch(log.facts);
}

/// Resolve: security and approval settle.
pub fn settle_figures(mut region: Region) {
    rules::settle_figures(&mut region);
}

/// Every schedule's last step: the facts sent so far this turn join the turn's chronicle; orders
/// carried out, events fired and decisions taken join the timeline; facts that show a dynamic at
/// work become observations for the debrief. The chronicle is the messages' one reader, so it
/// drains them (schedules are run by hand, with no app to age the message buffers).
pub fn chronicle(
    calendar: Res<Calendar>,
    mut messages: ResMut<Messages<Fact>>,
    mut chronicle: ResMut<Chronicle>,
    mut timeline: ResMut<Timeline>,
    mut observations: ResMut<Observations>,
) {
    let turn = calendar.turn;
    for fact in messages.drain() {
        match &fact {
            Fact::EventFired { event } => timeline.0.push(Moment::EventFired {
                turn,
                event: *event,
            }),
            Fact::Decided {
                event,
                party,
                option,
            } => timeline.0.push(Moment::Decided {
                turn,
                event: *event,
                party: *party,
                option: *option,
            }),
            Fact::Ordered { order } => timeline.0.push(Moment::Ordered {
                turn,
                order: *order,
            }),
            _ => {}
        }
        for (dynamic, parties) in fact.dynamics() {
            observations.0.push(Observation {
                turn,
                dynamic,
                parties,
                fact: fact.clone(),
            });
        }
        chronicle.facts.push(fact);
    }
}

/// Record: snapshot into the history, and publish the turn's report.
pub fn record_turn(
    region: Region,
    mut history: ResMut<History>,
    mut chronicle: ResMut<Chronicle>,
    mut report: ResMut<Report>,
) {
    let turn = region.turn();
    let mut state = history.blank();
    region.snapshot_into(&mut state);
    history.states.push(state);
    let done = std::mem::take(&mut *chronicle);
    report.0 = TurnReport {
        turn,
        facts: done.facts,
        resolved: done.resolved,
    };
}
