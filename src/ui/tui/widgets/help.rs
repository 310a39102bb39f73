//! The help window over any screen: every key and what it does.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{centred_title, panel};
use crate::ui::tui::keys::HELP;
use crate::ui::tui::layout::help_box;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{pad, truncate, width};

/// The keys ([`HELP`]) in a box in the middle of the screen, drawn over what is there.
pub struct HelpOverlay {
    /// The colours.
    pub theme: Theme,
}

impl Widget for HelpOverlay {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let key_w = HELP.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
        let box_area = help_box(area, HELP.len());
        let block = panel(theme, "Keys", true).title_bottom(centred_title(
            " Esc, ? or Enter closes ",
            theme.dim(),
            box_area.width,
        ));
        let inner = block.inner(box_area).inner(Margin::new(1, 0));
        Clear.render(box_area, buf);
        block.render(box_area, buf);
        let w = usize::from(inner.width);
        let mut lines = vec![Line::styled(
            truncate(
                "★ marks the advisor's pick; the advisor is the AI in your seat.",
                w,
            ),
            theme.dim(),
        )];
        lines.push(Line::raw(""));
        for (k, d) in HELP {
            lines.push(Line::from(vec![
                Span::styled(pad(k, key_w), theme.key()),
                Span::raw(truncate(d, w.saturating_sub(key_w))),
            ]));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
