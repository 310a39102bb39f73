//! The campaign, 2010–2011 (scenarios/campaign-2010-2011.ron), the default scenario.
//!
//! The decision pinned here is Washington's first: in January 2010, notify Congress of the full
//! $6.4 billion arms package for Taiwan, or hold the notification. The rest of the game is the
//! same: Washington's seat follows the advisor, every other seat is AI, same seeds. The figures
//! are Beijing's trust in Washington and the region's military transparency in June 2010: an
//! approved sale sets off Beijing's answer (suspended military contacts, sanctions on the firms,
//! or a protest on paper), and the chill carries into the spring.

mod common;

use common::{advised_orders, decide, load, party, track};
use sixparty_core::session::Session;
use sixparty_core::sim::Var;

const ID: &str = "campaign-2010-2011";
const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];
/// June 2010.
const JUNE: u32 = 6;

#[derive(Debug, Clone, Copy)]
struct Figures {
    china_trust_in_us: f32,
    transparency: f32,
}

/// Play until June 2010 with Washington on the advisor, except its answer on the arms sale.
fn play(seed: u64, answer: &str) -> Figures {
    let s = load(ID);
    let (us, china) = (party(&s, "us"), party(&s, "china"));
    let mut session = Session::new(s.clone(), seed, vec![us]);
    let mut answered = Vec::new();
    while session.game.turn() < JUNE {
        session.start_turn().unwrap();
        answered.extend(decide(&mut session, &[("taiwan_arms_sale", answer)]));
        session.open_orders().unwrap();
        advised_orders(&mut session, us);
        session.end_turn().unwrap();
    }
    assert_eq!(answered, ["taiwan_arms_sale"], "Washington answered once");
    Figures {
        china_trust_in_us: session.game.get(Var::Trust(china, us)),
        transparency: session.game.get(Var::Track(track(&s, "transparency"))),
    }
}

#[test]
fn approving_the_arms_sale_chills_beijing_into_the_spring() {
    for seed in SEEDS {
        let approve = play(seed, "approve");
        let defer = play(seed, "defer");
        eprintln!("seed {seed}: approve {approve:?}, defer {defer:?}");
        assert!(
            defer.china_trust_in_us > approve.china_trust_in_us + 3.0,
            "seed {seed}: Beijing's trust in Washington in June is {:.1} after deferring, {:.1} after approving",
            defer.china_trust_in_us,
            approve.china_trust_in_us
        );
        assert!(
            defer.transparency > approve.transparency + 1.0,
            "seed {seed}: military transparency in June is {:.1} after deferring, {:.1} after approving",
            defer.transparency,
            approve.transparency
        );
    }
}
