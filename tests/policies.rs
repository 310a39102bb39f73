//! The policies on the classic dilemma play exactly as the Axelrod library's strategies of the
//! same name (issue 6), and tournaments are reproducible.
//!
//! The expected totals were computed with Axelrod 4.14 (`axl.Match((A(), B()), turns=200)`,
//! `final_score()`); the script is in docs/POLICIES.md.

use std::sync::Arc;

use sixparty_core::policy::{Move, Policy, move_toward};
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::tournament::{self, Spec};

fn dilemma(turns: u32) -> Arc<Scenario> {
    let mut s = scenario::resolve("classic-dilemma", None).expect("classic-dilemma loads");
    s.turns = turns;
    Arc::new(s)
}

/// Play a match; each side's total and moves ("CDC...").
fn play(s: &Arc<Scenario>, a: Policy, b: Policy, seed: u64) -> ((f32, f32), (String, String)) {
    let mut session = Session::with_policies(
        s.clone(),
        seed,
        Vec::new(),
        vec![(PartyIx(0), a), (PartyIx(1), b)],
    );
    while !session.game.is_over() {
        session.start_turn().unwrap();
        session.open_orders().unwrap();
        session.end_turn().unwrap();
    }
    let mut moves = (String::new(), String::new());
    for h in session.game.history().iter().skip(1) {
        assert_eq!(h.record.orders.len(), 2, "each side gives one order a turn");
        let m = |who, toward| match move_toward(s, &h.record.orders, PartyIx(who), PartyIx(toward))
        {
            Move::Cooperate => 'C',
            Move::Defect => 'D',
        };
        moves.0.push(m(0, 1));
        moves.1.push(m(1, 0));
    }
    let state = session.game.state();
    let score = |p: usize| tournament::score_of(s, &state, PartyIx(p));
    ((score(0), score(1)), moves)
}

fn policy(name: &str) -> Policy {
    Policy::from_name(name).unwrap()
}

/// Axelrod 4.14, 200 turns: (player 1, player 2, score 1, score 2).
const AXELROD_200: [(&str, &str, u32, u32); 36] = [
    ("cooperator", "cooperator", 600, 600),
    ("cooperator", "defector", 0, 1000),
    ("cooperator", "tit-for-tat", 600, 600),
    ("cooperator", "tit-for-two-tats", 600, 600),
    ("cooperator", "suspicious-tit-for-tat", 597, 602),
    ("cooperator", "grudger", 600, 600),
    ("cooperator", "alternator", 300, 800),
    ("cooperator", "win-stay-lose-shift", 600, 600),
    ("defector", "defector", 200, 200),
    ("defector", "tit-for-tat", 204, 199),
    ("defector", "tit-for-two-tats", 208, 198),
    ("defector", "suspicious-tit-for-tat", 200, 200),
    ("defector", "grudger", 204, 199),
    ("defector", "alternator", 600, 100),
    ("defector", "win-stay-lose-shift", 600, 100),
    ("tit-for-tat", "tit-for-tat", 600, 600),
    ("tit-for-tat", "tit-for-two-tats", 600, 600),
    ("tit-for-tat", "suspicious-tit-for-tat", 500, 500),
    ("tit-for-tat", "grudger", 600, 600),
    ("tit-for-tat", "alternator", 498, 503),
    ("tit-for-tat", "win-stay-lose-shift", 600, 600),
    ("tit-for-two-tats", "tit-for-two-tats", 600, 600),
    ("tit-for-two-tats", "suspicious-tit-for-tat", 597, 602),
    ("tit-for-two-tats", "grudger", 600, 600),
    ("tit-for-two-tats", "alternator", 300, 800),
    ("tit-for-two-tats", "win-stay-lose-shift", 600, 600),
    ("suspicious-tit-for-tat", "suspicious-tit-for-tat", 200, 200),
    ("suspicious-tit-for-tat", "grudger", 203, 203),
    ("suspicious-tit-for-tat", "alternator", 500, 500),
    ("suspicious-tit-for-tat", "win-stay-lose-shift", 401, 401),
    ("grudger", "grudger", 600, 600),
    ("grudger", "alternator", 597, 107),
    ("grudger", "win-stay-lose-shift", 600, 600),
    ("alternator", "alternator", 400, 400),
    ("alternator", "win-stay-lose-shift", 450, 450),
    ("win-stay-lose-shift", "win-stay-lose-shift", 600, 600),
];

