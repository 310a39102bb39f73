//! The `sixparty` command: play, list and validate scenarios.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use sixparty::ui::plain::{Ending, Plain, SignalInput};
use sixparty::ui::tui;
use sixparty_core::save;
use sixparty_core::scenario::{self, PartyIx, Scenario};

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

#[derive(Subcommand, Debug)]
enum Command {
    /// Play a scenario (the default command).
    Play(PlayArgs),
    /// List the available scenarios.
    List,
    /// Check scenario files and report every error and warning with its line and column
    /// (exit code 0: no errors, warnings allowed; 1: errors; 2: wrong usage).
    Validate {
        /// Files or folders to check; default: every scenario and mod available.
        paths: Vec<PathBuf>,
        /// Output: text for people, json (one object) for editors and CI.
        #[arg(long, value_enum, default_value = "text")]
        format: FormatArg,
    },
    /// Write a small, valid, commented scenario to start from.
    New {
        /// Id of the new scenario: lowercase letters, digits, '-' or '_'.
        id: String,
        /// Where to write it [default: MODS/ID.ron, in the mods folder].
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Play many games with the AI in every seat, in parallel, and summarise the outcomes.
    Simulate(SimulateArgs),
    /// The debrief of a saved game: printed, or written as a Markdown handout and CSV files.
    Debrief {
        /// Save name (see `sixparty saves`) or path.
        save: String,
        /// Write a printable Markdown handout to this file.
        #[arg(long, value_name = "FILE")]
        markdown: Option<PathBuf>,
        /// Write turns.csv, scores.csv and timeline.csv into this folder (created if missing).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// AI games behind each what-if figure (the AI in your seat, the turning point); 0 skips
        /// them.
        #[arg(long, default_value_t = sixparty_core::whatif::DEBRIEF_RUNS)]
        runs: usize,
    },
    /// A short guided game (six months as Japan) that teaches the screen, orders, forums,
    /// alliances, red lines and the debrief.
    Tutorial {
        /// Numbered prompts instead of the full screen (automatic when stdout is not a
        /// terminal).
        #[arg(long)]
        plain: bool,
        /// Seed of the game's random numbers.
        #[arg(long)]
        seed: Option<u64>,
    },
    /// List the saved games.
    Saves,
    /// Re-run a saved game from its seed and choices, turn by turn, and check that it reaches
    /// the saved state exactly.
    Replay {
        /// Save name (see `sixparty saves`) or path.
        save: String,
        /// Print the replay instead of showing it in the terminal's reader (automatic when
        /// stdout is not a terminal).
        #[arg(long)]
        plain: bool,
    },
    /// List the policies a seat can be played by, with a description.
    Policies,
    /// Play policies against each other (every pair on a two-party scenario; each policy in
    /// each seat against the default AI otherwise) and rank them.
    Tournament(sixparty::cli::tournament::TournamentArgs),
}

/// Options of `simulate`.
#[derive(clap::Args, Debug)]
struct SimulateArgs {
    /// Scenario id (see `sixparty list`) or path to a .ron file [default: the campaign].
    #[arg(value_name = "SCENARIO")]
    scenario: Option<String>,
    /// How many games to play.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    runs: u32,
    /// Seed of the run; game i gets its own seed derived from it, shown in the CSV.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Worker threads [default: one per core]; the results do not depend on it.
    #[arg(long)]
    jobs: Option<usize>,
    /// Write one line per game to this CSV file.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// Print the summary as JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Play a seat with a named policy instead of the default AI, as SEAT=POLICY (e.g.
    /// `--policy north_korea=tit-for-tat`); repeat for more seats. See `sixparty policies`.
    #[arg(long = "policy", value_name = "SEAT=POLICY")]
    policies: Vec<String>,
    /// Instead: play on from a saved game (a name from `sixparty saves`, or a path) with the AI
    /// in every seat, and show the spread of outcomes.
    #[arg(long, value_name = "SAVE", conflicts_with_all = ["scenario", "csv", "policies"])]
    from: Option<String>,
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
    /// Go on with a saved game (a name from `sixparty saves`, or a path).
    #[arg(long, value_name = "SAVE", conflicts_with_all = ["scenario", "parties", "seed"])]
    load: Option<String>,
    /// How well the AI seats play: easy (one order a month), normal (the one-step doctrine AI)
    /// or hard (the doctrine AI looking two months ahead).
    #[arg(long, value_enum, default_value_t = DifficultyArg::Normal, conflicts_with = "load")]
    difficulty: DifficultyArg,
}

/// `--difficulty` on the command line.
#[derive(clap::ValueEnum, Debug, Clone, Copy, Default, PartialEq, Eq)]
enum DifficultyArg {
    Easy,
    #[default]
    Normal,
    Hard,
}

/// Output of `sixparty validate` (the core's `diagnostics` renders both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    /// For people: messages with snippets, then a summary line.
    Text,
    /// One JSON object, for editors and CI.
    Json,
}

