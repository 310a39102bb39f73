//! Bad and hostile files through `sixparty validate`: each gets a message naming the file and a
//! non-zero exit, never a panic or a hang.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const MINI: &str = include_str!("fixtures/mini.ron");

/// A fresh folder of this test's own (tests run in parallel: each needs its own tag).
fn scratch(tag: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("sixparty-hostile-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn validate(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["--mods", "no-such-folder", "validate"])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// The file is refused with an error naming it and `expect`, and nothing panics.
fn refused(path: &Path, expect: &str) {
    let o = validate(path);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{}: {out}{err}", path.display());
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        out.contains(&format!("{}", path.display())) && out.contains(": error: "),
        "{}: {out}",
        path.display()
    );
    assert!(
        out.contains(expect),
        "{}: expected {expect:?} in {out}",
        path.display()
    );
    assert!(out.contains("0 valid, 1 with"), "{out}");
}

fn scenario_with_events(n: usize) -> String {
    let mut events = String::new();
    for i in 0..n {
        let _ = writeln!(
            events,
            "(id: \"e{i}\", title: \"t\", text: \"x\", when: Date(2020, 2), effects: [News(\"n\")]),"
        );
    }
    MINI.replacen("    events: [\n", &format!("    events: [\n{events}"), 1)
}

#[test]
fn every_kind_of_bad_file_is_refused_with_a_message() {
    let dir = scratch("files");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    refused(&write("empty.ron", b""), "error");
    refused(
        &write("truncated.ron", &MINI.as_bytes()[..MINI.len() / 3]),
        "error",
    );
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 13) as u8).collect();
    refused(&write("garbage.ron", &garbage), "not UTF-8");
    let mut latin1 = MINI.as_bytes().to_vec();
    latin1[MINI.find("Alpha").unwrap()] = 0xE9;
    refused(&write("latin1.ron", &latin1), "not UTF-8");
    refused(&dir.join("missing.ron"), "cannot read the file");
    refused(Path::new("/dev/zero"), "not a regular file");
    let empty_dir = dir.join("folder");
    std::fs::create_dir_all(&empty_dir).unwrap();
    refused(&empty_dir, "a folder with no .ron file");
    let deep = MINI.replacen(
        "requires: Some(ForumIs(forum: Target, status: Active)),",
        &format!(
            "requires: Some({}ForumIs(forum: Target, status: Active){}),",
            "Not(".repeat(10_000),
            ")".repeat(10_000)
        ),
        1,
    );
    refused(
        &write("deep.ron", deep.as_bytes()),
        "nested more than 64 deep",
    );
    refused(
        &write(
            "overflow.ron",
            MINI.replacen("turns: 12", "turns: 99999999999999999999", 1)
                .as_bytes(),
        ),
        "error",
    );
    refused(
        &write(
            "huge.ron",
            MINI.replacen("power: 300.0", "power: 1e400", 1).as_bytes(),
        ),
        "power is inf",
    );
    refused(
        &write(
            "nan.ron",
            MINI.replacen("security: 70.0", "security: NaN", 1)
                .as_bytes(),
        ),
        "security is NaN",
    );
    refused(
        &write(
            "inf.ron",
            MINI.replacen("value: 50.0", "value: -inf", 1).as_bytes(),
        ),
        "value is -inf",
    );
    let long = MINI.replacen(
        "\"The patron.\"",
        &format!("\"{}\"", "x".repeat(1_000_000)),
        1,
    );
    refused(
        &write("long-string.ron", long.as_bytes()),
        "longer than 20000 characters",
    );
    // An unclosed quote runs to the end of the file.
    let unclosed = MINI.replacen("\"The patron.\"", "\"The patron.", 1) + &"y".repeat(30_000);
    refused(
        &write("unclosed.ron", unclosed.as_bytes()),
        "is a closing quote missing?",
    );
    refused(
        &write("many-events.ron", scenario_with_events(10_000).as_bytes()),
        "a scenario has at most 1000 events",
    );
    let watch = MINI.replacen(
        "    calendar:",
        &format!("    watch: [{}],\n    calendar:", "\"look\",".repeat(2000)),
        1,
    );
    refused(
        &write("many-watch-lines.ron", watch.as_bytes()),
        "a scenario has at most 1000 watch lines",
    );
    // A thousand of them is a scenario like any other.
    let ok = validate(&write(
        "some-events.ron",
        scenario_with_events(900).as_bytes(),
    ));
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    // A byte-order mark is skipped.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(MINI.as_bytes());
    let o = validate(&write("bom.ron", &bom));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = scratch("fifo");
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available; skipped");
        return;
    }
    // Nobody writes to it: reading it would block forever.
    refused(&fifo, "not a regular file");
}

#[test]
fn many_problems_are_capped_and_counted() {
    // Ten thousand events, each naming an unknown party: the first problems are placed, the
    // rest counted, and the run ends.
    let mut events = String::new();
    for i in 0..1200 {
        let _ = writeln!(
            events,
            "(id: \"e{i}\", title: \"t\", text: \"x\", when: Date(2020, 2), target: Some(\"nobody{i}\")),"
        );
    }
    let text = MINI.replacen("    events: [\n", &format!("    events: [\n{events}"), 1);
    let err = sixparty_core::scenario::load_str(&text, "many.ron").unwrap_err();
    let sixparty_core::scenario::ScenarioError::Invalid { problems, .. } = err else {
        panic!("expected problems");
    };
    assert_eq!(
        problems.len(),
        sixparty_core::scenario::validate::MAX_PROBLEMS + 1
    );
    assert!(
        problems
            .last()
            .unwrap()
            .message
            .contains("more problems not shown")
    );
}
