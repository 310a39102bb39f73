//! The two walks of the rules cannot drift apart: the turn's systems on the ECS world and the
//! same rules through [`Facts`] on a plain copy of the state (the walk the AI forecasts with)
//! must leave the same state and note the same facts, to the last bit, month after month, in
//! every built-in scenario, and from states scrambled at random.

use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::engine::Snapshot;
use super::{Dice, Fact, Game, GameState, Log, Phase, StateFacts, rules};
use crate::scenario::{self, EventIx, ForumStatus, Scenario};
use crate::session::Session;

/// Every built-in scenario.
fn scenarios() -> Vec<Arc<Scenario>> {
    let (entries, errors) = scenario::catalogue(None);
    assert!(errors.is_empty(), "{errors:?}");
    entries
        .iter()
        .map(|e| Arc::new(e.load().expect("a built-in scenario loads")))
        .collect()
}

/// The start of a month on the copy ([`rules::open_month`], then every event, where the
/// system asks its query: the same ones must fire); returns the trust at the start of the month
/// and the facts noted.
fn begin_on_copy(f: &mut StateFacts<'_>, dice: &mut Dice) -> (Vec<Vec<f32>>, Vec<Fact>) {
    let s = f.scenario;
    let mut log = Log::default();
    let trust = rules::open_month(f, &mut log);
    let events: Vec<EventIx> = (0..s.events.len()).map(EventIx).collect();
    let mut pending = Vec::new();
    rules::fire_events(f, s, &events, || dice.roll(), &mut pending, &mut log);
    (trust, log.facts)
}

/// The end of a month on the copy ([`rules::close_month`], which lets every forum in session
/// meet, where the system asks for the active ones: the same ones must meet); returns the facts.
fn end_on_copy(f: &mut StateFacts<'_>, snap: &Snapshot, dice: &mut Dice) -> Vec<Fact> {
    let mut log = Log::default();
    rules::close_month(
        f,
        &snap.orders,
        &snap.trust_at_start,
        || dice.roll(),
        &mut log,
    );
    log.facts
}

/// Play the session's game to its end, checking every month against the copy.
fn play_both_ways(session: &mut Session, what: &str) {
    let s = Arc::clone(session.game.scenario());
    while !session.game.is_over() {
        let turn = session.game.turn() + 1;
        let here = format!("{what}, month {turn}");
        // The start of the month.
        let mut copy = StateFacts {
            scenario: &s,
            state: session.game.state(),
        };
        let mut dice = session.game.rng();
        session
            .game
            .begin_turn()
            .expect("a game between months can begin one");
        let (trust, facts) = begin_on_copy(&mut copy, &mut dice);
        assert_eq!(session.game.state(), copy.state, "{here}: the start");
        assert_eq!(session.game.facts_so_far(), facts.as_slice(), "{here}");
        assert_eq!(session.game.snapshot().trust_at_start, trust, "{here}");
        assert_eq!(session.game.rng(), dice, "{here}: the dice");
        // The decisions.
        session.decide_for_ai().expect("the AI decides");
        let snap = session.game.snapshot();
        session.open_orders().expect("orders open once all decided");
        let mut log = Log::default();
        rules::apply_decisions(&mut copy, &s, &snap.pending, &snap.decisions, &mut log);
        assert_eq!(session.game.state(), copy.state, "{here}: the decisions");
        // The end of the month, with the AI's orders.
        let snap = session.game.snapshot();
        let mut dice = session.game.rng();
        let report = session.end_turn().expect("orders are open");
        let facts = end_on_copy(&mut copy, &snap, &mut dice);
        assert_eq!(
            session.game.history().last(),
            Some(&copy.state),
            "{here}: the end"
        );
        assert_eq!(report.results(), facts.as_slice(), "{here}");
        assert_eq!(session.game.rng(), dice, "{here}: the dice");
    }
}

#[test]
fn the_systems_and_the_rules_on_a_copy_play_every_scenario_alike() {
    for s in scenarios() {
        for seed in 1..=3 {
            let mut session = Session::new(Arc::clone(&s), seed, Vec::new());
            play_both_ways(&mut session, &format!("{} seed {seed}", s.id));
        }
    }
}

/// A state scrambled at random within every number's range (forum statuses, doctrines and
/// the record of fired events and reassurances included), at a random month.
fn scrambled(s: &Scenario, state: &GameState, rng: &mut ChaCha8Rng) -> GameState {
    let mut g = state.clone();
    g.turn = rng.random_range(0..s.turns);
    for p in &mut g.parties {
        for x in &mut p.figures[..4] {
            *x = rng.random_range(0.0..=100.0);
        }
        p.figures[4] = rng.random_range(0.0..=1000.0);
        p.doctrine = scenario::DoctrineIx(rng.random_range(0..s.doctrines.len()));
    }
    for (m, lo, hi) in [
        (&mut g.trust, -100.0, 100.0),
        (&mut g.threat, 0.0, 100.0),
        (&mut g.memory, -1.0, 1.0),
    ] {
        for x in m.iter_mut().flatten() {
            // Now and then a number at an end of its range, where the clamps bite.
            *x = match rng.random_range(0..8) {
                0 => lo,
                1 => hi,
                _ => rng.random_range(lo..=hi),
            };
        }
    }
    for a in &mut g.alliances {
        for x in &mut a.figures {
            *x = rng.random_range(0.0..=100.0);
        }
    }
    let statuses = [
        ForumStatus::Proposed,
        ForumStatus::Active,
        ForumStatus::Suspended,
        ForumStatus::Collapsed,
    ];
    for f in &mut g.forums {
        f.status = statuses[rng.random_range(0..4)];
        f.habit = rng.random_range(0.0..=100.0);
    }
    for (x, t) in g.tracks.iter_mut().zip(&s.tracks) {
        *x = rng.random_range(t.min..=t.max);
    }
    for n in &mut g.record.fired {
        *n = rng.random_range(0..2);
    }
    for r in &mut g.record.reassured {
        *r = rng.random_range(0..=g.turn);
    }
    g.record.orders.clear();
    g
}

#[test]
fn the_systems_and_the_rules_on_a_copy_agree_from_scrambled_states() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    for s in scenarios() {
        for round in 0..12 {
            let start = scrambled(&s, &GameState::initial(&s), &mut rng);
            let snapshot = Snapshot {
                phase: Phase::BetweenTurns,
                dice: Dice::seeded(rng.random()).state(),
                history: (0..=start.turn)
                    .map(|turn| GameState {
                        turn,
                        ..start.clone()
                    })
                    .collect(),
                state: start,
                pending: Vec::new(),
                decisions: Vec::new(),
                orders: Vec::new(),
                trust_at_start: Vec::new(),
                chronicle: super::world::Chronicle::default(),
                report: super::TurnReport::default(),
                timeline: Vec::new(),
                observations: Vec::new(),
            };
            let game = Game::restore(Arc::clone(&s), snapshot).expect("a scrambled state fits");
            let mut session = Session::resume(game, rng.random(), Vec::new());
            play_both_ways(&mut session, &format!("{} scrambled {round}", s.id));
        }
    }
}
