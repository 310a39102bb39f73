//! What every month does by itself: relations fade, income, drift and growth at its start;
//! spill-over and the settling of figures at its end.
//!
//! These loops walk the pieces through [`Facts`]; the turn's systems walk the world's pieces
//! through queries instead, and both apply the same [`maths`](super::maths).

use crate::scenario::{AllianceFigure, AllianceIx, Figure, ForumIx, ForumStatus, PartyIx, TrackIx};
use crate::sim::fact::{Fact, Log};
use crate::sim::state::{FIGURES, Facts, Order, StateFacts, Var, figure_slot};

use super::maths::{
    alarm, drifted, faded, grown, settled, threatened, umbrella_share, with_income,
};

/// The start of a month on a plain copy of the state, as the game's begin schedule runs it up
/// to the events (which the copy's user fires or not: the AI cannot foresee the news): the
/// calendar turns, last month's orders become what triggers see, then relations fade, capital
/// comes in, tracks drift, power grows, neglected alliances fret and suspended forums decay.
/// Returns the trust at the start of the month, which the month's spill-over is measured
/// against.
pub fn open_month(f: &mut StateFacts<'_>, log: &mut Log) -> Vec<Vec<f32>> {
    f.state.turn += 1;
    let record = f.record_mut();
    record.last_orders = std::mem::take(&mut record.orders);
    record.boycotts.clear();
    record.conceded.clear();
    fade_relations(f);
    let trust = f.state.trust.clone();
    collect_capital(f);
    drift_tracks(f);
    grow_power(f, log);
    super::neglect_alliances(f, log);
    super::decay_habits(f);
    trust
}

/// The end of a month on a plain copy of the state, as the game's resolve schedule runs it:
/// every party's `orders` are carried out (in party order), the forums in session meet (each
/// with a `roll` in 0..1), sharp rows spill over (against `trust_at_start`), figures settle.
pub fn close_month(
    f: &mut StateFacts<'_>,
    orders: &[Order],
    trust_at_start: &[Vec<f32>],
    roll: impl FnMut() -> f32,
    log: &mut Log,
) {
    let record = f.record_mut();
    record.orders.clear();
    record.orders.extend_from_slice(orders);
    record.orders.sort_by_key(|o| o.party);
    super::carry_out_orders(f, log);
    let forums: Vec<ForumIx> = (0..f.scenario.forums.len()).map(ForumIx).collect();
    super::hold_sessions(f, &forums, roll, log);
    spill_over(f, trust_at_start, log);
    settle_figures(f);
}

/// Start of turn: trust fades a little toward where the scenario started it, and memories of
/// recent moves fade ([`faded`]). Threat perception does not fade: it follows power and moves,
/// which is the security dilemma.
pub fn fade_relations<F: Facts + ?Sized>(f: &mut F) {
    let n = f.scenario().parties.len();
    for a in (0..n).map(PartyIx) {
        for b in (0..n).map(PartyIx) {
            if a == b {
                continue;
            }
            let start = f.scenario().trust[a.0][b.0];
            let (trust, memory) = faded(f.get(Var::Trust(a, b)), start, f.get(Var::Memory(a, b)));
            f.set(Var::Trust(a, b), trust);
            f.set(Var::Memory(a, b), memory);
        }
    }
}

/// Start of turn: capital income, capped at `capital_cap_turns` turns of income
/// ([`with_income`]).
pub fn collect_capital<F: Facts + ?Sized>(f: &mut F) {
    for i in 0..f.scenario().parties.len() {
        let (income, cap) = income(f.scenario(), PartyIx(i));
        let v = Var::Figure(PartyIx(i), Figure::Capital);
        let now = f.get(v);
        f.set(v, with_income(now, income, cap));
    }
}

/// A party's income a month and the most capital it may hold.
pub(crate) fn income(s: &crate::scenario::Scenario, p: PartyIx) -> (f32, f32) {
    let income = s.parties[p.0].capital;
    (income, income * s.rules.capital_cap_turns.max(1.0))
}

/// Start of turn: tracks drift ([`drifted`]).
pub fn drift_tracks<F: Facts + ?Sized>(f: &mut F) {
    for i in 0..f.scenario().tracks.len() {
        let t = &f.scenario().tracks[i];
        let (drift, range) = (t.drift, (t.min, t.max));
        let v = Var::Track(TrackIx(i));
        let now = f.get(v);
        if drift != 0.0 {
            f.set(v, drifted(now, drift, range));
        }
    }
}

/// Military transparency, 0..1: where the scenario's transparency track stands in its range (0
/// when it has none). `level` reads a track.
pub(crate) fn transparency(s: &crate::scenario::Scenario, level: impl Fn(TrackIx) -> f32) -> f32 {
    s.tracks
        .iter()
        .position(|t| t.role == Some(crate::scenario::TrackRole::Transparency))
        .map_or(0.0, |t| {
            let tr = &s.tracks[t];
            (level(TrackIx(t)) - tr.min) / (tr.max - tr.min)
        })
}

