//! The `doctrine` policy's lookahead: each candidate plan of orders is played out on a copy of
//! the game for this turn and the next, with the same rules the game applies, and the plan that
//! leaves the party best off is chosen.
//!
//! The other parties are forecast to play the one-step doctrine AI (their plans this turn are
//! computed once, on the state before anyone orders, as the game's orders are simultaneous).
//! The forecast skips events (the party cannot know the news) and takes every forum session at
//! its likelier outcome, so it draws no random numbers: the same state gives the same plan.

use crate::ai;
use crate::scenario::{Figure, PartyIx, Scenario};
use crate::sim::Log;
use crate::sim::rules;
use crate::sim::{GameState, Order, StateFacts};

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
            trust_at_start = rules::open_month(&mut f, &mut Log::default());
            let now = f.state.clone();
            orders = (0..s.parties.len())
                .map(PartyIx)
                .flat_map(|q| ai::plan_orders(s, &now, q, &[]))
                .map(|c| c.order)
                .collect();
        }
        // Sessions take their likelier outcome instead of a roll of the dice.
        rules::close_month(
            &mut f,
            &orders,
            &trust_at_start,
            || 0.5,
            &mut Log::default(),
        );
        total += ai::value(&f, p);
    }
    total / (DEPTH + 1) as f32
}
