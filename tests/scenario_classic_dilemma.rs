//! classic-dilemma: the iterated prisoner's dilemma as an ordinary scenario (issue 6).
//!
//! It is not in `tests/scenario_library.rs`'s list on purpose: that library is derived from the
//! interview (its test asks for the interview as the source), its games vary with the seed
//! (this one has no chance in it), and it must have no dominant single-action strategy, while
//! in a prisoner's dilemma "always defect" is dominant move by move — that is the dilemma.
//! The checks that do apply are here.

use std::sync::Arc;

use sixparty_core::scenario::{self, ActionIx, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::{Order, Target};
use sixparty_core::tournament;

fn dilemma() -> Arc<Scenario> {
    Arc::new(scenario::resolve("classic-dilemma", None).expect("classic-dilemma loads"))
}

fn action(s: &Scenario, id: &str) -> ActionIx {
    ActionIx(s.actions.iter().position(|a| a.id == id).unwrap())
}

/// One turn with both seats human: each side's payoff for the two simultaneous choices.
fn one_round(first: &str, second: &str) -> (f32, f32) {
    let s = dilemma();
    let mut session = Session::new(s.clone(), 1, vec![PartyIx(0), PartyIx(1)]);
    session.start_turn().unwrap();
    session.open_orders().unwrap();
    for (p, choice) in [(0, first), (1, second)] {
        session
            .order(Order {
                party: PartyIx(p),
                action: action(&s, choice),
                target: Target::Party(PartyIx(1 - p)),
            })
            .unwrap();
    }
    session.end_turn().unwrap();
    let state = session.game.state();
    (
        tournament::score_of(&s, &state, PartyIx(0)),
        tournament::score_of(&s, &state, PartyIx(1)),
    )
}

#[test]
fn payoffs_depend_on_both_simultaneous_choices() {
    assert_eq!(one_round("cooperate", "cooperate"), (3.0, 3.0), "R");
    assert_eq!(one_round("cooperate", "defect"), (0.0, 5.0), "S and T");
    assert_eq!(one_round("defect", "cooperate"), (5.0, 0.0), "T and S");
    assert_eq!(one_round("defect", "defect"), (1.0, 1.0), "P");
}

#[test]
fn it_briefs_both_players_and_names_their_payoff() {
    let s = dilemma();
    assert_eq!(s.parties.len(), 2);
    assert_eq!(s.rules.max_orders, 1, "one choice a month");
    assert!(s.summary.len() > 80 && !s.watch.is_empty() && !s.notes.is_empty());
    for p in &s.parties {
        assert!(p.playable && p.briefing.len() > 60, "{}", p.id);
        assert!(p.payoff.is_some(), "{} has a payoff track", p.id);
    }
}

#[test]
fn it_plays_to_the_end_on_ai_and_the_same_seed_gives_the_same_game() {
    let s = dilemma();
    let play = || {
        let mut session = Session::new(s.clone(), 4, Vec::new());
        while !session.game.is_over() {
            session.start_turn().unwrap();
            session.open_orders().unwrap();
            session.end_turn().unwrap();
        }
        session.game.history().to_vec()
    };
    let first = play();
    assert_eq!(first.len() as u32, s.turns + 1);
    assert_eq!(first, play());
}
