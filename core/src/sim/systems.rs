//! The turn's systems: thin wrappers that hand the world to the rules in [`super::rules`].

use bevy_ecs::prelude::*;

use crate::scenario::{EventIx, ForumIx, PartyIx, When};

use super::report::{Moment, Observation, TurnReport};
use super::rules::{self, Ctx};
use super::state::{Facts, Target, Var};
use super::world::{
    Book, Calendar, Decisions, GameRng, History, Observations, Orders, Pending, PendingDecisions,
    Region, Report, Timeline, TrustAtStart, TurnLog,
};

/// Begin: the month turns; last turn's orders become what triggers see.
pub fn advance_calendar(
    mut calendar: ResMut<Calendar>,
    mut book: ResMut<Book>,
    mut log: ResMut<TurnLog>,
    mut pending: ResMut<PendingDecisions>,
    mut decisions: ResMut<Decisions>,
    mut orders: ResMut<Orders>,
) {
    calendar.turn += 1;
    let record = &mut book.0;
    record.last_orders = std::mem::take(&mut record.orders);
    record.boycotts.clear();
    record.conceded.clear();
    log.0 = rules_log();
    pending.0.clear();
    decisions.0.clear();
    orders.0.clear();
}

fn rules_log() -> super::report::Log {
    super::report::Log::default()
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
pub fn grow_power(mut region: Region, mut log: ResMut<TurnLog>) {
    rules::grow_power(&mut region, &mut log.0);
}

/// Begin: neglected clients fear abandonment.
pub fn neglect_alliances(mut region: Region, mut log: ResMut<TurnLog>) {
    rules::neglect_alliances(&mut region, &mut log.0);
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
    mut log: ResMut<TurnLog>,
    mut timeline: ResMut<Timeline>,
) {
    let scenario = region.shared_scenario();
    let turn = region.turn();
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
        timeline.0.push(Moment::EventFired { turn, event: ix });
        log.0.news(format!("{} — {}", event.title, event.text));
        let ctx = Ctx {
            actor: event.decider,
            target: event.target.map_or(Target::None, Target::Party),
        };
        rules::apply_effects(&mut region, &event.effects, ctx, &mut log.0);
        if let Some(decider) = event.decider {
            pending.0.push(Pending { event: ix, decider });
        }
    }
}

/// Decisions: apply every decision handed in, in the order the events fired.
pub fn apply_decisions(
    mut region: Region,
    pending: Res<PendingDecisions>,
    decisions: Res<Decisions>,
    mut log: ResMut<TurnLog>,
    mut timeline: ResMut<Timeline>,
) {
    let scenario = region.shared_scenario();
    let turn = region.turn();
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
        timeline.0.push(Moment::Decided {
            turn,
            event: p.event,
            party: p.decider,
            option,
        });
        log.0.news(format!(
            "{}: {} — {}",
            event.title,
            rules::name(&scenario, p.decider),
            opt.label
        ));
        let ctx = Ctx {
            actor: Some(p.decider),
            target: event.target.map_or(Target::None, Target::Party),
        };
        rules::apply_effects(&mut region, &opt.effects, ctx, &mut log.0);
    }
}

/// Orders: every party's orders are carried out, parties in scenario order. Conditions on what
/// others chose see the whole turn's orders, so simultaneous choices interact.
pub fn apply_orders(
    mut region: Region,
    orders: Res<Orders>,
    mut log: ResMut<TurnLog>,
    mut timeline: ResMut<Timeline>,
) {
    log.0.resolve_start = log.0.news.len();
    let mut all = orders.0.clone();
    all.sort_by_key(|o| o.party);
    region.record_mut().orders.clone_from(&all);
    let turn = region.turn();
    for o in all {
        let action = &region.scenario().actions[o.action.0];
        let (cost, aname) = (action.cost, action.name.clone());
        if region.get(Var::Figure(o.party, crate::scenario::Figure::Capital)) + 1e-4 < cost {
            continue;
        }
        let who = rules::name(region.scenario(), o.party).to_owned();
        let at = match o.target {
            Target::None => String::new(),
            Target::Party(p) => format!(" → {}", rules::name(region.scenario(), p)),
            Target::Forum(f) => format!(" → {}", region.scenario().forums[f.0].name),
        };
        log.0.news(format!("{who}: {aname}{at}."));
        timeline.0.push(Moment::Ordered { turn, order: o });
        rules::apply_order(&mut region, o, &mut log.0);
    }
}

/// Forums: each active forum on its schedule holds a session.
pub fn hold_sessions(mut region: Region, mut rng: ResMut<GameRng>, mut log: ResMut<TurnLog>) {
    for x in (0..region.scenario().forums.len()).map(ForumIx) {
        if rules::in_session(&region, x) {
            let roll = rng.0.roll();
            rules::hold_session(&mut region, x, roll, &mut log.0);
        }
    }
}

/// Resolve: sharp bilateral rows spill over into shared forums.
pub fn spill_over(mut region: Region, start: Res<TrustAtStart>, mut log: ResMut<TurnLog>) {
    rules::spill_over(&mut region, &start.0, &mut log.0);
}

/// Resolve: security and approval settle.
pub fn settle_figures(mut region: Region) {
    rules::settle_figures(&mut region);
}

/// Record: snapshot into the history, and publish the turn's report and observations.
pub fn record_turn(
    region: Region,
    mut history: ResMut<History>,
    mut log: ResMut<TurnLog>,
    mut observations: ResMut<Observations>,
    mut report: ResMut<Report>,
) {
    let turn = region.turn();
    history.0.push(region.snapshot());
    let log = std::mem::take(&mut log.0);
    observations.0.extend(
        log.observed
            .into_iter()
            .map(|(dynamic, parties, text)| Observation {
                turn,
                dynamic,
                parties,
                text,
            }),
    );
    report.0 = TurnReport {
        turn,
        news: log.news,
        resolved: log.resolve_start,
    };
}
