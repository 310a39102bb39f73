//! Checks of a save's choice log against its seats and the game it recorded.

use crate::scenario::{PartyIx, Scenario};
use crate::session::HumanChoice;
use crate::sim::engine::Snapshot;
use crate::sim::{GameState, Order, Phase};

use super::audit;

/// Check the humans' choice log against the seats and the recorded game: every choice is dated
/// in order and no later than the game, every order is a human seat's and every decision a human
/// seat's event; and for every finished turn (and with `month`, the month in progress) the
/// orders and decisions it logs are exactly the human seats' orders and decisions the game
/// recorded — each turn's state at its end holds that turn's orders (`record.orders`, every
/// seat's) and which option each event got (`record.chosen`).
pub(super) fn choices(
    choices: &[HumanChoice],
    humans: &[PartyIx],
    game: &Snapshot,
    s: &Scenario,
    month: bool,
) -> Result<(), String> {
    audit::check(choices, s).map_err(|e| format!("the choice log: {e}"))?;
    let now = game.state.turn;
    let name = |p: PartyIx| s.parties.get(p.0).map_or("?", |p| p.id.as_str());
    let human_decider = |e: usize| {
        s.events
            .get(e)
            .and_then(|e| e.decider)
            .is_some_and(|d| humans.contains(&d))
    };
    let mut last = 1;
    for (i, c) in choices.iter().enumerate() {
        let t = c.turn();
        if t < last || t > now {
            return Err(format!(
                "choice {} is dated turn {t}, out of order (the game stands at turn {now})",
                i + 1
            ));
        }
        last = t;
        match c {
            HumanChoice::Order { order, .. } if !humans.contains(&order.party) => {
                return Err(format!(
                    "choice {} is an order by {}, a seat no person plays",
                    i + 1,
                    name(order.party)
                ));
            }
            HumanChoice::Order { .. } if t == now && game.phase == Phase::Deciding => {
                return Err(format!(
                    "choice {} is an order of turn {t}, whose orders are not open yet",
                    i + 1
                ));
            }
            HumanChoice::Decision { event, .. } if !human_decider(event.0) => {
                return Err(format!(
                    "choice {} decides event {}, which no person decides",
                    i + 1,
                    event.0
                ));
            }
            HumanChoice::Order { .. } | HumanChoice::Decision { .. } => {}
        }
    }
    let mid_turn = matches!(game.phase, Phase::Deciding | Phase::Ordering);
    for t in 1..=now {
        let (orders, decisions): (Vec<Order>, Vec<(usize, usize)>) = match (
            game.history.get(t as usize),
            game.history.get(t as usize - 1),
        ) {
            (Some(end), Some(start)) => (end.record.orders.clone(), decided(start, end)),
            _ if mid_turn && month => (
                game.orders.clone(),
                game.decisions.iter().map(|(e, o)| (e.0, *o)).collect(),
            ),
            _ => continue,
        };
        let mut logged: Vec<(usize, usize)> = choices
            .iter()
            .filter_map(|c| match c {
                HumanChoice::Decision {
                    turn,
                    event,
                    option,
                } if *turn == t => Some((event.0, *option)),
                HumanChoice::Decision { .. } | HumanChoice::Order { .. } => None,
            })
            .collect();
        let mut recorded: Vec<(usize, usize)> = decisions
            .into_iter()
            .filter(|(e, _)| human_decider(*e))
            .collect();
        logged.sort_unstable();
        recorded.sort_unstable();
        if logged != recorded {
            return Err(format!(
                "the choice log's decisions of turn {t} are not the ones the game recorded"
            ));
        }
        for &h in humans {
            let logged = choices.iter().filter_map(|c| match c {
                HumanChoice::Order { turn, order } if *turn == t && order.party == h => Some(order),
                HumanChoice::Order { .. } | HumanChoice::Decision { .. } => None,
            });
            if !logged.eq(orders.iter().filter(|o| o.party == h)) {
                return Err(format!(
                    "the choice log's orders of turn {t} for {} are not the ones the game recorded",
                    name(h)
                ));
            }
        }
    }
    Ok(())
}

/// The decisions of the turn between two states: every event that fired in it with a decider,
/// and the option it got.
fn decided(start: &GameState, end: &GameState) -> Vec<(usize, usize)> {
    let before = &start.record.fired;
    end.record
        .fired
        .iter()
        .zip(&end.record.chosen)
        .enumerate()
        .filter(|(e, (n, _))| **n > before.get(*e).copied().unwrap_or(0))
        .filter_map(|(e, (_, chosen))| chosen.map(|o| (e, o)))
        .collect()
}
