//! The terminal screens, drawn into ratatui's `TestBackend`: no terminal needed.
//!
//! Each test plays the real default scenario, seeded, through the same keys a player presses,
//! and checks the screen shows what it must. Snapshots (insta) keep the 80×24 layouts in view;
//! the assertions on plain strings are what make a test fail for a reason a reader can see.
//!
//! Why one file of 1,200 lines: every test here does the same one thing — drive the screen with
//! keys and read what it shows — and shares the same helpers (`press`, `screen`, the harbour
//! region); split by screen, each file would carry a copy of them or a module of its own.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use sixparty::ui::tui::layout::{Hit, hit_test};
use sixparty::ui::tui::model::{Focus, Overlay};
use sixparty::ui::tui::theme::Depth;
use sixparty::ui::tui::{Action, App, Outcome, Screen, Theme, draw, keys};
use sixparty_core::scenario::{self, DEFAULT_SCENARIO, PartyIx, Scenario};
use sixparty_core::session::Session;

fn campaign() -> Arc<Scenario> {
    Arc::new(scenario::resolve(DEFAULT_SCENARIO, None).expect("the default scenario loads"))
}

fn party(s: &Scenario, id: &str) -> PartyIx {
    s.party_by_id(id).expect("party exists")
}

/// A game of the campaign with one human seat, at its first orders (decisions taken as the
/// advisor would).
fn game_as(id: &str, seed: u64, theme: Theme) -> App {
    let s = campaign();
    let me = party(&s, id);
    let mut app = App::with_session(Session::new(s, seed, vec![me]), theme);
    skip_decisions(&mut app);
    assert!(matches!(app.screen(), Screen::Orders), "reached the orders");
    app
}

