//! The forums panel: each forum's status and habit, whether the seat sits at its table, and
//! its members where there is room; with the focus, the highlighted forum.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use sixparty_core::scenario::ForumStatus;
use sixparty_core::text;

use super::{centred_title, main_panel};
use crate::ui::tui::layout::ForumsView;
use crate::ui::tui::model::{Focus, Play};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{pad, truncate};

/// The forums panel (its lines placed by [`ForumsView`]).
pub struct ForumsPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for ForumsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let focused = play.focus == Focus::Forums;
        let block = main_panel(theme, "Forums · habit", focused).title_bottom(centred_title(
            " • you sit at the table ",
            theme.dim(),
            area.width,
        ));
        block.render(area, buf);
        let s = &play.scenario;
        let ForumsView {
            inner,
            cells,
            beside,
            under,
        } = ForumsView::of(play, area);
        let members_of = |f: &sixparty_core::scenario::Forum| {
            f.members
                .iter()
                .map(|m| s.party(*m).short.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (i, x, y, cell_w) in cells {
            let (f, fs) = (&s.forums[i], &play.board.state.forums[i]);
            if under {
                let text = truncate(&members_of(f), usize::from(inner.width).saturating_sub(7));
                buf.set_line(
                    inner.x,
                    y + 1,
                    &Line::styled(format!("       {text}"), theme.dim()),
                    inner.width,
                );
            }
            let mark = if f.members.contains(&play.seat) {
                "•"
            } else {
                " "
            };
            let highlighted = focused && i == play.forum;
            let status_style = match fs.status {
                _ if highlighted => theme.selected(),
                ForumStatus::Active => theme.mood(50.0),
                ForumStatus::Suspended => theme.mood(0.0),
                ForumStatus::Collapsed => theme.mood(-50.0),
                ForumStatus::Proposed => theme.dim(),
            };
            let mut spans = vec![
                Span::raw(format!("{mark}{} ", pad(&f.short, 5))),
                Span::styled(
                    format!("{:<10}", text::status_word(fs.status)),
                    status_style,
                ),
                Span::raw(format!("{:>3.0}", fs.habit)),
            ];
            if beside {
                let room = usize::from(inner.width).saturating_sub(23);
                spans.push(Span::styled(
                    format!("  {}", truncate(&members_of(f), room)),
                    theme.dim(),
                ));
            }
            let mut line = Line::from(spans);
            if highlighted {
                line = line.style(theme.selected());
            }
            buf.set_line(x, y, &line, cell_w);
        }
    }
}
