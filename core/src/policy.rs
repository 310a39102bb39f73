//! Policies: named ways of playing a seat.
//!
//! `doctrine` is the scenario's own AI (see [`crate::ai`]) with a short lookahead; the others are
//! the classic reciprocity strategies of Axelrod's tournaments, generalised to many parties by
//! the *stance* of each order toward its target. Toward each other party, a classic policy
//! decides to cooperate or to defect from what that party did toward it (a competitive order
//! aimed at the seat is a defection; a cooperative order, or none, is not), then gives the
//! order of that stance toward that party that the doctrine values most. On a two-party
//! dilemma (`scenarios/classic-dilemma.ron`) each plays exactly as the Axelrod library's
//! strategy of the same name.
//!
//! Every policy is a pure function of the scenario, the game so far and the game's seed, so a
//! game with policy seats replays exactly (`random` draws from a generator seeded from the
//! game's seed, the seat and the turn).

pub(crate) mod lookahead;

use crate::sim::Dice;

use crate::ai;
use crate::scenario::{EventIx, Figure, PartyIx, Scenario, Stance};
use crate::sim::Log;
use crate::sim::rules;
use crate::sim::{Facts, GameState, Order, StateFacts, Target, Var};

/// A named way of playing a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Policy {
    /// The scenario's doctrine AI with a short lookahead.
    Doctrine,
    /// The doctrine AI choosing one step ahead only (the game's default AI seats).
    Greedy,
    /// The one-step doctrine AI giving only its best order each month (the easy difficulty).
    Hesitant,
    /// Always cooperates.
    Cooperator,
    /// Always defects.
    Defector,
    /// Cooperates first, then does what the other did last.
    TitForTat,
    /// Defects only after two defections in a row.
    TitForTwoTats,
    /// Defects first, then does what the other did last.
    SuspiciousTitForTat,
    /// Cooperates until the other defects once, then defects for ever.
    Grudger,
    /// Cooperates, defects, cooperates, ...
    Alternator,
    /// Repeats its move after a good result, switches after a bad one (Pavlov).
    WinStayLoseShift,
    /// Cooperates or defects at random, even odds, seeded from the game's seed.
    Random,
}

/// How well the AI seats play: a policy for every seat no human plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Difficulty {
    /// The one-step doctrine AI giving only its best order each month ([`Policy::Hesitant`]).
    Easy,
    /// The one-step doctrine AI ([`Policy::Greedy`]), the game's default.
    #[default]
    Normal,
    /// The doctrine AI with a two-month lookahead ([`Policy::Doctrine`]).
    Hard,
}

impl Difficulty {
    /// The policy of every AI seat.
    pub(crate) fn policy(self) -> Policy {
        match self {
            Difficulty::Easy => Policy::Hesitant,
            Difficulty::Normal => Policy::Greedy,
            Difficulty::Hard => Policy::Doctrine,
        }
    }

    /// The policies for every seat of `scenario` that `humans` do not play (none for normal).
    pub fn seats(self, scenario: &Scenario, humans: &[PartyIx]) -> Vec<(PartyIx, Policy)> {
        if self == Difficulty::Normal {
            return Vec::new();
        }
        (0..scenario.parties.len())
            .map(PartyIx)
            .filter(|p| !humans.contains(p))
            .map(|p| (p, self.policy()))
            .collect()
    }
}

/// A policy name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown policy \"{name}\"; the policies are: {}", Policy::names().join(", "))]
pub struct UnknownPolicy {
    /// The name given.
    pub(crate) name: String,
}

/// A cooperative or competitive move toward a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Cooperate (a cooperative order, or no order at all).
    Cooperate,
    /// Defect (a competitive order).
    Defect,
}

