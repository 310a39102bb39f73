//! The Tokyo workshop, autumn 2007 (scenarios/tokyo-workshop-2007.ron).
//!
//! The decision pinned here is Japan's answer at the first workshop (`tokyo_says_no`): reject
//! outright the idea that the Six Party Talks grow into a standing regional mechanism, or keep
//! an open mind. The rest of the game is the same: Japan's seat follows the advisor, every other
//! seat is AI, same seeds. The figures are the standing mechanism's habit of cooperation at the
//! end, the sessions it held and whether it ended active, over a dozen seeds: a public 'no' makes
//! joining later costly at home, so when the mechanism is convened Tokyo sends only observers,
//! the mechanism rarely sits and its groundwork decays; with an open mind Tokyo takes its seat
//! and the mechanism meets. (In some games nobody convenes the mechanism at all, whatever Tokyo
//! said; the comparison is over all of them.)

mod common;

use common::{advised_orders, decide, forum, party};
use sixparty_core::scenario::ForumStatus;
use sixparty_core::session::Session;
use sixparty_core::sim::Var;

const ID: &str = "tokyo-workshop-2007";
/// The effect depends on the rest of the game (whether anyone convenes the mechanism at all), so
/// it is read over a dozen seeds rather than one.
const SEEDS: std::ops::RangeInclusive<u64> = 1..=12;

/// How the mechanism ended a game.
struct Outcome {
    habit: f32,
    sessions: u32,
    status: ForumStatus,
}

/// Play the whole game with Japan's seat on the advisor, except its answer at the workshop.
fn play(seed: u64, answer: &str) -> Outcome {
    let s = common::load(ID);
    let japan = party(&s, "japan");
    let mechanism = forum(&s, "nea_mechanism");
    let mut session = Session::new(s.clone(), seed, vec![japan]);
    let mut answered = Vec::new();
    while !session.game.is_over() {
        session.start_turn().unwrap();
        answered.extend(decide(&mut session, &[("tokyo_says_no", answer)]));
        session.open_orders().unwrap();
        advised_orders(&mut session, japan);
        session.end_turn().unwrap();
    }
    assert_eq!(
        answered,
        ["tokyo_says_no"],
        "Japan answered at the Tokyo workshop"
    );
    let state = session.game.state();
    Outcome {
        habit: session.game.get(Var::Habit(mechanism)),
        sessions: state.forums[mechanism.0].sessions,
        status: state.forums[mechanism.0].status,
    }
}

#[test]
fn japans_no_at_the_tokyo_workshop_keeps_the_mechanism_from_meeting() {
    let (mut open_habit, mut reject_habit) = (0.0, 0.0);
    let (mut open_sessions, mut reject_sessions) = (0, 0);
    let (mut open_active, mut reject_active) = (0, 0);
    for seed in SEEDS {
        let open = play(seed, "open_mind");
        let reject = play(seed, "reject");
        eprintln!(
            "seed {seed}: open mind: habit {:.1}, {} sessions, {:?}; public no: habit {:.1}, {} sessions, {:?}",
            open.habit, open.sessions, open.status, reject.habit, reject.sessions, reject.status
        );
        open_habit += open.habit;
        reject_habit += reject.habit;
        open_sessions += open.sessions;
        reject_sessions += reject.sessions;
        open_active += u32::from(open.status == ForumStatus::Active);
        reject_active += u32::from(reject.status == ForumStatus::Active);
    }
    let games = SEEDS.count() as f32;
    let (open_habit, reject_habit) = (open_habit / games, reject_habit / games);
    assert!(
        open_habit > reject_habit + 8.0,
        "the mechanism's mean habit at the end: {open_habit:.1} after an open mind vs {reject_habit:.1} after a public no"
    );
    assert!(
        open_sessions >= reject_sessions * 2,
        "the mechanism sat {open_sessions} times in all after an open mind, {reject_sessions} times after a public no"
    );
    assert!(
        open_active > reject_active,
        "the mechanism ended active in {open_active} games after an open mind, {reject_active} after a public no"
    );
}
