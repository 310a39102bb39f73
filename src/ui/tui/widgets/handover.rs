//! Hot-seat's hand-over: the keyboard passes to the next seat. Nothing of the previous seat is
//! drawn: the whole screen is this box.

use ratatui::buffer::Buffer;
use ratatui::layout::{HorizontalAlignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use sixparty_core::scenario::PartyIx;
use sixparty_core::text;

use super::key_line::KeyLine;
use super::panel;
use crate::ui::tui::layout::handover_layout;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;

/// "Hand over to …": who plays next, and that the others look away.
pub struct HandoverScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// Who plays next.
    pub party: PartyIx,
}

impl Widget for HandoverScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let name = text::party_name(&play.scenario, self.party);
        let heading = text::turn_heading(&play.scenario, play.table.session().game.turn().max(1));
        let lines = vec![
            Line::styled(heading, theme.dim()),
            Line::raw(""),
            Line::styled(format!("Hand over to {name}"), theme.title()),
            Line::raw(""),
            Line::raw(format!("Pass the laptop to the player of {name}.")),
            Line::raw("Everyone else looks away."),
            Line::raw(""),
            Line::raw(format!("{name}: press Enter when ready.")),
        ];
        let (box_area, keys) = handover_layout(area);
        let block = panel(theme, "Hot-seat", true);
        let inner = block.inner(box_area);
        block.render(box_area, buf);
        Paragraph::new(lines)
            .alignment(HorizontalAlignment::Center)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        KeyLine {
            theme,
            keys: &[("Enter", "ready"), ("?", "help"), ("q", "quit")],
        }
        .render(keys, buf);
    }
}
