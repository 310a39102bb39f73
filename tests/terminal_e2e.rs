//! The built game in a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads the
//! screen, and tmux's own view of the pane (alternate screen, cursor) plus `stty -a` after the
//! game say whether the terminal was given back as it was found.
//!
//! Each test runs its own tmux server (`tmux -L <unique>`, no config file) and its own saves
//! folder. Waiting for a screen polls `capture-pane` with a generous deadline: that is a wait,
//! not a timing assertion — a slow machine only makes the test slower. Without tmux the tests
//! print a note and pass (`.ci/run` installs tmux).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long to wait for a screen before giving up (a wait, not a timing requirement).
const PATIENCE: Duration = Duration::from_secs(60);

/// The line the wrapper prints after the game ends, with its exit code.
const EXITED: &str = "GAME-EXITED";

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Numbers the tmux servers of this test run.
static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// One tmux server with one window running the game, torn down on drop.
struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    /// Start the game with `args` in a `w`×`h` window. After it ends, the wrapper shell writes
    /// `stty -a` to `stty.txt` and prints `GAME-EXITED <code>`, then waits to be read.
    /// The game's process id is written to `pid.txt` (the inner shell `exec`s the game).
    fn start(name: &str, args: &str, w: u16, h: u16) -> Option<Self> {
        Self::start_env(name, "", args, w, h)
    }

    /// [`Tmux::start`] with environment assignments (`NAME=value …`) for the game.
    fn start_env(name: &str, env: &str, args: &str, w: u16, h: u16) -> Option<Self> {
        if !tmux_available() {
            eprintln!("note: tmux not found; skipping the real-terminal test `{name}`");
            return None;
        }
        let socket = format!(
            "sixparty-e2e-{}-{}-{name}",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(&socket);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp folder");
        let bin = env!("CARGO_BIN_EXE_sixparty");
        let d = dir.display();
        let inner = format!(
            "echo \\$\\$ > '{d}/pid.txt'; exec env {env} '{bin}' --saves-dir '{d}/saves' {args}"
        );
        let script = format!(
            "sh -c \"{inner}\"; code=$?; stty -a > '{d}/stty.txt'; echo \"{EXITED} $code\"; exec sleep 600"
        );
        let t = Self { socket, dir };
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "g",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            &script,
        ]);
        assert!(out.status.success(), "tmux starts: {out:?}");
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .current_dir(&self.dir)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Type tmux key names (`Enter`, `Down`, `q`, `C-c`…).
    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "g"];
        args.extend_from_slice(keys);
        let out = self.tmux(&args);
        assert!(out.status.success(), "send-keys {keys:?}: {out:?}");
    }

    /// A left click at a 0-based cell, typed as the terminal would report it to the game
    /// (SGR mouse encoding: press, then release).
    fn click(&self, x: usize, y: usize) {
        for end in ['M', 'm'] {
            let seq = format!("\x1b[<0;{};{}{end}", x + 1, y + 1);
            let hex: Vec<String> = seq.bytes().map(|b| format!("{b:02x}")).collect();
            let mut args = vec!["send-keys", "-t", "g", "-H"];
            args.extend(hex.iter().map(String::as_str));
            let out = self.tmux(&args);
            assert!(out.status.success(), "send-keys -H: {out:?}");
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "g"]).stdout).into_owned()
    }

    /// A tmux format for the pane, such as `#{alternate_on}`.
    fn pane(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "g", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn resize(&self, w: u16, h: u16) {
        let out = self.tmux(&[
            "resize-window",
            "-t",
            "g",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
        assert!(out.status.success(), "resize: {out:?}");
    }

    /// Wait until the screen shows what `ready` looks for; the screen then.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Wait for the game to end; its exit code.
    fn wait_exit(&self) -> i32 {
        let screen = self.wait_text(EXITED);
        let line = screen
            .lines()
            .find(|l| l.contains(EXITED))
            .expect("exit line");
        line.trim()
            .rsplit(' ')
            .next()
            .and_then(|c| c.parse().ok())
            .expect("exit code")
    }

    fn game_pid(&self) -> String {
        let path = self.dir.join("pid.txt");
        let start = Instant::now();
        loop {
            if let Ok(pid) = std::fs::read_to_string(&path)
                && !pid.trim().is_empty()
            {
                return pid.trim().to_owned();
            }
            assert!(start.elapsed() < PATIENCE, "the game wrote no pid");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// After the game: cooked mode, echo on, main screen, cursor shown.
    fn assert_restored(&self) {
        let stty = std::fs::read_to_string(self.path("stty.txt")).expect("stty -a was written");
        let flags: Vec<&str> = stty.split_whitespace().collect();
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            assert!(
                flags.contains(&flag),
                "`{flag}` is set again after the game; stty -a says:\n{stty}"
            );
        }
        assert_eq!(self.pane("#{alternate_on}"), "0", "back on the main screen");
        assert_eq!(self.pane("#{cursor_flag}"), "1", "the cursor is shown");
        assert_eq!(
            self.pane("#{mouse_any_flag}#{mouse_button_flag}#{mouse_sgr_flag}"),
            "000",
            "mouse reporting is off"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn has_autosave(saves: &Path) -> bool {
    saves.join("autosave-1.ron").is_file()
}

/// Answer decisions with the advisor's pick until the orders screen shows.
/// The title of the screen of a month's results, shown after each month.
const RESULTS: &str = "the month's results";

/// Go on to the orders: decisions taken as the advisor says, the month's results read.
fn to_orders(t: &Tmux) -> String {
    loop {
        let screen = t.wait_for("a decision, the orders or the month's results", |s| {
            s.contains("What do you do?") || s.contains("Orders ·") || s.contains(RESULTS)
        });
        if screen.contains(RESULTS) {
            t.keys(&["Enter"]);
            t.wait_for("the results to close", |s| !s.contains(RESULTS));
            continue;
        }
        if screen.contains("Orders ·") && !screen.contains("What do you do?") {
            return screen;
        }
        let turn_line = screen.lines().next().unwrap_or_default().to_owned();
        t.keys(&["a"]);
        // The next screen: another decision (its title differs) or the orders.
        t.wait_for("the decision to be taken", |s| {
            s.contains("Orders ·") || s.lines().next().unwrap_or_default() != turn_line || {
                let title = |x: &str| {
                    x.lines()
                        .find(|l| l.contains("Decision ·"))
                        .map(str::to_owned)
                };
                title(s) != title(&screen)
            }
        });
    }
}

fn turn_of(screen: &str) -> u32 {
    let first = screen.lines().next().unwrap_or_default();
    let after = first.split("Turn ").nth(1).expect("a turn in the header");
    after
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("turn number")
}

#[test]
fn a_player_plays_several_turns_resizes_and_quits() {
    let Some(t) = Tmux::start("play", "play --seed 7", 80, 24) else {
        return;
    };
    // Scenario, then seat.
    let screen = t.wait_text("choose a scenario");
    assert!(screen.contains("↑↓ move"), "keys at the bottom:\n{screen}");
    t.keys(&["Enter"]);
    let screen = t.wait_text("choose your seat");
    assert!(screen.contains("United States"), "{screen}");
    t.keys(&["Down", "j"]); // arrows and vim keys both move
    t.wait_text("Briefing · Japan");
    t.keys(&["Enter"]);

    // Several turns: decisions by the advisor, one order chosen by hand, then end the turn.
    let mut last = 0;
    for _ in 0..3 {
        let screen = to_orders(&t);
        let turn = turn_of(&screen);
        assert!(turn > last, "the calendar moves on: {last} → {turn}");
        last = turn;
        assert!(screen.contains("You: Japan"), "{screen}");
        assert!(screen.contains("Relations") && screen.contains("News"));
        t.keys(&["Enter"]);
        t.wait_text("orders 1 of 2");
        t.keys(&["e"]);
        // The month's results, then on.
        let results = t.wait_text(RESULTS);
        assert!(
            results.contains("What happened:") && results.contains("Japan: "),
            "{results}"
        );
        t.keys(&["Enter"]);
        t.wait_for("the next turn", |s| {
            !s.contains(RESULTS) && !s.contains(&format!("Turn {turn} of"))
        });
    }
    assert!(has_autosave(&t.path("saves")), "autosaved every turn");
    to_orders(&t);

    // Help lists every key; Esc closes it.
    t.keys(&["?"]);
    let help = t.wait_text("Ctrl-C");
    assert!(help.contains("Tab") && help.contains("withdraw"), "{help}");
    t.keys(&["Escape"]);
    t.wait_for("help to close", |s| {
        !s.contains("Ctrl-C") && s.contains("Orders ·")
    });

    // Tab goes through the panels, each marked when focused: the news, then the map, whose
    // highlighted party's details stand beside the orders, then the forums; Shift-Tab goes
    // back. (Each wait is for the whole screen: a capture can fall between two cells' updates.)
    let all = |texts: &'static [&'static str]| move |s: &str| texts.iter().all(|x| s.contains(x));
    t.keys(&["Tab"]);
    t.wait_for("the news focused", all(&["▶ News", "Tab map"]));
    t.keys(&["Tab"]);
    t.wait_for(
        "the map focused",
        all(&["▶ Region", "On the map · Japan", "Tab forums"]),
    );
    t.keys(&["l"]);
    t.wait_for(
        "the United States highlighted",
        all(&["On the map · United States", "US–ROK Alliance", "you→ +"]),
    );
    t.keys(&["Tab"]);
    t.wait_for(
        "the forums focused",
        all(&[
            "▶ Forums",
            "Forum · Six Party Talks",
            "Red lines:",
            "Tab orders",
        ]),
    );
    t.keys(&["BTab"]);
    t.wait_for("the map again", all(&["▶ Region", "Tab forums"]));
    t.keys(&["BTab"]);
    t.wait_for("the news again", all(&["▶ News", "Tab map"]));
    t.keys(&["BTab"]);
    t.wait_for("the orders again", all(&["▶ Orders", "Tab news"]));

    // Larger: the panels grow and the figures get sparklines.
    t.resize(200, 50);
    let big = t.wait_text("Your figures");
    assert!(
        big.lines().count() >= 49 && big.contains("Orders ·"),
        "{big}"
    );
    // Smaller than the minimum: a message; keys wait; back to size: the game resumes.
    t.resize(60, 20);
    let small = t.wait_text("Please enlarge");
    assert!(small.contains("60×20"), "{small}");
    t.keys(&["e"]);
    t.resize(80, 24);
    let back = t.wait_text("Orders ·");
    assert!(!back.contains(RESULTS), "no key acted while too small");
    assert_eq!(turn_of(&back), last + 1, "no key acted while too small");

    // Quit asks first, then leaves and gives the terminal back.
    t.keys(&["q"]);
    t.wait_text("Quit?");
    t.keys(&["y"]);
    assert_eq!(t.wait_exit(), 0);
    // -J joins the lines the terminal wrapped.
    let after = String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-J", "-t", "g"]).stdout)
        .into_owned();
    assert!(
        after.contains("--load autosave-1") && after.contains("sixparty --saves-dir "),
        "says how to go on, with the saves folder it was given:\n{after}"
    );
    t.assert_restored();
}

fn killed_during_play_restores_the_terminal(signal: &str) {
    let Some(t) = Tmux::start(signal, "play --seed 3 --as china", 80, 24) else {
        return;
    };
    to_orders(&t);
    let pid = t.game_pid();
    assert_idle(&pid);
    let out = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .output()
        .expect("kill runs");
    assert!(out.status.success(), "kill -{signal} {pid}: {out:?}");
    t.wait_exit();
    t.assert_restored();
    assert!(has_autosave(&t.path("saves")), "autosaved on {signal}");
}

/// CPU time (user + system, in clock ticks) the process has used, where /proc exists.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Waiting for a key costs (almost) nothing: over two idle seconds the game uses far less than
/// a quarter of a core. A busy loop would use all of one; the bound is loose so that a loaded
/// machine never fails it.
fn assert_idle(pid: &str) {
    let Some(before) = cpu_ticks(pid) else {
        eprintln!("note: no /proc; idle CPU not checked");
        return;
    };
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs(2));
    let after = cpu_ticks(pid).expect("the game still runs");
    let wall_ticks = start.elapsed().as_millis() as u64 / 10; // USER_HZ is 100 on Linux
    assert!(
        (after - before) * 4 < wall_ticks,
        "idle game used {} ticks of CPU in {wall_ticks}",
        after - before
    );
}

#[test]
fn sigterm_during_play_restores_the_terminal() {
    killed_during_play_restores_the_terminal("TERM");
}

#[test]
fn sighup_during_play_restores_the_terminal() {
    killed_during_play_restores_the_terminal("HUP");
}

/// A panic in the loop (debug builds have a key for one: `!` with `SIXPARTY_TEST_PANIC` set)
/// gives the terminal back before the message is printed, so the message stays readable on
/// the main screen; the process fails; the autosave of the last finished turn is left as it
/// was (nothing is saved from a game in an unknown state).
#[test]
fn a_panic_restores_the_terminal_and_leaves_its_message_readable() {
    let Some(t) = Tmux::start_env(
        "panic",
        "SIXPARTY_TEST_PANIC=1 RUST_BACKTRACE=0",
        "play --seed 3 --as china",
        80,
        24,
    ) else {
        return;
    };
    let screen = to_orders(&t);
    let turn = turn_of(&screen);
    t.keys(&["e"]);
    t.wait_text(RESULTS);
    let next = to_orders(&t);
    assert_eq!(turn_of(&next), turn + 1);
    let autosave = t.path("saves").join("autosave-1.ron");
    let saved = std::fs::read(&autosave).expect("autosaved at the end of the turn");
    t.keys(&["!"]);
    let code = t.wait_exit();
    assert_ne!(code, 0, "a panic is a failure");
    let after = String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-J", "-t", "g"]).stdout)
        .into_owned();
    let lines: Vec<&str> = after.lines().collect();
    let at = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text:?} on the screen after the panic:\n{after}"))
    };
    // The message is whole, and what came after (the wrapper's exit line, standing in for
    // the shell's prompt) is below it, not written over it.
    let panicked = at("panicked at");
    let message = at("test panic: SIXPARTY_TEST_PANIC is set");
    let exited = at(EXITED);
    assert!(panicked < message && message < exited, "{after}");
    assert!(!after.contains("Orders ·"), "no game screen left:\n{after}");
    t.assert_restored();
    assert_eq!(
        std::fs::read(&autosave).expect("the autosave is still there"),
        saved,
        "the panic saved nothing over the last turn's autosave"
    );
}

#[test]
fn ctrl_c_leaves_at_once_and_restores_the_terminal() {
    let Some(t) = Tmux::start("ctrlc", "play --seed 5 --as us", 80, 24) else {
        return;
    };
    to_orders(&t);
    t.keys(&["C-c"]);
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn no_color_screen_carries_relations_in_symbols() {
    let Some(t) = Tmux::start_env("nocolor", "NO_COLOR=1", "play --seed 7 --as japan", 80, 24)
    else {
        return;
    };
    let screen = to_orders(&t);
    assert!(screen.contains("+friendly ~wary -cold"), "{screen}");
    // No colour escape in what the pane holds.
    let out = t.tmux(&["capture-pane", "-p", "-e", "-t", "g"]);
    let styled = String::from_utf8_lossy(&out.stdout);
    for colour in ["\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[38;", "\x1b[91m"] {
        assert!(
            !styled.contains(colour),
            "no colour {colour:?} under NO_COLOR"
        );
    }
    t.keys(&["C-c"]);
    t.wait_exit();
}

/// The cell (column, row) where `text` starts on the screen, in characters.
fn find(screen: &str, text: &str) -> (usize, usize) {
    screen
        .lines()
        .enumerate()
        .find_map(|(y, l)| l.find(text).map(|i| (l[..i].chars().count(), y)))
        .unwrap_or_else(|| panic!("{text:?} on screen:\n{screen}"))
}

#[test]
fn mouse_clicks_choose_scenario_seat_and_orders() {
    let Some(t) = Tmux::start("mouse", "play --seed 7", 80, 24) else {
        return;
    };
    let screen = t.wait_text("choose a scenario");
    // One click highlights the scenario; a second on it loads it.
    let (x, y) = find(&screen, "Three at the Table");
    t.click(x + 2, y);
    t.wait_text("▶ Three at the Table");
    t.click(x + 2, y);
    let screen = t.wait_text("choose your seat");
    assert!(screen.contains("Plus-Three"), "{screen}");
    let (x, y) = find(&screen, "Japan");
    t.click(x, y);
    t.wait_text("Briefing · Japan");
    t.click(x, y);
    let screen = to_orders(&t);
    assert!(screen.contains("You: Japan"), "{screen}");
    // A click on the news gives it the focus: the key line says so.
    let (x, y) = find(&screen, "The region");
    t.click(x, y);
    t.wait_text("↑↓ scroll");
    // Two clicks on an order give it.
    let screen = t.screen();
    let (x, y) = screen
        .lines()
        .enumerate()
        .skip(11)
        .find_map(|(y, l)| l.contains(" cap│").then_some((10, y)))
        .expect("an order on screen");
    let before = screen.lines().nth(y).unwrap_or_default().to_owned();
    t.click(x, y);
    t.wait_text("↑↓ move");
    t.click(x, y);
    let after = t.wait_text("orders 1 of 2");
    assert!(
        after.contains("✓"),
        "the clicked order ({before}) is given:\n{after}"
    );
    // A click on a party's label on the map focuses the map and highlights the party.
    let (x, y) = after
        .lines()
        .enumerate()
        .skip(3)
        .take(6)
        .find_map(|(y, l)| {
            let map: String = l.chars().take(22).collect();
            map.find("ROK").map(|i| (map[..i].chars().count(), y))
        })
        .unwrap_or_else(|| panic!("South Korea on the map:\n{after}"));
    t.click(x, y);
    t.wait_for("South Korea highlighted on the map", |s| {
        s.contains("▶ Region") && s.contains("Republic of Korea (ROK)")
    });
    t.keys(&["C-c"]);
    t.wait_exit();
    t.assert_restored();
}

#[test]
fn hot_seat_hands_over_between_two_players() {
    let Some(t) = Tmux::start("hotseat", "play --seed 7 --as japan --as china", 80, 24) else {
        return;
    };
    t.wait_text("Hand over to Japan");
    t.keys(&["Enter"]);
    to_orders(&t);
    t.keys(&["a"]);
    let japan = t.wait_for("Japan's orders", |s| {
        s.contains("orders 1 of 2") || s.contains("orders 2 of 2")
    });
    assert!(japan.contains("You: Japan"), "{japan}");
    t.keys(&["e"]);
    // The hand-over hides all of Japan's screen.
    let between = t.wait_text("Hand over to People's Republic of China");
    for absent in ["You: Japan", "capital", "Orders ·", "Relations"] {
        assert!(!between.contains(absent), "{absent} shown:\n{between}");
    }
    t.keys(&["Enter"]);
    let china = to_orders(&t);
    assert!(
        china.contains("You: PRC") || china.contains("You: People's"),
        "{china}"
    );
    assert!(china.contains("orders 0 of 2"), "{china}");
    assert!(!china.contains("You: Japan"), "{china}");
    t.keys(&["C-c"]);
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}
