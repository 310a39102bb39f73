//! The debrief: scores against objectives, the timeline, and which dynamics occurred and why.

use crate::scenario::PartyIx;
use crate::session::Session;
use crate::sim::Dynamic;

/// A party's score at the start and the end.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyScore {
    /// The party.
    pub party: PartyIx,
    /// Its name.
    pub name: String,
    /// Played by a person.
    pub human: bool,
    /// Score at the start, 0..=100.
    pub start: f32,
    /// Score at the end, 0..=100.
    pub end: f32,
    /// Each objective: text, weight, value at start and end (0..=1).
    pub objectives: Vec<ObjectiveScore>,
}

/// One objective's result.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveScore {
    /// What it means.
    pub text: String,
    /// Its weight.
    pub weight: f32,
    /// How well it was met at the start, 0..=1.
    pub start: f32,
    /// How well it was met at the end, 0..=1.
    pub end: f32,
}

/// A line of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    /// Turn.
    pub turn: u32,
    /// "Mar 2010".
    pub date: String,
    /// What happened.
    pub text: String,
}

/// Whether a dynamic occurred, and why we say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The dynamic.
    pub dynamic: Dynamic,
    /// Whether it occurred.
    pub occurred: bool,
    /// First turn it showed.
    pub turn: Option<u32>,
    /// One sentence with the figures behind it.
    pub why: String,
}

/// The whole debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    /// Scenario title.
    pub title: String,
    /// The seed, to replay the game.
    pub seed: u64,
    /// Turns played.
    pub turns_played: u32,
    /// Scores, in party order.
    pub scores: Vec<PartyScore>,
    /// Key events and decisions.
    pub timeline: Vec<TimelineEntry>,
    /// The ten dynamics.
    pub findings: Vec<Finding>,
}

impl Debrief {
    /// Build the debrief of a session (finished or not).
    pub fn of(session: &mut Session) -> Debrief {
        let s = session.scenario();
        let game = &session.game;
        let history = game.history();
        let first = &history[0];
        let last = history.last().unwrap_or(first);
        let at = |state: &crate::sim::GameState| StateFacts {
            scenario: &s,
            state: state.clone(),
        };
        let (f0, f1) = (at(first), at(last));
        let scores = (0..s.parties.len())
            .map(PartyIx)
            .map(|p| PartyScore {
                party: p,
                name: s.parties[p.0].name.clone(),
                human: session.is_human(p),
                start: rules::score(&f0, p),
                end: rules::score(&f1, p),
                objectives: s.parties[p.0]
                    .objectives
                    .iter()
                    .map(|o| ObjectiveScore {
                        text: o.text.clone(),
                        weight: o.weight,
                        start: rules::goal_value(&f0, p, o.goal),
                        end: rules::goal_value(&f1, p, o.goal),
                    })
                    .collect(),
            })
            .collect();
        let timeline = timeline(&s, session);
        let findings = Dynamic::ALL
            .iter()
            .map(|d| {
                find(
                    *d,
                    &s,
                    session.game.observations(),
                    session.game.timeline(),
                    history,
                )
            })
            .collect();
        Debrief {
            title: s.title.clone(),
            seed: session.seed(),
            turns_played: last.turn,
            scores,
            timeline,
            findings,
        }
    }

    /// The debrief as lines of text, for the screen and the plain mode.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!("DEBRIEF — {}", self.title),
            format!(
                "{} turns played · seed {} (replay with --seed {})",
                self.turns_played, self.seed, self.seed
            ),
            String::new(),
            String::from("Scores against objectives (0–100; start → end):"),
        ];
        let mut ranked: Vec<&PartyScore> = self.scores.iter().collect();
        ranked.sort_by(|a, b| (b.end - b.start).total_cmp(&(a.end - a.start)));
        let width = ranked
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for sc in &ranked {
            out.push(format!(
                "  {:<width$} {:>5.1} → {:>5.1} ({:+.1}){}",
                sc.name,
                sc.start,
                sc.end,
                sc.end - sc.start,
                if sc.human { "  ← you" } else { "" }
            ));
        }
        for sc in self.scores.iter().filter(|s| s.human) {
            out.push(String::new());
            out.push(format!("Your objectives ({}):", sc.name));
            for o in &sc.objectives {
                out.push(format!(
                    "  {:>3.0}% → {:>3.0}%  {} (weight {})",
                    o.start * 100.0,
                    o.end * 100.0,
                    o.text,
                    o.weight
                ));
            }
        }
        out.push(String::new());
        out.push(String::from("Timeline:"));
        if self.timeline.is_empty() {
            out.push(String::from("  (nothing of note)"));
        }
        for t in &self.timeline {
            out.push(format!("  {:<8} {}", t.date, t.text));
        }
        out.push(String::new());
        let seen = self.findings.iter().filter(|f| f.occurred).count();
        out.push(format!("Dynamics at work ({seen} of 10):"));
        for f in &self.findings {
            let mark = if f.occurred { "✓" } else { "·" };
            let when = f
                .turn
                .map(|t| format!(" (from turn {t})"))
                .unwrap_or_default();
            out.push(format!("  {mark} {}{when}: {}", f.dynamic.name(), f.why));
        }
        out
    }
}

use crate::scenario::{Scenario, Stance};
use crate::sim::rules;
use crate::sim::{Moment, Observation, StateFacts, Target};

fn timeline(s: &Scenario, session: &Session) -> Vec<TimelineEntry> {
    let mut out = Vec::new();
    for m in session.game.timeline() {
        let (turn, text) = match m {
            Moment::EventFired { turn, event } => (*turn, s.events[event.0].title.clone()),
            Moment::Decided {
                turn,
                event,
                party,
                option,
            } => (
                *turn,
                format!(
                    "{} decides: {}{}",
                    s.parties[party.0].name,
                    s.events[event.0].options[*option].label,
                    if session.is_human(*party) {
                        " (you)"
                    } else {
                        ""
                    }
                ),
            ),
            Moment::Ordered { turn, order } if session.is_human(order.party) => (
                *turn,
                format!("You order: {}", crate::ui::text::order_label(s, order)),
            ),
            Moment::Ordered { .. } => continue,
        };
        out.push(TimelineEntry {
            turn,
            date: s.date_label(turn),
            text,
        });
    }
    out
}

/// Decide whether a dynamic occurred, from what the rules observed and from the history.
fn find(
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
                    if let Moment::Ordered { turn: t, order } = m {
                        if let (true, Target::Forum(f)) = (order.party.0 == p, order.target) {
                            if s.actions[order.action.0].stance == Stance::Cooperative
                                && !forums.contains(&f.0)
                            {
                                forums.push(f.0);
                                turn = *t;
                            }
                        }
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
                            crate::ui::text::stance_word(*st)
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
                yes(first, format!("{}.", o.text.trim_end_matches('.')))
            } else {
                not("no move was answered in kind.")
            }
        }
        _ => match seen.first() {
            Some(o) => yes(
                first,
                format!(
                    "{}{}.",
                    o.text.trim_end_matches('.'),
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
