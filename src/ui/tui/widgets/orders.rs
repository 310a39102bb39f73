//! The orders panel: the orders given this turn, then those on offer ranked by the advisor
//! (★ its pick), scrolled to keep the highlight in sight; the last action's message on its
//! bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::main_panel;
use crate::ui::tui::layout::orders_list;
use crate::ui::tui::model::{Focus, Play, Status};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::truncate;

/// The orders menu (its rows from [`crate::ui::tui::content::order_rows`], scrolled by
/// [`orders_list`]).
pub struct OrdersPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// The last action's message, if any.
    pub status: Option<&'a Status>,
}

impl Widget for OrdersPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let focused = play.focus == Focus::Orders;
        let mut block = main_panel(theme, "Orders · ★ advisor's pick", focused);
        let list = orders_list(theme, play, area);
        if list.more_above() {
            block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
        }
        let more_below = list.more_below();
        if more_below {
            block = block.title_bottom(Line::styled(" ↓ more ", theme.dim()).right_aligned());
        }
        if let Some(status) = self.status {
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
        block.render(area, buf);
        let inner = list.inner;
        Paragraph::new(list.into_shown()).render(inner, buf);
    }
}