/// Go on to the orders: the month's results read, decisions taken as the advisor says.
fn skip_decisions(app: &mut App) {
    for _ in 0..20 {
        match app.screen() {
            Screen::Summary { .. } => press(app, KeyCode::Enter),
            Screen::Decide(_) => press(app, KeyCode::Char('a')),
            _ => break,
        }
    }
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = keys::action_for_key(app, &KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

fn terminal(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| draw(f, app)).expect("draws");
    t
}

fn text_of(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A small invented region of our own for the snapshots, so that they change only when the
/// screen does, not when the campaign is rebalanced.
const HARBOUR: &str = r#"(
    format: 1,
    id: "harbour",
    title: "Harbour test region",
    summary: "Three invented parties share a harbour.",
    calendar: (start_year: 2030, start_month: 4, turns: 6),
    parties: [
        (id: "north", name: "Northland", short: "NOR", map: (30, 10), power: 200.0, capital: 3.0,
         security: 60.0, prestige: 50.0, approval: 55.0, doctrine: "steady",
         briefing: "You are Northland, the old power of the harbour.",
         objectives: [(text: "Keep the harbour calm", goal: Track(track: "tension", prefer: Low))]),
        (id: "south", name: "Southland", short: "SOU", map: (70, 80), power: 150.0, capital: 3.0,
         security: 50.0, prestige: 40.0, approval: 50.0, doctrine: "steady",
         briefing: "You are Southland.",
         objectives: [(text: "Feel safe", goal: Figure(figure: Security, prefer: High))]),
        (id: "isle", name: "Isle Republic", short: "ISL", map: (90, 40), power: 40.0,
         capital: 2.0, security: 40.0, prestige: 20.0, approval: 50.0, doctrine: "steady",
         briefing: "You are the Isle.",
         objectives: [(text: "Be heard", goal: Figure(figure: Prestige, prefer: High))]),
    ],
    doctrines: [
        (id: "steady", name: "Steady", goals: [
            (goal: Track(track: "tension", prefer: Low), weight: 2.0),
            (goal: Figure(figure: Prestige, prefer: High)),
        ], reciprocity: 0.5),
    ],
    relations: [
        (from: "north", to: "south", trust: 45.0, threat: 10.0, both: true),
        (from: "north", to: "isle", trust: -20.0, threat: 40.0),
        (from: "isle", to: "north", trust: -45.0, threat: 60.0),
    ],
    alliances: [
        (id: "pact", name: "Harbour Pact", patron: "north", client: "south",
         commitment: 60.0, abandonment_fear: 30.0, entrapment_risk: 20.0, rivals: ["isle"]),
    ],
    forums: [
        (id: "council", name: "Harbour Council", short: "HC",
         members: ["north", "south", "isle"], host: Some("north"), status: Active,
         schedule: Every(1), agenda: [(track: "tension", per_session: -1.0)], habit: 20.0),
    ],
    tracks: [(id: "tension", name: "Harbour tension", value: 40.0, drift: 1.0)],
    actions: [
        (id: "engage", name: "Engage", description: "Talk and trade.", cost: 1.0,
         target: Party, stance: Cooperative),
        (id: "pressure", name: "Pressure", description: "Lean on them.", cost: 1.0,
         target: Party, stance: Competitive),
        (id: "reassure", name: "Reassure", description: "Stand by the ally.", cost: 2.0,
         target: Ally, stance: Alliance),
        (id: "attend", name: "Invest in forum", description: "Send senior people.", cost: 1.0,
         target: Forum, stance: Cooperative, effects: [Habit(forum: Target, delta: 2.0)]),
    ],
    events: [
        (id: "storm", title: "A storm closes the harbour", text: "Ships wait outside.",
         when: Date(2030, 4), decider: Some("north"), options: [
            (id: "share", label: "Share the berths"),
            (id: "keep", label: "Keep the berths for our ships"),
         ], teaching: "Cooperation under pressure."),
    ],
)"#;

fn harbour_game() -> App {
    let s = Arc::new(scenario::load_str(HARBOUR, "harbour.ron").expect("the test region loads"));
    App::with_session(Session::new(s, 1, vec![PartyIx(0)]), Theme::plain())
}

#[test]
fn snapshots_of_the_test_region() {
    let mut app = harbour_game();
    assert!(matches!(app.screen(), Screen::Decide(_)));
    let decision = screen(&app, 80, 24);
    assert!(
        decision.contains("A storm closes the harbour"),
        "{decision}"
    );
    assert!(
        decision.contains("Note: Cooperation under pressure."),
        "{decision}"
    );
    insta::assert_snapshot!("harbour_decision_80x24", decision);
    press(&mut app, KeyCode::Char('a'));
    let main = screen(&app, 80, 24);
    assert!(main.contains("Turn 1 of 6 · Apr 2030"), "{main}");
    for label in ["[NOR]", "SOU", "ISL", "HC"] {
        assert!(main.contains(label), "{label} missing:\n{main}");
    }
    insta::assert_snapshot!("harbour_main_80x24", main);
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("harbour_help_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('q'));
    insta::assert_snapshot!("harbour_quit_80x24", screen(&app, 80, 24));
    press(&mut app, KeyCode::Esc);
    app.update(Action::Resize(60, 20));
    insta::assert_snapshot!("too_small_60x20", screen(&app, 60, 20));
    app.update(Action::Resize(120, 36));
    insta::assert_snapshot!("harbour_main_120x36", screen(&app, 120, 36));
    app.update(Action::Resize(200, 50));
    insta::assert_snapshot!("harbour_main_200x50", screen(&app, 200, 50));
    // The map focused: Southland highlighted, its details beside the orders.
    app.update(Action::Resize(80, 24));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    let map = screen(&app, 80, 24);
    assert!(map.contains("On the map · Southland"), "{map}");
    insta::assert_snapshot!("harbour_map_80x24", map);
    press(&mut app, KeyCode::Tab);
    let forums = screen(&app, 80, 24);
    assert!(forums.contains("Forum · Harbour Council"), "{forums}");
    insta::assert_snapshot!("harbour_forums_80x24", forums);
}

/// The screen as text.
fn screen(app: &App, w: u16, h: u16) -> String {
    text_of(terminal(app, w, h).backend().buffer())
}

fn line(screen: &str, n: usize) -> &str {
    screen.lines().nth(n).unwrap_or("")
}

#[test]
fn main_screen_shows_map_turn_orders_and_keys() {
    let app = game_as("japan", 1, Theme::plain());
    let s = screen(&app, 80, 24);
    // The header: scenario, turn, seat, capital and orders.
    assert!(line(&s, 0).contains("Campaign 2010"), "{s}");
    assert!(line(&s, 0).contains("Turn 1 of 24 · Jan 2010"), "{s}");
    assert!(line(&s, 1).contains("You: Japan"), "{s}");
    assert!(line(&s, 1).contains("orders 0 of 2"), "{s}");
    assert!(line(&s, 1).contains("capital"), "{s}");
    // Every party on the map, the player's in brackets.
    for short in ["US", "PRC", "[JPN]", "ROK", "DPRK", "RUS"] {
        assert!(s.contains(short), "map lacks {short}:\n{s}");
    }
    // Panels.
    for title in ["Region", "Relations", "Forums", "Orders", "News"] {
        assert!(s.contains(title), "no {title} panel:\n{s}");
    }
    // The forums with a status word.
    assert!(s.contains("6PT"), "{s}");
    assert!(
        ["active", "suspended", "proposed", "collapsed"]
            .iter()
            .any(|w| s.contains(w)),
        "{s}"
    );
    // The advisor's pick, highlighted, with its cost and stance.
    let play = app.play().expect("a game");
    let best = &play.board.ranked[0];
    let sc = &play.scenario;
    let action = &sc.actions[best.order.action.0];
    let label = sixparty_core::text::order_label(sc, &best.order);
    let shown: String = label.chars().take(20).collect();
    assert!(s.contains(&shown), "order {label} not shown:\n{s}");
    let cost = format!("{} cap", action.cost);
    assert!(s.contains(&cost), "cost {cost} not shown:\n{s}");
    assert!(s.contains('★'), "advisor's pick not marked:\n{s}");
    // The keys, on the bottom line.
    let keys = line(&s, 23);
    for k in [
        "Enter give",
        "x withdraw",
        "a advisor",
        "e end turn",
        "? help",
        "q quit",
    ] {
        assert!(keys.contains(k), "key line lacks {k}: {keys}");
    }
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = game_as("us", 1, Theme::plain());
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay(), Some(Overlay::Help));
    let s = screen(&app, 80, 24);
    for k in [
        "↑ ↓",
        "Enter",
        "Backspace",
        "Tab",
        "PgUp",
        "Esc",
        "Ctrl-C",
        "withdraw",
        "advisor",
        "end the turn",
        "quit",
    ] {
        assert!(s.contains(k), "help lacks {k}:\n{s}");
    }
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay(), None);
}

#[test]
fn too_small_terminal_says_so_and_keys_wait() {
    let mut app = game_as("china", 1, Theme::plain());
    app.update(Action::Resize(60, 20));
    let s = screen(&app, 60, 20);
    assert!(s.contains("enlarge the terminal"), "{s}");
    assert!(s.contains("80×24"), "{s}");
    assert!(s.contains("60×20"), "{s}");
    // Keys do nothing while the screen cannot be seen...
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.play().expect("game").board.turn, 1);
    // ...except Ctrl-C.
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.outcome(), Some(Outcome::Quit { turn: 1 }));
}

#[test]
fn resumes_when_big_enough_and_grows() {
    let mut app = game_as("south_korea", 2, Theme::plain());
    app.update(Action::Resize(60, 20));
    app.update(Action::Resize(120, 40));
    let s = screen(&app, 120, 40);
    assert!(!s.contains("enlarge"), "{s}");
    assert!(s.contains("Your figures"), "{s}");
    assert!(s.contains("security"), "{s}");
    assert!(s.contains("Turn 1 of 24"), "{s}");
}

#[test]
fn tall_screens_show_the_alliances() {
    let app = game_as("us", 1, Theme::plain());
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("Alliances: commitment · fear · entrapment"),
        "{s}"
    );
    assert!(s.contains("US–Japan"), "{s}");
    assert!(s.contains("you fear"), "{s}");
}

