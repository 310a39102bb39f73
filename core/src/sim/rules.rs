//! The rules of the game as pure functions over [`Facts`].
//!
//! Systems in [`super::systems`] call these on the ECS world; the AI calls them on a snapshot to
//! forecast. Nothing here does IO or draws randomness itself: a random roll is passed in.

use crate::scenario::{
    AllianceFigure, AllianceIx, AllianceRef, Condition, Effect, Figure, ForumIx, ForumRef,
    ForumStatus, Goal, PartyIx, PartyRef, Prefer, Scenario, Stance, TargetKind, TrackRole,
};

use super::fact::{Cause, Fact, Log};
use super::state::{Facts, Order, Target, Var};

/// Who acts and at what, for resolving `Actor` and `Target` in effects and conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    /// The actor or decider.
    pub actor: Option<PartyIx>,
    /// The target.
    pub target: Target,
    /// What carries the effects: whose news a scenario's `News` line is.
    pub cause: Option<Cause>,
}

impl Ctx {
    /// No actor, no target (news events, triggers).
    pub const NONE: Ctx = Ctx {
        actor: None,
        target: Target::None,
        cause: None,
    };

    fn party(&self, r: PartyRef) -> Option<PartyIx> {
        match r {
            PartyRef::Actor => self.actor,
            PartyRef::Target => match self.target {
                Target::Party(p) => Some(p),
                _ => None,
            },
            PartyRef::Party(p) => Some(p),
        }
    }

    fn forum(&self, r: ForumRef) -> Option<ForumIx> {
        match r {
            ForumRef::Target => match self.target {
                Target::Forum(f) => Some(f),
                _ => None,
            },
            ForumRef::Forum(f) => Some(f),
        }
    }

    fn alliance(&self, s: &Scenario, r: AllianceRef) -> Option<AllianceIx> {
        match r {
            AllianceRef::Target => match (self.actor, self.target) {
                (Some(a), Target::Party(b)) => s.alliance_between(a, b),
                _ => None,
            },
            AllianceRef::Alliance(a) => Some(a),
        }
    }
}

/// "China's", "the United States'".
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// "is" or "are" for a forum's name: "the Six Party Talks are", "the ARF is". A name whose last
/// word is a plural noun ("Talks", "Consultations") takes "are".
pub fn is_are(name: &str) -> &'static str {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") {
        "are"
    } else {
        "is"
    }
}

/// `x` rounded to `decimals` places, with a negative zero made positive, so that a figure of
/// -0.3 is written "0" and not "-0".
pub fn tidy(x: f32, decimals: i32) -> f32 {
    let m = 10f32.powi(decimals);
    let r = (x * m).round() / m;
    if r == 0.0 { 0.0 } else { r }
}

/// "A", "A and B", "A, B and C".
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Name of a party, for news.
pub fn name(s: &Scenario, p: PartyIx) -> &str {
    &s.parties[p.0].name
}

/// Whether a condition holds.
pub fn holds<F: Facts + ?Sized>(f: &F, c: &Condition, ctx: Ctx) -> bool {
    let s = f.scenario();
    let trust = |a, b| match (ctx.party(a), ctx.party(b)) {
        (Some(a), Some(b)) => Some(f.get(Var::Trust(a, b))),
        _ => None,
    };
    match c {
        Condition::Always => true,
        Condition::All(cs) => cs.iter().all(|c| holds(f, c, ctx)),
        Condition::Any(cs) => cs.iter().any(|c| holds(f, c, ctx)),
        Condition::Not(c) => !holds(f, c, ctx),
        Condition::TrackAbove(t, v) => f.get(Var::Track(*t)) > *v,
        Condition::TrackBelow(t, v) => f.get(Var::Track(*t)) < *v,
        Condition::TrustAbove(a, b, v) => trust(*a, *b).is_some_and(|x| x > *v),
        Condition::TrustBelow(a, b, v) => trust(*a, *b).is_some_and(|x| x < *v),
        Condition::ThreatAbove(a, b, v) => match (ctx.party(*a), ctx.party(*b)) {
            (Some(a), Some(b)) => f.get(Var::Threat(a, b)) > *v,
            _ => false,
        },
        Condition::FigureAbove(p, fig, v) => ctx
            .party(*p)
            .is_some_and(|p| f.get(Var::Figure(p, *fig)) > *v),
        Condition::FigureBelow(p, fig, v) => ctx
            .party(*p)
            .is_some_and(|p| f.get(Var::Figure(p, *fig)) < *v),
        Condition::HabitAbove(r, v) => ctx.forum(*r).is_some_and(|x| f.get(Var::Habit(x)) > *v),
        Condition::HabitBelow(r, v) => ctx.forum(*r).is_some_and(|x| f.get(Var::Habit(x)) < *v),
        Condition::TargetIs(p) => ctx.target == Target::Party(*p),
        Condition::ForumIs(r, st) => ctx.forum(*r).is_some_and(|x| f.forum_status(x) == *st),
        Condition::AllianceAbove(r, fig, v) => ctx
            .alliance(s, *r)
            .is_some_and(|a| f.get(Var::Alliance(a, *fig)) > *v),
        Condition::AllianceBelow(r, fig, v) => ctx
            .alliance(s, *r)
            .is_some_and(|a| f.get(Var::Alliance(a, *fig)) < *v),
        Condition::TurnAtLeast(n) => f.turn() >= *n,
        Condition::EventFired(e) => f.fired(*e),
        Condition::OptionChosen(e, o) => f.record().chosen.get(e.0).copied().flatten() == Some(*o),
        Condition::DoctrineIs(p, d) => ctx.party(*p).is_some_and(|p| f.doctrine(p) == *d),
        Condition::Chose(p, a) => ctx.party(*p).is_some_and(|p| {
            visible_orders(f)
                .iter()
                .any(|o| o.party == p && o.action == *a)
        }),
        Condition::ChoseStance(p, toward, stance) => match (ctx.party(*p), ctx.party(*toward)) {
            (Some(p), Some(t)) => visible_orders(f).iter().any(|o| {
                o.party == p
                    && s.actions[o.action.0].stance == *stance
                    && o.target == Target::Party(t)
            }),
            _ => false,
        },
    }
}

