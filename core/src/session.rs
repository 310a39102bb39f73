//! A game with its seats: the humans' choices come from the UI, the AI fills every other seat.
//!
//! This is the only way the UI changes the game: it reads the [`Game`] and hands back decisions
//! and orders through a [`Session`].

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::ai::{self, Choice, OptionChoice};
use crate::policy::{self, Policy, Seat};
use crate::scenario::{EventIx, PartyIx, Scenario};
use crate::sim::{Game, GameError, Order, Pending, Phase, TurnReport};

/// A choice a human made, in the order made: with the seed, enough to replay a game.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum HumanChoice {
    /// An event option.
    Decision {
        /// Turn.
        turn: u32,
        /// Event.
        event: EventIx,
        /// Option.
        option: usize,
    },
    /// An order (withdrawn orders are not logged).
    Order {
        /// Turn.
        turn: u32,
        /// The order.
        order: Order,
    },
}

/// A stretch of a game played by another program: the game was resumed from the state a save
/// of it recorded, not rebuilt by today's engine, so its earlier turns are that program's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resumed {
    /// The program that wrote the save ("sixparty 0.1.0").
    pub written_by: String,
    /// The save's format version.
    pub format: u32,
    /// The turn the save stood at: turns up to here were played by `written_by`.
    pub turn: u32,
}

/// A game and who plays which seat.
pub struct Session {
    /// The game.
    pub game: Game,
    humans: Vec<PartyIx>,
    seed: u64,
    choices: Vec<HumanChoice>,
    /// Seats played by a named policy instead of the default AI ([`Policy::Greedy`]).
    policies: Vec<(PartyIx, Policy)>,
    /// Where the game was resumed from a save written by another program, oldest first.
    resumed: Vec<Resumed>,
}

impl Session {
    /// A new game; `humans` are the seats played by people, every other seat is AI.
    pub fn new(scenario: Arc<Scenario>, seed: u64, humans: Vec<PartyIx>) -> Self {
        Self {
            game: Game::new(scenario, seed),
            humans,
            seed,
            choices: Vec::new(),
            policies: Vec::new(),
            resumed: Vec::new(),
        }
    }

    /// A session around a game already under way (resumed from a snapshot): `humans` play from
    /// here on; the choices log starts empty.
    pub fn resume(game: Game, seed: u64, humans: Vec<PartyIx>) -> Self {
        Self {
            game,
            humans,
            seed,
            choices: Vec::new(),
            policies: Vec::new(),
            resumed: Vec::new(),
        }
    }

    /// A session around a game restored from a save, with what the save recorded of its seats:
    /// the policies playing AI seats, the humans' choices so far (kept for replays), and where
    /// the game was resumed from saves written by other programs.
    pub fn resume_saved(
        game: Game,
        seed: u64,
        humans: Vec<PartyIx>,
        policies: Vec<(PartyIx, Policy)>,
        choices: Vec<HumanChoice>,
        resumed: Vec<Resumed>,
    ) -> Self {
        Self {
            game,
            humans,
            seed,
            choices,
            policies,
            resumed,
        }
    }

    /// Where the game was resumed from a save written by another program, oldest first: its
    /// turns up to there are that program's, so today's engine may not replay them.
    pub fn resumed(&self) -> &[Resumed] {
        &self.resumed
    }

    /// Note that the game was resumed from a save written by another program.
    pub fn note_resumed(&mut self, r: Resumed) {
        self.resumed.push(r);
    }

    /// A new game in which some AI seats are played by named policies; the other AI seats play
    /// the default AI. Policies are deterministic, so such a game replays from its seed too.
    pub fn with_policies(
        scenario: Arc<Scenario>,
        seed: u64,
        humans: Vec<PartyIx>,
        policies: Vec<(PartyIx, Policy)>,
    ) -> Self {
        let mut session = Self::new(scenario, seed, humans);
        session.policies = policies;
        session
    }

    /// Start a new game of the same scenario with another seed and policy seats (no humans),
    /// reusing this one's world and schedules: the same game [`Session::with_policies`] would
    /// give, for callers that play many games in a row.
    pub fn restart(&mut self, seed: u64, policies: Vec<(PartyIx, Policy)>) {
        self.game.restart(seed);
        self.humans.clear();
        self.seed = seed;
        self.choices.clear();
        self.policies = policies;
        self.resumed.clear();
    }

    /// The seats played by a named policy instead of the default AI.
    pub fn policies(&self) -> &[(PartyIx, Policy)] {
        &self.policies
    }

