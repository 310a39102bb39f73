//! Drawing: a pure function of the [`App`]. Nothing here changes the game or the screen's state.
//!
//! The main screen at its smallest, 80×24:
//!
//! ```text
//!  Six Parties · Campaign 2010–2011…                      Turn 3 of 24 · Mar 2010
//!  You: Japan   sec 70 pre 55 app 50 pow 120        capital 4.5 left · orders 1 of 2
//! ┌ Region ──────────────┐┌ Relations ─────────────────┐┌ Forums ───────────────┐
//! │ map of the parties   ││ trust both ways and threat ││ status word and habit │
//! └──────────────────────┘└────────────────────────────┘└───────────────────────┘
//! ┌ Orders ──────────────────────────────────────┐┌ News ─────────────────────────┐
//! │ given orders, then those on offer, ranked    ││ last month, then this month   │
//! └──────────────────────────────────────────────┘└───────────────────────────────┘
//!  ↑↓ move  Enter give  x withdraw  a advisor  e end turn  Tab news  ? help  q quit
//! ```
//!
//! Tab moves the focus through the orders, the news, the map and the forums (Shift-Tab back);
//! the focused panel has a heavy border and `▶` before its title. With the map or the forums
//! focused the arrows move a highlight from party to party or forum to forum, and the news
//! panel gives way to the highlighted one's details.
//!
//! Bigger terminals give the extra room to the map, the orders and the news; from 30 lines
//! a row of the player's figures with sparklines; from 140 columns a heat map of every party's
//! trust in every other. [`hit_test`] answers a mouse click from the same layout and rows the
//! drawing uses.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use sixparty_core::ai::figure_name;
use sixparty_core::scenario::{AllianceFigure, Figure, ForumStatus, PartyIx, Scenario};
use sixparty_core::sim::Target;
use sixparty_core::sim::state::{alliance_slot, figure_slot};
use sixparty_core::text;

use super::app::{App, Decision, Focus, Overlay, Play, Screen};
use super::keys::HELP;
use super::theme::Theme;
use super::wrap::{cut_centred, pad, truncate, width, wrap, wrap_hanging};

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
/// The smallest terminal the game draws in.
pub const MIN_HEIGHT: u16 = 24;
/// From this height the player's figures get a panel with sparklines.
const FIGURES_PANEL_HEIGHT: u16 = 30;
/// From this width the main screen adds a heat map of every party's trust in every other.
pub const HEAT_MAP_WIDTH: u16 = 140;
/// The heat map panel's width: room for six parties with numbers.
const HEAT_PANEL_W: u16 = 2 + 5 + 6 * 7;
/// Orders panels at least this wide show each order on one line.
const WIDE_ORDERS: u16 = 100;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(frame, app.theme(), area);
        return;
    }
    match app.screen() {
        Screen::ChooseScenario { selected, error } => {
            render_choose_scenario(frame, app, *selected, error.as_deref());
        }
        Screen::ChooseParty {
            scenario,
            choices,
            selected,
            marked,
            briefing_scroll,
        } => render_choose_party(
            frame,
            app,
            scenario,
            choices,
            (*selected, *briefing_scroll),
            marked,
        ),
        Screen::Handover { party } => {
            if let Some(play) = app.play() {
                render_handover(frame, app.theme(), play, *party);
            }
        }
        Screen::Summary {
            party,
            lines,
            scroll,
        } => {
            if let Some(play) = app.play() {
                let title = format!("{} · the month's results", play.scenario.party(*party).name);
                render_text(
                    frame,
                    app.theme(),
                    (&title, lines, *scroll),
                    &[
                        ("↑↓", "scroll"),
                        ("PgUp/PgDn", "page"),
                        ("Enter", "go on"),
                        ("q", "quit"),
                    ],
                );
            }
        }
        Screen::Decide(d) => {
            if let Some(play) = app.play() {
                render_decision(frame, app, play, d);
            }
        }
        Screen::Orders => {
            if let Some(play) = app.play() {
                render_main(frame, app, play);
            }
        }
        Screen::Debrief {
            title,
            lines,
            scroll,
        } => render_debrief(frame, app.theme(), title, lines, *scroll),
    }
    match app.overlay() {
        Some(Overlay::Help) => render_help(frame, app.theme()),
        Some(Overlay::ConfirmQuit) => render_confirm_quit(frame, app.theme(), app.saves_on()),
        None => {}
    }
}

/// Below 80×24: say so, and how to quit.
fn render_too_small(frame: &mut Frame<'_>, theme: Theme, area: Rect) {
    let lines = vec![
        Line::styled("Six Parties", theme.title()),
        Line::raw(""),
        Line::raw(format!(
            "Please enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT}."
        )),
        Line::raw(format!("It is {}×{} now.", area.width, area.height)),
        Line::raw(""),
        Line::styled("The game resumes when it fits. Ctrl-C quits.", theme.dim()),
    ];
    let rows: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = l.style;
            wrap(&s, usize::from(area.width.max(1)))
                .into_iter()
                .map(move |w| Line::styled(w, style))
                .collect::<Vec<_>>()
        })
        .collect();
    let top = area.height.saturating_sub(rows.len() as u16) / 2;
    let body = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(Paragraph::new(rows).alignment(Alignment::Center), body);
}

// ------------------------------------------------------------------------------------ layout

/// Where each panel of the main screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MainLayout {
    /// Two lines: title and turn; seat, figures, capital and orders.
    pub header: Rect,
    /// The region map.
    pub map: Rect,
    /// Trust and threat toward each party.
    pub relations: Rect,
    /// Every party's trust in every other, as a heat map (wide terminals only).
    pub heat: Option<Rect>,
    /// Forums with status and habit.
    pub forums: Rect,
    /// The player's figures with sparklines (tall terminals only).
    pub figures: Option<Rect>,
    /// The orders menu.
    pub orders: Rect,
    /// The news feed.
    pub news: Rect,
    /// The key line.
    pub keys: Rect,
}

/// The main screen's layout for a terminal of this size.
pub fn main_layout(area: Rect) -> MainLayout {
    let with_figures = area.height >= FIGURES_PANEL_HEIGHT;
    let fixed = 2 + 1 + if with_figures { 4 } else { 0 };
    let body = area.height.saturating_sub(fixed);
    // The top row takes 8 lines at 80×24 and two fifths of any extra height.
    let top = 8 + body.saturating_sub(21) * 2 / 5;
    let [header, top_row, figures, bottom, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(top),
        Constraint::Length(if with_figures { 4 } else { 0 }),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let w = area.width;
    let with_heat = w >= HEAT_MAP_WIDTH;
    let (rel_w, forums_w, heat_w) = if with_heat {
        ((w * 30 / 100).max(32), (w * 18 / 100).max(24), HEAT_PANEL_W)
    } else {
        ((w * 36 / 100).max(32), (w * 28 / 100).max(24), 0)
    };
    let [map, relations, heat, forums] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(rel_w),
        Constraint::Length(heat_w),
        Constraint::Length(forums_w),
    ])
    .areas(top_row);
    let orders_w = (w * 60 / 100).max(48);
    let [orders, news] =
        Layout::horizontal([Constraint::Length(orders_w), Constraint::Min(0)]).areas(bottom);
    MainLayout {
        header,
        map,
        relations,
        heat: with_heat.then_some(heat),
        forums,
        figures: with_figures.then_some(figures),
        orders,
        news,
        keys,
    }
}

/// A box of this size, centred in `area` (shrunk to fit).
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn panel(theme: Theme, title: &str, focused: bool) -> Block<'_> {
    let style = if focused {
        theme.focused()
    } else {
        theme.unfocused()
    };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(format!(" {title} "), theme.title()))
}

/// A panel of the main screen, where the focus moves: the focused one has a heavy border and
/// `▶` before its title, so the focus shows without colours too.
fn main_panel(theme: Theme, title: &str, focused: bool) -> Block<'static> {
    let (style, border, mark) = if focused {
        (theme.focused(), BorderType::Thick, "▶ ")
    } else {
        (theme.unfocused(), BorderType::Plain, "")
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Span::styled(format!(" {mark}{title} "), theme.title()))
}

/// A centred title for the border of a panel `panel_w` cells wide (corners included), cut to
/// fit here rather than by ratatui: 0.30 cuts a centred title wider than its border unevenly
/// (three cells off the left of " • you sit at the table " in 22, and a border cell left blank
/// on the right), where the middle of the text is what should show.
fn centred_title(text: &str, style: Style, panel_w: u16) -> Line<'static> {
    Line::styled(
        cut_centred(text, usize::from(panel_w.saturating_sub(2))),
        style,
    )
    .centered()
}

