//! Saves written by format 1 (the version before the core crate and format 2) still load and
//! resume in the state they recorded: the same turn, the same place in it, the same figures,
//! relations, alliances, forums and tracks, and the human seats' orders of the month so far.
//!
//! The fixtures in `tests/fixtures/saves-v1/` were written by the released format-1 program
//! through its plain mode (`s NAME`), before anything changed. What they recorded is read here
//! from the file's text with a mirror of format 1's fields, not with the program's own types, so
//! this test keeps checking the old format whatever the new types become.

// Resuming means the very same numbers, not close ones.
#![allow(clippy::float_cmp)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use sixparty_core::save;
use sixparty_core::scenario::PartyIx;
use sixparty_core::sim::{Phase, Target};

/// Format 1's recorded state, as the file spells it.
#[derive(Deserialize)]
struct V1 {
    format: u32,
    humans: Vec<String>,
    turn: u32,
    position: V1Position,
    choices: Vec<V1Choice>,
    state: V1State,
}

#[derive(Deserialize, Debug)]
enum V1Position {
    BetweenTurns,
    Deciding,
    Ordering,
    Over,
}

#[derive(Deserialize, Debug)]
enum V1Status {
    Proposed,
    Active,
    Suspended,
    Collapsed,
}

#[derive(Deserialize)]
enum V1Choice {
    Decision {
        turn: u32,
        #[allow(dead_code)]
        event: (usize,),
        #[allow(dead_code)]
        option: usize,
    },
    Order {
        turn: u32,
        order: V1Order,
    },
}

#[derive(Deserialize)]
struct V1Order {
    party: (usize,),
    action: (usize,),
    target: V1Target,
}

#[derive(Deserialize)]
enum V1Target {
    None,
    Party((usize,)),
    Forum((usize,)),
}

#[derive(Deserialize)]
struct V1State {
    turn: u32,
    parties: Vec<V1Party>,
    trust: Vec<Vec<f32>>,
    threat: Vec<Vec<f32>>,
    memory: Vec<Vec<f32>>,
    alliances: Vec<V1Figures3>,
    forums: Vec<V1Forum>,
    tracks: Vec<f32>,
}

#[derive(Deserialize)]
struct V1Party {
    figures: [f32; 5],
    doctrine: (usize,),
}

#[derive(Deserialize)]
struct V1Figures3 {
    figures: [f32; 3],
}

