//! Headless simulation: many games with the AI in every seat, played in parallel and summarised.
//!
//! Game `i` of a run with seed `S` always has the seed [`game_seed`]`(S, i)`, and results are
//! folded in game order, so the summary and the CSV are the same whatever the number of threads.
//! Games are played in chunks; only the figures the summary needs are kept (a few numbers per
//! game), so memory stays flat however many games are run.

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Serialize;

use crate::policy::Policy;
use crate::scenario::{ForumStatus, PartyIx, Scenario};
use crate::session::Session;
use crate::sim::{GameError, Moment};
use crate::whatif::Spread;

/// Seed of game `index` in a run seeded with `seed` (splitmix64 of both).
pub fn game_seed(seed: u64, index: usize) -> u64 {
    let mut z = seed.wrapping_add((index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One game's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GameRow {
    /// Index of the game in the run, from 0.
    pub game: usize,
    /// Its seed: `sixparty play SCENARIO --seed SEED` starts the same game.
    pub seed: u64,
    /// Each party's final score, in scenario order.
    pub scores: Vec<f32>,
    /// Each track's final value, in scenario order.
    pub(crate) tracks: Vec<f32>,
    /// For each event: `None` if it never fired, else the option its decider last chose
    /// (`Some(None)` for an event without options).
    pub events: Vec<Option<Option<usize>>>,
    /// For each forum: whether it broke down (went from in session to suspended or collapsed) at
    /// least once.
    pub(crate) broke_down: Vec<bool>,
    /// For each forum: its status at the end.
    pub(crate) final_status: Vec<ForumStatus>,
    /// For each action: how many times it was carried out.
    pub(crate) actions: Vec<u32>,
}

/// Play one game to the end with the AI in every seat, or the named policy where one is given.
pub fn play_one(
    scenario: &Arc<Scenario>,
    game: usize,
    seed: u64,
    policies: &[(PartyIx, Policy)],
) -> Result<GameRow, GameError> {
    let mut session = Session::with_policies(scenario.clone(), seed, Vec::new(), policies.to_vec());
    while !session.game.is_over() {
        session.start_turn()?;
        session.open_orders()?;
        session.end_turn()?;
    }
    let s = scenario;
    let mut events = vec![None; s.events.len()];
    let mut actions = vec![0; s.actions.len()];
    for m in session.game.timeline() {
        match m {
            Moment::EventFired { event, .. } => {
                events[event.0].get_or_insert(None);
            }
            Moment::Decided { event, option, .. } => events[event.0] = Some(Some(*option)),
            Moment::Ordered { order, .. } => actions[order.action.0] += 1,
        }
    }
    let history = session.game.history();
    let broke_down = (0..s.forums.len())
        .map(|f| {
            history.windows(2).any(|w| {
                w[0].forums[f].status == ForumStatus::Active
                    && matches!(
                        w[1].forums[f].status,
                        ForumStatus::Suspended | ForumStatus::Collapsed
                    )
            })
        })
        .collect();
    let state = session.game.state();
    Ok(GameRow {
        game,
        seed,
        scores: (0..s.parties.len())
            .map(|p| session.game.score(PartyIx(p)))
            .collect(),
        tracks: state.tracks.clone(),
        events,
        broke_down,
        final_status: state.forums.iter().map(|f| f.status).collect(),
        actions,
    })
}

/// How often an event fired and what was chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventTally {
    /// Event id.
    pub id: String,
    /// Games in which it fired.
    pub fired: usize,
    /// Games in which each option was chosen (by option index).
    pub(crate) options: Vec<usize>,
}

/// How a forum fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ForumTally {
    /// Forum id.
    pub(crate) id: String,
    /// Games in which it broke down at least once.
    pub(crate) broke_down: usize,
    /// Games that ended with it in session.
    pub(crate) active_at_end: usize,
}

/// A figure's spread, named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// Id of the party or track.
    pub id: String,
    /// Mean.
    pub mean: f32,
    /// Median.
    pub median: f32,
    /// 5th percentile.
    pub p5: f32,
    /// 95th percentile.
    pub p95: f32,
}

impl Named {
    fn of(id: &str, s: Spread) -> Named {
        Named {
            id: id.to_string(),
            mean: s.mean,
            median: s.median,
            p5: s.p5,
            p95: s.p95,
        }
    }
}

/// The summary of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Scenario id.
    pub(crate) scenario: String,
    /// Games played.
    pub runs: usize,
    /// Games asked for (more than `runs` when the run was stopped early).
    pub requested: usize,
    /// Whether the run was stopped (Ctrl-C) before every game asked for was played; the
    /// summary then covers games 0 to `runs - 1`, exactly as a run of `runs` games would.
    pub interrupted: bool,
    /// The run's seed.
    pub(crate) seed: u64,
    /// Each party's final score.
    pub scores: Vec<Named>,
    /// Each track's final value.
    pub tracks: Vec<Named>,
    /// Each event.
    pub events: Vec<EventTally>,
    /// Each forum.
    pub(crate) forums: Vec<ForumTally>,
    /// For each action id, the games in which it was carried out at least once.
    pub(crate) actions: Vec<(String, usize)>,
}

