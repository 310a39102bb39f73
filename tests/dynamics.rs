//! Each of the ten dynamics of the design, shown from the outside: a game is driven through the
//! public API with chosen orders, and the figures are compared with a game that avoids the
//! dynamic. Scenario: tests/fixtures/mini.ron (Alpha patron of Beta; Gamma rising host of the
//! Four-Party Talks, with the strait as its red line; Delta weak).

use std::sync::Arc;

use sixparty_core::scenario::{
    self, AllianceFigure, AllianceIx, EventIx, ForumIx, ForumStatus, PartyIx, Scenario,
};
use sixparty_core::sim::{Dynamic, Game, Order, Target, Var};

const ALPHA: PartyIx = PartyIx(0);
const BETA: PartyIx = PartyIx(1);
const GAMMA: PartyIx = PartyIx(2);
const DELTA: PartyIx = PartyIx(3);
const TALKS: ForumIx = ForumIx(0);
const ALLIANCE: AllianceIx = AllianceIx(0);

fn mini() -> Arc<Scenario> {
    Arc::new(scenario::load_str(include_str!("fixtures/mini.ron"), "mini.ron").unwrap())
}

fn mini_with(edit: impl Fn(&mut Scenario)) -> Arc<Scenario> {
    let mut s = scenario::load_str(include_str!("fixtures/mini.ron"), "mini.ron").unwrap();
    edit(&mut s);
    Arc::new(s)
}

fn order(s: &Scenario, party: PartyIx, action: &str, target: Target) -> Order {
    let Some(i) = s.actions.iter().position(|a| a.id == action) else {
        panic!("no action {action}")
    };
    let action = sixparty_core::scenario::ActionIx(i);
    Order {
        party,
        action,
        target,
    }
}

/// Play one turn: events decided with their first option, then the given orders.
fn turn(game: &mut Game, orders: &[Order]) {
    game.begin_turn().unwrap();
    for p in game.pending() {
        game.decide(p.event, 0).unwrap();
    }
    game.close_decisions().unwrap();
    for o in orders {
        game.order(*o).unwrap_or_else(|e| panic!("{o:?}: {e}"));
    }
    game.end_turn().unwrap();
}

fn mutual_trust(game: &mut Game, members: &[PartyIx]) -> f32 {
    let mut sum = 0.0;
    for a in members {
        for b in members {
            if a != b {
                sum += game.get(Var::Trust(*a, *b));
            }
        }
    }
    sum
}

fn observed(game: &Game, d: Dynamic) -> bool {
    game.observations().iter().any(|o| o.dynamic == d)
}

#[test]
fn habits_of_cooperation_meeting_builds_trust_suspension_decays() {
    let s = mini();
    let mut meeting = Game::new(s.clone(), 1);
    let mut suspended = Game::new(
        mini_with(|s| s.forums[0].status = ForumStatus::Suspended),
        1,
    );
    let members = [ALPHA, BETA, GAMMA, DELTA];
    for _ in 0..6 {
        turn(&mut meeting, &[]);
        turn(&mut suspended, &[]);
    }
    assert!(
        mutual_trust(&mut meeting, &members) > mutual_trust(&mut suspended, &members) + 20.0,
        "six sessions raise members' mutual trust more than six turns suspended"
    );
    assert!(
        meeting.get(Var::Habit(TALKS)) > 20.0,
        "habit grows with sessions"
    );
    assert!(
        suspended.get(Var::Habit(TALKS)) < 20.0,
        "a suspended forum decays"
    );
    assert!(observed(&meeting, Dynamic::HabitsOfCooperation));
}

#[test]
fn walking_out_costs_more_as_habit_grows() {
    let cost_at = |habit: f32| {
        let s = mini_with(|s| s.forums[0].habit = habit);
        let mut g = Game::new(s.clone(), 1);
        let before = g.get(Var::Trust(ALPHA, BETA));
        turn(&mut g, &[order(&s, BETA, "walk_out", Target::Forum(TALKS))]);
        before - g.get(Var::Trust(ALPHA, BETA))
    };
    assert!(cost_at(80.0) > cost_at(10.0) + 3.0);
}

