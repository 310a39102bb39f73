//! [`Game`]: one game's ECS world and its turn schedules, behind a small API.
//!
//! A turn runs in three steps, because humans choose in between:
//! 1. [`Game::begin_turn`] runs [`BeginSystems`]: calendar, fading relations, income, drift,
//!    growth, neglect, decay, events.
//! 2. Decisions for the fired events are handed in with [`Game::decide`];
//!    [`Game::close_decisions`] runs [`DecisionSystems`].
//! 3. Orders are handed in with [`Game::order`]; [`Game::end_turn`] runs [`OrderSystems`],
//!    [`ForumSystems`], [`ResolveSystems`] and [`RecordSystems`], in that order.

use std::sync::Arc;

use bevy_ecs::prelude::*;
use bevy_ecs::schedule::SingleThreadedExecutor;
use bevy_ecs::system::SystemState;

use crate::scenario::{EventIx, Figure, PartyIx, Scenario};

use super::dice::Dice;
use super::fact::Fact;
use super::report::{Moment, Observation, TurnReport};
use super::rules;
use super::state::{Facts, GameState, Order, Var};
use super::systems::{
    advance_calendar, apply_decisions, apply_orders, chronicle, collect_capital, decay_habits,
    drift_tracks, fade_relations, fire_events, grow_power, hold_sessions, neglect_alliances,
    note_trust, record_turn, settle_figures, spill_over,
};
use super::world::{
    Decisions, GameRng, History, Observations, Orders, Pending, PendingDecisions, Region, Report,
    Timeline, populate,
};

/// Start of turn.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct BeginSystems;
/// Event decisions.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct DecisionSystems;
/// Orders.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrderSystems;
/// Forums in session.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ForumSystems;
/// Spill-over and settling of figures.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResolveSystems;
/// History and report.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct RecordSystems;

/// Where a game stands within its turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Between turns: call [`Game::begin_turn`].
    BetweenTurns,
    /// Events wait for decisions: [`Game::decide`], then [`Game::close_decisions`].
    Deciding,
    /// Orders are open: [`Game::order`], then [`Game::end_turn`].
    Ordering,
    /// The last turn is over.
    Over,
}

/// A call the game cannot accept now.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GameError {
    /// The call belongs to another phase.
    #[error("not possible now: the game is in phase {now:?}, this needs {needed:?}")]
    WrongPhase {
        /// Phase needed.
        needed: Phase,
        /// Phase now.
        now: Phase,
    },
    /// The event does not wait for this party's decision, or has no such option.
    #[error("no such decision is waiting")]
    NoSuchDecision,
    /// Decisions are still missing.
    #[error("{0} decision(s) still wait")]
    Undecided(usize),
    /// The order is not among the party's legal orders.
    #[error("that order is not available (unknown target, not allowed, or not affordable)")]
    IllegalOrder,
    /// The party has given its maximum number of orders.
    #[error("at most {0} orders a turn")]
    TooManyOrders(u32),
}

/// One game: the ECS world and its schedules.
pub struct Game {
    world: World,
    /// The world seen as [`Facts`], built once: building it costs more than using it.
    region: SystemState<Region<'static, 'static>>,
    begin: Schedule,
    decide: Schedule,
    resolve: Schedule,
    phase: Phase,
    /// Where the RNG stood when the game was built or restarted, to tell whether it was used.
    dice_at_start: u128,
}

fn schedule() -> Schedule {
    let mut s = Schedule::default();
    // A handful of small systems: the multi-threaded executor costs far more than it saves, and
    // one thread keeps the order of every roll of the dice fixed.
    s.set_executor(SingleThreadedExecutor::new());
    s
}

