//! The `validate` command: every error and warning in scenario files, for people or for tools.

use std::io::{self, IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use sixparty_core::scenario::diagnostics;

use super::Failure;

/// Arguments of `sixparty validate`.
#[derive(clap::Args, Debug, Clone)]
pub struct ValidateArgs {
    /// Files or folders to check; default: every scenario and mod available.
    pub paths: Vec<PathBuf>,
    /// Output: text for people, json (one object) for editors and CI.
    #[arg(long, value_enum, default_value = "text")]
    pub format: FormatArg,
}

/// Output of `sixparty validate` (the core's `diagnostics` renders both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// For people: messages with snippets, then a summary line.
    Text,
    /// One JSON object, for editors and CI.
    Json,
}

/// Run `sixparty validate`: print the report; exit code 1 if a file has an error (warnings
/// alone are fine).
pub fn run(args: &ValidateArgs, dir: Option<&Path>, mods: Option<&Path>) -> Result<(), Failure> {
    let reports = diagnostics::check(&args.paths, dir, mods);
    let text = match args.format {
        FormatArg::Json => diagnostics::render_json(&reports) + "\n",
        FormatArg::Text => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            diagnostics::render_text(&reports, io::stdout().is_terminal() && !no_color)
        }
    };
    // Like `outln!`: a closed stdout is not worth a crash.
    let _ = io::stdout().write_all(text.as_bytes());
    if reports.iter().all(diagnostics::FileReport::valid) {
        Ok(())
    } else {
        // The report said it all; exit code 1 without another message.
        Err(Failure::new(1, String::new()))
    }
}