#[test]
fn alliance_security_dilemma() {
    let s = mini();
    let mut reassured = Game::new(s.clone(), 3);
    let mut neglected = Game::new(s.clone(), 3);
    for _ in 0..3 {
        turn(
            &mut reassured,
            &[order(&s, ALPHA, "reassure", Target::Party(BETA))],
        );
        turn(&mut neglected, &[]);
    }
    let fear = Var::Alliance(ALLIANCE, AllianceFigure::AbandonmentFear);
    let trap = Var::Alliance(ALLIANCE, AllianceFigure::EntrapmentRisk);
    assert!(
        reassured.get(fear) < neglected.get(fear),
        "reassurance calms the client"
    );
    assert!(
        neglected.get(fear) > 40.0,
        "neglect raises abandonment fear"
    );
    assert!(
        reassured.get(trap) > neglected.get(trap),
        "reassurance entangles the patron"
    );
    assert!(
        reassured.get(Var::Threat(GAMMA, ALPHA)) > neglected.get(Var::Threat(GAMMA, ALPHA)),
        "the rival feels more threatened"
    );
    assert!(observed(&reassured, Dynamic::AllianceSecurityDilemma));
}

#[test]
fn security_dilemma_growth_alarms_and_transparency_damps() {
    let opaque = mini_with(|s| s.tracks[2].value = 0.0);
    let open = mini_with(|s| s.tracks[2].value = 100.0);
    let still = mini_with(|s| s.parties[2].growth = 0.0);
    let rise = |s: Arc<Scenario>| {
        let mut g = Game::new(s, 5);
        for _ in 0..6 {
            turn(&mut g, &[]);
        }
        g.get(Var::Threat(ALPHA, GAMMA))
    };
    let (opaque, open, still) = (rise(opaque), rise(open), rise(still));
    assert!(
        opaque > still + 3.0,
        "growth alone raises threat perception: {opaque} vs {still}"
    );
    assert!(open < opaque, "transparency damps it: {open} vs {opaque}");
}

#[test]
fn issue_linkage_a_bilateral_row_spills_into_shared_forums() {
    let s = mini();
    let mut row = Game::new(s.clone(), 9);
    let mut calm = Game::new(s.clone(), 9);
    // Alpha presses and denounces Gamma in one turn: Gamma's trust in Alpha drops sharply.
    turn(
        &mut row,
        &[
            order(&s, ALPHA, "pressure", Target::Party(GAMMA)),
            order(&s, ALPHA, "denounce", Target::Party(GAMMA)),
        ],
    );
    turn(&mut calm, &[]);
    assert!(row.get(Var::Habit(TALKS)) < calm.get(Var::Habit(TALKS)));
    assert!(
        row.get(Var::Trust(GAMMA, BETA)) < calm.get(Var::Trust(GAMMA, BETA)),
        "the row spills onto Alpha's ally"
    );
    assert!(observed(&row, Dynamic::IssueLinkage));
}

#[test]
fn red_lines_raising_an_excluded_topic_makes_the_owner_walk_out() {
    let s = mini();
    let mut g = Game::new(s.clone(), 2);
    turn(
        &mut g,
        &[order(&s, ALPHA, "raise_strait", Target::Forum(TALKS))],
    );
    assert_eq!(g.state().forums[TALKS.0].status, ForumStatus::Suspended);
    assert!(g.get(Var::Trust(GAMMA, ALPHA)) < -25.0);
    assert!(observed(&g, Dynamic::RedLines));
    // Raising a topic nobody excluded is just pressure.
    let mut other = Game::new(mini_with(|s| s.forums[0].excluded.clear()), 2);
    turn(
        &mut other,
        &[order(&s, ALPHA, "raise_strait", Target::Forum(TALKS))],
    );
    assert_eq!(other.state().forums[TALKS.0].status, ForumStatus::Active);
}

