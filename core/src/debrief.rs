//! The debrief: scores against objectives, the timeline, and which dynamics occurred and why.

use std::sync::Arc;

use crate::scenario::{ForumStatus, PartyIx};
use crate::session::Session;
use crate::sim::{Dynamic, GameError, GameState};
use crate::whatif::{self, SeatComparison, TurningPoint};

pub mod export;

/// A party's score at the start and the end.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyScore {
    /// The party.
    pub(crate) party: PartyIx,
    /// Its name.
    pub(crate) name: String,
    /// Played by a person.
    pub(crate) human: bool,
    /// Score at the start, 0..=100.
    pub(crate) start: f32,
    /// Score at the end, 0..=100.
    pub(crate) end: f32,
    /// Each objective: text, weight, value at start and end (0..=1).
    pub(crate) objectives: Vec<ObjectiveScore>,
}

/// One objective's result.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ObjectiveScore {
    /// What it means.
    pub(crate) text: String,
    /// Its weight.
    pub(crate) weight: f32,
    /// How well it was met at the start, 0..=1.
    pub(crate) start: f32,
    /// How well it was met at the end, 0..=1.
    pub(crate) end: f32,
}

/// A line of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TimelineEntry {
    /// Turn.
    pub(crate) turn: u32,
    /// "Mar 2010".
    pub(crate) date: String,
    /// What happened.
    pub(crate) text: String,
}

/// Whether a dynamic occurred, and why we say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The dynamic.
    pub dynamic: Dynamic,
    /// Whether it occurred.
    pub occurred: bool,
    /// First turn it showed.
    pub(crate) turn: Option<u32>,
    /// One sentence with the figures behind it.
    pub why: String,
}

/// The whole debrief.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    /// Scenario title.
    pub(crate) title: String,
    /// The seed, to replay the game.
    pub(crate) seed: u64,
    /// Turns played.
    pub(crate) turns_played: u32,
    /// Scores, in party order.
    pub scores: Vec<PartyScore>,
    /// Key events and decisions.
    pub(crate) timeline: Vec<TimelineEntry>,
    /// The ten dynamics.
    pub findings: Vec<Finding>,
    /// What became of the forums and tracks.
    pub(crate) outcome: Outcome,
    /// Figures turn by turn, for charts and the CSV export.
    pub(crate) series: Series,
    /// The what-if figures, once [`Debrief::weigh`] has run.
    pub(crate) weighed: Option<Weighed>,
    /// Questions for a class discussion, drawn from what happened.
    pub(crate) questions: Vec<String>,
}

/// A forum at the start and the end.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ForumOutcome {
    /// Name.
    pub(crate) name: String,
    /// Status at the start and the end.
    pub(crate) status: (ForumStatus, ForumStatus),
    /// Habit at the start and the end.
    pub(crate) habit: (f32, f32),
    /// Sessions held during the game.
    pub(crate) sessions: u32,
}

/// A track at the start and the end.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TrackOutcome {
    /// Name.
    pub(crate) name: String,
    /// Value at the start and the end.
    pub(crate) value: (f32, f32),
}

/// What became of the region's institutions and questions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// Each forum.
    pub(crate) forums: Vec<ForumOutcome>,
    /// Each track.
    pub(crate) tracks: Vec<TrackOutcome>,
}

/// One named line of figures, one value per turn from the start (index 0) to the last turn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// What it measures.
    pub(crate) name: String,
    /// Values by turn.
    pub(crate) values: Vec<f32>,
}

/// Figures over time.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Series {
    /// Dates by turn ("start", "Jan 2010", …).
    pub(crate) dates: Vec<String>,
    /// Each party's score.
    pub(crate) scores: Vec<Line>,
    /// Each track.
    pub(crate) tracks: Vec<Line>,
    /// Trust between chosen pairs: each human seat with every other party, both ways (with no
    /// human seat, the first party's).
    pub(crate) trust: Vec<Line>,
    /// Each forum's habit.
    pub(crate) habits: Vec<Line>,
    /// Each alliance's commitment and the client's fear of abandonment.
    pub(crate) alliances: Vec<Line>,
}