impl Policy {
    /// Every policy, in the order `sixparty policies` lists them.
    pub const ALL: [Policy; 12] = [
        Policy::Doctrine,
        Policy::Greedy,
        Policy::Hesitant,
        Policy::Cooperator,
        Policy::Defector,
        Policy::TitForTat,
        Policy::TitForTwoTats,
        Policy::SuspiciousTitForTat,
        Policy::Grudger,
        Policy::Alternator,
        Policy::WinStayLoseShift,
        Policy::Random,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Policy::Doctrine => "doctrine",
            Policy::Greedy => "greedy",
            Policy::Hesitant => "hesitant",
            Policy::Cooperator => "cooperator",
            Policy::Defector => "defector",
            Policy::TitForTat => "tit-for-tat",
            Policy::TitForTwoTats => "tit-for-two-tats",
            Policy::SuspiciousTitForTat => "suspicious-tit-for-tat",
            Policy::Grudger => "grudger",
            Policy::Alternator => "alternator",
            Policy::WinStayLoseShift => "win-stay-lose-shift",
            Policy::Random => "random",
        }
    }

    /// Every name, in listing order.
    pub(crate) fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|p| p.name()).collect()
    }

    /// One line on how it plays.
    pub fn description(self) -> &'static str {
        match self {
            Policy::Doctrine => {
                "the scenario's doctrine AI, choosing each order by playing the next two months \
                 out on a copy of the game"
            }
            Policy::Hesitant => {
                "the one-step doctrine AI giving only its best order each month (the easy \
                 difficulty)"
            }
            Policy::Greedy => {
                "the doctrine AI looking one step ahead only (the AI of the game's other seats)"
            }
            Policy::Cooperator => "always cooperates",
            Policy::Defector => "always defects",
            Policy::TitForTat => {
                "cooperates first, then does to each party what it did last month (Axelrod's \
                 TitForTat)"
            }
            Policy::TitForTwoTats => {
                "cooperates unless the party defected the last two months (TitForTwoTats)"
            }
            Policy::SuspiciousTitForTat => {
                "defects first, then does what the party did last month (SuspiciousTitForTat)"
            }
            Policy::Grudger => {
                "cooperates until a party defects once, then defects against it for ever (Grudger)"
            }
            Policy::Alternator => "cooperates, defects, cooperates, ... (Alternator)",
            Policy::WinStayLoseShift => {
                "cooperates first, then cooperates if both made the same move last month, defects \
                 otherwise (WinStayLoseShift, Pavlov)"
            }
            Policy::Random => {
                "cooperates or defects at even odds, drawn from the game's seed (Random)"
            }
        }
    }

    /// The policy of a name.
    pub fn from_name(name: &str) -> Result<Policy, UnknownPolicy> {
        Self::ALL
            .iter()
            .copied()
            .find(|p| p.name() == name)
            .ok_or_else(|| UnknownPolicy {
                name: name.to_owned(),
            })
    }

    /// Whether the policy's moves depend on the game's seed (`random`); every other policy is a
    /// function of the game so far.
    pub(crate) fn reads_seed(self) -> bool {
        matches!(self, Policy::Random)
    }
}

impl std::fmt::Display for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Policy {
    type Err = UnknownPolicy;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Policy::from_name(s)
    }
}

/// What a policy sees when it plays a seat: the game so far, from the seat's side.
pub(crate) struct Seat<'a> {
    /// The scenario.
    pub(crate) scenario: &'a Scenario,
    /// The state now, orders open.
    pub(crate) state: &'a GameState,
    /// The state at the end of every finished turn; entry 0 is the start.
    pub(crate) history: &'a [GameState],
    /// The game's seed.
    pub(crate) seed: u64,
    /// The seat.
    pub(crate) party: PartyIx,
}

/// What `who` did toward `toward` in a turn's orders: a competitive order aimed at it is a
/// defection, anything else (a cooperative order, or nothing) is not.
pub fn move_toward(s: &Scenario, orders: &[Order], who: PartyIx, toward: PartyIx) -> Move {
    let defected = orders.iter().any(|o| {
        o.party == who
            && o.target == Target::Party(toward)
            && s.actions[o.action.0].stance == Stance::Competitive
    });
    if defected {
        Move::Defect
    } else {
        Move::Cooperate
    }
}

