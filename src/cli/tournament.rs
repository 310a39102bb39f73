//! The `tournament` command: named policies played against each other on a scenario, ranked.

use std::path::Path;
use std::sync::Arc;

use sixparty_core::policy::Policy;
use sixparty_core::scenario;
use sixparty_core::tournament::{Spec, run as play, table};

use super::Failure;

/// Arguments of `sixparty tournament`.
#[derive(clap::Args, Debug, Clone)]
pub struct TournamentArgs {
    /// Scenario id (see `sixparty list`) or path to a .ron file.
    #[arg(value_name = "SCENARIO")]
    pub scenario: String,
    /// A policy to enter (repeat, or separate with commas); see `sixparty policies`.
    #[arg(
        long = "policy",
        value_name = "POLICY",
        value_delimiter = ',',
        required = true
    )]
    pub policies: Vec<String>,
    /// Turns of each match [default: the scenario's].
    #[arg(long)]
    pub turns: Option<u32>,
    /// Matches per pair of policies (or per seat).
    #[arg(long, default_value_t = 1)]
    pub repetitions: u32,
    /// Seed the matches' seeds are derived from.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Print every match and the summary as JSON.
    #[arg(long)]
    pub json: bool,
    /// Threads to play on [default: every core]; the result does not depend on it.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Play every repetition, even of a pairing whose match cannot depend on its seed (by
    /// default one such match stands for the rest; the result is the same).
    #[arg(long)]
    pub play_all: bool,
}

/// Run `sixparty tournament`: print the ranking (or, with `--json`, every match and the
/// summary).
pub fn run(args: &TournamentArgs, dir: Option<&Path>) -> Result<(), Failure> {
    let text = text(args, dir)?;
    outln!("{}", text.trim_end());
    Ok(())
}

/// The text `sixparty tournament` prints, or its failure: 2 for an unknown policy, `--jobs` out
/// of range or a tournament the core refuses; 1 for a scenario that cannot be loaded.
pub fn text(args: &TournamentArgs, dir: Option<&Path>) -> Result<String, Failure> {
    let policies = args
        .policies
        .iter()
        .map(|name| Policy::from_name(name.trim()).map_err(|e| Failure::new(2, e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    if args.jobs == Some(0) || args.jobs.is_some_and(|j| j > 1024) {
        return Err(Failure::new(2, "--jobs must be between 1 and 1024"));
    }
    let s = scenario::resolve(&args.scenario, dir).map_err(|e| Failure::new(1, e.to_string()))?;
    let spec = Spec {
        scenario: Arc::new(s),
        policies,
        turns: args.turns,
        repetitions: args.repetitions,
        seed: args.seed,
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from)),
        reuse: !args.play_all,
    };
    let outcome = play(&spec).map_err(|e| Failure::new(2, e.to_string()))?;
    if args.json {
        serde_json::to_string_pretty(&outcome).map_err(|e| Failure::new(1, e.to_string()))
    } else {
        Ok(table(&outcome))
    }
}