#[test]
fn quit_asks_first() {
    let mut app = game_as("us", 3, Theme::plain());
    press(&mut app, KeyCode::Char('q'));
    let s = screen(&app, 80, 24);
    assert!(s.contains("Quit? the game will be lost (y/n)"), "{s}");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.outcome(), None);
    assert_eq!(app.overlay(), None);
    press(&mut app, KeyCode::Char('q'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.outcome(), Some(Outcome::Quit { turn: 1 }));
}

#[test]
fn ctrl_c_quits_without_asking() {
    let mut app = game_as("us", 3, Theme::plain());
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(app.outcome(), Some(Outcome::Quit { turn: 1 }));
}

#[test]
fn give_and_withdraw_orders() {
    let mut app = game_as("japan", 4, Theme::plain());
    let first = app.play().expect("game").board.ranked[0].order;
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    let play = app.play().expect("game");
    assert_eq!(play.board.given, vec![first]);
    let s = screen(&app, 80, 24);
    assert!(line(&s, 1).contains("orders 1 of 2"), "{s}");
    assert!(s.contains("✓"), "given order not listed:\n{s}");
    assert!(s.contains("Given:"), "no confirmation:\n{s}");
    press(&mut app, KeyCode::Char('x'));
    assert!(app.play().expect("game").board.given.is_empty());
    assert!(screen(&app, 80, 24).contains("Withdrawn:"));
    // Enter on a given order withdraws it too.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert!(app.play().expect("game").board.given.is_empty());
}

#[test]
fn advisor_key_gives_the_recommended_orders() {
    let mut app = game_as("china", 5, Theme::plain());
    let advice: Vec<_> = app
        .play()
        .expect("game")
        .board
        .advice
        .iter()
        .map(|c| c.order)
        .collect();
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.play().expect("game").board.given, advice);
}

/// The focus of the game in progress.
fn focus(app: &App) -> Focus {
    app.play().expect("game").focus
}

#[test]
fn tab_cycles_through_every_panel_and_shift_tab_goes_back() {
    let mut app = game_as("russia", 6, Theme::plain());
    assert_eq!(focus(&app), Focus::Orders);
    // Forward: orders → news → map → orders; each shows it is focused, in text.
    let expected = [
        (Focus::News, "▶ News", "Tab map"),
        (Focus::Map, "▶ Region", "Tab forums"),
        (Focus::Forums, "▶ Forums", "Tab orders"),
        (Focus::Orders, "▶ Orders", "Tab news"),
    ];
    for (size, (w, h)) in [(80, 24), (200, 50)].into_iter().enumerate() {
        app.update(Action::Resize(w, h));
        for (f, title, key) in expected {
            press(&mut app, KeyCode::Tab);
            assert_eq!(focus(&app), f, "Tab at {w}×{h}");
            let s = screen(&app, w, h);
            assert!(s.contains(title), "{title} at {w}×{h}:\n{s}");
            assert_eq!(s.matches('▶').count(), 1, "one panel marked:\n{s}");
            assert!(line(&s, usize::from(h) - 1).contains(key), "{s}");
        }
        // Backward, both as the terminal reports it (BackTab) and as Shift with Tab.
        let backward = [Focus::Forums, Focus::Map, Focus::News, Focus::Orders];
        for (i, f) in backward.into_iter().enumerate() {
            if (i + size) % 2 == 0 {
                press(&mut app, KeyCode::BackTab);
            } else {
                press_with(&mut app, KeyCode::Tab, KeyModifiers::SHIFT);
            }
            assert_eq!(focus(&app), f, "Shift-Tab at {w}×{h}");
        }
    }
    assert_eq!(Focus::ALL.len(), 4);
    for f in Focus::ALL {
        assert_eq!(f.next().previous(), f);
    }
    // The news scrolls while focused; Esc goes back to the orders.
    app.update(Action::Resize(80, 24));
    press(&mut app, KeyCode::Tab);
    let s = screen(&app, 80, 24);
    assert!(s.contains("This month"), "{s}");
    press(&mut app, KeyCode::Down);
    assert_eq!(app.play().expect("game").news_scroll, 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(focus(&app), Focus::Orders);
}

/// The text of the panel beside the orders, from its title down.
fn details(s: &str) -> String {
    s.lines()
        .skip_while(|l| !l.contains("On the map ·"))
        .map(|l| l.rsplit_once("││").map_or(l, |(_, r)| r))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn on_the_map_the_arrows_move_from_party_to_party_and_show_its_details() {
    let mut app = game_as("japan", 1, Theme::plain());
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(focus(&app), Focus::Map);
    let s = app.play().expect("game").scenario.clone();
    let (japan, us, korea) = (
        party(&s, "japan"),
        party(&s, "us"),
        party(&s, "south_korea"),
    );
    // The highlight starts on the player's own party: its figures, alliances and forums.
    let own = screen(&app, 80, 24);
    assert!(own.contains("On the map · Japan"), "{own}");
    assert!(details(&own).contains("Japan (JPN) · you"), "{own}");
    assert!(
        details(&own).contains("US–Japan Alliance (with US)"),
        "{own}"
    );
    assert!(
        !own.contains("This month"),
        "the details stand in for the news:\n{own}"
    );
    // The United States lies east of Japan on the campaign's map: l (or →) goes there.
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.play().expect("game").map_party, us);
    let usa = screen(&app, 80, 24);
    let d = details(&usa);
    assert!(usa.contains("On the map · United States"), "{usa}");
    assert!(d.contains("you→ +50 close"), "{d}");
    assert!(d.contains("→you +58 close"), "{d}");
    assert!(d.contains("US–Japan Alliance (with you)"), "{d}");
    assert!(d.contains("US–ROK Alliance (with ROK)"), "{d}");
    assert!(
        d.contains("•6PT"),
        "forums shared with Japan are marked: {d}"
    );
    assert_ne!(details(&own), d, "the details follow the highlight");
    // The map's title names the highlighted party; the dots link it to the player.
    assert!(line(&usa, 2).contains(" US "), "{usa}");
    // Back with h, then west again with ←: South Korea.
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.play().expect("game").map_party, japan);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.play().expect("game").map_party, korea);
    let rok = screen(&app, 80, 24);
    assert!(details(&rok).contains("US–ROK Alliance (with US)"), "{rok}");
    // Trust both ways, on two lines when one is too narrow for them, never cut.
    assert!(details(&rok).contains("→you +5 wary"), "{rok}");
    // Up and down move too: China is up and west of South Korea, and down from China is
    // South Korea again.
    press(&mut app, KeyCode::Up);
    assert_eq!(app.play().expect("game").map_party, party(&s, "china"));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.play().expect("game").map_party, korea);
    // A move with no party that way keeps the highlight.
    for _ in 0..8 {
        press(&mut app, KeyCode::Char('k'));
    }
    let top = app.play().expect("game").map_party;
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.play().expect("game").map_party,
        top,
        "nothing above the top"
    );
    // Enter goes to the orders aimed at the highlighted party.
    app.play_mut().expect("game").map_party = us;
    press(&mut app, KeyCode::Enter);
    assert_eq!(focus(&app), Focus::Orders);
    let play = app.play().expect("game");
    let order = sixparty::ui::tui::model::highlighted_order(play).expect("an order");
    assert_eq!(order.target, sixparty_core::sim::Target::Party(us));
    // Esc leaves the map for the orders too.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(focus(&app), Focus::Map);
    press(&mut app, KeyCode::Esc);
    assert_eq!(focus(&app), Focus::Orders);
}

