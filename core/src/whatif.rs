//! What-if runs: play a game on from a position many times with the AI in every seat, to see the
//! spread of outcomes, how a player's result compares with an AI in the same seat, and which of
//! the player's choices mattered most (the turning point).
//!
//! Continuations are reseeded: the position is taken between turns with its state, and each run
//! continues with its own random stream derived from the game's seed, the turn and the run's
//! number, so the same game always gives the same what-if figures. A branch and its baseline
//! share those streams (common random numbers), so the difference between them is the choice's,
//! not the dice's.

use std::sync::Arc;

use crate::sim::Dice;

use crate::ai;
use crate::scenario::{EventIx, PartyIx, Scenario};
use crate::session::{HumanChoice, Session};
use crate::sim::{Game, GameError, GameState, Order, Phase};

/// How many continuations the debrief runs for each figure.
pub const DEBRIEF_RUNS: usize = 6;

/// The spread of a sample of figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// How many values.
    pub(crate) n: usize,
    /// Mean.
    pub mean: f32,
    /// Median.
    pub median: f32,
    /// 5th percentile (nearest rank).
    pub p5: f32,
    /// 95th percentile (nearest rank).
    pub p95: f32,
    /// Smallest value.
    pub min: f32,
    /// Largest value.
    pub max: f32,
}

impl Spread {
    /// The spread of `values`; `None` if there are none.
    pub fn of(values: &[f32]) -> Option<Spread> {
        if values.is_empty() {
            return None;
        }
        let mut v = values.to_vec();
        v.sort_by(f32::total_cmp);
        let n = v.len();
        let rank = |q: f32| v[((q * n as f32).ceil() as usize).clamp(1, n) - 1];
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            f32::midpoint(v[n / 2 - 1], v[n / 2])
        };
        Some(Spread {
            n,
            mean: v.iter().map(|x| f64::from(*x)).sum::<f64>() as f32 / n as f32,
            median,
            p5: rank(0.05),
            p95: rank(0.95),
            min: v[0],
            max: v[n - 1],
        })
    }

    /// Where `x` falls in the sample: the share of values below it, 0..=1.
    pub fn share_below(values: &[f32], x: f32) -> f32 {
        if values.is_empty() {
            return 0.0;
        }
        values.iter().filter(|v| **v < x).count() as f32 / values.len() as f32
    }
}

