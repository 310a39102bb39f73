//! Benchmarks of the engine: loading, a whole all-AI campaign, the AI's planning, and the
//! engine's schedules alone (games played without the AI).
//! Figures are written in docs/PERFORMANCE.md. Run: `cargo bench --bench engine`.

use std::sync::Arc;

use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::Game;

fn main() {
    divan::main();
}

fn campaign() -> Arc<Scenario> {
    Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).expect("campaign loads"))
}

/// Parse and validate the campaign scenario.
#[divan::bench]
fn load_campaign() -> Scenario {
    scenario::resolve(scenario::DEFAULT_SCENARIO, None).expect("campaign loads")
}

/// A whole 24-turn campaign with the AI in every seat.
#[divan::bench(sample_count = 20)]
fn whole_campaign_all_ai(bencher: divan::Bencher) {
    let s = campaign();
    bencher.bench(|| {
        let mut session = Session::new(s.clone(), 7, Vec::new());
        while !session.game.is_over() {
            session.start_turn().unwrap();
            session.open_orders().unwrap();
            session.end_turn().unwrap();
        }
        session.game.turn()
    });
}

/// The advisor's plan for one seat on the first turn (what a key press in the UI waits for).
#[divan::bench]
fn advise_one_seat(bencher: divan::Bencher) {
    let s = campaign();
    let mut session = Session::new(s, 7, vec![PartyIx(0)]);
    session.start_turn().unwrap();
    for p in session.human_decisions() {
        session.decide(p.event, 0).unwrap();
    }
    session.open_orders().unwrap();
    bencher.bench_local(|| session.advise_orders(PartyIx(0)));
}

/// Play a game to its end with no orders and no decisions but the first option: the engine's
/// schedules alone, without the AI.
fn play_without_the_ai(game: &mut Game) -> u32 {
    while !game.is_over() {
        game.begin_turn().unwrap();
        for p in game.pending() {
            game.decide(p.event, 0).unwrap();
        }
        game.close_decisions().unwrap();
        game.end_turn().unwrap();
    }
    game.turn()
}

/// The engine alone on the two-party dilemma (12 months, no forums, alliances or events), one
/// world restarted for each game as a tournament does: the fixed cost of the turn's schedules.
#[divan::bench]
fn dilemma_months_without_the_ai(bencher: divan::Bencher) {
    let s = Arc::new(scenario::resolve("classic-dilemma", None).expect("the dilemma loads"));
    let mut game = Game::new(s, 1);
    bencher.bench_local(|| {
        game.restart(1);
        play_without_the_ai(&mut game)
    });
}

/// The engine alone on the campaign (24 months, six parties, forums, alliances, events), one
/// world restarted for each game.
#[divan::bench]
fn campaign_months_without_the_ai(bencher: divan::Bencher) {
    let mut game = Game::new(campaign(), 7);
    bencher.bench_local(|| {
        game.restart(7);
        play_without_the_ai(&mut game)
    });
}