/// The orders conditions see: this turn's while orders resolve, otherwise last turn's.
fn visible_orders<F: Facts + ?Sized>(f: &F) -> &[super::state::Order] {
    let r = f.record();
    if r.orders.is_empty() {
        &r.last_orders
    } else {
        &r.orders
    }
}

/// Apply effects in order.
pub fn apply_effects<F: Facts + ?Sized>(f: &mut F, effects: &[Effect], ctx: Ctx, log: &mut Log) {
    for e in effects {
        apply_effect(f, e, ctx, log);
    }
}

fn apply_effect<F: Facts + ?Sized>(f: &mut F, e: &Effect, ctx: Ctx, log: &mut Log) {
    match e {
        Effect::Trust(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Trust(a, b), *d);
            }
        }
        Effect::Threat(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Threat(a, b), *d);
            }
        }
        Effect::MutualTrust(a, b, d) => {
            if let (Some(a), Some(b)) = (ctx.party(*a), ctx.party(*b))
                && a != b
            {
                f.add(Var::Trust(a, b), *d);
                f.add(Var::Trust(b, a), *d);
            }
        }
        Effect::Track(t, d) => {
            f.add(Var::Track(*t), *d);
        }
        Effect::Figure(p, fig, d) => {
            if let Some(p) = ctx.party(*p) {
                f.add(Var::Figure(p, *fig), *d);
            }
        }
        Effect::Alliance(r, fig, d) => {
            if let Some(a) = ctx.alliance(f.scenario(), *r) {
                f.add(Var::Alliance(a, *fig), *d);
            }
        }
        Effect::Habit(r, d) => {
            if let Some(x) = ctx.forum(*r) {
                f.add(Var::Habit(x), *d);
            }
        }
        Effect::ForumStatus(r, st) => {
            if let Some(x) = ctx.forum(*r) {
                change_forum_status(f, x, *st, ctx.actor, log);
            }
        }
        Effect::Boycott(r) => {
            if let (Some(x), Some(p)) = (ctx.forum(*r), ctx.actor) {
                let b = &mut f.record_mut().boycotts;
                if !b.contains(&(p, x)) {
                    b.push((p, x));
                }
            }
        }
        Effect::Doctrine(p, d) => {
            if let Some(p) = ctx.party(*p)
                && f.doctrine(p) != *d
            {
                f.set_doctrine(p, *d);
                log.note(Fact::CourseChanged {
                    party: p,
                    doctrine: *d,
                });
            }
        }
        Effect::News(text) => {
            if let Some(cause) = ctx.cause {
                log.note(Fact::Announced {
                    text: text.clone(),
                    cause,
                });
            }
        }
        Effect::If(c, then, otherwise) => {
            if holds(f, c, ctx) {
                apply_effects(f, then, ctx, log);
            } else {
                apply_effects(f, otherwise, ctx, log);
            }
        }
    }
}

