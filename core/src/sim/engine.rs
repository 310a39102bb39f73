//! [`Game`]: one game's ECS world and its turn schedules, behind a small API.
//!
//! A turn runs in three steps, because humans choose in between:
//! 1. [`Game::begin_turn`] runs the begin schedule (`BeginSystems`): calendar, fading relations,
//!    income, drift, growth, neglect and hedging, decay, events.
//! 2. Decisions for the fired events are handed in with [`Game::decide`];
//!    [`Game::close_decisions`] runs the decision schedule (`DecisionSystems`) if any waited.
//! 3. Orders are handed in with [`Game::order`]; [`Game::end_turn`] runs the resolve schedule:
//!    `OrderSystems`, `ForumSystems`, `ResolveSystems` and `RecordSystems`, in that order.

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
    advance_calendar, any_active, any_events, any_frightened, any_row, apply_decisions,
    apply_orders, chronicle, collect_capital, decay_habits, drift_tracks, fade_relations,
    fire_events, grow_power, hedge_alliances, hold_sessions, mark_forums, neglect_alliances,
    note_trust, record_turn, settle_figures, spill_over,
};
use super::world::{
    Decisions, GameRng, History, Loader, Observations, Orders, Pending, PendingDecisions, Region,
    Report, Timeline, populate,
};

/// Start of turn.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct BeginSystems;
/// Event decisions.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct DecisionSystems;
/// Orders.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct OrderSystems;
/// Forums in session.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ForumSystems;
/// Spill-over and settling of figures.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ResolveSystems;
/// History and report.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct RecordSystems;

