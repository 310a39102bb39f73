//! Forums: their status, their sessions, and the habit of cooperation that meeting builds and
//! suspension wears away.

use crate::scenario::{Figure, ForumIx, ForumStatus, PartyIx};
use crate::sim::fact::{Fact, Log};
use crate::sim::state::{Facts, Var};

use super::maths::{decayed, saturation};

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

/// Start of turn: suspended forums lose habit ([`decayed`]).
pub fn decay_habits<F: Facts + ?Sized>(f: &mut F) {
    let decay = f.scenario().rules.habit_decay;
    for x in (0..f.scenario().forums.len()).map(ForumIx) {
        if f.forum_status(x) == ForumStatus::Suspended {
            let habit = f.get(Var::Habit(x));
            f.set(Var::Habit(x), decayed(habit, decay));
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

/// The forums of `forums` (in scenario order) that sit this month ([`in_session`]) hold their
/// sessions, each with a roll of the dice (`roll`, a uniform number in 0..1).
pub fn hold_sessions<F: Facts + ?Sized>(
    f: &mut F,
    forums: &[ForumIx],
    mut roll: impl FnMut() -> f32,
    log: &mut Log,
) {
    for &x in forums {
        if in_session(f, x) {
            let roll = roll();
            hold_session(f, x, roll, log);
        }
    }
}

/// Hold a forum's session. `roll` is a uniform number in 0..1 from the game's RNG.
///
/// Meeting builds habit and trust among those who attend even when the session fails; success
/// moves the agenda; the host earns prestige and its partners' trust (the convener's leverage).
pub fn hold_session<F: Facts + ?Sized>(f: &mut F, x: ForumIx, roll: f32, log: &mut Log) {
    let s = f.scenario();
    let forum = s.forums[x.0].clone();
    let rules = s.rules.clone();
    let attendees: Vec<PartyIx> = forum
        .members
        .iter()
        .copied()
        .filter(|m| !f.boycotts().contains(&(*m, x)))
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