#[test]
fn in_the_forums_the_arrows_move_from_forum_to_forum_and_show_its_details() {
    let mut app = game_as("japan", 1, Theme::plain());
    press(&mut app, KeyCode::BackTab);
    assert_eq!(focus(&app), Focus::Forums);
    let first = screen(&app, 80, 24);
    assert!(first.contains("Forum · Six Party Talks"), "{first}");
    assert!(first.contains("Members: US PRC [JPN] ROK DPRK"), "{first}");
    assert!(first.contains("Host: PRC"), "{first}");
    assert!(first.contains("Red lines: Taiwan Strait"), "{first}");
    // Down: the Plus-Three Summit, hosted by South Korea; an order at it is on offer.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.play().expect("game").forum, 1);
    let plus3 = screen(&app, 80, 24);
    assert!(plus3.contains("Forum · Plus-Three Summit"), "{plus3}");
    assert!(plus3.contains("Host: ROK"), "{plus3}");
    assert!(plus3.contains("orders at PLUS3"), "{plus3}");
    assert_ne!(details_of(&first), details_of(&plus3));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.play().expect("game").forum, 1);
    press(&mut app, KeyCode::End);
    let s = app.play().expect("game").scenario.clone();
    assert_eq!(app.play().expect("game").forum, s.forums.len() - 1);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.play().expect("game").forum, s.forums.len() - 1);
    // Enter: the orders, highlighted on the first order at the forum.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(focus(&app), Focus::Orders);
    let play = app.play().expect("game");
    let order = sixparty::ui::tui::model::highlighted_order(play).expect("an order");
    assert_eq!(
        order.target,
        sixparty_core::sim::Target::Forum(sixparty_core::scenario::ForumIx(1))
    );
    // A click on a forum's line focuses the forums and highlights it.
    let out = screen(&app, 80, 24);
    let (x, y) = cell_of(&out, "ARF");
    assert_eq!(hit_test(&app, x, y), Some(Hit::Forum(2)));
    app.update(Action::Click(x, y));
    assert_eq!(focus(&app), Focus::Forums);
    assert_eq!(app.play().expect("game").forum, 2);
    assert!(screen(&app, 80, 24).contains("Forum · ASEAN Regional Forum"));
}

