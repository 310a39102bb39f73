//! Save format 2: a save resumes from its recorded state, at every point of a turn, exactly as
//! the game would have gone on; format-1 saves still load when today's engine no longer replays
//! them; `replay` tells an older save from an edited one; damaged saves are refused, never
//! panicked on.

// Resuming means the very same numbers, not close ones.
#![allow(clippy::float_cmp)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use sixparty_core::save::{self, SaveError, SaveFile, Verdict};
use sixparty_core::scenario::{self, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::engine::Snapshot;
use sixparty_core::sim::{Game, Order, Phase};

fn load_scenario(id: &str) -> Arc<Scenario> {
    Arc::new(scenario::resolve(id, None).unwrap())
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sixparty-v2-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ron<T: serde::Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap()
}

/// One step of a game, each choice a human makes being its own step, so that a game can be
/// stopped anywhere: between turns, with some decisions handed in and others not, with some
/// orders given. The humans play a fixed policy that depends only on the game (the advisor's
/// second choice on even turns, its first on odd ones).
fn step(session: &mut Session) {
    match session.game.phase() {
        Phase::BetweenTurns => session.start_turn().unwrap(),
        Phase::Deciding => {
            if let Some(p) = session.human_decisions().first().copied() {
                let n = session.scenario().events[p.event.0].options.len();
                let pick = session.advise_decision(p).option;
                let option = if session.game.turn().is_multiple_of(2) {
                    (pick + 1) % n
                } else {
                    pick
                };
                session.decide(p.event, option).unwrap();
            } else {
                session.open_orders().unwrap();
            }
        }
        Phase::Ordering => {
            let turn = session.game.turn();
            let humans = session.humans().to_vec();
            let next = humans.into_iter().find_map(|h| {
                let given = session.game.orders_of(h).len();
                if given >= 2 || (given >= 1 && !turn.is_multiple_of(3)) {
                    return None;
                }
                let ranked = session.ranked_orders(h);
                ranked
                    .get(usize::from(turn.is_multiple_of(2)))
                    .or(ranked.first())
                    .map(|c| c.order)
            });
            match next {
                Some(o) => session.order(o).unwrap(),
                None => {
                    session.end_turn().unwrap();
                }
            }
        }
        Phase::Over => {}
    }
}

fn play_out(session: &mut Session) {
    while !session.game.is_over() {
        step(session);
    }
}

/// What a finished game is, to compare two of them: every part of its snapshot and the
/// humans' choices.
fn outcome(session: &mut Session) -> (String, String) {
    (ron(&session.game.snapshot()), ron(&session.choices()))
}

/// Save to text and load back.
fn reload(session: &mut Session) -> Session {
    let text = SaveFile::of(session).to_ron().unwrap();
    let file = SaveFile::parse(&text, "mem.ron").unwrap();
    assert_eq!(file.format, save::SAVE_FORMAT);
    let resumed = file.resume("mem.ron").unwrap();
    assert!(resumed.note.is_none(), "{:?}", resumed.note);
    resumed.session
}

/// Where a game stands, for messages.
fn at(session: &Session) -> String {
    format!(
        "turn {} {:?}, {} choices",
        session.game.turn(),
        session.game.phase(),
        session.choices().len()
    )
}

#[test]
fn a_snapshot_restored_plays_on_as_the_game_would_have_at_every_phase() {
    let s = load_scenario(scenario::DEFAULT_SCENARIO);
    let humans = vec![PartyIx(1), PartyIx(2)];
    let mut straight = Session::new(s.clone(), 17, humans.clone());
    play_out(&mut straight);
    let want = outcome(&mut straight);

    let mut g = Session::new(s.clone(), 17, humans.clone());
    let mut seen = Vec::new();
    let mut k = 0;
    while !g.game.is_over() {
        // Every step in the first turns (each place in a turn, mid-decisions and mid-orders
        // included), then every fifth.
        if g.game.turn() <= 3 || k % 5 == 0 {
            let snap = g.game.snapshot();
            // Through its serialised form, as a save holds it.
            let snap: Snapshot = ron::from_str(&ron(&snap)).unwrap();
            let game = Game::restore(s.clone(), snap).unwrap();
            let mut resumed = Session::resume_saved(
                game,
                g.seed(),
                g.humans().to_vec(),
                Vec::new(),
                g.choices().to_vec(),
                Vec::new(),
            );
            assert_eq!(
                ron(&resumed.game.snapshot()),
                ron(&g.game.snapshot()),
                "{}",
                at(&g)
            );
            seen.push((
                g.game.phase(),
                g.game.pending().len(),
                g.game.orders_of(humans[0]).len(),
            ));
            play_out(&mut resumed);
            assert!(outcome(&mut resumed) == want, "differs from {}", at(&g));
        }
        step(&mut g);
        k += 1;
    }
    for phase in [Phase::BetweenTurns, Phase::Deciding, Phase::Ordering] {
        assert!(seen.iter().any(|(p, ..)| *p == phase), "never at {phase:?}");
    }
    assert!(
        seen.iter()
            .any(|(p, pending, _)| *p == Phase::Deciding && *pending > 0),
        "never with a decision waiting"
    );
    assert!(
        seen.iter()
            .any(|(p, _, orders)| *p == Phase::Ordering && *orders > 0),
        "never with an order given"
    );
}

#[test]
fn a_save_loads_in_the_state_it_recorded_and_plays_on_identically_at_every_phase() {
    let s = load_scenario("six-party-talks");
    let humans = vec![PartyIx(0), PartyIx(3)];
    let mut straight = Session::new(s.clone(), 5, humans.clone());
    play_out(&mut straight);
    let want = outcome(&mut straight);

    let mut g = Session::new(s.clone(), 5, humans.clone());
    let mut k = 0;
    loop {
        let mut loaded = reload(&mut g);
        let here = at(&g);
        assert_eq!(loaded.game.turn(), g.game.turn(), "{here}");
        assert_eq!(loaded.game.phase(), g.game.phase(), "{here}");
        assert_eq!(loaded.game.state(), g.game.state(), "{here}");
        assert_eq!(loaded.game.pending(), g.game.pending(), "{here}");
        assert_eq!(loaded.human_decisions(), g.human_decisions(), "{here}");
        for p in 0..s.parties.len() {
            let p = PartyIx(p);
            let (a, b): (Vec<Order>, Vec<Order>) = (loaded.game.orders_of(p), g.game.orders_of(p));
            assert_eq!(a, b, "{here}: orders of party {}", p.0);
            assert_eq!(
                loaded.game.legal_orders(p),
                g.game.legal_orders(p),
                "{here}"
            );
        }
        assert_eq!(loaded.game.facts_so_far(), g.game.facts_so_far(), "{here}");
        assert_eq!(ron(loaded.game.report()), ron(g.game.report()), "{here}");
        assert_eq!(loaded.game.history(), g.game.history(), "{here}");
        assert_eq!(
            ron(&loaded.game.timeline()),
            ron(&g.game.timeline()),
            "{here}"
        );
        assert_eq!(
            ron(&loaded.game.observations()),
            ron(&g.game.observations()),
            "{here}"
        );
        assert_eq!(loaded.game.rng(), g.game.rng(), "{here}");
        assert_eq!(loaded.choices(), g.choices(), "{here}");
        assert_eq!(loaded.humans(), g.humans(), "{here}");
        if g.game.turn() <= 2 || k % 4 == 0 {
            play_out(&mut loaded);
            assert!(outcome(&mut loaded) == want, "differs from {here}");
        }
        if g.game.is_over() {
            break;
        }
        step(&mut g);
        k += 1;
    }
}

#[test]
fn saving_writes_format_2_and_a_difficulty_survives_it() {
    let s = load_scenario("classic-dilemma");
    let policies = vec![(PartyIx(1), sixparty_core::policy::Policy::Random)];
    let mut g = Session::with_policies(s.clone(), 3, vec![PartyIx(0)], policies);
    for _ in 0..7 {
        step(&mut g);
    }
    let text = SaveFile::of(&mut g).to_ron().unwrap();
    assert!(text.starts_with("(\n    format: 2,"), "{}", &text[..40]);
    let mut loaded = reload(&mut g);
    assert_eq!(loaded.policies(), g.policies());
    play_out(&mut g);
    play_out(&mut loaded);
    assert!(outcome(&mut loaded) == outcome(&mut g));
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/saves-v1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// Ways of making a format-1 save that today's engine no longer replays, as an engine change
/// would: another seed (the recorded dice no longer follow from it), or a history that today's
/// rules would not have produced.
fn unreplayable(text: &str, how: &str) -> String {
    match how {
        "seed" => {
            let at = text.find("\n    seed: ").unwrap() + "\n    seed: ".len();
            let end = at + text[at..].find(',').unwrap();
            let seed: u64 = text[at..end].parse().unwrap();
            format!("{}{}{}", &text[..at], seed + 1000, &text[end..])
        }
        "history" => {
            // The first party's first figure at the end of turn 1 (the second history entry).
            let history = text.find("\n    history: [").unwrap();
            let second = history + nth_find(&text[history..], "\n        (", 2).unwrap();
            let figures = second + text[second..].find("figures: (").unwrap() + "figures: (".len();
            let end = figures + text[figures..].find(',').unwrap();
            let x: f32 = text[figures..end].trim().parse().unwrap();
            format!("{}{:?}{}", &text[..figures], x + 0.5, &text[end..])
        }
        _ => unreachable!(),
    }
}

fn nth_find(text: &str, pat: &str, n: usize) -> Option<usize> {
    let mut from = 0;
    for _ in 0..n {
        from += text[from..].find(pat)? + 1;
    }
    Some(from - 1)
}

#[test]
fn a_format_1_save_today_s_engine_no_longer_replays_resumes_from_its_recorded_state() {
    let dir = temp_dir("v1-fallback");
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        for how in ["seed", "history"] {
            let name = format!("{how}-{}", path.file_name().unwrap().to_string_lossy());
            let edited = unreplayable(&text, how);
            let copy = dir.join(&name);
            std::fs::write(&copy, &edited).unwrap();
            let shown = format!("{name} ({how})");

            let recorded = SaveFile::parse(&edited, &name).unwrap();
            assert_eq!(recorded.format, 1, "{shown}");
            let save::Loaded {
                mut session,
                file,
                note,
            } = save::load_noted(&dir, copy.to_str().unwrap())
                .unwrap_or_else(|e| panic!("{shown} does not load: {e}"));
            let note = note.unwrap_or_else(|| panic!("{shown}: no note"));
            assert!(
                note.contains("written by sixparty")
                    && note.contains("(format 1)")
                    && note.contains("resumes from its recorded state"),
                "{shown}: {note}"
            );
            assert_eq!(file.format, 1);
            // Same turn, same place in it, same figures, relations, alliances, forums, tracks.
            assert_eq!(session.game.turn(), recorded.turn, "{shown}");
            assert_eq!(
                session.game.phase(),
                Phase::from(recorded.position),
                "{shown}"
            );
            assert_eq!(session.game.state(), recorded.game.state, "{shown}");
            assert_eq!(session.game.history(), recorded.game.history, "{shown}");
            assert_eq!(session.game.rng().state(), recorded.game.dice, "{shown}");
            assert_eq!(
                ron(&session.game.timeline()),
                ron(&recorded.game.timeline),
                "{shown}"
            );
            assert_eq!(session.choices(), recorded.choices.as_slice(), "{shown}");
            assert_eq!(session.resumed().len(), 1, "{shown}");
            assert_eq!(session.resumed()[0].format, 1, "{shown}");
            // The humans' orders of the month are given again; the AI seats have theirs.
            if session.game.phase() == Phase::Ordering {
                for &h in session.humans() {
                    let logged: Vec<Order> = recorded
                        .choices
                        .iter()
                        .filter_map(|c| match c {
                            sixparty_core::session::HumanChoice::Order { turn, order }
                                if *turn == recorded.turn && order.party == h =>
                            {
                                Some(*order)
                            }
                            _ => None,
                        })
                        .collect();
                    assert_eq!(session.game.orders_of(h), logged, "{shown}");
                }
                assert!(session.human_decisions().is_empty(), "{shown}");
                assert!(session.game.pending().is_empty(), "{shown}");
            }
            if session.game.phase() == Phase::Deciding {
                // Only human seats still wait: the AI decided, as at the start of a turn.
                assert!(
                    session
                        .game
                        .pending()
                        .iter()
                        .all(|p| session.is_human(p.decider)),
                    "{shown}"
                );
            }
            // The debrief reads what format 1 did not record (observations, reports) as empty.
            let debrief = sixparty_core::debrief::Debrief::of(&mut session);
            assert!(!debrief.lines().is_empty(), "{shown}");
            // A save of the resumed game is format 2, loads exactly, and remembers who played
            // the turns before.
            let mut again = reload(&mut session);
            assert_eq!(again.resumed(), session.resumed(), "{shown}");
            assert_eq!(ron(&again.game.snapshot()), ron(&session.game.snapshot()));
            // And the game goes on to its end.
            play_out(&mut again);
            assert_eq!(again.game.turn(), again.scenario().turns, "{shown}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn replay_tells_an_older_save_from_an_edited_one() {
    let dir = temp_dir("replay-older");
    for path in fixtures() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // As it was written: today's engine plays it the same (the fixtures were written by
        // the engine of format 1, which plays as today's).
        let file = save::read(&path).unwrap();
        let check = save::check_replay(&file, &name, |_| {}).unwrap();
        let line = check.to_string();
        println!("{name}: {line}");
        assert!(
            matches!(
                check.verdict,
                Verdict::Same { .. } | Verdict::Differs { .. }
            ),
            "{name}: {line}"
        );
        assert!(
            line.contains("(format 1, an older format)") && !line.contains("edited"),
            "{name}: {line}"
        );
        // Replayed differently: an older save, not an edited one.
        let text = std::fs::read_to_string(&path).unwrap();
        let copy = dir.join(&name);
        std::fs::write(&copy, unreplayable(&text, "history")).unwrap();
        let file = save::read(&copy).unwrap();
        let check = save::check_replay(&file, &name, |_| {}).unwrap();
        let Verdict::Differs { turn, .. } = &check.verdict else {
            panic!("{name}: {check}");
        };
        assert_eq!(*turn, 1, "{name}: the edit is at the end of turn 1");
        let line = check.to_string();
        assert!(
            line.contains("today's engine differs from turn 1") && !line.contains("edited"),
            "{name}: {line}"
        );
        // The command says the same and succeeds.
        let out = Command::new(env!("CARGO_BIN_EXE_sixparty"))
            .args(["replay", "--plain", copy.to_str().unwrap()])
            .env("SIXPARTY_SAVES", &dir)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{name}: {stderr}");
        assert!(
            stdout.contains("an older format") && stdout.contains("differs from turn 1"),
            "{name}: {stdout}"
        );
        assert!(!stdout.contains("edited") && !stderr.contains("edited"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn replay_still_catches_an_edit_that_loading_accepts() {
    let s = load_scenario(scenario::DEFAULT_SCENARIO);
    let mut g = Session::new(s, 9, vec![PartyIx(3)]);
    while g.game.turn() < 4 || g.game.phase() != Phase::BetweenTurns {
        step(&mut g);
    }
    let mut file = SaveFile::of(&mut g);
    // Written by another version of the program that plays the same.
    file.written_by = String::from("sixparty 0.0.9");
    let check = save::check_replay(&file, "older.ron", |_| {}).unwrap();
    assert!(matches!(check.verdict, Verdict::Same { .. }), "{check}");
    assert!(
        check
            .to_string()
            .contains("written by sixparty 0.0.9 (format 2); today's engine plays it the same"),
        "{check}"
    );
    file.written_by = save::writer();
    // Edited consistently: the state and the history's end agree, so the game loads as edited.
    file.game.state.tracks[0] += 1.0;
    if let Some(last) = file.game.history.last_mut() {
        last.tracks[0] += 1.0;
    }
    let loaded = file.restore("edited.ron").unwrap();
    assert_eq!(loaded.game.history().last(), file.game.history.last());
    let err = save::check_replay(&file, "edited.ron", |_| {}).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err, SaveError::Mismatch { .. })
            && msg.contains("edited.ron")
            && msg.contains("differs from a replay")
            && msg.contains("turn 4"),
        "{msg}"
    );
    // Written by another version of the program: not an edit, an older engine.
    file.written_by = String::from("sixparty 0.0.9");
    let check = save::check_replay(&file, "older.ron", |_| {}).unwrap();
    assert!(
        matches!(check.verdict, Verdict::Differs { turn: 4, .. }),
        "{check}"
    );
    assert!(
        check
            .to_string()
            .contains("written by sixparty 0.0.9 (format 2)"),
        "{check}"
    );
    let resumed = file.restore("older.ron").unwrap();
    assert_eq!(resumed.resumed().len(), 1);
    assert_eq!(resumed.resumed()[0].written_by, "sixparty 0.0.9");
}

/// A save of a game with orders open, to damage.
fn mid_month_save() -> SaveFile {
    let s = load_scenario(scenario::DEFAULT_SCENARIO);
    let mut g = Session::new(s, 12, vec![PartyIx(0)]);
    while g.game.turn() < 3 || g.game.phase() != Phase::Ordering || g.choices().is_empty() {
        step(&mut g);
    }
    SaveFile::of(&mut g)
}

/// Replace the number after the first `pat` that follows `section` in a save's text.
fn edit_number_after(text: &str, section: &str, pat: &str, to: &str) -> String {
    let at = text.find(section).unwrap();
    let at = at + text[at..].find(pat).unwrap() + pat.len();
    let len = text[at..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .unwrap();
    format!("{}{to}{}", &text[..at], &text[at + len..])
}

#[test]
fn damaged_format_2_saves_are_refused_with_the_file_named_never_panicked_on() {
    let dir = temp_dir("damaged");
    let good = mid_month_save();
    let good_text = good.to_ron().unwrap();
    let edit = |f: &dyn Fn(&mut SaveFile)| {
        let mut file = good.clone();
        f(&mut file);
        file.to_ron().unwrap()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "party-missing",
            edit(&|f| {
                f.game.state.parties.pop();
            }),
            "parties; the scenario has",
        ),
        (
            "short-trust-row",
            edit(&|f| {
                f.game.state.trust[2].pop();
            }),
            "trust is not",
        ),
        (
            "track-missing-in-history",
            edit(&|f| {
                f.game.history[1].tracks.pop();
            }),
            "tracks; the scenario has",
        ),
        (
            "history-short",
            edit(&|f| {
                f.game.history.pop();
            }),
            "the history holds",
        ),
        (
            "nan-track",
            edit(&|f| f.game.state.tracks[0] = f32::NAN),
            "not a finite number",
        ),
        (
            "infinite-trust-at-start",
            edit(&|f| f.game.trust_at_start[0][1] = f32::INFINITY),
            "not 6 rows of 6 finite numbers",
        ),
        (
            "order-party-out-of-range",
            edit(&|f| f.game.orders[0].party = PartyIx(99)),
            "not in the scenario",
        ),
        (
            "doctrine-out-of-range",
            edit(&|f| f.game.history[0].parties[0].doctrine.0 = 400),
            "doctrine 400",
        ),
        (
            "pending-event-out-of-range",
            edit(&|f| {
                if let Some(p) = f.game.pending.first_mut() {
                    p.event.0 = 9999;
                } else {
                    f.game
                        .decisions
                        .push((sixparty_core::scenario::EventIx(9999), 0));
                }
            }),
            "event 9999",
        ),
        (
            "dice-past-their-stream",
            edit(&|f| f.game.dice.word_pos = u128::MAX),
            "past the end of their stream",
        ),
        (
            "header-turn",
            edit(&|f| f.turn += 1),
            "the header says turn",
        ),
        (
            "phase-impossible",
            edit(&|f| {
                f.game.phase = Phase::Over;
                f.position = save::Position::Over;
            }),
            "never does",
        ),
        (
            "choice-dated-later",
            edit(&|f| {
                if let Some(c) = f.choices.last_mut() {
                    match c {
                        sixparty_core::session::HumanChoice::Order { turn, .. }
                        | sixparty_core::session::HumanChoice::Decision { turn, .. } => *turn += 5,
                    }
                }
            }),
            "out of order",
        ),
        (
            "choice-not-recorded",
            edit(&|f| {
                let i = f
                    .choices
                    .iter()
                    .position(|c| matches!(c, sixparty_core::session::HumanChoice::Order { .. }))
                    .unwrap();
                f.choices.remove(i);
            }),
            "not the ones the game recorded",
        ),
        // Parts of the save the engine only appends to: checked through their serialised
        // form, whatever their shape.
        (
            "timeline-event-out-of-range",
            edit_number_after(&good_text, "timeline: [", "event: (", "7777"),
            "event 7777 is out of range",
        ),
        (
            "choice-option-out-of-range",
            edit_number_after(&good_text, "choices: [", "option: ", "63"),
            "option 63 of event",
        ),
    ];
    for (name, text, expect) in cases {
        let file_name = format!("{name}.ron");
        let path = dir.join(&file_name);
        std::fs::write(&path, &text).unwrap();
        let err = match save::load(&dir, name) {
            Ok(_) => panic!("{name}: loaded"),
            Err(e) => e.to_string(),
        };
        assert!(err.contains(&file_name), "{name}: names the file: {err}");
        assert!(err.contains(expect), "{name}: {err}");
        assert!(
            err.contains("damaged or edited") || err.contains("not a readable save"),
            "{name}: {err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{name}");
    }
    // Through the command line: exit code 1, the message, no panic.
    for name in ["nan-track", "timeline-event-out-of-range", "party-missing"] {
        for args in [
            vec!["play", "--plain", "--load", name],
            vec!["replay", "--plain", name],
            vec!["debrief", name],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_sixparty"))
                .args(&args)
                .env("SIXPARTY_SAVES", &dir)
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !stderr.contains("panicked") && out.status.code() == Some(1),
                "{args:?}: {stderr}"
            );
            assert!(
                stderr.contains(&format!("{name}.ron")),
                "{args:?}: {stderr}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_saves_list_shows_both_formats() {
    let dir = temp_dir("list");
    let fixture = &fixtures()[0];
    std::fs::copy(fixture, dir.join("old-one.ron")).unwrap();
    let s = load_scenario("classic-dilemma");
    let mut g = Session::new(s, 2, vec![PartyIx(0)]);
    step(&mut g);
    save::save(&dir, "new-one", &mut g).unwrap();
    let listed = save::list(&dir);
    assert_eq!(listed.len(), 2);
    for (name, file) in &listed {
        let file = file.as_ref().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(file.format, if name == "old-one" { 1 } else { 2 }, "{name}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_sixparty"))
        .args(["saves", "--saves-dir", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("old-one") && stdout.contains("new-one") && !stdout.contains("unreadable"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_save_of_a_newer_format_is_refused_with_its_version() {
    let mut g = Session::new(load_scenario("classic-dilemma"), 2, vec![PartyIx(0)]);
    let text = SaveFile::of(&mut g)
        .to_ron()
        .unwrap()
        .replacen("format: 2,", "format: 3,", 1);
    let err = SaveFile::parse(&text, "future.ron")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("future.ron")
            && err.contains("save format 3")
            && err.contains("reads formats 1 to 2"),
        "{err}"
    );
}
