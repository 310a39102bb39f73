//! The `replay` command: a saved game re-run from its seed and choices, checked against the
//! saved state, shown turn by turn.

use std::io::{self, IsTerminal};
use std::path::Path;

use crate::ui::tui;
use sixparty_core::save;

use super::Failure;

/// Arguments of `sixparty replay`.
#[derive(clap::Args, Debug, Clone)]
pub struct ReplayArgs {
    /// Save name (see `sixparty saves`) or path.
    pub save: String,
    /// Print the replay instead of showing it in the terminal's reader (automatic when
    /// stdout is not a terminal).
    #[arg(long)]
    pub plain: bool,
}

/// Run `sixparty replay` on a save found in `dir`: replay it from the scenario embedded in the
/// save (so a changed scenario file cannot break it), verify the result, and print the news of
/// each turn or show it in the terminal's reader.
pub fn run(args: &ReplayArgs, dir: &Path) -> Result<(), Failure> {
    let fail = |e: save::SaveError| Failure::new(1, e.to_string());
    let path = save::locate(dir, &args.save).map_err(fail)?;
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
        let s = session.scenario();
        let report = session.game.report();
        lines.push(String::new());
        lines.push(format!(
            "=== {} ===",
            sixparty_core::text::turn_heading(&s, report.turn)
        ));
        lines.extend(
            sixparty_core::narrate::news_lines(&s, &report.facts)
                .into_iter()
                .map(|n| format!("  - {n}")),
        );
    })
    .map_err(fail)?;
    lines.push(String::new());
    lines.push(check.to_string());
    if args.plain || !io::stdout().is_terminal() {
        for l in lines {
            outln!("{l}");
        }
        Ok(())
    } else {
        tui::read("Replay", lines).map_err(|e| Failure::new(1, format!("terminal error: {e}")))
    }
}