/// Change a forum's status. An actor who suspends an active forum walks out, and pays in trust
/// in proportion to the forum's habit: the older the habit, the costlier the walk-out.
pub fn change_forum_status<F: Facts + ?Sized>(
    f: &mut F,
    forum: ForumIx,
    status: ForumStatus,
    actor: Option<PartyIx>,
    log: &mut Log,
) {
    let old = f.forum_status(forum);
    if old == status || old == ForumStatus::Collapsed {
        return;
    }
    f.set_forum_status(forum, status);
    match (old, status, actor) {
        (ForumStatus::Active, ForumStatus::Suspended | ForumStatus::Collapsed, Some(walker)) => {
            let habit = f.get(Var::Habit(forum));
            let cost = f.scenario().rules.walkout_cost * habit / 10.0;
            let members = f.scenario().forums[forum.0].members.clone();
            for m in members.into_iter().filter(|m| *m != walker) {
                f.add(Var::Trust(m, walker), -cost);
            }
            log.note(Fact::WalkedOut {
                party: walker,
                forum,
                habit,
                cost,
            });
        }
        (_, ForumStatus::Active | ForumStatus::Collapsed | ForumStatus::Suspended, _) => {
            log.note(Fact::ForumStatusChanged { forum, status });
        }
        _ => {}
    }
}

/// Targets a party may aim an action at, before checking its condition and cost.
pub fn targets<F: Facts + ?Sized>(f: &F, party: PartyIx, action: usize) -> Vec<Target> {
    let s = f.scenario();
    let a = &s.actions[action];
    if !a.who.is_empty() && !a.who.contains(&party) {
        return Vec::new();
    }
    let n = s.parties.len();
    let candidates: Vec<Target> = match a.target {
        TargetKind::None => vec![Target::None],
        TargetKind::Party => (0..n)
            .map(PartyIx)
            .filter(|p| *p != party)
            .map(Target::Party)
            .collect(),
        TargetKind::Ally => (0..n)
            .map(PartyIx)
            .filter(|p| *p != party && s.alliance_between(party, *p).is_some())
            .map(Target::Party)
            .collect(),
        TargetKind::Forum => (0..s.forums.len())
            .map(ForumIx)
            .filter(|x| {
                s.forums[x.0].members.contains(&party)
                    && f.forum_status(*x) != ForumStatus::Collapsed
            })
            .map(Target::Forum)
            .collect(),
    };
    candidates
        .into_iter()
        .filter(|t| {
            a.requires.as_ref().is_none_or(|c| {
                holds(
                    f,
                    c,
                    Ctx {
                        actor: Some(party),
                        target: *t,
                        cause: None,
                    },
                )
            })
        })
        .collect()
}

/// Every order a party could give now with `capital` left, not repeating one in `given`.
pub fn legal_orders<F: Facts + ?Sized>(
    f: &F,
    party: PartyIx,
    capital: f32,
    given: &[Order],
) -> Vec<Order> {
    let s = f.scenario();
    let mut out = Vec::new();
    for (i, a) in s.actions.iter().enumerate() {
        if a.cost > capital + 1e-4 {
            continue;
        }
        for t in targets(f, party, i) {
            let o = Order {
                party,
                action: crate::scenario::ActionIx(i),
                target: t,
            };
            if !given.contains(&o) {
                out.push(o);
            }
        }
    }
    out
}

/// Carry out one order: pay, apply the stance rules, then the action's own effects.
pub fn apply_order<F: Facts + ?Sized>(f: &mut F, o: Order, log: &mut Log) {
    let cost = f.scenario().actions[o.action.0].cost;
    f.add(Var::Figure(o.party, Figure::Capital), -cost);
    apply_stance(f, o, log);
    let effects = std::sync::Arc::clone(&f.scenario().actions[o.action.0].effects);
    apply_effects(
        f,
        &effects,
        Ctx {
            actor: Some(o.party),
            target: o.target,
            cause: Some(Cause::Order(o)),
        },
        log,
    );
}

/// Move a reciprocity memory toward `toward` (+1 cooperative, -1 competitive).
fn remember<F: Facts + ?Sized>(f: &mut F, who: PartyIx, of: PartyIx, toward: f32) {
    let m = f.get(Var::Memory(who, of));
    f.set(Var::Memory(who, of), m * 0.5 + toward * 0.5);
}

/// The engine's reaction to the stance of an order toward its target.
pub fn apply_stance<F: Facts + ?Sized>(f: &mut F, o: Order, log: &mut Log) {
    let s = f.scenario();
    let rules = s.rules.clone();
    let action = &s.actions[o.action.0];
    let stance = action.stance;
    let topic = action.topic;
    let a = o.party;
    // The same move as last month means less: a second identical summit or pledge in a row is
    // received at half weight, so a party that repeats itself gets less from it.
    let k = if f.record().last_orders.contains(&o) {
        0.5
    } else {
        1.0
    };
    match (stance, o.target) {
        (Stance::Cooperative, Target::Party(b)) => {
            // A gesture from someone who has been pressing you is received warily.
            let memory = f.get(Var::Memory(b, a));
            let trust = f.get(Var::Trust(b, a));
            f.add(
                Var::Trust(b, a),
                k * rules.cooperative_trust * (1.0 + 0.5 * memory) * saturation(trust),
            );
            if memory < -0.3 {
                log.note(Fact::OvertureDiscounted { from: a, to: b });
            }
            remember(f, b, a, 1.0);
        }
        (Stance::Competitive, Target::Party(b)) => {
            f.add(Var::Trust(b, a), -k * rules.competitive_trust);
            f.add(Var::Threat(b, a), k * rules.competitive_threat);
            remember(f, b, a, -1.0);
            brinkmanship(f, a, log);
        }
        (Stance::Alliance, Target::Party(b)) => reassure(f, a, b, k, log),
        (Stance::Cooperative, Target::Forum(x)) => {
            f.add(Var::Habit(x), k);
            let members = f.scenario().forums[x.0].members.clone();
            for m in members.into_iter().filter(|m| *m != a) {
                f.add(Var::Trust(m, a), k);
            }
        }
        (Stance::Competitive, Target::Forum(x)) => {
            let members = f.scenario().forums[x.0].members.clone();
            for m in members.iter().copied().filter(|m| *m != a) {
                f.add(Var::Trust(m, a), -1.0);
            }
            if let Some(t) = topic {
                red_line(f, a, x, t, log);
            }
            brinkmanship(f, a, log);
        }
        (Stance::Competitive, Target::None) => brinkmanship(f, a, log),
        _ => {}
    }
}

