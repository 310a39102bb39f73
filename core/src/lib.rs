//! Six Parties' game: everything that is the game, and nothing of a terminal. The front ends
//! (the terminal screen, the plain mode, the command line) live in the `sixparty` crate.
//!
//! Layers, each depending only on those above it:
//! - [`scenario`]: RON files → a validated [`scenario::Scenario`];
//! - [`sim`]: the ECS world, the rules and the turn schedule (pure: no IO, no terminal);
//! - [`ai`]: doctrine-driven choices for AI seats and the advisor;
//! - [`policy`]: named ways to play a seat (the doctrine AI, the classic reciprocity strategies);
//! - [`tournament`]: every policy against every other, on a scenario;
//! - [`whatif`]: AI continuations from a position, the player beside the AI, the turning point;
//! - [`simulate`]: many all-AI games in parallel, summarised;
//! - [`debrief`]: scores, timeline and the dynamics that occurred, and its exports;
//! - [`table`]: the turn flow every front end shares (whose turn, hand-overs, autosave);
//! - [`save`]: saved games, written atomically and loaded by replay;
//! - [`text`]: the wording every front end shares; [`fog`]: what a seat may see in hot-seat;

//! - [`new`]: `sixparty new`, a commented scenario to start from.
//!
//! A whole game with no terminal, the AI in every seat:
//!
//! ```
//! use std::sync::Arc;
//! use sixparty_core::{scenario, session::Session};
//!
//! let campaign = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap());
//! let mut session = Session::new(campaign, 7, Vec::new());
//! while !session.game.is_over() {
//!     session.start_turn().unwrap();
//!     // Human seats would decide their events here (session.decide) ...
//!     session.open_orders().unwrap();
//!     // ... and give their orders here (session.order).
//!     session.end_turn().unwrap();
//! }
//! assert_eq!(session.game.turn(), 24);
//! ```

#![warn(missing_docs)]
// No unwrap, expect or panic on data in the game: a damaged file, save or scenario is refused
// with a typed error, never a crash. Tests may unwrap (a failure there is the test failing).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod ai;
pub mod debrief;
pub mod fog;
pub mod narrate;
pub mod new;
pub mod policy;
pub mod save;
pub mod scenario;
pub mod session;
// The simulation is being rewritten in its own change, which brings it under the rule above.
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub mod sim;
pub mod simulate;
pub mod table;
pub mod text;
pub mod tournament;

pub mod whatif;
