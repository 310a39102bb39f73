//! Below 80×24: the game says so, and how to quit.

use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::ui::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::wrap;

/// The whole screen when the terminal is too small: the size needed and the size it is.
pub struct TooSmall {
    /// The colours.
    pub theme: Theme,
}

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
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
        Paragraph::new(rows)
            .alignment(HorizontalAlignment::Center)
            .render(body, buf);
    }
}
