//! The debrief's views of a game over time: the timeline of key events and decisions, and the
//! figures turn by turn.

use crate::scenario::{PartyIx, Scenario};
use crate::session::Session;
use crate::sim::rules;
use crate::sim::{GameState, Moment, StateFacts};

use super::{Line, Series, TimelineEntry};

pub(super) fn timeline(s: &Scenario, session: &Session) -> Vec<TimelineEntry> {
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

/// Figures over time from the game's history.
pub(super) fn series(s: &Scenario, history: &[GameState], humans: &[PartyIx]) -> Series {
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