/// The what-if figures: each human seat beside the AI, and its turning point.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighed {
    /// Continuations behind each figure.
    pub(crate) runs: usize,
    /// Each human seat's score beside the AI's in the same seat.
    pub(crate) seats: Vec<SeatComparison>,
    /// Each human seat's turning point.
    pub(crate) turning: Vec<(PartyIx, Option<TurningPoint>)>,
    /// The above in words.
    pub(crate) lines: Vec<String>,
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
        let outcome = Outcome {
            forums: s
                .forums
                .iter()
                .enumerate()
                .map(|(i, f)| ForumOutcome {
                    name: f.name.clone(),
                    status: (first.forums[i].status, last.forums[i].status),
                    habit: (first.forums[i].habit, last.forums[i].habit),
                    sessions: last.forums[i].sessions - first.forums[i].sessions,
                })
                .collect(),
            tracks: s
                .tracks
                .iter()
                .enumerate()
                .map(|(i, t)| TrackOutcome {
                    name: t.name.clone(),
                    value: (first.tracks[i], last.tracks[i]),
                })
                .collect(),
        };
        let series = series(&s, history, session.humans());
        let mut d = Debrief {
            title: s.title.clone(),
            seed: session.seed(),
            turns_played: last.turn,
            scores,
            timeline,
            findings,
            outcome,
            series,
            weighed: None,
            questions: Vec::new(),
        };
        d.questions = questions(&d, &s);
        d
    }

    /// Add the what-if figures: each human seat's score beside the AI's in the same seat, and
    /// its turning point, each measured by `runs` AI continuations. Costs a few hundred games.
    pub fn weigh(&mut self, session: &mut Session, runs: usize) -> Result<(), GameError> {
        let w = WhatIf::of(session).weigh(runs)?;
        self.add_weighed(&session.scenario(), w);
        Ok(())
    }

    /// Add what-if figures computed elsewhere (e.g. on a background thread).
    pub fn add_weighed(&mut self, s: &Scenario, w: Option<Weighed>) {
        if let Some(w) = w {
            self.weighed = Some(w);
            self.questions = questions(self, s);
        }
    }
}

/// What the what-if runs need from a finished session: owned, so they can run on another
/// thread while the debrief is already on screen.
#[derive(Debug, Clone)]
pub struct WhatIf {
    scenario: Arc<Scenario>,
    seed: u64,
    humans: Vec<PartyIx>,
    choices: Vec<crate::session::HumanChoice>,
    actual: Vec<f32>,
    finished: bool,
}

impl WhatIf {
    /// Take what is needed from a session.
    pub fn of(session: &mut Session) -> WhatIf {
        let scenario = session.scenario();
        let actual = (0..scenario.parties.len())
            .map(|p| session.game.score(PartyIx(p)))
            .collect();
        WhatIf {
            finished: session.game.is_over(),
            seed: session.seed(),
            humans: session.humans().to_vec(),
            choices: session.choices().to_vec(),
            scenario,
            actual,
        }
    }

    /// Run the what-if games: `None` with no human seat, no runs, or a game not finished (its
    /// scores are not final, so there is nothing to set the AI's results beside).
    pub fn weigh(&self, runs: usize) -> Result<Option<Weighed>, GameError> {
        let s = &self.scenario;
        if self.humans.is_empty() || runs == 0 || !self.finished {
            return Ok(None);
        }
        let seats = whatif::compare_seats(s, self.seed, &self.humans, &self.actual, runs)?;
        let turning = whatif::turning_points(s, self.seed, &self.humans, &self.choices, runs)?;
        let mut w = Weighed {
            runs,
            seats,
            turning,
            lines: Vec::new(),
        };
        w.lines = weighed_lines(&w, s);
        Ok(Some(w))
    }
}

