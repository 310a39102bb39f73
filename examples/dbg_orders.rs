//! Scratch analysis (balance work). Not part of the project.
use std::collections::BTreeMap;
use std::sync::Arc;

use sixparty::debrief::Debrief;
use sixparty::scenario::{self, PartyIx, ForumStatus};
use sixparty::session::Session;
use sixparty::sim::{Moment, StateFacts};

fn stats(v: &[f32]) -> (f32, f32, f32, f32) {
    let n = v.len() as f32;
    let m = v.iter().sum::<f32>() / n;
    let sd = (v.iter().map(|x| (x - m) * (x - m)).sum::<f32>() / n).sqrt();
    let lo = v.iter().copied().fold(f32::MAX, f32::min);
    let hi = v.iter().copied().fold(f32::MIN, f32::max);
    (m, sd, lo, hi)
}

fn play(s: &Arc<Scenario>, seed: u64, human: Option<PartyIx>) -> Session {
    let mut session = Session::new(s.clone(), seed, human.into_iter().collect());
    while !session.game.is_over() {
        session.start_turn().unwrap();
        if let Some(h) = human {
            for p in session.human_decisions() {
                let a = session.advise_decision(p.clone());
                session.decide(p.event, a.option).unwrap();
            }
        }
        session.open_orders().unwrap();
        if let Some(h) = human {
            loop {
                let Some(a) = session.advise_orders(h).into_iter().next() else { break };
                if session.order(a.order).is_err() {
                    break;
                }
            }
        }
        session.end_turn().unwrap();
    }
    session
}
use sixparty::scenario::Scenario;

