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

use crate::ai::Reason;
use crate::narrate;
use crate::scenario::{PartyIx, Scenario, Stance};
use crate::session::Session;
use crate::sim::{Cause, Fact, Moment, Order, Target};
use crate::text;

/// The advisor's reason as `viewer` may read it: a figure that belongs to another party (its
/// trust, its fear: "raises China's trust in Japan (-12 → -6)") keeps its direction and loses
/// its numbers; the seat's own figures, alliances, forums and tracks keep theirs. Decided from
/// the reason's data (`ai::Change::owner`), not from its words.
pub fn reason(s: &Scenario, viewer: PartyIx, why: &Reason) -> String {
    why.text(s, Some(viewer))
}

/// Whether the fog is on in this game: two or more human seats.
pub fn on(session: &Session) -> bool {
    session.humans().len() > 1
}

/// How a party may see an order another party gave (once the month has resolved): the line
/// itself, or a veiled line.
pub(crate) fn seen_order(s: &Scenario, viewer: PartyIx, o: &Order) -> String {
    if veiled(s, viewer, o) {
        let q = match o.target {
            Target::Party(q) => q,
            Target::None | Target::Forum(_) => return narrate::order(s, o),
        };
        let (a, b) = if o.party.0 < q.0 {
            (o.party, q)
        } else {
            (q, o.party)
        };
        return format!(
            "Talks were held between {} and {}.",
            text::party_name(s, a),
            text::party_name(s, b)
        );
    }
    narrate::order(s, o)
}

/// Whether `viewer` sees only that talks were held, not the order itself: a cooperative or
/// neutral order between two other parties.
fn veiled(s: &Scenario, viewer: PartyIx, o: &Order) -> bool {
    match o.target {
        Target::Party(q) if o.party != viewer && q != viewer => matches!(
            s.actions[o.action.0].stance,
            Stance::Cooperative | Stance::Neutral
        ),
        _ => false,
    }
}

/// The news of a resolved month's facts as `viewer` may see them. Veiled lines that say the
/// same thing twice are shown once.
pub(crate) fn filter_facts(s: &Scenario, viewer: PartyIx, facts: &[Fact]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for fact in facts {
        let (line, is_veiled) = match fact {
            Fact::Ordered { order } => {
                (Some(seen_order(s, viewer, order)), veiled(s, viewer, order))
            }
            // What a veiled order's own effects announce is veiled with it.
            Fact::Announced {
                cause: Cause::Order(o),
                ..
            } if veiled(s, viewer, o) => (None, true),
            Fact::RowSpilled { from, to, .. } if *from != viewer && *to != viewer => (
                Some(format!(
                    "Relations between {} and {} sour sharply; the row spills over.",
                    text::party_name(s, *from),
                    text::party_name(s, *to)
                )),
                true,
            ),
            _ => (narrate::news(s, fact), false),
        };
        if let Some(l) = line
            && !(is_veiled && out.contains(&l))
        {
            out.push(l);
        }
    }
    out
}

/// The news of the last resolved month as `viewer` may see it (all of it when the fog is off).
pub fn last_month(session: &Session, viewer: PartyIx) -> Vec<String> {
    month_news(session, viewer, &session.game.report().facts)
}

/// News lines of a run of facts as `viewer` may see them (every line when the fog is off).
pub(crate) fn month_news(session: &Session, viewer: PartyIx, facts: &[Fact]) -> Vec<String> {
    let s = session.scenario();
    if on(session) {
        filter_facts(&s, viewer, facts)
    } else {
        narrate::news_lines(&s, facts)
    }
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
    let results = session.game.report().results().to_vec();
    let seen = month_news(session, viewer, &results);
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
        let line = narrate::order(&s, &o);
        assert_eq!(seen_order(&s, PartyIx(0), &o), line);
        assert_eq!(seen_order(&s, PartyIx(1), &o), line);
        let third = seen_order(&s, PartyIx(2), &o);
        assert!(third.starts_with("Talks were held between"), "{third}");
        let facts = vec![
            Fact::Ordered { order: o },
            Fact::TooFewAttended {
                forum: crate::scenario::ForumIx(0),
            },
        ];
        let seen = filter_facts(&s, PartyIx(2), &facts);
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
                fn first_news(effects: &[Effect]) -> Option<String> {
                    effects.iter().find_map(|e| match e {
                        Effect::News(t) => Some(t.clone()),
                        Effect::If(_, then, otherwise) => {
                            first_news(then).or_else(|| first_news(otherwise))
                        }
                        _ => None,
                    })
                }
                let news = first_news(&a.effects);
                (a.stance == Stance::Cooperative && a.target == TargetKind::Party)
                    .then_some(())
                    .and(news)
                    .map(|n| (i, n))
            })
            .expect("a cooperative party action that makes news");
        let o = Order {
            party: PartyIx(0),
            action: crate::scenario::ActionIx(ix),
            target: Target::Party(PartyIx(1)),
        };
        let facts = vec![
            Fact::Ordered { order: o },
            Fact::Announced {
                text: told.clone(),
                cause: Cause::Order(o),
            },
            Fact::RowSpilled {
                from: PartyIx(0),
                to: PartyIx(1),
                drop: 16.0,
                forums: Vec::new(),
                onto_allies: true,
            },
        ];
        let lines = narrate::news_lines(&s, &facts);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].contains("falls 16 in a month"), "{lines:?}");
        let third = filter_facts(&s, PartyIx(2), &facts);
        assert_eq!(third.len(), 2, "{third:?}");
        assert!(!third.contains(&told), "{third:?}");
        assert!(third[1].starts_with("Relations between"), "{third:?}");
        assert!(!third[1].contains("16"), "{third:?}");
        // The two parties themselves see it all.
        assert_eq!(filter_facts(&s, PartyIx(1), &facts), lines);
    }

    #[test]
    fn advice_keeps_only_the_viewers_own_figures() {
        use crate::ai::Change;
        use crate::scenario::{Figure, ForumIx, Goal, Prefer};
        let s = crate::scenario::resolve(crate::scenario::DEFAULT_SCENARIO, None).expect("loads");
        let japan = s.party_by_id("japan").expect("japan");
        let china = s.party_by_id("china").expect("china");
        let why = Reason::Goals {
            gain: Some(Change {
                party: japan,
                goal: Goal::TrustFrom(china),
                before: -12.0,
                after: -6.0,
            }),
            cost: Some(Change {
                party: japan,
                goal: Goal::Figure(Figure::Approval, Prefer::High),
                before: 55.0,
                after: 52.0,
            }),
        };
        assert_eq!(
            why.text(&s, None),
            "raises People's Republic of China's trust in Japan (-12 → -6); but lowers Japan's approval (55 → 52)"
        );
        assert_eq!(
            reason(&s, japan, &why),
            "raises People's Republic of China's trust in Japan; but lowers Japan's approval (55 → 52)"
        );
        // China sees its own trust with the figures, and Japan's approval without.
        assert_eq!(
            reason(&s, china, &why),
            "raises People's Republic of China's trust in Japan (-12 → -6); but lowers Japan's approval"
        );
        let habit = Reason::Goals {
            gain: Some(Change {
                party: japan,
                goal: Goal::Habit(ForumIx(1), Prefer::High),
                before: 15.0,
                after: 16.0,
            }),
            cost: None,
        };
        assert_eq!(reason(&s, china, &habit), habit.text(&s, None));
        assert!(habit.text(&s, None).ends_with("(15 → 16)"));
    }
}