/// Whole numbers without decimals, others with one.
fn amount(x: f32) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

// ------------------------------------------------------------------------------------ main

fn render_main(frame: &mut Frame<'_>, app: &App, play: &Play) {
    let theme = app.theme();
    let l = main_layout(frame.area());
    render_header(frame, theme, play, l.header, l.figures.is_none());
    render_map(frame, theme, play, l.map);
    render_relations(frame, theme, play, l.relations);
    if let Some(area) = l.heat {
        render_heat_map(frame, theme, play, area);
    }
    render_forums(frame, theme, play, l.forums);
    if let Some(area) = l.figures {
        render_figures(frame, theme, play, area);
    }
    render_orders(frame, app, play, l.orders);
    render_news(frame, theme, play, l.news);
    let next = play.focus.next().name();
    let keys: &[(&str, &str)] = match play.focus {
        Focus::News => &[
            ("↑↓", "scroll"),
            ("PgUp/PgDn", "page"),
            ("Tab", next),
            ("Esc", "orders"),
            ("e", "end turn"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Map => &[
            ("←↑↓→", "party"),
            ("Enter", "its orders"),
            ("Tab", next),
            ("Esc", "back"),
            ("e", "end turn"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Forums => &[
            ("↑↓", "forum"),
            ("Enter", "its orders"),
            ("Tab", next),
            ("Esc", "back"),
            ("e", "end turn"),
            ("?", "help"),
            ("q", "quit"),
        ],
        Focus::Orders => &[
            ("↑↓", "move"),
            ("Enter", "give"),
            ("x", "withdraw"),
            ("a", "advisor"),
            ("e", "end turn"),
            ("Tab", next),
            ("?", "help"),
            ("q", "quit"),
        ],
    };
    render_keys(frame, theme, keys, l.keys);
}

/// Figures as "security 70 · prestige 55 · …" (long) or "sec 70 pre 55 …" (short).
fn figures_text(play: &Play, long: bool) -> String {
    let f = &play.board.state.parties[play.seat.0].figures;
    let shown = [
        Figure::Security,
        Figure::Prestige,
        Figure::Approval,
        Figure::Power,
    ];
    let parts: Vec<String> = shown
        .iter()
        .map(|&fig| {
            let name = figure_name(fig);
            let name = if long { name } else { &name[..3] };
            format!("{name} {:.0}", f[figure_slot(fig)])
        })
        .collect();
    parts.join(if long { " · " } else { " " })
}

fn render_header(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect, figures: bool) {
    let s = &play.scenario;
    let w = usize::from(area.width);
    let heading = text::turn_heading(s, play.board.turn.max(1));
    let title_room = w.saturating_sub(width(&heading) + 3);
    let title = truncate(&format!(" Six Parties · {}", s.title), title_room);
    let gap = w.saturating_sub(width(&title) + width(&heading) + 1);
    let line1 = Line::from(vec![
        Span::styled(title, theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(heading, theme.title()),
    ]);
    let party = s.party(play.seat);
    let max = s.rules.max_orders;
    let right = format!(
        "capital {} left · orders {} of {max} ",
        amount(play.board.capital_left),
        play.board.given.len()
    );
    let long_name = format!(" You: {}", party.name);
    let short_name = format!(" You: {}", party.short);
    let (long_figs, short_figs) = if figures {
        (figures_text(play, true), figures_text(play, false))
    } else {
        (String::new(), String::new())
    };
    let tries = [
        (&long_name, &long_figs),
        (&long_name, &short_figs),
        (&short_name, &short_figs),
        (&long_name, &String::new()),
        (&short_name, &String::new()),
    ];
    let mut line2 = Line::raw("");
    for (name, fig) in tries {
        let used = width(name) + width(fig) + width(&right) + if fig.is_empty() { 1 } else { 4 };
        if used <= w {
            let gap = w - used + 1;
            let mut spans = vec![Span::styled(name.clone(), theme.you())];
            if !fig.is_empty() {
                spans.push(Span::raw("   "));
                spans.push(Span::raw(fig.clone()));
            }
            spans.push(Span::raw(" ".repeat(gap)));
            spans.push(Span::styled(right.clone(), theme.text()));
            line2 = Line::from(spans);
            break;
        }
    }
    frame.render_widget(Paragraph::new(vec![line1, line2]), area);
}

/// The mood of a relation as a symbol, for the map: ++ close, + friendly, ~ wary, - cold,
/// -- hostile.
pub fn mood_mark(trust: f32) -> &'static str {
    match text::mood(trust) {
        "close" => "++",
        "friendly" => "+",
        "wary" => "~",
        "cold" => "-",
        _ => "--",
    }
}

/// Each party's label and where it goes in a map of this inner size: placed by its `map`
/// position, moved aside when it would overlap a label already placed.
pub fn map_labels(
    s: &Scenario,
    me: PartyIx,
    trust: &[Vec<f32>],
    w: u16,
    h: u16,
) -> Vec<(PartyIx, String, u16, u16)> {
    let mut placed: Vec<(PartyIx, String, u16, u16)> = Vec::new();
    for (i, p) in s.parties.iter().enumerate() {
        let ix = PartyIx(i);
        let label = if ix == me {
            format!("[{}]", p.short)
        } else {
            format!("{}{}", p.short, mood_mark(trust[me.0][i]))
        };
        let lw = width(&label) as u16;
        if lw > w || h == 0 {
            continue;
        }
        let x0 = u16::from(p.map.0.min(100)) * (w - lw) / 100;
        let y0 = (u16::from(p.map.1.min(100)) * (h - 1) + 50) / 100;
        let free = |x: u16, y: u16| {
            placed
                .iter()
                .all(|(_, l, px, py)| *py != y || x + lw < *px || (*px + width(l) as u16) < x)
        };
        let mut spot = None;
        'search: for dy in [0i32, 1, -1, 2, -2, 3, -3] {
            let y = i32::from(y0) + dy;
            if y < 0 || y >= i32::from(h) {
                continue;
            }
            let y = y as u16;
            for dx in 0..w {
                for x in [x0.saturating_add(dx), x0.saturating_sub(dx)] {
                    if x + lw <= w && free(x, y) {
                        spot = Some((x, y));
                        break 'search;
                    }
                }
            }
        }
        if let Some((x, y)) = spot {
            placed.push((ix, label, x, y));
        }
    }
    placed
}

/// Where each party's label is on the map of the main screen at this size: its party and the
/// label's middle cell (column, row), for moving the map's highlight with the arrows.
pub fn map_spots(play: &Play, area: Rect) -> Vec<(PartyIx, i32, i32)> {
    let inner = Block::bordered().inner(main_layout(area).map);
    map_labels(
        &play.scenario,
        play.seat,
        &play.board.state.trust,
        inner.width,
        inner.height,
    )
    .into_iter()
    .map(|(p, label, x, y)| {
        (
            p,
            i32::from(inner.x + x) + width(&label) as i32 / 2,
            i32::from(inner.y + y),
        )
    })
    .collect()
}

/// The panel beside the orders while the map has the focus: the highlighted party's relations
/// with the seat, its alliances and its forums (what Enter does is on the border). Hot-seat:
/// what the seat may not know is left out, as in the relations panel.
fn party_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let st = &play.board.state;
    let me = play.seat;
    let q = play.map_party;
    let party = s.party(q);
    let mut out = Vec::new();
    let para = |text: &str, style, out: &mut Vec<Line<'static>>| {
        for l in wrap_hanging(text, w, "") {
            out.push(Line::styled(l, style));
        }
    };
    if q == me {
        para(
            &format!("{} ({}) · you", party.name, party.short),
            theme.you(),
            &mut out,
        );
        // The seat's own figures are in the header or the figures panel already.
    } else {
        para(
            &format!("{} ({})", party.name, party.short),
            theme.title(),
            &mut out,
        );
        let mine = st.trust[me.0][q.0];
        let theirs = st.trust[q.0][me.0];
        let yours = format!("you→ {mine:+.0} {}", text::mood(mine));
        let theirs_text = if play.board.fog {
            format!("→you {} {}", mood_mark(theirs), text::mood(theirs))
        } else {
            format!("→you {theirs:+.0} {}", text::mood(theirs))
        };
        // Both ways on one line when they fit, else one under the other.
        if width(&yours) + 2 + width(&theirs_text) <= w {
            out.push(Line::from(vec![
                Span::styled(yours, theme.mood(mine)),
                Span::raw("  "),
                Span::styled(theirs_text, theme.mood(theirs)),
            ]));
        } else {
            out.push(Line::styled(truncate(&yours, w), theme.mood(mine)));
            out.push(Line::styled(truncate(&theirs_text, w), theme.mood(theirs)));
        }
        let feared = if play.board.fog {
            "?".to_owned()
        } else {
            format!("{:.0}", st.threat[q.0][me.0])
        };
        para(
            &format!("you fear {:.0} · fears you {feared}", st.threat[me.0][q.0]),
            theme.text(),
            &mut out,
        );
    }
    out.push(Line::styled("Alliances", theme.title()));
    let mut any = false;
    for (a, fig) in s.alliances.iter().zip(&st.alliances) {
        if !a.involves(q) {
            continue;
        }
        any = true;
        let other = if a.patron == q { a.client } else { a.patron };
        let with = if other == me {
            "you".to_owned()
        } else {
            s.party(other).short.clone()
        };
        for l in wrap_hanging(&format!("{} (with {with})", a.name), w, "• ") {
            out.push(Line::raw(l));
        }
        // The figures of an alliance are known to its members only.
        if a.involves(me) {
            let figures = format!(
                "commitment {:.0} · fear {:.0} · entrapment {:.0}",
                fig.figures[alliance_slot(AllianceFigure::Commitment)],
                fig.figures[alliance_slot(AllianceFigure::AbandonmentFear)],
                fig.figures[alliance_slot(AllianceFigure::EntrapmentRisk)],
            );
            for l in wrap_hanging(&figures, w, "  ") {
                out.push(Line::styled(l, theme.dim()));
            }
        }
    }
    if !any {
        out.push(Line::styled("• none", theme.dim()));
    }
    let forums: Vec<String> = s
        .forums
        .iter()
        .filter(|f| f.members.contains(&q))
        .map(|f| {
            let mark = if q != me && f.members.contains(&me) {
                "•"
            } else {
                ""
            };
            format!("{mark}{}", f.short)
        })
        .collect();
    let head = if q == me {
        "Forums".to_owned()
    } else {
        "Forums (• with you)".to_owned()
    };
    out.push(Line::styled(truncate(&head, w), theme.title()));
    let list = if forums.is_empty() {
        "none".to_owned()
    } else {
        forums.join(" ")
    };
    for l in wrap(&list, w) {
        out.push(Line::raw(l));
    }
    out
}

/// What Enter does on a highlighted party or forum, for the bottom border of its details: how
/// many orders (given or on offer) aim at it.
fn enter_hint(play: &Play, target: Target, name: &str, w: u16) -> Line<'static> {
    let n = play
        .board
        .given
        .iter()
        .chain(play.board.ranked.iter().map(|c| &c.order))
        .filter(|o| o.target == target)
        .count();
    let at = if matches!(target, Target::Forum(_)) {
        "at"
    } else {
        "toward"
    };
    let hint = match n {
        0 => format!("no order {at} {name} on offer"),
        1 => format!("Enter: 1 order {at} {name}"),
        n => format!("Enter: {n} orders {at} {name}"),
    };
    Line::raw(format!(
        " {} ",
        truncate(&hint, usize::from(w.saturating_sub(4)))
    ))
    .right_aligned()
}

