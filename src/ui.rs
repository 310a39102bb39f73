//! The user interfaces: the terminal screen ([`tui`]) and the plain line mode ([`plain`]).
//! Both only read the game and hand choices to a [`sixparty_core::session::Session`].

pub mod plain;

pub mod tui;

/// AI games behind each what-if figure of the end-of-game debrief: `SIXPARTY_WHATIF_RUNS` from
/// the environment (0 leaves the what-if part out), else [`sixparty_core::whatif::DEBRIEF_RUNS`].
pub fn whatif_runs() -> usize {
    std::env::var("SIXPARTY_WHATIF_RUNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(sixparty_core::whatif::DEBRIEF_RUNS)
}
