//! A long text in a bordered panel, scrolled, with "lines a–b of n" on its border and the keys
//! on the bottom line: the debrief, a seat's summary of the month, a replay.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::key_line::KeyLine;
use super::{panel, right_title};
use crate::ui::tui::layout::text_view;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::width;

/// A scrolled text filling the screen (its rows from [`text_view`]); section heads stand out.
pub struct LongText<'a> {
    /// The colours.
    pub theme: Theme,
    /// The panel's title.
    pub title: &'a str,
    /// The text, a line each (wrapped here to the width).
    pub lines: &'a [String],
    /// The first row shown (kept within the text's length here).
    pub scroll: usize,
    /// The key line.
    pub keys: &'a [(&'a str, &'a str)],
}

impl Widget for LongText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let view = text_view(self.lines, self.scroll, area);
        let (rows, scroll) = (view.rows, view.scroll);
        let h = usize::from(view.inner.height);
        let mut block = panel(theme, self.title, true);
        if !rows.is_empty() {
            let last = (scroll + h).min(rows.len());
            let lines = format!(" lines {}–{last} of {} ", scroll + 1, rows.len());
            let left = width(self.title) + 2;
            block = block.title(right_title(&lines, theme.dim(), left, view.body.width));
        }
        block.render(view.body, buf);
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
        Paragraph::new(shown).render(view.inner, buf);
        KeyLine {
            theme,
            keys: self.keys,
        }
        .render(view.keys, buf);
    }
}
