//! The news panel: the region's tracks, last month's news the seat had not seen, and this
//! month's so far. It scrolls; with the map or the forums focused, the details of the
//! highlighted party or forum take its place (see [`super::details`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::details::{ForumDetails, PartyDetails};
use super::main_panel;
use crate::ui::tui::layout::news_view;
use crate::ui::tui::model::{Focus, Play};
use crate::ui::tui::theme::Theme;

/// The news feed, or the details that stand in its place while the map or the forums have the
/// focus.
pub struct NewsPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for NewsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        match play.focus {
            Focus::Map => return PartyDetails { theme, play }.render(area, buf),
            Focus::Forums => return ForumDetails { theme, play }.render(area, buf),
            Focus::Orders | Focus::News => {}
        }
        let focused = play.focus == Focus::News;
        let mut block = main_panel(theme, "News", focused);
        let news = news_view(theme, play, area);
        if news.scroll > 0 {
            block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
        }
        if news.scroll < news.max {
            let hint = if focused {
                " ↓ more "
            } else {
                " ↓ more: Tab "
            };
            block = block.title_bottom(Line::styled(hint, theme.dim()).right_aligned());
        }
        block.render(area, buf);
        let lines: Vec<Line> = news.lines.into_iter().skip(news.scroll).collect();
        Paragraph::new(lines).render(news.inner, buf);
    }
}
