//! The first screen: the scenario catalogue, and the highlighted one's briefing (or why it
//! does not load).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::key_line::KeyLine;
use super::title_line::TitleLine;
use super::{panel, with_more};
use crate::ui::tui::layout::{scenario_list, setup_layout};
use crate::ui::tui::model::App;
use crate::ui::tui::wrap::wrap;

/// The scenario choice (its list from [`scenario_list`]).
pub struct ScenarioScreen<'a> {
    /// The screen's state, for the catalogue.
    pub app: &'a App,
    /// The highlighted entry.
    pub selected: usize,
    /// Why the last one failed to load.
    pub error: Option<&'a str>,
}

impl Widget for ScenarioScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, selected) = (self.app, self.selected);
        let theme = app.theme();
        let layout = setup_layout(area);
        TitleLine {
            theme,
            heading: "choose a scenario",
            sub: "A game of Northeast Asian diplomacy, after an interview with Sheila A. Smith (CFR, 2010)",
        }
        .render(layout.header, buf);
        let list = scenario_list(app, selected, area);
        let block = panel(theme, "Scenarios", true);
        with_more(block, theme, list.more_above(), list.more_below()).render(layout.list, buf);
        let inner = list.inner;
        Paragraph::new(list.into_shown()).render(inner, buf);
        let summary = app.entries().nth(selected).map_or("", |(_, sum)| sum);
        let block = panel(theme, "About", false);
        let inner = block.inner(layout.detail);
        block.render(layout.detail, buf);
        let w = usize::from(inner.width);
        // An error comes first, so a long briefing never pushes it out of sight.
        let mut lines: Vec<Line> = Vec::new();
        if let Some(e) = self.error {
            lines.push(Line::styled("This scenario does not load:", theme.error()));
            lines.extend(
                wrap(e, w)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.error())),
            );
            lines.push(Line::raw(""));
        }
        lines.extend(wrap(summary, w).into_iter().map(Line::raw));
        Paragraph::new(lines).render(inner, buf);
        KeyLine {
            theme,
            keys: &[
                ("↑↓", "move"),
                ("Enter", "load"),
                ("?", "help"),
                ("q", "quit"),
            ],
        }
        .render(layout.keys, buf);
    }
}