fn render_party(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let party = play.scenario.party(play.map_party);
    let mut title = format!("On the map · {}", party.name);
    if width(&title) + 4 > usize::from(area.width) {
        title = format!("On the map · {}", party.short);
    }
    let mut block = main_panel(theme, &title, false);
    if play.map_party != play.seat {
        let hint = enter_hint(
            play,
            Target::Party(play.map_party),
            &party.short,
            area.width,
        );
        block = block.title_bottom(hint.style(theme.dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = party_lines(theme, play, usize::from(inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The order under the highlight in the orders menu, if any.
pub fn highlighted_order(play: &Play) -> Option<sixparty_core::sim::Order> {
    let b = &play.board;
    b.given.get(play.selected).copied().or_else(|| {
        play.selected
            .checked_sub(b.given.len())
            .and_then(|k| b.ranked.get(k))
            .map(|c| c.order)
    })
}

/// What the map links: with the map focused, the seat and the highlighted party; else, for the
/// highlighted order, a forum's members (from its host, else its
/// first member, to each of the others), or the player and the party the order aims at.
fn map_links(play: &Play) -> (Vec<(PartyIx, PartyIx)>, Option<String>) {
    let s = &play.scenario;
    // With the map focused, the highlighted party instead: linked to the seat, named on top.
    if play.focus == Focus::Map {
        let q = play.map_party;
        let links = if q == play.seat {
            Vec::new()
        } else {
            vec![(play.seat, q)]
        };
        return (links, Some(format!(" {} ", s.party(q).short)));
    }
    match highlighted_order(play).map(|o| o.target) {
        Some(Target::Forum(f)) => {
            let forum = &s.forums[f.0];
            let Some(hub) = forum.host.or_else(|| forum.members.first().copied()) else {
                return (Vec::new(), None);
            };
            let links = forum
                .members
                .iter()
                .filter(|m| **m != hub)
                .map(|m| (hub, *m))
                .collect();
            (links, Some(format!(" ·· {} ", forum.short)))
        }
        Some(Target::Party(q)) if q != play.seat => (
            vec![(play.seat, q)],
            Some(format!(" ·· {} ", s.party(q).short)),
        ),
        _ => (Vec::new(), None),
    }
}

/// Dots on a straight line between two cells, ends excluded (Bresenham).
fn line_cells(a: (i32, i32), b: (i32, i32)) -> Vec<(i32, i32)> {
    let (mut x, mut y) = a;
    let dx = (b.0 - a.0).abs();
    let dy = -(b.1 - a.1).abs();
    let sx = if a.0 < b.0 { 1 } else { -1 };
    let sy = if a.1 < b.1 { 1 } else { -1 };
    let mut err = dx + dy;
    let mut out = Vec::new();
    while (x, y) != b {
        if (x, y) != a {
            out.push((x, y));
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
    out
}

fn render_map(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let focused = play.focus == Focus::Map;
    let (links, caption) = map_links(play);
    let mut block = main_panel(theme, "Region", focused).title_bottom(centred_title(
        "+friendly ~wary -cold",
        theme.dim(),
        area.width,
    ));
    // The dotted links show what the highlighted order touches.
    if let Some(caption) = caption {
        block = block.title(Line::styled(caption, theme.dim()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let trust = &play.board.state.trust;
    let me = play.seat;
    let labels = map_labels(&play.scenario, me, trust, inner.width, inner.height);
    let buf = frame.buffer_mut();
    // Links first, so the labels are drawn over their ends.
    let centre = |p: PartyIx| {
        labels.iter().find(|l| l.0 == p).map(|(_, l, x, y)| {
            (
                i32::from(inner.x + x) + width(l) as i32 / 2,
                i32::from(inner.y + y),
            )
        })
    };
    for (a, b) in links {
        if let (Some(pa), Some(pb)) = (centre(a), centre(b)) {
            for (x, y) in line_cells(pa, pb) {
                buf[(x as u16, y as u16)]
                    .set_symbol("·")
                    .set_style(theme.dim());
            }
        }
    }
    for (p, label, x, y) in labels {
        let style = if focused && p == play.map_party {
            theme.selected()
        } else if p == me {
            theme.you()
        } else {
            theme.mood(trust[me.0][p.0])
        };
        buf.set_span(
            inner.x + x,
            inner.y + y,
            &Span::styled(label, style),
            inner.width - x,
        );
    }
}

fn render_relations(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let block = panel(theme, "Relations", false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let st = &play.board.state;
    let me = play.seat.0;
    // Wider panels add how the others feel: their fear of you, then their mood toward you.
    let w = inner.width;
    let head = if w >= 50 {
        format!(
            "{:<5}{:>4} {:<8}{:>5} {:<8}{:>9}{:>9}",
            "", "you→", "", "→you", "", "you fear", "fear you"
        )
    } else if w >= 41 {
        format!(
            "{:<5}{:>4} {:<8}{:>5}{:>9}{:>9}",
            "", "you→", "", "→you", "you fear", "fear you"
        )
    } else {
        format!(
            "{:<5}{:>4} {:<8}{:>5}{:>7}",
            "", "you→", "", "→you", "threat"
        )
    };
    let mut lines = vec![Line::styled(head, theme.dim())];
    for (i, p) in play.scenario.parties.iter().enumerate() {
        if i == me {
            continue;
        }
        let mine = st.trust[me][i];
        let theirs = st.trust[i][me];
        let threat = st.threat[me][i];
        let feared = st.threat[i][me];
        // Hot-seat: how another party regards you shows as a mood only, its fear not at all.
        let theirs_text = if play.board.fog {
            format!("{:>5}", mood_mark(theirs))
        } else {
            format!("{theirs:>+5.0}")
        };
        let mut spans = vec![
            Span::raw(pad(&p.short, 5)),
            Span::styled(
                format!("{mine:>+4.0} {:<8}", text::mood(mine)),
                theme.mood(mine),
            ),
            Span::styled(theirs_text, theme.mood(theirs)),
        ];
        if w >= 50 {
            spans.push(Span::styled(
                format!(" {:<8}", text::mood(theirs)),
                theme.mood(theirs),
            ));
        }
        if w >= 41 {
            spans.push(Span::styled(format!("{threat:>9.0}"), theme.threat(threat)));
            if play.board.fog {
                spans.push(Span::styled(format!("{:>9}", "?"), theme.dim()));
            } else {
                spans.push(Span::styled(format!("{feared:>9.0}"), theme.threat(feared)));
            }
        } else {
            spans.push(Span::styled(format!("{threat:>7.0}"), theme.threat(threat)));
        }
        lines.push(Line::from(spans));
    }
    // Tall panels add the seat's alliances: the other half of the core tension.
    let room = usize::from(inner.height).saturating_sub(lines.len() + 1);
    let alliances: Vec<_> = play
        .scenario
        .alliances
        .iter()
        .zip(&st.alliances)
        .filter(|(a, _)| a.involves(play.seat))
        .collect();
    if room >= 2 && !alliances.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            truncate(
                "Alliances: commitment · fear · entrapment",
                usize::from(inner.width),
            ),
            theme.dim(),
        ));
        for (a, fig) in alliances.into_iter().take(room - 1) {
            let figures = format!(
                " {:>3.0} · {:>3.0} · {:>3.0}",
                fig.figures[alliance_slot(AllianceFigure::Commitment)],
                fig.figures[alliance_slot(AllianceFigure::AbandonmentFear)],
                fig.figures[alliance_slot(AllianceFigure::EntrapmentRisk)],
            );
            let name_w = usize::from(inner.width).saturating_sub(width(&figures));
            lines.push(Line::raw(format!("{}{figures}", pad(&a.name, name_w))));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every party's trust in every other: a row's trust in a column, as a coloured cell with the
/// mood's symbol (and the number, when there is room), so it reads without colours too.
fn render_heat_map(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let block = panel(theme, "Trust · row in column", false).title_bottom(centred_title(
        " ++ + ~ - -- ",
        theme.dim(),
        area.width,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let s = &play.scenario;
    let trust = &play.board.state.trust;
    let n = s.parties.len();
    let label_w = 5usize;
    let room = usize::from(inner.width).saturating_sub(label_w);
    // Cells: "+58++ " with numbers, "++ " with symbols only.
    let cell = if n * 7 <= room { 7 } else { 4 };
    let mut lines = vec![Line::from(
        std::iter::once(Span::raw(" ".repeat(label_w)))
            .chain(s.parties.iter().enumerate().map(|(j, p)| {
                let style = if PartyIx(j) == play.seat {
                    theme.you()
                } else {
                    theme.dim()
                };
                Span::styled(pad(&truncate(&p.short, cell - 1), cell), style)
            }))
            .collect::<Vec<_>>(),
    )];
    for (i, p) in s.parties.iter().enumerate() {
        let head = if PartyIx(i) == play.seat {
            theme.you()
        } else {
            theme.text()
        };
        let mut spans = vec![Span::styled(
            pad(&truncate(&p.short, label_w - 1), label_w),
            head,
        )];
        for (j, &t) in trust[i].iter().enumerate().take(n) {
            if i == j {
                spans.push(Span::styled(pad(" ·", cell), theme.dim()));
                continue;
            }
            // Hot-seat: the seat knows its own trust; of the others' only their mood toward
            // it; nothing of the trust between third parties.
            let me = play.seat.0;
            if play.board.fog && i != me {
                let text = if j == me {
                    format!("{:>4}{:<2}", "", mood_mark(t))
                } else {
                    format!("{:>4}", "?")
                };
                let text = if cell >= 7 {
                    text
                } else {
                    text.trim().to_owned()
                };
                let style = if j == me { theme.heat(t) } else { theme.dim() };
                spans.push(Span::styled(pad(&text, cell - 1), style));
                spans.push(Span::raw(" "));
                continue;
            }
            let text = if cell >= 7 {
                format!("{t:>+4.0}{:<2}", mood_mark(t))
            } else {
                format!("{:<2}", mood_mark(t))
            };
            spans.push(Span::styled(pad(&text, cell - 1), theme.heat(t)));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A forum's line in the forums panel: its index, column, row and width.
type ForumCell = (usize, u16, u16, u16);

/// Where each forum's line goes in a forums panel of this inner area: its index, the cell
/// (x, y, width), and whether its members get the line under it. Wide panels put each forum's
/// members beside it; tall ones under it; small ones fill columns. Forums that do not fit are
/// left out.
fn forum_cells(n: usize, inner: Rect) -> (Vec<ForumCell>, bool, bool) {
    let beside = inner.width >= 40;
    let under = !beside && usize::from(inner.height) >= 2 * n;
    let cell = if beside || under { inner.width } else { 21u16 };
    let columns = usize::from((inner.width / cell.max(1)).max(1));
    let rows = usize::from(inner.height).max(1);
    let mut out = Vec::new();
    for i in 0..n {
        let (col, row) = if under {
            (0, 2 * i)
        } else {
            (i / rows, i % rows)
        };
        if col >= columns || row >= usize::from(inner.height) {
            break;
        }
        let x = inner.x + col as u16 * cell;
        out.push((
            i,
            x,
            inner.y + row as u16,
            cell.min(inner.right().saturating_sub(x)),
        ));
    }
    (out, beside, under)
}

fn render_forums(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let focused = play.focus == Focus::Forums;
    let block = main_panel(theme, "Forums · habit", focused).title_bottom(centred_title(
        " • you sit at the table ",
        theme.dim(),
        area.width,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let s = &play.scenario;
    let (cells, beside, under) = forum_cells(s.forums.len(), inner);
    let buf = frame.buffer_mut();
    let members_of = |f: &sixparty_core::scenario::Forum| {
        f.members
            .iter()
            .map(|m| s.party(*m).short.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (i, x, y, cell_w) in cells {
        let (f, fs) = (&s.forums[i], &play.board.state.forums[i]);
        if under {
            let text = truncate(&members_of(f), usize::from(inner.width).saturating_sub(7));
            buf.set_line(
                inner.x,
                y + 1,
                &Line::styled(format!("       {text}"), theme.dim()),
                inner.width,
            );
        }
        let mark = if f.members.contains(&play.seat) {
            "•"
        } else {
            " "
        };
        let highlighted = focused && i == play.forum;
        let status_style = match fs.status {
            _ if highlighted => theme.selected(),
            ForumStatus::Active => theme.mood(50.0),
            ForumStatus::Suspended => theme.mood(0.0),
            ForumStatus::Collapsed => theme.mood(-50.0),
            ForumStatus::Proposed => theme.dim(),
        };
        let mut spans = vec![
            Span::raw(format!("{mark}{} ", pad(&f.short, 5))),
            Span::styled(
                format!("{:<10}", text::status_word(fs.status)),
                status_style,
            ),
            Span::raw(format!("{:>3.0}", fs.habit)),
        ];
        if beside {
            let room = usize::from(inner.width).saturating_sub(23);
            spans.push(Span::styled(
                format!("  {}", truncate(&members_of(f), room)),
                theme.dim(),
            ));
        }
        let mut line = Line::from(spans);
        if highlighted {
            line = line.style(theme.selected());
        }
        buf.set_line(x, y, &line, cell_w);
    }
}

/// The panel beside the orders while the forums have the focus: the highlighted forum's
/// status, members, host, red lines, agenda and description (what Enter does is on the
/// border).
fn forum_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let Some((f, fs)) = s
        .forums
        .get(play.forum)
        .zip(play.board.state.forums.get(play.forum))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let para = |text: &str, style, out: &mut Vec<Line<'static>>| {
        for l in wrap_hanging(text, w, "") {
            out.push(Line::styled(l, style));
        }
    };
    para(
        &format!("{} ({})", f.name, f.short),
        theme.title(),
        &mut out,
    );
    para(
        &format!("{} · habit {:.0}", text::status_word(fs.status), fs.habit),
        theme.text(),
        &mut out,
    );
    let members: Vec<String> = f
        .members
        .iter()
        .map(|m| {
            if *m == play.seat {
                format!("[{}]", s.party(*m).short)
            } else {
                s.party(*m).short.clone()
            }
        })
        .collect();
    para(
        &format!("Members: {}", members.join(" ")),
        theme.text(),
        &mut out,
    );
    for l in text::forum_facts(s, f) {
        para(&l, theme.text(), &mut out);
    }
    // The description last: long, and the figures above matter more on a small screen.
    if !f.description.is_empty() {
        para(&f.description, theme.dim(), &mut out);
    }
    out
}

fn render_forum(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let name = play
        .scenario
        .forums
        .get(play.forum)
        .map_or("", |f| f.name.as_str());
    let mut title = format!("Forum · {name}");
    if width(&title) + 4 > usize::from(area.width) {
        title = truncate(&title, usize::from(area.width).saturating_sub(4));
    }
    let mut block = main_panel(theme, &title, false);
    if let Some(f) = play.scenario.forums.get(play.forum) {
        let target = Target::Forum(sixparty_core::scenario::ForumIx(play.forum));
        block =
            block.title_bottom(enter_hint(play, target, &f.short, area.width).style(theme.dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = forum_lines(theme, play, usize::from(inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A sparkline of the values, the last `cells` of them, scaled to their own range.
pub fn sparkline(values: &[f32], cells: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let shown = &values[values.len().saturating_sub(cells)..];
    let lo = shown.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = shown.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    shown
        .iter()
        .map(|v| {
            if hi - lo < 0.5 {
                BARS[3]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
        })
        .collect()
}

fn render_figures(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    let block = panel(theme, "Your figures", false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let figs = [
        Figure::Security,
        Figure::Prestige,
        Figure::Approval,
        Figure::Capital,
        Figure::Power,
    ];
    let cells = Layout::horizontal([Constraint::Ratio(1, 5); 5]).split(inner);
    for (fig, cell) in figs.iter().zip(cells.iter()) {
        let values: Vec<f32> = play
            .board
            .figures
            .iter()
            .map(|f| f[figure_slot(*fig)])
            .collect();
        let now = values.last().copied().unwrap_or(0.0);
        let lines = vec![
            Line::from(vec![
                Span::styled(format!("{} ", figure_name(*fig)), theme.dim()),
                Span::raw(if *fig == Figure::Capital {
                    amount(now)
                } else {
                    format!("{now:.0}")
                }),
            ]),
            Line::raw(sparkline(
                &values,
                usize::from(cell.width.saturating_sub(2)),
            )),
        ];
        frame.render_widget(Paragraph::new(lines), *cell);
    }
}

/// The first row to show so that the rows of item `selected` are in sight in `h` lines.
fn window<T>(rows: &[(Option<usize>, T)], selected: usize, h: usize) -> usize {
    let last = rows
        .iter()
        .rposition(|(i, _)| *i == Some(selected))
        .unwrap_or(0);
    let first = rows
        .iter()
        .position(|(i, _)| *i == Some(selected))
        .unwrap_or(0);
    (last + 1).saturating_sub(h).min(first)
}

/// The item drawn at screen cell (x, y) of a list drawn in `inner` from row `offset`.
fn item_at<T>(
    rows: &[(Option<usize>, T)],
    offset: usize,
    inner: Rect,
    x: u16,
    y: u16,
) -> Option<usize> {
    if !inner.contains(ratatui::layout::Position { x, y }) {
        return None;
    }
    rows.get(offset + usize::from(y - inner.y))
        .and_then(|(i, _)| *i)
}

/// What a mouse click at a screen cell lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An entry of a list: a scenario, a seat, a decision's option, an order of the menu.
    Item(usize),
    /// The orders panel, outside any order.
    Orders,
    /// The news panel.
    News,
    /// The map, outside any party's label.
    Map,
    /// A party's label on the map (its index in the scenario).
    Party(usize),
    /// The forums panel, outside any forum's line.
    Forums,
    /// A forum's line in the forums panel (its index in the scenario).
    Forum(usize),
}

/// What the cell (x, y) shows that a click can act on, on the current screen.
pub fn hit_test(app: &App, x: u16, y: u16) -> Option<Hit> {
    let (w, h) = app.size();
    let area = Rect::new(0, 0, w, h);
    if w < MIN_WIDTH || h < MIN_HEIGHT || app.overlay().is_some() {
        return None;
    }
    match app.screen() {
        Screen::ChooseScenario { selected, .. } => {
            let (_, list, _, _) = setup_areas(area, 34);
            let inner = Block::bordered().inner(list);
            let rows = scenario_rows(app, *selected, usize::from(inner.width));
            let offset = window(&rows, *selected, usize::from(inner.height));
            item_at(&rows, offset, inner, x, y).map(Hit::Item)
        }
        Screen::ChooseParty {
            scenario,
            choices,
            selected,
            marked,
            ..
        } => {
            let (_, list, _, _) = setup_areas(area, 34);
            let inner = Block::bordered().inner(list);
            let rows = seat_rows(
                app.theme(),
                scenario,
                choices,
                *selected,
                marked,
                usize::from(inner.width),
            );
            let offset = window(&rows, *selected, usize::from(inner.height));
            item_at(&rows, offset, inner, x, y).map(Hit::Item)
        }
        Screen::Decide(d) => {
            let play = app.play()?;
            let w = usize::from(area.width.saturating_sub(4));
            let (text_lines, options) = decision_parts(app.theme(), play, d, w);
            let (_, opt_area) = decision_areas(area, text_lines.len(), options.len());
            item_at(&options, 0, opt_area, x, y).map(Hit::Item)
        }
        Screen::Orders => {
            let play = app.play()?;
            let l = main_layout(area);
            let at = ratatui::layout::Position { x, y };
            if l.news.contains(at) {
                return Some(Hit::News);
            }
            if l.forums.contains(at) {
                let inner = Block::bordered().inner(l.forums);
                let (cells, _, _) = forum_cells(play.scenario.forums.len(), inner);
                let on = cells
                    .iter()
                    .find(|&&(_, cx, cy, cw)| y == cy && (cx..cx + cw).contains(&x));
                return Some(on.map_or(Hit::Forums, |&(i, ..)| Hit::Forum(i)));
            }
            if l.map.contains(at) {
                let inner = Block::bordered().inner(l.map);
                let labels = map_labels(
                    &play.scenario,
                    play.seat,
                    &play.board.state.trust,
                    inner.width,
                    inner.height,
                );
                let on = labels.iter().find(|(_, label, lx, ly)| {
                    y == inner.y + ly
                        && (inner.x + lx..inner.x + lx + width(label) as u16).contains(&x)
                });
                return Some(on.map_or(Hit::Map, |(p, ..)| Hit::Party(p.0)));
            }
            if !l.orders.contains(at) {
                return None;
            }
            let inner = Block::bordered().inner(l.orders);
            let rows = order_rows(app, play, usize::from(inner.width));
            let offset = window(&rows, play.selected, usize::from(inner.height));
            Some(item_at(&rows, offset, inner, x, y).map_or(Hit::Orders, Hit::Item))
        }
        Screen::Handover { .. } | Screen::Summary { .. } | Screen::Debrief { .. } => None,
    }
}

/// The rows of the orders menu: each with the menu index it belongs to.
fn order_rows(app: &App, play: &Play, w: usize) -> Vec<(Option<usize>, Line<'static>)> {
    let theme = app.theme();
    let s = &play.scenario;
    let b = &play.board;
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    let wide = w + 2 >= usize::from(WIDE_ORDERS);
    for (i, o) in b.given.iter().enumerate() {
        let selected = play.selected == i;
        let cost = format!("{} cap", amount(s.actions[o.action.0].cost));
        let left = truncate(
            &format!("✓ {}", text::order_label(s, o)),
            w.saturating_sub(width(&cost) + 1),
        );
        let gap = w.saturating_sub(width(&left) + width(&cost));
        let style = if selected {
            theme.selected()
        } else {
            theme.notice()
        };
        rows.push((
            Some(i),
            Line::styled(format!("{left}{}{cost}", " ".repeat(gap)), style),
        ));
        // What the action does, in the catalogue's words: in full for the highlighted one.
        let description = &s.actions[o.action.0].description;
        if selected {
            let text = format!("{description} (Enter or x withdraws it)");
            for l in wrap_hanging(&text, w, "  ") {
                rows.push((Some(i), Line::styled(l, theme.dim())));
            }
        } else if !description.is_empty() {
            let l = truncate(description, w.saturating_sub(2));
            rows.push((Some(i), Line::styled(format!("  {l}"), theme.dim())));
        }
    }
    let max = s.rules.max_orders as usize;
    if b.ranked.is_empty() {
        let why = if b.given.len() >= max {
            format!("All {max} orders of the turn are given. e ends the turn.")
        } else {
            "Nothing more you can afford this turn. e ends the turn.".to_owned()
        };
        if !rows.is_empty() {
            rows.push((None, Line::raw("")));
        }
        for l in wrap(&why, w) {
            rows.push((None, Line::styled(l, theme.dim())));
        }
        return rows;
    }
    if !rows.is_empty() {
        rows.push((
            None,
            Line::styled(
                format!("── on offer {}", "─".repeat(w.saturating_sub(12))),
                theme.dim(),
            ),
        ));
    }
    let pick = b.advisor_pick();
    let longest_label = b
        .ranked
        .iter()
        .map(|c| width(&text::order_label(s, &c.order)) + 1)
        .max()
        .unwrap_or(0);
    for (k, c) in b.ranked.iter().enumerate() {
        let i = b.given.len() + k;
        let action = &s.actions[c.order.action.0];
        let selected = play.selected == i;
        let star = if pick == Some(c.order) { "★ " } else { "  " };
        let label = text::order_label(s, &c.order);
        let right = format!(
            "{} cap · {}",
            amount(action.cost),
            text::stance_word(action.stance)
        );
        let base = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let star_style = if selected {
            theme.selected()
        } else {
            theme.advisor()
        };
        let stance_style = if selected {
            theme.selected()
        } else {
            theme.stance(action.stance)
        };
        if wide {
            // The label column is as wide as the longest label (up to half the panel), so
            // the expected effect gets the rest; the highlighted order's effect wraps in full.
            let label_w = longest_label.min((w / 2).saturating_sub(2)).max(20);
            let right_w = 24;
            let reason_w = w.saturating_sub(2 + label_w + right_w);
            let reason_rows = if selected {
                wrap_hanging(&c.reason, reason_w, "")
            } else {
                vec![truncate(&c.reason, reason_w)]
            };
            let reason_style = if selected {
                theme.selected()
            } else {
                theme.dim()
            };
            for (k, r) in reason_rows.into_iter().enumerate() {
                let spans = if k == 0 {
                    vec![
                        Span::styled(star, star_style),
                        Span::styled(pad(&label, label_w), base),
                        Span::styled(pad(&format!("  {right}"), right_w), stance_style),
                        Span::styled(pad(&r, reason_w), reason_style),
                    ]
                } else {
                    vec![
                        Span::raw(" ".repeat(2 + label_w + right_w)),
                        Span::styled(pad(&r, reason_w), theme.advisor_reason()),
                    ]
                };
                rows.push((Some(i), Line::from(spans)));
            }
            continue;
        }
        // Two rows: the order and its cost; then its stance and what it should do.
        let cost = format!("{} cap", amount(action.cost));
        let left = truncate(&label, w.saturating_sub(2 + width(&cost) + 1));
        let gap = w.saturating_sub(2 + width(&left) + width(&cost));
        rows.push((
            Some(i),
            Line::from(vec![
                Span::styled(star, star_style),
                Span::styled(format!("{left}{}{cost}", " ".repeat(gap)), base),
            ]),
        ));
        let stance = text::stance_word(action.stance);
        let first = format!("  {stance} · ");
        let reason_style = if selected {
            theme.advisor_reason()
        } else {
            theme.dim()
        };
        let reason_rows = if selected {
            wrap_hanging(&c.reason, w.saturating_sub(width(&first)), "")
        } else {
            vec![truncate(&c.reason, w.saturating_sub(width(&first)))]
        };
        for (k, r) in reason_rows.into_iter().enumerate() {
            let lead = if k == 0 {
                Span::styled(first.clone(), theme.stance(action.stance))
            } else {
                Span::raw(" ".repeat(width(&first)))
            };
            rows.push((
                Some(i),
                Line::from(vec![lead, Span::styled(r, reason_style)]),
            ));
        }
    }
    rows
}

fn render_orders(frame: &mut Frame<'_>, app: &App, play: &Play, area: Rect) {
    let theme = app.theme();
    let focused = play.focus == Focus::Orders;
    let mut block = main_panel(theme, "Orders · ★ advisor's pick", focused);
    let inner = block.inner(area);
    let rows = order_rows(app, play, usize::from(inner.width));
    let h = usize::from(inner.height);
    let offset = window(&rows, play.selected, h);
    if offset > 0 {
        block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
    }
    let more_below = rows.len() > offset + h;
    if more_below {
        block = block.title_bottom(Line::styled(" ↓ more ", theme.dim()).right_aligned());
    }
    if let Some(status) = app.status() {
        let style = if status.error {
            theme.error()
        } else {
            theme.notice()
        };
        let room = usize::from(area.width.saturating_sub(if more_below { 13 } else { 4 }));
        block = block.title_bottom(Span::styled(
            format!(" {} ", truncate(&status.text, room)),
            style,
        ));
    }
    frame.render_widget(block, area);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(offset)
        .take(h)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The news feed's lines at this inner width.
fn news_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let b = &play.board;
    let mut out = Vec::new();
    let section = |heading: String, items: &[String], out: &mut Vec<Line<'static>>| {
        out.push(Line::styled(truncate(&heading, w), theme.title()));
        for n in items {
            for l in wrap_hanging(n, w, "• ") {
                out.push(Line::raw(l));
            }
        }
    };
    // The regional tracks first: the figures every party plays for.
    let before = play.session.game.history().last();
    section(
        String::from("The region"),
        &sixparty_core::text::track_lines(s, &b.state, before.filter(|h| h.turn < b.state.turn)),
        &mut out,
    );
    if let Some(t) = b.last_turn
        && !b.last_news.is_empty()
    {
        section(
            format!("Last month · {}", s.date_label(t)),
            &b.last_news,
            &mut out,
        );
    }
    if b.turn > 0 {
        if b.news_now.is_empty() {
            section(
                format!("This month · {}", s.date_label(b.turn)),
                &["A quiet month so far.".to_owned()],
                &mut out,
            );
        } else {
            section(
                format!("This month · {}", s.date_label(b.turn)),
                &b.news_now,
                &mut out,
            );
        }
    }
    out
}

/// How far the news can scroll on a terminal of this size.
pub fn news_scroll_max(play: &Play, area: Rect) -> usize {
    let news = main_layout(area).news;
    let inner = Block::bordered().inner(news);
    let n = news_lines(Theme::plain(), play, usize::from(inner.width)).len();
    n.saturating_sub(usize::from(inner.height))
}

fn render_news(frame: &mut Frame<'_>, theme: Theme, play: &Play, area: Rect) {
    match play.focus {
        Focus::Map => return render_party(frame, theme, play, area),
        Focus::Forums => return render_forum(frame, theme, play, area),
        Focus::Orders | Focus::News => {}
    }
    let focused = play.focus == Focus::News;
    let mut block = main_panel(theme, "News", focused);
    let inner = block.inner(area);
    let lines = news_lines(theme, play, usize::from(inner.width));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = play.news_scroll.min(max);
    if scroll > 0 {
        block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
    }
    if scroll < max {
        let hint = if focused {
            " ↓ more "
        } else {
            " ↓ more: Tab "
        };
        block = block.title_bottom(Line::styled(hint, theme.dim()).right_aligned());
    }
    frame.render_widget(block, area);
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The key line: each key and what it does, as many as fit.
fn render_keys(frame: &mut Frame<'_>, theme: Theme, keys: &[(&str, &str)], area: Rect) {
    let w = usize::from(area.width);
    let body = |sep: usize| {
        keys.iter()
            .map(|(k, d)| width(k) + 1 + width(d))
            .sum::<usize>()
            + sep * keys.len().saturating_sub(1)
    };
    let sep = if body(2) <= w { 2 } else { 1 };
    let lead = usize::from(body(sep) < w);
    let mut spans = vec![Span::raw(" ".repeat(lead))];
    let mut used = lead;
    for (i, (k, d)) in keys.iter().enumerate() {
        let gap = if i == 0 { 0 } else { sep };
        let need = gap + width(k) + 1 + width(d);
        if used + need > w {
            break;
        }
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled((*k).to_owned(), theme.key()));
        spans.push(Span::styled(format!(" {d}"), theme.dim()));
        used += need;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

// ------------------------------------------------------------------------------------ decisions

/// The decision box's parts: the event's text (scrolls) and the options with the advice, each
/// row with the option it belongs to.
type Tagged = Vec<(Option<usize>, Line<'static>)>;

fn decision_parts(
    theme: Theme,
    play: &Play,
    d: &Decision,
    w: usize,
) -> (Vec<Line<'static>>, Tagged) {
    let e = &play.scenario.events[d.pending.event.0];
    let mut text_lines: Vec<Line> = wrap(&e.text, w).into_iter().map(Line::raw).collect();
    if !e.teaching.trim().is_empty() {
        text_lines.push(Line::raw(""));
        for l in wrap_hanging(&e.teaching, w, "Note: ") {
            text_lines.push(Line::styled(l, theme.dim()));
        }
    }
    let mut options = vec![(None, Line::styled("What do you do?", theme.title()))];
    for (i, o) in e.options.iter().enumerate() {
        let advised = i == d.advice.option;
        let first = format!("{}{}. ", if d.selected == i { "▶ " } else { "  " }, i + 1);
        let tag = if advised { "  ★ advisor" } else { "" };
        let rows = wrap_hanging(&format!("{}{tag}", o.label), w, &first);
        for l in rows {
            let style = if d.selected == i {
                theme.selected()
            } else if advised {
                theme.advisor()
            } else {
                theme.text()
            };
            options.push((Some(i), Line::styled(pad(&l, w), style)));
        }
    }
    options.push((None, Line::raw("")));
    let advice = format!(
        "option {}, because it {}.",
        d.advice.option + 1,
        d.advice.reason
    );
    for l in wrap_hanging(&advice, w, "★ Advisor: ") {
        options.push((None, Line::styled(l, theme.advisor_reason())));
    }
    (text_lines, options)
}

/// The inner area of the decision box and how the options split it.
fn decision_areas(area: Rect, text: usize, options: usize) -> (Rect, Rect) {
    let [_, body, _] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let inner = Block::bordered()
        .inner(body)
        .inner(ratatui::layout::Margin::new(1, 0));
    let opts = (options as u16).min(inner.height.saturating_sub(3));
    // The options follow the text; only a text too long for the box scrolls.
    let room = inner.height.saturating_sub(opts + 1);
    let text = (text as u16).min(room);
    let [text_area, _, opt_area, _] = Layout::vertical([
        Constraint::Length(text),
        Constraint::Length(1),
        Constraint::Length(opts),
        Constraint::Min(0),
    ])
    .areas(inner);
    (text_area, opt_area)
}

/// How far a decision's text can scroll on a terminal of this size.
pub fn decision_scroll_max(play: &Play, d: &Decision, area: Rect) -> usize {
    let w = usize::from(Block::bordered().inner(area).width.saturating_sub(2));
    let (text_lines, options) = decision_parts(Theme::plain(), play, d, w);
    let (text_area, _) = decision_areas(area, text_lines.len(), options.len());
    text_lines
        .len()
        .saturating_sub(usize::from(text_area.height))
}

fn render_decision(frame: &mut Frame<'_>, app: &App, play: &Play, d: &Decision) {
    let theme = app.theme();
    let area = frame.area();
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(frame, theme, play, header, true);
    let e = &play.scenario.events[d.pending.event.0];
    let w = usize::from(body.width.saturating_sub(4));
    let (text_lines, options) = decision_parts(theme, play, d, w);
    let (text_area, opt_area) = decision_areas(area, text_lines.len(), options.len());
    let title = format!("Decision · {}", e.title);
    let mut block = panel(theme, &title, true);
    if d.waiting > 1 {
        block = block
            .title(Line::styled(format!(" {} waiting ", d.waiting), theme.dim()).right_aligned());
    }
    let max = text_lines
        .len()
        .saturating_sub(usize::from(text_area.height));
    let scroll = d.scroll.min(max);
    if scroll < max {
        block = block.title_bottom(Line::styled(" ↓ more: PgDn ", theme.dim()).right_aligned());
    }
    if let Some(status) = app.status().filter(|s| s.error) {
        block = block.title_bottom(Span::styled(format!(" {} ", status.text), theme.error()));
    }
    frame.render_widget(block, body);
    let shown: Vec<Line> = text_lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), text_area);
    let options: Vec<Line> = options.into_iter().map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(options), opt_area);
    render_keys(
        frame,
        theme,
        &[
            ("↑↓", "choose"),
            ("Enter", "decide"),
            ("a", "advisor's pick"),
            ("PgUp/PgDn", "scroll"),
            ("?", "help"),
            ("q", "quit"),
        ],
        keys,
    );
}

// ------------------------------------------------------------------------------------ setup

fn render_title_line(frame: &mut Frame<'_>, theme: Theme, heading: &str, sub: &str, area: Rect) {
    let w = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                truncate(&format!(" Six Parties · {heading}"), w),
                theme.title(),
            ),
            Line::styled(truncate(&format!(" {sub}"), w), theme.dim()),
        ]),
        area,
    );
}

fn setup_areas(area: Rect, list_w: u16) -> (Rect, Rect, Rect, Rect) {
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(body);
    (header, list, detail, keys)
}

/// "↑ more" and "↓ more" on a list's border when it is scrolled or longer than its box.
fn with_more(block: Block<'_>, theme: Theme, offset: usize, rows: usize, h: u16) -> Block<'_> {
    let mut block = block;
    if offset > 0 {
        block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
    }
    if rows > offset + usize::from(h) {
        block = block.title_bottom(Line::styled(" ↓ more ", theme.dim()).right_aligned());
    }
    block
}

/// The scenario list's rows, each with the entry it belongs to.
fn scenario_rows(app: &App, selected: usize, w: usize) -> Vec<(Option<usize>, Line<'static>)> {
    let theme = app.theme();
    let mut rows = Vec::new();
    for (i, (entry, _)) in app.entries().enumerate() {
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        let mark = if i == selected { "▶ " } else { "  " };
        for l in wrap_hanging(&entry.title, w, mark) {
            rows.push((Some(i), Line::styled(pad(&l, w), style)));
        }
        rows.push((
            Some(i),
            Line::styled(
                format!("  {}", truncate(&entry.id, w.saturating_sub(2))),
                theme.dim(),
            ),
        ));
    }
    if rows.is_empty() {
        rows.push((None, Line::styled("No scenario found.", theme.error())));
    }
    rows
}

fn render_choose_scenario(frame: &mut Frame<'_>, app: &App, selected: usize, error: Option<&str>) {
    let theme = app.theme();
    let (header, list, detail, keys) = setup_areas(frame.area(), 34);
    render_title_line(
        frame,
        theme,
        "choose a scenario",
        "A game of Northeast Asian diplomacy, after an interview with Sheila A. Smith (CFR, 2010)",
        header,
    );
    let block = panel(theme, "Scenarios", true);
    let inner = block.inner(list);
    let rows = scenario_rows(app, selected, usize::from(inner.width));
    let offset = window(&rows, selected, usize::from(inner.height));
    let block = with_more(block, theme, offset, rows.len(), inner.height);
    frame.render_widget(block, list);
    let summary = app.entries().nth(selected).map_or("", |(_, sum)| sum);
    let rows: Vec<Line> = rows.into_iter().skip(offset).map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(rows), inner);
    let block = panel(theme, "About", false);
    let inner = block.inner(detail);
    frame.render_widget(block, detail);
    let w = usize::from(inner.width);
    // An error comes first, so a long briefing never pushes it out of sight.
    let mut lines: Vec<Line> = Vec::new();
    if let Some(e) = error {
        lines.push(Line::styled("This scenario does not load:", theme.error()));
        lines.extend(
            wrap(e, w)
                .into_iter()
                .map(|l| Line::styled(l, theme.error())),
        );
        lines.push(Line::raw(""));
    }
    lines.extend(wrap(summary, w).into_iter().map(Line::raw));
    frame.render_widget(Paragraph::new(lines), inner);
    render_keys(
        frame,
        theme,
        &[
            ("↑↓", "move"),
            ("Enter", "load"),
            ("?", "help"),
            ("q", "quit"),
        ],
        keys,
    );
}

/// The seat list's rows, each with the choice it belongs to.
fn seat_rows(
    theme: Theme,
    scenario: &Scenario,
    choices: &[PartyIx],
    selected: usize,
    marked: &[PartyIx],
    w: usize,
) -> Vec<(Option<usize>, Line<'static>)> {
    let mut rows = Vec::new();
    for (i, p) in choices.iter().enumerate() {
        let party = scenario.party(*p);
        let pointer = if i == selected { "▶" } else { " " };
        let mark = if marked.contains(p) {
            format!("{pointer}[x] ")
        } else {
            format!("{pointer}[ ] ")
        };
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        let with_short = format!("{} ({})", party.name, party.short);
        let name = if width(&with_short) + 5 <= w {
            &with_short
        } else {
            &party.name
        };
        for l in wrap_hanging(name, w, &mark) {
            rows.push((Some(i), Line::styled(pad(&l, w), style)));
        }
    }
    if !marked.is_empty() {
        rows.push((None, Line::raw("")));
        for l in wrap(
            &format!("Hot-seat: {} seats marked; Enter starts.", marked.len()),
            w,
        ) {
            rows.push((None, Line::styled(l, theme.notice())));
        }
    }
    rows
}

fn render_choose_party(
    frame: &mut Frame<'_>,
    app: &App,
    scenario: &Scenario,
    choices: &[PartyIx],
    (selected, scroll): (usize, usize),
    marked: &[PartyIx],
) {
    let theme = app.theme();
    let (header, list, detail, keys) = setup_areas(frame.area(), 34);
    render_title_line(frame, theme, "choose your seat", &scenario.title, header);
    let block = panel(theme, "Seats", true);
    let inner = block.inner(list);
    let rows = seat_rows(
        theme,
        scenario,
        choices,
        selected,
        marked,
        usize::from(inner.width),
    );
    let offset = window(&rows, selected, usize::from(inner.height));
    let block = with_more(block, theme, offset, rows.len(), inner.height);
    frame.render_widget(block, list);
    let rows: Vec<Line> = rows.into_iter().skip(offset).map(|(_, l)| l).collect();
    frame.render_widget(Paragraph::new(rows), inner);
    let Some(&p) = choices.get(selected) else {
        return;
    };
    let party = scenario.party(p);
    let mut title = format!("Briefing · {}", party.name);
    if width(&title) + 4 > usize::from(detail.width) {
        title = format!("Briefing · {}", party.short);
    }
    let mut block = panel(theme, &title, false);
    let inner = block.inner(detail);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = wrap(&party.briefing, w)
        .into_iter()
        .map(Line::raw)
        .collect();
    if !party.objectives.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Your objectives", theme.title()));
        for o in &party.objectives {
            lines.extend(wrap_hanging(&o.text, w, "• ").into_iter().map(Line::raw));
        }
    }
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = scroll.min(max);
    if scroll > 0 {
        block = block.title(Line::styled(" ↑ PgUp ", theme.dim()).right_aligned());
    }
    if scroll < max {
        block = block.title_bottom(Line::styled(" ↓ more: PgDn ", theme.dim()).right_aligned());
    }
    frame.render_widget(block, detail);
    let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner);
    render_keys(
        frame,
        theme,
        &[
            ("↑↓", "move"),
            ("Enter", "play"),
            ("Space", "mark for hot-seat"),
            ("Esc", "back"),
            ("?", "help"),
            ("q", "quit"),
        ],
        keys,
    );
}

fn render_handover(frame: &mut Frame<'_>, theme: Theme, play: &Play, party: PartyIx) {
    let area = frame.area();
    let name = text::party_name(&play.scenario, party);
    let heading = text::turn_heading(&play.scenario, play.session.game.turn().max(1));
    // Nothing of the previous seat is drawn: the whole screen is this box.
    let lines = vec![
        Line::styled(heading, theme.dim()),
        Line::raw(""),
        Line::styled(format!("Hand over to {name}"), theme.title()),
        Line::raw(""),
        Line::raw(format!("Pass the laptop to the player of {name}.")),
        Line::raw("Everyone else looks away."),
        Line::raw(""),
        Line::raw(format!("{name}: press Enter when ready.")),
    ];
    let box_area = centered(area, 64, 12);
    let block = panel(theme, "Hot-seat", true);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        inner,
    );
    let [_, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    render_keys(
        frame,
        theme,
        &[("Enter", "ready"), ("?", "help"), ("q", "quit")],
        keys,
    );
}

// ------------------------------------------------------------------------------------ debrief

/// The debrief's rows at this inner width: long lines wrap under their own indent, two
/// cells further in.
fn debrief_rows(lines: &[String], w: usize) -> Vec<(bool, String)> {
    lines
        .iter()
        .flat_map(|l| {
            if l.trim().is_empty() {
                return vec![(false, String::new())];
            }
            let indent = l.len() - l.trim_start_matches(' ').len();
            // Section heads are the unindented lines ending in a colon, and the first line.
            let heading = indent == 0 && (l.ends_with(':') || l.starts_with("DEBRIEF"));
            // A line that fits keeps its own spacing: the debrief aligns columns with it.
            if width(l) <= w {
                return vec![(heading, l.clone())];
            }
            let first = " ".repeat(indent);
            let rest = " ".repeat(indent + 2);
            wrap(l.trim_start(), w.saturating_sub(indent + 2).max(1))
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        heading,
                        format!("{}{r}", if i == 0 { &first } else { &rest }),
                    )
                })
                .collect()
        })
        .collect()
}

fn render_debrief(
    frame: &mut Frame<'_>,
    theme: Theme,
    title: &str,
    lines: &[String],
    scroll: usize,
) {
    render_text(
        frame,
        theme,
        (title, lines, scroll),
        &[
            ("↑↓", "scroll"),
            ("PgUp/PgDn", "page"),
            ("Home/End", "top/bottom"),
            ("Enter/q", "leave"),
        ],
    );
}

/// A long text in a bordered panel, scrolled, with the keys on the bottom line.
fn render_text(
    frame: &mut Frame<'_>,
    theme: Theme,
    (title, lines, scroll): (&str, &[String], usize),
    keys_shown: &[(&str, &str)],
) {
    let area = frame.area();
    let [body, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let mut block = panel(theme, title, true);
    let inner = block.inner(body).inner(ratatui::layout::Margin::new(1, 0));
    let rows = debrief_rows(lines, usize::from(inner.width));
    let h = usize::from(inner.height);
    let max = rows.len().saturating_sub(h);
    let scroll = scroll.min(max);
    if !rows.is_empty() {
        let last = (scroll + h).min(rows.len());
        block = block.title(
            Line::styled(
                format!(" lines {}–{last} of {} ", scroll + 1, rows.len()),
                theme.dim(),
            )
            .right_aligned(),
        );
    }
    frame.render_widget(block, body);
    let shown: Vec<Line> = rows
        .into_iter()
        .skip(scroll)
        .take(h)
        .map(|(heading, r)| {
            if heading {
                Line::styled(r, theme.title())
            } else {
                Line::raw(r)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    render_keys(frame, theme, keys_shown, keys);
}

/// How far the debrief can scroll on a terminal of this size.
pub fn debrief_scroll_max(lines: &[String], area: Rect) -> usize {
    let [body, _] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let inner = Block::bordered()
        .inner(body)
        .inner(ratatui::layout::Margin::new(1, 0));
    debrief_rows(lines, usize::from(inner.width))
        .len()
        .saturating_sub(usize::from(inner.height))
}

// ------------------------------------------------------------------------------------ overlays

fn render_help(frame: &mut Frame<'_>, theme: Theme) {
    let area = frame.area();
    let key_w = HELP.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let box_area = centered(area, 76, HELP.len() as u16 + 5);
    let block = panel(theme, "Keys", true).title_bottom(centred_title(
        " Esc, ? or Enter closes ",
        theme.dim(),
        box_area.width,
    ));
    let inner = block
        .inner(box_area)
        .inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        truncate(
            "★ marks the advisor's pick; the advisor is the AI in your seat.",
            w,
        ),
        theme.dim(),
    )];
    lines.push(Line::raw(""));
    for (k, d) in HELP {
        lines.push(Line::from(vec![
            Span::styled(pad(k, key_w), theme.key()),
            Span::raw(truncate(d, w.saturating_sub(key_w))),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn render_confirm_quit(frame: &mut Frame<'_>, theme: Theme, saves: bool) {
    let box_area = centered(frame.area(), 58, 6);
    let block = panel(theme, "Quit", true);
    let inner = block.inner(box_area);
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    let question = if saves {
        "Quit? The game is autosaved first "
    } else {
        "Quit? the game will be lost "
    };
    let mut lines = vec![
        Line::raw(""),
        Line::from(vec![
            Span::raw(question),
            Span::styled("(y/n)", theme.key()),
        ]),
    ];
    if saves {
        lines.push(Line::styled(
            "go on later with: sixparty --load autosave-1",
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), inner);
}