/// A patron (or client) reassures its ally: commitment up, the client's fear down, the patron's
/// entrapment risk up, and every rival of the alliance more alarmed by the patron.
fn reassure<F: Facts + ?Sized>(f: &mut F, a: PartyIx, b: PartyIx, k: f32, log: &mut Log) {
    let s = f.scenario();
    let Some(al) = s.alliance_between(a, b) else {
        return;
    };
    let alliance = s.alliances[al.0].clone();
    let turn = f.turn();
    let commitment = f.get(Var::Alliance(al, AllianceFigure::Commitment));
    f.add(
        Var::Alliance(al, AllianceFigure::Commitment),
        k * 5.0 * (1.0 - commitment / 110.0),
    );
    if alliance.patron == a {
        let fear = f.add(Var::Alliance(al, AllianceFigure::AbandonmentFear), -6.0 * k);
        let trap = f.add(Var::Alliance(al, AllianceFigure::EntrapmentRisk), 3.0 * k);
        f.add(Var::Trust(b, a), 2.0 * k);
        let mut alarmed = Vec::new();
        for r in &alliance.rivals {
            if *r != a && *r != b {
                f.add(Var::Threat(*r, a), 3.0 * k);
                f.add(Var::Trust(*r, a), -k);
                alarmed.push(*r);
            }
        }
        if let Some(slot) = f.record_mut().reassured.get_mut(al.0) {
            *slot = turn;
        }
        log.note(Fact::Reassured {
            patron: a,
            client: b,
            fear,
            entrapment: trap,
            alarmed,
        });
    } else {
        // A client's gesture toward its patron: commitment and the patron's trust.
        f.add(Var::Trust(b, a), 3.0 * k);
    }
}

/// A weak party's pressure: those who fear it pay concessions (capital), and trust in it falls.
fn brinkmanship<F: Facts + ?Sized>(f: &mut F, a: PartyIx, log: &mut Log) {
    let s = f.scenario();
    let n = s.parties.len();
    let strongest = (0..n)
        .map(|p| f.get(Var::Figure(PartyIx(p), Figure::Power)))
        .fold(0.0_f32, f32::max);
    if f.get(Var::Figure(a, Figure::Power)) >= s.rules.weak_power_share * strongest {
        return;
    }
    let fearful: Vec<PartyIx> = (0..n)
        .map(PartyIx)
        .filter(|c| *c != a && f.get(Var::Threat(*c, a)) >= 50.0)
        .collect();
    // Concessions come once a month, however many provocations.
    if fearful.is_empty() || f.record().conceded.contains(&a) {
        return;
    }
    f.record_mut().conceded.push(a);
    let gain = (fearful.len() as f32 * 0.5).min(2.0);
    f.add(Var::Figure(a, Figure::Capital), gain);
    for c in &fearful {
        f.add(Var::Trust(*c, a), -2.0);
    }
    log.note(Fact::PressedFromWeakness {
        party: a,
        fearful,
        gain,
    });
}

/// Raising an excluded topic at a forum: its owner walks out and the forum is suspended.
fn red_line<F: Facts + ?Sized>(
    f: &mut F,
    a: PartyIx,
    x: ForumIx,
    topic: crate::scenario::TrackIx,
    log: &mut Log,
) {
    let s = f.scenario();
    let Some(&(_, owner)) = s.forums[x.0]
        .excluded
        .iter()
        .find(|(t, owner)| *t == topic && *owner != a)
    else {
        return;
    };
    f.add(Var::Trust(owner, a), -12.0);
    f.add(Var::Threat(owner, a), 4.0);
    remember(f, owner, a, -1.0);
    if f.forum_status(x) == ForumStatus::Active {
        f.set_forum_status(x, ForumStatus::Suspended);
    }
    log.note(Fact::RedLineCrossed {
        party: a,
        owner,
        forum: x,
        topic,
    });
}

