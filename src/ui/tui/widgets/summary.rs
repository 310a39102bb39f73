//! A seat's summary of the month just resolved, as the fog lets it see it (one per seat in
//! hot-seat, behind a hand-over).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use sixparty_core::scenario::PartyIx;

use super::long_text::LongText;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;

/// "Seat · the month's results", scrolled.
pub struct SummaryScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// Whose summary.
    pub party: PartyIx,
    /// The summary's text.
    pub lines: &'a [String],
    /// The first line shown.
    pub scroll: usize,
}

impl Widget for SummaryScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = format!(
            "{} · the month's results",
            self.play.scenario.party(self.party).name
        );
        LongText {
            theme: self.theme,
            title: &title,
            lines: self.lines,
            scroll: self.scroll,
            keys: &[
                ("↑↓", "scroll"),
                ("PgUp/PgDn", "page"),
                ("Enter", "go on"),
                ("q", "quit"),
            ],
        }
        .render(area, buf);
    }
}
