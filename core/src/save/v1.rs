//! Format 1, the save format before this one, and its migration.
//!
//! Format 1 recorded the seed, the humans' choices, where the turn stood, the dice, the state, the
//! history and the timeline, and was loaded by re-playing the choices from the seed and refusing
//! the file unless the replay reached the recorded game. It did not record the events waiting
//! for a decision, the decisions and orders of the AI seats in the month in progress, the news so
//! far, the trust at the start of the turn, the last turn's report or the observations.
//!
//! Migration: re-play first, as format 1 always did — when the engine has not changed, that
//! gives the game exactly, observations and report included. When the replay no longer reaches
//! the recorded game (the AI, the rules or the dice changed since), resume from what was
//! recorded: between turns that is exact in the state, the dice, the history and the timeline;
//! in the middle of a month the missing parts are rebuilt (see [`complete`]) and today's AI gives
//! the AI seats' decisions and orders of the month, the humans' are given again from the log. The
//! last report, the news so far and the observations stay empty (the debrief then has fewer
//! figures). The session notes the resumption ([`Resumed`]), and the loader returns a one-line
//! note for the player.

use std::fmt::Write as _;
use std::sync::Arc;

use serde::Deserialize;

use super::{Resume, SaveError, SaveFile, audit, check, replay};
use crate::policy::Policy;
use crate::scenario::{PartyIx, Scenario};
use crate::session::{HumanChoice, Resumed, Session};
use crate::sim::engine::Snapshot;
use crate::sim::{
    DiceState, Game, GameState, Moment, Pending, Phase, StateFacts, TurnReport, rules,
};

/// A format-1 file, field for field.
#[derive(Deserialize)]
struct Format1 {
    format: u32,
    written_by: String,
    saved_at: u64,
    scenario_id: String,
    scenario_title: String,
    humans: Vec<String>,
    turn: u32,
    date: String,
    position: super::Position,
    seed: u64,
    choices: Vec<HumanChoice>,
    rng: DiceState,
    state: GameState,
    history: Vec<GameState>,
    timeline: Vec<Moment>,
    scenario: String,
    #[serde(default)]
    policies: Vec<(String, String)>,
}

/// Read a format-1 file as a [`SaveFile`] of format 1, whose snapshot holds only what format 1
/// recorded.
pub(super) fn parse(text: &str) -> Result<SaveFile, ron::error::SpannedError> {
    let f: Format1 = ron::Options::default().from_str(text)?;
    Ok(SaveFile {
        format: f.format,
        written_by: f.written_by,
        saved_at: f.saved_at,
        scenario_id: f.scenario_id,
        scenario_title: f.scenario_title,
        humans: f.humans,
        turn: f.turn,
        date: f.date,
        position: f.position,
        seed: f.seed,
        policies: f.policies,
        resumed: Vec::new(),
        choices: f.choices,
        game: Snapshot {
            phase: f.position.into(),
            dice: f.rng,
            state: f.state,
            pending: Vec::new(),
            decisions: Vec::new(),
            orders: Vec::new(),
            trust_at_start: Vec::new(),
            chronicle: crate::sim::world::Chronicle::default(),
            report: TurnReport::default(),
            history: f.history,
            timeline: f.timeline,
            observations: Vec::new(),
        },
        scenario: f.scenario,
    })
}

/// Restore a format-1 save: the replay if it still reaches the recorded game, else the
/// recorded game itself, completed.
pub(super) fn resume(
    file: &SaveFile,
    scenario: Arc<Scenario>,
    humans: Vec<PartyIx>,
    policies: Vec<(PartyIx, Policy)>,
    path: &str,
) -> Result<Resume, SaveError> {
    let broken = |problem: String| SaveError::Broken {
        path: path.to_owned(),
        problem,
    };
    // The choices are checked before anything plays them: a damaged log is refused, never
    // re-played into a panic.
    check::choices(&file.choices, &humans, &file.game, &scenario, false).map_err(broken)?;
    if let Some(session) = replay_exact(file, &scenario, &humans, &policies) {
        return Ok(Resume {
            session,
            note: None,
        });
    }
    let mut game = file.game.clone();
    complete(&mut game, &scenario).map_err(broken)?;
    audit::check(&game, &scenario).map_err(|e| broken(format!("in the recorded game: {e}")))?;
    // What the humans chose in the part of the month still open is given again; what they chose
    // before (the month's decisions, once orders are open) is already in the recorded state.
    let (now, phase) = (game.state.turn, game.phase);
    let (past, month): (Vec<HumanChoice>, Vec<HumanChoice>) =
        file.choices.iter().cloned().partition(|c| {
            let open = match c {
                HumanChoice::Decision { .. } => phase == Phase::Deciding,
                HumanChoice::Order { .. } => phase == Phase::Ordering,
            };
            !(open && c.turn() == now)
        });
    let game = Game::restore(scenario, game).map_err(|e| broken(e.0))?;
    let resumed = vec![Resumed {
        written_by: file.written_by.clone(),
        format: file.format,
        turn: file.turn,
    }];
    let mut session = Session::resume_saved(game, file.seed, humans, policies, past, resumed);
    // The month in progress: the AI seats as today's AI plays them, the humans as they chose.
    let mut dropped = 0;
    match session.game.phase() {
        Phase::Deciding => {
            // Cannot fail: the game is in the phase it needs.
            let _ = session.decide_for_ai();
        }
        Phase::Ordering => session.order_for_ai(),
        Phase::BetweenTurns | Phase::Over => {}
    }
    for c in &month {
        let given = match c {
            HumanChoice::Decision { event, option, .. } => session.decide(*event, *option),
            HumanChoice::Order { order, .. } => session.order(*order),
        };
        dropped += usize::from(given.is_err());
    }
    let mut note = format!(
        "This save was written by {} (format {}); it resumes from its recorded state.",
        file.written_by, file.format
    );
    if dropped > 0 {
        let _ = write!(
            note,
            " {dropped} of your choices this month no longer fit today's rules and were dropped."
        );
    }
    Ok(Resume {
        session,
        note: Some(note),
    })
}