/// Goodwill is easier to build from a low base than to push toward perfect trust.
fn saturation(trust: f32) -> f32 {
    1.0 - trust.max(0.0) / 125.0
}

/// Start of turn: trust fades a little toward where the scenario started it (gestures are
/// forgotten unless renewed), and memories of recent moves fade. Threat perception does not
/// fade: it follows power and moves, which is the security dilemma.
pub fn fade_relations<F: Facts + ?Sized>(f: &mut F) {
    let s = f.scenario();
    let n = s.parties.len();
    let trust0 = s.trust.clone();
    for a in (0..n).map(PartyIx) {
        for b in (0..n).map(PartyIx) {
            if a == b {
                continue;
            }
            let t = f.get(Var::Trust(a, b));
            f.add(Var::Trust(a, b), (trust0[a.0][b.0] - t) * 0.03);
            let m = f.get(Var::Memory(a, b));
            f.set(Var::Memory(a, b), m * 0.7);
        }
    }
}

/// Start of turn: capital income, capped at `capital_cap_turns` turns of income.
pub fn collect_capital<F: Facts + ?Sized>(f: &mut F) {
    let s = f.scenario();
    let incomes: Vec<(f32, f32)> = s
        .parties
        .iter()
        .map(|p| (p.capital, p.capital * s.rules.capital_cap_turns.max(1.0)))
        .collect();
    for (i, (income, cap)) in incomes.into_iter().enumerate() {
        let v = Var::Figure(PartyIx(i), Figure::Capital);
        let now = f.get(v);
        f.set(v, (now + income).min(cap.max(now)));
    }
}

/// Start of turn: tracks drift.
pub fn drift_tracks<F: Facts + ?Sized>(f: &mut F) {
    let drifts: Vec<f32> = f.scenario().tracks.iter().map(|t| t.drift).collect();
    for (i, d) in drifts.into_iter().enumerate() {
        if d != 0.0 {
            f.add(Var::Track(crate::scenario::TrackIx(i)), d);
        }
    }
}

/// Start of turn: power grows, and every other party's threat perception of the grower rises
/// with it, whatever its intent, damped by military transparency.
pub fn grow_power<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    let s = f.scenario();
    let transparency = s
        .tracks
        .iter()
        .position(|t| t.role == Some(TrackRole::Transparency))
        .map_or(0.0, |t| {
            let tr = &s.tracks[t];
            (f.get(Var::Track(crate::scenario::TrackIx(t))) - tr.min) / (tr.max - tr.min)
        });
    let growth: Vec<f32> = s.parties.iter().map(|p| p.growth).collect();
    let n = growth.len();
    for (p, g) in growth.into_iter().enumerate() {
        if g == 0.0 {
            continue;
        }
        let p = PartyIx(p);
        f.add(Var::Figure(p, Figure::Power), g);
        if g > 0.0 {
            let alarm = g * 0.5 * (1.0 - transparency);
            for c in (0..n).map(PartyIx).filter(|c| *c != p) {
                f.add(Var::Threat(c, p), alarm);
            }
            if f.turn().is_multiple_of(6) {
                log.note(Fact::PowerGrew {
                    party: p,
                    growth: g,
                    alarm,
                    transparency,
                });
            }
        }
    }
}

/// Start of turn: a client not reassured last turn fears abandonment more; a frightened client
/// hedges, warming to the alliance's rivals and cooling toward its patron.
pub fn neglect_alliances<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    let s = f.scenario();
    let alliances = s.alliances.clone();
    let neglect = s.rules.neglect_fear;
    let turn = f.turn();
    for (i, al) in alliances.iter().enumerate() {
        let ax = AllianceIx(i);
        let last = f.record().reassured.get(i).copied().unwrap_or(0);
        if turn > 1 && last + 1 < turn {
            f.add(Var::Alliance(ax, AllianceFigure::AbandonmentFear), neglect);
            f.add(Var::Alliance(ax, AllianceFigure::Commitment), -0.5);
        }
        let fear = f.get(Var::Alliance(ax, AllianceFigure::AbandonmentFear));
        if fear > 70.0 {
            f.add(Var::Trust(al.client, al.patron), -1.0);
            for r in &al.rivals {
                if *r != al.client {
                    f.add(Var::Trust(al.client, *r), 1.0);
                }
            }
            log.note(Fact::Hedged {
                client: al.client,
                patron: al.patron,
                fear,
            });
        }
    }
}

/// Start of turn: suspended forums lose habit.
pub fn decay_habits<F: Facts + ?Sized>(f: &mut F) {
    let decay = f.scenario().rules.habit_decay;
    for x in (0..f.scenario().forums.len()).map(ForumIx) {
        if f.forum_status(x) == ForumStatus::Suspended {
            f.add(Var::Habit(x), -decay);
        }
    }
}

