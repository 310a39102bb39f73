//! Where everything goes: the areas of every screen at a given size (panels, the lists' rows
//! and how far they scroll, the map's labels, the forums' lines), and what a click lands on.
//!
//! The one place that answers "where": the widgets draw into these areas, and input asks the
//! same functions (`hit_test` for a click, `map_spots` for the map's arrows, the `*_scroll_max`
//! for scroll limits), so the picture and the clicks cannot disagree. Reads the model; never
//! changes it, and knows nothing of keys or of `App::update`.
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
//! Bigger terminals give the extra room to the map, the orders and the news; from 30 lines
//! a row of the player's figures with sparklines; from 140 columns a heat map of every party's
//! trust in every other.

use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Block;

use sixparty_core::scenario::{PartyIx, Scenario};

use super::content::{
    Tagged, debrief_rows, decision_parts, mood_mark, news_lines, order_rows, scenario_rows,
    seat_rows,
};
use super::model::{App, Decision, Play, Screen};
use super::theme::Theme;
use super::wrap::width;

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
/// The width of the list (scenarios, seats) on the screens before a game.
const SETUP_LIST_W: u16 = 34;

/// The inside of a bordered panel: every panel has all four borders, so its titles take no
/// room of their own.
fn inside(panel: Rect) -> Rect {
    Block::bordered().inner(panel)
}

// ------------------------------------------------------------------------------- main screen

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

/// The help window over any screen: room for a note, a blank line and `keys` lines of keys.
pub fn help_box(area: Rect, keys: usize) -> Rect {
    centered(area, 76, keys as u16 + 5)
}

/// The quit question's window over any screen.
pub fn quit_box(area: Rect) -> Rect {
    centered(area, 58, 6)
}

// ------------------------------------------------------------------------------------- lists

/// A list in a bordered panel: its rows, and the first one shown, so that the highlighted
/// entry is in sight.
#[derive(Debug, Clone, PartialEq)]
pub struct ListView {
    /// The inside of the panel, where the rows go.
    pub inner: Rect,
    /// Every row, tagged with its entry.
    pub rows: Tagged,
    /// The first row shown.
    pub offset: usize,
}

impl ListView {
    /// The rows in `inner`, scrolled so that the rows of entry `selected` are in sight.
    fn new(inner: Rect, rows: Tagged, selected: usize) -> Self {
        let offset = window(&rows, selected, usize::from(inner.height));
        Self {
            inner,
            rows,
            offset,
        }
    }

    /// Rows above the first one shown.
    pub fn more_above(&self) -> bool {
        self.offset > 0
    }

    /// Rows below the last one shown.
    pub fn more_below(&self) -> bool {
        self.rows.len() > self.offset + usize::from(self.inner.height)
    }

    /// The entry drawn at screen cell (x, y), if any.
    pub fn item_at(&self, x: u16, y: u16) -> Option<usize> {
        item_at(&self.rows, self.offset, self.inner, x, y)
    }

    /// The rows shown, from the first in sight.
    pub fn into_shown(self) -> Vec<Line<'static>> {
        self.rows
            .into_iter()
            .skip(self.offset)
            .take(usize::from(self.inner.height))
            .map(|(_, l)| l)
            .collect()
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
    if !inner.contains(Position { x, y }) {
        return None;
    }
    rows.get(offset + usize::from(y - inner.y))
        .and_then(|(i, _)| *i)
}

/// The orders menu in the orders panel `panel`.
pub fn orders_list(theme: Theme, play: &Play, panel: Rect) -> ListView {
    let inner = inside(panel);
    let rows = order_rows(theme, play, usize::from(inner.width));
    ListView::new(inner, rows, play.selected)
}

// --------------------------------------------------------------------------------- the news

/// The news panel's lines and how far they are scrolled.
#[derive(Debug, Clone, PartialEq)]
pub struct NewsView {
    /// The inside of the panel.
    pub inner: Rect,
    /// Every line of the news.
    pub lines: Vec<Line<'static>>,
    /// The first line shown: the play's scroll, kept within `max`.
    pub scroll: usize,
    /// How far the news can scroll.
    pub max: usize,
}

/// The news in the news panel `panel`.
pub fn news_view(theme: Theme, play: &Play, panel: Rect) -> NewsView {
    let inner = inside(panel);
    let lines = news_lines(theme, play, usize::from(inner.width));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    NewsView {
        inner,
        lines,
        scroll: play.news_scroll.min(max),
        max,
    }
}

/// How far the news can scroll on a terminal of this size.
pub fn news_scroll_max(play: &Play, area: Rect) -> usize {
    news_view(Theme::plain(), play, main_layout(area).news).max
}

// ----------------------------------------------------------------------------------- the map

/// A party's label on the map: the party, the label, and its cell (column, row) inside the
/// map panel.
pub type MapLabel = (PartyIx, String, u16, u16);

