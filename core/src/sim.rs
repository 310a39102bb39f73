//! The simulation: the ECS world, the rules and the turn schedule.
//!
//! Pure: no IO, no terminal, randomness only from the game's one seeded [`Dice`]. The same
//! scenario, seed and choices give the same game, byte for byte.
//!
//! Nothing here unwraps or panics on data (a scenario, a save, a player's input): what can fail
//! is an error or a skipped step. The few `expect`s are on the engine's own set-up, each with
//! its reason.

#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod dice;
pub mod engine;
pub mod fact;
pub mod report;
pub mod rules;
pub mod state;
pub(crate) mod systems;
pub(crate) mod world;

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking"
)]
mod tests;

pub use dice::{Dice, DiceState};
pub use engine::{Game, GameError, Phase};
pub use fact::{Cause, Fact, Log};
pub use report::{Dynamic, Moment, Observation, TurnReport};
pub use state::{Facts, GameState, Order, Pending, StateFacts, Target, Var};
pub use world::Chronicle;
