//! The terminal screen: ratatui on crossterm.
//!
//! The parts, each in its own file, in the order they depend on one another (each uses only
//! those before it, so imports never go round in a circle):
//! - [`theme`]: colours, or none when `NO_COLOR` is set; [`wrap`]: word wrapping and fitting
//!   text to a width;
//! - [`model`]: the screen's state ([`App`], [`Screen`], a game in [`model::Play`]…) and the
//!   [`Action`]s input can mean — types and read-only accessors;
//! - [`content`]: the rows of the lists and long texts, built from the model;
//! - [`layout`]: where everything goes at a given size, and what a click lands on — asked by
//!   drawing and by input alike;
//! - [`flow`]: the game's course from screen to screen (starting a game, the next decision,
//!   hand-over or turn, the debrief, the saves); [`app`]: [`App::update`], what each action
//!   does. These two are the only code that changes the state or calls the [`Session`];
//! - [`keys`]: which key or click means which action on which screen (it asks `layout` only
//!   for the smallest size);
//! - [`widgets`]: each screen and panel a ratatui `Widget`, over a borrowed view of the model
//!   (the help window reads its list of keys from [`keys::HELP`]); [`draw()`]: the whole
//!   screen, a pure function of the [`App`] (tested with ratatui's `TestBackend`).
//!
//! This file holds the loop and the terminal's safety: raw mode, the alternate screen, mouse
//! reporting and the hidden cursor are undone on every way out — return, error, panic, Ctrl-C
//! and SIGTERM/SIGHUP.
//!
//! [`Session`]: sixparty_core::session::Session

pub mod app;
pub mod content;
pub mod draw;
pub mod flow;
pub mod keys;
pub mod layout;
pub mod model;
pub mod theme;
pub mod widgets;
pub mod wrap;

use std::io::{self, Stdout};
use std::panic::{self, PanicHookInfo};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{cursor, event, execute, terminal};

pub use draw::draw;
pub use layout::{MIN_HEIGHT, MIN_WIDTH};
pub use model::{Action, App, Outcome, Screen};
pub use theme::Theme;

use sixparty_core::scenario::{Entry, PartyIx, Scenario};
use sixparty_core::session::Session;

/// Play in the terminal until the game ends or the player quits.
///
/// Without `chosen`, the player first picks one of `entries`; without `humans`, the player picks
/// the seat (or seats, for hot-seat). The terminal is restored before this returns, whatever
/// happens.
pub fn run(
    entries: Vec<Entry>,
    chosen: Option<Arc<Scenario>>,
    humans: Vec<PartyIx>,
    seed: u64,
    saves: Option<PathBuf>,
    difficulty: sixparty_core::policy::Difficulty,
) -> io::Result<Outcome> {
    let app =
        App::setup(entries, None, humans, seed, Theme::from_env()).with_difficulty(difficulty);
    let app = match chosen {
        Some(scenario) => app.with_chosen(scenario),
        None => app,
    };
    run_app(app, saves)
}

/// Show a long text (a replay) in the terminal's reader, until the player leaves it.
pub fn read(title: &str, lines: Vec<String>) -> io::Result<()> {
    run_app(App::reader(title, lines, Theme::from_env()), None).map(|_| ())
}

/// Go on with a game already set up (a loaded save), in the terminal.
pub fn run_session(session: Session, saves: Option<PathBuf>) -> io::Result<Outcome> {
    run_app(App::with_session(session, Theme::from_env()), saves)
}

fn run_app(app: App, saves: Option<PathBuf>) -> io::Result<Outcome> {
    let app = app.with_whatif_runs(super::whatif_runs());
    let mut app = match saves {
        Some(dir) => app.with_saves(dir),
        None => app,
    };
    let guard = TerminalGuard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let outcome = play(&mut terminal, &mut app);
    drop(terminal);
    drop(guard);
    outcome
}