#[test]
fn deterministic_strategies_score_as_in_the_axelrod_library_over_200_turns() {
    let s = dilemma(200);
    for (a, b, sa, sb) in AXELROD_200 {
        let (got, _) = play(&s, policy(a), policy(b), 1);
        assert_eq!(got, (sa as f32, sb as f32), "{a} vs {b}");
        // Seats do not matter: the scenario is symmetric.
        let (swapped, _) = play(&s, policy(b), policy(a), 1);
        assert_eq!(swapped, (sb as f32, sa as f32), "{b} vs {a}");
    }
}

#[test]
fn known_ten_turn_matches() {
    let s = dilemma(10);
    let p = policy;
    assert_eq!(play(&s, p("tit-for-tat"), p("defector"), 0).0, (9.0, 14.0));
    assert_eq!(play(&s, p("cooperator"), p("defector"), 0).0, (0.0, 50.0));
    assert_eq!(
        play(&s, p("tit-for-tat"), p("tit-for-tat"), 0).0,
        (30.0, 30.0)
    );
    assert_eq!(
        play(&s, p("defector"), p("tit-for-two-tats"), 0).0,
        (18.0, 8.0)
    );
    let (score, moves) = play(&s, p("grudger"), p("alternator"), 0);
    assert_eq!(moves.0, "CCDDDDDDDD");
    assert_eq!(moves.1, "CDCDCDCDCD");
    assert_eq!(score, (27.0, 12.0));
    let (score, moves) = play(&s, p("win-stay-lose-shift"), p("alternator"), 0);
    assert_eq!(moves.0, "CCDDCCDDCC");
    assert_eq!(score, (21.0, 26.0));
}

#[test]
fn the_six_strategy_tournament_ranks_as_axelrod_does() {
    // Axelrod 4.14, Tournament(players, turns=50, repetitions=100).ranked_names (self-play
    // not counted in the ranking, as in the library).
    let policies = [
        "cooperator",
        "defector",
        "tit-for-tat",
        "grudger",
        "alternator",
        "win-stay-lose-shift",
    ]
    .map(policy)
    .to_vec();
    let spec = Spec {
        scenario: dilemma(12),
        policies,
        turns: Some(50),
        repetitions: 3,
        seed: 5,
        jobs: 2,
        reuse: true,
    };
    let o = tournament::run(&spec).unwrap();
    let ranked: Vec<&str> = o.summary.iter().map(|s| s.policy.as_str()).collect();
    assert_eq!(
        ranked,
        [
            "defector",
            "grudger",
            "tit-for-tat",
            "win-stay-lose-shift",
            "cooperator",
            "alternator"
        ]
    );
    // Mean score per turn against the others, as Axelrod's normalised scores.
    assert!((o.summary[0].per_turn - 2.632).abs() < 1e-3);
    assert!((o.summary[1].per_turn - 2.584).abs() < 1e-3);
    assert_eq!(
        o.matches.len(),
        21 * 3,
        "every pair, self-play included, three times"
    );
}

#[test]
fn a_tournament_is_the_same_for_the_same_seed_whatever_the_threads() {
    let spec = |seed, jobs| Spec {
        scenario: dilemma(30),
        policies: vec![policy("random"), policy("tit-for-tat"), policy("grudger")],
        turns: None,
        repetitions: 4,
        seed,
        jobs,
        reuse: true,
    };
    let one = tournament::run(&spec(9, 1)).unwrap();
    let two = tournament::run(&spec(9, 2)).unwrap();
    assert_eq!(one, two);
    assert_eq!(tournament::table(&one), tournament::table(&two));
    let other = tournament::run(&spec(10, 2)).unwrap();
    assert_ne!(
        one.matches, other.matches,
        "random plays differently on another seed"
    );
}

#[test]
fn random_cooperates_about_half_the_time_and_replays_exactly() {
    let s = dilemma(400);
    let (score, moves) = play(&s, policy("random"), policy("cooperator"), 77);
    let c = moves.0.chars().filter(|m| *m == 'C').count();
    assert!((150..=250).contains(&c), "{c} cooperations in 400");
    assert_eq!(
        play(&s, policy("random"), policy("cooperator"), 77),
        (score, moves.clone())
    );
    assert_ne!(
        play(&s, policy("random"), policy("cooperator"), 78).1.0,
        moves.0
    );
}

