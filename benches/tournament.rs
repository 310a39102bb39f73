//! Benchmarks of tournaments: the workload of the Axelrod library's tournaments (six classic
//! strategies, 50 turns, 100 repetitions, every pair including self-play, on classic-dilemma),
//! measured as a whole, and one campaign game with a lookahead seat. Figures and Axelrod's side
//! (`benches/axelrod_workload.py`) are in docs/PERFORMANCE.md.
//! Run: `cargo bench --bench tournament`.

use std::sync::Arc;

use sixparty_core::policy::Policy;
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::tournament::{self, Spec};

fn main() {
    divan::main();
}

fn load(id: &str) -> Arc<Scenario> {
    Arc::new(scenario::resolve(id, None).expect("scenario loads"))
}

fn axelrod_workload(jobs: usize, reuse: bool) -> Spec {
    Spec {
        scenario: load("classic-dilemma"),
        policies: [
            "cooperator",
            "defector",
            "tit-for-tat",
            "grudger",
            "alternator",
            "win-stay-lose-shift",
        ]
        .map(|p| Policy::from_name(p).expect("a policy"))
        .to_vec(),
        turns: Some(50),
        repetitions: 100,
        seed: 1,
        jobs,
        reuse,
    }
}

fn every_core() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The whole six-strategy tournament (2,100 matches of 50 turns) on every core, as the command
/// runs it: a match that cannot depend on its seed is played once for its pairing.
#[divan::bench(sample_count = 20)]
fn six_strategies_50_turns_100_repetitions(bencher: divan::Bencher) {
    let spec = axelrod_workload(every_core(), true);
    bencher.bench(|| tournament::run(&spec).expect("tournament"));
}

/// The same with every one of the 2,100 matches played (`--play-all`), on every core: the
/// engine's own speed.
#[divan::bench(sample_count = 10)]
fn six_strategies_every_match_played(bencher: divan::Bencher) {
    let spec = axelrod_workload(every_core(), false);
    bencher.bench(|| tournament::run(&spec).expect("tournament"));
}

/// Every match played, on one thread.
#[divan::bench(sample_count = 10)]
fn six_strategies_every_match_played_one_thread(bencher: divan::Bencher) {
    let spec = axelrod_workload(1, false);
    bencher.bench(|| tournament::run(&spec).expect("tournament"));
}

/// One 24-turn campaign game with the lookahead doctrine in one seat (the default AI in the
/// others).
#[divan::bench(sample_count = 10)]
fn campaign_with_one_lookahead_seat(bencher: divan::Bencher) {
    let s = load(scenario::DEFAULT_SCENARIO);
    bencher.bench(|| {
        tournament::play_game(&s, 7, vec![(PartyIx(1), Policy::Doctrine)]).expect("a game")
    });
}

/// One 24-turn campaign game with the lookahead doctrine in all six seats.
#[divan::bench(sample_count = 5)]
fn campaign_all_lookahead(bencher: divan::Bencher) {
    let s = load(scenario::DEFAULT_SCENARIO);
    let seats: Vec<_> = (0..s.parties.len())
        .map(|p| (PartyIx(p), Policy::Doctrine))
        .collect();
    bencher.bench(|| tournament::play_game(&s, 7, seats.clone()).expect("a game"));
}
