//! The debrief: scores against objectives, the timeline, and which dynamics occurred and why.

use std::sync::Arc;

use crate::scenario::{ForumStatus, PartyIx, Scenario};
use crate::session::Session;
use crate::sim::rules;
use crate::sim::{Dynamic, GameError, StateFacts};
use crate::whatif::{self, SeatComparison, TurningPoint};

mod dynamics;
pub mod export;
mod lines;
mod timeline;

use dynamics::{find, interview_note};
use lines::{questions, weighed_lines};
use timeline::{series, timeline};

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

/// `text` with its first letter capitalised.
fn capital(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