/// The what-if part of the debrief in words.
fn weighed_lines(w: &Weighed, s: &Scenario) -> Vec<String> {
    {
        let mut out = vec![format!(
            "You beside the AI (what-if: {} AI games for each figure):",
            w.runs
        )];
        for c in &w.seats {
            let name = &s.parties[c.party.0].name;
            out.push(format!(
                "  {name}: your score {:.1}; the AI in your seat, same dice, {:.1}{}",
                c.actual,
                c.ai_same_seed,
                c.spread().map_or(String::new(), |sp| format!(
                    "; with other dice {:.1} on average ({:.1}–{:.1})",
                    sp.mean, sp.p5, sp.p95
                ))
            ));
        }
        for (p, tp) in &w.turning {
            let name = &s.parties[p.0].name;
            match tp {
                Some(tp) => out.push(format!(
                    "  Turning point for {name}: {} — you chose \"{}\"; \"{}\" would have left you {:.1} points {} on average ({:.1} → {:.1}).",
                    s.date_label(tp.turn),
                    tp.chose,
                    tp.alternative,
                    tp.delta().abs(),
                    if tp.delta() >= 0.0 { "better off" } else { "worse off" },
                    tp.actual,
                    tp.instead
                )),
                None => out.push(format!(
                    "  Turning point for {name}: none — no choice of yours had an alternative to weigh."
                )),
            }
        }
        out
    }
}