/// The screen cell (column, row) where `text` first shows in the top ten rows.
fn cell_of(out: &str, text: &str) -> (u16, u16) {
    out.lines()
        .enumerate()
        .take(10)
        .find_map(|(y, l)| {
            l.find(text)
                .map(|i| (l[..i].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{text} in the top rows:\n{out}"))
}

/// The text right of the orders panel, from row 11 down.
fn details_of(s: &str) -> String {
    s.lines()
        .skip(11)
        .map(|l| l.rsplit_once("││").map_or(l, |(_, r)| r))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_click_on_the_map_focuses_it_and_highlights_a_party() {
    let mut app = game_as("japan", 1, Theme::plain());
    app.update(Action::Resize(80, 24));
    let s = app.play().expect("game").scenario.clone();
    let us = party(&s, "us");
    let out = screen(&app, 80, 24);
    let (x, y) = cell_of(&out, "US++");
    assert_eq!(hit_test(&app, x, y), Some(Hit::Party(us.0)));
    assert_eq!(hit_test(&app, 1, 4), Some(Hit::Map));
    app.update(Action::Click(x, y));
    assert_eq!(focus(&app), Focus::Map);
    assert_eq!(app.play().expect("game").map_party, us);
    assert!(screen(&app, 80, 24).contains("On the map · United States"));
    // A second click on it, like Enter, goes to the orders aimed at it.
    app.update(Action::Click(x, y));
    assert_eq!(focus(&app), Focus::Orders);
    // A click on the map's empty part focuses the map and keeps the highlight.
    app.update(Action::Click(1, 4));
    assert_eq!(focus(&app), Focus::Map);
    assert_eq!(app.play().expect("game").map_party, us);
}

#[test]
fn ending_turns_moves_the_calendar_and_shows_last_month() {
    let mut app = game_as("us", 7, Theme::plain());
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('e'));
    // The month's results first, what happened at the top; Enter goes on.
    assert!(matches!(app.screen(), Screen::Summary { .. }));
    let results = screen(&app, 80, 24);
    assert!(line(&results, 0).contains("United States · the month's results"));
    assert!(
        line(&results, 1).contains("Turn 1 of 24 · Jan 2010"),
        "{results}"
    );
    assert!(line(&results, 3).contains("What happened:"), "{results}");
    assert!(results.contains("United States: "), "{results}");
    press(&mut app, KeyCode::Enter);
    skip_decisions(&mut app);
    assert!(matches!(app.screen(), Screen::Orders));
    let s = screen(&app, 80, 24);
    assert!(line(&s, 0).contains("Turn 2 of 24 · Feb 2010"), "{s}");
    assert!(s.contains("Last month"), "{s}");
}

#[test]
fn decision_dialog_shows_text_note_options_and_advice() {
    let s = campaign();
    // Find a seat and seed whose first turn asks for a decision.
    let mut found = None;
    'search: for seed in 1..6 {
        for p in 0..s.parties.len() {
            let app = App::with_session(
                Session::new(Arc::clone(&s), seed, vec![PartyIx(p)]),
                Theme::plain(),
            );
            if matches!(app.screen(), Screen::Decide(_)) {
                found = Some(app);
                break 'search;
            }
        }
    }
    let mut app = found.expect("some seat decides on turn 1");
    let before = d_pending(&app);
    let event = &app.play().expect("game").scenario.events[before.event.0];
    let title: String = event.title.chars().take(30).collect();
    let out = screen(&app, 80, 24);
    assert!(out.contains("Decision"), "{out}");
    assert!(out.contains(&title), "{out}");
    assert!(out.contains("What do you do?"), "{out}");
    assert!(out.contains("1. "), "{out}");
    assert!(out.contains("★ advisor"), "{out}");
    assert!(out.contains("★ Advisor: option"), "{out}");
    assert!(line(&out, 23).contains("Enter decide"), "{out}");
    if !event.teaching.is_empty() {
        assert!(out.contains("Note:"), "{out}");
    }
    press(&mut app, KeyCode::Enter);
    assert_ne!(d_pending(&app), before, "the decision was taken");
}

fn d_pending(app: &App) -> sixparty_core::sim::Pending {
    match app.screen() {
        Screen::Decide(d) => d.pending,
        _ => sixparty_core::sim::Pending {
            event: sixparty_core::scenario::EventIx(usize::MAX),
            decider: PartyIx(usize::MAX),
        },
    }
}

#[test]
fn choose_scenario_then_seat() {
    let (entries, _) = scenario::catalogue(None);
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    let s = screen(&app, 80, 24);
    assert!(s.contains("choose a scenario"), "{s}");
    assert!(s.contains(DEFAULT_SCENARIO), "{s}");
    assert!(
        s.contains("▶ Campaign 2010"),
        "default not preselected:\n{s}"
    );
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, 80, 24);
    assert!(matches!(app.screen(), Screen::ChooseParty { .. }), "{s}");
    assert!(s.contains("Briefing · United States"), "{s}");
    assert!(s.contains("You are Washington"), "{s}");
    press(&mut app, KeyCode::Down);
    assert!(screen(&app, 80, 24).contains("Briefing · People's Republic of China"));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::ChooseScenario { .. }));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.play().is_some());
    // Before a game q leaves at once.
    let (entries, _) = scenario::catalogue(None);
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.outcome(), Some(Outcome::Quit { turn: 0 }));
}

#[test]
fn broken_scenario_shows_its_error() {
    let (mut entries, _) = scenario::catalogue(None);
    let mut broken = entries[0].clone();
    broken.id = "broken".into();
    broken.title = "A broken scenario".into();
    broken.text = broken.text.replacen("format: 1", "format: 99", 1);
    assert_ne!(broken.text, entries[0].text, "the copy is broken");
    entries.insert(0, broken);
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.screen(),
        Screen::ChooseScenario { error: Some(_), .. }
    ));
    let s = screen(&app, 80, 24);
    assert!(s.contains("does not load"), "{s}");
}

#[test]
fn hot_seat_hands_over() {
    let s = campaign();
    let seats = vec![party(&s, "us"), party(&s, "china")];
    let mut app = App::with_session(Session::new(s, 1, seats), Theme::plain());
    let out = screen(&app, 80, 24);
    assert!(out.contains("Hand over to"), "{out}");
    let mut seen = Vec::new();
    for _ in 0..40 {
        match app.screen() {
            Screen::Handover { party } => {
                seen.push(*party);
                press(&mut app, KeyCode::Enter);
            }
            Screen::Decide(_) => press(&mut app, KeyCode::Char('a')),
            Screen::Orders => {
                if app.play().expect("game").board.turn > 1 {
                    break;
                }
                press(&mut app, KeyCode::Char('e'));
            }
            _ => break,
        }
    }
    assert!(
        seen.contains(&PartyIx(0)) && seen.contains(&PartyIx(1)),
        "{seen:?}"
    );
}

#[test]
fn no_color_uses_no_colours() {
    let app = game_as("japan", 1, Theme::plain());
    let t = terminal(&app, 80, 24);
    for cell in &t.backend().buffer().content {
        assert_eq!(cell.fg, Color::Reset, "coloured cell {:?}", cell.symbol());
        assert_eq!(cell.bg, Color::Reset);
    }
    // The mood is in the symbols on the map and the words in the relations.
    let s = text_of(t.backend().buffer());
    assert!(
        ["close", "friendly", "wary", "cold", "hostile"]
            .iter()
            .any(|w| s.contains(w)),
        "{s}"
    );
    let coloured = game_as("japan", 1, Theme::colored());
    let t = terminal(&coloured, 80, 24);
    assert!(
        t.backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg == Color::Green || c.fg == Color::Red || c.fg == Color::Yellow)
    );
}

#[test]
fn a_whole_game_ends_in_the_debrief() {
    let mut app = game_as("russia", 11, Theme::plain());
    for _ in 0..200 {
        match app.screen() {
            Screen::Decide(_) => press(&mut app, KeyCode::Char('a')),
            Screen::Summary { .. } => press(&mut app, KeyCode::Enter),
            Screen::Orders => {
                press(&mut app, KeyCode::Char('a'));
                press(&mut app, KeyCode::Char('e'));
            }
            _ => break,
        }
    }
    let s = screen(&app, 80, 24);
    assert!(matches!(app.screen(), Screen::Debrief { .. }), "{s}");
    assert!(s.contains("DEBRIEF"), "{s}");
    assert!(line(&s, 23).contains("leave"), "{s}");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::End);
    let end = screen(&app, 80, 24);
    assert!(
        end.contains("Dynamics at work") || end.contains('✓'),
        "{end}"
    );
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.outcome(), Some(Outcome::Finished));
}