    /// The policy that plays a seat when no human does.
    pub fn policy_of(&self, p: PartyIx) -> Policy {
        self.policies
            .iter()
            .find(|(q, _)| *q == p)
            .map_or(Policy::Greedy, |(_, policy)| *policy)
    }

    /// The scenario.
    pub fn scenario(&self) -> Arc<Scenario> {
        self.game.scenario().clone()
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Seats played by people.
    pub fn humans(&self) -> &[PartyIx] {
        &self.humans
    }

    /// Whether a person plays this seat.
    pub fn is_human(&self, p: PartyIx) -> bool {
        self.humans.contains(&p)
    }

    /// Every choice the humans made so far.
    pub fn choices(&self) -> &[HumanChoice] {
        &self.choices
    }

    /// Begin the next turn; AI seats decide their events at once.
    pub fn start_turn(&mut self) -> Result<(), GameError> {
        self.game.begin_turn()?;
        self.decide_for_ai()
    }

    /// The AI seats decide the events waiting for them (at the start of a turn, or when a game
    /// saved mid-decisions by an older program is resumed).
    pub(crate) fn decide_for_ai(&mut self) -> Result<(), GameError> {
        let pending = self.game.pending();
        if pending.iter().all(|p| self.is_human(p.decider)) {
            return Ok(());
        }
        let state = self.game.state();
        let scenario = self.scenario();
        for p in pending {
            if !self.is_human(p.decider) {
                let seat = Seat {
                    scenario: &scenario,
                    state: &state,
                    history: self.game.history(),
                    seed: self.seed,
                    party: p.decider,
                };
                let option = policy::choose_option(self.policy_of(p.decider), &seat, p.event);
                self.game.decide(p.event, option)?;
            }
        }
        Ok(())
    }

    /// Events waiting for a human decision.
    pub fn human_decisions(&self) -> Vec<Pending> {
        self.game
            .pending()
            .into_iter()
            .filter(|p| self.is_human(p.decider))
            .collect()
    }

    /// The advisor's pick for a waiting event.
    pub fn advise_decision(&mut self, p: Pending) -> OptionChoice {
        let state = self.game.state();
        ai::choose_option(&self.scenario(), &state, p.event, p.decider)
    }

    /// Hand in a human decision.
    pub fn decide(&mut self, event: EventIx, option: usize) -> Result<(), GameError> {
        self.game.decide(event, option)?;
        self.choices.push(HumanChoice::Decision {
            turn: self.game.turn(),
            event,
            option,
        });
        Ok(())
    }

    /// Apply the decisions and open orders; AI seats give theirs at once.
    pub fn open_orders(&mut self) -> Result<(), GameError> {
        self.game.close_decisions()?;
        self.order_for_ai();
        Ok(())
    }

    /// The AI seats give their orders (when orders open, or when a game saved with orders open
    /// by an older program is resumed).
    pub(crate) fn order_for_ai(&mut self) {
        let state = self.game.state();
        let scenario = self.scenario();
        let mut orders = Vec::new();
        for p in (0..scenario.parties.len()).map(PartyIx) {
            if self.is_human(p) {
                continue;
            }
            let seat = Seat {
                scenario: &scenario,
                state: &state,
                history: self.game.history(),
                seed: self.seed,
                party: p,
            };
            orders.extend(policy::orders(self.policy_of(p), &seat));
        }
        for o in orders {
            // A policy only gives legal orders; one that is not is simply not given.
            let _ = self.game.order(o);
        }
    }

    /// The advisor's recommended orders for a seat, given what it has ordered this turn.
    pub fn advise_orders(&mut self, p: PartyIx) -> Vec<Choice> {
        let state = self.game.state();
        let given = self.game.orders_of(p);
        ai::plan_orders(&self.scenario(), &state, p, &given)
    }

    /// Every order the seat may still add, ranked by the advisor.
    pub fn ranked_orders(&mut self, p: PartyIx) -> Vec<Choice> {
        if self.game.legal_orders(p).is_empty() {
            return Vec::new();
        }
        let state = self.game.state();
        let given = self.game.orders_of(p);
        let capital = self.game.capital_left(p);
        ai::rank_orders(&self.scenario(), &state, p, capital, &given)
    }

    /// Hand in a human order.
    pub fn order(&mut self, order: Order) -> Result<(), GameError> {
        self.game.order(order)?;
        self.choices.push(HumanChoice::Order {
            turn: self.game.turn(),
            order,
        });
        Ok(())
    }

    /// Take back an order given this turn.
    pub fn withdraw(&mut self, order: Order) {
        self.game.withdraw(order);
        let turn = self.game.turn();
        if let Some(i) = self
            .choices
            .iter()
            .rposition(|c| *c == HumanChoice::Order { turn, order })
        {
            self.choices.remove(i);
        }
    }

    /// Resolve the turn.
    pub fn end_turn(&mut self) -> Result<TurnReport, GameError> {
        self.game.end_turn().cloned()
    }
}

/// Why a logged game could not be replayed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReplayError {
    /// The replayed game refused a logged choice.
    #[error("turn {turn}: the logged choice {choice:?} could not be replayed: {reason}")]
    Refused {
        /// Turn of the choice.
        turn: u32,
        /// The choice.
        choice: HumanChoice,
        /// Why the game refused it.
        reason: GameError,
    },
    /// The log holds choices past the point where the game stopped.
    #[error("turn {turn}: the log holds a choice past the end of the recorded game: {choice:?}")]
    Leftover {
        /// Turn of the choice.
        turn: u32,
        /// The choice.
        choice: HumanChoice,
    },
}

