//! The figures panel (tall terminals): the seat's five figures now, each with a sparkline of
//! its course since the start.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::ai::figure_name;
use sixparty_core::scenario::Figure;
use sixparty_core::sim::state::figure_slot;

use super::panel;
use crate::ui::tui::content::amount;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;

/// The seat's figures with sparklines, in five equal columns.
pub struct FiguresPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for FiguresPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let block = panel(theme, "Your figures", false);
        let inner = block.inner(area);
        block.render(area, buf);
        let figs = [
            Figure::Security,
            Figure::Prestige,
            Figure::Approval,
            Figure::Capital,
            Figure::Power,
        ];
        let cells = Layout::horizontal([Constraint::Ratio(1, 5); 5]).split(inner);
        for (fig, cell) in figs.iter().zip(cells.iter()) {
            let values: Vec<f32> = play
                .board
                .figures
                .iter()
                .map(|f| f[figure_slot(*fig)])
                .collect();
            let now = values.last().copied().unwrap_or(0.0);
            let lines = vec![
                Line::from(vec![
                    Span::styled(format!("{} ", figure_name(*fig)), theme.dim()),
                    Span::raw(if *fig == Figure::Capital {
                        amount(now)
                    } else {
                        format!("{now:.0}")
                    }),
                ]),
                Line::raw(sparkline(
                    &values,
                    usize::from(cell.width.saturating_sub(2)),
                )),
            ];
            Paragraph::new(lines).render(*cell, buf);
        }
    }
}

/// A sparkline of the values, the last `cells` of them, scaled to their own range.
pub fn sparkline(values: &[f32], cells: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let shown = &values[values.len().saturating_sub(cells)..];
    let lo = shown.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = shown.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    shown
        .iter()
        .map(|v| {
            if hi - lo < 0.5 {
                BARS[3]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
        })
        .collect()
}