/// Each party's label and where it goes in a map of this inner size: placed by its `map`
/// position, moved aside when it would overlap a label already placed.
pub fn map_labels(s: &Scenario, me: PartyIx, trust: &[Vec<f32>], w: u16, h: u16) -> Vec<MapLabel> {
    let mut placed: Vec<MapLabel> = Vec::new();
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

/// The map panel's labels, where they are drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapView {
    /// The inside of the map panel.
    pub inner: Rect,
    /// Each party's label, placed.
    pub labels: Vec<MapLabel>,
}

impl MapView {
    /// The labels of the map panel `panel`.
    pub fn of(play: &Play, panel: Rect) -> Self {
        let inner = inside(panel);
        let labels = map_labels(
            &play.scenario,
            play.seat,
            &play.board.state.trust,
            inner.width,
            inner.height,
        );
        Self { inner, labels }
    }

    /// The screen cell (column, row) in the middle of a party's label, where links end.
    pub fn centre(&self, p: PartyIx) -> Option<(i32, i32)> {
        self.labels
            .iter()
            .find(|l| l.0 == p)
            .map(|(_, l, x, y)| self.middle(l, *x, *y))
    }

    /// The party whose label is drawn at screen cell (x, y), if any.
    pub fn party_at(&self, x: u16, y: u16) -> Option<PartyIx> {
        let inner = self.inner;
        self.labels
            .iter()
            .find(|(_, label, lx, ly)| {
                y == inner.y + ly && (inner.x + lx..inner.x + lx + width(label) as u16).contains(&x)
            })
            .map(|l| l.0)
    }

    fn middle(&self, label: &str, x: u16, y: u16) -> (i32, i32) {
        (
            i32::from(self.inner.x + x) + width(label) as i32 / 2,
            i32::from(self.inner.y + y),
        )
    }
}

/// Where each party's label is on the map of the main screen at this size: its party and the
/// label's middle cell (column, row), for moving the map's highlight with the arrows.
pub fn map_spots(play: &Play, area: Rect) -> Vec<(PartyIx, i32, i32)> {
    let map = MapView::of(play, main_layout(area).map);
    map.labels
        .iter()
        .map(|(p, label, x, y)| {
            let (cx, cy) = map.middle(label, *x, *y);
            (*p, cx, cy)
        })
        .collect()
}

// -------------------------------------------------------------------------------- the forums

/// A forum's line in the forums panel: its index, column, row and width.
pub type ForumCell = (usize, u16, u16, u16);

/// The forums panel's lines: where each forum goes, and where its members go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumsView {
    /// The inside of the panel.
    pub inner: Rect,
    /// Each forum that fits: its index and cell.
    pub cells: Vec<ForumCell>,
    /// Each forum's members go beside it, on its line.
    pub beside: bool,
    /// Each forum's members go on the line under it.
    pub under: bool,
}

impl ForumsView {
    /// The lines of the forums panel `panel`.
    pub fn of(play: &Play, panel: Rect) -> Self {
        let inner = inside(panel);
        let (cells, beside, under) = forum_cells(play.scenario.forums.len(), inner);
        Self {
            inner,
            cells,
            beside,
            under,
        }
    }

    /// The forum whose line is at screen cell (x, y), if any.
    pub fn forum_at(&self, x: u16, y: u16) -> Option<usize> {
        self.cells
            .iter()
            .find(|&&(_, cx, cy, cw)| y == cy && (cx..cx + cw).contains(&x))
            .map(|&(i, ..)| i)
    }
}

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

// ------------------------------------------------------------------------ before the game

/// The screens before a game (scenario, seats): a title, a list, its details, the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetupLayout {
    /// Two lines: the title and a subtitle.
    pub header: Rect,
    /// The list (scenarios, seats).
    pub list: Rect,
    /// The highlighted entry's details.
    pub detail: Rect,
    /// The key line.
    pub keys: Rect,
}

/// The layout of the screens before a game at this size.
pub fn setup_layout(area: Rect) -> SetupLayout {
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let [list, detail] =
        Layout::horizontal([Constraint::Length(SETUP_LIST_W), Constraint::Min(0)]).areas(body);
    SetupLayout {
        header,
        list,
        detail,
        keys,
    }
}

/// The scenario list, with `selected` highlighted, on a screen of this size.
pub fn scenario_list(app: &App, selected: usize, area: Rect) -> ListView {
    let inner = inside(setup_layout(area).list);
    let rows = scenario_rows(app, selected, usize::from(inner.width));
    ListView::new(inner, rows, selected)
}

/// The seat list on a screen of this size.
pub fn seat_list(
    theme: Theme,
    scenario: &Scenario,
    choices: &[PartyIx],
    (selected, marked): (usize, &[PartyIx]),
    area: Rect,
) -> ListView {
    let inner = inside(setup_layout(area).list);
    let rows = seat_rows(
        theme,
        scenario,
        choices,
        selected,
        marked,
        usize::from(inner.width),
    );
    ListView::new(inner, rows, selected)
}