fn main() {
    let mut args = std::env::args().skip(1);
    let games: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mode = args.next().unwrap_or_default();
    let s = Arc::new(scenario::resolve("campaign-2010-2011", Some(std::path::Path::new("scenarios"))).unwrap());
    let n = s.parties.len();
    if mode == "human" {
        // Advisor-following human in each seat vs all-AI, same seeds.
        for p in 0..n {
            let mut diff = Vec::new();
            for seed in 0..games {
                let a = play(&s, seed, None);
                let h = play(&s, seed, Some(PartyIx(p)));
                let sc = |ss: &Session| {
                    let st = ss.game.history().last().unwrap().clone();
                    sixparty::sim::rules::score(&StateFacts { scenario: &s, state: st }, PartyIx(p))
                };
                diff.push(sc(&h) - sc(&a));
            }
            let (m, sd, lo, hi) = stats(&diff);
            println!("human-advisor {:<12} minus AI: mean {m:+.2} sd {sd:.2} [{lo:+.1},{hi:+.1}]", s.parties[p].id);
        }
        return;
    }
    let mut deltas = vec![Vec::new(); n];
    let mut tracks = vec![Vec::new(); s.tracks.len()];
    let mut order_tot: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut maxrep: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    let mut prov = Vec::new();
    let mut dyn_count = BTreeMap::new();
    let mut forum_active = vec![0u32; s.forums.len()];
    let mut forum_sessions = vec![Vec::new(); s.forums.len()];
    let mut forum_end: Vec<BTreeMap<String, u32>> = vec![BTreeMap::new(); s.forums.len()];
    let mut options: BTreeMap<(String, String), u32> = BTreeMap::new();
    let verbose = mode == "v";
    for seed in 0..games {
        let mut session = play(&s, seed, None);
        let history = session.game.history().to_vec();
        let (first, last) = (history[0].clone(), history.last().unwrap().clone());
        let f0 = StateFacts { scenario: &s, state: first.clone() };
        let f1 = StateFacts { scenario: &s, state: last.clone() };
        let mut line = format!("seed {seed:2}:");
        for p in 0..n {
            let d = sixparty::sim::rules::score(&f1, PartyIx(p)) - sixparty::sim::rules::score(&f0, PartyIx(p));
            deltas[p].push(d);
            line += &format!(" {}{:+.0}", &s.parties[p].short, d);
        }
        for (t, v) in last.tracks.iter().enumerate() {
            tracks[t].push(*v);
        }
        let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
        let mut p_nk = 0;
        for m in session.game.timeline() {
            match m {
                Moment::Ordered { order, .. } => {
                    let a = &s.actions[order.action.0];
                    if a.id == "missile_test" || a.id == "nuclear_test" {
                        p_nk += 1;
                    }
                    *counts.entry((s.parties[order.party.0].id.clone(), sixparty::ui::text::order_label(&s, order))).or_insert(0) += 1;
                }
                Moment::Decided { event, option, .. } => {
                    let e = &s.events[event.0];
                    *options.entry((e.id.clone(), e.options[*option].id.clone())).or_insert(0) += 1;
                }
                _ => {}
            }
        }
        prov.push(p_nk as f32);
        for ((p, o), c) in &counts {
            *order_tot.entry((p.clone(), o.clone())).or_insert(0) += c;
        }
        for p in &s.parties {
            let best = counts.iter().filter(|((q, _), _)| *q == p.id).max_by_key(|(_, c)| **c);
            if let Some(((_, o), c)) = best {
                maxrep.entry(p.id.clone()).or_default().push((*c, o.clone()));
            }
        }
        for (x, f) in s.forums.iter().enumerate() {
            let was_active = history.iter().any(|h| h.forums[x].status == ForumStatus::Active);
            let started_active = first.forums[x].status == ForumStatus::Active;
            if was_active && !started_active { forum_active[x] += 1; }
            forum_sessions[x].push(last.forums[x].sessions as f32);
            *forum_end[x].entry(format!("{:?}", last.forums[x].status)).or_insert(0) += 1;
            let _ = f;
        }
        let d = Debrief::of(&mut session);
        let mut dl = String::new();
        for fnd in &d.findings {
            if fnd.occurred {
                *dyn_count.entry(format!("{:?}", fnd.dynamic)).or_insert(0) += 1;
            } else {
                dl += &format!(" -{:?}", fnd.dynamic);
            }
        }
        line += &format!(" | nk {:.0} stab {:.0} prov {p_nk} 6PT {:?}/{} {dl}", last.tracks[0], last.tracks[3], last.forums[0].status, last.forums[0].sessions);
        println!("{line}");
        if verbose {
            for ((p, o), c) in &counts { println!("    {p:12} {c:3} {o}"); }
        }
    }
    println!("== score changes");
    for p in 0..n {
        let (m, sd, lo, hi) = stats(&deltas[p]);
        let gains = deltas[p].iter().filter(|x| **x > 0.0).count();
        println!("  {:<12} mean {m:+6.1} sd {sd:5.1} range {lo:+6.1} .. {hi:+6.1}  gains in {gains}/{games}", s.parties[p].id);
    }
    println!("== tracks");
    for (t, v) in tracks.iter().enumerate() {
        let (m, sd, lo, hi) = stats(v);
        println!("  {:<22} start {:5.1} end mean {m:5.1} sd {sd:4.1} [{lo:.0},{hi:.0}]", s.tracks[t].id, s.tracks[t].value);
    }
    let (m, sd, lo, hi) = stats(&prov);
    let some = prov.iter().filter(|x| **x > 0.0).count();
    println!("== NK provocations per game: mean {m:.1} sd {sd:.1} [{lo},{hi}], games with any {some}/{games}");
    println!("== forums (activated from not-active, sessions mean, end status)");
    for (x, f) in s.forums.iter().enumerate() {
        let (m, _, lo, hi) = stats(&forum_sessions[x]);
        println!("  {:<28} activated {}/{games} sessions {m:.1} [{lo},{hi}] end {:?}", f.id, forum_active[x], forum_end[x]);
    }
    println!("== dynamics occurred");
    for (k, v) in &dyn_count { println!("  {k:<26} {v}/{games}"); }
    println!("== max same order per game, by party (mean, max)");
    for (p, v) in &maxrep {
        let mean = v.iter().map(|x| x.0 as f32).sum::<f32>() / v.len() as f32;
        let mx = v.iter().max_by_key(|x| x.0).unwrap();
        println!("  {p:12} mean {mean:.1} max {} ({})", mx.0, mx.1);
    }
    println!("== top orders (total over games)");
    let mut tot: Vec<_> = order_tot.into_iter().collect();
    tot.sort_by(|a, b| b.1.cmp(&a.1));
    for ((p, o), c) in tot.iter().take(40) { println!("  {:5.1}/game {p:12} {o}", *c as f32 / games as f32); }
    println!("== event options");
    for ((e, o), c) in &options { println!("  {e:24} {o:18} {c}"); }
}
