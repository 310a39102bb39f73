//! The debrief's exports: the Markdown handout of a fixed seeded game (snapshot) and the CSV
//! files, through the library and through `sixparty debrief`.

mod common;

use std::sync::Arc;

use common::{advised_orders, decide, load, party};
use sixparty_core::debrief::{Debrief, export};
use sixparty_core::scenario::Scenario;
use sixparty_core::session::Session;

const ID: &str = "taiwan-arms-sale-2010";

/// China's seat: the Cheonan findings accepted, the advisor's orders in even months only.
fn played(s: &Arc<Scenario>) -> Session {
    let china = party(s, "china");
    let mut session = Session::new(s.clone(), 4, vec![china]);
    while !session.game.is_over() {
        session.start_turn().unwrap();
        decide(&mut session, &[]);
        session.open_orders().unwrap();
        if session.game.turn().is_multiple_of(2) {
            advised_orders(&mut session, china);
        }
        session.end_turn().unwrap();
    }
    session
}

#[test]
fn the_markdown_handout_of_a_fixed_game_matches_its_snapshot() {
    let s = load(ID);
    let mut session = played(&s);
    let mut d = Debrief::of(&mut session);
    d.weigh(&mut session, 2).unwrap();
    let md = export::markdown(&d, &s);
    for section in [
        "# Debrief — ",
        "## Scores against objectives",
        "## Beside the AI, and the turning point",
        "## What became of the forums",
        "## Charts",
        "## Timeline",
        "## Dynamics at work",
        "## For discussion",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
    insta::assert_snapshot!(md);
}

#[test]
fn the_csv_files_have_a_row_per_month_and_a_column_per_figure() {
    let s = load(ID);
    let mut session = played(&s);
    let d = Debrief::of(&mut session);
    let files = export::csv_files(&d);
    let turns = &files.iter().find(|(n, _)| *n == "turns.csv").unwrap().1;
    let rows: Vec<&str> = turns.lines().collect();
    assert_eq!(
        rows.len(),
        1 + 1 + s.turns as usize,
        "header, the start and each month"
    );
    let width = rows[0].split(',').count();
    assert!(rows.iter().all(|r| r.split(',').count() == width));
    assert!(rows[0].starts_with("turn,date,United States,"));
    assert!(rows[1].starts_with("0,start,"));
    let scores = &files.iter().find(|(n, _)| *n == "scores.csv").unwrap().1;
    assert!(scores.contains("People's Republic of China,human,"));
    assert_eq!(scores.lines().count(), 1 + s.parties.len());
}

#[test]
fn sparklines_scale_each_line_between_its_own_extremes() {
    assert_eq!(export::sparkline(&[0.0, 50.0, 100.0]), "▁▅█");
    assert_eq!(export::sparkline(&[7.0, 7.0]), "▄▄");
    assert_eq!(export::sparkline(&[10.0, 5.0]), "█▁");
}

#[test]
fn an_unfinished_save_gets_the_debrief_so_far_and_files_are_written() {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let dir = std::env::temp_dir().join(format!("sixparty-debrief-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let saves = dir.join("saves");
    let run = |args: &[&str], input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
            .arg("--saves-dir")
            .arg(&saves)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        child.wait_with_output().unwrap()
    };
    // Three months on the advisor's picks, then stop.
    let played = run(
        &["play", ID, "--as", "us", "--plain", "--seed", "2"],
        "\n\n\n\n\n\n\n\n\nq\n",
    );
    assert!(played.status.success());
    let md = dir.join("handout.md");
    let out = run(
        &[
            "debrief",
            "autosave-1",
            "--runs",
            "2",
            "--markdown",
            md.to_str().unwrap(),
            "--csv",
            dir.join("csv").to_str().unwrap(),
        ],
        "",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("not finished"), "{err}");
    let handout = std::fs::read_to_string(&md).unwrap();
    assert!(handout.starts_with("# Debrief — "));
    assert!(
        !handout.contains("## Beside the AI"),
        "no what-if for an unfinished game"
    );
    for f in ["turns.csv", "scores.csv", "timeline.csv"] {
        assert!(dir.join("csv").join(f).is_file(), "{f} written");
    }
    let missing = run(&["debrief", "no-such-save"], "");
    assert_eq!(missing.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