/// A seed for continuation `run` from turn `turn` of a game with seed `seed` (splitmix64).
pub(crate) fn continuation_seed(seed: u64, turn: u32, run: usize) -> u64 {
    let mut z = seed
        ^ (u64::from(turn) << 32)
        ^ (run as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ 0xD1B5_4A32_D192_ED03;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A game between turns: enough to play on from there.
#[derive(Debug, Clone)]
pub struct Position {
    /// Turns played so far.
    pub(crate) turn: u32,
    state: GameState,
    rng: Dice,
}

impl Position {
    /// Where a session stands, if it is between turns (or over).
    pub fn of(session: &mut Session) -> Option<Position> {
        Position::between_turns(session).ok()
    }

    /// Where a session stands; a session in the middle of a turn is the wrong phase for it.
    /// For the callers below that have just started a game or ended a turn, so it holds by
    /// construction; were that ever broken, the what-if fails with the error, not a panic.
    fn between_turns(session: &mut Session) -> Result<Position, GameError> {
        match session.game.phase() {
            Phase::BetweenTurns | Phase::Over => Ok(Position {
                turn: session.game.turn(),
                state: session.game.state(),
                rng: session.game.rng(),
            }),
            now => Err(GameError::WrongPhase {
                needed: Phase::BetweenTurns,
                now,
            }),
        }
    }

    fn game(&self, scenario: &Arc<Scenario>) -> Game {
        Game::from_parts(scenario.clone(), &self.state, self.rng.clone())
    }

    fn reseeded(&self, scenario: &Arc<Scenario>, seed: u64) -> Game {
        Game::from_parts(scenario.clone(), &self.state, Dice::seeded(seed))
    }
}

/// Play a session to the end with the AI in every seat, human seats included; returns every
/// party's final score.
fn finish_on_ai(scenario: &Arc<Scenario>, game: Game) -> Result<Vec<f32>, GameError> {
    let mut session = Session::resume(game, 0, Vec::new());
    while !session.game.is_over() {
        session.start_turn()?;
        session.open_orders()?;
        session.end_turn()?;
    }
    Ok((0..scenario.parties.len())
        .map(|p| session.game.score(PartyIx(p)))
        .collect())
}

/// `runs` continuations from `from`, every seat on AI: each party's final score in each run
/// (`result[run][party]`).
pub fn continuations(
    scenario: &Arc<Scenario>,
    from: &Position,
    seed: u64,
    runs: usize,
) -> Result<Vec<Vec<f32>>, GameError> {
    (0..runs)
        .map(|k| {
            finish_on_ai(
                scenario,
                from.reseeded(scenario, continuation_seed(seed, from.turn, k)),
            )
        })
        .collect()
}

/// The position before each turn of a game replayed from its seed and choices, up to the
/// position after `until` turns (or the end): `result[t]` stands after `t` turns.
pub(crate) fn positions(
    scenario: &Arc<Scenario>,
    seed: u64,
    humans: &[PartyIx],
    choices: &[HumanChoice],
    until: u32,
) -> Result<Vec<Position>, GameError> {
    let mut session = Session::new(scenario.clone(), seed, humans.to_vec());
    let mut out = Vec::new();
    let mut log = choices.iter().peekable();
    loop {
        out.push(Position::between_turns(&mut session)?);
        if session.game.is_over() || session.game.turn() >= until {
            break;
        }
        let turn = session.game.turn() + 1;
        session.start_turn()?;
        while let Some(HumanChoice::Decision { event, option, .. }) =
            log.next_if(|c| c.turn() == turn && matches!(c, HumanChoice::Decision { .. }))
        {
            session.decide(*event, *option)?;
        }
        session.open_orders()?;
        while let Some(HumanChoice::Order { order, .. }) =
            log.next_if(|c| c.turn() == turn && matches!(c, HumanChoice::Order { .. }))
        {
            session.order(*order)?;
        }
        session.end_turn()?;
    }
    Ok(out)
}

/// One month played from `from` with these human decisions and orders: decisions not listed are
/// taken by the AI, and a human seat whose orders are `None` is given the AI's. Then the game
/// goes on with the AI in every seat, reseeded for run `run`. Returns the final scores.
fn branch(
    scenario: &Arc<Scenario>,
    from: &Position,
    seed: u64,
    run: usize,
    humans: &[PartyIx],
    decisions: &[(EventIx, usize)],
    orders: &[(PartyIx, Option<Vec<Order>>)],
) -> Result<Vec<f32>, GameError> {
    let mut session = Session::resume(from.game(scenario), seed, humans.to_vec());
    session.start_turn()?;
    for (event, option) in decisions {
        session.decide(*event, *option)?;
    }
    let state = session.game.state();
    for p in session.human_decisions() {
        let pick = ai::choose_option(scenario, &state, p.event, p.decider);
        session.decide(p.event, pick.option)?;
    }
    session.open_orders()?;
    for (party, given) in orders {
        let list = if let Some(list) = given {
            list.clone()
        } else {
            let state = session.game.state();
            ai::plan_orders(scenario, &state, *party, &[])
                .into_iter()
                .map(|c| c.order)
                .collect()
        };
        for o in list {
            // An order made illegal by a different decision earlier in the month is dropped.
            let _ = session.order(o);
        }
    }
    session.end_turn()?;
    let after = Position::between_turns(&mut session)?;
    finish_on_ai(
        scenario,
        after.reseeded(scenario, continuation_seed(seed, after.turn, run)),
    )
}

/// A choice a player made and the alternative that would have changed their result most.
#[derive(Debug, Clone, PartialEq)]
pub struct TurningPoint {
    /// Whose choice.
    pub(crate) party: PartyIx,
    /// The month it was made in (1-based turn).
    pub turn: u32,
    /// What was chosen: an event option's label, or the month's orders.
    pub chose: String,
    /// The alternative: another option's label, or "the advisor's orders".
    pub alternative: String,
    /// Mean final score of `party` after the actual choice, the AI playing on.
    pub(crate) actual: f32,
    /// Mean final score of `party` after the alternative, the AI playing on.
    pub(crate) instead: f32,
    /// Continuations behind each mean.
    pub(crate) runs: usize,
}

impl TurningPoint {
    /// How much the alternative would have changed the party's final score, on average.
    pub fn delta(&self) -> f32 {
        self.instead - self.actual
    }
}

fn mean_of(results: &[Vec<f32>], p: PartyIx) -> f32 {
    results.iter().map(|r| r[p.0]).sum::<f32>() / results.len().max(1) as f32
}

/// The turning point of each human seat: of all the choices the seat made (each event option,
/// and each month's orders taken as a whole), the one whose best alternative moves the seat's
/// final score most, measured by `runs` AI continuations of each. `None` for a seat that made no
/// choice with an alternative.
pub fn turning_points(
    scenario: &Arc<Scenario>,
    seed: u64,
    humans: &[PartyIx],
    choices: &[HumanChoice],
    runs: usize,
) -> Result<Vec<(PartyIx, Option<TurningPoint>)>, GameError> {
    let positions = positions(scenario, seed, humans, choices, u32::MAX)?;
    let mut best: Vec<Option<TurningPoint>> = vec![None; humans.len()];
    let text = |e: EventIx, o: usize| scenario.events[e.0].options[o].label.clone();
    let mut consider = |i: usize, tp: TurningPoint| {
        let keep = best[i]
            .as_ref()
            .is_none_or(|b| tp.delta().abs() > b.delta().abs());
        if keep {
            best[i] = Some(tp);
        }
    };
    for (t, from) in positions.iter().enumerate() {
        let turn = t as u32 + 1;
        let month: Vec<&HumanChoice> = choices.iter().filter(|c| c.turn() == turn).collect();
        if month.is_empty() && t + 1 == positions.len() {
            break;
        }
        let decisions: Vec<(EventIx, usize)> = month
            .iter()
            .filter_map(|c| match c {
                HumanChoice::Decision { event, option, .. } => Some((*event, *option)),
                HumanChoice::Order { .. } => None,
            })
            .collect();
        let orders_of = |p: PartyIx| -> Vec<Order> {
            month
                .iter()
                .filter_map(|c| match c {
                    HumanChoice::Order { order, .. } if order.party == p => Some(*order),
                    _ => None,
                })
                .collect()
        };
        let actual_orders: Vec<(PartyIx, Option<Vec<Order>>)> =
            humans.iter().map(|p| (*p, Some(orders_of(*p)))).collect();
        let run_all = |decisions: &[(EventIx, usize)],
                       orders: &[(PartyIx, Option<Vec<Order>>)]|
         -> Result<Vec<Vec<f32>>, GameError> {
            (0..runs)
                .map(|k| branch(scenario, from, seed, k, humans, decisions, orders))
                .collect()
        };
        // Each decision: the actual option against each other option, what came before it in
        // the month as it was, what came after on AI.
        for (j, (event, option)) in decisions.iter().enumerate() {
            let Some(decider) = scenario.events[event.0].decider else {
                continue;
            };
            let Some(i) = humans.iter().position(|h| *h == decider) else {
                continue;
            };
            let ai_after: Vec<(PartyIx, Option<Vec<Order>>)> =
                humans.iter().map(|p| (*p, None)).collect();
            let base = run_all(&decisions[..=j], &ai_after)?;
            let actual = mean_of(&base, decider);
            for alt in 0..scenario.events[event.0].options.len() {
                if alt == *option {
                    continue;
                }
                let mut changed = decisions[..j].to_vec();
                changed.push((*event, alt));
                let other = run_all(&changed, &ai_after)?;
                consider(
                    i,
                    TurningPoint {
                        party: decider,
                        turn,
                        chose: text(*event, *option),
                        alternative: text(*event, alt),
                        actual,
                        instead: mean_of(&other, decider),
                        runs,
                    },
                );
            }
        }
        // Each seat's orders for the month: as given, against the advisor's.
        for (i, p) in humans.iter().enumerate() {
            let given = orders_of(*p);
            let mut advised = actual_orders.clone();
            advised[i].1 = None;
            let probe = {
                let mut session = Session::resume(from.game(scenario), seed, humans.to_vec());
                session.start_turn()?;
                for (event, option) in &decisions {
                    session.decide(*event, *option)?;
                }
                session.open_orders()?;
                let state = session.game.state();
                ai::plan_orders(scenario, &state, *p, &[])
                    .into_iter()
                    .map(|c| c.order)
                    .collect::<Vec<_>>()
            };
            let same = probe.len() == given.len() && probe.iter().all(|o| given.contains(o));
            if same {
                continue;
            }
            let base = run_all(&decisions, &actual_orders)?;
            let other = run_all(&decisions, &advised)?;
            let chose = if given.is_empty() {
                "no orders".to_string()
            } else {
                given
                    .iter()
                    .map(|o| o.label(scenario))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            consider(
                i,
                TurningPoint {
                    party: *p,
                    turn,
                    chose,
                    alternative: probe
                        .iter()
                        .map(|o| o.label(scenario))
                        .collect::<Vec<_>>()
                        .join("; "),
                    actual: mean_of(&base, *p),
                    instead: mean_of(&other, *p),
                    runs,
                },
            );
        }
    }
    Ok(humans.iter().copied().zip(best).collect())
}

/// A player's final score beside the AI's in the same seat.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatComparison {
    /// The seat.
    pub party: PartyIx,
    /// The player's final score.
    pub actual: f32,
    /// The AI's final score in that seat with the same seed (the other seats as they would
    /// have answered it).
    pub ai_same_seed: f32,
    /// The AI's final scores in that seat over other seeds.
    pub ai_runs: Vec<f32>,
}

impl SeatComparison {
    /// The spread of the AI's scores over other seeds.
    pub fn spread(&self) -> Option<Spread> {
        Spread::of(&self.ai_runs)
    }
}

/// For each human seat of a finished game: the player's score, the AI's in the same seat with
/// the same seed, and over `runs` other seeds.
pub fn compare_seats(
    scenario: &Arc<Scenario>,
    seed: u64,
    humans: &[PartyIx],
    actual: &[f32],
    runs: usize,
) -> Result<Vec<SeatComparison>, GameError> {
    let all_ai = finish_on_ai(scenario, Game::new(scenario.clone(), seed))?;
    let start = Position::between_turns(&mut Session::new(scenario.clone(), seed, Vec::new()))?;
    let others = continuations(scenario, &start, seed, runs)?;
    Ok(humans
        .iter()
        .map(|p| SeatComparison {
            party: *p,
            actual: actual[p.0],
            ai_same_seed: all_ai[p.0],
            ai_runs: others.iter().map(|r| r[p.0]).collect(),
        })
        .collect())
}

/// The what-if of a game after `at_turn` turns, as lines for a terminal: `runs` continuations
/// with the AI in every seat from there, beside each party's score at that point.
pub fn report_lines(
    scenario: &Arc<Scenario>,
    seed: u64,
    humans: &[PartyIx],
    choices: &[HumanChoice],
    at_turn: u32,
    runs: usize,
) -> Result<Vec<String>, GameError> {
    let s = scenario;
    let Some(from) = positions(s, seed, humans, choices, at_turn)?.pop() else {
        return Ok(Vec::new());
    };
    let mut now = from.game(s);
    let scores_now: Vec<f32> = (0..s.parties.len())
        .map(|p| now.score(PartyIx(p)))
        .collect();
    let results = continuations(s, &from, seed, runs)?;
    let mut out = vec![format!(
        "What if the AI played every seat from {} on? {runs} games, each with its own dice:",
        if from.turn == 0 {
            "the start".to_string()
        } else {
            format!("the end of {}", s.date_label(from.turn))
        }
    )];
    out.push(format!(
        "{:<40} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "final score", "now", "mean", "median", "5%", "95%"
    ));
    for (p, party) in s.parties.iter().enumerate() {
        let values: Vec<f32> = results.iter().map(|r| r[p]).collect();
        if let Some(sp) = Spread::of(&values) {
            let who = if humans.contains(&PartyIx(p)) {
                format!("{} (played)", party.name)
            } else {
                party.name.clone()
            };
            out.push(format!(
                "{who:<40} {:>7.1} {:>7.1} {:>7.1} {:>7.1} {:>7.1}",
                scores_now[p], sp.mean, sp.median, sp.p5, sp.p95
            ));
        }
    }
    Ok(out)
}
