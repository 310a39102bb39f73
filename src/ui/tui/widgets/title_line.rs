//! The two title lines of the screens before a game: "Six Parties · what to do", and a
//! subtitle.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::truncate;

/// "Six Parties · `heading`" over a dim `sub`, each cut to the width.
pub struct TitleLine<'a> {
    /// The colours.
    pub theme: Theme,
    /// What this screen is for.
    pub heading: &'a str,
    /// The line under it.
    pub sub: &'a str,
}

impl Widget for TitleLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let w = usize::from(area.width);
        Paragraph::new(vec![
            Line::styled(
                truncate(&format!(" Six Parties · {}", self.heading), w),
                self.theme.title(),
            ),
            Line::styled(truncate(&format!(" {}", self.sub), w), self.theme.dim()),
        ])
        .render(area, buf);
    }
}
