//! The Plus-Three summit, 2010: agenda control. One decision is pinned — whether Japan raises
//! the Taiwan Strait at the Plus-Three in March 2010, two months before the Jeju summit — and
//! two games with the same seed, identical but for that order, are compared.
//!
//! Documented figures: the Plus-Three's habit of cooperation (`Var::Habit`) and China's trust in
//! Japan (`Var::Trust(china, japan)`), read when the May summit has met (turn 4), and China's
//! trust again at the end of the game (turn 10). Over seeds 0–9 the walk-out leaves the habit
//! 10–12 points lower in May and China's trust 14–24 points lower; by November the young forum
//! has made up much of its habit, but China's trust in Japan is still 5–19 points lower. Japan's seat
//! follows the advisor in both games; every other seat is the AI.

mod common;

use std::sync::Arc;

use common::{action, advised_orders, decide, forum, party};
use sixparty_core::scenario::Scenario;
use sixparty_core::session::Session;
use sixparty_core::sim::{Order, Target, Var};

const ID: &str = "plus-three-summit-2010";

/// Habit and China's trust in Japan after the summit month, and China's trust at the end.
struct Figures {
    habit_may: f32,
    trust_may: f32,
    trust_end: f32,
}

/// Play a whole game with Japan on the advisor; if `push`, Japan first raises Taiwan at the
/// Plus-Three in turn 2 (March 2010).
fn play(s: &Arc<Scenario>, seed: u64, push: bool) -> Figures {
    let (japan, china) = (party(s, "japan"), party(s, "china"));
    let plus_three = forum(s, "plus_three");
    let raise = Order {
        party: japan,
        action: action(s, "raise_taiwan"),
        target: Target::Forum(plus_three),
    };
    let mut session = Session::new(s.clone(), seed, vec![japan]);
    let (mut habit_may, mut trust_may) = (0.0, 0.0);
    while !session.game.is_over() {
        session.start_turn().unwrap();
        decide(&mut session, &[]);
        session.open_orders().unwrap();
        if push && session.game.turn() == 2 {
            session
                .order(raise)
                .expect("raising Taiwan at the Plus-Three is legal in March");
        }
        advised_orders(&mut session, japan);
        session.end_turn().unwrap();
        if session.game.turn() == 4 {
            habit_may = session.game.get(Var::Habit(plus_three));
            trust_may = session.game.get(Var::Trust(china, japan));
        }
    }
    Figures {
        habit_may,
        trust_may,
        trust_end: session.game.get(Var::Trust(china, japan)),
    }
}

#[test]
fn japan_raising_taiwan_costs_the_summit_habit_and_chinas_trust() {
    let s = common::load(ID);
    for seed in 0..10_u64 {
        let kept = play(&s, seed, false);
        let pushed = play(&s, seed, true);
        assert!(
            pushed.habit_may + 6.0 < kept.habit_may,
            "seed {seed}: Plus-Three habit in May 2010 is {:.1} after Japan raises Taiwan \
             versus {:.1} when it keeps Taiwan off the table (expected at least 6 lower)",
            pushed.habit_may,
            kept.habit_may
        );
        assert!(
            pushed.trust_may + 10.0 < kept.trust_may,
            "seed {seed}: China's trust in Japan in May 2010 is {:.1} after Japan raises Taiwan \
             versus {:.1} when it does not (expected at least 10 lower)",
            pushed.trust_may,
            kept.trust_may
        );
        // A young forum's habit can be rebuilt by November; Beijing's trust is slower to return.
        assert!(
            pushed.trust_end + 3.0 < kept.trust_end,
            "seed {seed}: China's trust in Japan in November 2010 is {:.1} after the March \
             walk-out versus {:.1} without it (expected at least 3 lower)",
            pushed.trust_end,
            kept.trust_end
        );
    }
}