impl ReplayError {
    /// The turn of the choice the replay stopped at.
    pub fn turn(&self) -> u32 {
        match self {
            ReplayError::Refused { turn, .. } | ReplayError::Leftover { turn, .. } => *turn,
        }
    }
}

impl HumanChoice {
    /// The turn the choice was made in.
    pub fn turn(&self) -> u32 {
        match self {
            HumanChoice::Decision { turn, .. } | HumanChoice::Order { turn, .. } => *turn,
        }
    }
}

impl Session {
    /// Rebuild a session by replaying the humans' choices from the seed, up to `turn` and
    /// `phase` (where the game stood when it was saved). The AI and the dice are deterministic,
    /// so the result is the game as it was. `each_turn` is called after every finished turn.
    pub fn replay(
        scenario: Arc<Scenario>,
        seed: u64,
        humans: Vec<PartyIx>,
        choices: &[HumanChoice],
        turn: u32,
        phase: Phase,
        each_turn: impl FnMut(&Session),
    ) -> Result<Session, ReplayError> {
        Self::replay_with_policies(
            scenario,
            seed,
            humans,
            Vec::new(),
            choices,
            turn,
            phase,
            each_turn,
        )
    }

    /// [`Session::replay`] for a game whose AI seats were played by named policies.
    #[allow(clippy::too_many_arguments)]
    pub fn replay_with_policies(
        scenario: Arc<Scenario>,
        seed: u64,
        humans: Vec<PartyIx>,
        policies: Vec<(PartyIx, Policy)>,
        choices: &[HumanChoice],
        turn: u32,
        phase: Phase,
        mut each_turn: impl FnMut(&Session),
    ) -> Result<Session, ReplayError> {
        let mut session = Session::with_policies(scenario, seed, humans, policies);
        let mut log = choices.iter().peekable();
        let refused = |c: &HumanChoice, reason| ReplayError::Refused {
            turn: c.turn(),
            choice: c.clone(),
            reason,
        };
        loop {
            let now = session.game.turn();
            let here = |p: Phase| now == turn && phase == p;
            // The phase steps below cannot fail: each is called in the phase it needs.
            match session.game.phase() {
                Phase::Over => break,
                Phase::BetweenTurns => {
                    if here(Phase::BetweenTurns) {
                        break;
                    }
                    let _ = session.start_turn();
                }
                Phase::Deciding => {
                    while let Some(c) = log
                        .next_if(|c| c.turn() == now && matches!(c, HumanChoice::Decision { .. }))
                    {
                        if let HumanChoice::Decision { event, option, .. } = c {
                            session.decide(*event, *option).map_err(|e| refused(c, e))?;
                        }
                    }
                    if here(Phase::Deciding) {
                        break;
                    }
                    if let Err(e) = session.open_orders() {
                        // A human decision the log does not hold.
                        let pending = session.human_decisions();
                        return Err(ReplayError::Refused {
                            turn: now,
                            choice: HumanChoice::Decision {
                                turn: now,
                                event: pending.first().map_or(EventIx(0), |p| p.event),
                                option: 0,
                            },
                            reason: e,
                        });
                    }
                }
                Phase::Ordering => {
                    while let Some(c) =
                        log.next_if(|c| c.turn() == now && matches!(c, HumanChoice::Order { .. }))
                    {
                        if let HumanChoice::Order { order, .. } = c {
                            session.order(*order).map_err(|e| refused(c, e))?;
                        }
                    }
                    if here(Phase::Ordering) {
                        break;
                    }
                    let _ = session.end_turn();
                    each_turn(&session);
                }
            }
        }
        if let Some(c) = log.next() {
            return Err(ReplayError::Leftover {
                turn: c.turn(),
                choice: c.clone(),
            });
        }
        Ok(session)
    }
}
