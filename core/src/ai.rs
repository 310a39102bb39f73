//! The doctrine AI: chooses orders and event options for every seat not played by a human, and
//! advises the human player with the same reasoning.
//!
//! Each candidate is tried on a scratch copy of the state with the same rules the game uses,
//! followed by a forecast of the target's reaction (it answers in kind, as strongly as its
//! doctrine's reciprocity). The candidate is valued by the change in the party's doctrine goals,
//! plus the doctrine's style: preference for forums, answering others in kind, caution about
//! risky moves, and the value of capital kept. The AI draws no random numbers: the same state
//! gives the same choice, so the advisor and an AI seat agree.

use crate::scenario::{Doctrine, EventIx, Figure, Goal, PartyIx, Scenario, Stance};
use crate::sim::Log;
use crate::sim::rules::{self, Ctx, possessive};
use crate::sim::state::{Facts, GameState, Order, StateFacts, Target, Var};

/// Value of one point of capital kept, in utility points.
const CAPITAL_VALUE: f32 = 0.05;
/// Utility an order must exceed to be worth giving.
const THRESHOLD: f32 = 0.02;

/// What the AI maximises for a party: half its government's doctrine (what this government
/// wants, which a change of government changes), half the party's scored objectives (what the
/// party is judged on, so that an AI in a seat is a fair benchmark for a player in it).
pub(crate) fn value<F: Facts + ?Sized>(f: &F, p: PartyIx) -> f32 {
    0.5 * rules::doctrine_utility(f, p) + 0.5 * rules::score(f, p)
}

/// A ranked candidate with the AI's reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The order.
    pub order: Order,
    /// Its utility for the party (doctrine points).
    pub utility: f32,
    /// One line on why, in full (`Reason::text` of `why`).
    pub reason: String,
    /// Why, as data: what the fog of war reads to decide what a seat may see.
    pub why: Reason,
}

/// The AI's pick for an event.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionChoice {
    /// Index of the option.
    pub option: usize,
    /// One line on why, in full (`Reason::text` of `why`).
    pub reason: String,
    /// Why, as data.
    pub why: Reason,
    /// Utility of each option.
    pub(crate) utilities: Vec<f32>,
}

/// How one of a party's goals moves: the number behind it before and after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// Whose goal.
    pub(crate) party: PartyIx,
    /// The goal.
    pub(crate) goal: Goal,
    /// Its number before.
    pub(crate) before: f32,
    /// Its number after.
    pub(crate) after: f32,
}

impl Change {
    /// The party whose figure the number is, if any: `China's trust in Japan` is China's; an
    /// alliance's, a forum's or a track's number is nobody's.
    pub(crate) fn owner(&self) -> Option<PartyIx> {
        match self.goal {
            Goal::Figure(..) | Goal::FeelSafeFrom(_) => Some(self.party),
            Goal::TrustFrom(q) | Goal::LowThreatFrom(q) => Some(q),
            Goal::Track(..) | Goal::Commitment(..) | Goal::LowFear(_) | Goal::Habit(..) => None,
        }
    }
}

/// Why the AI picks a move, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// What it does to the party's goals: the biggest gain and the biggest cost (one at least).
    Goals {
        /// The biggest gain.
        gain: Option<Change>,
        /// The biggest cost.
        cost: Option<Change>,
    },
    /// It returns this party's recent cooperation.
    ReturnsCooperation(PartyIx),
    /// It answers this party's recent pressure in kind.
    AnswersPressure(PartyIx),
    /// An order that moves none of the goals.
    LittleEffect,
    /// An option that moves none of the goals.
    KeepsOptionsOpen,
}

impl Reason {
    /// The reason in words, as `viewer` may read it: with `hide_for: Some(viewer)`, a number
    /// that belongs to another party (its trust, its fear) keeps its direction and loses its
    /// figures (the fog of war of hot-seat play); with `None`, everything is shown.
    pub(crate) fn text(&self, s: &Scenario, hide_for: Option<PartyIx>) -> String {
        let say = |c: &Change| {
            let hidden = hide_for.is_some_and(|v| c.owner().is_some_and(|o| o != v));
            describe(s, c, hidden)
        };
        match self {
            Reason::Goals {
                gain: Some(g),
                cost: Some(c),
            } => format!("{}; but {}", say(g), say(c)),
            Reason::Goals {
                gain: Some(one),
                cost: None,
            }
            | Reason::Goals {
                gain: None,
                cost: Some(one),
            } => say(one),
            Reason::ReturnsCooperation(b) => format!(
                "returns {} recent cooperation",
                possessive(&s.parties[b.0].name)
            ),
            Reason::AnswersPressure(b) => format!(
                "answers {} recent pressure in kind",
                possessive(&s.parties[b.0].name)
            ),
            Reason::Goals {
                gain: None,
                cost: None,
            }
            | Reason::LittleEffect => String::from("little effect on your goals"),
            Reason::KeepsOptionsOpen => String::from("keeps your options open"),
        }
    }
}

