//! The quit question over a game: "Quit? (y/n)", and where the autosave is when saves are on.

use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::panel;
use crate::ui::tui::layout::quit_box;
use crate::ui::tui::theme::Theme;

/// The quit question in a box in the middle of the screen, drawn over what is there.
pub struct ConfirmQuit {
    /// The colours.
    pub theme: Theme,
    /// Games are saved: the game is autosaved first, and can be loaded again.
    pub saves: bool,
}

impl Widget for ConfirmQuit {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let box_area = quit_box(area);
        let block = panel(theme, "Quit", true);
        let inner = block.inner(box_area);
        Clear.render(box_area, buf);
        block.render(box_area, buf);
        let question = if self.saves {
            "Quit? The game is autosaved first "
        } else {
            "Quit? the game will be lost "
        };
        let mut lines = vec![
            Line::raw(""),
            Line::from(vec![
                Span::raw(question),
                Span::styled("(y/n)", theme.key()),
            ]),
        ];
        if self.saves {
            lines.push(Line::styled(
                "go on later with: sixparty --load autosave-1",
                theme.dim(),
            ));
        }
        Paragraph::new(lines)
            .alignment(HorizontalAlignment::Center)
            .render(inner, buf);
    }
}
