//! The `sixparty` command: parses the arguments and runs the command's module in
//! [`sixparty::cli`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use sixparty::cli::debrief::DebriefArgs;
use sixparty::cli::new::NewArgs;
use sixparty::cli::play::{PlayArgs, TutorialArgs};
use sixparty::cli::replay::ReplayArgs;
use sixparty::cli::simulate::SimulateArgs;
use sixparty::cli::tournament::TournamentArgs;
use sixparty::cli::validate::ValidateArgs;
use sixparty::cli::{
    self, debrief, list, new, play, policies, replay, saves, simulate, tournament, validate,
};

/// Six Parties: a turn-based strategy game of Northeast Asian diplomacy.
///
/// With no command, plays the default scenario (the 2010–2011 campaign).
#[derive(Parser, Debug)]
#[command(name = "sixparty", version, about, long_about = None)]
struct Cli {
    /// With no command, the options of `play`.
    #[command(flatten)]
    play: PlayArgs,

    /// Folder of scenario files; a file there wins over the built-in scenario of the same id.
    #[arg(long, global = true, default_value = "scenarios", value_name = "DIR")]
    scenarios: PathBuf,

    /// Folder of mods: scenarios and extension mods (`extends`) listed beside the others.
    #[arg(long, global = true, default_value = "mods", value_name = "DIR")]
    mods: PathBuf,

    /// Folder of saved games [default: `SIXPARTY_SAVES` from the environment, else saves]
    #[arg(long, global = true, value_name = "DIR")]
    saves_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

// The variants' doc comments are the commands' help: `sixparty --help` lists their first lines.
#[derive(Subcommand, Debug)]
enum Command {
    /// Play a scenario (the default command).
    Play(PlayArgs),
    /// List the available scenarios.
    List,
    /// Check scenario files and report every error and warning with its line and column
    /// (exit code 0: no errors, warnings allowed; 1: errors; 2: wrong usage).
    Validate(ValidateArgs),
    /// Write a small, valid, commented scenario to start from.
    New(NewArgs),
    /// Play many games with the AI in every seat, in parallel, and summarise the outcomes.
    Simulate(SimulateArgs),
    /// The debrief of a saved game: printed, or written as a Markdown handout and CSV files.
    Debrief(DebriefArgs),
    /// A short guided game (six months as Japan) that teaches the screen, orders, forums,
    /// alliances, red lines and the debrief.
    Tutorial(TutorialArgs),
    /// List the saved games.
    Saves,
    /// Re-run a saved game from its seed and choices, turn by turn, and check that it reaches
    /// the saved state exactly.
    Replay(ReplayArgs),
    /// List the policies a seat can be played by, with a description.
    Policies,
    /// Play policies against each other (every pair on a two-party scenario; each policy in
    /// each seat against the default AI otherwise) and rank them.
    Tournament(TournamentArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A scenarios or mods folder that does not exist is simply not searched.
    let dir = cli.scenarios.is_dir().then_some(cli.scenarios.as_path());
    let mods = cli.mods.is_dir().then_some(cli.mods.as_path());
    let saves = sixparty_core::save::saves_dir(cli.saves_dir.as_deref());
    let result = match cli.command.unwrap_or(Command::Play(cli.play)) {
        Command::Play(args) => play::run(args, dir, mods, saves),
        Command::Tutorial(args) => play::tutorial(&args, dir, mods, saves),
        Command::List => list::run(dir, mods),
        Command::Validate(args) => validate::run(&args, dir, mods),
        // The folder as given: `new` creates it if it does not exist yet.
        Command::New(args) => new::run(args, &cli.mods),
        Command::Simulate(args) => simulate::run(&args, dir, mods, &saves),
        Command::Debrief(args) => debrief::run(&args, &saves),
        Command::Saves => {
            saves::run(&saves);
            Ok(())
        }
        Command::Replay(args) => replay::run(&args, &saves),
        Command::Policies => {
            policies::run();
            Ok(())
        }
        Command::Tournament(args) => tournament::run(&args, dir),
    };
    cli::exit_code(result)
}