fn doctrine<'a>(s: &'a Scenario, state: &GameState, p: PartyIx) -> &'a Doctrine {
    &s.doctrines[state.parties[p.0].doctrine.0]
}

/// What a move does for the party's goals, for a player: the biggest gain and, when there is
/// one, the biggest cost ("raises X (a → b); but lowers Y (c → d)"). Each choice helps one
/// relationship and strains another, so the reason shows both sides.
fn main_change(
    s: &Scenario,
    before: &StateFacts,
    after: &StateFacts,
    p: PartyIx,
) -> Option<Reason> {
    let d = doctrine(s, &before.state, p);
    let mut gain: Option<(f32, Goal)> = None;
    let mut cost: Option<(f32, Goal)> = None;
    for (g, w) in &d.goals {
        let delta = (rules::goal_value(after, p, *g) - rules::goal_value(before, p, *g)) * w;
        if delta > 1e-4 && gain.is_none_or(|(b, _)| delta > b) {
            gain = Some((delta, *g));
        }
        if delta < -1e-4 && cost.is_none_or(|(b, _)| delta < b) {
            cost = Some((delta, *g));
        }
    }
    let change = |g: Goal| measure(before, after, p, g);
    (gain.is_some() || cost.is_some()).then(|| Reason::Goals {
        gain: gain.map(|(_, g)| change(g)),
        cost: cost.map(|(_, c)| change(c)),
    })
}

/// The number behind a goal of `p`, before and after.
fn measure(before: &StateFacts, after: &StateFacts, p: PartyIx, g: Goal) -> Change {
    let var = goal_var(p, g);
    Change {
        party: p,
        goal: g,
        before: before.get(var),
        after: after.get(var),
    }
}

/// The number a goal of `p` reads.
fn goal_var(p: PartyIx, g: Goal) -> Var {
    match g {
        Goal::Track(t, _) => Var::Track(t),
        Goal::Figure(f, _) => Var::Figure(p, f),
        Goal::TrustFrom(q) => Var::Trust(q, p),
        Goal::LowThreatFrom(q) => Var::Threat(q, p),
        Goal::FeelSafeFrom(q) => Var::Threat(p, q),
        Goal::Commitment(a, _) => Var::Alliance(a, crate::scenario::AllianceFigure::Commitment),
        Goal::LowFear(a) => Var::Alliance(a, crate::scenario::AllianceFigure::AbandonmentFear),
        Goal::Habit(x, _) => Var::Habit(x),
    }
}

/// "raises China's trust in the United States (12 → 16)" and the like; `hidden` leaves out the
/// figures ("raises China's trust in the United States").
pub(crate) fn describe(s: &Scenario, c: &Change, hidden: bool) -> String {
    let (p, g) = (c.party, c.goal);
    let (_, what) = match g {
        Goal::Track(t, _) => (Var::Track(t), s.tracks[t.0].name.clone()),
        Goal::Figure(f, _) => (
            Var::Figure(p, f),
            format!("{} {}", possessive(&s.parties[p.0].name), figure_name(f)),
        ),
        Goal::TrustFrom(q) => (
            Var::Trust(q, p),
            format!(
                "{} trust in {}",
                possessive(&s.parties[q.0].name),
                s.parties[p.0].name
            ),
        ),
        Goal::LowThreatFrom(q) => (
            Var::Threat(q, p),
            format!(
                "{} threat perception of {}",
                possessive(&s.parties[q.0].name),
                s.parties[p.0].name
            ),
        ),
        Goal::FeelSafeFrom(q) => (
            Var::Threat(p, q),
            format!(
                "{} threat perception of {}",
                possessive(&s.parties[p.0].name),
                s.parties[q.0].name
            ),
        ),
        Goal::Commitment(a, _) => (
            Var::Alliance(a, crate::scenario::AllianceFigure::Commitment),
            format!("commitment in the {}", s.alliances[a.0].name),
        ),
        Goal::LowFear(a) => (
            Var::Alliance(a, crate::scenario::AllianceFigure::AbandonmentFear),
            format!("abandonment fear in the {}", s.alliances[a.0].name),
        ),
        Goal::Habit(x, _) => (
            Var::Habit(x),
            format!("the habit of the {}", s.forums[x.0].name),
        ),
    };
    let (b, a) = (c.before, c.after);
    let verb = if a >= b { "raises" } else { "lowers" };
    if hidden {
        return format!("{verb} {what}");
    }
    let (b, a) = if format!("{b:.0}") == format!("{a:.0}") {
        (rules::tidy(b, 1), rules::tidy(a, 1))
    } else {
        (rules::tidy(b, 0), rules::tidy(a, 0))
    };
    // Whole numbers read best, unless the change is too small to show in them.
    if format!("{b:.0}") == format!("{a:.0}") {
        format!("{verb} {what} ({b:.1} → {a:.1})")
    } else {
        format!("{verb} {what} ({b:.0} → {a:.0})")
    }
}

