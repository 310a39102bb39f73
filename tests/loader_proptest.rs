//! Random damage to the shipped scenarios and the example mod — deleted characters, swapped
//! tokens, duplicated lines, renamed ids, stray punctuation — must give a scenario or an error
//! placed in the file, never a panic.

use proptest::prelude::*;
use sixparty_core::scenario::{self, Entry, ScenarioError};

const EXAMPLE_MOD: &str = include_str!("../mods/campaign-kuril-visit.ron");

/// One kind of damage, with where it strikes (scaled to the text's length).
#[derive(Debug, Clone)]
enum Damage {
    Delete { at: f64, len: usize },
    SwapTokens { a: f64, b: f64 },
    DuplicateLine { at: f64 },
    RenameId { at: f64, suffix: u8 },
    Insert { at: f64, what: &'static str },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0..1.0f64, 1usize..40).prop_map(|(at, len)| Damage::Delete { at, len }),
        (0.0..1.0f64, 0.0..1.0f64).prop_map(|(a, b)| Damage::SwapTokens { a, b }),
        (0.0..1.0f64).prop_map(|at| Damage::DuplicateLine { at }),
        (0.0..1.0f64, any::<u8>()).prop_map(|(at, suffix)| Damage::RenameId { at, suffix }),
        (
            0.0..1.0f64,
            prop::sample::select(vec![
                "(", ")", "[", "]", ",", ":", "\"", "NaN", "-1e39", "Some(", "//", "é"
            ])
        )
            .prop_map(|(at, what)| Damage::Insert { at, what }),
    ]
}

/// A char boundary near `frac` of the text.
fn boundary(text: &str, frac: f64) -> usize {
    let mut i = ((text.len() as f64) * frac) as usize;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Spans of the text's whitespace-separated tokens.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn apply(text: &str, d: &Damage) -> String {
    match d {
        Damage::Delete { at, len } => {
            let a = boundary(text, *at);
            let mut b = (a + len).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            format!("{}{}", &text[..a], &text[b..])
        }
        Damage::SwapTokens { a, b } => {
            let t = tokens(text);
            if t.len() < 2 {
                return text.to_owned();
            }
            let i = ((t.len() - 1) as f64 * a) as usize;
            let j = ((t.len() - 1) as f64 * b) as usize;
            let (x, y) = if i <= j { (t[i], t[j]) } else { (t[j], t[i]) };
            if x == y {
                return text.to_owned();
            }
            format!(
                "{}{}{}{}{}",
                &text[..x.0],
                &text[y.0..y.1],
                &text[x.1..y.0],
                &text[x.0..x.1],
                &text[y.1..]
            )
        }
        Damage::DuplicateLine { at } => {
            let lines: Vec<&str> = text.lines().collect();
            let i = ((lines.len().saturating_sub(1)) as f64 * at) as usize;
            let mut out = lines.clone();
            if let Some(l) = lines.get(i) {
                out.insert(i, l);
            }
            out.join("\n")
        }
        Damage::RenameId { at, suffix } => {
            let ids: Vec<usize> = text.match_indices("id: \"").map(|(i, _)| i + 5).collect();
            if ids.is_empty() {
                return text.to_owned();
            }
            let i = ids[((ids.len() - 1) as f64 * at) as usize];
            format!("{}x{suffix}{}", &text[..i], &text[i..])
        }
        Damage::Insert { at, what } => {
            let a = boundary(text, *at);
            format!("{}{what}{}", &text[..a], &text[a..])
        }
    }
}

/// Ok, or an error whose places are inside the file and whose message names it.
fn check(result: Result<scenario::Scenario, ScenarioError>, text: &str, path: &str) {
    let Err(e) = result else { return };
    let lines = text.lines().count().max(1) + 1;
    match &e {
        ScenarioError::Syntax { problem, .. } => {
            assert!(problem.line >= 1 && problem.line <= lines, "{e}");
            assert!(problem.column >= 1, "{e}");
        }
        ScenarioError::Invalid { problems, .. } => {
            assert!(!problems.is_empty());
            for p in problems {
                assert!(p.line >= 1 && p.line <= lines && p.column >= 1, "{e}");
            }
        }
        other => panic!("unexpected kind of error: {other}"),
    }
    assert!(e.to_string().starts_with(&format!("{path}:")), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn damaged_scenarios_load_or_give_a_placed_error(
        which in 0usize..7,
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let (entries, _) = scenario::catalogue(None);
        let entry = &entries[which % entries.len()];
        let mut text = entry.text.clone();
        for d in &damages {
            text = apply(&text, d);
        }
        check(scenario::load_str(&text, "damaged.ron"), &text, "damaged.ron");
    }

    #[test]
    fn damaged_mods_load_or_give_a_placed_error(
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let (entries, _): (Vec<Entry>, _) = scenario::catalogue(None);
        let mut text = EXAMPLE_MOD.to_owned();
        for d in &damages {
            text = apply(&text, d);
        }
        let path = std::path::PathBuf::from("mod.ron");
        if scenario::mods::extends_of(&text).is_some() {
            let result = scenario::mods::entry_from_text(path, text.clone(), &entries)
                .and_then(|e| e.load());
            check(result, &text, "mod.ron");
        } else {
            check(scenario::load_str(&text, "mod.ron"), &text, "mod.ron");
        }
    }
}
