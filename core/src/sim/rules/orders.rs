//! Orders: what a party may aim at, and what carrying an order out does (its cost, the
//! engine's answer to its stance, then the action's own effects).

use crate::scenario::{Figure, ForumIx, ForumStatus, PartyIx, Stance, TargetKind};
use crate::sim::fact::{Cause, Fact, Log};
use crate::sim::state::{Facts, Order, Target, Var};

use super::alliances::reassure;
use super::maths::saturation;
use super::{Ctx, apply_effects, holds};

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

/// Carry out the month's orders ([`Facts::orders`], already in party order), each as
/// [`apply_order`] does; an order its party can no longer pay for is skipped.
pub fn carry_out_orders<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    for i in 0..f.orders().len() {
        let o = f.orders()[i];
        let cost = f
            .scenario()
            .actions
            .get(o.action.0)
            .map_or(f32::INFINITY, |a| a.cost);
        if f.get(Var::Figure(o.party, Figure::Capital)) + 1e-4 < cost {
            continue;
        }
        log.note(Fact::Ordered { order: o });
        apply_order(f, o, log);
    }
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
    let k = if f.last_orders().contains(&o) {
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

/// A weak party's pressure: those who fear it pay concessions (capital), and trust in it falls.
pub(super) fn brinkmanship<F: Facts + ?Sized>(f: &mut F, a: PartyIx, log: &mut Log) {
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
    if fearful.is_empty() || f.conceded(a) {
        return;
    }
    f.concede(a);
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
