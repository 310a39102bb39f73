//! The two header lines of the main and decision screens: the scenario and the turn; the seat,
//! its figures (when no figures panel shows them), capital left and orders given.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::ai::figure_name;
use sixparty_core::scenario::Figure;
use sixparty_core::sim::state::figure_slot;
use sixparty_core::text;

use crate::ui::tui::content::amount;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{truncate, width};

/// The header: "Six Parties · title … Turn n of m · date", then "You: seat  figures …
/// capital left · orders given", in the longest form that fits.
pub struct Header<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
    /// Show the seat's figures on the second line (no figures panel below).
    pub figures: bool,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let s = &play.scenario;
        let w = usize::from(area.width);
        let heading = text::turn_heading(s, play.board.turn.max(1));
        let title_room = w.saturating_sub(width(&heading) + 3);
        let title = truncate(&format!(" Six Parties · {}", s.title), title_room);
        let gap = w.saturating_sub(width(&title) + width(&heading) + 1);
        let line1 = Line::from(vec![
            Span::styled(title, theme.title()),
            Span::raw(" ".repeat(gap)),
            Span::styled(heading, theme.title()),
        ]);
        let party = s.party(play.seat);
        let max = s.rules.max_orders;
        let right = format!(
            "capital {} left · orders {} of {max} ",
            amount(play.board.capital_left),
            play.board.given.len()
        );
        let long_name = format!(" You: {}", party.name);
        let short_name = format!(" You: {}", party.short);
        let (long_figs, short_figs) = if self.figures {
            (figures_text(play, true), figures_text(play, false))
        } else {
            (String::new(), String::new())
        };
        let tries = [
            (&long_name, &long_figs),
            (&long_name, &short_figs),
            (&short_name, &short_figs),
            (&long_name, &String::new()),
            (&short_name, &String::new()),
        ];
        let mut line2 = Line::raw("");
        for (name, fig) in tries {
            let used =
                width(name) + width(fig) + width(&right) + if fig.is_empty() { 1 } else { 4 };
            if used <= w {
                let gap = w - used + 1;
                let mut spans = vec![Span::styled(name.clone(), theme.you())];
                if !fig.is_empty() {
                    spans.push(Span::raw("   "));
                    spans.push(Span::raw(fig.clone()));
                }
                spans.push(Span::raw(" ".repeat(gap)));
                spans.push(Span::styled(right.clone(), theme.text()));
                line2 = Line::from(spans);
                break;
            }
        }
        Paragraph::new(vec![line1, line2]).render(area, buf);
    }
}

/// Figures as "security 70 · prestige 55 · …" (long) or "sec 70 pre 55 …" (short).
fn figures_text(play: &Play, long: bool) -> String {
    let f = &play.board.state.parties[play.seat.0].figures;
    let shown = [
        Figure::Security,
        Figure::Prestige,
        Figure::Approval,
        Figure::Power,
    ];
    let parts: Vec<String> = shown
        .iter()
        .map(|&fig| {
            let name = figure_name(fig);
            let name = if long { name } else { &name[..3] };
            format!("{name} {:.0}", f[figure_slot(fig)])
        })
        .collect();
    parts.join(if long { " · " } else { " " })
}