/// Where a game stands within its turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// The world seen as [`Facts`], with the orders handed in this turn, built once: building it
    /// costs more than using it.
    region: SystemState<(Region<'static, 'static>, Res<'static, Orders>)>,
    /// What writes a state into the world's pieces, built once for the same reason.
    loader: Loader,
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
        populate(&mut world, scenario);
        let mut loader = Loader::new(&mut world);
        loader.load(&mut world, state, rng);
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
                hedge_alliances.run_if(any_frightened),
                mark_forums,
                decay_habits,
                fire_events.run_if(any_events),
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
            (mark_forums, hold_sessions.run_if(any_active))
                .chain()
                .in_set(ForumSystems),
            (spill_over.run_if(any_row), settle_figures)
                .chain()
                .in_set(ResolveSystems),
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
            loader,
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
        self.loader
            .load(&mut self.world, &state, Dice::seeded(seed));
        self.phase = Phase::BetweenTurns;
        self.dice_at_start = 0;
    }

    /// The world seen as [`Facts`], and the orders handed in this turn: one fetch for both, as
    /// the seats' calls (an order's legality, the capital left) need both.
    fn desk(&mut self) -> (Region<'_, '_>, Res<'_, Orders>) {
        #[allow(
            clippy::expect_used,
            reason = "not data: `populate` inserts every resource a Region reads, and nothing \
                      removes them"
        )]
        self.region
            .get_mut(&mut self.world)
            .expect("a game's world holds every resource of its Region")
    }

    /// The world seen as [`Facts`].
    fn region(&mut self) -> Region<'_, '_> {
        self.desk().0
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
        &self.world.resource::<History>().states
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
        // With no event waiting there is nothing to apply, and the begin schedule's chronicle
        // has already taken the turn's facts: the schedule would run for nothing (most months of
        // most games).
        if !self.world.resource::<PendingDecisions>().0.is_empty() {
            self.decide.run(&mut self.world);
        }
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
        let (region, orders) = self.desk();
        capital_left(&region, &orders.0, party)
    }

    /// Orders the party could still add now.
    pub fn legal_orders(&mut self, party: PartyIx) -> Vec<Order> {
        if self.phase != Phase::Ordering {
            return Vec::new();
        }
        let (region, orders) = self.desk();
        let given: Vec<Order> = orders
            .0
            .iter()
            .filter(|o| o.party == party)
            .copied()
            .collect();
        if given.len() >= region.scenario().rules.max_orders as usize {
            return Vec::new();
        }
        let capital = capital_left(&region, &orders.0, party);
        rules::legal_orders(&region, party, capital, &given)
    }

    /// Hand in an order.
    pub fn order(&mut self, order: Order) -> Result<(), GameError> {
        self.expect(Phase::Ordering)?;
        let (region, orders) = self.desk();
        let max = region.scenario().rules.max_orders;
        let given = orders.0.iter().filter(|o| o.party == order.party).count();
        if given >= max as usize {
            return Err(GameError::TooManyOrders(max));
        }
        if !is_legal(&region, &orders.0, order) {
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

/// Capital a party has left after the orders it handed in (`orders`: every seat's).
fn capital_left(region: &Region, orders: &[Order], party: PartyIx) -> f32 {
    let actions = &region.scenario().actions;
    let spent: f32 = orders
        .iter()
        .filter(|o| o.party == party)
        .map(|o| actions.get(o.action.0).map_or(0.0, |a| a.cost))
        .sum();
    region.get(Var::Figure(party, Figure::Capital)) - spent
}

/// Whether the order is among the party's legal orders now (the test of
/// [`Game::legal_orders`], for one order).
fn is_legal(region: &Region, orders: &[Order], o: Order) -> bool {
    let s = region.scenario();
    let Some(action) = s.actions.get(o.action.0) else {
        return false;
    };
    if o.party.0 >= s.parties.len() || orders.contains(&o) {
        return false;
    }
    if action.cost > capital_left(region, orders, o.party) + 1e-4 {
        return false;
    }
    rules::targets(region, o.party, o.action.0).contains(&o.target)
}

/// A game at one moment, mid-turn included: everything [`Game::restore`] needs for the game to
/// go on exactly as it would have. Plain, serialisable data; saves record one.
///
/// Between turns the per-turn parts (`pending`, `decisions`, `orders`, `trust_at_start`) still
/// hold the last turn's, as the world does: [`Game::begin_turn`] clears them, and in the meantime
/// `orders` is what [`Game::orders_of`] shows.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Snapshot {
    /// Where the turn stands.
    pub phase: Phase,
    /// The dice, where they stand.
    pub dice: super::dice::DiceState,
    /// The state now: mid-turn, after the start of the turn (and at [`Phase::Ordering`] after
    /// the decisions), before the orders.
    pub state: GameState,
    /// Events fired this turn that wait for a decision, in the order they fired (decided ones
    /// included).
    pub pending: Vec<Pending>,
    /// Decisions handed in this turn, by every seat, as (event, option).
    pub decisions: Vec<(EventIx, usize)>,
    /// Orders handed in this turn, by every seat, in the order given (AI seats give theirs when
    /// orders open).
    pub orders: Vec<Order>,
    /// Trust when the turn began, after relations faded: what this turn's spill-over is measured
    /// against. Empty before the first turn.
    pub trust_at_start: Vec<Vec<f32>>,
    /// The facts of this turn so far, not yet published in a report.
    pub chronicle: super::world::Chronicle,
    /// The report of the last finished turn.
    pub report: TurnReport,
    /// The state at the end of every finished turn; entry 0 is the start.
    pub history: Vec<GameState>,
    /// Every event, decision and order carried out so far.
    pub timeline: Vec<Moment>,
    /// Every observation of a dynamic published so far.
    pub observations: Vec<Observation>,
}

/// Why a [`Snapshot`] cannot be restored: what in it does not fit the scenario or the engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SnapshotError(pub String);

impl Game {
    /// Everything the game is now, mid-turn included: [`Game::restore`] goes on from it exactly.
    pub fn snapshot(&mut self) -> Snapshot {
        Snapshot {
            phase: self.phase,
            dice: self.rng().state(),
            state: self.state(),
            pending: self.world.resource::<PendingDecisions>().0.clone(),
            decisions: self.world.resource::<Decisions>().0.clone(),
            orders: self.world.resource::<Orders>().0.clone(),
            trust_at_start: self
                .world
                .resource::<super::world::TrustAtStart>()
                .0
                .clone(),
            chronicle: self.world.resource::<super::world::Chronicle>().clone(),
            report: self.report().clone(),
            history: self.history().to_vec(),
            timeline: self.timeline().to_vec(),
            observations: self.observations().to_vec(),
        }
    }

    /// The game a [`Snapshot`] was taken of, ready to go on from where it stood. The snapshot is
    /// checked against the scenario first ([`Snapshot::check`]): one that does not fit is
    /// refused rather than played (or panicked on).
    pub fn restore(scenario: Arc<Scenario>, snapshot: Snapshot) -> Result<Game, SnapshotError> {
        snapshot.check(&scenario)?;
        let Snapshot {
            phase,
            dice,
            state,
            pending,
            decisions,
            orders,
            trust_at_start,
            chronicle,
            report,
            history,
            timeline,
            observations,
        } = snapshot;
        let mut game = Game::from_parts(scenario, &state, Dice::restore(dice));
        let world = &mut game.world;
        world.insert_resource(PendingDecisions(pending));
        world.insert_resource(Decisions(decisions));
        world.insert_resource(Orders(orders));
        world.insert_resource(super::world::TrustAtStart(trust_at_start));
        world.insert_resource(chronicle);
        world.insert_resource(Report(report));
        world.insert_resource(History::of(history));
        world.insert_resource(Timeline(timeline));
        world.insert_resource(Observations(observations));
        game.phase = phase;
        Ok(game)
    }
}

impl Snapshot {
    /// Check that the snapshot fits the scenario and could have been taken of a game of it:
    /// every size matches (parties, relations, alliances, forums, tracks, events), every index
    /// the engine reads is in range, every number is finite, the turn, the phase and the history
    /// agree, and orders and decisions are ones the game could hold. What the engine only
    /// appends to (timeline, observations, report, chronicle) is not read here.
    pub fn check(&self, s: &Scenario) -> Result<(), SnapshotError> {
        check_snapshot(self, s).map_err(SnapshotError)
    }
}

fn check_snapshot(snap: &Snapshot, s: &Scenario) -> Result<(), String> {
    let turn = snap.state.turn;
    let turns = s.turns;
    let phase_fits = match snap.phase {
        Phase::Over => turn == turns,
        Phase::BetweenTurns => turn < turns,
        Phase::Deciding | Phase::Ordering => (1..=turns).contains(&turn),
    };
    if !phase_fits {
        return Err(format!(
            "it stands at turn {turn} in phase {:?}, which a game of {turns} turns never does",
            snap.phase
        ));
    }
    // ChaCha's stream is 2^64 blocks of 16 words: a position past it is no place dice can be.
    if snap.dice.word_pos >= 1 << 68 {
        return Err(String::from("the dice stand past the end of their stream"));
    }
    check_state(&snap.state, s).map_err(|e| format!("the state of turn {turn}: {e}"))?;
    let finished = match snap.phase {
        Phase::BetweenTurns | Phase::Over => turn as usize + 1,
        Phase::Deciding | Phase::Ordering => turn as usize,
    };
    if snap.history.len() != finished {
        return Err(format!(
            "the history holds {} states; at turn {turn} in phase {:?} it holds {finished}",
            snap.history.len(),
            snap.phase
        ));
    }
    for (i, h) in snap.history.iter().enumerate() {
        check_state(h, s).map_err(|e| format!("the state at the end of turn {i}: {e}"))?;
        if h.turn as usize != i {
            return Err(format!(
                "history entry {i} is the state of turn {}, not of turn {i}",
                h.turn
            ));
        }
    }
    if matches!(snap.phase, Phase::BetweenTurns | Phase::Over)
        && snap.history.last() != Some(&snap.state)
    {
        return Err(String::from(
            "between turns the state is not the state the history ends with",
        ));
    }
    let n = s.parties.len();
    for (i, p) in snap.pending.iter().enumerate() {
        if p.event.0 >= s.events.len() || p.decider.0 >= n {
            return Err(format!(
                "waiting decision {i} names event {} and party {}, which the scenario does not have",
                p.event.0, p.decider.0
            ));
        }
        if snap.pending[..i].iter().any(|q| q.event == p.event) {
            return Err(format!("event {} waits twice", p.event.0));
        }
    }
    for (i, &(event, option)) in snap.decisions.iter().enumerate() {
        if !snap.pending.iter().any(|p| p.event == event) {
            return Err(format!(
                "decision {i} is for event {}, which does not wait",
                event.0
            ));
        }
        let options = s.events.get(event.0).map_or(0, |e| e.options.len());
        if option >= options {
            return Err(format!(
                "decision {i} picks option {option} of event {}, which has {options}",
                event.0
            ));
        }
        if snap.decisions[..i].iter().any(|(e, _)| *e == event) {
            return Err(format!("event {} is decided twice", event.0));
        }
    }
    if snap.phase == Phase::Ordering
        && let Some(p) = snap
            .pending
            .iter()
            .find(|p| !snap.decisions.iter().any(|(e, _)| *e == p.event))
    {
        return Err(format!(
            "orders are open while event {} still waits for a decision",
            p.event.0
        ));
    }
    for (i, o) in snap.orders.iter().enumerate() {
        check_order(o, s).map_err(|e| format!("order {i} of the turn: {e}"))?;
    }
    for p in 0..n {
        let given = snap.orders.iter().filter(|o| o.party.0 == p).count();
        if given > s.rules.max_orders as usize {
            return Err(format!(
                "party {p} gave {given} orders this turn; at most {} are allowed",
                s.rules.max_orders
            ));
        }
    }
    let mid_turn = matches!(snap.phase, Phase::Deciding | Phase::Ordering);
    if (mid_turn || !snap.trust_at_start.is_empty()) && !square(&snap.trust_at_start, n) {
        return Err(format!(
            "the trust at the start of the turn is not {n} rows of {n} finite numbers"
        ));
    }
    Ok(())
}

/// Whether `m` is `n` rows of `n` finite numbers.
fn square(m: &[Vec<f32>], n: usize) -> bool {
    m.len() == n
        && m.iter()
            .all(|row| row.len() == n && row.iter().all(|x| x.is_finite()))
}

fn check_order(o: &Order, s: &Scenario) -> Result<(), String> {
    let target_ok = match o.target {
        super::state::Target::None => true,
        super::state::Target::Party(p) => p.0 < s.parties.len(),
        super::state::Target::Forum(f) => f.0 < s.forums.len(),
    };
    if o.party.0 >= s.parties.len() || o.action.0 >= s.actions.len() || !target_ok {
        return Err(format!(
            "party {}, action {}, target {:?}: not in the scenario",
            o.party.0, o.action.0, o.target
        ));
    }
    Ok(())
}

/// Check a [`GameState`] against the scenario: sizes, indices, finite numbers.
fn check_state(g: &GameState, s: &Scenario) -> Result<(), String> {
    let n = s.parties.len();
    let count = |what: &str, found: usize, want: usize| {
        if found == want {
            Ok(())
        } else {
            Err(format!("{found} {what}; the scenario has {want}"))
        }
    };
    count("parties", g.parties.len(), n)?;
    for (i, p) in g.parties.iter().enumerate() {
        if !p.figures.iter().all(|x| x.is_finite()) {
            return Err(format!(
                "party {i} has a figure that is not a finite number"
            ));
        }
        if p.doctrine.0 >= s.doctrines.len() {
            return Err(format!(
                "party {i} holds doctrine {}; the scenario has {}",
                p.doctrine.0,
                s.doctrines.len()
            ));
        }
    }
    for (what, m) in [
        ("trust", &g.trust),
        ("threat", &g.threat),
        ("memory", &g.memory),
    ] {
        if !square(m, n) {
            return Err(format!("{what} is not {n} rows of {n} finite numbers"));
        }
    }
    count("alliances", g.alliances.len(), s.alliances.len())?;
    if !g
        .alliances
        .iter()
        .all(|a| a.figures.iter().all(|x| x.is_finite()))
    {
        return Err(String::from("an alliance figure is not a finite number"));
    }
    count("forums", g.forums.len(), s.forums.len())?;
    if !g.forums.iter().all(|f| f.habit.is_finite()) {
        return Err(String::from("a forum's habit is not a finite number"));
    }
    count("tracks", g.tracks.len(), s.tracks.len())?;
    if !g.tracks.iter().all(|x| x.is_finite()) {
        return Err(String::from("a track is not a finite number"));
    }
    let r = &g.record;
    count("events fired", r.fired.len(), s.events.len())?;
    count("events chosen", r.chosen.len(), s.events.len())?;
    for (i, (c, e)) in r.chosen.iter().zip(&s.events).enumerate() {
        if let Some(o) = c
            && *o >= e.options.len()
        {
            return Err(format!(
                "event {i} has option {o} chosen; it has {}",
                e.options.len()
            ));
        }
    }
    count("alliances reassured", r.reassured.len(), s.alliances.len())?;
    for o in r.orders.iter().chain(&r.last_orders) {
        check_order(o, s).map_err(|e| format!("a recorded order: {e}"))?;
    }
    if r.boycotts
        .iter()
        .any(|(p, f)| p.0 >= n || f.0 >= s.forums.len())
        || r.conceded.iter().any(|p| p.0 >= n)
    {
        return Err(String::from(
            "the record names a party or forum the scenario does not have",
        ));
    }
    Ok(())
}
