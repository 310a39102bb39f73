//! Fog of war for hot-seat play: what the seat on screen may see of the others.
//!
//! The rules (also in `docs/ARCHITECTURE.md`, "Hot-seat and fog of war"):
//!
//! - The fog is on only when two or more seats are played by people. A single player keeps the
//!   whole view: the AI seats have no one to hide from, and the classroom's view of every
//!   relation stays.
//! - A seat sees its own figures, its own trust and threat toward every other party, its own
//!   alliances, the forums and the region's tracks, exactly.
//! - Of the others it sees only what they show: how each of them regards it, as a mood (close,
//!   friendly, wary, cold, hostile) without the number; not how much they fear it; not the trust
//!   they place in third parties (the heat map keeps only the seat's own row and column).
//! - Orders are simultaneous and secret until the month resolves: a seat never sees what any
//!   other seat ordered this month (the screens only ever show the seat's own orders, and the
//!   hand-over screen hides the previous seat's).
//! - After the month resolves, the news of events, decisions, forums, walk-outs and red lines is
//!   public. An order is public when the seat gave it, when it aims at the seat, when it aims at a
//!   forum, or when it has no target. A cooperative or neutral order between two *other* parties
//!   is a private bilateral move: it shows only as "Talks were held between X and Y." Alliance
//!   and competitive orders between others are signals meant to be seen, and show in full.
//! - A row between two other parties (trust falling sharply) shows without the size of the fall.
//! - The advisor advises only the seat on screen.

use crate::scenario::{PartyIx, Scenario, Stance};
use crate::session::Session;
use crate::sim::{Dynamic, Moment, Order, Target};

use crate::text;

