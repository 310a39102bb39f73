//! The main screen, where a turn is played: the header, the map, relations, (heat map,) forums,
//! (figures,) the orders and the news, and the key line for the focused panel. Tab moves the
//! focus through the orders, the news, the map and the forums; the focused panel has a heavy
//! border and `▶` before its title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::figures::FiguresPanel;
use super::forums::ForumsPanel;
use super::header::Header;
use super::heat_map::HeatMapPanel;
use super::key_line::KeyLine;
use super::map::MapPanel;
use super::news::NewsPanel;
use super::orders::OrdersPanel;
use super::relations::RelationsPanel;
use crate::ui::tui::layout::main_layout;
use crate::ui::tui::model::{Focus, Play, Status};
use crate::ui::tui::theme::Theme;

/// The main screen: each panel in the area [`main_layout`] gives it.
pub struct MainScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// The last action's message, if any (on the orders panel's border).
    pub status: Option<&'a Status>,
}

impl Widget for MainScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let l = main_layout(area);
        Header {
            theme,
            play,
            figures: l.figures.is_none(),
        }
        .render(l.header, buf);
        MapPanel { theme, play }.render(l.map, buf);
        RelationsPanel { theme, play }.render(l.relations, buf);
        if let Some(area) = l.heat {
            HeatMapPanel { theme, play }.render(area, buf);
        }
        ForumsPanel { theme, play }.render(l.forums, buf);
        if let Some(area) = l.figures {
            FiguresPanel { theme, play }.render(area, buf);
        }
        OrdersPanel {
            theme,
            play,
            status: self.status,
        }
        .render(l.orders, buf);
        NewsPanel { theme, play }.render(l.news, buf);
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
        KeyLine { theme, keys }.render(l.keys, buf);
    }
}
