//! The Six Party Talks, action for action (scenarios/six-party-talks.ron).
//!
//! The decision pinned here is North Korea's in the first month of the second-phase package
//! (October 2007, the first fuel already at sea): carry out its disablement step, or backtrack
//! on the package. Everything else is the same: North Korea's seat follows the advisor in every
//! other month and every event, every other seat is AI, same seed. The figures are the track
//! `package` (how much of the package has been carried out) and the trust the United States and
//! China, the party the step is addressed to and the host, place in Pyongyang, three months on:
//! a step answered by fuel moves the package and builds trust; reneging after the fuel has been
//! paid unwinds it, and the donors and the host remember.

mod common;

use common::{action, party, track};
use sixparty_core::session::Session;
use sixparty_core::sim::{Order, Target, Var};

const ID: &str = "six-party-talks";
const SEED: u64 = 3;
/// The month of the decision (October 2007) and how many months later the figures are read.
const DECISION_TURN: u32 = 1;
const LATER: u32 = 3;

/// The figures read after a game.
#[derive(Debug)]
struct Figures {
    /// `package` at the end of the decision month.
    package_now: f32,
    /// `package` `LATER` months on.
    package_later: f32,
    /// The United States' trust in North Korea `LATER` months on.
    us_trust_later: f32,
    /// China's trust in North Korea `LATER` months on.
    china_trust_later: f32,
}

/// Play `DECISION_TURN + LATER` months with North Korea on the advisor, except that in the
/// decision month its only order is `step` toward the United States.
fn play(step: &str) -> Figures {
    let s = common::load(ID);
    let (us, china, dprk) = (
        party(&s, "us"),
        party(&s, "china"),
        party(&s, "north_korea"),
    );
    let package = track(&s, "package");
    let mut session = Session::new(s.clone(), SEED, vec![dprk]);
    let mut package_now = f32::NAN;
    for turn in 1..=DECISION_TURN + LATER {
        session.start_turn().unwrap();
        for p in session.human_decisions() {
            let pick = session.advise_decision(p).option;
            session.decide(p.event, pick).unwrap();
        }
        session.open_orders().unwrap();
        if turn == DECISION_TURN {
            let order = Order {
                party: dprk,
                action: action(&s, step),
                target: Target::Party(us),
            };
            session
                .order(order)
                .unwrap_or_else(|e| panic!("{step} is legal in the decision month: {e}"));
        } else {
            while let Some(advice) = session.advise_orders(dprk).into_iter().next() {
                if session.order(advice.order).is_err() {
                    break;
                }
            }
        }
        session.end_turn().unwrap();
        if turn == DECISION_TURN {
            package_now = session.game.get(Var::Track(package));
        }
    }
    Figures {
        package_now,
        package_later: session.game.get(Var::Track(package)),
        us_trust_later: session.game.get(Var::Trust(us, dprk)),
        china_trust_later: session.game.get(Var::Trust(china, dprk)),
    }
}

#[test]
fn a_step_answered_moves_the_package_and_reneging_unwinds_it_and_costs_trust() {
    let step = play("disable_step");
    let renege = play("backtrack");
    eprintln!("disablement step: {step:?}\nbacktrack: {renege:?}");
    assert!(
        step.package_now > renege.package_now + 6.0,
        "package at the end of October 2007: {:.1} after the step vs {:.1} after backtracking",
        step.package_now,
        renege.package_now
    );
    assert!(
        step.package_later > renege.package_later + 6.0,
        "package three months on: {:.1} after the step vs {:.1} after backtracking",
        step.package_later,
        renege.package_later
    );
    assert!(
        step.us_trust_later > renege.us_trust_later + 5.0,
        "US trust in North Korea three months on: {:.1} after the step vs {:.1} after backtracking",
        step.us_trust_later,
        renege.us_trust_later
    );
    assert!(
        step.china_trust_later > renege.china_trust_later + 2.0,
        "the host's trust in North Korea three months on: {:.1} after the step vs {:.1} after backtracking",
        step.china_trust_later,
        renege.china_trust_later
    );
}