/// The advisor's reason as `viewer` may read it: a figure that belongs to another party (its
/// trust, its fear: "raises China's trust in Japan (-12 → -6)") keeps its direction and loses
/// its numbers; the seat's own figures, alliances, forums and tracks keep theirs.
pub fn reason(s: &Scenario, viewer: PartyIx, reason: &str) -> String {
    reason
        .split("; ")
        .map(|clause| {
            let owner = s
                .parties
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let at = clause
                        .find(&format!("{}'s ", p.name))
                        .or_else(|| clause.find(&format!("{}' ", p.name)))?;
                    Some((at, i))
                })
                .min();
            match owner {
                Some((_, i)) if i != viewer.0 => strip_figures(clause),
                _ => clause.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "raises X (a → b)" without the "(a → b)".
fn strip_figures(clause: &str) -> String {
    let mut out = clause.to_owned();
    while let Some(open) = out.find(" (") {
        let Some(len) = out[open..].find(')') else {
            break;
        };
        if !out[open..open + len].contains('→') {
            break;
        }
        out.replace_range(open..=open + len, "");
    }
    out
}

/// Whether the fog is on in this game: two or more human seats.
pub fn on(session: &Session) -> bool {
    session.humans().len() > 1
}

/// The news line the rules write when an order is carried out.
pub fn order_news(s: &Scenario, o: &Order) -> String {
    format!("{}: {}.", text::party_name(s, o.party), o.label(s))
}

/// How a party may see an order another party gave (once the month has resolved): the line
/// itself, a veiled line, or `None` for nothing.
pub fn seen_order(s: &Scenario, viewer: PartyIx, o: &Order) -> Option<String> {
    let line = order_news(s, o);
    if o.party == viewer {
        return Some(line);
    }
    match o.target {
        Target::Party(q) if q != viewer => {
            let stance = s.actions[o.action.0].stance;
            if matches!(stance, Stance::Cooperative | Stance::Neutral) {
                let (a, b) = if o.party.0 < q.0 {
                    (o.party, q)
                } else {
                    (q, o.party)
                };
                Some(format!(
                    "Talks were held between {} and {}.",
                    text::party_name(s, a),
                    text::party_name(s, b)
                ))
            } else {
                Some(line)
            }
        }
        _ => Some(line),
    }
}

/// The news of a resolved month as `viewer` may see it. `orders` are the orders carried out that
/// month (from the timeline), `rows` the pairs whose row spilled over (from the observations).
/// Veiled lines that say the same thing twice are shown once.
pub fn filter_news(
    s: &Scenario,
    viewer: PartyIx,
    lines: &[String],
    orders: &[Order],
    rows: &[(PartyIx, PartyIx, String)],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // What a veiled order's own effects announce is veiled with it.
    let mut secret: Vec<String> = Vec::new();
    for line in lines {
        let shown = if let Some(o) = orders.iter().find(|o| order_news(s, o) == *line) {
            let seen = seen_order(s, viewer, o);
            secret.clear();
            if seen.as_deref() != Some(line.as_str()) {
                effect_news(&s.actions[o.action.0].effects, &mut secret);
            }
            seen
        } else if secret.contains(line) {
            None
        } else if let Some((a, b, _)) = rows
            .iter()
            .find(|(_, _, t)| format!("{t}.") == *line || t == line)
        {
            if *a == viewer || *b == viewer {
                Some(line.clone())
            } else {
                Some(format!(
                    "Relations between {} and {} sour sharply; the row spills over.",
                    text::party_name(s, *a),
                    text::party_name(s, *b)
                ))
            }
        } else {
            Some(line.clone())
        };
        if let Some(l) = shown {
            let veiled = !lines.contains(&l);
            if !(veiled && out.contains(&l)) {
                out.push(l);
            }
        }
    }
    out
}

/// Every news text the effects can announce.
fn effect_news(effects: &[crate::scenario::Effect], out: &mut Vec<String>) {
    use crate::scenario::Effect;
    for e in effects {
        match e {
            Effect::News(t) => out.push(t.clone()),
            Effect::If(_, then, otherwise) => {
                effect_news(then, out);
                effect_news(otherwise, out);
            }
            _ => {}
        }
    }
}

/// The news of the last resolved month as `viewer` may see it (all of it when the fog is off).
pub fn last_month(session: &Session, viewer: PartyIx) -> Vec<String> {
    let report = session.game.report();
    let lines: Vec<String> = report.news.iter().map(|n| n.text.clone()).collect();
    month_news(session, viewer, report.turn, &lines)
}

/// Lines of month `turn` as `viewer` may see them (unchanged when the fog is off).
pub fn month_news(session: &Session, viewer: PartyIx, turn: u32, lines: &[String]) -> Vec<String> {
    if !on(session) {
        return lines.to_vec();
    }
    let s = session.scenario();
    let orders: Vec<Order> = session
        .game
        .timeline()
        .iter()
        .filter_map(|m| match m {
            Moment::Ordered { turn: t, order } if *t == turn => Some(*order),
            _ => None,
        })
        .collect();
    let rows: Vec<(PartyIx, PartyIx, String)> = session
        .game
        .observations()
        .iter()
        .filter(|o| o.turn == turn && o.dynamic == Dynamic::IssueLinkage && o.parties.len() == 2)
        .map(|o| (o.parties[0], o.parties[1], o.text.clone()))
        .collect();
    filter_news(&s, viewer, lines, &orders, &rows)
}

/// The month's summary for one seat, after the month resolved: the month's results as the fog
/// lets it see them and the decisions taken, then its figures and how they moved, how the others
/// regard it, and the region.
pub fn summary(session: &mut Session, viewer: PartyIx) -> Vec<String> {
    use crate::scenario::Figure;
    use crate::sim::state::figure_slot;
    let s = session.scenario();
    let turn = session.game.report().turn;
    let state = session.game.state();
    let history = session.game.history();
    let before = history.iter().rev().find(|h| h.turn < turn).cloned();
    let mut out = vec![
        format!(
            "{} — the month's results for {}",
            text::turn_heading(&s, turn.max(1)),
            text::party_name(&s, viewer)
        ),
        String::new(),
        String::from("What happened:"),
    ];
    let results: Vec<String> = session
        .game
        .report()
        .results()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    let seen = month_news(session, viewer, turn, &results);
    if seen.is_empty() {
        out.push(String::from("  Nothing of note."));
    }
    for l in seen {
        out.push(format!("  {l}"));
    }
    // The decisions of the month are public once taken: every seat learns of them here.
    let decided: Vec<String> = session
        .game
        .timeline()
        .iter()
        .filter_map(|m| match m {
            Moment::Decided {
                turn: t,
                event,
                party,
                option,
            } if *t == turn => {
                let e = s.events.get(event.0)?;
                Some(format!(
                    "{}: {} — {}",
                    e.title,
                    text::party_name(&s, *party),
                    e.options.get(*option)?.label
                ))
            }
            _ => None,
        })
        .collect();
    if !decided.is_empty() {
        out.push(String::from("Decisions taken:"));
        for d in decided {
            out.push(format!("  {d}"));
        }
    }
    out.push(String::new());
    out.push(String::from("Your figures:"));
    let figs = [
        ("security", Figure::Security),
        ("prestige", Figure::Prestige),
        ("approval", Figure::Approval),
        ("capital", Figure::Capital),
        ("power", Figure::Power),
    ];
    let parts: Vec<String> = figs
        .iter()
        .map(|(name, f)| {
            let now = state.parties[viewer.0].figures[figure_slot(*f)];
            let then = before
                .as_ref()
                .map(|b| b.parties[viewer.0].figures[figure_slot(*f)]);
            match then {
                Some(t) if (now - t).abs() >= 0.5 => format!("{name} {now:.0} ({:+.0})", now - t),
                _ => format!("{name} {now:.0}"),
            }
        })
        .collect();
    out.push(format!("  {}", parts.join(", ")));
    out.push(String::from("How the others regard you:"));
    for (i, p) in s.parties.iter().enumerate() {
        if i == viewer.0 {
            continue;
        }
        let theirs = state.trust[i][viewer.0];
        let mine = state.trust[viewer.0][i];
        out.push(format!(
            "  {}: {} toward you; your trust in them {mine:+.0}",
            p.name,
            text::mood(theirs)
        ));
    }
    out.push(String::from("The region:"));
    for t in text::track_lines(&s, &state, before.as_ref()) {
        out.push(format!("  {t}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilateral_talks_between_others_are_veiled() {
        let s = crate::scenario::resolve(crate::scenario::DEFAULT_SCENARIO, None).expect("loads");
        let coop = s
            .actions
            .iter()
            .position(|a| {
                a.stance == Stance::Cooperative && a.target == crate::scenario::TargetKind::Party
            })
            .expect("a cooperative party action");
        let o = Order {
            party: PartyIx(0),
            action: crate::scenario::ActionIx(coop),
            target: Target::Party(PartyIx(1)),
        };
        let line = order_news(&s, &o);
        assert_eq!(seen_order(&s, PartyIx(0), &o), Some(line.clone()));
        assert_eq!(seen_order(&s, PartyIx(1), &o), Some(line.clone()));
        let third = seen_order(&s, PartyIx(2), &o).expect("veiled");
        assert!(third.starts_with("Talks were held between"), "{third}");
        let lines = vec![line.clone(), String::from("The ARF meets.")];
        let seen = filter_news(&s, PartyIx(2), &lines, &[o], &[]);
        assert_eq!(seen.len(), 2);
        assert!(!seen.contains(&line));
    }

    #[test]
    fn a_veiled_orders_own_news_is_left_out_and_rows_lose_their_figures() {
        use crate::scenario::{Effect, TargetKind};
        let s = crate::scenario::resolve(crate::scenario::DEFAULT_SCENARIO, None).expect("loads");
        let (ix, told) = s
            .actions
            .iter()
            .enumerate()
            .find_map(|(i, a)| {
                let mut news = Vec::new();
                effect_news(&a.effects, &mut news);
                (a.stance == Stance::Cooperative && a.target == TargetKind::Party)
                    .then_some(())
                    .and(news.first().cloned())
                    .map(|n| (i, n))
            })
            .expect("a cooperative party action that makes news");
        assert!(
            s.actions[ix]
                .effects
                .iter()
                .any(|e| matches!(e, Effect::News(_) | Effect::If(..)))
        );
        let o = Order {
            party: PartyIx(0),
            action: crate::scenario::ActionIx(ix),
            target: Target::Party(PartyIx(1)),
        };
        let row = format!(
            "{}'s trust in {} falls 16 in a month; the row spills over",
            s.parties[0].name, s.parties[1].name
        );
        let lines = vec![order_news(&s, &o), told.clone(), format!("{row}.")];
        let rows = vec![(PartyIx(0), PartyIx(1), row.clone())];
        let third = filter_news(&s, PartyIx(2), &lines, &[o], &rows);
        assert_eq!(third.len(), 2, "{third:?}");
        assert!(!third.contains(&told), "{third:?}");
        assert!(third[1].starts_with("Relations between"), "{third:?}");
        assert!(!third[1].contains("16"), "{third:?}");
        // The two parties themselves see it all.
        assert_eq!(filter_news(&s, PartyIx(1), &lines, &[o], &rows), lines);
    }

    #[test]
    fn advice_keeps_only_the_viewers_own_figures() {
        let s = crate::scenario::resolve(crate::scenario::DEFAULT_SCENARIO, None).expect("loads");
        let japan = s.party_by_id("japan").expect("japan");
        let r = "raises People's Republic of China's trust in Japan (-12 → -6); but lowers Japan's approval (55 → 52)";
        assert_eq!(
            reason(&s, japan, r),
            "raises People's Republic of China's trust in Japan; but lowers Japan's approval (55 → 52)"
        );
        let habit = "raises the habit of the Plus-Three Summit (15 → 16)";
        assert_eq!(reason(&s, japan, habit), habit);
    }
}
