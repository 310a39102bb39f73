//! The turn's systems.
//!
//! A rule that touches one piece at a time is a system iterating those pieces through a query
//! (with a filter where one fits: only suspended forums lose habit, only active ones meet) and
//! applying the rule's maths from [`super::rules::maths`]. A rule that reaches across pieces
//! (events, decisions, orders, sessions, spill-over, hedging) is applied by the rules' own code
//! on [`Region`], the world seen as [`Facts`]. Either way the rule's numbers are written once.
//! What the rules did is sent on as [`Fact`] messages; [`chronicle`] gathers them into the
//! turn's record, the timeline and the observations of the dynamics.

use bevy_ecs::prelude::*;

use crate::scenario::{AllianceFigure, AllianceIx, EventIx, Figure, ForumIx, PartyIx};

use super::fact::{Fact, Log};
use super::report::{Moment, Observation, TurnReport};
use super::rules;
use super::rules::maths::{
    alarm, decayed, drifted, faded, frightened, grown, neglected, settled, threatened,
    umbrella_share, with_income,
};
use super::state::{Facts, alliance_slot, figure_slot};
use super::world::{
    Active, Alliance, Bond, Book, Calendar, Chronicle, Decisions, Figures, Forum, GameRng, Habit,
    History, Level, Marks, Observations, Orders, Party, PendingDecisions, ProtectedBy, Reassured,
    Region, Relation, Report, ScenarioEvent, ScenarioRes, Status, Suspended, Ties, Timeline, Track,
    TrustAtStart, Views, mark, view_of,
};

/// Begin: the month turns; last turn's orders become what triggers see; what belonged to last
/// month (its bookkeeping, decisions, orders, facts) is cleared.
pub(crate) fn advance_calendar(
    mut calendar: ResMut<Calendar>,
    mut book: ResMut<Book>,
    mut chronicle: ResMut<Chronicle>,
    mut pending: ResMut<PendingDecisions>,
    mut decisions: ResMut<Decisions>,
    mut orders: ResMut<Orders>,
) {
    calendar.turn += 1;
    let book = &mut *book;
    book.last_orders = std::mem::take(&mut book.orders);
    book.boycotts.clear();
    book.conceded.clear();
    *chronicle = Chronicle::default();
    pending.0.clear();
    decisions.0.clear();
    orders.0.clear();
}

/// Begin: every relation fades toward where the scenario started it ([`faded`]).
pub(crate) fn fade_relations(
    scenario: Res<ScenarioRes>,
    mut relations: Query<(&Relation, &mut Ties)>,
) {
    let trust0 = &scenario.0.trust;
    for (r, mut ties) in &mut relations {
        if r.from == r.to {
            continue;
        }
        let Some(&start) = trust0.get(r.from.0).and_then(|row| row.get(r.to.0)) else {
            continue;
        };
        let (trust, memory) = faded(ties.trust, start, ties.memory);
        ties.trust = trust;
        ties.memory = memory;
    }
}

/// Begin: remember trust as it stands, to measure this turn's spill-over.
pub(crate) fn note_trust(
    scenario: Res<ScenarioRes>,
    relations: Query<(&Relation, &Ties)>,
    mut start: ResMut<TrustAtStart>,
) {
    let n = scenario.0.parties.len();
    let m = &mut start.0;
    m.resize_with(n, Vec::new);
    for row in m.iter_mut() {
        row.clear();
        row.resize(n, 0.0);
    }
    for (r, ties) in &relations {
        if let Some(cell) = m.get_mut(r.from.0).and_then(|row| row.get_mut(r.to.0)) {
            *cell = ties.trust;
        }
    }
}

/// Begin: every party collects its capital income ([`with_income`]).
pub(crate) fn collect_capital(
    scenario: Res<ScenarioRes>,
    mut parties: Query<(&Party, &mut Figures)>,
) {
    let capital = figure_slot(Figure::Capital);
    for (p, mut fig) in &mut parties {
        if p.0.0 < scenario.0.parties.len() {
            let (income, cap) = rules::income(&scenario.0, p.0);
            fig.0[capital] = with_income(fig.0[capital], income, cap);
        }
    }
}

/// Begin: every track drifts ([`drifted`]).
pub(crate) fn drift_tracks(scenario: Res<ScenarioRes>, mut tracks: Query<(&Track, &mut Level)>) {
    for (t, mut level) in &mut tracks {
        if let Some(track) = scenario.0.tracks.get(t.0.0)
            && track.drift != 0.0
        {
            level.0 = drifted(level.0, track.drift, (track.min, track.max));
        }
    }
}

