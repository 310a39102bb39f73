//! Tournaments: policies against each other on a scenario, the way Axelrod's tournaments
//! compared strategies in the iterated prisoner's dilemma.
//!
//! On a two-party scenario every pair of policies (self-play included) plays `repetitions`
//! matches, the first policy of the pair in the first seat. On a scenario of more parties, each
//! policy takes each seat in turn against the default AI in the other seats, and is compared
//! with the default AI in that same seat on the same seed. A party's score is its payoff track
//! when the scenario names one (`payoff`), otherwise its objective score (0..100).
//!
//! Every match's seed is derived from the tournament's seed, the pair (or seat) and the
//! repetition, so the same arguments give the same results whatever the number of threads.

use std::sync::Arc;

use serde::Serialize;

use crate::policy::Policy;
use crate::scenario::{PartyIx, Scenario, Stance};
use crate::session::Session;
use crate::sim::{GameError, Target};

/// What to play.
#[derive(Debug, Clone)]
pub struct Spec {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// The policies, in the order given.
    pub policies: Vec<Policy>,
    /// Turns of each match (default: the scenario's).
    pub turns: Option<u32>,
    /// Matches per pair (or per seat).
    pub repetitions: u32,
    /// Seed the matches' seeds are derived from.
    pub seed: u64,
    /// Threads to play on (1 or more; the result does not depend on it).
    pub jobs: usize,
    /// Let one match stand for the other repetitions of its pairing when it could not have
    /// depended on its seed (no dice rolled, no policy that reads the seed), as the Axelrod
    /// library does for deterministic matches. The result is the same either way; off, every
    /// match is played (`--play-all`).
    pub reuse: bool,
}

/// Why a tournament cannot be played.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TournamentError {
    /// No policy was named.
    #[error("name at least one policy with --policy; the policies are: {}", Policy::names().join(", "))]
    NoPolicy,
    /// Zero repetitions or turns, or too many turns.
    #[error("{0}")]
    Bad(String),
    /// A scenario of fewer than two parties.
    #[error("a tournament needs a scenario of at least two parties")]
    TooFewParties,
    /// The game refused a step (a bug if it happens).
    #[error("a match could not be played: {0}")]
    Game(#[from] GameError),
}

/// One match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The policy in the first seat (two parties), or the policy tried in `seat`.
    pub(crate) a: String,
    /// The policy in the second seat, or `default AI` in the same seat on the same seed.
    pub(crate) b: String,
    /// The seat `a` played, on a scenario of more than two parties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) seat: Option<String>,
    /// `a`'s score.
    pub score_a: f32,
    /// `b`'s score.
    pub score_b: f32,
    /// Share of `a`'s orders aimed at parties that were cooperative.
    pub(crate) cooperation_a: f32,
    /// Share of `b`'s orders aimed at parties that were cooperative.
    pub(crate) cooperation_b: f32,
    /// Repetition, from 0.
    pub(crate) repetition: u32,
    /// The match's seed.
    pub(crate) seed: u64,
}

/// One policy's line of the ranked table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// Policy name.
    pub policy: String,
    /// Mean score over its matches against the other policies (self-play is played and
    /// listed but, as in the Axelrod library's results, not counted, unless it is the only
    /// match there is).
    pub(crate) mean_score: f32,
    /// Mean score per turn.
    pub per_turn: f32,
    /// Matches in which it scored more than its opponent.
    pub(crate) wins: u32,
    /// Matches counted.
    pub(crate) matches: u32,
    /// Share of its orders aimed at parties that were cooperative.
    pub(crate) cooperation: f32,
}

/// The result of a tournament.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Scenario id.
    pub(crate) scenario: String,
    /// Turns of each match.
    pub(crate) turns: u32,
    /// Repetitions.
    pub(crate) repetitions: u32,
    /// The tournament's seed.
    pub(crate) seed: u64,
    /// Every match, in a fixed order.
    pub matches: Vec<Match>,
    /// The policies ranked by mean score (ties: more wins first, then the order given).
    pub summary: Vec<Standing>,
    /// Matches actually played; the others repeat a played match of the same pairing that
    /// could not have depended on its seed ([`Spec::reuse`]).
    pub played: usize,
}

/// Most turns a match may have.
pub(crate) const MAX_TURNS: u32 = 10_000;

