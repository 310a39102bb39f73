//! The `doctrine` policy's lookahead: each candidate plan of orders is played out on a copy of
//! the game for this turn and the next, with the same rules the game applies, and the plan that
//! leaves the party best off is chosen.
//!
//! The other parties are forecast to play the one-step doctrine AI (their plans this turn are
//! computed once, on the state before anyone orders, as the game's orders are simultaneous).
//! The forecast skips events (the party cannot know the news) and takes every forum session at
//! its likelier outcome, so it draws no random numbers: the same state gives the same plan.

use crate::ai;
use crate::scenario::{Figure, ForumIx, PartyIx, Scenario};
use crate::sim::Log;
use crate::sim::rules;
use crate::sim::{Facts, GameState, Order, StateFacts, Var};

/// How many first orders, best first by the one-step value, are played out.
const CANDIDATES: usize = 4;
/// How many turns are played out after this one.
const DEPTH: u32 = 1;

/// The doctrine's orders for a party, chosen by playing each candidate plan out.
pub(crate) fn plan(s: &Scenario, state: &GameState, p: PartyIx) -> Vec<Order> {
    let greedy: Vec<Order> = ai::plan_orders(s, state, p, &[])
        .into_iter()
        .map(|c| c.order)
        .collect();
    let others: Vec<Order> = (0..s.parties.len())
        .map(PartyIx)
        .filter(|q| *q != p)
        .flat_map(|q| ai::plan_orders(s, state, q, &[]))
        .map(|c| c.order)
        .collect();
    let capital = state.parties[p.0].figures[crate::sim::state::figure_slot(Figure::Capital)];
    let mut candidates: Vec<Vec<Order>> = vec![greedy.clone(), Vec::new()];
    for (first, _) in ai::rank_quietly(s, state, p, capital, &[])
        .into_iter()
        .take(CANDIDATES)
    {
        let mut plan = vec![first];
        plan.extend(
            ai::plan_orders(s, state, p, &[first])
                .into_iter()
                .map(|c| c.order),
        );
        if !candidates.contains(&plan) {
            candidates.push(plan);
        }
    }
    let mut best: Option<(f32, Vec<Order>)> = None;
    for plan in candidates {
        let v = play_out(s, state, p, &plan, &others);
        // The greedy plan is tried first and kept on a tie.
        if best.as_ref().is_none_or(|(b, _)| v > *b + 1e-4) {
            best = Some((v, plan));
        }
    }
    best.map_or(greedy, |(_, plan)| plan)
}

/// The party's value after this turn is resolved with `mine` and `others`, and `DEPTH` more
/// turns are played with the one-step AI in every seat.
fn play_out(s: &Scenario, state: &GameState, p: PartyIx, mine: &[Order], others: &[Order]) -> f32 {
    let mut f = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let mut orders: Vec<Order> = mine.iter().chain(others).copied().collect();
    let mut trust_at_start = state.trust.clone();
    let mut total = 0.0;
    for step in 0..=DEPTH {
        if step > 0 {
            trust_at_start = begin_turn(&mut f);
            let now = f.state.clone();
            orders = (0..s.parties.len())
                .map(PartyIx)
                .flat_map(|q| ai::plan_orders(s, &now, q, &[]))
                .map(|c| c.order)
                .collect();
        }
        resolve_turn(&mut f, &orders, &trust_at_start);
        total += ai::value(&f, p);
    }
    total / (DEPTH + 1) as f32
}

/// The end of a turn on a snapshot, as `Game::end_turn` runs it: orders, sessions, spill-over,
/// figures. Sessions take their likelier outcome instead of a roll of the dice.
pub(crate) fn resolve_turn(f: &mut StateFacts<'_>, orders: &[Order], trust_at_start: &[Vec<f32>]) {
    let mut log = Log::default();
    let mut all = orders.to_vec();
    all.sort_by_key(|o| o.party);
    f.record_mut().orders.clone_from(&all);
    for o in all {
        let cost = f.scenario.actions[o.action.0].cost;
        if f.get(Var::Figure(o.party, Figure::Capital)) + 1e-4 < cost {
            continue;
        }
        rules::apply_order(f, o, &mut log);
    }
    for x in (0..f.scenario.forums.len()).map(ForumIx) {
        if rules::in_session(f, x) {
            rules::hold_session(f, x, 0.5, &mut log);
        }
    }
    rules::spill_over(f, trust_at_start, &mut log);
    rules::settle_figures(f);
}

/// The start of a turn on a snapshot, as `Game::begin_turn` runs it, without events; returns
/// the trust at the start of the turn (for the spill-over).
pub(crate) fn begin_turn(f: &mut StateFacts<'_>) -> Vec<Vec<f32>> {
    let mut log = Log::default();
    f.state.turn += 1;
    let record = f.record_mut();
    record.last_orders = std::mem::take(&mut record.orders);
    record.boycotts.clear();
    record.conceded.clear();
    rules::fade_relations(f);
    let trust = f.state.trust.clone();
    rules::collect_capital(f);
    rules::drift_tracks(f);
    rules::grow_power(f, &mut log);
    rules::neglect_alliances(f, &mut log);
    rules::decay_habits(f);
    trust
}
