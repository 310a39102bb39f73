//! Warnings: things a valid scenario can hold that are almost certainly not what its author
//! meant, but that do not stop a game — an event that can never fire, a party with nothing to
//! do, an objective on a track that never moves, a doctrine or a track nothing uses.
//!
//! The checks are conservative: a warning is given only when the scenario's own numbers prove
//! the point (a trigger that asks a track to rise above its maximum), never on a guess.

use super::Problem;
use super::model::{
    Action, Condition, Effect, Figure, ForumRef, ForumStatus, Goal, PartyIx, Scenario, TargetKind,
    When,
};
use super::validate::{locate, position};

/// Every warning for a validated scenario, placed in `source` (the file's text).
pub fn warnings(s: &Scenario, source: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut warn = |id: &str, message: String| {
        // At the item's definition (`id: "x"`) when it can be found, else at its first mention.
        let (line, column) = ["id: \"", "id:\""]
            .iter()
            .find_map(|key| {
                source
                    .find(&format!("{key}{id}\""))
                    .map(|at| position(source, at + key.len()))
            })
            .unwrap_or_else(|| locate(source, id));
        out.push(Problem {
            line,
            column,
            message,
        });
    };

    for e in &s.events {
        if e.chance <= 0.0 {
            warn(
                &e.id,
                format!("event \"{}\" has chance 0: it never fires", e.id),
            );
        }
        if let When::Trigger(c) = &e.when
            && let Some(why) = never(s, c)
        {
            warn(
                &e.id,
                format!("event \"{}\" can never fire: its trigger {why}", e.id),
            );
        }
    }

    for a in &s.actions {
        if let Some(why) = a.requires.as_ref().and_then(|c| never(s, c)) {
            warn(
                &a.id,
                format!("action \"{}\" is never offered: its `requires` {why}", a.id),
            );
        }
    }

    for (i, p) in s.parties.iter().enumerate() {
        if !s.actions.iter().any(|a| usable(s, a, PartyIx(i))) {
            warn(
                &p.id,
                format!(
                    "party \"{}\" has no action it can ever take (check the actions' `who`, `target` and `requires`)",
                    p.id
                ),
            );
        }
    }

    let moved = moved_tracks(s);
    let read = read_tracks(s);
    for (t, track) in s.tracks.iter().enumerate() {
        if !moved[t] && scored_on(s, t) {
            warn(
                &track.id,
                format!(
                    "track \"{}\" is in an objective or a doctrine's goals, but nothing moves it (no drift, no effect, no forum agenda)",
                    track.id
                ),
            );
        } else if !read[t] && track.role.is_none() {
            warn(
                &track.id,
                format!(
                    "track \"{}\" is never read: no objective, goal, condition, agenda or red line uses it",
                    track.id
                ),
            );
        }
    }

    let mut held = vec![false; s.doctrines.len()];
    for p in &s.parties {
        held[p.doctrine.0] = true;
    }
    for_each_effect(s, &mut |e| {
        if let Effect::Doctrine(_, d) = e {
            held[d.0] = true;
        }
    });
    for (d, doctrine) in s.doctrines.iter().enumerate() {
        if !held[d] {
            warn(
                &doctrine.id,
                format!(
                    "doctrine \"{}\" is never held: no party starts with it and no effect switches to it",
                    doctrine.id
                ),
            );
        }
    }

    let convenes_target = s.actions.iter().any(|a| {
        let mut convenes = false;
        walk_effects(&a.effects, &mut |e| {
            convenes |= matches!(
                e,
                Effect::ForumStatus(ForumRef::Target, ForumStatus::Active)
            );
        });
        a.target == TargetKind::Forum && convenes
    });
    let mut activated = vec![false; s.forums.len()];
    for_each_effect(s, &mut |e| {
        if let Effect::ForumStatus(ForumRef::Forum(f), ForumStatus::Active) = e {
            activated[f.0] = true;
        }
    });
    for (f, forum) in s.forums.iter().enumerate() {
        if matches!(
            forum.status,
            ForumStatus::Proposed | ForumStatus::Suspended | ForumStatus::Collapsed
        ) && !activated[f]
            && !(convenes_target && forum.status != ForumStatus::Collapsed)
        {
            warn(
                &forum.id,
                format!(
                    "forum \"{}\" never meets: it starts {:?} and no effect makes it Active",
                    forum.id, forum.status
                ),
            );
        }
    }
    out
}

