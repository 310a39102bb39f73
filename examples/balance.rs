//! Balance check for scenario writers: plays all-AI games over several seeds and prints each
//! party's score change and each track's final value.
//!
//! `cargo run --release --example balance -- [SCENARIO] [GAMES]`

use std::sync::Arc;

use sixparty_core::scenario::{self, PartyIx};
use sixparty_core::session::Session;

fn main() {
    let mut args = std::env::args().skip(1);
    let id = args
        .next()
        .unwrap_or_else(|| scenario::DEFAULT_SCENARIO.to_owned());
    let games: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let s = match scenario::resolve(&id, Some(std::path::Path::new("scenarios"))) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let n = s.parties.len();
    let mut deltas = vec![Vec::new(); n];
    let mut tracks = vec![Vec::new(); s.tracks.len()];
    let mut fired = vec![0u32; s.events.len()];
    for seed in 0..games {
        let mut session = Session::new(s.clone(), seed, Vec::new());
        while !session.game.is_over() {
            session.start_turn().unwrap();
            session.open_orders().unwrap();
            session.end_turn().unwrap();
        }
        let history = session.game.history();
        let (first, last) = (history[0].clone(), history.last().unwrap().clone());
        for (p, d) in deltas.iter_mut().enumerate() {
            let f0 = sixparty_core::sim::StateFacts {
                scenario: &s,
                state: first.clone(),
            };
            let f1 = sixparty_core::sim::StateFacts {
                scenario: &s,
                state: last.clone(),
            };
            d.push(
                sixparty_core::sim::rules::score(&f1, PartyIx(p))
                    - sixparty_core::sim::rules::score(&f0, PartyIx(p)),
            );
        }
        for (t, v) in last.tracks.iter().enumerate() {
            tracks[t].push(*v);
        }
        for (e, c) in last.record.fired.iter().enumerate() {
            fired[e] += u32::from(*c > 0);
        }
    }
    println!("{} — {games} all-AI games", s.title);
    for (p, d) in deltas.iter().enumerate() {
        let mean = d.iter().sum::<f32>() / d.len() as f32;
        let (lo, hi) = d
            .iter()
            .fold((f32::MAX, f32::MIN), |(l, h), x| (l.min(*x), h.max(*x)));
        println!(
            "  {:<40} score change mean {mean:+6.1}  range {lo:+6.1} .. {hi:+6.1}",
            s.parties[p].name
        );
    }
    for (t, v) in tracks.iter().enumerate() {
        let mean = v.iter().sum::<f32>() / v.len() as f32;
        println!(
            "  track {:<30} start {:5.1}  end mean {mean:5.1}",
            s.tracks[t].id, s.tracks[t].value
        );
    }
    for (e, c) in fired.iter().enumerate() {
        println!("  event {:<36} fired in {c}/{games}", s.events[e].id);
    }
}
