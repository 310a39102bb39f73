//! The `new` command: a small, valid, commented scenario to start a mod from.

use std::path::{Path, PathBuf};

use super::Failure;

/// Arguments of `sixparty new`.
#[derive(clap::Args, Debug, Clone)]
pub struct NewArgs {
    /// Id of the new scenario: lowercase letters, digits, '-' or '_'.
    pub id: String,
    /// Where to write it [default: MODS/ID.ron, in the mods folder].
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
}

/// Run `sixparty new`: write the scenario (into `mods`, the `--mods` folder, unless `--out`
/// says where) and say how to check it.
pub fn run(args: NewArgs, mods: &Path) -> Result<(), Failure> {
    let path = sixparty_core::new::write(&args.id, args.out, mods)
        .map_err(|e| Failure::new(e.exit_code(), e.to_string()))?;
    outln!(
        "Wrote {}; check it with `sixparty validate {}`.",
        path.display(),
        path.display()
    );
    Ok(())
}
