//! Six Parties: a turn-based strategy game of Northeast Asian diplomacy.
//!
//! Layers, each depending only on those above it:
//! - [`scenario`]: RON files → a validated [`scenario::Scenario`];
//! - [`sim`]: the ECS world, the rules and the turn schedule (pure: no IO, no terminal);
//! - [`ai`]: doctrine-driven choices for AI seats and the advisor;
//! - [`debrief`]: scores, timeline and the dynamics that occurred;
//! - [`ui`]: the terminal screen and the plain line mode.

#![warn(missing_docs)]

pub mod ai;
pub mod debrief;
pub mod scenario;
pub mod session;
pub mod sim;
pub mod ui;