/// Folds rows, in game order, into a summary.
struct Tally {
    scores: Vec<Vec<f32>>,
    tracks: Vec<Vec<f32>>,
    events: Vec<EventTally>,
    forums: Vec<ForumTally>,
    actions: Vec<usize>,
    runs: usize,
}

impl Tally {
    fn new(s: &Scenario) -> Tally {
        Tally {
            scores: vec![Vec::new(); s.parties.len()],
            tracks: vec![Vec::new(); s.tracks.len()],
            events: s
                .events
                .iter()
                .map(|e| EventTally {
                    id: e.id.clone(),
                    fired: 0,
                    options: vec![0; e.options.len()],
                })
                .collect(),
            forums: s
                .forums
                .iter()
                .map(|f| ForumTally {
                    id: f.id.clone(),
                    broke_down: 0,
                    active_at_end: 0,
                })
                .collect(),
            actions: vec![0; s.actions.len()],
            runs: 0,
        }
    }

    fn add(&mut self, row: &GameRow) {
        self.runs += 1;
        for (v, x) in self.scores.iter_mut().zip(&row.scores) {
            v.push(*x);
        }
        for (v, x) in self.tracks.iter_mut().zip(&row.tracks) {
            v.push(*x);
        }
        for (t, e) in self.events.iter_mut().zip(&row.events) {
            if let Some(chosen) = e {
                t.fired += 1;
                if let Some(o) = chosen {
                    t.options[*o] += 1;
                }
            }
        }
        for (i, t) in self.forums.iter_mut().enumerate() {
            t.broke_down += usize::from(row.broke_down[i]);
            t.active_at_end += usize::from(row.final_status[i] == ForumStatus::Active);
        }
        for (n, a) in self.actions.iter_mut().zip(&row.actions) {
            *n += usize::from(*a > 0);
        }
    }

    fn summary(self, s: &Scenario, seed: u64, requested: usize) -> Summary {
        let named = |ids: Vec<&str>, values: &[Vec<f32>]| {
            ids.into_iter()
                .zip(values)
                .filter_map(|(id, v)| Spread::of(v).map(|sp| Named::of(id, sp)))
                .collect()
        };
        Summary {
            scenario: s.id.clone(),
            runs: self.runs,
            requested,
            interrupted: self.runs < requested,
            seed,
            scores: named(
                s.parties.iter().map(|p| p.id.as_str()).collect(),
                &self.scores,
            ),
            tracks: named(
                s.tracks.iter().map(|t| t.id.as_str()).collect(),
                &self.tracks,
            ),
            events: self.events,
            forums: self.forums,
            actions: s
                .actions
                .iter()
                .map(|a| a.id.clone())
                .zip(self.actions)
                .collect(),
        }
    }
}

/// Why a run could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SimulateError {
    /// The thread pool could not be built.
    #[error("could not start the worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// A game refused a step (a bug: AI seats only give legal orders).
    #[error("a game failed: {0}")]
    Game(#[from] GameError),
}

/// Play `runs` games seeded from `seed` on `jobs` threads (0: one per core), the AI in every seat
/// but those given a policy. Each row is handed to `on_row` in game order as soon as its chunk is
/// done (for a CSV), then dropped.
pub fn run(
    scenario: &Arc<Scenario>,
    runs: usize,
    seed: u64,
    jobs: usize,
    policies: &[(PartyIx, Policy)],
    on_row: impl FnMut(&GameRow),
) -> Result<Summary, SimulateError> {
    run_until(
        scenario,
        runs,
        seed,
        jobs,
        policies,
        &AtomicBool::new(false),
        on_row,
    )
}

/// [`run`], stopping early once `stop` is set (by a Ctrl-C handler): games not yet started are
/// skipped, and the summary covers the games played before the first one skipped, in game
/// order, so it is the summary a run of that many games would give.
pub fn run_until(
    scenario: &Arc<Scenario>,
    runs: usize,
    seed: u64,
    jobs: usize,
    policies: &[(PartyIx, Policy)],
    stop: &AtomicBool,
    mut on_row: impl FnMut(&GameRow),
) -> Result<Summary, SimulateError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let chunk = 64 * pool.current_num_threads().max(1);
    let mut tally = Tally::new(scenario);
    let mut start = 0;
    while start < runs {
        let end = (start + chunk).min(runs);
        let rows: Vec<Option<Result<GameRow, GameError>>> = pool.install(|| {
            (start..end)
                .into_par_iter()
                .map(|i| {
                    (!stop.load(Ordering::Relaxed))
                        .then(|| play_one(scenario, i, game_seed(seed, i), policies))
                })
                .collect()
        });
        for row in rows {
            // Games after the first skipped one are dropped, so the summary is of a prefix.
            let Some(row) = row else {
                return Ok(tally.summary(scenario, seed, runs));
            };
            let row = row?;
            on_row(&row);
            tally.add(&row);
        }
        start = end;
        if stop.load(Ordering::Relaxed) && start < runs {
            break;
        }
    }
    Ok(tally.summary(scenario, seed, runs))
}

