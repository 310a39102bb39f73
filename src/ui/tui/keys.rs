//! Which key means which [`Action`]: the same keys everywhere, read per screen and overlay.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::model::{Action, App, Overlay, Screen};

/// The action an input event means now, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Key(key) if key.kind != KeyEventKind::Release => action_for_key(app, key),
        Event::Mouse(mouse) => action_for_mouse(app, mouse),
        _ => None,
    }
}

/// The action a mouse event means now: a left click, or the wheel (which moves like the
/// arrow keys).
pub fn action_for_mouse(app: &App, mouse: &MouseEvent) -> Option<Action> {
    let (w, h) = app.size();
    if w < MIN_WIDTH || h < MIN_HEIGHT || app.overlay() == Some(Overlay::ConfirmQuit) {
        return None;
    }
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
        MouseEventKind::ScrollUp if app.overlay().is_none() => Some(Action::Up),
        MouseEventKind::ScrollDown if app.overlay().is_none() => Some(Action::Down),
        _ => None,
    }
}

/// The action a key press means now, if any.
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    // In raw mode Ctrl-C is a key like any other: it must always get the player out.
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Action::Interrupt);
    }
    let (w, h) = app.size();
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        // Nothing is visible: keys would act blind.
        return None;
    }
    match app.overlay() {
        Some(Overlay::ConfirmQuit) => {
            return match key.code {
                KeyCode::Char('y' | 'Y') => Some(Action::Confirm(true)),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Confirm(false)),
                _ => None,
            };
        }
        Some(Overlay::Help) => {
            return match key.code {
                KeyCode::Char('?' | 'q') | KeyCode::Esc | KeyCode::Enter => Some(Action::Help),
                _ => None,
            };
        }
        None => {}
    }
    let on_orders = matches!(app.screen(), Screen::Orders);
    let on_decision = matches!(app.screen(), Screen::Decide(_));
    Some(match key.code {
        KeyCode::Up | KeyCode::Char('k') => Action::Up,
        KeyCode::Down | KeyCode::Char('j') => Action::Down,
        KeyCode::Left | KeyCode::Char('h') => Action::Left,
        KeyCode::Right | KeyCode::Char('l') => Action::Right,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Action::Home,
        KeyCode::End | KeyCode::Char('G') => Action::End,
        KeyCode::Enter => Action::Select,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::BackTab => Action::PreviousPanel,
        KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => Action::PreviousPanel,
        KeyCode::Tab => Action::NextPanel,
        KeyCode::Backspace | KeyCode::Delete | KeyCode::Char('x') if on_orders => Action::Withdraw,
        KeyCode::Char('e') if on_orders => Action::EndTurn,
        KeyCode::Char('a') if on_orders || on_decision => Action::Advisor,
        KeyCode::Char('s') if on_orders || on_decision => Action::Save,
        KeyCode::Char(c @ '1'..='9') => Action::Pick(c as usize - '0' as usize),
        KeyCode::Char('?') => Action::Help,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Esc => Action::Back,
        _ => return None,
    })
}

/// Every key, for the help overlay: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("↑ ↓  k j", "move the highlight (or scroll the news)"),
    ("PgUp PgDn", "move or scroll a page"),
    ("Home End  g G", "go to the top or the bottom"),
    (
        "Enter",
        "give the highlighted order; on a given order, withdraw it",
    ),
    (
        "x  Backspace",
        "withdraw the highlighted given order, else the last one",
    ),
    ("a", "take the advisor's recommendation (★)"),
    ("e", "end the turn: the region answers"),
    (
        "Tab Shift-Tab",
        "next or previous panel: orders, news, map, forums (▶)",
    ),
    (
        "← → h l",
        "on the map: move from party to party; Enter: its orders",
    ),
    (
        "s",
        "save under a name (the game also autosaves every turn)",
    ),
    ("1-9", "pick a numbered option"),
    (
        "mouse",
        "click: highlight; click it again: choose; wheel: move",
    ),
    ("Space", "when choosing seats: mark one for hot-seat"),
    (
        "Esc",
        "back or close this window; from another panel: to orders",
    ),
    ("?", "this help"),
    (
        "q",
        "quit (asks first during a game; the game is autosaved)",
    ),
    ("Ctrl-C", "quit at once (autosaved)"),
];
