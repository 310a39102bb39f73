//! The rules' unit tests.

use super::maths::saturation;
use super::orders::brinkmanship;
use super::*;
use crate::scenario::{self, TrackIx};
use crate::scenario::{Figure, ForumStatus, Goal, Prefer};
use crate::sim::state::{GameState, StateFacts};

fn facts(s: &Scenario) -> StateFacts<'_> {
    StateFacts {
        scenario: s,
        state: GameState::initial(s),
    }
}

fn mini() -> Scenario {
    scenario::load_str(
        include_str!("../../../../tests/fixtures/mini.ron"),
        "mini.ron",
    )
    .unwrap()
}

#[test]
fn writes_are_clamped_and_report_the_real_change() {
    let s = mini();
    let mut f = facts(&s);
    let v = Var::Trust(PartyIx(0), PartyIx(1));
    assert_eq!(f.set(v, 50.0), 0.0);
    assert_eq!(f.add(v, 80.0), 50.0);
    assert_eq!(f.get(v), 100.0);
    assert_eq!(f.add(v, f32::NAN), 0.0, "NaN never enters the state");
    let t = Var::Track(TrackIx(0));
    f.set(t, -5.0);
    assert_eq!(f.get(t), 0.0);
}

#[test]
fn saturation_slows_gains_near_full_trust() {
    assert_eq!(saturation(-50.0), 1.0);
    assert!(saturation(80.0) < saturation(20.0));
    assert!(saturation(100.0) > 0.0);
}

#[test]
fn session_chance_grows_with_habit_and_trust_and_stays_bounded() {
    let s = mini();
    let mut f = facts(&s);
    let all: Vec<PartyIx> = (0..4).map(PartyIx).collect();
    let low = session_chance(&f, ForumIx(0), &all);
    f.set(Var::Habit(ForumIx(0)), 90.0);
    let high = session_chance(&f, ForumIx(0), &all);
    assert!(high > low);
    for a in &all {
        for b in &all {
            if a != b {
                f.set(Var::Trust(*a, *b), 100.0);
            }
        }
    }
    assert!(session_chance(&f, ForumIx(0), &all) <= 0.95);
}

#[test]
fn goals_measure_the_right_direction() {
    let s = mini();
    let mut f = facts(&s);
    let crisis = TrackIx(0);
    f.set(Var::Track(crisis), 20.0);
    assert!((goal_value(&f, PartyIx(0), Goal::Track(crisis, Prefer::Low)) - 0.8).abs() < 1e-5);
    assert!((goal_value(&f, PartyIx(0), Goal::Track(crisis, Prefer::High)) - 0.2).abs() < 1e-5);
    f.set(Var::Trust(PartyIx(2), PartyIx(0)), 100.0);
    assert_eq!(goal_value(&f, PartyIx(0), Goal::TrustFrom(PartyIx(2))), 1.0);
    f.set_forum_status(ForumIx(0), ForumStatus::Collapsed);
    assert_eq!(
        goal_value(&f, PartyIx(0), Goal::Habit(ForumIx(0), Prefer::High)),
        0.0
    );
}

#[test]
fn conditions_combine() {
    let s = mini();
    let f = facts(&s);
    let above = Condition::TrackAbove(TrackIx(0), 40.0);
    let below = Condition::TrackBelow(TrackIx(0), 40.0);
    assert!(holds(&f, &above, Ctx::NONE));
    assert!(!holds(
        &f,
        &Condition::All(vec![above.clone(), below.clone()]),
        Ctx::NONE
    ));
    assert!(holds(
        &f,
        &Condition::Any(vec![above, below.clone()]),
        Ctx::NONE
    ));
    assert!(holds(&f, &Condition::Not(Box::new(below)), Ctx::NONE));
    // A reference with no actor never holds rather than panicking.
    let c = Condition::FigureAbove(PartyRef::Actor, Figure::Power, 0.0);
    assert!(!holds(&f, &c, Ctx::NONE));
}

#[test]
fn a_collapsed_forum_stays_collapsed() {
    let s = mini();
    let mut f = facts(&s);
    let mut log = Log::default();
    change_forum_status(&mut f, ForumIx(0), ForumStatus::Collapsed, None, &mut log);
    change_forum_status(&mut f, ForumIx(0), ForumStatus::Active, None, &mut log);
    assert_eq!(f.forum_status(ForumIx(0)), ForumStatus::Collapsed);
}

#[test]
fn concessions_come_once_a_turn() {
    let s = mini();
    let mut f = facts(&s);
    let delta = PartyIx(3);
    for p in 0..3 {
        f.set(Var::Threat(PartyIx(p), delta), 60.0);
    }
    let mut log = Log::default();
    let before = f.get(Var::Figure(delta, Figure::Capital));
    brinkmanship(&mut f, delta, &mut log);
    let once = f.get(Var::Figure(delta, Figure::Capital));
    brinkmanship(&mut f, delta, &mut log);
    assert!(once > before);
    assert_eq!(f.get(Var::Figure(delta, Figure::Capital)), once);
}
