//! The `play` command (also what `sixparty` does with no command) and `tutorial`: a new or saved
//! game, in the plain mode or on the full screen.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::ui::plain::{Ending, Plain, SignalInput};
use crate::ui::tui;
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::{policy, save};

use super::Failure;

/// Arguments of `sixparty play`, which are also the top-level arguments when no command is
/// given.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PlayArgs {
    /// Scenario id (see `sixparty list`) or path to a .ron file.
    #[arg(value_name = "SCENARIO")]
    pub scenario: Option<String>,
    /// Party you play (repeat for hot-seat); asked at the start if omitted.
    #[arg(long = "as", value_name = "PARTY")]
    pub parties: Vec<String>,
    /// Seed of the game's random numbers: the same seed and choices give the same game.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Numbered prompts on stdin/stdout instead of the full screen (automatic when stdout is
    /// not a terminal).
    #[arg(long)]
    pub plain: bool,
    /// Go on with a saved game (a name from `sixparty saves`, or a path).
    #[arg(long, value_name = "SAVE", conflicts_with_all = ["scenario", "parties", "seed"])]
    pub load: Option<String>,
    /// How well the AI seats play: easy (one order a month), normal (the one-step doctrine AI)
    /// or hard (the doctrine AI looking two months ahead).
    #[arg(long, value_enum, default_value_t = DifficultyArg::Normal, conflicts_with = "load")]
    pub difficulty: DifficultyArg,
}

/// `--difficulty` on the command line; [`policy::Difficulty`] in the core.
// The variants have no doc comments on purpose: clap would show them in `--help` as a list of
// possible values with descriptions, and `--difficulty`'s own help already describes them.
#[allow(missing_docs)]
#[derive(clap::ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DifficultyArg {
    Easy,
    #[default]
    Normal,
    Hard,
}

impl From<DifficultyArg> for policy::Difficulty {
    fn from(d: DifficultyArg) -> Self {
        match d {
            DifficultyArg::Easy => Self::Easy,
            DifficultyArg::Normal => Self::Normal,
            DifficultyArg::Hard => Self::Hard,
        }
    }
}

/// Arguments of `sixparty tutorial`.
#[derive(clap::Args, Debug, Clone)]
pub struct TutorialArgs {
    /// Numbered prompts instead of the full screen (automatic when stdout is not a
    /// terminal).
    #[arg(long)]
    pub plain: bool,
    /// Seed of the game's random numbers.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Run `sixparty tutorial`: `play` of the tutorial scenario as Japan.
pub fn tutorial(
    args: &TutorialArgs,
    dir: Option<&Path>,
    mods: Option<&Path>,
    saves: PathBuf,
) -> Result<(), Failure> {
    let play_args = PlayArgs {
        scenario: Some("tutorial".to_owned()),
        parties: vec!["japan".to_owned()],
        seed: args.seed,
        plain: args.plain,
        ..PlayArgs::default()
    };
    run(play_args, dir, mods, saves)
}

/// Run `sixparty play`: scenarios are found in `dir` and `mods`, saves are read from and
/// written to `saves`.
///
/// The plain mode is used when asked for or when stdout is not a terminal; on the full screen,
/// a game with no scenario or party named starts at the screen's scenario picker.
pub fn run(
    args: PlayArgs,
    dir: Option<&Path>,
    mods: Option<&Path>,
    saves: PathBuf,
) -> Result<(), Failure> {
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
    });
    let plain = args.plain || !io::stdout().is_terminal();
    if let Some(name) = &args.load {
        return load(name, plain, saves);
    }
    let named = args.scenario.is_some() || plain || !args.parties.is_empty();
    let chosen = if named {
        let id = args
            .scenario
            .as_deref()
            .unwrap_or(scenario::DEFAULT_SCENARIO);
        Some(Arc::new(
            scenario::resolve_in(id, dir, mods).map_err(|e| Failure::new(1, e.to_string()))?,
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
                scenario::resolve_in(scenario::DEFAULT_SCENARIO, dir, mods)
                    .map_err(|e| Failure::new(1, e.to_string()))?,
            ),
        };
        let input = io::BufReader::new(SignalInput::stdin());
        let mut game = Plain::new(input, io::stdout().lock())
            .with_saves(saves)
            .with_whatif_runs(crate::ui::whatif_runs())
            .with_difficulty(args.difficulty.into());
        finish_plain(game.play(scenario, seed, humans))
    } else {
        let (entries, _) = scenario::catalogue_in(dir, mods);
        let flag = saves_flag(&saves);
        finish_tui(
            tui::run(
                entries,
                chosen,
                humans,
                seed,
                Some(saves),
                args.difficulty.into(),
            ),
            seed,
            &flag,
        )
    }
}

/// `play --load SAVE`: go on with a saved game, which brings its own scenario, seats and seed.
fn load(name: &str, plain: bool, saves: PathBuf) -> Result<(), Failure> {
    let save::Loaded {
        session,
        file,
        note,
    } = save::load_noted(&saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
    if let Some(note) = note {
        eprintln!("{note}");
    }
    let seed = file.seed;
    if plain {
        let input = io::BufReader::new(SignalInput::stdin());
        let mut game = Plain::new(input, io::stdout().lock())
            .with_saves(saves)
            .with_whatif_runs(crate::ui::whatif_runs());
        finish_plain(game.play_on(session))
    } else {
        let flag = saves_flag(&saves);
        finish_tui(tui::run_session(session, Some(saves)), seed, &flag)
    }
}

/// The seats `--as` names, each once, in the order given; an unknown or unplayable party is
/// wrong usage (exit code 2) and the message lists the playable ids.
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

/// The end of a game in the plain mode as the command's result.
fn finish_plain(result: io::Result<Ending>) -> Result<(), Failure> {
    match result {
        Ok(Ending::Finished | Ending::Stopped { .. }) => Ok(()),
        // A closed stdout (e.g. piped into `head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(1, format!("input/output error: {e}"))),
    }
}

/// `--saves-dir DIR ` for a command line that must find this saves folder again, if it is not
/// the one found by default.
fn saves_flag(saves: &Path) -> String {
    if saves == save::saves_dir(None) {
        String::new()
    } else {
        format!("--saves-dir {} ", saves.display())
    }
}

/// The end of a game on the full screen as the command's result: after a quit mid-game, how to
/// go on with the autosave (the screen is gone, so this is printed on the normal terminal).
fn finish_tui(
    result: io::Result<tui::Outcome>,
    seed: u64,
    saves_flag: &str,
) -> Result<(), Failure> {
    match result {
        Ok(tui::Outcome::Finished | tui::Outcome::Quit { turn: 0 }) => Ok(()),
        Ok(tui::Outcome::Quit { turn }) => {
            outln!(
                "Quit at turn {turn} (seed {seed}); the game was autosaved: go on with `sixparty {saves_flag}--load autosave-1`."
            );
            Ok(())
        }
        Err(e) => Err(Failure::new(1, format!("terminal error: {e}"))),
    }
}