#[test]
fn every_policy_name_round_trips_and_unknown_names_list_the_valid_ones() {
    for p in Policy::ALL {
        assert_eq!(Policy::from_name(p.name()), Ok(p));
        assert!(!p.description().is_empty());
    }
    let e = Policy::from_name("tit-for-tatt").unwrap_err().to_string();
    assert!(e.contains("tit-for-tat") && e.contains("grudger"), "{e}");
}

#[test]
fn bad_tournaments_are_refused_with_a_reason() {
    let base = Spec {
        scenario: dilemma(10),
        policies: vec![policy("defector")],
        turns: None,
        repetitions: 1,
        seed: 0,
        jobs: 1,
        reuse: true,
    };
    let err = |spec: Spec| tournament::run(&spec).unwrap_err().to_string();
    assert!(
        err(Spec {
            policies: vec![],
            ..base.clone()
        })
        .contains("--policy")
    );
    assert!(
        err(Spec {
            repetitions: 0,
            ..base.clone()
        })
        .contains("--repetitions")
    );
    assert!(
        err(Spec {
            turns: Some(0),
            ..base.clone()
        })
        .contains("--turns")
    );
}

/// On the campaign, the classic strategies keep to their stance toward each party: a
/// tit-for-tat seat never gives a cooperative order to a party that pressed it last month,
/// nor a competitive one to a party that did not; a defector never cooperates with anyone.
#[test]
fn classic_strategies_generalise_to_many_parties_by_stance() {
    let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap());
    for (seat, p) in [
        (0, "tit-for-tat"),
        (1, "defector"),
        (3, "cooperator"),
        (2, "grudger"),
    ] {
        let me = PartyIx(seat);
        let mut session = Session::with_policies(s.clone(), 3, Vec::new(), vec![(me, policy(p))]);
        while !session.game.is_over() {
            session.start_turn().unwrap();
            session.open_orders().unwrap();
            session.end_turn().unwrap();
        }
        let history = session.game.history();
        let mut wronged = vec![false; s.parties.len()];
        let mut gave = 0;
        for t in 1..history.len() {
            let now = &history[t].record.orders;
            let before = &history[t - 1].record.orders;
            for o in now.iter().filter(|o| o.party == me) {
                let sixparty_core::sim::Target::Party(q) = o.target else {
                    panic!("{p} gave an order not aimed at a party: {o:?}");
                };
                gave += 1;
                let mine = move_toward(&s, now, me, q);
                let theirs = move_toward(&s, before, q, me);
                let expected = match p {
                    "tit-for-tat" if t == 1 => Move::Cooperate,
                    "tit-for-tat" => theirs,
                    "defector" => Move::Defect,
                    "cooperator" => Move::Cooperate,
                    _ if wronged[q.0] => Move::Defect,
                    _ => Move::Cooperate,
                };
                assert_eq!(
                    mine, expected,
                    "{p}, turn {t}, toward {}",
                    s.parties[q.0].id
                );
            }
            for (q, w) in wronged.iter_mut().enumerate() {
                if q != seat && move_toward(&s, now, PartyIx(q), me) == Move::Defect {
                    *w = true;
                }
            }
        }
        assert!(gave > 10, "{p} gave orders ({gave})");
    }
}

/// The lookahead doctrine (`doctrine`) does better than the one-step AI (`greedy`, the game's
/// default seats) in the same seat on the same seed, over the campaign's six seats and three
/// seeds: more often than not, and on average.
#[test]
fn the_lookahead_doctrine_outscores_the_one_step_doctrine_on_the_campaign() {
    let spec = Spec {
        scenario: Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap()),
        policies: vec![Policy::Doctrine],
        turns: None,
        repetitions: 3,
        seed: 0,
        jobs: 2,
        reuse: true,
    };
    let o = tournament::run(&spec).unwrap();
    assert_eq!(o.matches.len(), 6 * 3);
    let diffs: Vec<f32> = o.matches.iter().map(|m| m.score_a - m.score_b).collect();
    let wins = diffs.iter().filter(|d| **d > 0.0).count();
    let mean = diffs.iter().sum::<f32>() / diffs.len() as f32;
    assert!(
        wins > diffs.len() / 2,
        "lookahead won {wins} of {}: {diffs:?}",
        diffs.len()
    );
    assert!(mean > 0.3, "mean gain {mean}: {diffs:?}");
}