/// A seed for one match, from the tournament's seed and the match's place (splitmix64).
pub(crate) fn match_seed(seed: u64, pairing: u64, repetition: u64) -> u64 {
    let mut z = seed;
    for x in [pairing, repetition] {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15).wrapping_add(x);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
    }
    z
}

/// What one game left for a seat: its score and its cooperative and competitive orders.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SeatResult {
    /// Its tournament score ([`score_of`]).
    pub(crate) score: f32,
    /// Cooperative orders it aimed at parties.
    pub(crate) cooperative: u32,
    /// Competitive orders it aimed at parties.
    pub(crate) competitive: u32,
}

impl SeatResult {
    /// Share of its orders aimed at parties that were cooperative (0 if it gave none).
    pub(crate) fn cooperation(self) -> f32 {
        let n = self.cooperative + self.competitive;
        if n == 0 {
            0.0
        } else {
            self.cooperative as f32 / n as f32
        }
    }
}

/// Play one game to the end with these policy seats; every seat's result.
pub fn play_game(
    scenario: &Arc<Scenario>,
    seed: u64,
    seats: Vec<(PartyIx, Policy)>,
) -> Result<Vec<SeatResult>, GameError> {
    let mut session = Session::with_policies(scenario.clone(), seed, Vec::new(), seats);
    Ok(play_out(&mut session)?.seats)
}

/// What [`play_out`] found.
struct Played {
    /// Every seat's result.
    seats: Vec<SeatResult>,
    /// Whether the game would have gone the same with any seed: the engine never rolled its
    /// dice and no seat's policy reads the seed.
    seed_free: bool,
}

/// Play a session's game to the end; every seat's result.
fn play_out(session: &mut Session) -> Result<Played, GameError> {
    let scenario = session.scenario();
    while !session.game.is_over() {
        session.start_turn()?;
        session.open_orders()?;
        // The game's own end of turn: the session's would copy the turn's report, unread here.
        session.game.end_turn()?;
    }
    let s = &scenario;
    let mut out = vec![SeatResult::default(); s.parties.len()];
    for h in session.game.history().iter().skip(1) {
        for o in &h.record.orders {
            if let Target::Party(_) = o.target {
                match s.actions[o.action.0].stance {
                    Stance::Cooperative => out[o.party.0].cooperative += 1,
                    Stance::Competitive => out[o.party.0].competitive += 1,
                    _ => {}
                }
            }
        }
    }
    let last = session.game.state();
    for (p, r) in out.iter_mut().enumerate() {
        r.score = score_of(s, &last, PartyIx(p));
    }
    let seed_free =
        !session.game.dice_rolled() && session.policies().iter().all(|(_, p)| !p.reads_seed());
    Ok(Played {
        seats: out,
        seed_free,
    })
}

/// A party's tournament score: its payoff track if the scenario names one, else its objective
/// score.
pub fn score_of(s: &Scenario, state: &crate::sim::GameState, p: PartyIx) -> f32 {
    match s.parties[p.0].payoff {
        Some(t) => state.tracks[t.0],
        None => crate::sim::rules::score(
            &crate::sim::StateFacts {
                scenario: s,
                state: state.clone(),
            },
            p,
        ),
    }
}

/// One group of a tournament's games: the same seats, one game per seed.
#[derive(Debug, Clone)]
struct Group {
    seats: Vec<(PartyIx, Policy)>,
    seeds: Vec<u64>,
}

/// Play every game of the groups on `threads` threads; results group by group, seed by seed.
///
/// The first game of each group is played; if it never depended on its seed ([`Played`]), the
/// group's other games would replay it move for move, and its result stands for them (as the
/// Axelrod library does for deterministic matches). Otherwise, or with `reuse` off, every game is
/// played. Also returns how many games were played.
fn run_groups(
    s: &Arc<Scenario>,
    groups: &[Group],
    threads: usize,
    reuse: bool,
) -> Result<(Vec<Vec<SeatResult>>, usize), GameError> {
    let firsts: Vec<(u64, &[(PartyIx, Policy)])> = groups
        .iter()
        .filter_map(|g| g.seeds.first().map(|&seed| (seed, g.seats.as_slice())))
        .collect();
    let first = play_all(s, &firsts, threads)?;
    let mut rest: Vec<(u64, &[(PartyIx, Policy)])> = Vec::new();
    for (g, played) in groups.iter().zip(&first) {
        if !(reuse && played.seed_free) {
            rest.extend(
                g.seeds
                    .iter()
                    .skip(1)
                    .map(|&seed| (seed, g.seats.as_slice())),
            );
        }
    }
    let mut more = play_all(s, &rest, threads)?.into_iter();
    let mut out = Vec::new();
    for (g, played) in groups.iter().zip(first) {
        let reused = reuse && played.seed_free;
        out.push(played.seats.clone());
        for _ in g.seeds.iter().skip(1) {
            if reused {
                out.push(played.seats.clone());
            } else if let Some(p) = more.next() {
                out.push(p.seats);
            }
        }
    }
    Ok((out, firsts.len() + rest.len()))
}