/// Chance that a session reaches consensus.
pub fn session_chance<F: Facts + ?Sized>(f: &F, x: ForumIx, attendees: &[PartyIx]) -> f32 {
    let habit = f.get(Var::Habit(x));
    let mut sum = 0.0;
    let mut pairs = 0.0;
    for a in attendees {
        for b in attendees {
            if a != b {
                sum += f.get(Var::Trust(*a, *b));
                pairs += 1.0;
            }
        }
    }
    let trust = if pairs > 0.0 { sum / pairs } else { 0.0 };
    let host_bonus = match f.scenario().forums[x.0].host {
        Some(h) if attendees.contains(&h) => 0.1,
        _ => 0.0,
    };
    (0.3 + habit / 200.0 + trust / 200.0 + host_bonus).clamp(0.05, 0.95)
}

/// Whether the forum sits this turn (active and on its schedule).
pub fn in_session<F: Facts + ?Sized>(f: &F, x: ForumIx) -> bool {
    f.forum_status(x) == ForumStatus::Active && f.scenario().meets_on(x, f.turn().max(1))
}

/// Hold a forum's session. `roll` is a uniform number in 0..1 from the game's RNG.
///
/// Meeting builds habit and trust among those who attend even when the session fails; success
/// moves the agenda; the host earns prestige and its partners' trust (the convener's leverage).
pub fn hold_session<F: Facts + ?Sized>(f: &mut F, x: ForumIx, roll: f32, log: &mut Log) {
    let s = f.scenario();
    let forum = s.forums[x.0].clone();
    let rules = s.rules.clone();
    let boycotts = f.record().boycotts.clone();
    let attendees: Vec<PartyIx> = forum
        .members
        .iter()
        .copied()
        .filter(|m| !boycotts.contains(&(*m, x)))
        .collect();
    let absent: Vec<PartyIx> = forum
        .members
        .iter()
        .copied()
        .filter(|m| !attendees.contains(m))
        .collect();
    if attendees.len() < 2 {
        log.note(Fact::TooFewAttended { forum: x });
        return;
    }
    let chance = session_chance(f, x, &attendees);
    let success = roll < chance;
    let habit = f.get(Var::Habit(x));
    let gain = rules.session_trust * (0.5 + habit / 100.0);
    for a in &attendees {
        for b in &attendees {
            if a != b {
                let t = f.get(Var::Trust(*a, *b));
                f.add(Var::Trust(*a, *b), gain * saturation(t));
            }
        }
    }
    for a in &attendees {
        for b in &absent {
            f.add(Var::Trust(*a, *b), -1.5);
        }
    }
    let habit_gain = if success {
        rules.habit_per_session
    } else {
        rules.habit_per_session / 2.0
    };
    f.add(Var::Habit(x), habit_gain);
    f.count_session(x);
    if success {
        for (t, d) in &forum.agenda {
            f.add(Var::Track(*t), *d);
        }
    }
    let mut host = None;
    if let Some(h) = forum.host.filter(|h| attendees.contains(h)) {
        f.add(Var::Figure(h, Figure::Prestige), rules.host_prestige);
        for a in attendees.iter().filter(|a| **a != h) {
            f.add(Var::Trust(*a, h), 0.5);
        }
        host = Some((h, rules.host_prestige));
    }
    log.note(Fact::SessionHeld {
        forum: x,
        members: forum.members.len(),
        attending: attendees,
        success,
        habit,
        gain,
        host,
    });
}

/// End of turn: a sharp fall in bilateral trust spills into the forums the two share, and into
/// the faller's view of the other's allies.
pub fn spill_over<F: Facts + ?Sized>(f: &mut F, before: &[Vec<f32>], log: &mut Log) {
    let s = f.scenario();
    let n = s.parties.len();
    let threshold = s.rules.spill_threshold;
    for a in (0..n).map(PartyIx) {
        for b in (0..n).map(PartyIx) {
            if a == b {
                continue;
            }
            let drop = before[a.0][b.0] - f.get(Var::Trust(a, b));
            if drop < threshold {
                continue;
            }
            let s = f.scenario();
            let shared: Vec<ForumIx> = (0..s.forums.len())
                .map(ForumIx)
                .filter(|x| {
                    let m = &s.forums[x.0].members;
                    m.contains(&a) && m.contains(&b)
                })
                .collect();
            let allies: Vec<PartyIx> = s
                .alliances
                .iter()
                .filter(|al| al.involves(b) && !al.involves(a))
                .map(|al| if al.patron == b { al.client } else { al.patron })
                .collect();
            let mut hit = Vec::new();
            for x in &shared {
                // Only forums that exist in practice: active, or suspended but remembered.
                if matches!(
                    f.forum_status(*x),
                    ForumStatus::Active | ForumStatus::Suspended
                ) {
                    f.add(Var::Habit(*x), -drop / 2.0);
                    hit.push(*x);
                }
            }
            for ally in &allies {
                f.add(Var::Trust(a, *ally), -drop / 4.0);
            }
            if !hit.is_empty() || !allies.is_empty() {
                log.note(Fact::RowSpilled {
                    from: a,
                    to: b,
                    drop,
                    forums: hit,
                    onto_allies: !allies.is_empty(),
                });
            }
        }
    }
}