impl Seat<'_> {
    /// The moves of `who` toward `toward` in every finished turn, oldest first.
    fn moves(&self, who: PartyIx, toward: PartyIx) -> impl DoubleEndedIterator<Item = Move> + '_ {
        self.history
            .iter()
            .skip(1)
            .map(move |h| move_toward(self.scenario, &h.record.orders, who, toward))
    }

    /// The move a classic policy makes toward `other` this turn.
    pub(crate) fn intent(&self, policy: Policy, other: PartyIx) -> Move {
        use Move::{Cooperate as C, Defect as D};
        let me = self.party;
        let played = self.history.len().saturating_sub(1);
        let theirs = || self.moves(other, me);
        let last = |n: usize| theirs().rev().take(n).collect::<Vec<_>>();
        match policy {
            Policy::Cooperator | Policy::Doctrine | Policy::Greedy | Policy::Hesitant => C,
            Policy::Defector => D,
            Policy::TitForTat => last(1).first().copied().unwrap_or(C),
            Policy::SuspiciousTitForTat => last(1).first().copied().unwrap_or(D),
            Policy::TitForTwoTats => {
                if last(2) == [D, D] {
                    D
                } else {
                    C
                }
            }
            Policy::Grudger => {
                if theirs().any(|m| m == D) {
                    D
                } else {
                    C
                }
            }
            Policy::Alternator => {
                if played.is_multiple_of(2) {
                    C
                } else {
                    D
                }
            }
            Policy::WinStayLoseShift => {
                match (self.moves(me, other).next_back(), theirs().next_back()) {
                    (Some(mine), Some(their)) if mine != their => D,
                    _ => C,
                }
            }
            Policy::Random => {
                if Dice::seeded(mix(self.seed, me.0, other.0, played)).coin() {
                    C
                } else {
                    D
                }
            }
        }
    }
}

/// A seed for one draw, from the game's seed, the seat, the other party and the turn.
fn mix(seed: u64, me: usize, other: usize, turn: usize) -> u64 {
    // splitmix64 over the fields: stable across platforms and versions.
    let mut z = seed;
    for x in [me as u64, other as u64, turn as u64] {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15).wrapping_add(x);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
    }
    z
}

/// The orders a policy gives for its seat this turn.
pub(crate) fn orders(policy: Policy, seat: &Seat<'_>) -> Vec<Order> {
    match policy {
        Policy::Greedy => ai::plan_orders(seat.scenario, seat.state, seat.party, &[])
            .into_iter()
            .map(|c| c.order)
            .collect(),
        Policy::Hesitant => ai::plan_orders(seat.scenario, seat.state, seat.party, &[])
            .into_iter()
            .take(1)
            .map(|c| c.order)
            .collect(),
        Policy::Doctrine => lookahead::plan(seat.scenario, seat.state, seat.party),
        _ => classic_orders(policy, seat),
    }
}

/// The option a policy picks for an event its seat decides: every policy decides events as the
/// doctrine does (the classic strategies only say how to treat other parties).
pub(crate) fn choose_option(_policy: Policy, seat: &Seat<'_>, event: EventIx) -> usize {
    ai::choose_option(seat.scenario, seat.state, event, seat.party).option
}

/// A classic policy's orders: toward each party, the order of the intended stance that the
/// doctrine values most; the parties whose best such order is worth most come first, one order
/// each, up to the limit of orders a turn.
fn classic_orders(policy: Policy, seat: &Seat<'_>) -> Vec<Order> {
    let s = seat.scenario;
    let p = seat.party;
    let intents: Vec<Option<Stance>> = (0..s.parties.len())
        .map(|q| {
            (q != p.0).then(|| match seat.intent(policy, PartyIx(q)) {
                Move::Cooperate => Stance::Cooperative,
                Move::Defect => Stance::Competitive,
            })
        })
        .collect();
    let mut scratch = StateFacts {
        scenario: s,
        state: seat.state.clone(),
    };
    let mut log = Log::default();
    let mut given: Vec<Order> = Vec::new();
    while given.len() < s.rules.max_orders as usize {
        let capital = scratch.get(Var::Figure(p, Figure::Capital));
        let candidates: Vec<Order> = rules::legal_orders(&scratch, p, capital, &given)
            .into_iter()
            .filter(|o| match o.target {
                Target::Party(q) => {
                    intents[q.0] == Some(s.actions[o.action.0].stance)
                        && !given.iter().any(|g| g.target == o.target)
                }
                _ => false,
            })
            .collect();
        // With one way to do it (a two-party dilemma), there is nothing to weigh.
        let weigh = |o: Order| {
            if candidates.len() == 1 {
                0.0
            } else {
                ai::utility(s, &scratch.state, o)
            }
        };
        let best = candidates
            .iter()
            .map(|o| (weigh(*o), *o))
            // The first of equals wins, so the choice never depends on float noise.
            .fold(None::<(f32, Order)>, |best, (u, o)| match best {
                Some((b, _)) if b >= u => best,
                _ => Some((u, o)),
            });
        let Some((_, o)) = best else { break };
        given.push(o);
        if given.len() < s.rules.max_orders as usize {
            rules::apply_order(&mut scratch, o, &mut log);
        }
    }
    given
}