#[derive(Deserialize)]
struct V1Forum {
    status: V1Status,
    habit: f32,
    sessions: u32,
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/saves-v1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

fn phase_of(position: &V1Position) -> Phase {
    match position {
        V1Position::BetweenTurns => Phase::BetweenTurns,
        V1Position::Deciding => Phase::Deciding,
        V1Position::Ordering => Phase::Ordering,
        V1Position::Over => Phase::Over,
    }
}

#[test]
fn every_format_1_fixture_resumes_in_the_state_it_recorded() {
    let files = fixtures();
    assert!(
        files.len() >= 5,
        "the format-1 fixtures are missing: {files:?}"
    );
    let mut phases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let v1: V1 = ron::Options::default()
            .from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(v1.format, 1, "{} is not a format-1 save", path.display());
        let dir = path.parent().unwrap();
        let (mut session, _) = save::load(dir, path.to_str().unwrap())
            .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
        let shown = path.display();

        assert_eq!(session.game.turn(), v1.turn, "{shown}: turn");
        assert_eq!(
            session.game.phase(),
            phase_of(&v1.position),
            "{shown}: where the turn stood"
        );
        phases.push(session.game.phase());
        let humans: Vec<String> = session
            .humans()
            .iter()
            .map(|p| session.scenario().parties[p.0].id.clone())
            .collect();
        assert_eq!(humans, v1.humans, "{shown}: human seats");

        let now = session.game.state();
        let want = &v1.state;
        assert_eq!(now.turn, want.turn, "{shown}: state's turn");
        for (i, (p, w)) in now.parties.iter().zip(&want.parties).enumerate() {
            assert_eq!(p.figures, w.figures, "{shown}: figures of party {i}");
            assert_eq!(p.doctrine.0, w.doctrine.0, "{shown}: doctrine of party {i}");
        }
        assert_eq!(now.parties.len(), want.parties.len(), "{shown}: parties");
        assert_eq!(now.trust, want.trust, "{shown}: trust");
        assert_eq!(now.threat, want.threat, "{shown}: threat");
        assert_eq!(now.memory, want.memory, "{shown}: memory");
        let alliances: Vec<[f32; 3]> = now.alliances.iter().map(|a| a.figures).collect();
        let want_alliances: Vec<[f32; 3]> = want.alliances.iter().map(|a| a.figures).collect();
        assert_eq!(alliances, want_alliances, "{shown}: alliances");
        let forums: Vec<(String, f32, u32)> = now
            .forums
            .iter()
            .map(|f| (format!("{:?}", f.status), f.habit, f.sessions))
            .collect();
        let want_forums: Vec<(String, f32, u32)> = want
            .forums
            .iter()
            .map(|f| (format!("{:?}", f.status), f.habit, f.sessions))
            .collect();
        assert_eq!(forums, want_forums, "{shown}: forums");
        assert_eq!(now.tracks, want.tracks, "{shown}: tracks");

        // The humans' orders of the month in progress are given again, as they were.
        if session.game.phase() == Phase::Ordering {
            for &h in session.humans() {
                let want_orders: Vec<(usize, usize, String)> = v1
                    .choices
                    .iter()
                    .filter_map(|c| match c {
                        V1Choice::Order { turn, order }
                            if *turn == v1.turn && order.party.0 == h.0 =>
                        {
                            Some((
                                order.party.0,
                                order.action.0,
                                match order.target {
                                    V1Target::None => String::from("none"),
                                    V1Target::Party((p,)) => format!("party {p}"),
                                    V1Target::Forum((f,)) => format!("forum {f}"),
                                },
                            ))
                        }
                        V1Choice::Order { .. } | V1Choice::Decision { .. } => None,
                    })
                    .collect();
                let given: Vec<(usize, usize, String)> = session
                    .game
                    .orders_of(PartyIx(h.0))
                    .iter()
                    .map(|o| {
                        (
                            o.party.0,
                            o.action.0,
                            match o.target {
                                Target::None => String::from("none"),
                                Target::Party(p) => format!("party {}", p.0),
                                Target::Forum(f) => format!("forum {}", f.0),
                            },
                        )
                    })
                    .collect();
                assert_eq!(given, want_orders, "{shown}: orders given this month");
            }
        }
        // Decisions of earlier turns are in the log; the resumed game goes on from here.
        assert!(
            v1.choices.iter().all(|c| match c {
                V1Choice::Decision { turn, .. } | V1Choice::Order { turn, .. } => *turn <= v1.turn,
            }),
            "{shown}: a choice after the save's turn"
        );
    }
    // The fixtures cover each place a save can stand in a turn but the end of the game.
    for p in [Phase::BetweenTurns, Phase::Deciding, Phase::Ordering] {
        assert!(phases.contains(&p), "no fixture saved at {p:?}");
    }
}

#[test]
fn a_format_1_fixture_plays_on_to_the_end_after_loading() {
    for path in fixtures() {
        let dir = path.parent().unwrap();
        let (mut session, _) = save::load(dir, path.to_str().unwrap()).unwrap();
        let before = session.game.turn();
        while !session.game.is_over() {
            match session.game.phase() {
                Phase::BetweenTurns => session.start_turn().unwrap(),
                Phase::Deciding => {
                    for p in session.human_decisions() {
                        let pick = session.advise_decision(p).option;
                        session.decide(p.event, pick).unwrap();
                    }
                    session.open_orders().unwrap();
                }
                Phase::Ordering => {
                    session.end_turn().unwrap();
                }
                Phase::Over => {}
            }
        }
        assert!(session.game.turn() > before, "{}", path.display());
        assert_eq!(session.game.turn(), session.scenario().turns);
    }
}