/// End of turn: security settles toward what the threats a party feels and the umbrella over it
/// allow; approval follows security and prestige.
pub fn settle_figures<F: Facts + ?Sized>(f: &mut F) {
    let s = f.scenario();
    let n = s.parties.len();
    let umbrella: Vec<f32> = (0..n)
        .map(|p| {
            s.alliances
                .iter()
                .enumerate()
                .filter(|(_, al)| al.client == PartyIx(p))
                .map(|(i, al)| {
                    let c = f.get(Var::Alliance(AllianceIx(i), AllianceFigure::Commitment));
                    c * if al.umbrella { 0.25 } else { 0.15 }
                })
                .sum()
        })
        .collect();
    for p in (0..n).map(PartyIx) {
        let threats: Vec<f32> = (0..n)
            .map(PartyIx)
            .filter(|q| *q != p)
            .map(|q| f.get(Var::Threat(p, q)))
            .collect();
        let max = threats.iter().copied().fold(0.0_f32, f32::max);
        let mean = threats.iter().sum::<f32>() / threats.len().max(1) as f32;
        let target = (100.0 - 0.5 * max - 0.3 * mean + umbrella[p.0]).clamp(0.0, 100.0);
        let sec = f.get(Var::Figure(p, Figure::Security));
        f.add(Var::Figure(p, Figure::Security), (target - sec) * 0.2);
        let sec = f.get(Var::Figure(p, Figure::Security));
        let prestige = f.get(Var::Figure(p, Figure::Prestige));
        let approval = f.get(Var::Figure(p, Figure::Approval));
        f.add(
            Var::Figure(p, Figure::Approval),
            (f32::midpoint(sec, prestige) - approval) * 0.1,
        );
    }
}

/// How well a goal is met for `holder`, 0 (worst) ..= 1 (best).
pub fn goal_value<F: Facts + ?Sized>(f: &F, holder: PartyIx, g: Goal) -> f32 {
    let pick = |x: f32, p: Prefer| match p {
        Prefer::High => x,
        Prefer::Low => 1.0 - x,
    };
    let v = match g {
        Goal::Track(t, p) => {
            let tr = &f.scenario().tracks[t.0];
            pick((f.get(Var::Track(t)) - tr.min) / (tr.max - tr.min), p)
        }
        Goal::Figure(Figure::Power, p) => {
            pick(f.get(Var::Figure(holder, Figure::Power)) / 1000.0, p)
        }
        Goal::Figure(fig, p) => pick(f.get(Var::Figure(holder, fig)) / 100.0, p),
        Goal::TrustFrom(q) => (f.get(Var::Trust(q, holder)) + 100.0) / 200.0,
        Goal::LowThreatFrom(q) => 1.0 - f.get(Var::Threat(q, holder)) / 100.0,
        Goal::FeelSafeFrom(q) => 1.0 - f.get(Var::Threat(holder, q)) / 100.0,
        Goal::Commitment(a, p) => pick(
            f.get(Var::Alliance(a, AllianceFigure::Commitment)) / 100.0,
            p,
        ),
        Goal::LowFear(a) => 1.0 - f.get(Var::Alliance(a, AllianceFigure::AbandonmentFear)) / 100.0,
        Goal::Habit(x, p) => {
            let h = if f.forum_status(x) == ForumStatus::Collapsed {
                0.0
            } else {
                f.get(Var::Habit(x)) / 100.0
            };
            pick(h, p)
        }
    };
    v.clamp(0.0, 1.0)
}

/// A party's score against its objectives, 0..=100.
pub fn score<F: Facts + ?Sized>(f: &F, p: PartyIx) -> f32 {
    let objectives = &f.scenario().parties[p.0].objectives;
    weighted(f, p, objectives.iter().map(|o| (o.goal, o.weight)))
}

/// How well the party's current doctrine's goals are met, 0..=100: what the AI maximises.
pub fn doctrine_utility<F: Facts + ?Sized>(f: &F, p: PartyIx) -> f32 {
    let d = &f.scenario().doctrines[f.doctrine(p).0];
    weighted(f, p, d.goals.iter().copied())
}