/// A session restarted for another game (what tournaments do to reuse the world and its
/// schedules) plays exactly the game a new session would: nothing of the last game is left.
#[test]
fn a_restarted_session_plays_the_same_game_as_a_new_one() {
    let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap());
    let seats = vec![(PartyIx(2), policy("tit-for-tat"))];
    let run = |session: &mut Session| {
        while !session.game.is_over() {
            session.start_turn().unwrap();
            session.open_orders().unwrap();
            session.end_turn().unwrap();
        }
        (
            session.game.history().to_vec(),
            session.game.timeline().to_vec(),
            session.game.observations().len(),
            session.game.rng(),
        )
    };
    let mut reused = Session::with_policies(s.clone(), 1, Vec::new(), Vec::new());
    run(&mut reused);
    reused.restart(8, seats.clone());
    let again = run(&mut reused);
    let fresh = run(&mut Session::with_policies(s, 8, Vec::new(), seats));
    assert_eq!(again.0, fresh.0);
    assert_eq!(again.1, fresh.1);
    assert_eq!(again.2, fresh.2);
    assert_eq!(format!("{:?}", again.3), format!("{:?}", fresh.3));
}

/// A match that rolls no dice and has no policy reading the seed stands for the other
/// repetitions of its pairing; everything else is played. Either way the tournament is the
/// same, match for match, as playing every game.
#[test]
fn only_matches_that_cannot_depend_on_their_seed_are_reused() {
    let spec = |reuse| Spec {
        scenario: dilemma(20),
        policies: vec![policy("tit-for-tat"), policy("grudger"), policy("random")],
        turns: None,
        repetitions: 4,
        seed: 3,
        jobs: 2,
        reuse,
    };
    let reused = tournament::run(&spec(true)).unwrap();
    let all = tournament::run(&spec(false)).unwrap();
    assert_eq!(reused.matches, all.matches);
    assert_eq!(reused.summary, all.summary);
    assert_eq!(all.played, 6 * 4, "--play-all plays every match");
    // Three pairings without `random` are played once each; the three with it, every time.
    assert_eq!(reused.played, 3 + 3 * 4);
    assert!(tournament::table(&reused).contains("15 of 24 matches played"));
    assert!(!tournament::table(&all).contains("matches played"));
}

/// The campaign rolls dice (uncertain events, forum sessions), so no match there stands for
/// another, even with deterministic policies.
#[test]
fn a_scenario_with_dice_plays_every_match() {
    let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap());
    let mut session = Session::with_policies(s.clone(), 1, Vec::new(), Vec::new());
    assert!(!session.game.dice_rolled());
    for _ in 0..3 {
        session.start_turn().unwrap();
        session.open_orders().unwrap();
        session.end_turn().unwrap();
    }
    assert!(
        session.game.dice_rolled(),
        "three campaign months roll dice"
    );
    let o = tournament::run(&Spec {
        scenario: s,
        policies: vec![policy("cooperator")],
        turns: Some(3),
        repetitions: 2,
        seed: 0,
        jobs: 2,
        reuse: true,
    })
    .unwrap();
    assert_eq!(o.matches.len(), 6 * 2);
    assert_eq!(
        o.played,
        6 * 2 + 2,
        "every seat's matches and the all-AI yardsticks"
    );
}

/// The classic dilemma has no chance in it: a whole match rolls no dice.
#[test]
fn the_classic_dilemma_rolls_no_dice() {
    let s = dilemma(30);
    let mut session = Session::with_policies(
        s,
        1,
        Vec::new(),
        vec![
            (PartyIx(0), policy("alternator")),
            (PartyIx(1), policy("grudger")),
        ],
    );
    while !session.game.is_over() {
        session.start_turn().unwrap();
        session.open_orders().unwrap();
        session.end_turn().unwrap();
    }
    assert!(!session.game.dice_rolled());
}