/// Why a condition can never hold, judged from the scenario's ranges alone; `None` when it may.
fn never(s: &Scenario, c: &Condition) -> Option<String> {
    let above = |v: f32, hi: f32, what: &str| {
        (v >= hi).then(|| format!("asks {what} to rise above {v}, but it never exceeds {hi}"))
    };
    let below = |v: f32, lo: f32, what: &str| {
        (v <= lo).then(|| format!("asks {what} to fall below {v}, but it never goes under {lo}"))
    };
    match c {
        Condition::All(cs) => cs.iter().find_map(|c| never(s, c)),
        Condition::Any(cs) => {
            let reasons: Vec<String> = cs.iter().filter_map(|c| never(s, c)).collect();
            if cs.is_empty() {
                Some(String::from("is an empty Any([]), which never holds"))
            } else if reasons.len() == cs.len() {
                Some(format!(
                    "is an Any whose every part fails: {}",
                    reasons.join("; ")
                ))
            } else {
                None
            }
        }
        Condition::Not(inner) => {
            matches!(**inner, Condition::Always).then(|| String::from("is Not(Always)"))
        }
        Condition::TrackAbove(t, v) => {
            let t = &s.tracks[t.0];
            above(*v, t.max, &format!("track \"{}\"", t.id))
        }
        Condition::TrackBelow(t, v) => {
            let t = &s.tracks[t.0];
            below(*v, t.min, &format!("track \"{}\"", t.id))
        }
        Condition::TrustAbove(.., v) => above(*v, 100.0, "trust"),
        Condition::TrustBelow(.., v) => below(*v, -100.0, "trust"),
        Condition::ThreatAbove(.., v) => above(*v, 100.0, "threat perception"),
        Condition::FigureAbove(_, f, v) => {
            let hi = if *f == Figure::Power { 1000.0 } else { 100.0 };
            above(*v, hi, &format!("{f:?}"))
        }
        Condition::FigureBelow(_, f, v) => below(*v, 0.0, &format!("{f:?}")),
        Condition::HabitAbove(_, v) => above(*v, 100.0, "habit"),
        Condition::HabitBelow(_, v) => below(*v, 0.0, "habit"),
        Condition::AllianceAbove(_, f, v) => above(*v, 100.0, &format!("{f:?}")),
        Condition::AllianceBelow(_, f, v) => below(*v, 0.0, &format!("{f:?}")),
        Condition::TurnAtLeast(n) => (*n > s.turns).then(|| {
            format!(
                "waits for turn {n}, but the game has only {} turns",
                s.turns
            )
        }),
        _ => None,
    }
}

/// Whether party `p` could ever give this order.
fn usable(s: &Scenario, a: &Action, p: PartyIx) -> bool {
    (a.who.is_empty() || a.who.contains(&p))
        && a.requires.as_ref().is_none_or(|c| never(s, c).is_none())
        && match a.target {
            TargetKind::None => true,
            TargetKind::Party => s.parties.len() > 1,
            TargetKind::Ally => s.alliances.iter().any(|al| al.involves(p)),
            TargetKind::Forum => s.forums.iter().any(|f| f.members.contains(&p)),
        }
}

/// Every effect of a list, `If` branches included.
fn walk_effects(effects: &[Effect], f: &mut dyn FnMut(&Effect)) {
    for e in effects {
        f(e);
        if let Effect::If(_, then, otherwise) = e {
            walk_effects(then, f);
            walk_effects(otherwise, f);
        }
    }
}

/// Every effect of every action, event and option, `If` branches included.
fn for_each_effect(s: &Scenario, f: &mut dyn FnMut(&Effect)) {
    for a in &s.actions {
        walk_effects(&a.effects, f);
    }
    for e in &s.events {
        walk_effects(&e.effects, f);
        for o in &e.options {
            walk_effects(&o.effects, f);
        }
    }
}

/// Every condition (triggers, `requires`, `If`), with its sub-conditions.
fn for_each_condition(s: &Scenario, f: &mut dyn FnMut(&Condition)) {
    fn walk(c: &Condition, f: &mut dyn FnMut(&Condition)) {
        f(c);
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                for c in cs {
                    walk(c, f);
                }
            }
            Condition::Not(c) => walk(c, f),
            _ => {}
        }
    }
    for a in &s.actions {
        if let Some(c) = &a.requires {
            walk(c, f);
        }
    }
    for e in &s.events {
        if let When::Trigger(c) = &e.when {
            walk(c, f);
        }
    }
    let mut ifs = Vec::new();
    for_each_effect(s, &mut |e| {
        if let Effect::If(c, ..) = e {
            ifs.push(c.clone());
        }
    });
    for c in &ifs {
        walk(c, f);
    }
}

fn moved_tracks(s: &Scenario) -> Vec<bool> {
    let mut moved: Vec<bool> = s.tracks.iter().map(|t| t.drift != 0.0).collect();
    for f in &s.forums {
        for (t, per) in &f.agenda {
            if *per != 0.0 {
                moved[t.0] = true;
            }
        }
    }
    for_each_effect(s, &mut |e| {
        if let Effect::Track(t, d) = e
            && *d != 0.0
        {
            moved[t.0] = true;
        }
    });
    moved
}

fn goals(s: &Scenario) -> impl Iterator<Item = &Goal> {
    s.parties
        .iter()
        .flat_map(|p| p.objectives.iter().map(|o| &o.goal))
        .chain(
            s.doctrines
                .iter()
                .flat_map(|d| d.goals.iter().map(|(g, _)| g)),
        )
}

fn scored_on(s: &Scenario, t: usize) -> bool {
    goals(s).any(|g| matches!(g, Goal::Track(x, _) if x.0 == t))
}

fn read_tracks(s: &Scenario) -> Vec<bool> {
    let mut read = vec![false; s.tracks.len()];
    for g in goals(s) {
        if let Goal::Track(t, _) = g {
            read[t.0] = true;
        }
    }
    for f in &s.forums {
        for (t, _) in &f.agenda {
            read[t.0] = true;
        }
        for (t, _) in &f.excluded {
            read[t.0] = true;
        }
    }
    for a in &s.actions {
        if let Some(t) = a.topic {
            read[t.0] = true;
        }
    }
    for_each_condition(s, &mut |c| {
        if let Condition::TrackAbove(t, _) | Condition::TrackBelow(t, _) = c {
            read[t.0] = true;
        }
    });
    read
}
