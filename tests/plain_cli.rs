//! The binary driven through pipes, as a user or a script would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// A fresh saves folder for one run, so parallel tests never share autosaves.
fn fresh_saves() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "sixparty-test-saves-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn sixparty(args: &[&str], input: &str) -> Output {
    sixparty_in(&fresh_saves(), args, input)
}

fn sixparty_in(saves: &std::path::Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(args)
        .env("SIXPARTY_SAVES", saves)
        // Run outside the repository so only the built-in scenarios are seen unless a test
        // passes a path.
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let mut stdin = child.stdin.take().unwrap();
    // The game may stop reading early; a broken pipe here is fine.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("binary finishes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Enough empty lines to take every recommendation of a whole campaign.
fn advisor_input() -> String {
    "\n".repeat(2000)
}

#[test]
fn whole_game_through_a_pipe_takes_the_advice_and_debriefs() {
    let out = sixparty(&["play", "--plain", "--seed", "7"], &advisor_input());
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("=== Turn 1 of 24 · Jan 2010 ==="));
    assert!(stdout.contains("=== Turn 24 of 24 · Dec 2011 ==="));
    assert!(stdout.contains("DEBRIEF"));
    for name in [
        "United States",
        "Japan",
        "Republic of Korea",
        "Russian Federation",
    ] {
        assert!(stdout.contains(name), "debrief names {name}");
    }
    assert!(stdout.contains("← you"), "the player's row is marked");
    assert!(stdout.contains("Dynamics at work ("));
    assert!(stdout.contains("seed 7"));
    assert!(
        !stdout.contains('\u{1b}'),
        "plain output has no escape codes"
    );
    // What the terminal screen shows is in the plain text too: the seat's alliances, both
    // directions of threat, every forum with its members, the heat map of all relations.
    for shown in [
        "Alliances: US–Japan Alliance commitment",
        "; US–ROK Alliance commitment",
        "you fear them",
        "they fear you",
        "6PT suspended habit 38 (US PRC JPN ROK DPRK RUS)",
        "Trust among all: US trusts PRC",
        "DPRK trusts US",
        "(cost 2, cooperative)",
    ] {
        assert!(stdout.contains(shown), "plain output shows {shown:?}");
    }
}

#[test]
fn same_seed_same_choices_same_game_byte_for_byte() {
    let a = sixparty(
        &["play", "--plain", "--seed", "42", "--as", "china"],
        &advisor_input(),
    );
    let b = sixparty(
        &["play", "--plain", "--seed", "42", "--as", "china"],
        &advisor_input(),
    );
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let c = sixparty(
        &["play", "--plain", "--seed", "43", "--as", "china"],
        &advisor_input(),
    );
    assert_ne!(a.stdout, c.stdout, "the seed matters");
}

#[test]
fn end_of_input_stops_cleanly_and_says_where() {
    let out = sixparty(&["play", "--plain", "--seed", "1"], "\n\n\n\n\n\n\n\n");
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Stopped at Turn"), "{stdout}");
    assert!(!stdout.contains("DEBRIEF"));
}

#[test]
fn plain_mode_says_who_the_others_are_allied_with_and_what_the_forums_are() {
    // The screen's map, focused, shows any party's alliances; plain mode lists them too.
    // Likewise the forums panel, focused.
    let out = sixparty(
        &["play", "--plain", "--seed", "1", "--as", "japan"],
        "\n\n\nq\n",
    );
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Alliances: US–Japan Alliance commitment"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Other alliances: US–ROK Alliance (US and ROK)"),
        "{stdout}"
    );
    // And what the focused forums panel shows of each forum: host, red lines, agenda.
    assert!(stdout.contains("The forums:"), "{stdout}");
    assert!(
        stdout.contains("  - 6PT — Six Party Talks: ") && stdout.contains("Host: PRC."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Red lines: Taiwan Strait tension (for PRC)"),
        "{stdout}"
    );
    assert!(stdout.contains("Agenda, a session: "), "{stdout}");
}

