//! The `simulate` command: many all-AI games of a scenario in parallel, summarised; or, with
//! `--from`, the spread of outcomes when the AI plays on from a saved game.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use sixparty_core::policy::Policy;
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::sim::Phase;
use sixparty_core::{save, simulate, whatif};

use super::Failure;

/// Arguments of `sixparty simulate`.
#[derive(clap::Args, Debug, Clone)]
pub struct SimulateArgs {
    /// Scenario id (see `sixparty list`) or path to a .ron file [default: the campaign].
    #[arg(value_name = "SCENARIO")]
    pub scenario: Option<String>,
    /// How many games to play.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub runs: u32,
    /// Seed of the run; game i gets its own seed derived from it, shown in the CSV.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads [default: one per core]; the results do not depend on it.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Write one line per game to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Print the summary as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Play a seat with a named policy instead of the default AI, as SEAT=POLICY (e.g.
    /// `--policy north_korea=tit-for-tat`); repeat for more seats. See `sixparty policies`.
    #[arg(long = "policy", value_name = "SEAT=POLICY")]
    pub policies: Vec<String>,
    /// Instead: play on from a saved game (a name from `sixparty saves`, or a path) with the AI
    /// in every seat, and show the spread of outcomes.
    #[arg(long, value_name = "SAVE", conflicts_with_all = ["scenario", "csv", "policies"])]
    pub from: Option<String>,
}

/// Run `sixparty simulate`: scenarios are found in `dir` and `mods`, saves (for `--from`) in
/// `saves`. Ctrl-C stops the games early: the partial summary is printed and the exit code is
/// 130.
pub fn run(
    args: &SimulateArgs,
    dir: Option<&Path>,
    mods: Option<&Path>,
    saves: &Path,
) -> Result<(), Failure> {
    let jobs = match args.jobs {
        None => 0, // rayon: one per core
        Some(j @ 1..=1024) => j,
        Some(_) => {
            return Err(Failure::new(2, "--jobs must be between 1 and 1024"));
        }
    };
    match &args.from {
        Some(name) => play_on(args, name, saves),
        None => many_games(args, jobs, dir, mods),
    }
}

