//! Benchmarks of the engine: loading, one turn, a whole all-AI campaign, the AI's planning.
//! Figures are written in docs/PERFORMANCE.md. Run: `cargo bench --bench engine`.

use std::sync::Arc;

use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::session::Session;

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
