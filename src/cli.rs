//! The commands of the command line, one module each, and what they share: the [`Failure`] a
//! command ends with and how it becomes an exit code.
//!
//! The binary (`src/main.rs`) only parses the arguments and calls the command's module; each
//! module owns its clap arguments, so a command's options and what it does with them are read in
//! one place.

use std::process::ExitCode;

/// `println!` that does not panic when stdout is closed (`sixparty list | head -1`): output
/// that no one reads is not an error worth a crash.
///
/// Defined before the `mod` lines below so that every command's module can use it.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

pub mod debrief;
pub mod list;
pub mod new;
pub mod play;
pub mod policies;
pub mod replay;
pub mod saves;
pub mod simulate;
pub mod tournament;
pub mod validate;

/// How a command failed: a message for `main` to print and the exit code to end with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong, printed after `sixparty: ` on stderr; empty when the command has
    /// already said it all (then nothing is printed).
    pub message: String,
    /// The process's exit code: 1 for a failure, 2 for wrong usage, 130 for an interruption.
    pub code: u8,
}

impl Failure {
    /// A failure with this exit code and message.
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code,
        }
    }
}

/// The exit code of a command's result, after printing its failure's message (if any) on stderr.
pub fn exit_code(result: Result<(), Failure>) -> ExitCode {
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