/// The fact of a party's growth, noted every six months so the debrief can show the security
/// dilemma without a line every month.
pub(crate) fn power_grew(
    turn: u32,
    party: PartyIx,
    growth: f32,
    transparency: f32,
) -> Option<Fact> {
    (growth > 0.0 && turn.is_multiple_of(6)).then(|| Fact::PowerGrew {
        party,
        growth,
        alarm: alarm(growth, transparency),
        transparency,
    })
}

/// Start of turn: power grows ([`grown`]), and every other party's threat perception of a
/// grower rises with it ([`alarm`]), whatever its intent, damped by military transparency.
pub fn grow_power<F: Facts + ?Sized>(f: &mut F, log: &mut Log) {
    let transparency = transparency(f.scenario(), |t| f.get(Var::Track(t)));
    let n = f.scenario().parties.len();
    let turn = f.turn();
    for p in (0..n).map(PartyIx) {
        let g = f.scenario().parties[p.0].growth;
        if g == 0.0 {
            continue;
        }
        let power = f.get(Var::Figure(p, Figure::Power));
        f.set(Var::Figure(p, Figure::Power), grown(power, g));
        if g > 0.0 {
            let alarm = alarm(g, transparency);
            for c in (0..n).map(PartyIx).filter(|c| *c != p) {
                let threat = f.get(Var::Threat(c, p));
                f.set(Var::Threat(c, p), threatened(threat, alarm));
            }
        }
        if let Some(fact) = power_grew(turn, p, g, transparency) {
            log.note(fact);
        }
    }
}

/// End of turn: a sharp fall in bilateral trust spills into the forums the two share, and into
/// the faller's view of the other's allies.
pub fn spill_over<F: Facts + ?Sized>(f: &mut F, before: &[Vec<f32>], log: &mut Log) {
    let s = f.scenario();
    let n = s.parties.len();
    let threshold = s.rules.spill_threshold;
    for a in (0..n).map(PartyIx) {
        for b in (0..n).map(PartyIx) {
            if a == b {
                continue;
            }
            let drop = before[a.0][b.0] - f.get(Var::Trust(a, b));
            if drop < threshold {
                continue;
            }
            let s = f.scenario();
            let shared: Vec<ForumIx> = (0..s.forums.len())
                .map(ForumIx)
                .filter(|x| {
                    let m = &s.forums[x.0].members;
                    m.contains(&a) && m.contains(&b)
                })
                .collect();
            let allies: Vec<PartyIx> = s
                .alliances
                .iter()
                .filter(|al| al.involves(b) && !al.involves(a))
                .map(|al| if al.patron == b { al.client } else { al.patron })
                .collect();
            let mut hit = Vec::new();
            for x in &shared {
                // Only forums that exist in practice: active, or suspended but remembered.
                if matches!(
                    f.forum_status(*x),
                    ForumStatus::Active | ForumStatus::Suspended
                ) {
                    f.add(Var::Habit(*x), -drop / 2.0);
                    hit.push(*x);
                }
            }
            for ally in &allies {
                f.add(Var::Trust(a, *ally), -drop / 4.0);
            }
            if !hit.is_empty() || !allies.is_empty() {
                log.note(Fact::RowSpilled {
                    from: a,
                    to: b,
                    drop,
                    forums: hit,
                    onto_allies: !allies.is_empty(),
                });
            }
        }
    }
}

/// End of turn: security settles toward what the threats a party feels and the umbrella over it
/// allow; approval follows security and prestige ([`settled`]).
pub fn settle_figures<F: Facts + ?Sized>(f: &mut F) {
    let s = f.scenario();
    let n = s.parties.len();
    let umbrella: Vec<f32> = (0..n)
        .map(|p| {
            s.alliances
                .iter()
                .enumerate()
                .filter(|(_, al)| al.client == PartyIx(p))
                .map(|(i, al)| {
                    let c = f.get(Var::Alliance(AllianceIx(i), AllianceFigure::Commitment));
                    umbrella_share(c, al.umbrella)
                })
                .sum()
        })
        .collect();
    let mut threats = Vec::with_capacity(n);
    for p in (0..n).map(PartyIx) {
        threats.clear();
        threats.extend(
            (0..n)
                .map(PartyIx)
                .filter(|q| *q != p)
                .map(|q| f.get(Var::Threat(p, q))),
        );
        let figures = FIGURES.map(|fig| f.get(Var::Figure(p, fig)));
        let after = settled(figures, &threats, umbrella[p.0]);
        for fig in [Figure::Security, Figure::Approval] {
            f.set(Var::Figure(p, fig), after[figure_slot(fig)]);
        }
    }
}
