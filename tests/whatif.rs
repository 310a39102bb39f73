//! What-if runs: continuations from a position, the player's score beside an AI's in the same
//! seat, and the turning point of a played game.
// The same game gives the same figures to the last bit: exact comparison is the point.
#![allow(clippy::float_cmp)]

mod common;

use std::sync::Arc;

use common::{advised_orders, decide, load, party};
use sixparty_core::scenario::{PartyIx, Scenario};
use sixparty_core::session::{HumanChoice, Session};
use sixparty_core::simulate;
use sixparty_core::whatif::{self, Position, Spread};

const ID: &str = "taiwan-arms-sale-2010";

/// Washington's seat: the arms package approved, the advisor's orders every other month and
/// none in between.
fn played(s: &Arc<Scenario>, seed: u64) -> Session {
    let us = party(s, "us");
    let mut session = Session::new(s.clone(), seed, vec![us]);
    while !session.game.is_over() {
        session.start_turn().unwrap();
        decide(&mut session, &[("arms_package", "approve")]);
        session.open_orders().unwrap();
        if session.game.turn() % 2 == 1 {
            advised_orders(&mut session, us);
        }
        session.end_turn().unwrap();
    }
    session
}

#[test]
fn spread_reads_percentiles_by_nearest_rank() {
    let values: Vec<f32> = (1..=20).map(|x| x as f32).collect();
    let sp = Spread::of(&values).unwrap();
    assert_eq!((sp.min, sp.max, sp.p5, sp.p95), (1.0, 20.0, 1.0, 19.0));
    assert!((sp.mean - 10.5).abs() < 1e-5 && (sp.median - 10.5).abs() < 1e-5);
    assert_eq!(Spread::of(&[]), None);
    assert!((Spread::share_below(&values, 5.5) - 0.25).abs() < 1e-6);
}

#[test]
fn continuations_are_reproducible_and_vary_with_their_dice() {
    let s = load(ID);
    let start = Position::of(&mut Session::new(s.clone(), 3, Vec::new())).unwrap();
    let a = whatif::continuations(&s, &start, 3, 8).unwrap();
    let b = whatif::continuations(&s, &start, 3, 8).unwrap();
    assert_eq!(
        a, b,
        "the same position and seed give the same continuations"
    );
    assert_eq!(a.len(), 8);
    assert!(
        a.iter().any(|r| r != &a[0]),
        "eight continuations with their own dice are not all the same game"
    );
}

#[test]
fn the_ai_in_your_seat_with_your_seed_is_the_all_ai_game() {
    let s = load(ID);
    let us = party(&s, "us");
    let mut session = played(&s, 5);
    let actual: Vec<f32> = (0..s.parties.len())
        .map(|p| session.game.score(PartyIx(p)))
        .collect();
    let cmp = whatif::compare_seats(&s, 5, &[us], &actual, 4).unwrap();
    let all_ai = simulate::play_one(&s, 0, 5, &[]).unwrap();
    assert_eq!(cmp.len(), 1);
    assert_eq!(cmp[0].party, us);
    assert_eq!(cmp[0].actual, actual[us.0]);
    assert_eq!(cmp[0].ai_same_seed, all_ai.scores[us.0]);
    assert_eq!(cmp[0].ai_runs.len(), 4);
}

#[test]
fn the_turning_point_names_a_choice_the_player_made_and_its_alternative() {
    let s = load(ID);
    let us = party(&s, "us");
    let session = played(&s, 2);
    let choices = session.choices().to_vec();
    let points = whatif::turning_points(&s, 2, &[us], &choices, 2).unwrap();
    let again = whatif::turning_points(&s, 2, &[us], &choices, 2).unwrap();
    assert_eq!(points, again, "the turning point is reproducible");
    let (seat, tp) = &points[0];
    assert_eq!(*seat, us);
    let tp = tp
        .as_ref()
        .expect("Washington made choices with alternatives");
    assert_ne!(tp.chose, tp.alternative);
    assert!(tp.delta().is_finite() && tp.delta() != 0.0);
    // What it says was chosen is what the log holds for that month.
    let month: Vec<&HumanChoice> = choices.iter().filter(|c| c.turn() == tp.turn).collect();
    let said = month.iter().any(|c| match c {
        HumanChoice::Decision { event, option, .. } => {
            s.events[event.0].options[*option].label == tp.chose
        }
        HumanChoice::Order { order, .. } => tp.chose.contains(&order.label(&s)),
    }) || (tp.chose == "no orders"
        && !month.iter().any(|c| matches!(c, HumanChoice::Order { .. })));
    assert!(
        said,
        "turn {}: {:?} is not in the log: {month:?}",
        tp.turn, tp.chose
    );
}

#[test]
fn the_report_from_a_position_lists_every_party() {
    let s = load(ID);
    let us = party(&s, "us");
    let session = played(&s, 4);
    let lines = whatif::report_lines(&s, 4, &[us], session.choices(), 3, 5).unwrap();
    assert!(lines[0].contains("from the end of Mar 2010"), "{lines:?}");
    for p in &s.parties {
        assert!(
            lines.iter().any(|l| l.starts_with(&p.name)),
            "{} missing: {lines:?}",
            p.name
        );
    }
    assert!(lines.iter().any(|l| l.contains("(played)")));
}
