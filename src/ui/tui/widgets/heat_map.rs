//! The heat map (wide terminals): every party's trust in every other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::scenario::PartyIx;

use super::{centred_title, panel};
use crate::ui::tui::content::mood_mark;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{pad, truncate};

/// Every party's trust in every other: a row's trust in a column, as a coloured cell with the
/// mood's symbol (and the number, when there is room), so it reads without colours too.
pub struct HeatMapPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for HeatMapPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let block = panel(theme, "Trust · row in column", false).title_bottom(centred_title(
            " ++ + ~ - -- ",
            theme.dim(),
            area.width,
        ));
        let inner = block.inner(area);
        block.render(area, buf);
        let s = &play.scenario;
        let trust = &play.board.state.trust;
        let n = s.parties.len();
        let label_w = 5usize;
        let room = usize::from(inner.width).saturating_sub(label_w);
        // Cells: "+58++ " with numbers, "++ " with symbols only.
        let cell = if n * 7 <= room { 7 } else { 4 };
        let mut lines = vec![Line::from(
            std::iter::once(Span::raw(" ".repeat(label_w)))
                .chain(s.parties.iter().enumerate().map(|(j, p)| {
                    let style = if PartyIx(j) == play.seat {
                        theme.you()
                    } else {
                        theme.dim()
                    };
                    Span::styled(pad(&truncate(&p.short, cell - 1), cell), style)
                }))
                .collect::<Vec<_>>(),
        )];
        for (i, p) in s.parties.iter().enumerate() {
            let head = if PartyIx(i) == play.seat {
                theme.you()
            } else {
                theme.text()
            };
            let mut spans = vec![Span::styled(
                pad(&truncate(&p.short, label_w - 1), label_w),
                head,
            )];
            for (j, &t) in trust[i].iter().enumerate().take(n) {
                if i == j {
                    spans.push(Span::styled(pad(" ·", cell), theme.dim()));
                    continue;
                }
                // Hot-seat: the seat knows its own trust; of the others' only their mood toward
                // it; nothing of the trust between third parties.
                let me = play.seat.0;
                if play.board.fog && i != me {
                    let text = if j == me {
                        format!("{:>4}{:<2}", "", mood_mark(t))
                    } else {
                        format!("{:>4}", "?")
                    };
                    let text = if cell >= 7 {
                        text
                    } else {
                        text.trim().to_owned()
                    };
                    let style = if j == me { theme.heat(t) } else { theme.dim() };
                    spans.push(Span::styled(pad(&text, cell - 1), style));
                    spans.push(Span::raw(" "));
                    continue;
                }
                let text = if cell >= 7 {
                    format!("{t:>+4.0}{:<2}", mood_mark(t))
                } else {
                    format!("{:<2}", mood_mark(t))
                };
                spans.push(Span::styled(pad(&text, cell - 1), theme.heat(t)));
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
