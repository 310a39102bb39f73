//! The `debrief` command: a saved game's debrief, printed or exported as a Markdown handout and
//! CSV files.

use std::path::{Path, PathBuf};

use sixparty_core::debrief::{Debrief, export};
use sixparty_core::save;

use super::Failure;

/// Arguments of `sixparty debrief`.
#[derive(clap::Args, Debug, Clone)]
pub struct DebriefArgs {
    /// Save name (see `sixparty saves`) or path.
    pub save: String,
    /// Write a printable Markdown handout to this file.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Write turns.csv, scores.csv and timeline.csv into this folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub csv: Option<PathBuf>,
    /// AI games behind each what-if figure (the AI in your seat, the turning point); 0 skips
    /// them.
    #[arg(long, default_value_t = sixparty_core::whatif::DEBRIEF_RUNS)]
    pub runs: usize,
}

/// Run `sixparty debrief` on a save found in `saves`: print the debrief, or write the files
/// asked for and say so on stderr.
pub fn run(args: &DebriefArgs, saves: &Path) -> Result<(), Failure> {
    let name = args.save.as_str();
    let (mut session, _) = save::load(saves, name).map_err(|e| Failure::new(1, e.to_string()))?;
    let s = session.scenario();
    let mut d = Debrief::of(&mut session);
    d.weigh(&mut session, args.runs)
        .map_err(|e| Failure::new(1, format!("{name}: {e}")))?;
    let write = |path: &Path, text: &str| {
        save::write_atomic(path, text.as_bytes())
            .map_err(|e| Failure::new(1, format!("cannot write {}: {e}", path.display())))
    };
    if let Some(path) = &args.markdown {
        write(path, &export::markdown(&d, &s))?;
        eprintln!("Wrote the handout to {}.", path.display());
    }
    if let Some(dir) = &args.csv {
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
    if args.markdown.is_none() && args.csv.is_none() {
        for l in d.lines() {
            outln!("{l}");
        }
    }
    if !session.game.is_over() && args.runs > 0 {
        eprintln!(
            "The game is not finished, so the debrief is of the game so far, without the what-if figures; `sixparty simulate --from {name}` plays it on with the AI."
        );
    }
    Ok(())
}
