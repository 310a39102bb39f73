//! Headless simulation: the same results whatever the number of threads, a CSV row per game,
//! and the command line.

mod common;

use std::process::Command;

use common::load;
use sixparty_core::simulate;

const ID: &str = "plus-three-summit-2010";

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let s = load(ID);
    let mut rows1 = Vec::new();
    let one = simulate::run(&s, 24, 9, 1, &[], |r| rows1.push(simulate::csv_row(&s, r))).unwrap();
    let mut rows2 = Vec::new();
    let two = simulate::run(&s, 24, 9, 2, &[], |r| rows2.push(simulate::csv_row(&s, r))).unwrap();
    assert_eq!(one, two);
    assert_eq!(rows1, rows2);
    assert_eq!(one.runs, 24);
    assert_ne!(
        simulate::run(&s, 24, 10, 2, &[], |_| {}).unwrap(),
        one,
        "another seed, other games"
    );
}

#[test]
fn each_row_is_the_game_its_seed_starts() {
    let s = load(ID);
    let mut rows = Vec::new();
    simulate::run(&s, 5, 3, 2, &[], |r| rows.push(r.clone())).unwrap();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.game, i);
        assert_eq!(row.seed, simulate::game_seed(3, i));
        assert_eq!(*row, simulate::play_one(&s, i, row.seed, &[]).unwrap());
    }
    let header = simulate::csv_header(&s);
    let width = header.split(',').count();
    assert_eq!(simulate::csv_row(&s, &rows[0]).split(',').count(), width);
}

#[test]
fn the_summary_counts_what_the_rows_hold() {
    let s = load(ID);
    let mut rows = Vec::new();
    let summary = simulate::run(&s, 12, 4, 2, &[], |r| rows.push(r.clone())).unwrap();
    for (i, e) in summary.events.iter().enumerate() {
        let fired = rows.iter().filter(|r| r.events[i].is_some()).count();
        assert_eq!(e.fired, fired, "event {}", e.id);
    }
    for (p, named) in summary.scores.iter().enumerate() {
        let mean = rows.iter().map(|r| r.scores[p]).sum::<f32>() / rows.len() as f32;
        assert!((named.mean - mean).abs() < 1e-3, "{}", named.id);
        assert!(named.p5 <= named.median && named.median <= named.p95);
    }
}

