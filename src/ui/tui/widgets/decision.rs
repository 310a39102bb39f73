//! The decision screen: an event waits for the seat's choice. The event's text (it scrolls),
//! its teaching note, the numbered options with the advisor's pick (★) and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::header::Header;
use super::key_line::KeyLine;
use super::{panel, right_title};
use crate::ui::tui::layout::decision_view;
use crate::ui::tui::model::{Decision, Play, Status};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::width;

/// The whole decision screen for `decision` (its areas and rows from [`decision_view`]).
pub struct DecisionScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// The decision waiting.
    pub decision: &'a Decision,
    /// The last action's message: an error shows on the box's border.
    pub status: Option<&'a Status>,
}

impl Widget for DecisionScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play, d) = (self.theme, self.play, self.decision);
        let view = decision_view(theme, play, d, area);
        Header {
            theme,
            play,
            figures: true,
        }
        .render(view.header, buf);
        let e = &play.scenario.events[d.pending.event.0];
        let title = format!("Decision · {}", e.title);
        let mut block = panel(theme, &title, true);
        let w = view.body.width;
        if d.waiting > 1 {
            let waiting = format!(" {} waiting ", d.waiting);
            let left = width(&title) + 2;
            block = block.title(right_title(&waiting, theme.dim(), left, w));
        }
        let error = self
            .status
            .filter(|s| s.error)
            .map(|s| format!(" {} ", s.text));
        if view.scroll < view.max {
            let left = error.as_deref().map_or(0, width);
            block = block.title_bottom(right_title(" ↓ more: PgDn ", theme.dim(), left, w));
        }
        if let Some(error) = error {
            block = block.title_bottom(Span::styled(error, theme.error()));
        }
        block.render(view.body, buf);
        let shown: Vec<Line> = view.text.into_iter().skip(view.scroll).collect();
        Paragraph::new(shown).render(view.text_area, buf);
        let options: Vec<Line> = view.options.into_iter().map(|(_, l)| l).collect();
        Paragraph::new(options).render(view.options_area, buf);
        KeyLine {
            theme,
            keys: &[
                ("↑↓", "choose"),
                ("Enter", "decide"),
                ("a", "advisor's pick"),
                ("PgUp/PgDn", "scroll"),
                ("?", "help"),
                ("q", "quit"),
            ],
        }
        .render(view.keys, buf);
    }
}
