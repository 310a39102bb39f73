//! Invariants of the rules under arbitrary play, and the snapshot round trip.

use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::sim::{Game, GameState};

fn scenarios() -> Vec<Arc<Scenario>> {
    vec![
        Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap()),
        Arc::new(scenario::load_str(include_str!("fixtures/mini.ron"), "mini.ron").unwrap()),
    ]
}

/// Play a game where every seat picks random legal orders and random event options.
fn random_game(s: Arc<Scenario>, seed: u64) -> Game {
    let mut pick = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let mut game = Game::new(s.clone(), seed);
    while !game.is_over() {
        game.begin_turn().unwrap();
        for p in game.pending() {
            let n = s.events[p.event.0].options.len();
            game.decide(p.event, pick.random_range(0..n)).unwrap();
        }
        game.close_decisions().unwrap();
        for p in (0..s.parties.len()).map(PartyIx) {
            for _ in 0..s.rules.max_orders {
                let legal = game.legal_orders(p);
                if legal.is_empty() || pick.random_bool(0.2) {
                    break;
                }
                let o = legal[pick.random_range(0..legal.len())];
                game.order(o).unwrap();
            }
        }
        game.end_turn().unwrap();
    }
    game
}

fn check_ranges(s: &Scenario, st: &GameState) {
    let n = s.parties.len();
    for a in 0..n {
        for (i, v) in st.parties[a].figures.iter().enumerate() {
            let hi = if i == 4 { 1000.0 } else { 100.0 };
            assert!(
                v.is_finite() && (0.0..=hi).contains(v),
                "figure {i} of {a} = {v}"
            );
        }
        for b in 0..n {
            let (t, th, m) = (st.trust[a][b], st.threat[a][b], st.memory[a][b]);
            assert!(
                t.is_finite() && (-100.0..=100.0).contains(&t),
                "trust {a}->{b} = {t}"
            );
            assert!(
                th.is_finite() && (0.0..=100.0).contains(&th),
                "threat {a}->{b} = {th}"
            );
            assert!(
                m.is_finite() && (-1.0..=1.0).contains(&m),
                "memory {a}->{b} = {m}"
            );
        }
    }
    for (t, v) in st.tracks.iter().enumerate() {
        let tr = &s.tracks[t];
        assert!(
            v.is_finite() && *v >= tr.min && *v <= tr.max,
            "track {} = {v}",
            tr.id
        );
    }
    for al in &st.alliances {
        assert!(
            al.figures
                .iter()
                .all(|v| v.is_finite() && (0.0..=100.0).contains(v))
        );
    }
    for f in &st.forums {
        assert!(f.habit.is_finite() && (0.0..=100.0).contains(&f.habit));
    }
}

#[test]
fn figures_stay_in_range_under_random_play() {
    for s in scenarios() {
        for seed in 0..6 {
            let game = random_game(s.clone(), seed);
            for st in game.history() {
                check_ranges(&s, st);
            }
        }
    }
}

#[test]
fn snapshot_to_world_to_snapshot_is_the_identity() {
    for s in scenarios() {
        let mut game = random_game(s.clone(), 11);
        let state = game.state();
        let mut again = Game::from_parts(s.clone(), &state, game.rng());
        assert_eq!(again.state(), state);
    }
}

#[test]
fn a_game_resumed_from_a_snapshot_plays_on_identically() {
    let s = &scenarios()[0];
    let play_to = |game: &mut Game, until: u32| {
        while game.turn() < until {
            game.begin_turn().unwrap();
            for p in game.pending() {
                game.decide(p.event, 0).unwrap();
            }
            game.close_decisions().unwrap();
            game.end_turn().unwrap();
        }
    };
    let mut straight = Game::new(s.clone(), 5);
    play_to(&mut straight, 6);
    let mut resumed = Game::from_parts(s.clone(), &straight.state(), straight.rng());
    play_to(&mut straight, 12);
    play_to(&mut resumed, 12);
    assert_eq!(straight.state(), resumed.state());
}