/// `simulate --from SAVE`: the what-if report of the save, and for a finished game each human
/// seat's score beside the AI's in that seat.
fn play_on(args: &SimulateArgs, name: &str, saves: &Path) -> Result<(), Failure> {
    let runs = args.runs as usize;
    let (mut session, file) =
        save::load(saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
    let s = session.scenario();
    // Turns completed: a turn still being decided or ordered is counted by `turn()` but is not
    // over, so the continuations start before it.
    let at = match session.game.phase() {
        Phase::BetweenTurns | Phase::Over => session.game.turn(),
        _ => session.game.turn().saturating_sub(1),
    };
    let humans = session.humans().to_vec();
    let mut lines = whatif::report_lines(&s, file.seed, &humans, session.choices(), at, runs)
        .map_err(|e| Failure::new(1, format!("{name}: {e}")))?;
    if session.game.is_over() {
        let actual: Vec<f32> = (0..s.parties.len())
            .map(|p| session.game.score(PartyIx(p)))
            .collect();
        let cmp = whatif::compare_seats(&s, file.seed, &humans, &actual, runs)
            .map_err(|e| Failure::new(1, format!("{name}: {e}")))?;
        lines.push(String::new());
        for c in cmp {
            let spread = c.spread().map_or(String::new(), |sp| {
                format!(
                    "; over {runs} other seeds {:.1} on average (5%–95%: {:.1}–{:.1})",
                    sp.mean, sp.p5, sp.p95
                )
            });
            lines.push(format!(
                "{}: your final score {:.1}; the AI in your seat with the same seed {:.1}{spread}",
                s.parties[c.party.0].name, c.actual, c.ai_same_seed
            ));
        }
    }
    if args.json {
        outln!(
            "{}",
            serde_json::json!({ "save": name, "from_turn": at, "lines": lines })
        );
    } else {
        for l in lines {
            outln!("{l}");
        }
    }
    Ok(())
}

/// `simulate [SCENARIO]`: `--runs` games on `jobs` threads (0: one per core), a progress bar on
/// a terminal, the CSV written as the games finish, then the summary.
fn many_games(
    args: &SimulateArgs,
    jobs: usize,
    dir: Option<&Path>,
    mods: Option<&Path>,
) -> Result<(), Failure> {
    let runs = args.runs as usize;
    let id = args
        .scenario
        .as_deref()
        .unwrap_or(scenario::DEFAULT_SCENARIO);
    let s =
        Arc::new(scenario::resolve_in(id, dir, mods).map_err(|e| Failure::new(1, e.to_string()))?);
    let policies = seat_policies(&s, &args.policies)?;
    let mut csv = match &args.csv {
        Some(path) => Some(create_csv(path, &s)?),
        None => None,
    };
    let mut write_error = None;
    let progress = io::stderr().is_terminal();
    let stop = stop_on_signals();
    let summary = simulate::run_until(&s, runs, args.seed, jobs, &policies, &stop, |row| {
        if let Some(w) = csv.as_mut()
            && write_error.is_none()
            && let Err(e) = writeln!(w, "{}", simulate::csv_row(&s, row))
        {
            write_error = Some(e);
        }
        let done = row.game + 1;
        if progress && (done % 50 == 0 || done == runs) {
            let width = 30;
            let filled = done * width / runs;
            eprint!(
                "\r[{}{}] {done}/{runs} games",
                "#".repeat(filled),
                " ".repeat(width - filled)
            );
            if done == runs {
                eprintln!();
            }
        }
    })
    .map_err(|e| Failure::new(1, e.to_string()))?;
    if progress && summary.interrupted {
        eprintln!();
    }
    if let (Some(mut w), Some(path)) = (csv, &args.csv)
        && let Some(e) = write_error.or_else(|| w.flush().err())
    {
        return Err(Failure::new(
            1,
            format!("cannot write {}: {e}", path.display()),
        ));
    }
    if args.json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&summary).unwrap_or_default()
        );
    } else {
        for l in summary.lines(&s) {
            outln!("{l}");
        }
    }
    if summary.interrupted {
        // 130: the shell's code for a program ended by Ctrl-C, after the partial summary.
        return Err(Failure::new(
            130,
            format!(
                "interrupted after {} of {} games",
                summary.runs, summary.requested
            ),
        ));
    }
    Ok(())
}

/// The seats `--policy SEAT=POLICY` gives a named policy; wrong usage (exit code 2) names the
/// seats or policies there are.
fn seat_policies(s: &Scenario, specs: &[String]) -> Result<Vec<(PartyIx, Policy)>, Failure> {
    let mut policies = Vec::new();
    for spec in specs {
        let Some((seat, name)) = spec.split_once('=') else {
            return Err(Failure::new(
                2,
                format!("--policy {spec}: expected SEAT=POLICY, e.g. us=tit-for-tat"),
            ));
        };
        let party = s.party_by_id(seat).ok_or_else(|| {
            let ids: Vec<&str> = s.parties.iter().map(|p| p.id.as_str()).collect();
            Failure::new(
                2,
                format!(
                    "--policy {spec}: unknown seat \"{seat}\"; seats: {}",
                    ids.join(", ")
                ),
            )
        })?;
        let policy = Policy::from_name(name)
            .map_err(|e| Failure::new(2, format!("--policy {spec}: {e}")))?;
        policies.push((party, policy));
    }
    Ok(policies)
}

/// The `--csv` file, created (before any game is played, so a bad path fails at once) with its
/// header written.
fn create_csv(path: &Path, s: &Scenario) -> Result<BufWriter<File>, Failure> {
    let cannot = |e: io::Error| Failure::new(1, format!("cannot write {}: {e}", path.display()));
    let mut w = BufWriter::new(File::create(path).map_err(cannot)?);
    writeln!(w, "{}", simulate::csv_header(s)).map_err(cannot)?;
    Ok(w)
}

/// A flag that Ctrl-C (or SIGTERM) raises, so that the run stops: the games played so far are
/// summarised and the CSV keeps their rows.
fn stop_on_signals() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Without the handler the signal simply ends the program, as it would anyway.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    stop
}