#[test]
fn q_stops_the_game() {
    let out = sixparty(&["play", "--plain", "--seed", "1", "--as", "japan"], "q\n");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Stopped at Turn 1"));
}

#[test]
fn bad_input_is_refused_and_asked_again() {
    let out = sixparty(&["play", "--plain", "--seed", "1"], "banana\n99\n3\nq\n");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\"banana\" is not a choice"), "{stdout}");
    assert!(stdout.contains("\"99\" is not a choice"));
    assert!(
        stdout.contains("You play Japan."),
        "the third answer is taken"
    );
}

#[test]
fn unknown_party_lists_the_valid_ids() {
    let out = sixparty(&["play", "--plain", "--as", "taiwan"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("unknown party \"taiwan\""), "{err}");
    assert!(err.contains("north_korea"), "{err}");
}

#[test]
fn broken_scenario_file_is_placed_exit_one_no_panic() {
    let dir = std::env::temp_dir().join(format!("sixparty-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.ron");
    let good = include_str!("fixtures/mini.ron");
    std::fs::write(
        &path,
        good.replacen(
            "members: [\"alpha\", \"beta\", \"gamma\"]",
            "members: [\"alpha\", \"beta\", \"gamm\"]",
            1,
        ),
    )
    .unwrap();
    let out = sixparty(&["play", "--plain", path.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("broken.ron:"), "{err}");
    assert!(err.contains("unknown party \"gamm\""), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    std::fs::write(&path, "(format: 1, id: ").unwrap();
    let out = sixparty(&["validate", path.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    // The report of `validate` is its output: on stdout, so that it can be piped.
    assert!(
        text(&out.stdout).contains("broken.ron:1:"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_scenario_file_can_be_played_by_path() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.ron");
    let out = sixparty(
        &["play", "--plain", "--seed", "3", path, "--as", "delta"],
        &advisor_input(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("You play Delta."));
    assert!(stdout.contains("=== Turn 12 of 12"));
    assert!(stdout.contains("DEBRIEF"));
}

#[test]
fn list_shows_the_builtin_campaign_as_default() {
    let out = sixparty(&["list"], "");
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("campaign-2010-2011"));
    assert!(stdout.contains("(default)"));
}

#[test]
fn help_is_available_everywhere() {
    for args in [
        &["--help"][..],
        &["play", "--help"],
        &["list", "--help"],
        &["validate", "--help"],
    ] {
        let out = sixparty(args, "");
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn order_numbers_stay_fixed_through_the_month() {
    // Give order 1, then stop: the second menu of the month must show each order under the
    // number it had in the first.
    let out = sixparty(
        &["play", "--plain", "--seed", "5", "--as", "japan"],
        "\n\n\n\n1\nq\n",
    );
    let stdout = text(&out.stdout);
    let menus: Vec<Vec<(String, String)>> = stdout
        .split("ORDERS for Japan")
        .skip(1)
        .take(2)
        .map(|menu| {
            menu.lines()
                .filter_map(|l| {
                    let (n, rest) = l.trim_start().split_once(". ")?;
                    n.parse::<u32>().ok()?;
                    let label = rest.split(" (cost").next()?.to_string();
                    Some((n.to_string(), label))
                })
                .collect()
        })
        .collect();
    assert_eq!(menus.len(), 2, "two menus in the first month:\n{stdout}");
    let first_label = &menus[0][0].1;
    assert!(
        menus[1].iter().all(|(_, l)| l != first_label),
        "the order given is no longer offered"
    );
    for (n, label) in &menus[1] {
        if let Some((_, before)) = menus[0].iter().find(|(m, _)| m == n) {
            assert_eq!(label, before, "order {n} kept its number");
        }
    }
}

#[test]
fn difficulty_changes_the_ai_and_is_kept_in_the_save() {
    let run = |difficulty: &str| {
        let saves = fresh_saves();
        let out = sixparty_in(
            &saves,
            &[
                "play",
                "taiwan-arms-sale-2010",
                "--plain",
                "--seed",
                "3",
                "--as",
                "japan",
                "--difficulty",
                difficulty,
            ],
            &"\n".repeat(60),
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        (saves, text(&out.stdout))
    };
    let (_, normal) = run("normal");
    let (hard_saves, hard) = run("hard");
    let (_, easy) = run("easy");
    assert_ne!(normal, hard, "the lookahead AI plays other moves");
    assert_ne!(normal, easy, "the hesitant AI plays fewer moves");
    let save = std::fs::read_to_string(hard_saves.join("autosave-1.ron")).unwrap();
    assert!(
        save.contains("\"doctrine\""),
        "the save names the AI seats' policy"
    );
    // Loading replays the game with the same AI, so it verifies.
    let loaded = sixparty_in(
        &hard_saves,
        &["play", "--load", "autosave-1", "--plain"],
        "q\n",
    );
    assert!(loaded.status.success(), "{}", text(&loaded.stderr));
    let bad = sixparty(&["play", "--difficulty", "brutal", "--plain"], "");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn the_tutorial_command_starts_the_tutorial_as_japan() {
    let out = sixparty(&["tutorial", "--plain", "--seed", "1"], "q\n");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("Tutorial"), "{stdout}");
    assert!(stdout.contains("Step 1 of 6"), "{stdout}");
}

/// Hot-seat in plain mode: a banner hands the keyboard over, and China's section (from its
/// banner to the next) shows nothing of what Japan ordered this month nor Japan's figures.
#[test]
fn hot_seat_hands_over_and_hides_the_other_seats_orders() {
    let out = sixparty(
        &[
            "play", "--plain", "--seed", "3", "--as", "japan", "--as", "china",
        ],
        &advisor_input(),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let japan_banner = "=== Japan's turn — previous player look away ===";
    let china_banner = "=== People's Republic of China's turn — previous player look away ===";
    assert!(stdout.contains(japan_banner), "{stdout}");
    assert!(stdout.contains(china_banner), "{stdout}");
    // Turn 1: Japan's orders come first, then China's.
    let turn1 = &stdout[stdout.find("=== Turn 1 of 24").expect("turn 1")..];
    let japan_at = turn1.find(japan_banner).expect("Japan's banner");
    let china_at = turn1.find(china_banner).expect("China's banner");
    assert!(japan_at < china_at);
    let japan = &turn1[japan_at..china_at];
    let china = &turn1[china_at..];
    let china = &china[..china[china_banner.len()..]
        .find("=== ")
        .map_or(china.len(), |i| i + china_banner.len())];
    let ordered: Vec<&str> = japan
        .lines()
        .filter_map(|l| l.split("Ordered: ").nth(1))
        .collect();
    assert!(!ordered.is_empty(), "Japan gave orders:\n{japan}");
    assert!(
        china.contains("ORDERS for People's Republic of China"),
        "{china}"
    );
    for label in &ordered {
        assert!(
            !china.contains(&format!("Ordered: {label}")),
            "China sees Japan's order {label}:\n{china}"
        );
        assert!(
            !china.contains(&format!("Japan: {label}")),
            "China sees Japan's order {label}:\n{china}"
        );
    }
    // Japan's private figures and menu are Japan's alone.
    assert!(!china.contains("ORDERS for Japan"), "{china}");
    assert!(!china.contains("Japan: security"), "{china}");
    // Nor, in hot-seat, the trust between third parties.
    assert!(!stdout.contains("Trust among all"), "{stdout}");
    // After the month, each seat sees its own summary behind a banner.
    assert!(
        stdout.contains("the month's results for Japan")
            && stdout.contains("the month's results for People's Republic of China"),
        "{stdout}"
    );
}