/// Begin: every party's power grows ([`grown`]), and every other party's threat perception of a
/// grower rises ([`alarm`]), damped by military transparency.
pub(crate) fn grow_power(
    scenario: Res<ScenarioRes>,
    calendar: Res<Calendar>,
    mut parties: Query<(&Party, &mut Figures)>,
    mut relations: Query<(&Relation, &mut Ties)>,
    tracks: Query<(&Track, &Level)>,
    mut facts: MessageWriter<Fact>,
) {
    let power = figure_slot(Figure::Power);
    let s = &scenario.0;
    let growth = |p: PartyIx| s.parties.get(p.0).map_or(0.0, |party| party.growth);
    let transparency = rules::transparency(s, |t| {
        tracks
            .iter()
            .find(|(track, _)| track.0 == t)
            .map_or(0.0, |(_, level)| level.0)
    });
    for (p, mut fig) in &mut parties {
        fig.0[power] = grown(fig.0[power], growth(p.0));
    }
    for (r, mut ties) in &mut relations {
        let g = growth(r.to);
        if g > 0.0 && r.from != r.to {
            ties.threat = threatened(ties.threat, alarm(g, transparency));
        }
    }
    // The facts in party order, as the rule notes them.
    facts.write_batch(
        (0..s.parties.len())
            .map(PartyIx)
            .filter_map(|p| rules::power_grew(calendar.turn, p, growth(p), transparency)),
    );
}

/// Begin: every alliance whose client was not reassured last turn grows more fearful and less
/// committed ([`neglected`]).
pub(crate) fn neglect_alliances(
    scenario: Res<ScenarioRes>,
    calendar: Res<Calendar>,
    mut alliances: Query<(&mut Bond, &Reassured)>,
) {
    let neglect = scenario.0.rules.neglect_fear;
    for (mut bond, reassured) in &mut alliances {
        if let Some(after) = neglected(bond.0, reassured.0, calendar.turn, neglect) {
            bond.0 = after;
        }
    }
}

/// Whether a client fears abandonment enough to hedge (what [`hedge_alliances`] waits for).
pub(crate) fn any_frightened(alliances: Query<&Bond>) -> bool {
    alliances.iter().any(|b| frightened(b.0))
}

/// Begin: frightened clients hedge, cooling toward their patron and warming to its rivals
/// (across pieces: the rule's own code on the world).
pub(crate) fn hedge_alliances(mut region: Region, mut facts: MessageWriter<Fact>) {
    let mut log = Log::default();
    for a in 0..region.scenario().alliances.len() {
        rules::hedge(&mut region, AllianceIx(a), &mut log);
    }
    facts.write_batch(log.facts);
}

/// Keep the forums' status markers ([`Active`], [`Suspended`], …) those of their [`Status`]:
/// run before the systems that filter on them.
pub(crate) fn mark_forums(forums: Query<(Entity, &Status, Marks)>, mut commands: Commands) {
    for (e, status, marks) in &forums {
        mark(&mut commands, e, marks, status.0);
    }
}

/// Begin: suspended forums lose habit ([`decayed`]).
pub(crate) fn decay_habits(
    scenario: Res<ScenarioRes>,
    mut forums: Query<&mut Habit, (With<Forum>, With<Suspended>)>,
) {
    let decay = scenario.0.rules.habit_decay;
    for mut habit in &mut forums {
        habit.0 = decayed(habit.0, decay);
    }
}

/// Whether the scenario has events at all (what [`fire_events`] waits for).
pub(crate) fn any_events(events: Query<(), With<ScenarioEvent>>) -> bool {
    !events.is_empty()
}

/// Begin: scheduled and triggered events fire, in scenario order ([`rules::fire_events`]);
/// those with a decider wait for a decision. An event entity counts its firings.
pub(crate) fn fire_events(
    mut region: Region,
    events: Query<&ScenarioEvent>,
    mut order: Local<Vec<EventIx>>,
    mut rng: ResMut<GameRng>,
    mut pending: ResMut<PendingDecisions>,
    mut facts: MessageWriter<Fact>,
) {
    // In scenario order, whatever order the query gives them in: events see the ones before
    // them, and the dice are rolled in this order.
    order.clear();
    order.extend(events.iter().map(|e| e.0));
    order.sort_unstable();
    let scenario = region.shared_scenario();
    let mut log = Log::default();
    rules::fire_events(
        &mut region,
        &scenario,
        &order,
        || rng.0.roll(),
        &mut pending.0,
        &mut log,
    );
    facts.write_batch(log.facts);
}

/// Decisions: apply every decision handed in, in the order the events fired
/// ([`rules::apply_decisions`]).
pub(crate) fn apply_decisions(
    mut region: Region,
    pending: Res<PendingDecisions>,
    decisions: Res<Decisions>,
    mut facts: MessageWriter<Fact>,
) {
    let scenario = region.shared_scenario();
    let mut log = Log::default();
    rules::apply_decisions(&mut region, &scenario, &pending.0, &decisions.0, &mut log);
    facts.write_batch(log.facts);
}