/// A figure's name in prose.
pub fn figure_name(f: Figure) -> &'static str {
    match f {
        Figure::Security => "security",
        Figure::Prestige => "prestige",
        Figure::Approval => "approval",
        Figure::Capital => "capital",
        Figure::Power => "power",
    }
}

/// The target's answer in kind, as strong as its reciprocity.
fn forecast_reaction(f: &mut StateFacts, o: Order) {
    let s = f.scenario;
    let Target::Party(b) = o.target else { return };
    let rec = s.doctrines[f.state.parties[b.0].doctrine.0].reciprocity;
    let r = &s.rules;
    match s.actions[o.action.0].stance {
        Stance::Cooperative => {
            f.add(Var::Trust(o.party, b), r.cooperative_trust * rec);
        }
        Stance::Competitive => {
            f.add(Var::Trust(o.party, b), -r.competitive_trust * rec);
            f.add(Var::Threat(o.party, b), r.competitive_threat * rec);
        }
        _ => {}
    }
}

/// Value an order for its party on the given state, with the reason.
pub(crate) fn evaluate(s: &Scenario, state: &GameState, o: Order) -> (f32, Reason) {
    let (utility, reason) = assess(s, state, o, true);
    (utility, reason.unwrap_or(Reason::LittleEffect))
}

/// Value an order for its party on the given state, without putting the reason in words (the
/// same number as [`evaluate`], for callers that only compare).
pub(crate) fn utility(s: &Scenario, state: &GameState, o: Order) -> f32 {
    assess(s, state, o, false).0
}

fn assess(s: &Scenario, state: &GameState, o: Order, explain: bool) -> (f32, Option<Reason>) {
    let before = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let base = value(&before, o.party);
    assess_from(s, state, o, base, explain.then_some(&before))
}

/// [`assess`] with the value of `state` for the party already known (`base`); `before` is
/// `state` as facts, needed only to put the reason in words.
fn assess_from(
    s: &Scenario,
    state: &GameState,
    o: Order,
    base: f32,
    before: Option<&StateFacts<'_>>,
) -> (f32, Option<Reason>) {
    let p = o.party;
    let mut after = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let mut log = Log::default();
    rules::apply_order(&mut after, o, &mut log);
    forecast_reaction(&mut after, o);
    after.state.parties[p.0].doctrine = state.parties[p.0].doctrine;
    let d = doctrine(s, state, p);
    let gain = value(&after, p) - base;
    let action = &s.actions[o.action.0];
    let style = match o.target {
        Target::Forum(_) => 0.3 * d.multilateralism,
        Target::Party(_) => -0.1 * d.multilateralism,
        Target::None => 0.0,
    };
    let sign = match action.stance {
        Stance::Cooperative => 1.0,
        Stance::Competitive => -1.0,
        _ => 0.0,
    };
    let (in_kind, in_kind_reason) = match o.target {
        Target::Party(b) if sign != 0.0 => {
            let memory = state.memory[p.0][b.0];
            let v = d.reciprocity * memory * sign;
            let why = if v > 0.15 {
                Some(if sign > 0.0 {
                    Reason::ReturnsCooperation(b)
                } else {
                    Reason::AnswersPressure(b)
                })
            } else {
                None
            };
            (v, why)
        }
        _ => (0.0, None),
    };
    let caution = if action.stance == Stance::Competitive {
        -(1.0 - d.risk) * 0.3
    } else {
        0.0
    };
    let utility = gain + style + in_kind + caution - action.cost * CAPITAL_VALUE;
    let Some(before) = before else {
        return (utility, None);
    };
    let reason = in_kind_reason
        // Name answering in kind when it, rather than the goals, is what speaks for the move.
        .filter(|_| in_kind >= gain)
        .or_else(|| main_change(s, before, &after, p))
        .unwrap_or(Reason::LittleEffect);
    (utility, Some(reason))
}