#[test]
fn conveners_leverage_hosting_earns_prestige_and_trust() {
    let s = mini();
    let hosted = mini_with(|s| s.forums[0].host = Some(GAMMA));
    let unhosted = mini_with(|s| s.forums[0].host = None);
    let run = |s: Arc<Scenario>| {
        let mut g = Game::new(s, 4);
        for _ in 0..4 {
            turn(&mut g, &[]);
        }
        (
            g.get(Var::Figure(GAMMA, scenario::Figure::Prestige)),
            g.get(Var::Trust(BETA, GAMMA)),
        )
    };
    let (p1, t1) = run(hosted);
    let (p0, t0) = run(unhosted);
    assert!(p1 > p0 + 4.0, "host prestige {p1} vs {p0}");
    assert!(t1 > t0, "members trust the convener more: {t1} vs {t0}");
    drop(s);
}

#[test]
fn forum_shopping_overlapping_venues_are_a_choice() {
    let s = mini_with(|s| s.forums[1].status = ForumStatus::Active);
    let mut g = Game::new(s.clone(), 6);
    turn(
        &mut g,
        &[order(&s, BETA, "attend", Target::Forum(ForumIx(0)))],
    );
    turn(
        &mut g,
        &[order(&s, BETA, "attend", Target::Forum(ForumIx(1)))],
    );
    let mut session = sixparty_core::session::Session::new(s, 6, vec![]);
    session.game = g;
    let d = sixparty_core::debrief::Debrief::of(&mut session);
    let f = d
        .findings
        .iter()
        .find(|f| f.dynamic == Dynamic::ForumShopping)
        .unwrap();
    assert!(f.occurred, "{f:?}");
    assert!(f.why.contains("Beta"), "{}", f.why);
}

#[test]
fn brinkmanship_the_weak_extract_concessions_at_a_price_in_trust() {
    let s = mini();
    let mut g = Game::new(s.clone(), 8);
    let mut quiet = Game::new(s.clone(), 8);
    turn(&mut g, &[order(&s, DELTA, "provoke", Target::None)]);
    turn(&mut quiet, &[]);
    let cap = Var::Figure(DELTA, scenario::Figure::Capital);
    assert!(
        g.get(cap) > quiet.get(cap) - 1.0 + 0.4,
        "concessions more than pay the move"
    );
    assert!(g.get(Var::Trust(BETA, DELTA)) < quiet.get(Var::Trust(BETA, DELTA)));
    assert!(observed(&g, Dynamic::Brinkmanship));
    // A strong party's pressure is no brinkmanship.
    let mut strong = Game::new(s.clone(), 8);
    turn(
        &mut strong,
        &[order(&s, ALPHA, "pressure", Target::Party(GAMMA))],
    );
    assert!(!observed(&strong, Dynamic::Brinkmanship));
}

#[test]
fn domestic_politics_a_new_government_changes_what_the_ai_does() {
    let s = mini();
    let mut g = Game::new(s.clone(), 1);
    turn(&mut g, &[]);
    turn(&mut g, &[]);
    g.begin_turn().unwrap();
    let election = EventIx(0);
    assert_eq!(g.pending()[0].event, election);
    g.decide(election, 1).unwrap(); // hedge: new doctrine
    g.close_decisions().unwrap();
    let state = g.state();
    assert_eq!(
        s.doctrines[state.parties[BETA.0].doctrine.0].id,
        "beta-hedge"
    );
    let plan = sixparty_core::ai::plan_orders(&s, &state, BETA, &[]);
    let mut loyal = state.clone();
    loyal.parties[BETA.0].doctrine = s.parties[BETA.0].doctrine;
    let loyal_plan = sixparty_core::ai::plan_orders(&s, &loyal, BETA, &[]);
    assert_ne!(
        plan.iter().map(|c| c.order).collect::<Vec<_>>(),
        loyal_plan.iter().map(|c| c.order).collect::<Vec<_>>(),
        "the new doctrine plays differently"
    );
    g.end_turn().unwrap();
    assert!(observed(&g, Dynamic::DomesticPolitics));
}

