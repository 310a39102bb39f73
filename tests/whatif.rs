//! What-if runs: continuations, the seat comparison and the turning point.

mod common;

use common::{advised_orders, decide, load, party};
use sixparty::session::Session;
use sixparty::whatif::{self, Position, Spread};

#[test]
fn probe_timing() {
    let s = load("campaign-2010-2011");
    let us = party(&s, "us");
    let mut session = Session::new(s.clone(), 7, vec![us]);
    while !session.game.is_over() {
        session.start_turn().unwrap();
        decide(&mut session, &[("taiwan_arms_sale", "approve")]);
        session.open_orders().unwrap();
        if session.game.turn() % 3 == 0 {
            advised_orders(&mut session, us);
        }
        session.end_turn().unwrap();
    }
    let t = std::time::Instant::now();
    let tps = whatif::turning_points(&s, 7, &[us], session.choices(), 2).unwrap();
    eprintln!("{:?} in {:?}", tps, t.elapsed());
    let t = std::time::Instant::now();
    let actual: Vec<f32> = (0..6).map(|p| session.game.score(sixparty::scenario::PartyIx(p))).collect();
    let cmp = whatif::compare_seats(&s, 7, &[us], &actual, 20).unwrap();
    eprintln!("{:?} {:?} in {:?}", cmp, cmp[0].spread(), t.elapsed());
    let _ = (Position::of(&mut session), Spread::of(&[]));
}
