//! The `list` command: the scenarios available, built in, in `--scenarios` and in `--mods`.

use std::path::Path;

use sixparty_core::scenario;

use super::Failure;

/// Run `sixparty list`: each scenario's id, title and origin; files that cannot be read are
/// reported on stderr and make the exit code 1, after the list of those that can.
pub fn run(dir: Option<&Path>, mods: Option<&Path>) -> Result<(), Failure> {
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
