//! The Taiwan arms sale, 2010 (scenarios/taiwan-arms-sale-2010.ron).
//!
//! The decision pinned here is Washington's in January 2010 (event `arms_package`): notify
//! Congress of the full $6.4 billion package, or hold the notification. Everything else is the
//! same: the US seat follows the advisor in every other decision and every month's orders, every
//! other seat is AI, and each of five seeds is played both ways. The figures are China's
//! cooperation on North Korea over the following months: Beijing's trust in Washington in March,
//! the Six Party Talks' habit of cooperation in June, and the months that end with the talks in
//! session by October. Approving drains the stalled talks through the issue-linkage rule, shuts
//! the door to summits and cools the host's envoy work, so the talks stay on ice longer or for
//! good; deferring keeps Beijing working to bring Pyongyang back.

mod common;

use common::{advised_orders, decide, forum, party};
use sixparty_core::scenario::ForumStatus;
use sixparty_core::session::Session;
use sixparty_core::sim::Var;

const ID: &str = "taiwan-arms-sale-2010";
/// The same five seeds for both choices.
const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];
/// March 2010 and June 2010.
const MARCH: u32 = 3;
const JUNE: u32 = 6;

/// China's cooperation on North Korea after one choice on the package.
#[derive(Debug)]
struct Cooperation {
    /// China's trust in the United States at the end of March 2010.
    china_trust_march: f32,
    /// The Six Party Talks' habit at the end of June 2010.
    talks_habit_june: f32,
    /// Months (of ten) that end with the Six Party Talks in session.
    months_in_session: u32,
}

/// Play the whole game with the US seat on the advisor, except its choice on the package.
fn play(seed: u64, choice: &str) -> Cooperation {
    let s = common::load(ID);
    let (us, china) = (party(&s, "us"), party(&s, "china"));
    let talks = forum(&s, "six_party_talks");
    let mut session = Session::new(s.clone(), seed, vec![us]);
    let mut decided = false;
    let mut out = Cooperation {
        china_trust_march: f32::NAN,
        talks_habit_june: f32::NAN,
        months_in_session: 0,
    };
    while !session.game.is_over() {
        session.start_turn().unwrap();
        if !decide(&mut session, &[("arms_package", choice)]).is_empty() {
            decided = true;
        }
        session.open_orders().unwrap();
        advised_orders(&mut session, us);
        session.end_turn().unwrap();
        let turn = session.game.turn();
        if turn == MARCH {
            out.china_trust_march = session.game.get(Var::Trust(china, us));
        }
        if turn == JUNE {
            out.talks_habit_june = session.game.get(Var::Habit(talks));
        }
        if session.game.state().forums[talks.0].status == ForumStatus::Active {
            out.months_in_session += 1;
        }
    }
    assert!(decided, "Washington decided on the package");
    out
}

#[test]
fn approving_the_arms_sale_cools_chinas_cooperation_on_the_six_party_talks() {
    let mut months = (0, 0);
    for seed in SEEDS {
        let defer = play(seed, "defer");
        let approve = play(seed, "approve");
        eprintln!("seed {seed}: defer {defer:?}\n        approve {approve:?}");
        assert!(
            defer.china_trust_march > approve.china_trust_march + 10.0,
            "seed {seed}: China's trust in the US in March 2010: {:.1} after deferring vs {:.1} after approving",
            defer.china_trust_march,
            approve.china_trust_march
        );
        assert!(
            defer.talks_habit_june > approve.talks_habit_june + 8.0,
            "seed {seed}: the Six Party Talks' habit in June 2010: {:.1} after deferring vs {:.1} after approving",
            defer.talks_habit_june,
            approve.talks_habit_june
        );
        assert!(
            defer.months_in_session >= approve.months_in_session,
            "seed {seed}: months in session: {} after deferring vs {} after approving",
            defer.months_in_session,
            approve.months_in_session
        );
        months.0 += defer.months_in_session;
        months.1 += approve.months_in_session;
    }
    assert!(
        months.0 >= months.1 + 10,
        "months the talks end in session, January–October 2010, over {} seeds: {} after deferring vs {} after approving",
        SEEDS.len(),
        months.0,
        months.1
    );
}
