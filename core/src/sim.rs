//! The simulation: the ECS world, the rules and the turn schedule.
//!
//! Pure: no IO, no terminal, randomness only from the game's one seeded [`Dice`]. The same
//! scenario, seed and choices give the same game, byte for byte.

pub mod dice;
pub mod engine;
pub mod fact;
pub mod report;
pub mod rules;
pub mod state;
pub(crate) mod systems;
pub mod world;

#[cfg(test)]
mod tests;

pub use dice::{Dice, DiceState};
pub use engine::{Game, GameError, Phase};
pub use fact::{Cause, Fact, Log};
pub use report::{Dynamic, Moment, Observation, TurnReport};
pub use state::{Facts, GameState, Order, Pending, StateFacts, Target, Var};
pub use world::Region;
