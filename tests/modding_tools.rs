//! The modder's tools from the command line: `validate` (errors, warnings, JSON, exit codes),
//! extension mods and the mods folder, and `new`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use sixparty_core::scenario::{self, diagnostics};
use sixparty_core::session::Session;

const MINI: &str = include_str!("fixtures/mini.ron");

fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sixparty-tools-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run `sixparty ARGS` with no colours asked for and an empty mods folder unless one is given.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn validate_errors_have_place_snippet_caret_help_and_exit_1() {
    let dir = scratch("errors");
    let bad = dir.join("bad.ron");
    let text = MINI.replacen("doctrine: \"alpha-way\"", "doctrine: \"alpha-wya\"", 1);
    std::fs::write(&bad, &text).unwrap();
    let o = run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = line_of(&text, "alpha-wya");
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("alpha-wya")
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!(
            "{}:{line}:{col}: error: party \"alpha\": unknown doctrine \"alpha-wya\" (did you mean \"alpha-way\"?)",
            bad.display()
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("\n {line} | "))
            && out.contains(&format!("{}^", " ".repeat(col - 1))),
        "{out}"
    );
    assert!(out.contains("= help: known ids: "), "{out}");
    assert!(out.contains("1 file: 0 valid, 1 with 1 error"), "{out}");
    // Not a terminal: no escape codes.
    assert!(!out.contains('\x1b'), "{out:?}");
}

#[test]
fn syntax_errors_say_what_was_expected() {
    let dir = scratch("syntax");
    let bad = dir.join("syntax.ron");
    std::fs::write(&bad, MINI.replacen("turns: 12)", "turns: 12", 1)).unwrap();
    let o = run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(": error: "), "{out}");
    assert!(out.contains("reading stops at the first syntax"), "{out}");
}

#[test]
fn warnings_do_not_fail_and_are_counted_apart() {
    let dir = scratch("warnings");
    let file = dir.join("warn.ron");
    // A trigger above the track's maximum, an unused doctrine (beta-hedge after this change),
    // and the red-line track "strait" that nothing moves.
    let text = MINI.replacen("value: 80.0)", "value: 120.0)", 1).replacen(
        "effects: [Doctrine(party: Actor, doctrine: \"beta-hedge\")]",
        "effects: []",
        1,
    );
    std::fs::write(&file, &text).unwrap();
    let o = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(
        out.contains("event \"crisis_peak\" can never fire: its trigger asks track \"crisis\" to rise above 120, but it never exceeds 100"),
        "{out}"
    );
    assert!(
        out.contains("doctrine \"beta-hedge\" is never held"),
        "{out}"
    );
    assert!(out.contains("track \"strait\" is in an objective"), "{out}");
    // The doctrine warning points at its definition, not its first mention.
    let def = line_of(&text, "(id: \"beta-hedge\"");
    assert!(out.contains(&format!("warn.ron:{def}:")), "{out}");
    assert!(out.contains("1 file: 1 valid, 3 warnings"), "{out}");
}

#[test]
fn a_party_with_no_action_and_a_forum_that_never_meets_are_warned_about() {
    // Every action is limited to alpha: delta has nothing left to do.
    let start = MINI.find("    actions: [").unwrap();
    let end = MINI.find("    events: [").unwrap();
    let actions = MINI[start..end]
        .replace("who: [\"alpha\"], ", "")
        .replace("who: [\"delta\"], ", "")
        .replace("target: ", "who: [\"alpha\"], target: ");
    let text = format!("{}{actions}{}", &MINI[..start], &MINI[end..]);
    let s = scenario::load_str(&text, "w.ron").expect("still valid");
    let warnings: Vec<String> = scenario::lint::warnings(&s, &text)
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("party \"delta\" has no action")),
        "{warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| w.starts_with("party \"alpha\"")),
        "{warnings:?}"
    );

    // Without the convene action, the suspended trilateral never meets again.
    let start = MINI.find("        (id: \"convene\"").unwrap();
    let end = MINI[start..].find("        (id: \"raise_strait\"").unwrap() + start;
    let text = format!("{}{}", &MINI[..start], &MINI[end..]);
    let s = scenario::load_str(&text, "f.ron").expect("still valid");
    let warnings = scenario::lint::warnings(&s, &text);
    assert!(
        warnings
            .iter()
            .any(|p| p.message.starts_with("forum \"trio\" never meets")),
        "{warnings:?}"
    );
    let s = scenario::load_str(MINI, "m.ron").unwrap();
    assert!(
        !scenario::lint::warnings(&s, MINI)
            .iter()
            .any(|p| p.message.contains("never meets")),
        "with a convene action the forum can meet"
    );
}