impl Game {
    /// A new game of the scenario with this seed.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        let state = GameState::initial(&scenario);
        Self::from_parts(scenario, &state, Dice::seeded(seed))
    }

    /// A game resumed from a snapshot taken between turns and the RNG at that point.
    pub fn from_parts(scenario: Arc<Scenario>, state: &GameState, rng: Dice) -> Self {
        let turns = scenario.turns;
        let dice_at_start = rng.position();
        let mut world = World::new();
        populate(&mut world, scenario, state, rng);
        let region = SystemState::new(&mut world);
        let mut begin = schedule();
        begin.add_systems(
            (
                advance_calendar,
                fade_relations,
                note_trust,
                collect_capital,
                drift_tracks,
                grow_power,
                neglect_alliances,
                decay_habits,
                fire_events,
                chronicle,
            )
                .chain()
                .in_set(BeginSystems),
        );
        let mut decide = schedule();
        decide.add_systems((apply_decisions, chronicle).chain().in_set(DecisionSystems));
        let mut resolve = schedule();
        resolve.configure_sets((OrderSystems, ForumSystems, ResolveSystems, RecordSystems).chain());
        resolve.add_systems((
            apply_orders.in_set(OrderSystems),
            hold_sessions.in_set(ForumSystems),
            (spill_over, settle_figures).chain().in_set(ResolveSystems),
            (chronicle, record_turn).chain().in_set(RecordSystems),
        ));
        let phase = if state.turn >= turns {
            Phase::Over
        } else {
            Phase::BetweenTurns
        };
        Self {
            world,
            region,
            begin,
            decide,
            resolve,
            phase,
            dice_at_start,
        }
    }

    /// Start this game again from the scenario's beginning with another seed, keeping the
    /// world and its schedules: the same game as [`Game::new`] gives, without building them
    /// again (what a tournament of many short games would mostly spend its time on).
    pub fn restart(&mut self, seed: u64) {
        let scenario = Arc::clone(self.scenario());
        let state = GameState::initial(&scenario);
        super::world::despawn_pieces(&mut self.world);
        populate(&mut self.world, scenario, &state, Dice::seeded(seed));
        self.phase = Phase::BetweenTurns;
        self.dice_at_start = 0;
    }

    /// The world seen as [`Facts`].
    fn region(&mut self) -> Region<'_, '_> {
        #[allow(clippy::expect_used)]
        self.region
            .get_mut(&mut self.world)
            // Not data: `populate` inserts every resource a `Region` reads, and nothing removes them.
            .expect("a game's world holds every resource of its Region")
    }

    /// The scenario.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.world.resource::<super::world::ScenarioRes>().0
    }

    /// The phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether the last turn has been played.
    pub fn is_over(&self) -> bool {
        self.phase == Phase::Over
    }

    /// The current turn (1-based; 0 before the first).
    pub fn turn(&self) -> u32 {
        self.world.resource::<super::world::Calendar>().turn
    }

    /// A plain snapshot of the whole state now.
    pub fn state(&mut self) -> GameState {
        self.region().snapshot()
    }

    /// The RNG as it stands (for saves).
    pub fn rng(&self) -> Dice {
        self.world.resource::<GameRng>().0.clone()
    }

    /// Whether the game has rolled its dice since it was built or restarted (an uncertain event
    /// or a forum's session). A game that never did is the same game whatever its seed: nothing
    /// else in the engine reads the seed.
    pub fn dice_rolled(&self) -> bool {
        self.world.resource::<GameRng>().0.position() != self.dice_at_start
    }

    /// Snapshots at the end of every turn; entry 0 is the start.
    pub fn history(&self) -> &[GameState] {
        &self.world.resource::<History>().0
    }

    /// Every event, decision and order so far.
    pub fn timeline(&self) -> &[Moment] {
        &self.world.resource::<Timeline>().0
    }

    /// Every observation of a dynamic so far.
    pub fn observations(&self) -> &[Observation] {
        &self.world.resource::<Observations>().0
    }

    /// The report of the last finished turn.
    pub fn report(&self) -> &TurnReport {
        &self.world.resource::<Report>().0
    }

    /// The facts so far in the turn being played (events that fired, decisions taken).
    pub fn facts_so_far(&self) -> &[Fact] {
        &self.world.resource::<super::world::Chronicle>().facts
    }

    fn expect(&self, needed: Phase) -> Result<(), GameError> {
        if self.phase == needed {
            Ok(())
        } else {
            Err(GameError::WrongPhase {
                needed,
                now: self.phase,
            })
        }
    }

    /// Start the next turn: run the begin systems; events may now wait for decisions.
    pub fn begin_turn(&mut self) -> Result<(), GameError> {
        self.expect(Phase::BetweenTurns)?;
        self.begin.run(&mut self.world);
        self.phase = Phase::Deciding;
        Ok(())
    }

    /// Events waiting for a decision this turn, and not yet decided.
    pub fn pending(&self) -> Vec<Pending> {
        let decided = &self.world.resource::<Decisions>().0;
        self.world
            .resource::<PendingDecisions>()
            .0
            .iter()
            .filter(|p| !decided.iter().any(|(e, _)| *e == p.event))
            .copied()
            .collect()
    }

    /// Hand in the decision for a waiting event.
    pub fn decide(&mut self, event: EventIx, option: usize) -> Result<(), GameError> {
        self.expect(Phase::Deciding)?;
        let waiting = self.pending().iter().any(|p| p.event == event);
        let valid = self
            .scenario()
            .events
            .get(event.0)
            .is_some_and(|e| option < e.options.len());
        if !waiting || !valid {
            return Err(GameError::NoSuchDecision);
        }
        self.world
            .resource_mut::<Decisions>()
            .0
            .push((event, option));
        Ok(())
    }

    /// Apply the decisions; orders open.
    pub fn close_decisions(&mut self) -> Result<(), GameError> {
        self.expect(Phase::Deciding)?;
        let left = self.pending().len();
        if left > 0 {
            return Err(GameError::Undecided(left));
        }
        self.decide.run(&mut self.world);
        self.phase = Phase::Ordering;
        Ok(())
    }

    /// Orders a party has given this turn.
    pub fn orders_of(&self, party: PartyIx) -> Vec<Order> {
        self.world
            .resource::<Orders>()
            .0
            .iter()
            .filter(|o| o.party == party)
            .copied()
            .collect()
    }

    /// Capital a party has left after the orders it gave this turn.
    pub fn capital_left(&mut self, party: PartyIx) -> f32 {
        let spent: f32 = self
            .orders_of(party)
            .iter()
            .map(|o| self.scenario().actions[o.action.0].cost)
            .sum();
        self.region().get(Var::Figure(party, Figure::Capital)) - spent
    }

    /// Orders the party could still add now.
    pub fn legal_orders(&mut self, party: PartyIx) -> Vec<Order> {
        if self.phase != Phase::Ordering
            || self.orders_of(party).len() >= self.scenario().rules.max_orders as usize
        {
            return Vec::new();
        }
        let capital = self.capital_left(party);
        let given = self.orders_of(party);
        let region = self.region();
        rules::legal_orders(&region, party, capital, &given)
    }

    /// Whether the order is among the party's legal orders now (the same test as
    /// [`Game::legal_orders`], for one order).
    fn is_legal(&mut self, o: Order) -> bool {
        let Some(action) = self.scenario().actions.get(o.action.0) else {
            return false;
        };
        let cost = action.cost;
        let given = self.orders_of(o.party);
        if o.party.0 >= self.scenario().parties.len() || given.contains(&o) {
            return false;
        }
        let capital = self.capital_left(o.party);
        if cost > capital + 1e-4 {
            return false;
        }
        let region = self.region();
        rules::targets(&region, o.party, o.action.0).contains(&o.target)
    }

    /// Hand in an order.
    pub fn order(&mut self, order: Order) -> Result<(), GameError> {
        self.expect(Phase::Ordering)?;
        let max = self.scenario().rules.max_orders;
        if self.orders_of(order.party).len() >= max as usize {
            return Err(GameError::TooManyOrders(max));
        }
        if !self.is_legal(order) {
            return Err(GameError::IllegalOrder);
        }
        self.world.resource_mut::<Orders>().0.push(order);
        Ok(())
    }

    /// Take back an order given this turn.
    pub fn withdraw(&mut self, order: Order) {
        if self.phase == Phase::Ordering {
            let orders = &mut self.world.resource_mut::<Orders>().0;
            if let Some(i) = orders.iter().position(|o| *o == order) {
                orders.remove(i);
            }
        }
    }

    /// Resolve the turn: orders, forums, spill-over, figures, history.
    pub fn end_turn(&mut self) -> Result<&TurnReport, GameError> {
        self.expect(Phase::Ordering)?;
        self.resolve.run(&mut self.world);
        self.phase = if self.turn() >= self.scenario().turns {
            Phase::Over
        } else {
            Phase::BetweenTurns
        };
        Ok(self.report())
    }

    /// A party's score against its objectives now, 0..=100.
    pub fn score(&mut self, party: PartyIx) -> f32 {
        rules::score(&self.region(), party)
    }

    /// A number of the state now.
    pub fn get(&mut self, v: Var) -> f32 {
        self.region().get(v)
    }
}