#[test]
fn s_saves_and_quitting_autosaves() {
    let dir = std::env::temp_dir().join(format!("sixparty-tui-saves-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = game_as("japan", 4, Theme::plain()).with_saves(dir.clone());
    skip_decisions(&mut app);
    press(&mut app, KeyCode::Char('s'));
    let status = app.status().expect("a message").text.clone();
    assert!(status.starts_with("Saved"), "{status}");
    let (loaded, file) = sixparty_core::save::load(&dir, "campaign-2010-2011-t01").expect("loads");
    assert_eq!(file.humans, vec!["japan".to_owned()]);
    assert_eq!(loaded.game.turn(), 1);
    // End a turn: an autosave appears; quitting writes another, newer one.
    press(&mut app, KeyCode::Char('e'));
    assert!(dir.join("autosave-1.ron").is_file());
    press(&mut app, KeyCode::Char('q'));
    assert!(screen(&app, 80, 24).contains("autosaved"));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.outcome().is_some());
    let (_, newest) =
        sixparty_core::save::load(&dir, "autosave-1").expect("the quit autosave loads");
    let (_, older) =
        sixparty_core::save::load(&dir, "autosave-2").expect("the turn autosave loads");
    assert!(newest.saved_at >= older.saved_at);
    // Saved on the month's results, before the next month begins; loaded, they show again.
    assert_eq!(newest.turn, 1);
    let (session, _) = sixparty_core::save::load(&dir, "autosave-1").expect("loads");
    let again = App::with_session(session, Theme::plain());
    assert!(matches!(again.screen(), Screen::Summary { .. }));
    std::fs::remove_dir_all(&dir).ok();
}

/// The first row of column `x` where a click lands on a list entry other than `but`.
fn row_of_item(app: &App, x: u16, but: usize) -> (u16, usize) {
    let (_, h) = app.size();
    (0..h)
        .find_map(|y| match hit_test(app, x, y) {
            Some(Hit::Item(i)) if i != but => Some((y, i)),
            _ => None,
        })
        .expect("a clickable entry")
}

#[test]
fn clicks_highlight_then_choose_and_focus_panels() {
    let mut app = game_as("japan", 1, Theme::plain());
    let play = app.play().unwrap();
    let (before, given) = (play.selected, play.board.given.len());
    let (y, i) = row_of_item(&app, 10, before);
    app.update(Action::Click(10, y));
    let play = app.play().unwrap();
    assert_eq!(play.selected, i, "the first click highlights");
    assert_eq!(play.board.given.len(), given, "and gives nothing yet");
    app.update(Action::Click(10, y));
    assert_eq!(
        app.play().unwrap().board.given.len(),
        given + 1,
        "a click on the highlighted order gives it"
    );
    // A click on the news gives it the focus; the wheel then scrolls it.
    let news =
        sixparty::ui::tui::layout::main_layout(ratatui::layout::Rect::new(0, 0, 80, 24)).news;
    app.update(Action::Click(news.x + 2, news.y + 2));
    assert_eq!(app.play().unwrap().focus, Focus::News);
    // Clicks outside anything do nothing; below the minimum size nothing is clickable.
    app.update(Action::Click(0, 0));
    app.update(Action::Resize(60, 20));
    assert_eq!(hit_test(&app, 10, 10), None);
}

#[test]
fn clicks_choose_a_scenario_a_seat_and_a_decision_option() {
    let (entries, _) = scenario::catalogue(None);
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    let Screen::ChooseScenario { selected, .. } = app.screen() else {
        panic!("starts on the scenarios")
    };
    let (y, i) = row_of_item(&app, 5, *selected);
    app.update(Action::Click(5, y));
    assert!(matches!(app.screen(), Screen::ChooseScenario { selected, .. } if *selected == i));
    // Back to the campaign by keys, then click it twice.
    press(&mut app, KeyCode::Home);
    let (y, _) = (0..24)
        .find_map(|y| (hit_test(&app, 5, y) == Some(Hit::Item(0))).then_some((y, 0)))
        .unwrap();
    app.update(Action::Click(5, y));
    assert!(matches!(app.screen(), Screen::ChooseParty { .. }));
    let (y, seat) = row_of_item(&app, 5, 0);
    app.update(Action::Click(5, y));
    app.update(Action::Click(5, y));
    let play = app.play().expect("a click twice on a seat starts the game");
    assert_eq!(play.table.session().humans()[0].0, seat);
    let mut app = harbour_game();
    let Screen::Decide(d) = app.screen() else {
        panic!("a decision first")
    };
    let (y, option) = row_of_item(&app, 10, d.selected);
    app.update(Action::Click(10, y));
    app.update(Action::Click(10, y));
    assert!(
        app.status().is_some_and(|s| s.text.starts_with("Decided")),
        "{:?} (option {option})",
        app.status()
    );
}

#[test]
fn mouse_wheel_moves_like_the_arrows() {
    use ratatui::crossterm::event::{Event, MouseEvent, MouseEventKind};
    let app = game_as("japan", 1, Theme::plain());
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        keys::action_for(&app, &wheel(MouseEventKind::ScrollDown)),
        Some(Action::Down)
    );
    assert_eq!(
        keys::action_for(&app, &wheel(MouseEventKind::ScrollUp)),
        Some(Action::Up)
    );
    assert_eq!(keys::action_for(&app, &wheel(MouseEventKind::Moved)), None);
}

#[test]
fn the_scenario_list_scrolls_to_its_last_entry() {
    let (entries, _) = scenario::catalogue(None);
    let last = entries.last().unwrap().id.clone();
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    press(&mut app, KeyCode::End);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains(&format!("  {last}")),
        "last entry in sight:\n{s}"
    );
    assert!(s.contains("↑ more"), "{s}");
}