/// Every game of the groups, in order: its group, its repetition and its seed.
fn each_game(groups: &[Group]) -> impl Iterator<Item = (&Group, usize, u64)> {
    groups.iter().flat_map(|g| {
        g.seeds
            .iter()
            .enumerate()
            .map(move |(r, &seed)| (g, r, seed))
    })
}

/// Play these games (seed and seats) on `threads` threads; results in the same order.
fn play_all(
    s: &Arc<Scenario>,
    games: &[(u64, &[(PartyIx, Policy)])],
    threads: usize,
) -> Result<Vec<Played>, GameError> {
    let threads = threads.clamp(1, games.len().max(1));
    let chunk = games.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = games
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    // One world per thread, restarted for each game: building the world and
                    // its schedules costs more than a short game.
                    let mut session: Option<Session> = None;
                    part.iter()
                        .map(|&(seed, seats)| {
                            let session = match session.as_mut() {
                                Some(session) => {
                                    session.restart(seed, seats.to_vec());
                                    session
                                }
                                None => session.insert(Session::with_policies(
                                    Arc::clone(s),
                                    seed,
                                    Vec::new(),
                                    seats.to_vec(),
                                )),
                            };
                            play_out(session)
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(games.len());
        for h in handles {
            match h.join() {
                Ok(r) => out.extend(r?),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        Ok(out)
    })
}

/// Play a tournament.
pub fn run(spec: &Spec) -> Result<Outcome, TournamentError> {
    if spec.policies.is_empty() {
        return Err(TournamentError::NoPolicy);
    }
    if spec.repetitions == 0 {
        return Err(TournamentError::Bad(
            "--repetitions must be at least 1".into(),
        ));
    }
    let n = spec.scenario.parties.len();
    if n < 2 {
        return Err(TournamentError::TooFewParties);
    }
    let turns = spec.turns.unwrap_or(spec.scenario.turns);
    if turns == 0 || turns > MAX_TURNS {
        return Err(TournamentError::Bad(format!(
            "--turns must be between 1 and {MAX_TURNS}"
        )));
    }
    // The scenario is cloned once for the whole tournament, not per match.
    let scenario = if turns == spec.scenario.turns {
        spec.scenario.clone()
    } else {
        let mut s = (*spec.scenario).clone();
        s.turns = turns;
        Arc::new(s)
    };
    let policies = &spec.policies;
    let reps = spec.repetitions;
    let mut matches = Vec::new();
    let played;
    if n == 2 {
        let mut pairs = Vec::new();
        for i in 0..policies.len() {
            for j in i..policies.len() {
                pairs.push((i, j));
            }
        }
        let groups: Vec<Group> = pairs
            .iter()
            .enumerate()
            .map(|(k, &(i, j))| Group {
                seats: vec![(PartyIx(0), policies[i]), (PartyIx(1), policies[j])],
                seeds: (0..reps)
                    .map(|r| match_seed(spec.seed, k as u64, u64::from(r)))
                    .collect(),
            })
            .collect();
        let (results, count) = run_groups(&scenario, &groups, spec.jobs, spec.reuse)?;
        played = count;
        for ((g, r, seed), res) in each_game(&groups).zip(results) {
            let (x, y) = (res[0], res[1]);
            matches.push(Match {
                a: g.seats[0].1.name().to_owned(),
                b: g.seats[1].1.name().to_owned(),
                seat: None,
                score_a: x.score,
                score_b: y.score,
                cooperation_a: x.cooperation(),
                cooperation_b: y.cooperation(),
                repetition: r as u32,
                seed,
            });
        }
    } else {
        // One all-AI game per repetition is the yardstick for every seat.
        let seeds: Vec<u64> = (0..reps)
            .map(|r| match_seed(spec.seed, 0, u64::from(r)))
            .collect();
        let base = [Group {
            seats: Vec::new(),
            seeds: seeds.clone(),
        }];
        let (baseline, count) = run_groups(&scenario, &base, spec.jobs, spec.reuse)?;
        let mut groups = Vec::new();
        for &policy in policies {
            for seat in 0..n {
                groups.push(Group {
                    seats: vec![(PartyIx(seat), policy)],
                    seeds: seeds.clone(),
                });
            }
        }
        let (results, more) = run_groups(&scenario, &groups, spec.jobs, spec.reuse)?;
        played = count + more;
        for ((g, r, seed), res) in each_game(&groups).zip(results) {
            let (seat, policy) = g.seats[0];
            let x = res[seat.0];
            let y = baseline[r][seat.0];
            matches.push(Match {
                a: policy.name().to_owned(),
                b: String::from("default AI"),
                seat: Some(scenario.parties[seat.0].id.clone()),
                score_a: x.score,
                score_b: y.score,
                cooperation_a: x.cooperation(),
                cooperation_b: y.cooperation(),
                repetition: r as u32,
                seed,
            });
        }
    }
    Ok(Outcome {
        scenario: scenario.id.clone(),
        turns,
        repetitions: reps,
        seed: spec.seed,
        summary: standings(policies, &matches, n == 2, turns),
        matches,
        played,
    })
}

/// The ranked table.
fn standings(policies: &[Policy], matches: &[Match], two_party: bool, turns: u32) -> Vec<Standing> {
    let mut out: Vec<(usize, Standing)> = Vec::new();
    let alone = policies.iter().all(|p| *p == policies[0]);
    for (k, p) in policies.iter().enumerate() {
        let name = p.name();
        if out.iter().any(|(_, s)| s.policy == name) {
            continue;
        }
        let (mut total, mut count, mut wins, mut coop, mut coop_n) = (0.0f64, 0u32, 0u32, 0.0, 0);
        let mut add = |score: f32, other: f32, c: f32| {
            total += f64::from(score);
            count += 1;
            if score > other {
                wins += 1;
            }
            coop += c;
            coop_n += 1;
        };
        for m in matches {
            let self_play = two_party && m.a == m.b;
            if self_play && !alone {
                continue;
            }
            if m.a == name {
                add(m.score_a, m.score_b, m.cooperation_a);
            }
            if two_party && m.b == name {
                add(m.score_b, m.score_a, m.cooperation_b);
            }
        }
        let mean = if count > 0 {
            (total / f64::from(count)) as f32
        } else {
            0.0
        };
        out.push((
            k,
            Standing {
                policy: name.to_owned(),
                mean_score: mean,
                per_turn: mean / turns as f32,
                wins,
                matches: count,
                cooperation: if coop_n > 0 {
                    coop / coop_n as f32
                } else {
                    0.0
                },
            },
        ));
    }
    out.sort_by(|(i, a), (j, b)| {
        b.mean_score
            .total_cmp(&a.mean_score)
            .then(b.wins.cmp(&a.wins))
            .then(i.cmp(j))
    });
    out.into_iter().map(|(_, s)| s).collect()
}

/// The ranked table as text.
pub fn table(o: &Outcome) -> String {
    use std::fmt::Write as _;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{} — {} turns, {} repetition(s), seed {}",
        o.scenario, o.turns, o.repetitions, o.seed
    );
    if o.played < o.matches.len() {
        let _ = writeln!(
            t,
            "{} of {} matches played: the others repeat a match of the same pairing that \
             rolled no dice and read no seed, so they could only end the same way",
            o.played,
            o.matches.len()
        );
    }
    let _ = writeln!(
        t,
        "{:>4}  {:<24} {:>10} {:>8} {:>6} {:>8} {:>12}",
        "rank", "policy", "mean score", "per turn", "wins", "matches", "cooperation"
    );
    for (i, s) in o.summary.iter().enumerate() {
        let _ = writeln!(
            t,
            "{:>4}  {:<24} {:>10.2} {:>8.3} {:>6} {:>8} {:>11.0}%",
            i + 1,
            s.policy,
            s.mean_score,
            s.per_turn,
            s.wins,
            s.matches,
            s.cooperation * 100.0
        );
    }
    t
}