fn sixparty(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_writes_a_csv_line_per_game_and_a_summary() {
    let dir = std::env::temp_dir().join(format!("sixparty-sim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("runs.csv");
    let out = sixparty(&[
        "simulate",
        ID,
        "--runs",
        "6",
        "--seed",
        "2",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "a header and six games");
    assert!(lines[0].starts_with("game,seed,score_"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("6 all-AI games, seed 2"), "{stdout}");
    assert!(stdout.contains("final score"));

    let json = sixparty(&["simulate", ID, "--runs", "3", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["runs"], 3);
    assert_eq!(v["scenario"], ID);

    let bad = sixparty(&["simulate", ID, "--runs", "0"]);
    assert_eq!(bad.status.code(), Some(2));
    for jobs in ["0", "100000"] {
        let bad = sixparty(&["simulate", ID, "--runs", "1", "--jobs", jobs]);
        assert_eq!(bad.status.code(), Some(2), "--jobs {jobs}");
        assert!(String::from_utf8_lossy(&bad.stderr).contains("--jobs must be between 1 and 1024"));
    }
    let bad = sixparty(&["simulate", ID, "--runs", "1", "--policy", "mars=cooperator"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown seat \"mars\"; seats: "));
    let unwritable = sixparty(&[
        "simulate",
        ID,
        "--runs",
        "1",
        "--csv",
        "/nonexistent-dir/x.csv",
    ]);
    assert_eq!(unwritable.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unwritable.stderr).contains("/nonexistent-dir/x.csv"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_if_from_a_save_shows_the_spread_and_the_ai_in_your_seat() {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("sixparty-whatif-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let saves = dir.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args([
            "--saves-dir",
            saves,
            "play",
            ID,
            "--as",
            "japan",
            "--plain",
            "--seed",
            "3",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Enter takes the advisor's pick at every prompt, to the end of the game.
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all("\n".repeat(400).as_bytes());
    assert!(child.wait().unwrap().success());
    let out = sixparty(&[
        "--saves-dir",
        saves,
        "simulate",
        "--from",
        "autosave-1",
        "--runs",
        "3",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("What if the AI played every seat"), "{text}");
    assert!(text.contains("Japan (played)"), "{text}");
    assert!(
        text.contains("the AI in your seat with the same seed"),
        "{text}"
    );
    let missing = sixparty(&["--saves-dir", saves, "simulate", "--from", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_seat_can_be_played_by_a_named_policy() {
    let s = load(ID);
    let japan = common::party(&s, "japan");
    let plain = simulate::run(&s, 6, 5, 2, &[], |_| {}).unwrap();
    let defector = simulate::run(
        &s,
        6,
        5,
        2,
        &[(japan, sixparty_core::policy::Policy::Defector)],
        |_| {},
    )
    .unwrap();
    assert_ne!(
        plain.scores[japan.0], defector.scores[japan.0],
        "a defecting Japan plays other games"
    );
    let ok = sixparty(&["simulate", ID, "--runs", "2", "--policy", "japan=defector"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    for bad in ["japan=nope", "atlantis=defector", "japan"] {
        let out = sixparty(&["simulate", ID, "--runs", "2", "--policy", bad]);
        assert_eq!(out.status.code(), Some(2), "--policy {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(bad));
    }
}

/// A stop (what Ctrl-C sets) ends the run early; the summary is of the games played before it,
/// the same as a run of that many games, and says it was stopped.
#[test]
fn a_stopped_run_summarises_the_games_played_so_far() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let s = load("classic-dilemma");
    let stop = AtomicBool::new(false);
    let mut seen = 0;
    let partial = simulate::run_until(&s, 5_000, 2, 2, &[], &stop, |_| {
        seen += 1;
        if seen == 10 {
            stop.store(true, Ordering::Relaxed);
        }
    })
    .unwrap();
    assert!(partial.interrupted);
    assert_eq!(partial.requested, 5_000);
    assert!(
        (10..5_000).contains(&partial.runs),
        "stopped within the chunk under way: {} games",
        partial.runs
    );
    assert_eq!(seen, partial.runs, "one row per game summarised");
    let whole = simulate::run(&s, partial.runs, 2, 1, &[], |_| {}).unwrap();
    assert!(!whole.interrupted);
    assert_eq!(partial.scores, whole.scores);
    assert_eq!(partial.tracks, whole.tracks);
    let text = partial.lines(&s).join("\n");
    assert!(
        text.contains(&format!("Stopped after {} of 5000 games", partial.runs)),
        "{text}"
    );
}

/// Ctrl-C during a long `simulate` prints the summary of the games played, keeps their CSV
/// rows, and exits with 130.
#[test]
fn ctrl_c_prints_the_partial_summary() {
    let dir = std::env::temp_dir().join(format!("sixparty-sim-int-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("games.csv");
    let child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["simulate", ID, "--runs", "1000000", "--csv"])
        .arg(&csv)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until games are being written, then interrupt.
    let started = std::time::Instant::now();
    while std::fs::metadata(&csv).map_or(0, |m| m.len()) < 2_000
        && started.elapsed() < std::time::Duration::from_mins(1)
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted after"), "{stderr}");
    assert!(stdout.contains("Stopped after"), "{stdout}");
    assert!(stdout.contains("final score"), "{stdout}");
    let games: usize = stdout
        .lines()
        .next()
        .and_then(|l| l.split(" all-AI games").next())
        .and_then(|l| l.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .expect("the first line counts the games");
    let rows = std::fs::read_to_string(&csv).unwrap().lines().count() - 1;
    assert_eq!(rows, games, "a CSV row for every game summarised");
    let _ = std::fs::remove_dir_all(&dir);
}
