//! `sixparty replay`: re-play a save from its seed and the humans' choices with today's engine,
//! and compare with what it recorded.
//!
//! A save written by this build (this format, this program, never resumed from another's save)
//! must be reached byte for byte: anything else means the file was edited (or the engine is not
//! deterministic), and is an error. A save written by another program or in an older format was
//! played by another engine: the replay tells whether today's engine plays it the same, or the
//! first turn where it differs — which is not an error, since loading resumes such a save from
//! its recorded state.

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use super::{SAVE_FORMAT, SaveError, SaveFile, audit, writer};
use crate::session::{Resumed, Session};
use crate::sim::engine::Snapshot;

/// What a replay found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A save of this build: the replay reaches the recorded game byte for byte.
    Verified,
    /// A save (or a part of the game) played by another program or format: today's engine plays
    /// it the same.
    Same {
        /// Who played it.
        by: Resumed,
    },
    /// A save (or a part of the game) played by another program or format: today's engine
    /// plays it differently from `turn` on (0: from the start).
    Differs {
        /// Who played it.
        by: Resumed,
        /// The first turn whose outcome differs.
        turn: u32,
        /// What differs first.
        what: String,
    },
}

/// The outcome of [`check_replay`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplayCheck {
    /// The turn the save stands at.
    pub(crate) turn: u32,
    /// Its date.
    pub(crate) date: String,
    /// Whether the replay reaches it.
    pub verdict: Verdict,
}

impl fmt::Display for ReplayCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = |by: &Resumed| {
            let older = if by.format < SAVE_FORMAT {
                ", an older format"
            } else {
                ""
            };
            if by.turn == self.turn {
                format!(
                    "This save was written by {} (format {}{older})",
                    by.written_by, by.format
                )
            } else {
                format!(
                    "Turns up to {} of this game were played by {} (format {}{older}) and resumed from its save",
                    by.turn, by.written_by, by.format
                )
            }
        };
        match &self.verdict {
            Verdict::Verified => write!(
                f,
                "Replay verified: it reaches the saved state exactly (turn {}, {}).",
                self.turn, self.date
            ),
            Verdict::Same { by } => write!(
                f,
                "{}; today's engine plays it the same: the replay reaches the saved state (turn {}, {}).",
                who(by),
                self.turn,
                self.date
            ),
            Verdict::Differs { by, turn, what } => {
                let from = if *turn == 0 {
                    String::from("from the start")
                } else {
                    format!("from turn {turn}")
                };
                write!(
                    f,
                    "{}; today's engine differs {from} ({what}), so the months above are today's replay up to there. Loading it resumes from its recorded state.",
                    who(by)
                )
            }
        }
    }
}