/// Orders: every party's orders are carried out, parties in scenario order. Conditions on what
/// others chose see the whole turn's orders, so simultaneous choices interact.
pub(crate) fn apply_orders(
    mut region: Region,
    orders: Res<Orders>,
    mut chronicle: ResMut<Chronicle>,
    mut facts: MessageWriter<Fact>,
) {
    // What came before (events, decisions) is already in the chronicle: the results start here.
    chronicle.resolved = chronicle.facts.len();
    let book = region.book_mut();
    book.orders.clone_from(&orders.0);
    book.orders.sort_by_key(|o| o.party);
    let mut log = Log::default();
    rules::carry_out_orders(&mut region, &mut log);
    facts.write_batch(log.facts);
}

/// Whether a forum is active (what [`hold_sessions`] waits for).
pub(crate) fn any_active(forums: Query<(), (With<Forum>, With<Active>)>) -> bool {
    !forums.is_empty()
}

/// Forums: each active forum on its schedule holds a session, in scenario order (one roll of the
/// dice each).
pub(crate) fn hold_sessions(
    mut region: Region,
    forums: Query<&Forum, With<Active>>,
    mut order: Local<Vec<ForumIx>>,
    mut rng: ResMut<GameRng>,
    mut facts: MessageWriter<Fact>,
) {
    // In scenario order, whatever order the query gives them in: the dice are rolled in it.
    order.clear();
    order.extend(forums.iter().map(|f| f.0));
    order.sort_unstable();
    let mut log = Log::default();
    rules::hold_sessions(&mut region, &order, || rng.0.roll(), &mut log);
    facts.write_batch(log.facts);
}

/// Whether trust fell far enough this turn between some two parties to spill over (what
/// [`spill_over`] waits for). Only a spill lowers trust further, so if no fall reaches the
/// threshold before, none does.
pub(crate) fn any_row(
    scenario: Res<ScenarioRes>,
    start: Res<TrustAtStart>,
    relations: Query<(&Relation, &Ties)>,
) -> bool {
    let threshold = scenario.0.rules.spill_threshold;
    relations.iter().any(|(r, ties)| {
        r.from != r.to
            && start
                .0
                .get(r.from.0)
                .and_then(|row| row.get(r.to.0))
                .is_some_and(|before| before - ties.trust >= threshold)
    })
}

/// Resolve: sharp bilateral rows spill over into shared forums and onto allies (across pieces:
/// the rule's own code on the world).
pub(crate) fn spill_over(
    mut region: Region,
    start: Res<TrustAtStart>,
    mut facts: MessageWriter<Fact>,
) {
    let mut log = Log::default();
    rules::spill_over(&mut region, &start.0, &mut log);
    facts.write_batch(log.facts);
}

/// Resolve: every party's security and approval settle ([`settled`]), from the threats it feels
/// (its views, in party order) and the umbrella of the alliances protecting it (in scenario
/// order).
pub(crate) fn settle_figures(
    scenario: Res<ScenarioRes>,
    mut parties: Query<(&Party, &mut Figures, &Views, Option<&ProtectedBy>)>,
    relations: Query<(&Relation, &Ties)>,
    alliances: Query<(&Alliance, &Bond)>,
    mut threats: Local<Vec<f32>>,
    mut shares: Local<Vec<(usize, f32)>>,
) {
    let commitment = alliance_slot(AllianceFigure::Commitment);
    let s = &scenario.0;
    let n = s.parties.len();
    for (p, mut fig, views, protected) in &mut parties {
        threats.clear();
        threats.extend((0..n).map(PartyIx).filter(|q| *q != p.0).map(|q| {
            view_of(views, q, |e| relations.get(e).ok().map(|(r, _)| r.to))
                .and_then(|e| relations.get(e).ok())
                .map_or(0.0, |(_, t)| t.threat)
        }));
        shares.clear();
        if let Some(protected) = protected {
            shares.extend(protected.iter().filter_map(|e| {
                let (a, bond) = alliances.get(e).ok()?;
                let umbrella = s.alliances.get(a.0.0)?.umbrella;
                Some((a.0.0, umbrella_share(bond.0[commitment], umbrella)))
            }));
        }
        // Summed in scenario order, as the rule sums them.
        shares.sort_by_key(|(a, _)| *a);
        let umbrella: f32 = shares.iter().map(|(_, share)| share).sum();
        fig.0 = settled(fig.0, &threats, umbrella);
    }
}

/// Every schedule's last step: the facts sent so far this turn join the turn's chronicle; orders
/// carried out, events fired and decisions taken join the timeline; facts that show a dynamic at
/// work become observations for the debrief. The chronicle is the messages' one reader, so it
/// drains them (schedules are run by hand, with no app to age the message buffers).
pub(crate) fn chronicle(
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
pub(crate) fn record_turn(
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
