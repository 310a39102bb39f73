//! Six Parties' front ends: the command line's commands, the plain line mode and the terminal
//! screen, over the game in [`sixparty_core`].
//!
//! Nothing here changes the game but through a [`sixparty_core::session::Session`]; the core
//! cannot reach a terminal (its Cargo.toml has no terminal crate and no argument parser).

#![warn(missing_docs)]

pub mod cli;
pub mod ui;
