//! The end of the game: the debrief (or any long text to read and leave, such as a replay).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::long_text::LongText;
use crate::ui::tui::theme::Theme;

/// The debrief, scrolled, with the keys to leave.
pub struct DebriefScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The panel's title ("Debrief", "Replay").
    pub title: &'a str,
    /// The debrief's text.
    pub lines: &'a [String],
    /// The first line shown.
    pub scroll: usize,
}

impl Widget for DebriefScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        LongText {
            theme: self.theme,
            title: self.title,
            lines: self.lines,
            scroll: self.scroll,
            keys: &[
                ("↑↓", "scroll"),
                ("PgUp/PgDn", "page"),
                ("Home/End", "top/bottom"),
                ("Enter/q", "leave"),
            ],
        }
        .render(area, buf);
    }
}