/// Re-play a save from its seed and choices and compare with what it recorded (see the module's
/// documentation). `each_turn` sees the replay after every finished turn, up to the first turn
/// that differs from the recorded game. Errors: the save does not load its scenario or seats, its
/// choice log is damaged, or — for a save of this build only — the replay refuses a choice or
/// does not reach the recorded game.
pub fn check_replay(
    file: &SaveFile,
    path: &str,
    mut each_turn: impl FnMut(&Session),
) -> Result<ReplayCheck, SaveError> {
    let super::Seats {
        scenario,
        humans,
        policies,
    } = file.seats(path)?;
    audit::check(&file.choices, &scenario).map_err(|problem| SaveError::Broken {
        path: path.to_owned(),
        problem: format!("the choice log: {problem}"),
    })?;
    // Who played the game, if not this build: the oldest program it was resumed from, else the
    // file's writer.
    let by = file.resumed.first().cloned().or_else(|| {
        (file.format != SAVE_FORMAT || file.written_by != writer()).then(|| Resumed {
            written_by: file.written_by.clone(),
            format: file.format,
            turn: file.turn,
        })
    });
    let recorded = &file.game;
    let mut first_diff: Option<u32> = None;
    let replayed = Session::replay_with_policies(
        Arc::clone(&scenario),
        file.seed,
        humans,
        policies,
        &file.choices,
        file.turn,
        file.position.into(),
        |session| {
            if first_diff.is_some() {
                return;
            }
            each_turn(session);
            let t = session.game.turn();
            if recorded.history.get(t as usize) != session.game.history().last() {
                first_diff = Some(t);
            }
        },
    );
    let done = |verdict| ReplayCheck {
        turn: file.turn,
        date: file.date.clone(),
        verdict,
    };
    let mut session = match replayed {
        Ok(session) => session,
        Err(source) => {
            let Some(by) = by else {
                return Err(SaveError::Replay {
                    path: path.to_owned(),
                    source,
                });
            };
            return Ok(done(Verdict::Differs {
                by,
                turn: first_diff.map_or(source.turn(), |t| t.min(source.turn())),
                what: source.to_string(),
            }));
        }
    };
    let difference = first_difference(recorded, &session.game.snapshot(), file.format >= 2);
    Ok(done(match (difference, by) {
        (None, None) => Verdict::Verified,
        (Some((_, what)), None) => {
            return Err(SaveError::Mismatch {
                path: path.to_owned(),
                what,
            });
        }
        (None, Some(by)) => Verdict::Same { by },
        (Some((turn, what)), Some(by)) => Verdict::Differs {
            by,
            turn: first_diff.map_or(turn, |t| t.min(turn)),
            what,
        },
    }))
}

/// The first difference between a recorded game and its replay, as (turn, what): the first turn
/// whose end state differs, else what differs in the month in progress. With `complete`, every
/// part of the snapshot is compared as it serialises (byte for byte); without (a format-1 save,
/// which recorded less), only the state, the dice, the phase, the history and the timeline.
pub(super) fn first_difference(
    recorded: &Snapshot,
    replayed: &Snapshot,
    complete: bool,
) -> Option<(u32, String)> {
    if let Some(t) = recorded
        .history
        .iter()
        .zip(&replayed.history)
        .position(|(a, b)| a != b)
    {
        return Some((t as u32, format!("first at the end of turn {t}")));
    }
    let (a, b) = (recorded.history.len(), replayed.history.len());
    if a != b {
        return Some((
            a.min(b) as u32,
            format!(
                "{} turns recorded, {} replayed",
                a.saturating_sub(1),
                b.saturating_sub(1)
            ),
        ));
    }
    let turn = recorded.state.turn;
    let at = |what: &str| Some((turn, what.to_owned()));
    if recorded.state != replayed.state {
        return Some((turn, format!("in the state of turn {turn}")));
    }
    if recorded.phase != replayed.phase {
        return at("in where the turn stood");
    }
    if recorded.dice != replayed.dice || ron_of(&recorded.timeline) != ron_of(&replayed.timeline) {
        return at("in the dice or the timeline");
    }
    if !complete {
        return None;
    }
    let parts: [(&str, String, String); 5] = [
        (
            "in the decisions of the month",
            ron_of(&(&recorded.pending, &recorded.decisions)),
            ron_of(&(&replayed.pending, &replayed.decisions)),
        ),
        (
            "in the orders of the month",
            ron_of(&recorded.orders),
            ron_of(&replayed.orders),
        ),
        (
            "in the news of the month",
            ron_of(&(&recorded.chronicle, &recorded.trust_at_start)),
            ron_of(&(&replayed.chronicle, &replayed.trust_at_start)),
        ),
        (
            "in the last turn's report",
            ron_of(&recorded.report),
            ron_of(&replayed.report),
        ),
        (
            "in the observations",
            ron_of(&recorded.observations),
            ron_of(&replayed.observations),
        ),
    ];
    parts
        .into_iter()
        .find(|(_, a, b)| a != b)
        .and_then(|(what, _, _)| at(what))
}

/// A value as RON, to compare values by what a save writes of them.
fn ron_of<T: Serialize>(value: &T) -> String {
    // The game's data always serialises; were it not to, both sides would compare as empty and
    // the other comparisons still stand.
    ron::to_string(value).unwrap_or_default()
}
