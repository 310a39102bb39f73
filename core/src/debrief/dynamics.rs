//! The ten dynamics: whether each occurred in a game, the figures that say so, and how each
//! connects to the interview the game is built on.

use crate::narrate;
use crate::scenario::{PartyIx, Scenario, Stance};
use crate::sim::rules;
use crate::sim::{Dynamic, Moment, Observation, Target};

use super::Finding;

/// Decide whether a dynamic occurred, from what the rules observed and from the history.
pub(super) fn find(
    d: Dynamic,
    s: &Scenario,
    observations: &[Observation],
    timeline: &[Moment],
    history: &[crate::sim::GameState],
) -> Finding {
    let seen: Vec<&Observation> = observations.iter().filter(|o| o.dynamic == d).collect();
    let first = seen.first().map(|o| o.turn);
    let count = seen.len();
    let not = |why: &str| Finding {
        dynamic: d,
        occurred: false,
        turn: None,
        why: why.to_owned(),
    };
    let yes = |turn: Option<u32>, why: String| Finding {
        dynamic: d,
        occurred: true,
        turn,
        why,
    };
    let last = history.last().unwrap_or(&history[0]);
    match d {
        Dynamic::HabitsOfCooperation => {
            // The forum that met most: did its members' mutual trust rise?
            let Some((fi, fs)) = last
                .forums
                .iter()
                .enumerate()
                .max_by_key(|(_, f)| f.sessions)
                .filter(|(_, f)| f.sessions >= 2)
            else {
                return not("no forum met more than once, so no habit of meeting could form.");
            };
            let members = &s.forums[fi].members;
            let mutual = |st: &crate::sim::GameState| {
                let mut sum = 0.0;
                let mut k = 0.0;
                for a in members {
                    for b in members {
                        if a != b {
                            sum += st.trust[a.0][b.0];
                            k += 1.0;
                        }
                    }
                }
                sum / f32::max(k, 1.0)
            };
            let (t0, t1) = (mutual(&history[0]), mutual(last));
            let why = format!(
                "the {} met {} times; its members' average trust in one another went from {t0:.0} to {t1:.0}{}",
                s.forums[fi].name,
                fs.sessions,
                if t1 > t0 {
                    ", the slow gain the interview calls habits of cooperation."
                } else {
                    ", but other quarrels ate the gains."
                }
            );
            if t1 > t0 { yes(first, why) } else { not(&why) }
        }
        Dynamic::SecurityDilemma => {
            let n = s.parties.len();
            let avg = |st: &crate::sim::GameState, p: PartyIx| {
                (0..n)
                    .filter(|q| *q != p.0)
                    .map(|q| st.threat[q][p.0])
                    .sum::<f32>()
                    / (n.max(2) - 1) as f32
            };
            // The rising power: of the parties whose growth alarmed others, the one whose power
            // grew most in proportion (a giant adding 1% is not a power transition).
            let growth = |p: PartyIx| {
                last.parties[p.0].figures[4] / history[0].parties[p.0].figures[4].max(1.0)
            };
            let Some(p) = seen
                .iter()
                .map(|o| o.parties[0])
                .max_by(|a, b| growth(*a).total_cmp(&growth(*b)))
            else {
                return not("no party grew or built up enough to alarm its neighbours.");
            };
            let avg = |st: &crate::sim::GameState| avg(st, p);
            if avg(last) <= avg(&history[0]) {
                return not(&format!(
                    "{} grew, but its neighbours' threat perception of it did not rise ({:.0} → {:.0}): transparency and engagement kept pace.",
                    s.parties[p.0].name,
                    avg(&history[0]),
                    avg(last)
                ));
            }
            yes(
                first,
                format!(
                    "{} power went from {:.0} to {:.0}; its neighbours' average threat perception of it from {:.0} to {:.0}, whatever its intentions.",
                    rules::possessive(&s.parties[p.0].name),
                    history[0].parties[p.0].figures[4],
                    last.parties[p.0].figures[4],
                    avg(&history[0]),
                    avg(last)
                ),
            )
        }
        Dynamic::ForumShopping => {
            // Parties that invested (cooperative orders) in two or more different forums.
            let mut best: Option<(usize, Vec<usize>, u32)> = None;
            for p in 0..s.parties.len() {
                let mut forums: Vec<usize> = Vec::new();
                let mut turn = 0;
                for m in timeline {
                    if let Moment::Ordered { turn: t, order } = m
                        && let (true, Target::Forum(f)) = (order.party.0 == p, order.target)
                        && s.actions[order.action.0].stance == Stance::Cooperative
                        && !forums.contains(&f.0)
                    {
                        forums.push(f.0);
                        turn = *t;
                    }
                }
                if forums.len() >= 2 && best.as_ref().is_none_or(|b| forums.len() > b.1.len()) {
                    best = Some((p, forums, turn));
                }
            }
            match best {
                Some((p, forums, turn)) => {
                    let names: Vec<&str> =
                        forums.iter().map(|f| s.forums[*f].name.as_str()).collect();
                    yes(
                        Some(turn),
                        format!(
                            "{} spread its investment across the {}: overlapping venues let a party pick where to engage.",
                            s.parties[p].name,
                            rules::and_list(&names)
                        ),
                    )
                }
                None => not("no party invested in more than one forum."),
            }
        }
        Dynamic::Reciprocity => {
            // A move answered in kind by its target on the next turn.
            let mut answered = 0;
            let mut first_turn = None;
            let mut example = String::new();
            let moves: Vec<(u32, PartyIx, PartyIx, Stance)> = timeline
                .iter()
                .filter_map(|m| match m {
                    Moment::Ordered {
                        turn,
                        order:
                            crate::sim::Order {
                                party,
                                action,
                                target: Target::Party(b),
                            },
                    } => Some((*turn, *party, *b, s.actions[action.0].stance)),
                    _ => None,
                })
                .filter(|m| matches!(m.3, Stance::Cooperative | Stance::Competitive))
                .collect();
            for (t, a, b, st) in &moves {
                if moves
                    .iter()
                    .any(|(t2, a2, b2, st2)| *t2 == t + 1 && a2 == b && b2 == a && st2 == st)
                {
                    answered += 1;
                    if first_turn.is_none() {
                        first_turn = Some(t + 1);
                        example = format!(
                            "{} answered {} {} move in kind the next month",
                            s.parties[b.0].name,
                            rules::possessive(&s.parties[a.0].name),
                            crate::text::stance_word(*st)
                        );
                    }
                }
            }
            if answered > 0 {
                yes(
                    first_turn,
                    if answered == 1 {
                        format!("{example}, the one move returned in kind.")
                    } else {
                        format!("{example}; {answered} moves in all were returned in kind.")
                    },
                )
            } else if let Some(o) = seen.first() {
                yes(
                    first,
                    format!("{}.", narrate::observation(s, o).trim_end_matches('.')),
                )
            } else {
                not("no move was answered in kind.")
            }
        }
        _ => match seen.first() {
            Some(o) => yes(
                first,
                format!(
                    "{}{}.",
                    narrate::observation(s, o).trim_end_matches('.'),
                    if count > 1 {
                        format!(" ({count} times in all)")
                    } else {
                        String::new()
                    }
                ),
            ),
            None => not(match d {
                Dynamic::AllianceSecurityDilemma => {
                    "no ally was reassured, and no client feared abandonment enough to hedge."
                }
                Dynamic::IssueLinkage => {
                    "no bilateral row was sharp enough to spill into the forums."
                }
                Dynamic::RedLines => "no one raised a topic a member had ruled off the table.",
                Dynamic::ConvenersLeverage => "no hosted forum met.",
                Dynamic::Brinkmanship => "no weak party pressed its stronger neighbours.",
                Dynamic::DomesticPolitics => {
                    "no government changed its line (its doctrine) during the game."
                }
                _ => "it did not show.",
            }),
        },
    }
}