/// The game re-played from the seed and the choices, if it reaches what the save recorded.
fn replay_exact(
    file: &SaveFile,
    scenario: &Arc<Scenario>,
    humans: &[PartyIx],
    policies: &[(PartyIx, Policy)],
) -> Option<Session> {
    let mut session = Session::replay_with_policies(
        Arc::clone(scenario),
        file.seed,
        humans.to_vec(),
        policies.to_vec(),
        &file.choices,
        file.turn,
        file.position.into(),
        |_| {},
    )
    .ok()?;
    let replayed = session.game.snapshot();
    replay::first_difference(&file.game, &replayed, false)
        .is_none()
        .then_some(session)
}

/// Fill in what format 1 did not record, from what it did.
///
/// - Between turns, the month's orders (which the screens show until the next month begins) are
///   the ones the state's record holds: every seat's, in party order.
/// - In the middle of a month, the events waiting for a decision are those whose count of
///   firings grew since the last turn's end, with a decider (events fire in scenario order, so
///   this is their order); at [`Phase::Ordering`] each was decided with the option the state's
///   record holds. The trust at the start of the turn is the last turn's, faded as the turn's
///   start fades it (by today's rule).
///
/// The news so far, the last report and the observations stay empty.
fn complete(game: &mut Snapshot, s: &Scenario) -> Result<(), String> {
    if matches!(game.phase, Phase::BetweenTurns | Phase::Over) {
        game.orders.clone_from(&game.state.record.orders);
        return game.check(s).map_err(|e| e.0);
    }
    let start = game.history.last().cloned();
    let before = start.as_ref().map(|g| g.record.fired.as_slice());
    let record = &game.state.record;
    game.pending = record
        .fired
        .iter()
        .enumerate()
        .filter(|(e, n)| **n > before.and_then(|b| b.get(*e)).copied().unwrap_or(0))
        .filter_map(|(e, _)| {
            let decider = s.events.get(e)?.decider?;
            Some(Pending {
                event: crate::scenario::EventIx(e),
                decider,
            })
        })
        .collect();
    if game.phase == Phase::Ordering {
        game.decisions = game
            .pending
            .iter()
            .map(|p| {
                let chosen = record.chosen.get(p.event.0).copied().flatten();
                (p.event, chosen.unwrap_or(0))
            })
            .collect();
    }
    // A stand-in of the right size, so that the check below can pass; replaced once the history
    // is known to fit the scenario.
    game.trust_at_start.clone_from(&game.state.trust);
    game.check(s).map_err(|e| e.0)?;
    if let Some(start) = start {
        let mut facts = StateFacts {
            scenario: s,
            state: start,
        };
        rules::fade_relations(&mut facts);
        game.trust_at_start = facts.state.trust;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::complete;
    use crate::scenario::{self, PartyIx};
    use crate::session::Session;
    use crate::sim::Phase;

    /// A game stopped at `phase` of turn 3, its snapshot and the snapshot stripped to what
    /// format 1 recorded.
    fn stopped_at(phase: Phase) -> (Session, crate::sim::engine::Snapshot) {
        let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).expect("loads"));
        let mut g = Session::new(s, 6, Vec::new());
        while g.game.turn() < 3 || g.game.phase() != phase {
            match g.game.phase() {
                Phase::BetweenTurns => g.start_turn().expect("starts"),
                Phase::Deciding => g.open_orders().expect("opens"),
                Phase::Ordering => {
                    g.end_turn().expect("ends");
                }
                Phase::Over => unreachable!(),
            }
        }
        let full = g.game.snapshot();
        let mut v1 = full.clone();
        v1.pending.clear();
        v1.decisions.clear();
        v1.orders.clear();
        v1.trust_at_start.clear();
        (g, v1)
    }

    #[test]
    fn what_format_1_did_not_record_is_rebuilt_as_it_was() {
        for phase in [Phase::BetweenTurns, Phase::Deciding, Phase::Ordering] {
            let (mut g, mut partial) = stopped_at(phase);
            let full = g.game.snapshot();
            complete(&mut partial, g.game.scenario()).expect("completes");
            if phase != Phase::BetweenTurns {
                // Between turns these are the last turn's, which the next turn's start clears
                // (or recomputes) before anything reads them.
                assert_eq!(partial.pending, full.pending, "{phase:?}");
                assert_eq!(partial.trust_at_start, full.trust_at_start, "{phase:?}");
            }
            if phase == Phase::Ordering {
                assert_eq!(partial.decisions, full.decisions, "{phase:?}");
            }
            if phase == Phase::BetweenTurns {
                // In party order: what each seat shows is its own orders, in the order given.
                for p in 0..g.scenario().parties.len() {
                    let of = |orders: &[crate::sim::Order]| -> Vec<crate::sim::Order> {
                        orders
                            .iter()
                            .filter(|o| o.party == PartyIx(p))
                            .copied()
                            .collect()
                    };
                    assert_eq!(of(&partial.orders), of(&full.orders), "{phase:?}");
                }
            }
        }
    }
}
