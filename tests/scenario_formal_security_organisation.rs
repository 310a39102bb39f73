//! A Helsinki for Northeast Asia? (scenarios/formal-security-organisation.ron, counterfactual).
//!
//! The decision pinned here is when Seoul, the charter's champion, tables its drafts: at once
//! and every time it can (rushing), or only once regional confidence has passed 40 (habits
//! first). Everything else is the same in both games: same seed; every other seat on AI; Seoul
//! answers its events with the advisor, cooperates on a shared problem and invests in a forum
//! whenever it can, and leaves the rest to the advisor. The figures are the organisation's status
//! and habit at the end and the region's confidence: the rushed charter is signed and rejected
//! again and again, draining confidence, while the patient one is ratified and the organisation
//! meets.

mod common;

use common::{action, forum, party, track};
use sixparty_core::scenario::ForumStatus;
use sixparty_core::session::Session;
use sixparty_core::sim::{Target, Var};

const ID: &str = "formal-security-organisation";
const SEED: u64 = 4;
/// Capitals engage with a draft only above this confidence (the scenario's own threshold).
const ENGAGED: f32 = 40.0;

/// How a game ended for the charter.
struct Outcome {
    status: ForumStatus,
    habit: f32,
    confidence: f32,
    drafts: u32,
}

/// Play the whole game as Seoul; `rush` decides whether drafts wait for confidence.
fn play(rush: bool) -> Outcome {
    let s = common::load(ID);
    let seoul = party(&s, "south_korea");
    let org = forum(&s, "nea_security_org");
    let confidence = track(&s, "confidence");
    let draft = action(&s, "draft_charter").0;
    let habits = [
        action(&s, "functional_cooperation").0,
        action(&s, "attend_forum").0,
    ];
    let mut session = Session::new(s.clone(), SEED, vec![seoul]);
    let mut drafts = 0;
    while !session.game.is_over() {
        session.start_turn().unwrap();
        for p in session.human_decisions() {
            let option = session.advise_decision(p).option;
            session.decide(p.event, option).unwrap();
        }
        session.open_orders().unwrap();
        // The decision: table a draft now, or only once the capitals are ready for it.
        let ready = session.game.get(Var::Track(confidence)) > ENGAGED;
        if rush || ready {
            let legal = session.game.legal_orders(seoul);
            if let Some(o) = legal
                .iter()
                .find(|o| o.action.0 == draft && o.target == Target::None)
            {
                session.order(*o).unwrap();
                drafts += 1;
            }
        }
        // The same habit-building in both games.
        for a in habits {
            let legal = session.game.legal_orders(seoul);
            if let Some(o) = legal.iter().find(|o| o.action.0 == a) {
                session.order(*o).unwrap();
            }
        }
        while let Some(advice) = session.advise_orders(seoul).into_iter().next() {
            if advice.order.action.0 == draft || session.order(advice.order).is_err() {
                break;
            }
        }
        session.end_turn().unwrap();
    }
    let state = session.game.state();
    Outcome {
        status: state.forums[org.0].status,
        habit: session.game.get(Var::Habit(org)),
        confidence: session.game.get(Var::Track(confidence)),
        drafts,
    }
}

#[test]
fn a_rushed_charter_fails_where_habits_first_gets_it_ratified() {
    let patient = play(false);
    let rushed = play(true);
    eprintln!(
        "habits first: {} drafts, organisation {:?} (habit {:.1}), confidence {:.1}; \
         rushed: {} drafts, organisation {:?} (habit {:.1}), confidence {:.1}",
        patient.drafts,
        patient.status,
        patient.habit,
        patient.confidence,
        rushed.drafts,
        rushed.status,
        rushed.habit,
        rushed.confidence
    );
    assert!(
        rushed.drafts > patient.drafts,
        "the rushed game tables more drafts ({} vs {})",
        rushed.drafts,
        patient.drafts
    );
    assert_eq!(
        patient.status,
        ForumStatus::Active,
        "habits first: the charter is ratified and the organisation meets (habit {:.1})",
        patient.habit
    );
    assert_ne!(
        rushed.status,
        ForumStatus::Active,
        "rushed: the charter is never ratified"
    );
    assert!(
        patient.habit > rushed.habit + 10.0,
        "the organisation's habit at the end: {:.1} with habits first vs {:.1} rushed",
        patient.habit,
        rushed.habit
    );
    assert!(
        patient.confidence > rushed.confidence + 20.0,
        "regional confidence at the end: {:.1} with habits first vs {:.1} rushed",
        patient.confidence,
        rushed.confidence
    );
}