/// The loop: draw, wait for an event, turn it into an action, apply it.
///
/// The wait wakes a few times a second only to notice a termination signal (SIGTERM, SIGHUP,
/// SIGINT sent from outside), which ends the game like Ctrl-C: autosaved, terminal restored.
fn play(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<Outcome> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        // Without the handler the default (exit) still restores nothing; carry on regardless.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    watch_for_hangup(Arc::clone(&stop));
    #[cfg(debug_assertions)]
    let panic_key = std::env::var_os(TEST_PANIC).is_some_and(|v| !v.is_empty());
    let mut dirty = true;
    loop {
        if let Some(outcome) = app.outcome() {
            return Ok(outcome);
        }
        if stop.load(Ordering::Relaxed) {
            app.update(Action::Interrupt);
            continue;
        }
        if dirty {
            terminal.draw(|frame| draw(frame, app))?;
        }
        dirty = false;
        // Blocks until input, waking only to check for a signal: no work while idle.
        dirty |= app.tick();
        if event::poll(Duration::from_millis(250))? {
            // Unmapped input (a mouse move, a key that means nothing here) redraws nothing.
            let input = event::read()?;
            #[cfg(debug_assertions)]
            panic_if_asked(panic_key, &input);
            if let Some(action) = keys::action_for(app, &input) {
                app.update(action);
                dirty = true;
            }
        }
    }
}

/// Debug builds only: with this environment variable set (not empty), the `!` key panics
/// inside the loop, so that `tests/terminal_e2e.rs` can check in a real terminal that a panic
/// gives the terminal back. Release builds have neither the variable nor the key.
#[cfg(debug_assertions)]
pub const TEST_PANIC: &str = "SIXPARTY_TEST_PANIC";

/// The test panic of [`TEST_PANIC`]: panics on `!` when `armed`.
#[cfg(debug_assertions)]
fn panic_if_asked(armed: bool, input: &event::Event) {
    let asked = matches!(input, event::Event::Key(key)
        if key.code == event::KeyCode::Char('!') && key.kind == event::KeyEventKind::Press);
    assert!(
        !(armed && asked),
        "test panic: {TEST_PANIC} is set and `!` was pressed"
    );
}

/// When the terminal goes away (its window closed: our parent shell is gone) or a termination
/// signal is not answered, the main loop may be stuck inside the terminal library, which spins
/// on a closed input. This watchdog then restores what it can and exits, so no process is left
/// burning a core; the autosave of the last finished turn is what remains.
fn watch_for_hangup(stop: Arc<AtomicBool>) {
    let parent = std::os::unix::process::parent_id();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let orphaned = std::os::unix::process::parent_id() != parent;
            if orphaned || stop.load(Ordering::Relaxed) {
                // Give the main loop the time to autosave and leave on its own.
                std::thread::sleep(Duration::from_millis(1500));
                restore();
                std::process::exit(129);
            }
        }
    });
}

type PanicHook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Puts the terminal in game mode and takes it out again when dropped — on return, on `?`, and
/// on panic (through a panic hook, since a panic may unwind past the loop or abort).
struct TerminalGuard {
    previous_hook: Arc<PanicHook>,
}

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        let previous_hook: Arc<PanicHook> = Arc::new(panic::take_hook());
        let chained = Arc::clone(&previous_hook);
        panic::set_hook(Box::new(move |info| {
            // Restore first, so the panic message is printed on a normal screen.
            restore();
            chained(info);
        }));
        let guard = Self { previous_hook };
        GAME_MODE.store(true, Ordering::SeqCst);
        terminal::enable_raw_mode()?;
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide,
            event::EnableMouseCapture
        )?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        // The hook cannot be changed while a panic unwinds (that would abort); ours stays then,
        // and restores nothing more: game mode is left only once.
        if !std::thread::panicking() {
            let previous = Arc::clone(&self.previous_hook);
            // Our hook holds the other clone; replacing it drops that one.
            let _ours = panic::take_hook();
            panic::set_hook(Box::new(move |info| previous(info)));
        }
    }
}

/// Whether the terminal is in game mode: set on entering it, cleared by the first
/// [`restore`], so that leaving happens once. Leaving the alternate screen a second time is not
/// harmless: the terminal moves the cursor back to where it was before the game, and whatever
/// comes next (the shell's prompt) is written over the panic message above it.
static GAME_MODE: AtomicBool = AtomicBool::new(false);

/// Leave game mode, once; every step is tried even if one fails, since there is nowhere to
/// report it.
fn restore() {
    if !GAME_MODE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}
