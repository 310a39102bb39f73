//! Seeded whole games with no terminal.

use std::sync::Arc;

use sixparty_core::debrief::Debrief;
use sixparty_core::scenario::{self, PartyIx};
use sixparty_core::session::Session;

fn play_out(scenario: Arc<scenario::Scenario>, seed: u64, humans: Vec<PartyIx>) -> Session {
    let mut session = Session::new(scenario, seed, humans);
    while !session.game.is_over() {
        session.start_turn().unwrap();
        for p in session.human_decisions() {
            let pick = session.advise_decision(p);
            session.decide(p.event, pick.option).unwrap();
        }
        session.open_orders().unwrap();
        for h in session.humans().to_vec() {
            for c in session.advise_orders(h) {
                session.order(c.order).unwrap();
            }
        }
        session.end_turn().unwrap();
    }
    session
}

#[test]
fn campaign_plays_to_the_end_and_debriefs() {
    let s = Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap());
    let turns = s.turns;
    let mut session = play_out(s, 7, vec![PartyIx(0)]);
    assert_eq!(session.game.turn(), turns);
    assert_eq!(session.game.history().len() as u32, turns + 1);
    let d = Debrief::of(&mut session);
    let text = d.lines().join("\n");
    println!("{text}");
    assert_eq!(d.scores.len(), 6);
    assert!(text.contains("Dynamics at work"));
    // The game replays from its seed and the human's choices to the same final state.
    let s = session.scenario();
    let mut replayed = Session::replay(
        s,
        7,
        vec![PartyIx(0)],
        session.choices(),
        turns,
        sixparty_core::sim::Phase::Over,
        |_| {},
    )
    .expect("replays");
    assert_eq!(replayed.game.state(), session.game.state());
    assert_eq!(replayed.game.history(), session.game.history());
}
