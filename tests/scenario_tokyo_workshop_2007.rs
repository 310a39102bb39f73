//! The Tokyo workshop, autumn 2007 (scenarios/tokyo-workshop-2007.ron).
//!
//! The decision pinned here is Japan's answer at the first workshop (`tokyo_says_no`): reject
//! outright the idea that the Six Party Talks grow into a standing regional mechanism, or keep
//! an open mind. The rest of the game is the same: Japan's seat follows the advisor, every other
//! seat is AI, same seed. The figure is the standing mechanism's habit of cooperation at the
//! end (and the sessions it held): a public 'no' makes joining later costly at home, so when the
//! mechanism is convened Tokyo sends only observers, the mechanism never sits and its groundwork
//! decays; with an open mind Tokyo takes its seat and the mechanism meets.

use std::sync::Arc;

use sixparty::scenario::{self, ForumIx, ForumStatus, PartyIx, Scenario};
use sixparty::session::Session;
use sixparty::sim::Var;

const ID: &str = "tokyo-workshop-2007";
const SEED: u64 = 9;

fn scenario() -> Arc<Scenario> {
    Arc::new(scenario::resolve(ID, None).expect("the built-in scenario loads"))
}

fn party(s: &Scenario, id: &str) -> PartyIx {
    PartyIx(s.parties.iter().position(|p| p.id == id).expect(id))
}

fn forum(s: &Scenario, id: &str) -> ForumIx {
    ForumIx(s.forums.iter().position(|f| f.id == id).expect(id))
}

/// How the mechanism ended a game.
struct Outcome {
    habit: f32,
    sessions: u32,
    status: ForumStatus,
}

/// Play the whole game with Japan's seat on the advisor, except its answer at the workshop.
fn play(answer: &str) -> Outcome {
    let s = scenario();
    let japan = party(&s, "japan");
    let mechanism = forum(&s, "nea_mechanism");
    let mut session = Session::new(s.clone(), SEED, vec![japan]);
    let mut answered = false;
    while !session.game.is_over() {
        session.start_turn().unwrap();
        for p in session.human_decisions() {
            let event = &s.events[p.event.0];
            let option = if event.id == "tokyo_says_no" {
                answered = true;
                event
                    .options
                    .iter()
                    .position(|o| o.id == answer)
                    .expect(answer)
            } else {
                session.advise_decision(p).option
            };
            session.decide(p.event, option).unwrap();
        }
        session.open_orders().unwrap();
        while let Some(advice) = session.advise_orders(japan).into_iter().next() {
            if session.order(advice.order).is_err() {
                break;
            }
        }
        session.end_turn().unwrap();
    }
    assert!(answered, "Japan answered at the Tokyo workshop");
    let state = session.game.state();
    Outcome {
        habit: session.game.get(Var::Habit(mechanism)),
        sessions: state.forums[mechanism.0].sessions,
        status: state.forums[mechanism.0].status,
    }
}

#[test]
fn japans_no_at_the_tokyo_workshop_keeps_the_mechanism_from_meeting() {
    let open = play("open_mind");
    let reject = play("reject");
    eprintln!(
        "open mind: habit {:.1}, {} sessions, {:?}; public no: habit {:.1}, {} sessions, {:?}",
        open.habit, open.sessions, open.status, reject.habit, reject.sessions, reject.status
    );
    assert!(
        open.sessions >= reject.sessions + 2,
        "the mechanism sat {} times after an open mind, {} times after a public no",
        open.sessions,
        reject.sessions
    );
    assert!(
        open.habit > reject.habit + 10.0,
        "the mechanism's habit at the end: {:.1} after an open mind vs {:.1} after a public no",
        open.habit,
        reject.habit
    );
    assert_eq!(
        open.status,
        ForumStatus::Active,
        "open mind: Tokyo took its seat"
    );
    assert_ne!(
        reject.status,
        ForumStatus::Active,
        "public no: Tokyo sent observers and the mechanism never sat"
    );
}