impl From<DifficultyArg> for sixparty_core::policy::Difficulty {
    fn from(d: DifficultyArg) -> Self {
        match d {
            DifficultyArg::Easy => Self::Easy,
            DifficultyArg::Normal => Self::Normal,
            DifficultyArg::Hard => Self::Hard,
        }
    }
}

/// `println!` that does not panic when stdout is closed (`sixparty list | head -1`): output
/// that no one reads is not an error worth a crash.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
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
    let mods = cli.mods.is_dir().then_some(cli.mods.as_path());
    let saves = sixparty_core::save::saves_dir(cli.saves_dir.as_deref());
    let result = match cli.command.unwrap_or(Command::Play(cli.play)) {
        Command::Play(args) => play(args, dir, mods, saves),
        Command::Tutorial { plain, seed } => play(
            PlayArgs {
                scenario: Some("tutorial".to_owned()),
                parties: vec!["japan".to_owned()],
                seed,
                plain,
                ..PlayArgs::default()
            },
            dir,
            mods,
            saves,
        ),
        Command::List => list(dir, mods),
        Command::Validate { paths, format } => validate(&paths, dir, mods, format),
        Command::New { id, out } => sixparty_core::new::write(&id, out, &cli.mods)
            .map(|path| {
                outln!(
                    "Wrote {}; check it with `sixparty validate {}`.",
                    path.display(),
                    path.display()
                );
            })
            .map_err(|e| Failure::new(e.exit_code(), e.to_string())),
        Command::Simulate(args) => simulate(args, dir, mods, &saves),
        Command::Debrief {
            save,
            markdown,
            csv,
            runs,
        } => debrief(&saves, &save, markdown.as_deref(), csv.as_deref(), runs),
        Command::Saves => {
            list_saves(&saves);
            Ok(())
        }
        Command::Replay { save, plain } => replay(&saves, &save, plain),
        Command::Policies => {
            outln!("{}", sixparty::cli::tournament::policies_text().trim_end());
            Ok(())
        }
        Command::Tournament(args) => sixparty::cli::tournament::run(&args, dir)
            .map(|text| outln!("{}", text.trim_end()))
            .map_err(|(code, message)| Failure::new(code, message)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("sixparty: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

fn list(dir: Option<&std::path::Path>, mods: Option<&std::path::Path>) -> Result<(), Failure> {
    let (entries, errors) = scenario::catalogue_in(dir, mods);
    for e in &entries {
        let default = if e.id == scenario::DEFAULT_SCENARIO {
            "  (default)"
        } else {
            ""
        };
        let extends = e
            .extends
            .as_ref()
            .map(|x| format!(" (a mod of {})", x.base))
            .unwrap_or_default();
        outln!(
            "{:<28} {}{default}\n{:<28} from {}{extends}",
            e.id,
            e.title,
            "",
            e.origin
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

fn validate(
    paths: &[PathBuf],
    dir: Option<&std::path::Path>,
    mods: Option<&std::path::Path>,
    format: FormatArg,
) -> Result<(), Failure> {
    use sixparty_core::scenario::diagnostics;
    let reports = diagnostics::check(paths, dir, mods);
    let text = match format {
        FormatArg::Json => diagnostics::render_json(&reports) + "\n",
        FormatArg::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            diagnostics::render_text(&reports, io::stdout().is_terminal() && !no_color)
        }
    };
    {
        use std::io::Write as _;
        let _ = io::stdout().write_all(text.as_bytes());
    }
    if reports.iter().all(diagnostics::FileReport::valid) {
        Ok(())
    } else {
        // The report said it all; exit code 1 without another message.
        Err(Failure::new(1, String::new()))
    }
}

fn simulate(
    args: SimulateArgs,
    dir: Option<&std::path::Path>,
    mods: Option<&std::path::Path>,
    saves: &std::path::Path,
) -> Result<(), Failure> {
    use sixparty_core::simulate;
    use std::io::Write as _;
    let runs = args.runs as usize;
    let jobs = match args.jobs {
        None => 0, // rayon: one per core
        Some(j @ 1..=1024) => j,
        Some(_) => {
            return Err(Failure::new(2, "--jobs must be between 1 and 1024"));
        }
    };
    if let Some(name) = &args.from {
        let (mut session, file) =
            save::load(saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
        let s = session.scenario();
        let at = match session.game.phase() {
            sixparty_core::sim::Phase::BetweenTurns | sixparty_core::sim::Phase::Over => {
                session.game.turn()
            }
            _ => session.game.turn().saturating_sub(1),
        };
        let humans = session.humans().to_vec();
        let lines = sixparty_core::whatif::report_lines(
            &s,
            file.seed,
            &humans,
            session.choices(),
            at,
            runs,
        )
        .map_err(|e| Failure::new(1, format!("{name}: {e}")))?;
        let mut lines = lines;
        if session.game.is_over() {
            let actual: Vec<f32> = (0..s.parties.len())
                .map(|p| session.game.score(PartyIx(p)))
                .collect();
            let cmp = sixparty_core::whatif::compare_seats(&s, file.seed, &humans, &actual, runs)
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
        return Ok(());
    }
    let id = args
        .scenario
        .as_deref()
        .unwrap_or(scenario::DEFAULT_SCENARIO);
    let s =
        Arc::new(scenario::resolve_in(id, dir, mods).map_err(|e| Failure::new(1, e.to_string()))?);
    let mut policies = Vec::new();
    for spec in &args.policies {
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
        let policy = sixparty_core::policy::Policy::from_name(name)
            .map_err(|e| Failure::new(2, format!("--policy {spec}: {e}")))?;
        policies.push((party, policy));
    }
    let mut csv = match &args.csv {
        Some(path) => {
            let f = std::fs::File::create(path)
                .map_err(|e| Failure::new(1, format!("cannot write {}: {e}", path.display())))?;
            let mut w = io::BufWriter::new(f);
            writeln!(w, "{}", simulate::csv_header(&s))
                .map_err(|e| Failure::new(1, format!("cannot write {}: {e}", path.display())))?;
            Some(w)
        }
        None => None,
    };
    let mut write_error = None;
    let progress = io::stderr().is_terminal();
    // Ctrl-C (or SIGTERM) stops the run: the games played so far are summarised and the CSV
    // keeps their rows.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Without the handler the signal simply ends the program, as it would anyway.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
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

fn debrief(
    saves: &std::path::Path,
    name: &str,
    markdown: Option<&std::path::Path>,
    csv: Option<&std::path::Path>,
    runs: usize,
) -> Result<(), Failure> {
    use sixparty_core::debrief::{Debrief, export};
    let (mut session, _) = save::load(saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
    let s = session.scenario();
    let mut d = Debrief::of(&mut session);
    d.weigh(&mut session, runs)
        .map_err(|e| Failure::new(1, format!("{name}: {e}")))?;
    let write = |path: &std::path::Path, text: &str| {
        save::write_atomic(path, text.as_bytes())
            .map_err(|e| Failure::new(1, format!("cannot write {}: {e}", path.display())))
    };
    if let Some(path) = markdown {
        write(path, &export::markdown(&d, &s))?;
        eprintln!("Wrote the handout to {}.", path.display());
    }
    if let Some(dir) = csv {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::new(1, format!("cannot create {}: {e}", dir.display())))?;
        for (file, text) in export::csv_files(&d) {
            write(&dir.join(file), &text)?;
        }
        eprintln!(
            "Wrote turns.csv, scores.csv and timeline.csv to {}.",
            dir.display()
        );
    }
    if markdown.is_none() && csv.is_none() {
        for l in d.lines() {
            outln!("{l}");
        }
    }
    if !session.game.is_over() && runs > 0 {
        eprintln!(
            "The game is not finished, so the debrief is of the game so far, without the what-if figures; `sixparty simulate --from {name}` plays it on with the AI."
        );
    }
    Ok(())
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

fn list_saves(dir: &std::path::Path) {
    let saves = save::list(dir);
    if saves.is_empty() {
        outln!("No saved games in {}.", dir.display());
        return;
    }
    outln!("Saved games in {}:", dir.display());
    for (name, file) in saves {
        match file {
            Ok(f) => outln!(
                "  {name}  (saved {})\n      {} · {} · turn {}, {}",
                when(f.saved_at),
                f.scenario_id,
                f.humans.join(", "),
                f.turn,
                f.date
            ),
            Err(e) => outln!("  {name}  (unreadable)\n      {e}"),
        }
    }
}

/// A save time as `YYYY-MM-DD HH:MM UTC`.
fn when(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{d:02} {h:02}:{m:02} UTC")
}

fn replay(dir: &std::path::Path, arg: &str, plain: bool) -> Result<(), Failure> {
    let fail = |e: save::SaveError| Failure::new(1, e.to_string());
    let path = save::locate(dir, arg).map_err(fail)?;
    let file = save::read(&path).map_err(fail)?;
    let shown = path.display().to_string();
    let mut lines = vec![format!(
        "Replay of {shown}: {} · played by {} · seed {} · {} choices",
        file.scenario_title,
        file.humans.join(", "),
        file.seed,
        file.choices.len()
    )];
    let check = save::check_replay(&file, &shown, |session| {
        let report = session.game.report();
        lines.push(String::new());
        lines.push(format!(
            "=== {} ===",
            sixparty_core::text::turn_heading(&session.scenario(), report.turn)
        ));
        lines.extend(report.news.iter().map(|n| format!("  - {}", n.text)));
    })
    .map_err(fail)?;
    lines.push(String::new());
    lines.push(check.to_string());
    if plain || !io::stdout().is_terminal() {
        for l in lines {
            outln!("{l}");
        }
        Ok(())
    } else {
        tui::read("Replay", lines).map_err(|e| Failure::new(1, format!("terminal error: {e}")))
    }
}

fn play(
    args: PlayArgs,
    dir: Option<&std::path::Path>,
    mods: Option<&std::path::Path>,
    saves: PathBuf,
) -> Result<(), Failure> {
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
    });
    let plain = args.plain || !io::stdout().is_terminal();
    if let Some(name) = &args.load {
        let save::Loaded {
            mut session,
            file,
            note,
        } = save::load_noted(&saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
        if let Some(note) = note {
            eprintln!("{note}");
        }
        let seed = file.seed;
        return if plain {
            let input = io::BufReader::new(SignalInput::stdin());
            let mut game = Plain::new(input, io::stdout().lock())
                .with_saves(saves)
                .with_whatif_runs(sixparty::ui::whatif_runs());
            finish_plain(game.play_on(&mut session))
        } else {
            let flag = saves_flag(&saves);
            finish_tui(tui::run_session(session, Some(saves)), seed, &flag)
        };
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
            .with_whatif_runs(sixparty::ui::whatif_runs())
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
fn saves_flag(saves: &std::path::Path) -> String {
    if saves == sixparty_core::save::saves_dir(None) {
        String::new()
    } else {
        format!("--saves-dir {} ", saves.display())
    }
}

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
