//! The relations panel: the seat's trust in each party and theirs in it, with moods, and the
//! threat each way; tall panels add the seat's alliances.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::scenario::AllianceFigure;
use sixparty_core::sim::state::alliance_slot;
use sixparty_core::text;

use super::panel;
use crate::ui::tui::content::mood_mark;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{pad, truncate, width};

/// The relations panel: how the seat and each other party regard each other (hot-seat: what
/// the seat may not know shows as a mood, or `?`).
pub struct RelationsPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for RelationsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let block = panel(theme, "Relations", false);
        let inner = block.inner(area);
        block.render(area, buf);
        let st = &play.board.state;
        let me = play.seat.0;
        // Wider panels add how the others feel: their fear of you, then their mood toward you.
        let w = inner.width;
        let head = if w >= 50 {
            format!(
                "{:<5}{:>4} {:<8}{:>5} {:<8}{:>9}{:>9}",
                "", "you→", "", "→you", "", "you fear", "fear you"
            )
        } else if w >= 41 {
            format!(
                "{:<5}{:>4} {:<8}{:>5}{:>9}{:>9}",
                "", "you→", "", "→you", "you fear", "fear you"
            )
        } else {
            format!(
                "{:<5}{:>4} {:<8}{:>5}{:>7}",
                "", "you→", "", "→you", "threat"
            )
        };
        let mut lines = vec![Line::styled(head, theme.dim())];
        for (i, p) in play.scenario.parties.iter().enumerate() {
            if i == me {
                continue;
            }
            let mine = st.trust[me][i];
            let theirs = st.trust[i][me];
            let threat = st.threat[me][i];
            let feared = st.threat[i][me];
            // Hot-seat: how another party regards you shows as a mood only, its fear not at all.
            let theirs_text = if play.board.fog {
                format!("{:>5}", mood_mark(theirs))
            } else {
                format!("{theirs:>+5.0}")
            };
            let mut spans = vec![
                Span::raw(pad(&p.short, 5)),
                Span::styled(
                    format!("{mine:>+4.0} {:<8}", text::mood(mine)),
                    theme.mood(mine),
                ),
                Span::styled(theirs_text, theme.mood(theirs)),
            ];
            if w >= 50 {
                spans.push(Span::styled(
                    format!(" {:<8}", text::mood(theirs)),
                    theme.mood(theirs),
                ));
            }
            if w >= 41 {
                spans.push(Span::styled(format!("{threat:>9.0}"), theme.threat(threat)));
                if play.board.fog {
                    spans.push(Span::styled(format!("{:>9}", "?"), theme.dim()));
                } else {
                    spans.push(Span::styled(format!("{feared:>9.0}"), theme.threat(feared)));
                }
            } else {
                spans.push(Span::styled(format!("{threat:>7.0}"), theme.threat(threat)));
            }
            lines.push(Line::from(spans));
        }
        // Tall panels add the seat's alliances: the other half of the core tension.
        let room = usize::from(inner.height).saturating_sub(lines.len() + 1);
        let alliances: Vec<_> = play
            .scenario
            .alliances
            .iter()
            .zip(&st.alliances)
            .filter(|(a, _)| a.involves(play.seat))
            .collect();
        if room >= 2 && !alliances.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                truncate(
                    "Alliances: commitment · fear · entrapment",
                    usize::from(inner.width),
                ),
                theme.dim(),
            ));
            for (a, fig) in alliances.into_iter().take(room - 1) {
                let figures = format!(
                    " {:>3.0} · {:>3.0} · {:>3.0}",
                    fig.figures[alliance_slot(AllianceFigure::Commitment)],
                    fig.figures[alliance_slot(AllianceFigure::AbandonmentFear)],
                    fig.figures[alliance_slot(AllianceFigure::EntrapmentRisk)],
                );
                let name_w = usize::from(inner.width).saturating_sub(width(&figures));
                lines.push(Line::raw(format!("{}{figures}", pad(&a.name, name_w))));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
