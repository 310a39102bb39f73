//! The `policies` command: the ways a seat can be played, for `simulate --policy` and
//! `tournament --policy`.

use std::fmt::Write as _;

use sixparty_core::policy::Policy;

/// The text of `sixparty policies`: one line per policy, its name and its description.
pub fn text() -> String {
    let width = Policy::ALL
        .iter()
        .map(|p| p.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for p in Policy::ALL {
        let _ = writeln!(out, "{:<width$}  {}", p.name(), p.description());
    }
    out
}

/// Run `sixparty policies`: print [`text`].
pub fn run() {
    outln!("{}", text().trim_end());
}