#[test]
fn reciprocity_pressure_is_answered_in_kind_by_the_ai() {
    let s = mini();
    let mut g = Game::new(s.clone(), 1);
    let pressed = {
        turn(
            &mut g,
            &[order(&s, ALPHA, "pressure", Target::Party(GAMMA))],
        );
        turn(
            &mut g,
            &[order(&s, ALPHA, "pressure", Target::Party(GAMMA))],
        );
        g.begin_turn().unwrap();
        for p in g.pending() {
            g.decide(p.event, 0).unwrap();
        }
        g.close_decisions().unwrap();
        let state = g.state();
        sixparty_core::ai::rank_orders(&s, &state, GAMMA, 3.0, &[])
    };
    let mut fresh = Game::new(s.clone(), 1);
    fresh.begin_turn().unwrap();
    fresh.close_decisions().unwrap();
    let calm = sixparty_core::ai::rank_orders(&s, &fresh.state(), GAMMA, 3.0, &[]);
    let utility = |list: &[sixparty_core::ai::Choice], o: Order| {
        list.iter()
            .find(|c| c.order == o)
            .map(|c| c.utility)
            .unwrap()
    };
    let back = order(&s, GAMMA, "pressure", Target::Party(ALPHA));
    assert!(
        utility(&pressed, back) > utility(&calm, back),
        "after being pressed, pressing back is worth more to Gamma"
    );
    let answer = pressed.iter().find(|c| c.order == back).unwrap();
    assert!(answer.reason.contains("in kind"), "{}", answer.reason);
}

#[test]
fn simultaneous_choices_interact() {
    let s = mini();
    let both = {
        let mut g = Game::new(s.clone(), 1);
        turn(
            &mut g,
            &[
                order(&s, ALPHA, "summit", Target::Party(GAMMA)),
                order(&s, GAMMA, "summit", Target::Party(ALPHA)),
            ],
        );
        g.get(Var::Trust(GAMMA, ALPHA))
    };
    let alone = {
        let mut g = Game::new(s.clone(), 1);
        turn(&mut g, &[order(&s, ALPHA, "summit", Target::Party(GAMMA))]);
        g.get(Var::Trust(GAMMA, ALPHA))
    };
    assert!(
        both > alone + 5.0,
        "a summit pays only if both come: {both} vs {alone}"
    );
}

/// The debrief's detector, on a game built to avoid the dynamics that need a move: every party
/// passes every month, so no red line is crossed, no venue is shopped, no move is returned in
/// kind, no row spills over, no weak party presses, no ally is reassured. The tests above show
/// each of these found in a game built to show it.
#[test]
fn a_quiet_game_shows_none_of_the_dynamics_that_need_a_move() {
    let s = mini();
    let mut g = Game::new(s.clone(), 2);
    for _ in 0..4 {
        turn(&mut g, &[]);
    }
    let mut session = sixparty_core::session::Session::new(s, 2, vec![]);
    session.game = g;
    let d = sixparty_core::debrief::Debrief::of(&mut session);
    for dynamic in [
        Dynamic::RedLines,
        Dynamic::ForumShopping,
        Dynamic::Reciprocity,
        Dynamic::IssueLinkage,
        Dynamic::Brinkmanship,
        Dynamic::AllianceSecurityDilemma,
    ] {
        let f = d.findings.iter().find(|f| f.dynamic == dynamic).unwrap();
        assert!(!f.occurred, "{dynamic:?} found in a quiet game: {}", f.why);
    }
}