/// Every order the party could add with `capital` to spend, except those in `exclude`, best first.
pub fn rank_orders(
    s: &Scenario,
    state: &GameState,
    p: PartyIx,
    capital: f32,
    exclude: &[Order],
) -> Vec<Choice> {
    let facts = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let mut out: Vec<Choice> = rules::legal_orders(&facts, p, capital, exclude)
        .into_iter()
        .map(|order| {
            let (utility, why) = evaluate(s, state, order);
            Choice {
                order,
                utility,
                reason: why.text(s, None),
                why,
            }
        })
        .collect();
    // Stable sort: ties keep catalogue order, so the choice never depends on float noise.
    out.sort_by(|a, b| b.utility.total_cmp(&a.utility));
    out
}

/// [`rank_orders`] without putting any reason in words: every order and its utility, best
/// first (the AI weighs some forty orders a step and explains only the ones it gives).
pub(crate) fn rank_quietly(
    s: &Scenario,
    state: &GameState,
    p: PartyIx,
    capital: f32,
    exclude: &[Order],
) -> Vec<(Order, f32)> {
    let facts = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let base = value(&facts, p);
    let mut out: Vec<(Order, f32)> = rules::legal_orders(&facts, p, capital, exclude)
        .into_iter()
        .map(|order| (order, assess_from(s, state, order, base, None).0))
        .collect();
    // The same stable sort as `rank_orders`: ties keep catalogue order.
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The orders the AI gives for a party this turn (greedy: best first, each tried on the state
/// left by the ones before), given orders already handed in.
pub fn plan_orders(s: &Scenario, state: &GameState, p: PartyIx, given: &[Order]) -> Vec<Choice> {
    let mut scratch = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let mut log = Log::default();
    for o in given {
        rules::apply_order(&mut scratch, *o, &mut log);
    }
    let mut plan: Vec<Choice> = Vec::new();
    let mut all_given: Vec<Order> = given.to_vec();
    while all_given.len() < s.rules.max_orders as usize {
        // The orders given are already paid for in the scratch state.
        let capital = scratch.get(Var::Figure(p, Figure::Capital));
        let best = rank_quietly(s, &scratch.state, p, capital, &all_given)
            .into_iter()
            .next();
        let Some((order, utility)) = best.filter(|(_, u)| *u > THRESHOLD) else {
            break;
        };
        let (_, why) = evaluate(s, &scratch.state, order);
        rules::apply_order(&mut scratch, order, &mut log);
        all_given.push(order);
        plan.push(Choice {
            order,
            utility,
            reason: why.text(s, None),
            why,
        });
    }
    plan
}

/// The option the party would choose for an event.
pub(crate) fn choose_option(
    s: &Scenario,
    state: &GameState,
    event: EventIx,
    p: PartyIx,
) -> OptionChoice {
    let e = &s.events[event.0];
    let before = StateFacts {
        scenario: s,
        state: state.clone(),
    };
    let base = value(&before, p);
    let ctx = Ctx {
        actor: Some(p),
        target: e.target.map_or(Target::None, Target::Party),
        cause: None,
    };
    let mut best = (0, f32::NEG_INFINITY, Reason::KeepsOptionsOpen);
    let mut utilities = Vec::new();
    for (i, opt) in e.options.iter().enumerate() {
        let mut after = StateFacts {
            scenario: s,
            state: state.clone(),
        };
        let mut log = Log::default();
        rules::apply_effects(&mut after, &opt.effects, ctx, &mut log);
        // Judge by the government deciding now: an option that installs a new doctrine must
        // not win by scoring itself against the goals it brings.
        after.state.parties[p.0].doctrine = before.state.parties[p.0].doctrine;
        let u = value(&after, p) - base + opt.ai_weight;
        utilities.push(u);
        if u > best.1 {
            let reason = main_change(s, &before, &after, p).unwrap_or(Reason::KeepsOptionsOpen);
            best = (i, u, reason);
        }
    }
    OptionChoice {
        option: best.0,
        reason: best.2.text(s, None),
        why: best.2,
        utilities,
    }
}