#[test]
fn the_shipped_scenarios_have_no_warnings() {
    let (entries, errors) = scenario::catalogue_in(None, Some(Path::new("mods")));
    assert!(errors.is_empty(), "{errors:?}");
    for e in &entries {
        let r = diagnostics::check_entry(e, &entries);
        assert!(r.diagnostics.is_empty(), "{}: {:?}", e.id, r.diagnostics);
    }
}

#[test]
fn json_output_is_one_object_with_files_and_summary() {
    let dir = scratch("json");
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        MINI.replacen("host: Some(\"gamma\")", "host: Some(\"gamam\")", 1),
    )
    .unwrap();
    let good = dir.join("good.ron");
    std::fs::write(&good, MINI).unwrap();
    let o = run(&[
        "validate",
        "--format",
        "json",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
        dir.join("missing.ron").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["valid"], false);
    let d = files[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("did you mean \"gamma\"")
        })
        .expect("the misspelt host is reported");
    assert_eq!(d["severity"], "error");
    assert!(d["line"].as_u64().unwrap() > 1 && d["column"].as_u64().unwrap() > 1);
    assert_eq!(files[1]["valid"], true);
    assert_eq!(files[1]["scenario"], "mini");
    assert_eq!(files[1]["diagnostics"][0]["severity"], "warning");
    assert!(files[2]["diagnostics"][0]["line"].is_null());
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(v["summary"]["invalid"], 2);
    assert_eq!(v["summary"]["warnings"], 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["validate", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["validate", "--frobnicate"]).status.code(), Some(2));
}

// ------------------------------------------------------------------------------ extension mods

/// A mods folder holding these files.
fn mods_folder(tag: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = scratch(tag);
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn the_example_mod_adds_its_event_to_the_campaign_and_plays() {
    let (entries, errors) = scenario::catalogue_in(None, Some(Path::new("mods")));
    assert!(errors.is_empty(), "{errors:?}");
    let base = scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap();
    let entry = entries
        .iter()
        .find(|e| e.id == "campaign-kuril-visit")
        .expect("the example mod is listed");
    let s = entry.load().unwrap();
    assert_eq!(s.events.len(), base.events.len() + 1);
    assert_eq!(s.parties.len(), base.parties.len());
    assert!(s.events.iter().any(|e| e.id == "kuril_visit"));
    assert_eq!(s.watch.len(), base.watch.len() + 1);
    // The whole scenario (for saves) loads on its own to the same thing.
    let again = scenario::load_str(&s.text, "saved").unwrap();
    assert_eq!(again.events.len(), s.events.len());
    assert_eq!(again.id, "campaign-kuril-visit");
    // And it plays to the end.
    let mut session = Session::new(Arc::new(s), 5, Vec::new());
    while !session.game.is_over() {
        session.start_turn().unwrap();
        session.open_orders().unwrap();
        session.end_turn().unwrap();
    }
    let o = run(&["list"]);
    assert!(
        stdout(&o).contains("campaign-kuril-visit"),
        "{}",
        stdout(&o)
    );
}

const SMALL_MOD: &str = r#"(
    format: 1,
    id: "mini-mod",
    extends: "mini",
    doctrines: [
        (id: "delta-edge", name: "Calmer edge", goals: [
            (goal: Figure(figure: Security, prefer: High)),
        ], risk: 0.1),
    ],
    actions: [
        (id: "gift", name: "Gift", cost: 1.0, target: Party, stance: Cooperative),
    ],
)
"#;