#[test]
fn wide_screens_add_a_heat_map_of_every_relation() {
    let app = game_as("japan", 1, Theme::plain());
    let narrow = screen(&app, 120, 36);
    assert!(!narrow.contains("Trust · row in column"), "{narrow}");
    let wide = screen(&app, 200, 50);
    assert!(wide.contains("Trust · row in column"), "{wide}");
    // The head row names every party; the cells carry the mood's symbol beside the number.
    let head = wide
        .lines()
        .skip_while(|l| !l.contains("Trust · row in column"))
        .nth(1)
        .expect("the heat map's head row");
    for short in ["US", "PRC", "JPN", "ROK", "DPRK", "RUS"] {
        assert!(head.contains(short), "{short} in {head}");
    }
    let row = wide
        .lines()
        .skip_while(|l| !l.contains("Trust · row in column"))
        .find(|l| l.contains("│DPRK"))
        .expect("a DPRK row");
    assert!(
        row.contains("--"),
        "North Korea's trust reads hostile somewhere: {row}"
    );
    // Tall forum panels list each forum's members under it.
    assert!(
        wide.contains("PRC JPN ROK"),
        "members of the Plus-Three:\n{wide}"
    );
}

#[test]
fn colours_follow_the_terminal_depth_and_relations_avoid_red_against_green() {
    for (depth, check) in [
        (
            Depth::Ansi16,
            (|c: Color| !matches!(c, Color::Rgb(..) | Color::Indexed(_))) as fn(Color) -> bool,
        ),
        (Depth::Indexed256, |c| !matches!(c, Color::Rgb(..))),
        (Depth::TrueColor, |c| !matches!(c, Color::Indexed(_))),
    ] {
        let app = game_as("japan", 1, Theme::with_depth(depth));
        let t = terminal(&app, 200, 50);
        let cells = &t.backend().buffer().content;
        assert!(
            cells.iter().any(|c| c.fg != Color::Reset),
            "{depth:?} colours something"
        );
        assert!(
            cells.iter().all(|c| check(c.fg) && check(c.bg)),
            "{depth:?} stays in its palette"
        );
        // No relation is drawn in pure green: the scale runs blue to vermillion.
        assert!(
            cells
                .iter()
                .all(|c| c.fg != Color::Green && c.bg != Color::Green)
        );
    }
}

#[test]
fn every_screen_draws_at_any_size_without_panicking() {
    let sizes_w = [
        0u16, 1, 2, 9, 40, 79, 80, 81, 99, 100, 120, 139, 140, 141, 200, 300,
    ];
    let sizes_h = [0u16, 1, 2, 7, 23, 24, 25, 29, 30, 31, 50, 80];
    let (entries, _) = scenario::catalogue(None);
    let mut apps: Vec<App> = Vec::new();
    let mut scenarios = App::setup(entries, None, Vec::new(), 1, Theme::colored());
    press(&mut scenarios, KeyCode::End);
    apps.push(scenarios);
    let (entries, _) = scenario::catalogue(None);
    let mut seats = App::setup(entries, None, Vec::new(), 1, Theme::colored());
    press(&mut seats, KeyCode::Enter);
    press(&mut seats, KeyCode::End);
    apps.push(seats);
    apps.push(harbour_game()); // a decision
    let mut main = game_as("japan", 2, Theme::colored());
    press(&mut main, KeyCode::Enter);
    apps.push(main);
    let mut help = game_as("us", 2, Theme::plain());
    press(&mut help, KeyCode::Char('?'));
    apps.push(help);
    let mut quit = game_as("china", 2, Theme::plain());
    press(&mut quit, KeyCode::Char('q'));
    apps.push(quit);
    let mut news = game_as("russia", 2, Theme::plain());
    press(&mut news, KeyCode::Tab);
    press(&mut news, KeyCode::End);
    apps.push(news);
    let mut map = game_as("us", 2, Theme::colored());
    press(&mut map, KeyCode::BackTab);
    press(&mut map, KeyCode::Right);
    apps.push(map);
    let mut forums = game_as("china", 2, Theme::colored());
    press(&mut forums, KeyCode::BackTab);
    press(&mut forums, KeyCode::End);
    apps.push(forums);
    let mut end = game_as("north_korea", 3, Theme::colored());
    for _ in 0..200 {
        if matches!(end.screen(), Screen::Debrief { .. }) {
            break;
        }
        skip_decisions(&mut end);
        press(&mut end, KeyCode::Char('e'));
    }
    press(&mut end, KeyCode::End);
    apps.push(end);
    for app in &mut apps {
        for &w in &sizes_w {
            for &h in &sizes_h {
                // The size arrives first (as from the terminal), then the frame; then a click
                // anywhere must find its target or nothing.
                app.update(Action::Resize(w, h));
                let _ = screen(app, w, h);
                for (x, y) in [
                    (0, 0),
                    (w / 2, h / 2),
                    (w.saturating_sub(1), h.saturating_sub(1)),
                ] {
                    let _ = hit_test(app, x, y);
                }
            }
        }
    }
}

#[test]
fn page_keys_scroll_a_long_briefing_to_its_objectives() {
    let (entries, _) = scenario::catalogue(None);
    let mut app = App::setup(entries, None, Vec::new(), 1, Theme::plain());
    press(&mut app, KeyCode::Enter);
    let first = screen(&app, 80, 24);
    assert!(first.contains("↓ more: PgDn"), "{first}");
    for _ in 0..10 {
        press(&mut app, KeyCode::PageDown);
    }
    let end = screen(&app, 80, 24);
    assert!(
        end.contains("Your objectives") && !end.contains("↓ more: PgDn"),
        "{end}"
    );
    // Another seat starts at the top of its own briefing.
    press(&mut app, KeyCode::Down);
    assert!(screen(&app, 80, 24).contains("↓ more: PgDn"));
}

