//! The key line at the bottom of a screen: each key and what it does, as many as fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::width;

/// The key line: (key, what it does) pairs, separated by two spaces, or one when they would
/// not fit; those that still do not fit are left out from the end.
pub struct KeyLine<'a> {
    /// The colours.
    pub theme: Theme,
    /// The keys, most useful first.
    pub keys: &'a [(&'a str, &'a str)],
}

impl Widget for KeyLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, keys) = (self.theme, self.keys);
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
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}
