//! Benchmarks of the terminal screen: startup to the first frame, and a key to the next frame.
//! Frames are drawn on ratatui's `TestBackend` (the real terminal adds only the writes of the
//! changed cells). Figures are written in docs/PERFORMANCE.md. Run: `cargo bench --bench screen`.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use sixparty::ui::tui::{App, Screen, Theme, draw, keys};
use sixparty_core::scenario::{self, DEFAULT_SCENARIO, Scenario};
use sixparty_core::session::Session;

fn main() {
    divan::main();
}

fn campaign() -> Arc<Scenario> {
    Arc::new(scenario::resolve(DEFAULT_SCENARIO, None).expect("campaign loads"))
}

fn frame(app: &App, t: &mut Terminal<TestBackend>) {
    t.draw(|f| draw(f, app)).expect("draws");
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(a) = keys::action_for_key(app, &KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(a);
    }
}

/// The campaign as Japan at its first orders (decisions as the advisor takes them).
fn at_orders() -> App {
    let s = campaign();
    let japan = s.party_by_id("japan").expect("japan");
    let mut app = App::with_session(Session::new(s, 7, vec![japan]), Theme::colored());
    while matches!(app.screen(), Screen::Decide(_)) {
        press(&mut app, KeyCode::Char('a'));
    }
    app
}

/// `sixparty`: read the scenario catalogue (every built-in scenario parsed for its summary),
/// then draw the scenario choice.
#[divan::bench]
fn first_frame_scenario_choice() {
    let (entries, _) = scenario::catalogue(None);
    let app = App::setup(entries, None, Vec::new(), 7, Theme::colored());
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    frame(&app, &mut t);
}

/// `sixparty play --as japan`: load the campaign, start the game (turn 1 begins, the AI seats
/// decide, the advisor plans), then draw the first screen.
#[divan::bench]
fn first_frame_game() {
    let s = Arc::new(scenario::resolve(DEFAULT_SCENARIO, None).expect("campaign loads"));
    let japan = s.party_by_id("japan").expect("japan");
    let app = App::with_session(Session::new(s, 7, vec![japan]), Theme::colored());
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    frame(&app, &mut t);
}

/// An arrow key on the orders menu, then the frame, at 80×24 and 200×50.
#[divan::bench(args = [(80, 24), (200, 50)])]
fn key_move_then_frame(bencher: divan::Bencher, (w, h): (u16, u16)) {
    let mut app = at_orders();
    app.update(sixparty::ui::tui::Action::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    let mut down = true;
    bencher.bench_local(|| {
        press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
        down = !down;
        frame(&app, &mut t);
    });
}

/// Enter on an order (give it: the advisor re-plans), then Enter again (withdraw it), each
/// followed by a frame.
#[divan::bench]
fn key_give_withdraw_then_frames(bencher: divan::Bencher) {
    let mut app = at_orders();
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    bencher.bench_local(|| {
        press(&mut app, KeyCode::Enter);
        frame(&app, &mut t);
        // The given order is now first and highlighted: Enter withdraws it.
        press(&mut app, KeyCode::Home);
        press(&mut app, KeyCode::Enter);
        frame(&app, &mut t);
    });
}

/// `e`: the whole turn resolves (five AI seats order, forums meet), a frame of the month's
/// results; Enter: the next turn begins (events fire, the AI decides), a frame.
#[divan::bench(sample_count = 30)]
fn key_end_turn_then_frame(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| {
            (
                at_orders(),
                Terminal::new(TestBackend::new(80, 24)).expect("terminal"),
            )
        })
        .bench_local_values(|(mut app, mut t)| {
            press(&mut app, KeyCode::Char('e'));
            frame(&app, &mut t);
            // The month's results are shown; Enter begins the next month.
            press(&mut app, KeyCode::Enter);
            frame(&app, &mut t);
        });
}