/// How a dynamic connects to the interview's argument: our paraphrase, cited.
pub(crate) fn interview_note(d: Dynamic) -> &'static str {
    match d {
        Dynamic::HabitsOfCooperation => {
            "Why it matters: Smith valued the Six Party Talks less for any settlement than for the practice they gave old antagonists of working at one table on a shared problem; such habits grow slowly and fade when a forum sits idle (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::SecurityDilemma => {
            "Why it matters: Smith set China's growing military power inside a wider, global power transition the region has to navigate; without clarity about forces, each side's precautions look like threats, which is why she proposed a US–Japan–China conversation on the military balance (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::AllianceSecurityDilemma => {
            "Why it matters: Seoul asked Washington for a security guarantee and extended nuclear deterrence, and part of Japan's security establishment wanted the same; Smith called it a delicate moment for the alliances and urged care with nuclear and defence pledges (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::IssueLinkage => {
            "Why it matters: the interview ties US–China friction over the Taiwan arms sales to the cooperation the region needs on North Korea: a bilateral quarrel rarely stays in its own box (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::RedLines => {
            "Why it matters: Beijing treats Taiwan as its own domestic affair and keeps it off every multilateral table, one reason Smith gives why the talks could not simply grow into a regional security body (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::ConvenersLeverage => {
            "Why it matters: hosting the Six Party Talks and mediating among the parties gave China a leading role in the region's diplomacy, which Smith saw as part of why Beijing embraced them (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::ForumShopping => {
            "Why it matters: the region's cooperation is ad hoc and layered: the ARF, ASEAN Plus Three, the Plus-Three summit, the talks. Smith argued Washington must choose where to shape the agenda and where simply to take part, and that some tables can do without it (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::Brinkmanship => {
            "Why it matters: North Korea's push for nuclear weapons is the problem that brought the six to one table at all; a weak state's provocations raise what its neighbours will pay for calm, at the price of their trust (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::DomesticPolitics => {
            "Why it matters: Smith pointed to Japan's new government shifting gears and to a range of views inside China; a change at home changes what a government will trade abroad (Smith, CFR interview, 29 Jan 2010)."
        }
        Dynamic::Reciprocity => {
            "Why it matters: cooperation among rivals is built move by move: a gesture returned invites the next, a slight returned hardens both sides. The habits of cooperation the interview values rest on this give and take (Smith, CFR interview, 29 Jan 2010)."
        }
    }
}
