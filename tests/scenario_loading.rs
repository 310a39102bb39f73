//! Loading scenarios: the shipped ones are valid; bad files give placed, useful errors.

use sixparty_core::scenario::{self, ScenarioError};

const MINI: &str = include_str!("fixtures/mini.ron");

#[test]
fn fixture_loads() {
    let s = scenario::load_str(MINI, "mini.ron").expect("fixture is valid");
    assert_eq!(s.parties.len(), 4);
    assert_eq!(s.turns, 12);
}

#[test]
fn every_builtin_scenario_is_valid() {
    let (entries, errors) = scenario::catalogue(None);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        entries.iter().any(|e| e.id == scenario::DEFAULT_SCENARIO),
        "the default scenario is built in"
    );
    for e in entries {
        if let Err(err) = e.load() {
            panic!("{} does not validate:\n{err}", e.id);
        }
    }
}

#[test]
fn syntax_error_names_line_and_column() {
    let broken = MINI.replacen("turns: 12)", "turns: 12", 1);
    let err = scenario::load_str(&broken, "broken.ron").unwrap_err();
    let ScenarioError::Syntax { problem, .. } = &err else {
        panic!("expected a syntax error, got {err}");
    };
    assert!(problem.line > 1);
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!("broken.ron:{}:", problem.line)),
        "{shown}"
    );
    assert!(shown.contains('^'), "a caret points at the place: {shown}");
}

#[test]
fn unknown_reference_is_placed_with_a_suggestion() {
    let broken = MINI.replacen("host: Some(\"gamma\")", "host: Some(\"gamam\")", 1);
    let err = scenario::load_str(&broken, "bad.ron").unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("unknown party \"gamam\""), "{shown}");
    assert!(shown.contains("did you mean \"gamma\""), "{shown}");
    let line = broken
        .lines()
        .position(|l| l.contains("\"gamam\""))
        .unwrap()
        + 1;
    assert!(shown.contains(&format!("bad.ron:{line}:")), "{shown}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let broken = MINI
        .replacen("doctrine: \"alpha-way\"", "doctrine: \"alpha-wya\"", 1)
        .replacen(
            "(track: \"crisis\", per_session",
            "(track: \"crises\", per_session",
            1,
        )
        .replacen("value: 30.0)", "value: 300.0)", 1);
    let ScenarioError::Invalid { problems, .. } = scenario::load_str(&broken, "x.ron").unwrap_err()
    else {
        panic!("expected validation problems");
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn unsupported_format_version_is_refused_clearly() {
    let future = MINI.replacen("format: 1", "format: 9", 1);
    let err = scenario::load_str(&future, "f.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("format 9 is not supported"), "{err}");
}

#[test]
fn event_outside_calendar_is_an_error() {
    let broken = MINI.replacen("Date(2020, 3)", "Date(2031, 3)", 1);
    let err = scenario::load_str(&broken, "d.ron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("outside the calendar"), "{err}");
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "(",
        "()",
        "\u{0}\u{1}",
        "[1,2,3]",
        "(format: \"x\")",
        &MINI[..MINI.len() / 2],
    ] {
        assert!(scenario::load_str(text, "g.ron").is_err());
    }
}

#[test]
fn unknown_scenario_id_lists_the_available_ones() {
    let err = scenario::resolve("campaign-2010", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no scenario \"campaign-2010\""), "{err}");
    assert!(err.contains(scenario::DEFAULT_SCENARIO), "{err}");
}

#[test]
fn any_single_line_removed_gives_an_error_or_a_scenario_never_a_panic() {
    let lines: Vec<&str> = MINI.lines().collect();
    for i in 0..lines.len() {
        let mut cut = lines.clone();
        cut.remove(i);
        let text = cut.join("\n");
        if let Err(e) = scenario::load_str(&text, "cut.ron") {
            let shown = e.to_string();
            assert!(shown.starts_with("cut.ron:"), "line {i}: {shown}");
        }
    }
}

#[test]
fn every_number_zeroed_or_negated_is_refused_or_plays() {
    // Replace each number in turn with 0 and with a large negative: validation must catch what
    // is out of range, and whatever passes must still load.
    let mut starts = Vec::new();
    let bytes = MINI.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if b.is_ascii_digit()
            && (i == 0
                || !bytes[i - 1].is_ascii_alphanumeric()
                    && bytes[i - 1] != b'.'
                    && bytes[i - 1] != b'-'
                    && bytes[i - 1] != b'_')
        {
            starts.push(i);
        }
    }
    for &i in &starts {
        let end = i + MINI[i..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(0);
        for replacement in ["0", "-9999.0", "0.0"] {
            let text = format!("{}{}{}", &MINI[..i], replacement, &MINI[end..]);
            if let Ok(s) = scenario::load_str(&text, "n.ron") {
                // Whatever validates must also play.
                let mut session =
                    sixparty_core::session::Session::new(std::sync::Arc::new(s), 1, vec![]);
                for _ in 0..3 {
                    if session.game.is_over() {
                        break;
                    }
                    session.start_turn().unwrap();
                    session.open_orders().unwrap();
                    session.end_turn().unwrap();
                }
            }
        }
    }
}

fn scratch(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sixparty-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn hostile_files_get_a_message_not_a_panic_or_a_hang() {
    let dir = scratch("files");
    // A byte-order mark is fine.
    let bom = dir.join("bom.ron");
    std::fs::write(&bom, format!("\u{feff}{MINI}")).unwrap();
    scenario::load_file(&bom).expect("a BOM is skipped");
    // Invalid UTF-8 is placed.
    let bad = dir.join("latin1.ron");
    let mut bytes = MINI.as_bytes().to_vec();
    let at = MINI.find("Alpha").unwrap();
    bytes[at] = 0xC4;
    std::fs::write(&bad, bytes).unwrap();
    let err = scenario::load_file(&bad).unwrap_err().to_string();
    assert!(
        err.contains("not UTF-8") && err.contains("latin1.ron:"),
        "{err}"
    );
    // A folder, a device, a missing path, a file over the cap.
    for (path, expect) in [
        (dir.clone(), "a folder"),
        (std::path::PathBuf::from("/dev/zero"), "not a regular file"),
        (dir.join("missing.ron"), "cannot read"),
    ] {
        let err = scenario::load_file(&path).unwrap_err().to_string();
        assert!(err.contains(expect), "{}: {err}", path.display());
    }
    let big = dir.join("big.ron");
    std::fs::write(&big, " ".repeat(scenario::MAX_FILE_BYTES as usize + 1)).unwrap();
    let err = scenario::load_file(&big).unwrap_err().to_string();
    assert!(err.contains("larger than"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn deep_nesting_and_odd_numbers_are_refused_cleanly() {
    let deep = format!(
        "(format: 1, id: \"x\", title: \"x\", summary: \"x\", calendar: (start_year: 2020, start_month: 1, turns: 2), parties: [], doctrines: [], tracks: [], actions: [(id: \"a\", name: \"a\", cost: 1.0, target: None, stance: Neutral, requires: Some({}Always{}))])",
        "Not(".repeat(5000),
        ")".repeat(5000)
    );
    assert!(scenario::load_str(&deep, "deep.ron").is_err());
    for (from, to) in [
        ("power: 300.0", "power: NaN"),
        ("power: 300.0", "power: inf"),
        ("power: 300.0", "power: 1e400"),
        ("turns: 12", "turns: 99999999999"),
    ] {
        let text = MINI.replacen(from, to, 1);
        let err = scenario::load_str(&text, "odd.ron")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("odd.ron:"), "{to}: {err}");
    }
}