fn weighted<F: Facts + ?Sized>(f: &F, p: PartyIx, goals: impl Iterator<Item = (Goal, f32)>) -> f32 {
    let mut sum = 0.0;
    let mut total = 0.0;
    for (g, w) in goals {
        sum += goal_value(f, p, g) * w;
        total += w;
    }
    if total > 0.0 {
        100.0 * sum / total
    } else {
        0.0
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::scenario::{self, TrackIx};
    use crate::sim::state::{GameState, StateFacts};

    fn facts(s: &Scenario) -> StateFacts<'_> {
        StateFacts {
            scenario: s,
            state: GameState::initial(s),
        }
    }

    fn mini() -> Scenario {
        scenario::load_str(include_str!("../../../tests/fixtures/mini.ron"), "mini.ron").unwrap()
    }

    #[test]
    fn writes_are_clamped_and_report_the_real_change() {
        let s = mini();
        let mut f = facts(&s);
        let v = Var::Trust(PartyIx(0), PartyIx(1));
        assert_eq!(f.set(v, 50.0), 0.0);
        assert_eq!(f.add(v, 80.0), 50.0);
        assert_eq!(f.get(v), 100.0);
        assert_eq!(f.add(v, f32::NAN), 0.0, "NaN never enters the state");
        let t = Var::Track(TrackIx(0));
        f.set(t, -5.0);
        assert_eq!(f.get(t), 0.0);
    }

    #[test]
    fn saturation_slows_gains_near_full_trust() {
        assert_eq!(saturation(-50.0), 1.0);
        assert!(saturation(80.0) < saturation(20.0));
        assert!(saturation(100.0) > 0.0);
    }

    #[test]
    fn session_chance_grows_with_habit_and_trust_and_stays_bounded() {
        let s = mini();
        let mut f = facts(&s);
        let all: Vec<PartyIx> = (0..4).map(PartyIx).collect();
        let low = session_chance(&f, ForumIx(0), &all);
        f.set(Var::Habit(ForumIx(0)), 90.0);
        let high = session_chance(&f, ForumIx(0), &all);
        assert!(high > low);
        for a in &all {
            for b in &all {
                if a != b {
                    f.set(Var::Trust(*a, *b), 100.0);
                }
            }
        }
        assert!(session_chance(&f, ForumIx(0), &all) <= 0.95);
    }

    #[test]
    fn goals_measure_the_right_direction() {
        let s = mini();
        let mut f = facts(&s);
        let crisis = TrackIx(0);
        f.set(Var::Track(crisis), 20.0);
        assert!((goal_value(&f, PartyIx(0), Goal::Track(crisis, Prefer::Low)) - 0.8).abs() < 1e-5);
        assert!((goal_value(&f, PartyIx(0), Goal::Track(crisis, Prefer::High)) - 0.2).abs() < 1e-5);
        f.set(Var::Trust(PartyIx(2), PartyIx(0)), 100.0);
        assert_eq!(goal_value(&f, PartyIx(0), Goal::TrustFrom(PartyIx(2))), 1.0);
        f.set_forum_status(ForumIx(0), ForumStatus::Collapsed);
        assert_eq!(
            goal_value(&f, PartyIx(0), Goal::Habit(ForumIx(0), Prefer::High)),
            0.0
        );
    }

    #[test]
    fn conditions_combine() {
        let s = mini();
        let f = facts(&s);
        let above = Condition::TrackAbove(TrackIx(0), 40.0);
        let below = Condition::TrackBelow(TrackIx(0), 40.0);
        assert!(holds(&f, &above, Ctx::NONE));
        assert!(!holds(
            &f,
            &Condition::All(vec![above.clone(), below.clone()]),
            Ctx::NONE
        ));
        assert!(holds(
            &f,
            &Condition::Any(vec![above, below.clone()]),
            Ctx::NONE
        ));
        assert!(holds(&f, &Condition::Not(Box::new(below)), Ctx::NONE));
        // A reference with no actor never holds rather than panicking.
        let c = Condition::FigureAbove(PartyRef::Actor, Figure::Power, 0.0);
        assert!(!holds(&f, &c, Ctx::NONE));
    }

    #[test]
    fn a_collapsed_forum_stays_collapsed() {
        let s = mini();
        let mut f = facts(&s);
        let mut log = Log::default();
        change_forum_status(&mut f, ForumIx(0), ForumStatus::Collapsed, None, &mut log);
        change_forum_status(&mut f, ForumIx(0), ForumStatus::Active, None, &mut log);
        assert_eq!(f.forum_status(ForumIx(0)), ForumStatus::Collapsed);
    }

    #[test]
    fn concessions_come_once_a_turn() {
        let s = mini();
        let mut f = facts(&s);
        let delta = PartyIx(3);
        for p in 0..3 {
            f.set(Var::Threat(PartyIx(p), delta), 60.0);
        }
        let mut log = Log::default();
        let before = f.get(Var::Figure(delta, Figure::Capital));
        brinkmanship(&mut f, delta, &mut log);
        let once = f.get(Var::Figure(delta, Figure::Capital));
        brinkmanship(&mut f, delta, &mut log);
        assert!(once > before);
        assert_eq!(f.get(Var::Figure(delta, Figure::Capital)), once);
    }
}
