//! Alliances: reassurance and neglect, the alliance security dilemma.

use crate::scenario::{AllianceFigure, AllianceIx, PartyIx};
use crate::sim::fact::{Fact, Log};
use crate::sim::state::{Facts, Var};

/// A patron (or client) reassures its ally: commitment up, the client's fear down, the patron's
/// entrapment risk up, and every rival of the alliance more alarmed by the patron.
pub(super) fn reassure<F: Facts + ?Sized>(
    f: &mut F,
    a: PartyIx,
    b: PartyIx,
    k: f32,
    log: &mut Log,
) {
    let s = f.scenario();
    let Some(al) = s.alliance_between(a, b) else {
        return;
    };
    let alliance = s.alliances[al.0].clone();
    let turn = f.turn();
    let commitment = f.get(Var::Alliance(al, AllianceFigure::Commitment));
    f.add(
        Var::Alliance(al, AllianceFigure::Commitment),
        k * 5.0 * (1.0 - commitment / 110.0),
    );
    if alliance.patron == a {
        let fear = f.add(Var::Alliance(al, AllianceFigure::AbandonmentFear), -6.0 * k);
        let trap = f.add(Var::Alliance(al, AllianceFigure::EntrapmentRisk), 3.0 * k);
        f.add(Var::Trust(b, a), 2.0 * k);
        let mut alarmed = Vec::new();
        for r in &alliance.rivals {
            if *r != a && *r != b {
                f.add(Var::Threat(*r, a), 3.0 * k);
                f.add(Var::Trust(*r, a), -k);
                alarmed.push(*r);
            }
        }
        if let Some(slot) = f.record_mut().reassured.get_mut(al.0) {
            *slot = turn;
        }
        log.note(Fact::Reassured {
            patron: a,
            client: b,
            fear,
            entrapment: trap,
            alarmed,
        });
    } else {
        // A client's gesture toward its patron: commitment and the patron's trust.
        f.add(Var::Trust(b, a), 3.0 * k);
    }
}

/// Start of turn: a client not reassured last turn fears abandonment more; a frightened client
/// hedges, warming to the alliance's rivals and cooling toward its patron.
pub fn neglect_alliances<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    let s = f.scenario();
    let alliances = s.alliances.clone();
    let neglect = s.rules.neglect_fear;
    let turn = f.turn();
    for (i, al) in alliances.iter().enumerate() {
        let ax = AllianceIx(i);
        let last = f.record().reassured.get(i).copied().unwrap_or(0);
        if turn > 1 && last + 1 < turn {
            f.add(Var::Alliance(ax, AllianceFigure::AbandonmentFear), neglect);
            f.add(Var::Alliance(ax, AllianceFigure::Commitment), -0.5);
        }
        let fear = f.get(Var::Alliance(ax, AllianceFigure::AbandonmentFear));
        if fear > 70.0 {
            f.add(Var::Trust(al.client, al.patron), -1.0);
            for r in &al.rivals {
                if *r != al.client {
                    f.add(Var::Trust(al.client, *r), 1.0);
                }
            }
            log.note(Fact::Hedged {
                client: al.client,
                patron: al.patron,
                fear,
            });
        }
    }
}