#[test]
fn a_mod_replaces_by_id_and_adds_the_rest() {
    let dir = mods_folder("replace", &[("mini.ron", MINI), ("mod.ron", SMALL_MOD)]);
    let (entries, errors) = scenario::catalogue_in(None, Some(&dir));
    assert!(errors.is_empty(), "{errors:?}");
    let base = scenario::load_str(MINI, "mini").unwrap();
    let s = entries
        .iter()
        .find(|e| e.id == "mini-mod")
        .unwrap()
        .load()
        .unwrap();
    assert_eq!(s.doctrines.len(), base.doctrines.len());
    let d = s
        .doctrines
        .iter()
        .position(|d| d.id == "delta-edge")
        .unwrap();
    assert_eq!(s.doctrines[d].name, "Calmer edge");
    assert_eq!(
        base.doctrines.iter().position(|d| d.id == "delta-edge"),
        Some(d),
        "replaced in place"
    );
    assert_eq!(s.actions.len(), base.actions.len() + 1);
    assert_eq!(s.title, base.title, "what the mod leaves out is the base's");
}

#[test]
fn errors_in_a_mod_point_into_the_mod_file() {
    let broken = SMALL_MOD.replacen("target: Party, stance: Cooperative)", "target: Party, stance: Cooperative, effects: [Trust(from: Party(\"gamam\"), to: Actor, delta: 1.0)])", 1);
    let dir = mods_folder("moderr", &[("mini.ron", MINI), ("mod.ron", &broken)]);
    let o = run(&[
        "--mods",
        dir.to_str().unwrap(),
        "validate",
        dir.join("mod.ron").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = line_of(&broken, "gamam");
    assert!(out.contains(&format!("mod.ron:{line}:")), "{out}");
    assert!(out.contains("did you mean \"gamma\""), "{out}");
}

#[test]
fn unknown_base_cycles_taken_ids_and_conflicts_are_reported() {
    let unknown = SMALL_MOD.replace("extends: \"mini\"", "extends: \"mnii\"");
    let a = SMALL_MOD
        .replace("id: \"mini-mod\"", "id: \"a\"")
        .replace("extends: \"mini\"", "extends: \"b\"");
    let b = SMALL_MOD
        .replace("id: \"mini-mod\"", "id: \"b\"")
        .replace("extends: \"mini\"", "extends: \"a\"");
    let taken = SMALL_MOD.replace("id: \"mini-mod\"", "id: \"mini\"");
    let twin = SMALL_MOD.replace("id: \"mini-mod\"", "id: \"twin\"");
    let dir = mods_folder(
        "conflicts",
        &[
            ("mini.ron", MINI),
            ("mod.ron", SMALL_MOD),
            ("twin.ron", &twin),
            ("unknown.ron", &unknown),
            ("a.ron", &a),
            ("b.ron", &b),
            ("taken.ron", &taken),
        ],
    );
    let o = run(&["--mods", dir.to_str().unwrap(), "validate"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let extends_line = line_of(&unknown, "extends");
    assert!(
        out.contains(&format!("unknown.ron:{extends_line}:"))
            && out
                .contains("extends \"mnii\", but no scenario has that id (did you mean \"mini\"?)"),
        "{out}"
    );
    assert!(
        out.contains("in a circle (a → b → a)") || out.contains("in a circle (b → a → b)"),
        "{out}"
    );
    assert!(
        out.contains("scenario id \"mini\" is already used by"),
        "{out}"
    );
    assert!(
        out.contains("warning: replaces doctrine \"delta-edge\" of \"mini\", as"),
        "{out}"
    );
    // A mod extending a mod works.
    let chained = SMALL_MOD
        .replace("id: \"mini-mod\"", "id: \"chained\"")
        .replace("extends: \"mini\"", "extends: \"mini-mod\"")
        .replace("\"gift\"", "\"gift2\"");
    let dir = mods_folder(
        "chain",
        &[
            ("mini.ron", MINI),
            ("0-chained.ron", &chained),
            ("mod.ron", SMALL_MOD),
        ],
    );
    let (entries, errors) = scenario::catalogue_in(None, Some(&dir));
    assert!(errors.is_empty(), "{errors:?}");
    let s = entries
        .iter()
        .find(|e| e.id == "chained")
        .unwrap()
        .load()
        .unwrap();
    assert!(s.actions.iter().any(|a| a.id == "gift") && s.actions.iter().any(|a| a.id == "gift2"));
}

// ------------------------------------------------------------------------------------ new

#[test]
fn new_writes_a_valid_commented_scenario_that_plays_and_never_overwrites() {
    let dir = scratch("new");
    let mods = dir.join("mods");
    let o = run(&["--mods", mods.to_str().unwrap(), "new", "river-quarrel"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let path = mods.join("river-quarrel.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
            >= 20
    );
    let s = scenario::load_file(&path).expect("the new scenario is valid");
    assert_eq!(s.id, "river-quarrel");
    assert!(scenario::lint::warnings(&s, &text).is_empty());
    let mut session = Session::new(Arc::new(s), 11, Vec::new());
    while !session.game.is_over() {
        session.start_turn().unwrap();
        session.open_orders().unwrap();
        session.end_turn().unwrap();
    }
    // It is listed from the mods folder, and validate is clean.
    let o = run(&[
        "--mods",
        mods.to_str().unwrap(),
        "validate",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 file: 1 valid, 0 warnings"));
    // A second time: refused, file untouched.
    std::fs::write(&path, "mine").unwrap();
    let o = run(&["--mods", mods.to_str().unwrap(), "new", "river-quarrel"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    // A bad id: wrong usage.
    let o = run(&["--mods", mods.to_str().unwrap(), "new", "River Quarrel"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a scenario id"));
    let out = dir.join("elsewhere/x.ron");
    let o = run(&["new", "x", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.is_file());
}

#[test]
fn the_guide_shows_the_shipped_example_mod_as_it_is() {
    let squash = |t: &str| -> String {
        t.lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let doc = include_str!("../docs/MODDING.md");
    let example = include_str!("../mods/campaign-kuril-visit.ron");
    assert!(
        squash(doc).contains(&squash(example)),
        "docs/MODDING.md section 9 no longer shows mods/campaign-kuril-visit.ron"
    );
}

#[test]
fn a_syntax_error_in_a_mod_is_reported_as_such_not_as_an_unknown_extends_field() {
    let broken = SMALL_MOD.replacen("risk: 0.1)", "risk: 0.1", 1);
    let dir = mods_folder("modsyntax", &[("mini.ron", MINI), ("mod.ron", &broken)]);
    let (_, errors) = scenario::catalogue_in(None, Some(&dir));
    assert_eq!(errors.len(), 1);
    let shown = errors[0].to_string();
    assert!(!shown.contains("`extends`"), "{shown}");
    assert!(shown.contains("mod.ron:"), "{shown}");
    let o = run(&[
        "--mods",
        dir.to_str().unwrap(),
        "play",
        "mini-mod",
        "--plain",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("could not be loaded; `sixparty validate` shows why"),
        "{o:?}"
    );
}

#[test]
fn only_provably_impossible_triggers_are_warned_about() {
    let trigger = "TrackAbove(track: \"crisis\", value: 80.0)";
    assert!(MINI.contains(trigger));
    let never_warned = |condition: &str| -> bool {
        let text = MINI.replacen(trigger, condition, 1);
        let s = scenario::load_str(&text, "t.ron").unwrap_or_else(|e| panic!("{condition}: {e}"));
        scenario::lint::warnings(&s, &text).iter().any(|p| {
            p.message
                .starts_with("event \"crisis_peak\" can never fire")
        })
    };
    for impossible in [
        "TrackAbove(track: \"crisis\", value: 100.0)",
        "TrackBelow(track: \"crisis\", value: 0.0)",
        "TurnAtLeast(13)",
        "Any([])",
        "Not(Always)",
        "All([TurnAtLeast(2), TrustAbove(from: Party(\"alpha\"), to: Party(\"beta\"), value: 100.0)])",
        "Any([HabitBelow(forum: Forum(\"talks\"), value: 0.0), FigureAbove(party: Party(\"delta\"), figure: Power, value: 1000.0)])",
    ] {
        assert!(never_warned(impossible), "{impossible} is not warned about");
    }
    for possible in [
        "TrackAbove(track: \"crisis\", value: 99.0)",
        "TurnAtLeast(12)",
        "Any([Not(Always), TurnAtLeast(3)])",
        "Not(TurnAtLeast(3))",
        "FigureAbove(party: Party(\"delta\"), figure: Power, value: 999.0)",
    ] {
        assert!(!never_warned(possible), "{possible} is warned about");
    }
}
