//! Alliances: reassurance and neglect, the alliance security dilemma.

use crate::scenario::{AllianceFigure, AllianceIx, PartyIx};
use crate::sim::fact::{Fact, Log};
use crate::sim::state::{ALLIANCE_FIGURES, Facts, Var, alliance_slot};

use super::maths::{frightened_by, neglected};

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
    let alliance = &s.alliances[al.0];
    let patron = alliance.patron;
    // The rivals the patron's reassurance alarms (listed before any number moves: the fact
    // names them).
    let alarmed: Vec<PartyIx> = if patron == a {
        alliance
            .rivals
            .iter()
            .copied()
            .filter(|r| *r != a && *r != b)
            .collect()
    } else {
        Vec::new()
    };
    let commitment = f.get(Var::Alliance(al, AllianceFigure::Commitment));
    f.add(
        Var::Alliance(al, AllianceFigure::Commitment),
        k * 5.0 * (1.0 - commitment / 110.0),
    );
    if patron == a {
        let fear = f.add(Var::Alliance(al, AllianceFigure::AbandonmentFear), -6.0 * k);
        let trap = f.add(Var::Alliance(al, AllianceFigure::EntrapmentRisk), 3.0 * k);
        f.add(Var::Trust(b, a), 2.0 * k);
        for r in &alarmed {
            f.add(Var::Threat(*r, a), 3.0 * k);
            f.add(Var::Trust(*r, a), -k);
        }
        f.note_reassured(al);
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

/// Start of turn: a client not reassured last turn fears abandonment more
/// ([`neglected`]); a frightened client hedges ([`hedge`]).
pub fn neglect_alliances<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    let neglect = f.scenario().rules.neglect_fear;
    let turn = f.turn();
    for i in 0..f.scenario().alliances.len() {
        let ax = AllianceIx(i);
        let figures = ALLIANCE_FIGURES.map(|fig| f.get(Var::Alliance(ax, fig)));
        if let Some(after) = neglected(figures, f.reassured(ax), turn, neglect) {
            for fig in [AllianceFigure::AbandonmentFear, AllianceFigure::Commitment] {
                f.set(Var::Alliance(ax, fig), after[alliance_slot(fig)]);
            }
        }
        hedge(f, ax, log);
    }
}

/// A client that fears abandonment ([`frightened_by`]) hedges: it cools toward its patron and
/// warms to the alliance's rivals.
pub fn hedge<F: Facts + ?Sized>(f: &mut F, ax: AllianceIx, log: &mut Log) {
    let fear = f.get(Var::Alliance(ax, AllianceFigure::AbandonmentFear));
    let Some(al) = f.scenario().alliances.get(ax.0) else {
        return;
    };
    if !frightened_by(fear) {
        return;
    }
    let (client, patron, rivals) = (al.client, al.patron, al.rivals.len());
    f.add(Var::Trust(client, patron), -1.0);
    for i in 0..rivals {
        let r = f.scenario().alliances[ax.0].rivals[i];
        if r != client {
            f.add(Var::Trust(client, r), 1.0);
        }
    }
    log.note(Fact::Hedged {
        client,
        patron,
        fear,
    });
}
