//! A tender time for alliances: the alliance security dilemma. One decision is pinned — whether
//! Washington answers Seoul's request of October 2009 by spelling out extended nuclear
//! deterrence or by keeping the umbrella private and unwritten — and two games with the same
//! seed, identical but for that choice, are compared.
//!
//! Documented figures: South Korea's abandonment fear in the US–ROK alliance
//! (`Var::Alliance(us-south_korea, AbandonmentFear)`), China's threat perception of the United
//! States (`Var::Threat(china, us)`) and the US entrapment risk in the alliance
//! (`Var::Alliance(us-south_korea, EntrapmentRisk)`), read after the first month and after the
//! third. Washington's seat follows the advisor in everything else; every other seat is the AI.
//! Over seeds 1–5: in October 2009 Seoul's fear is 31 against 49, China's threat perception
//! 49.1 against 44.1 and the entrapment risk 39 against 30; in December the fear is still 18
//! lower, the threat 5 higher and the entrapment 6–9 higher. By September 2010 the games have
//! diverged (the fear is still lower, the threat no longer reliably higher), so the test reads
//! the first quarter, when the decision's own effects dominate.

mod common;

use std::sync::Arc;

use common::{advised_orders, alliance, decide, party};
use sixparty_core::scenario::{AllianceFigure, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::Var;

const ID: &str = "tender-time-for-alliances";

/// The figures after a given turn.
#[derive(Debug, Clone, Copy)]
struct Figures {
    fear: f32,
    threat: f32,
    entrapment: f32,
}

/// Play `turns` turns with Washington on the advisor, except that it answers Seoul's request
/// (the event `rok_asks_umbrella`) with `answer`. Returns the figures after each turn.
fn play(s: &Arc<Scenario>, seed: u64, answer: &str, turns: u32) -> Vec<Figures> {
    let (us, china) = (party(s, "us"), party(s, "china"));
    let alliance = alliance(s, "us-south_korea");
    let mut session = Session::new(s.clone(), seed, vec![us]);
    let mut out = Vec::new();
    while session.game.turn() < turns {
        session.start_turn().unwrap();
        decide(&mut session, &[("rok_asks_umbrella", answer)]);
        session.open_orders().unwrap();
        advised_orders(&mut session, us);
        session.end_turn().unwrap();
        out.push(Figures {
            fear: session
                .game
                .get(Var::Alliance(alliance, AllianceFigure::AbandonmentFear)),
            threat: session.game.get(Var::Threat(china, us)),
            entrapment: session
                .game
                .get(Var::Alliance(alliance, AllianceFigure::EntrapmentRisk)),
        });
    }
    out
}

#[test]
fn spelling_out_the_umbrella_calms_seoul_and_alarms_beijing() {
    let s = common::load(ID);
    for seed in [1, 2, 3, 4, 5] {
        let written = play(&s, seed, "spell_out", 3);
        let unwritten = play(&s, seed, "defer", 3);
        for (turn, (w, u)) in written.iter().zip(&unwritten).enumerate() {
            let month = ["October", "November", "December"][turn];
            assert!(
                w.fear + 8.0 < u.fear,
                "seed {seed}, {month} 2009: Seoul's abandonment fear is {:.1} with the umbrella \
                 spelled out versus {:.1} with it unwritten (expected at least 8 lower)",
                w.fear,
                u.fear
            );
            assert!(
                w.threat > u.threat + 3.0,
                "seed {seed}, {month} 2009: China's threat perception of the United States is \
                 {:.1} with the umbrella spelled out versus {:.1} with it unwritten \
                 (expected at least 3 higher)",
                w.threat,
                u.threat
            );
            assert!(
                w.entrapment > u.entrapment + 4.0,
                "seed {seed}, {month} 2009: US entrapment risk in the alliance is {:.1} with the \
                 umbrella spelled out versus {:.1} with it unwritten (expected at least 4 higher)",
                w.entrapment,
                u.entrapment
            );
        }
    }
}
