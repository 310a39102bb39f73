//! Words shared by the terminal screen and the plain mode: how orders, figures and relations
//! are written for a player.

use crate::scenario::{Forum, ForumStatus, PartyIx, Scenario, Stance};
use crate::sim::Order;

/// "Reassure an ally → Japan".
pub fn order_label(s: &Scenario, o: &Order) -> String {
    o.label(s)
}

/// A stance in one word.
pub fn stance_word(st: Stance) -> &'static str {
    match st {
        Stance::Cooperative => "cooperative",
        Stance::Competitive => "competitive",
        Stance::Alliance => "alliance",
        Stance::Neutral => "neutral",
    }
}

/// A forum status in one word.
pub fn status_word(st: ForumStatus) -> &'static str {
    match st {
        ForumStatus::Proposed => "proposed",
        ForumStatus::Active => "active",
        ForumStatus::Suspended => "suspended",
        ForumStatus::Collapsed => "collapsed",
    }
}

/// What a forum is, beyond its status and habit: its host, the topics a member keeps off its
/// table (red lines: breaking one costs dearly, so they come first), and what a successful
/// session moves. The same lines on the screen (the
/// forums panel, focused) and in plain mode.
pub fn forum_facts(s: &Scenario, f: &Forum) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(h) = f.host {
        out.push(format!("Host: {}", s.party(h).short));
    }
    if !f.excluded.is_empty() {
        let items: Vec<String> = f
            .excluded
            .iter()
            .map(|(t, p)| format!("{} (for {})", s.tracks[t.0].name, s.party(*p).short))
            .collect();
        out.push(format!("Red lines: {}", items.join("; ")));
    }
    if !f.agenda.is_empty() {
        let items: Vec<String> = f
            .agenda
            .iter()
            .map(|(t, d)| format!("{} {d:+}", s.tracks[t.0].name))
            .collect();
        out.push(format!("Agenda, a session: {}", items.join(", ")));
    }
    out
}

/// How a party stands toward another, from its trust, in one word.
pub fn mood(trust: f32) -> &'static str {
    match trust {
        t if t >= 40.0 => "close",
        t if t >= 10.0 => "friendly",
        t if t > -10.0 => "wary",
        t if t > -40.0 => "cold",
        _ => "hostile",
    }
}

/// Calendar heading of a turn: "Turn 3 of 24 · Mar 2010".
pub fn turn_heading(s: &Scenario, turn: u32) -> String {
    format!("Turn {turn} of {} · {}", s.turns, s.date_label(turn))
}

/// The name of a party.
pub fn party_name(s: &Scenario, p: PartyIx) -> &str {
    &s.parties[p.0].name
}

/// The regional tracks as "North Korean nuclear progress 57 (+2)", one each; the change is
/// since `before` (the end of last turn), shown when there is one.
pub fn track_lines(
    s: &Scenario,
    now: &crate::sim::GameState,
    before: Option<&crate::sim::GameState>,
) -> Vec<String> {
    s.tracks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let v = crate::sim::rules::tidy(now.tracks[i], 0);
            let change = before
                .map(|b| v - crate::sim::rules::tidy(b.tracks[i], 0))
                .filter(|d| d.abs() >= 0.5)
                .map(|d| format!(" ({d:+.0})"))
                .unwrap_or_default();
            format!("{} {v:.0}{change}", t.name)
        })
        .collect()
}
