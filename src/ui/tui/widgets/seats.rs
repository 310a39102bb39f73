//! The seat choice: the scenario's playable parties (Space marks several for hot-seat), and
//! the highlighted one's briefing and objectives, which scroll with the page keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::scenario::{PartyIx, Scenario};

use super::key_line::KeyLine;
use super::title_line::TitleLine;
use super::{panel, right_title, with_more};
use crate::ui::tui::layout::{seat_list, setup_layout};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{width, wrap, wrap_hanging};

/// The seat choice (its list from [`seat_list`]).
pub struct SeatScreen<'a> {
    /// The colours.
    pub theme: Theme,
    /// The scenario chosen.
    pub scenario: &'a Scenario,
    /// The parties on offer.
    pub choices: &'a [PartyIx],
    /// The highlighted line.
    pub selected: usize,
    /// Seats marked for hot-seat play.
    pub marked: &'a [PartyIx],
    /// How far the briefing is scrolled (kept within its length here).
    pub briefing_scroll: usize,
}

impl Widget for SeatScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, scenario, choices, selected) =
            (self.theme, self.scenario, self.choices, self.selected);
        let layout = setup_layout(area);
        TitleLine {
            theme,
            heading: "choose your seat",
            sub: &scenario.title,
        }
        .render(layout.header, buf);
        let list = seat_list(theme, scenario, choices, (selected, self.marked), area);
        let block = panel(theme, "Seats", true);
        with_more(block, theme, list.more_above(), list.more_below()).render(layout.list, buf);
        let inner = list.inner;
        Paragraph::new(list.into_shown()).render(inner, buf);
        let Some(&p) = choices.get(selected) else {
            return;
        };
        let detail = layout.detail;
        let party = scenario.party(p);
        let mut title = format!("Briefing · {}", party.name);
        if width(&title) + 4 > usize::from(detail.width) {
            title = format!("Briefing · {}", party.short);
        }
        let mut block = panel(theme, &title, false);
        let inner = block.inner(detail);
        let w = usize::from(inner.width);
        let mut lines: Vec<Line> = wrap(&party.briefing, w)
            .into_iter()
            .map(Line::raw)
            .collect();
        if !party.objectives.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::styled("Your objectives", theme.title()));
            for o in &party.objectives {
                lines.extend(wrap_hanging(&o.text, w, "• ").into_iter().map(Line::raw));
            }
        }
        let max = lines.len().saturating_sub(usize::from(inner.height));
        let scroll = self.briefing_scroll.min(max);
        if scroll > 0 {
            let left = width(&title) + 2;
            block = block.title(right_title(" ↑ PgUp ", theme.dim(), left, detail.width));
        }
        if scroll < max {
            block = block.title_bottom(Line::styled(" ↓ more: PgDn ", theme.dim()).right_aligned());
        }
        block.render(detail, buf);
        let lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
        Paragraph::new(lines).render(inner, buf);
        KeyLine {
            theme,
            keys: &[
                ("↑↓", "move"),
                ("Enter", "play"),
                ("Space", "mark for hot-seat"),
                ("Esc", "back"),
                ("?", "help"),
                ("q", "quit"),
            ],
        }
        .render(layout.keys, buf);
    }
}