impl Debrief {
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
        if let Some(w) = &self.weighed {
            out.push(String::new());
            out.extend(w.lines.iter().cloned());
        }
        out.push(String::new());
        out.push(String::from(
            "What became of the forums and the region's questions:",
        ));
        for f in &self.outcome.forums {
            let (a, b) = f.status;
            let status = if a == b {
                format!("{a:?}").to_lowercase()
            } else {
                format!("{a:?} → {b:?}").to_lowercase()
            };
            out.push(format!(
                "  {:<36} {status}; habit {:.0} → {:.0}; {} session{}",
                f.name,
                f.habit.0,
                f.habit.1,
                f.sessions,
                if f.sessions == 1 { "" } else { "s" }
            ));
        }
        for t in &self.outcome.tracks {
            out.push(format!(
                "  {:<36} {:.0} → {:.0} ({:+.0})",
                t.name,
                t.value.0,
                t.value.1,
                t.value.1 - t.value.0
            ));
        }
        out.push(String::new());
        out.push(String::from(
            "Over time (start → end; each line scaled between its own low and high):",
        ));
        let series = &self.series;
        let groups: [(&str, &Vec<Line>); 5] = [
            ("Scores", &series.scores),
            ("Tracks", &series.tracks),
            ("Trust", &series.trust),
            ("Forum habits", &series.habits),
            ("Alliances", &series.alliances),
        ];
        for (title, lines) in groups {
            if lines.is_empty() {
                continue;
            }
            out.push(format!("  {title}:"));
            let width = lines
                .iter()
                .map(|l| l.name.chars().count())
                .max()
                .unwrap_or(0)
                .min(34);
            for l in lines {
                let (Some(a), Some(b)) = (l.values.first(), l.values.last()) else {
                    continue;
                };
                let name: String = if l.name.chars().count() > width {
                    l.name.chars().take(width - 1).chain(['…']).collect()
                } else {
                    l.name.clone()
                };
                out.push(format!(
                    "    {name:<width$} {:>4.0} {} {}",
                    rules::tidy(*a, 0),
                    export::sparkline(&l.values),
                    rules::tidy(*b, 0)
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
            if f.occurred {
                out.push(format!("      {}", interview_note(f.dynamic)));
            }
        }
        if !self.questions.is_empty() {
            out.push(String::new());
            out.push(String::from("For discussion:"));
            for (i, q) in self.questions.iter().enumerate() {
                out.push(format!("  {}. {q}", i + 1));
            }
        }
        out
    }
}

use crate::narrate;
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
                format!("You order: {}", crate::text::order_label(s, order)),
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

/// Figures over time from the game's history.
fn series(s: &Scenario, history: &[GameState], humans: &[PartyIx]) -> Series {
    let facts = |st: &GameState| StateFacts {
        scenario: s,
        state: st.clone(),
    };
    let line = |name: String, f: &dyn Fn(&GameState) -> f32| Line {
        name,
        values: history.iter().map(f).collect(),
    };
    let dates = history
        .iter()
        .map(|st| {
            if st.turn == 0 {
                "start".to_string()
            } else {
                s.date_label(st.turn)
            }
        })
        .collect();
    let scores = (0..s.parties.len())
        .map(|p| {
            line(s.parties[p].name.clone(), &|st| {
                rules::score(&facts(st), PartyIx(p))
            })
        })
        .collect();
    let tracks = (0..s.tracks.len())
        .map(|t| line(s.tracks[t].name.clone(), &|st| st.tracks[t]))
        .collect();
    let seats: Vec<PartyIx> = if humans.is_empty() {
        vec![PartyIx(0)]
    } else {
        humans.to_vec()
    };
    let mut trust = Vec::new();
    for a in &seats {
        for b in (0..s.parties.len()).map(PartyIx).filter(|b| b != a) {
            let (an, bn) = (&s.parties[a.0].short, &s.parties[b.0].short);
            trust.push(line(format!("trust {an}→{bn}"), &|st| st.trust[a.0][b.0]));
            trust.push(line(format!("trust {bn}→{an}"), &|st| st.trust[b.0][a.0]));
        }
    }
    let habits = (0..s.forums.len())
        .map(|f| line(s.forums[f].name.clone(), &|st| st.forums[f].habit))
        .collect();
    let mut alliances = Vec::new();
    for (i, al) in s.alliances.iter().enumerate() {
        let pair = format!(
            "{}–{}",
            s.parties[al.patron.0].short, s.parties[al.client.0].short
        );
        alliances.push(line(format!("{pair} commitment"), &|st| {
            st.alliances[i].figures[0]
        }));
        alliances.push(line(format!("{pair} fear of abandonment"), &|st| {
            st.alliances[i].figures[1]
        }));
    }
    Series {
        dates,
        scores,
        tracks,
        trust,
        habits,
        alliances,
    }
}

/// Three questions for a class, drawn from what happened in this game.
fn questions(d: &Debrief, s: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(w) = &d.weighed {
        for (p, tp) in &w.turning {
            if let Some(tp) = tp {
                out.push(format!(
                    "In {}, {} chose \"{}\". The what-if runs say \"{}\" would have changed its score by {:+.1} on average. Why did that choice matter so much, and what would you have needed to know to choose differently?",
                    s.date_label(tp.turn),
                    s.parties[p.0].name,
                    tp.chose,
                    tp.alternative,
                    tp.delta()
                ));
            }
        }
    }
    let occurred = |dy: Dynamic| d.findings.iter().find(|f| f.dynamic == dy && f.occurred);
    let worst = d
        .scores
        .iter()
        .min_by(|a, b| (a.end - a.start).total_cmp(&(b.end - b.start)));
    let best_forum = d
        .outcome
        .forums
        .iter()
        .max_by(|a, b| (a.habit.1 - a.habit.0).total_cmp(&(b.habit.1 - b.habit.0)));
    let candidates: Vec<Option<String>> = vec![
        occurred(Dynamic::RedLines).map(|f| format!(
            "A red line was crossed ({}). Was raising the matter worth what it cost the forum? When should a forum keep a topic off its agenda?",
            f.why.trim_end_matches('.')
        )),
        occurred(Dynamic::AllianceSecurityDilemma).map(|_| {
            "A patron reassured an ally, and others felt more threatened. How can a patron calm an ally's fear of abandonment without binding itself to the ally's quarrels or alarming its rivals?".to_string()
        }),
        occurred(Dynamic::IssueLinkage).map(|f| format!(
            "A bilateral quarrel spilled into the forums ({}). Should cooperation on a shared problem be shielded from other disputes, and can it be?",
            f.why.trim_end_matches('.')
        )),
        best_forum.filter(|f| f.sessions >= 2).map(|f| format!(
            "The {} met {} times and its habit went from {:.0} to {:.0}. What does a habit of meeting buy when the meetings settle little?",
            f.name, f.sessions, f.habit.0, f.habit.1
        )),
        occurred(Dynamic::SecurityDilemma).map(|f| format!(
            "{} What could the others have done to make that rise less alarming, and what could the rising power have done?",
            capital(f.why.trim_end_matches('.')) + "."
        )),
        occurred(Dynamic::Brinkmanship).map(|_| {
            "A weak party pressed its stronger neighbours and was paid for it. Did paying calm it or invite the next provocation? What else could the others have done?".to_string()
        }),
        worst.map(|w| format!(
            "{} ended {:+.1} from where it started, the worst result at the table. Was that its own choices, the others', or the dice? What would you have done in its seat?",
            w.name,
            w.end - w.start
        )),
    ];
    out.extend(candidates.into_iter().flatten());
    out.truncate(3);
    out
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