/// The hand-over screen: its box in the middle, and the key line.
pub fn handover_layout(area: Rect) -> (Rect, Rect) {
    let [_, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    (centered(area, 64, 12), keys)
}

// -------------------------------------------------------------------------------- decisions

/// The decision screen: the header, the box with the event's text (it scrolls) and the options
/// under it, and the key line.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionView {
    /// The header: the same two lines as the main screen's.
    pub header: Rect,
    /// The decision's box.
    pub body: Rect,
    /// The key line.
    pub keys: Rect,
    /// Where the event's text goes.
    pub text_area: Rect,
    /// Where the options go, under the text.
    pub options_area: Rect,
    /// The event's text.
    pub text: Vec<Line<'static>>,
    /// The options and the advice, each row tagged with its option.
    pub options: Tagged,
    /// The first line of the text shown: the decision's scroll, kept within `max`.
    pub scroll: usize,
    /// How far the text can scroll.
    pub max: usize,
}

impl DecisionView {
    /// The option drawn at screen cell (x, y), if any.
    pub fn option_at(&self, x: u16, y: u16) -> Option<usize> {
        item_at(&self.options, 0, self.options_area, x, y)
    }
}

/// The decision screen for `d` at this size.
pub fn decision_view(theme: Theme, play: &Play, d: &Decision, area: Rect) -> DecisionView {
    let [header, body, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    let inner = inside(body).inner(Margin::new(1, 0));
    let (text, options) = decision_parts(theme, play, d, usize::from(inner.width));
    let opts = (options.len() as u16).min(inner.height.saturating_sub(3));
    // The options follow the text; only a text too long for the box scrolls.
    let room = inner.height.saturating_sub(opts + 1);
    let text_h = (text.len() as u16).min(room);
    let [text_area, _, options_area, _] = Layout::vertical([
        Constraint::Length(text_h),
        Constraint::Length(1),
        Constraint::Length(opts),
        Constraint::Min(0),
    ])
    .areas(inner);
    let max = text.len().saturating_sub(usize::from(text_area.height));
    DecisionView {
        header,
        body,
        keys,
        text_area,
        options_area,
        text,
        options,
        scroll: d.scroll.min(max),
        max,
    }
}

/// How far a decision's text can scroll on a terminal of this size.
pub fn decision_scroll_max(play: &Play, d: &Decision, area: Rect) -> usize {
    decision_view(Theme::plain(), play, d, area).max
}

// ------------------------------------------------------------------------------ long texts

/// A long text in a bordered panel (the debrief, a seat's summary, a replay), and the key line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextView {
    /// The panel.
    pub body: Rect,
    /// Where the text goes: inside the panel, a cell in from each side.
    pub inner: Rect,
    /// The key line.
    pub keys: Rect,
    /// The text's rows at this width: whether each is a heading, and its text.
    pub rows: Vec<(bool, String)>,
    /// The first row shown: the screen's scroll, kept within `max`.
    pub scroll: usize,
    /// How far the text can scroll.
    pub max: usize,
}

/// A long text scrolled to `scroll`, on a screen of this size.
pub fn text_view(lines: &[String], scroll: usize, area: Rect) -> TextView {
    let [body, keys] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let inner = inside(body).inner(Margin::new(1, 0));
    let rows = debrief_rows(lines, usize::from(inner.width));
    let max = rows.len().saturating_sub(usize::from(inner.height));
    TextView {
        body,
        inner,
        keys,
        rows,
        scroll: scroll.min(max),
        max,
    }
}

/// How far a long text (the debrief, a summary) can scroll on a terminal of this size.
pub fn debrief_scroll_max(lines: &[String], area: Rect) -> usize {
    text_view(lines, 0, area).max
}

// ------------------------------------------------------------------------------------ clicks

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
        Screen::ChooseScenario { selected, .. } => scenario_list(app, *selected, area)
            .item_at(x, y)
            .map(Hit::Item),
        Screen::ChooseParty {
            scenario,
            choices,
            selected,
            marked,
            ..
        } => seat_list(app.theme(), scenario, choices, (*selected, marked), area)
            .item_at(x, y)
            .map(Hit::Item),
        Screen::Decide(d) => {
            let play = app.play()?;
            decision_view(app.theme(), play, d, area)
                .option_at(x, y)
                .map(Hit::Item)
        }
        Screen::Orders => {
            let play = app.play()?;
            let l = main_layout(area);
            let at = Position { x, y };
            if l.news.contains(at) {
                return Some(Hit::News);
            }
            if l.forums.contains(at) {
                let on = ForumsView::of(play, l.forums).forum_at(x, y);
                return Some(on.map_or(Hit::Forums, Hit::Forum));
            }
            if l.map.contains(at) {
                let on = MapView::of(play, l.map).party_at(x, y);
                return Some(on.map_or(Hit::Map, |p| Hit::Party(p.0)));
            }
            if !l.orders.contains(at) {
                return None;
            }
            let list = orders_list(app.theme(), play, l.orders);
            Some(list.item_at(x, y).map_or(Hit::Orders, Hit::Item))
        }
        Screen::Handover { .. } | Screen::Summary { .. } | Screen::Debrief { .. } => None,
    }
}