/// Give this order through the keys: move the highlight onto it, then Enter.
fn give_by_keys(app: &mut App, label: &str) {
    for _ in 0..40 {
        let play = app.play().expect("game");
        let on = sixparty::ui::tui::model::highlighted_order(play).map(|o| o.label(&play.scenario));
        if on.as_deref() == Some(label) {
            press(app, KeyCode::Enter);
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{label} is not on offer");
}

#[test]
fn hot_seat_hides_the_other_seats_orders_and_figures() {
    let s = Arc::new(scenario::load_str(HARBOUR, "harbour.ron").expect("the test region loads"));
    let mut app = App::with_session(
        Session::new(s, 1, vec![PartyIx(0), PartyIx(1)]),
        Theme::plain(),
    );
    // Northland first: the hand-over, its decision, its orders.
    let handover = screen(&app, 80, 24);
    assert!(
        handover.contains("Pass the laptop to the player of Northland"),
        "{handover}"
    );
    assert!(!handover.contains("capital"), "{handover}");
    press(&mut app, KeyCode::Enter);
    skip_decisions(&mut app);
    assert!(matches!(app.screen(), Screen::Orders));
    give_by_keys(&mut app, "Pressure → Southland");
    give_by_keys(&mut app, "Engage → Isle Republic");
    let north = screen(&app, 200, 50);
    assert!(north.contains("You: Northland"), "{north}");
    assert!(north.contains("capital 1 left"), "{north}");
    assert!(north.contains("Pressure → Southland"), "{north}");
    press(&mut app, KeyCode::Char('e'));
    // The hand-over hides everything of Northland's.
    assert!(matches!(app.screen(), Screen::Handover { party } if *party == PartyIx(1)));
    let between = screen(&app, 200, 50);
    for absent in ["Northland:", "Pressure", "Engage", "capital", "You:"] {
        assert!(!between.contains(absent), "{absent} shown:\n{between}");
    }
    press(&mut app, KeyCode::Enter);
    skip_decisions(&mut app);
    assert!(matches!(app.screen(), Screen::Orders));
    let (north_in_isle, isle_in_north) = {
        let st = &app.play().expect("game").board.state;
        (st.trust[0][2], st.trust[2][0])
    };
    for (w, h) in [(80, 24), (200, 50)] {
        let south = screen(&app, w, h);
        assert!(south.contains("You: Southland"), "{south}");
        assert!(!south.contains("You: Northland"), "{south}");
        // Northland's orders of this month: neither given nor news; Southland cannot order
        // anything "→ Southland" itself, so any such label would be Northland's.
        assert!(!south.contains("→ Southland"), "{south}");
        assert!(!south.contains("Pressure → Southland"), "{south}");
        assert!(!south.contains("Northland: "), "{south}");
        // Southland's own capital is shown, not Northland's "capital 1 left".
        assert!(!south.contains("capital 1 left"), "{south}");
        assert!(south.contains("capital 3 left"), "{south}");
    }
    // The heat map keeps only Southland's own row and column: the trust between Northland and
    // the Isle is a question mark.
    let wide = screen(&app, 200, 50);
    let nor_row = wide
        .lines()
        .find(|l| l.contains("NOR  ") && l.contains('?'))
        .unwrap_or_else(|| panic!("a veiled NOR row:\n{wide}"));
    assert!(
        !nor_row.contains(&format!("{north_in_isle:+.0}")),
        "{nor_row}"
    );
    let isl_row = wide
        .lines()
        .find(|l| l.contains("ISL  ") && l.contains('?'))
        .unwrap_or_else(|| panic!("a veiled ISL row:\n{wide}"));
    assert!(
        !isl_row.contains(&format!("{isle_in_north:+.0}")),
        "{isl_row}"
    );
    press(&mut app, KeyCode::Char('e'));
    // The month resolves: each seat sees its summary behind a hand-over.
    assert!(matches!(app.screen(), Screen::Handover { party } if *party == PartyIx(0)));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Summary { party, .. } if *party == PartyIx(0)));
    let north_summary = screen(&app, 120, 40);
    assert!(
        north_summary.contains("Northland: Engage → Isle Republic."),
        "{north_summary}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Handover { party } if *party == PartyIx(1)));
    press(&mut app, KeyCode::Enter);
    let south_summary = screen(&app, 120, 40);
    assert!(
        south_summary.contains("Southland · the month's results"),
        "{south_summary}"
    );
    // Northland's decision of the month is public once taken.
    assert!(
        south_summary.contains("A storm closes the harbour: Northland —"),
        "{south_summary}"
    );
    // Done to Southland: shown; talks between two others: only that they were held.
    assert!(
        south_summary.contains("Northland: Pressure → Southland."),
        "{south_summary}"
    );
    assert!(
        south_summary.contains("Talks were held between Northland and Isle Republic."),
        "{south_summary}"
    );
    assert!(
        !south_summary.contains("Engage → Isle Republic"),
        "{south_summary}"
    );
    press(&mut app, KeyCode::Enter);
    // The next month begins with a hand-over again.
    assert!(matches!(app.screen(), Screen::Handover { party } if *party == PartyIx(0)));
    assert_eq!(app.play().expect("game").table.session().game.turn(), 2);
}

#[test]
fn hot_seat_the_next_player_starts_on_the_orders_and_its_own_party() {
    let s = Arc::new(scenario::load_str(HARBOUR, "harbour.ron").expect("the test region loads"));
    let mut app = App::with_session(
        Session::new(s, 1, vec![PartyIx(0), PartyIx(1)]),
        Theme::plain(),
    );
    press(&mut app, KeyCode::Enter);
    skip_decisions(&mut app);
    // Northland leaves the map focused on the Isle.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    app.play_mut().expect("game").map_party = PartyIx(2);
    assert_eq!(focus(&app), Focus::Map);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    skip_decisions(&mut app);
    let play = app.play().expect("game");
    assert_eq!(play.seat, PartyIx(1));
    assert_eq!(play.focus, Focus::Orders);
    assert_eq!(play.map_party, PartyIx(1));
    // Under the fog, Northland's details show its regard for Southland as a mood only, and
    // its fear of Southland not at all, as the relations panel does.
    let regard = play.board.state.trust[0][1];
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    app.play_mut().expect("game").map_party = PartyIx(0);
    let out = screen(&app, 80, 24);
    assert!(out.contains("On the map · Northland"), "{out}");
    assert!(out.contains("fears you ?"), "{out}");
    assert!(!out.contains(&format!("→you {regard:+.0}")), "{out}");
    assert!(out.contains("→you ++ close"), "{out}");
}