/// The CSV header: game, seed, each party's score, each track, each event (the option chosen,
/// `fired` or empty), each forum's final status and breakdowns, each action's count.
pub fn csv_header(s: &Scenario) -> String {
    let mut cols = vec!["game".to_string(), "seed".to_string()];
    cols.extend(s.parties.iter().map(|p| format!("score_{}", p.id)));
    cols.extend(s.tracks.iter().map(|t| format!("track_{}", t.id)));
    cols.extend(s.events.iter().map(|e| format!("event_{}", e.id)));
    for f in &s.forums {
        cols.push(format!("forum_{}", f.id));
        cols.push(format!("broke_down_{}", f.id));
    }
    cols.extend(s.actions.iter().map(|a| format!("action_{}", a.id)));
    cols.join(",")
}

/// One game as a CSV line matching [`csv_header`]. Ids are plain words, so no quoting is needed.
pub fn csv_row(s: &Scenario, row: &GameRow) -> String {
    let mut cols = vec![row.game.to_string(), row.seed.to_string()];
    cols.extend(row.scores.iter().map(|x| format!("{x:.2}")));
    cols.extend(row.tracks.iter().map(|x| format!("{x:.2}")));
    cols.extend(row.events.iter().enumerate().map(|(i, e)| match e {
        None => String::new(),
        Some(None) => "fired".to_string(),
        Some(Some(o)) => s.events[i].options[*o].id.clone(),
    }));
    for (st, broke) in row.final_status.iter().zip(&row.broke_down) {
        cols.push(format!("{st:?}").to_lowercase());
        cols.push(u8::from(*broke).to_string());
    }
    cols.extend(row.actions.iter().map(ToString::to_string));
    cols.join(",")
}

impl Summary {
    /// The summary as lines for a terminal.
    pub fn lines(&self, s: &Scenario) -> Vec<String> {
        let mut out = vec![format!(
            "{}: {} all-AI games, seed {}",
            s.title, self.runs, self.seed
        )];
        if self.interrupted && self.runs == 0 {
            out.push(format!(
                "Stopped before any of the {} games was played.",
                self.requested
            ));
        } else if self.interrupted {
            out.push(format!(
                "Stopped after {} of {} games: the figures below are of those {} (games 0 to {}).",
                self.runs,
                self.requested,
                self.runs,
                self.runs.saturating_sub(1)
            ));
        }
        let table = |out: &mut Vec<String>, title: &str, rows: Vec<(&str, &Named)>| {
            out.push(String::new());
            out.push(format!(
                "{title:<40} {:>7} {:>7} {:>7} {:>7}",
                "mean", "median", "5%", "95%"
            ));
            for (name, n) in rows {
                out.push(format!(
                    "{name:<40} {:>7.1} {:>7.1} {:>7.1} {:>7.1}",
                    n.mean, n.median, n.p5, n.p95
                ));
            }
        };
        table(
            &mut out,
            "final score",
            s.parties
                .iter()
                .map(|p| p.name.as_str())
                .zip(&self.scores)
                .collect(),
        );
        table(
            &mut out,
            "track at the end",
            s.tracks
                .iter()
                .map(|t| t.name.as_str())
                .zip(&self.tracks)
                .collect(),
        );
        let pct = |k: usize| 100.0 * k as f32 / self.runs.max(1) as f32;
        out.push(String::new());
        out.push("events (share of games in which each fired; the choices made)".to_string());
        for (t, e) in self.events.iter().zip(&s.events) {
            let mut line = format!("  {:>5.1}%  {}", pct(t.fired), e.title);
            let chosen: Vec<String> = t
                .options
                .iter()
                .zip(&e.options)
                .filter(|(n, _)| **n > 0)
                .map(|(n, o)| format!("{} {:.0}%", o.id, pct(*n)))
                .collect();
            if !chosen.is_empty() {
                let _ = write!(line, " ({})", chosen.join(", "));
            }
            out.push(line);
        }
        out.push(String::new());
        out.push("forums (share of games)".to_string());
        for (t, f) in self.forums.iter().zip(&s.forums) {
            out.push(format!(
                "  {:<40} broke down {:>5.1}%   in session at the end {:>5.1}%",
                f.name,
                pct(t.broke_down),
                pct(t.active_at_end)
            ));
        }
        out.push(String::new());
        out.push("actions (share of games in which each was carried out)".to_string());
        for ((_, n), a) in self.actions.iter().zip(&s.actions) {
            out.push(format!("  {:>5.1}%  {}", pct(*n), a.name));
        }
        out
    }
}
