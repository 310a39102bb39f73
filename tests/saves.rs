//! Saves: identical games after save and load, clear refusals of bad files, atomic writes that
//! survive kills, and replays that reach the saved state.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use sixparty_core::save::{self, SaveError, SaveFile};
use sixparty_core::scenario::{self, PartyIx};
use sixparty_core::session::Session;
use sixparty_core::sim::Phase;

fn campaign() -> Arc<scenario::Scenario> {
    Arc::new(scenario::resolve(scenario::DEFAULT_SCENARIO, None).unwrap())
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sixparty-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Play the human seat with a fixed, non-trivial policy (the advisor's second choice on even
/// turns, its first on odd ones) until `stop` says so.
fn play_until(session: &mut Session, stop: impl Fn(&Session) -> bool) {
    while !session.game.is_over() && !stop(session) {
        match session.game.phase() {
            Phase::BetweenTurns => session.start_turn().unwrap(),
            Phase::Deciding => {
                for p in session.human_decisions() {
                    let n = session.scenario().events[p.event.0].options.len();
                    let pick = session.advise_decision(p).option;
                    let option = if session.game.turn().is_multiple_of(2) {
                        (pick + 1) % n
                    } else {
                        pick
                    };
                    session.decide(p.event, option).unwrap();
                }
                session.open_orders().unwrap();
            }
            Phase::Ordering => {
                let h = session.humans()[0];
                while session.game.orders_of(h).is_empty() || !session.game.turn().is_multiple_of(3)
                {
                    let ranked = session.ranked_orders(h);
                    let Some(c) = ranked.get(usize::from(session.game.turn().is_multiple_of(2)))
                    else {
                        break;
                    };
                    session.order(c.order).unwrap();
                    if session.game.orders_of(h).len() >= 2 {
                        break;
                    }
                }
                session.end_turn().unwrap();
            }
            Phase::Over => {}
        }
    }
}

fn reload(session: &mut Session) -> Session {
    let text = SaveFile::of(session).to_ron().unwrap();
    SaveFile::parse(&text, "mem.ron")
        .unwrap()
        .restore("mem.ron")
        .unwrap()
}

#[test]
fn save_load_play_on_is_the_game_never_saved() {
    let s = campaign();
    let mut straight = Session::new(s.clone(), 21, vec![PartyIx(2)]);
    play_until(&mut straight, |_| false);
    let want = straight.game.state();
    // Between turns at several turns, and in the middle of a turn.
    for k in [0, 1, 5, 12, 23] {
        for mid in [false, true] {
            let mut g = Session::new(s.clone(), 21, vec![PartyIx(2)]);
            play_until(&mut g, |g| {
                g.game.turn() == k
                    && if mid {
                        g.game.phase() == Phase::Ordering
                    } else {
                        g.game.phase() == Phase::BetweenTurns
                    }
            });
            let mut loaded = reload(&mut g);
            assert_eq!(loaded.game.phase(), g.game.phase(), "k={k} mid={mid}");
            play_until(&mut loaded, |_| false);
            assert_eq!(loaded.game.state(), want, "k={k} mid={mid}");
            assert_eq!(
                loaded.game.history(),
                straight.game.history(),
                "k={k} mid={mid}"
            );
            assert_eq!(loaded.choices(), straight.choices(), "k={k} mid={mid}");
        }
    }
}

#[test]
fn a_finished_game_replays_to_its_final_state() {
    let s = campaign();
    let mut g = Session::new(s, 4, vec![PartyIx(0)]);
    play_until(&mut g, |_| false);
    assert!(g.game.is_over());
    let loaded = reload(&mut g);
    assert!(loaded.game.is_over());
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn bad_saves_are_refused_clearly_and_left_as_they_were() {
    let dir = temp_dir("bad-saves");
    let mut g = Session::new(campaign(), 3, vec![PartyIx(0)]);
    play_until(&mut g, |g| {
        g.game.turn() == 4 && g.game.phase() == Phase::BetweenTurns
    });
    let good = SaveFile::of(&mut g).to_ron().unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "not a readable save"),
        (
            "truncated",
            good[..good.len() / 2].to_owned(),
            "not a readable save",
        ),
        (
            "corrupted",
            good.replacen("choices:", "choixes:", 1),
            "not a readable save",
        ),
        (
            "version",
            good.replacen("format: 2,", "format: 7,", 1),
            "save format 7",
        ),
        (
            "edited",
            // A hand edit of the recorded state: between turns it is no longer the state the
            // history ends with.
            {
                let mut f = SaveFile::parse(&good, "x").unwrap();
                f.game.state.tracks[0] += 5.0;
                f.to_ron().unwrap()
            },
            "not the state the history ends with",
        ),
        (
            "forged-choice",
            {
                let mut f = SaveFile::parse(&good, "x").unwrap();
                if let Some(sixparty_core::session::HumanChoice::Order { order, .. }) = f
                    .choices
                    .iter_mut()
                    .find(|c| matches!(c, sixparty_core::session::HumanChoice::Order { .. }))
                {
                    order.party = PartyIx(1);
                }
                f.to_ron().unwrap()
            },
            "an order by china, a seat no person plays",
        ),
    ];
    for (name, text, expect) in cases {
        let path = write(&dir, &format!("{name}.ron"), &text);
        let err = match save::load(&dir, name) {
            Ok(_) => panic!("{name}: loaded"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains(expect), "{name}: {err}");
        assert!(
            err.contains(&format!("{name}.ron")),
            "{name}: names the file: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{name}: file untouched"
        );
        // Through the command line: exit code 1, the same message, no panic.
        let out = Command::new(env!("CARGO_BIN_EXE_sixparty"))
            .args(["play", "--plain", "--load", name])
            .env("SIXPARTY_SAVES", &dir)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(expect) && !stderr.contains("panicked"),
            "{name}: {stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{name}: file untouched"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn save_names_cannot_leave_the_folder() {
    for bad in [
        "../x",
        "/etc/passwd",
        "a/b",
        "a\\b",
        ".hidden",
        "",
        "..",
        "x..y",
    ] {
        assert!(
            matches!(save::check_name(bad), Err(SaveError::BadName(_))),
            "{bad:?}"
        );
    }
    for good in ["campaign-t03", "my_game.2", "autosave-1"] {
        save::check_name(good).unwrap();
    }
}

#[test]
fn autosaves_rotate_and_keep_the_last_few() {
    let dir = temp_dir("rotate");
    let mut g = Session::new(campaign(), 3, vec![PartyIx(0)]);
    for _ in 0..5 {
        play_until(&mut g, |g| g.game.phase() == Phase::Ordering);
        play_until(&mut g, |g| g.game.phase() == Phase::BetweenTurns);
        save::autosave(&dir, &mut g).unwrap();
    }
    let names: Vec<String> = save::list(&dir).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names.len(), save::AUTOSAVES_KEPT, "{names:?}");
    let (_, newest) = save::load(&dir, "autosave-1").unwrap();
    let (_, oldest) = save::load(&dir, "autosave-3").unwrap();
    assert_eq!(newest.turn, 5);
    assert_eq!(oldest.turn, 3);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unwritable_saves_folder_is_reported_and_the_game_goes_on() {
    let dir = temp_dir("unwritable");
    let blocker = write(&dir, "not-a-folder", "");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["play", "--plain", "--seed", "2", "--as", "us"])
        .env("SIXPARTY_SAVES", blocker.join("saves"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all("\n".repeat(300).as_bytes());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Autosave failed"), "{stdout}");
    assert!(stdout.contains("DEBRIEF"), "the game went on to the end");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn killing_the_game_while_it_saves_never_leaves_a_broken_save() {
    let dir = temp_dir("kill");
    // A cheap, deterministic spread of kill moments.
    let delays_ms = [
        3u64, 17, 31, 47, 61, 79, 97, 113, 137, 151, 173, 199, 223, 251, 277,
    ];
    for (i, ms) in delays_ms.iter().enumerate() {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sixparty"))
            .args(["play", "--plain", "--seed", &i.to_string(), "--as", "china"])
            .env("SIXPARTY_SAVES", &dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all("\n".repeat(300).as_bytes());
        std::thread::sleep(std::time::Duration::from_millis(*ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        drop(stdin);
    }
    let saves = save::list(&dir);
    assert!(!saves.is_empty(), "some autosaves were written");
    for (name, file) in saves {
        let file = file.unwrap_or_else(|e| panic!("{name} is broken: {e}"));
        file.restore(&name)
            .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn replay_command_verifies_a_save() {
    let dir = temp_dir("replay");
    let mut g = Session::new(campaign(), 9, vec![PartyIx(3)]);
    play_until(&mut g, |g| {
        g.game.turn() == 6 && g.game.phase() == Phase::BetweenTurns
    });
    save::save(&dir, "mid", &mut g).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["replay", "mid", "--saves-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("=== Turn 6 of 24"), "{stdout}");
    assert!(stdout.contains("Replay verified"), "{stdout}");
    let list = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["saves", "--saves-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&list.stdout);
    assert!(
        listed.contains("mid")
            && listed.contains("campaign-2010-2011")
            && listed.contains("south_korea"),
        "{listed}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
