//! The `sixparty` command: play, list and validate scenarios.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use sixparty::scenario::{self, PartyIx, Scenario};
use sixparty::ui::plain::{Ending, Plain};
use sixparty::ui::tui;

/// Six Parties: a turn-based strategy game of Northeast Asian diplomacy.
///
/// With no command, plays the default scenario (the 2010–2011 campaign).
#[derive(Parser, Debug)]
#[command(name = "sixparty", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// With no command, the options of `play`.
    #[command(flatten)]
    play: PlayArgs,

    /// Folder of scenario files; a file there wins over the built-in scenario of the same id.
    #[arg(long, global = true, default_value = "scenarios", value_name = "DIR")]
    scenarios: PathBuf,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Play a scenario (the default command).
    Play(PlayArgs),
    /// List the available scenarios.
    List,
    /// Check scenario files and report every problem with its line and column.
    Validate {
        /// Files to check; default: every scenario available.
        paths: Vec<PathBuf>,
    },
}

#[derive(clap::Args, Debug, Default)]
struct PlayArgs {
    /// Scenario id (see `sixparty list`) or path to a .ron file.
    #[arg(value_name = "SCENARIO")]
    scenario: Option<String>,
    /// Party you play (repeat for hot-seat); asked at the start if omitted.
    #[arg(long = "as", value_name = "PARTY")]
    parties: Vec<String>,
    /// Seed of the game's random numbers: the same seed and choices give the same game.
    #[arg(long)]
    seed: Option<u64>,
    /// Numbered prompts on stdin/stdout instead of the full screen (automatic when stdout is
    /// not a terminal).
    #[arg(long)]
    plain: bool,
}

/// An error for `main` to print, with its exit code.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dir = cli.scenarios.is_dir().then_some(cli.scenarios.as_path());
    let result = match cli.command.unwrap_or(Command::Play(cli.play)) {
        Command::Play(args) => play(args, dir),
        Command::List => list(dir),
        Command::Validate { paths } => validate(&paths, dir),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("sixparty: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn list(dir: Option<&std::path::Path>) -> Result<(), Failure> {
    let (entries, errors) = scenario::catalogue(dir);
    for e in &entries {
        let default = if e.id == scenario::DEFAULT_SCENARIO {
            "  (default)"
        } else {
            ""
        };
        println!(
            "{:<28} {}{default}\n{:<28} from {}",
            e.id, e.title, "", e.origin
        );
    }
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            1,
            format!("{} scenario file(s) could not be read", errors.len()),
        ))
    }
}

fn validate(paths: &[PathBuf], dir: Option<&std::path::Path>) -> Result<(), Failure> {
    let mut bad = 0;
    let mut good = 0;
    let mut report = |name: String, result: Result<Scenario, scenario::ScenarioError>| match result
    {
        Ok(s) => {
            good += 1;
            println!(
                "ok    {name} ({}: {} parties, {} turns)",
                s.id,
                s.parties.len(),
                s.turns
            );
        }
        Err(e) => {
            bad += 1;
            eprintln!("{e}");
        }
    };
    if paths.is_empty() {
        let (entries, errors) = scenario::catalogue(dir);
        for e in entries {
            report(e.origin.to_string(), e.load());
        }
        for e in errors {
            report(String::new(), Err(e));
        }
    } else {
        for p in paths {
            report(p.display().to_string(), scenario::load_file(p));
        }
    }
    println!("{good} valid, {bad} with errors");
    if bad > 0 {
        Err(Failure::new(1, format!("{bad} scenario(s) have errors")))
    } else {
        Ok(())
    }
}

fn resolve_parties(s: &Scenario, names: &[String]) -> Result<Vec<PartyIx>, Failure> {
    let mut out = Vec::new();
    for name in names {
        let Some(p) = s.party_by_id(&name.to_lowercase()) else {
            let ids: Vec<&str> = s
                .parties
                .iter()
                .filter(|p| p.playable)
                .map(|p| p.id.as_str())
                .collect();
            return Err(Failure::new(
                2,
                format!(
                    "unknown party \"{name}\" for --as; valid ids: {}",
                    ids.join(", ")
                ),
            ));
        };
        if !s.parties[p.0].playable {
            return Err(Failure::new(
                2,
                format!("party \"{name}\" is not playable in this scenario"),
            ));
        }
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

fn play(args: PlayArgs, dir: Option<&std::path::Path>) -> Result<(), Failure> {
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
    });
    let plain = args.plain || !io::stdout().is_terminal();
    let named = args.scenario.is_some() || plain || !args.parties.is_empty();
    let chosen = if named {
        let id = args
            .scenario
            .as_deref()
            .unwrap_or(scenario::DEFAULT_SCENARIO);
        Some(Arc::new(
            scenario::resolve(id, dir).map_err(|e| Failure::new(1, e.to_string()))?,
        ))
    } else {
        None
    };
    let humans = match &chosen {
        Some(s) => resolve_parties(s, &args.parties)?,
        None => Vec::new(),
    };
    if plain {
        let scenario = match chosen {
            Some(s) => s,
            None => Arc::new(
                scenario::resolve(scenario::DEFAULT_SCENARIO, dir)
                    .map_err(|e| Failure::new(1, e.to_string()))?,
            ),
        };
        let stdin = io::stdin();
        let mut game = Plain::new(stdin.lock(), io::stdout().lock());
        match game.play(scenario, seed, humans) {
            Ok(Ending::Finished | Ending::Stopped { .. }) => Ok(()),
            // A closed stdout (e.g. piped into `head`) is not an error worth a message.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Failure::new(1, format!("input/output error: {e}"))),
        }
    } else {
        let (entries, _) = scenario::catalogue(dir);
        match tui::run(entries, chosen, humans, seed) {
            Ok(tui::Outcome::Finished) => Ok(()),
            Ok(tui::Outcome::Quit { turn }) => {
                println!("Quit at turn {turn}; the game was not finished (seed {seed}).");
                Ok(())
            }
            Err(e) => Err(Failure::new(1, format!("terminal error: {e}"))),
        }
    }
}
