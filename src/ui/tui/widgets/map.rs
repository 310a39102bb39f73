//! The map panel: each party's label where the scenario places it, coloured by the seat's
//! mood toward it, and dotted links for what the highlighted order touches (or, with the map
//! focused, between the seat and the highlighted party).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use sixparty_core::scenario::PartyIx;
use sixparty_core::sim::Target;

use super::{centred_title, main_panel, right_title};
use crate::ui::tui::layout::MapView;
use crate::ui::tui::model::{Focus, Play, highlighted_order};
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::width;

/// The region map, with the highlighted party when the map has the focus.
pub struct MapPanel<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for MapPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let focused = play.focus == Focus::Map;
        let (links, caption) = map_links(play);
        let mut block = main_panel(theme, "Region", focused).title_bottom(centred_title(
            "+friendly ~wary -cold",
            theme.dim(),
            area.width,
        ));
        // The dotted links show what the highlighted order touches.
        if let Some(caption) = caption {
            let left = if focused { " ▶ Region " } else { " Region " };
            block = block.title(right_title(&caption, theme.dim(), width(left), area.width));
        }
        block.render(area, buf);
        let map = MapView::of(play, area);
        let inner = map.inner;
        let trust = &play.board.state.trust;
        let me = play.seat;
        // Links first, so the labels are drawn over their ends.
        for (a, b) in links {
            if let (Some(pa), Some(pb)) = (map.centre(a), map.centre(b)) {
                for (x, y) in line_cells(pa, pb) {
                    buf[(x as u16, y as u16)]
                        .set_symbol("·")
                        .set_style(theme.dim());
                }
            }
        }
        for (p, label, x, y) in map.labels {
            let style = if focused && p == play.map_party {
                theme.selected()
            } else if p == me {
                theme.you()
            } else {
                theme.mood(trust[me.0][p.0])
            };
            buf.set_span(
                inner.x + x,
                inner.y + y,
                &Span::styled(label, style),
                inner.width - x,
            );
        }
    }
}

/// What the map links: with the map focused, the seat and the highlighted party; else, for the
/// highlighted order, a forum's members (from its host, else its
/// first member, to each of the others), or the player and the party the order aims at.
fn map_links(play: &Play) -> (Vec<(PartyIx, PartyIx)>, Option<String>) {
    let s = &play.scenario;
    // With the map focused, the highlighted party instead: linked to the seat, named on top.
    if play.focus == Focus::Map {
        let q = play.map_party;
        let links = if q == play.seat {
            Vec::new()
        } else {
            vec![(play.seat, q)]
        };
        return (links, Some(format!(" {} ", s.party(q).short)));
    }
    match highlighted_order(play).map(|o| o.target) {
        Some(Target::Forum(f)) => {
            let forum = &s.forums[f.0];
            let Some(hub) = forum.host.or_else(|| forum.members.first().copied()) else {
                return (Vec::new(), None);
            };
            let links = forum
                .members
                .iter()
                .filter(|m| **m != hub)
                .map(|m| (hub, *m))
                .collect();
            (links, Some(format!(" ·· {} ", forum.short)))
        }
        Some(Target::Party(q)) if q != play.seat => (
            vec![(play.seat, q)],
            Some(format!(" ·· {} ", s.party(q).short)),
        ),
        _ => (Vec::new(), None),
    }
}

/// Dots on a straight line between two cells, ends excluded (Bresenham).
fn line_cells(a: (i32, i32), b: (i32, i32)) -> Vec<(i32, i32)> {
    let (mut x, mut y) = a;
    let dx = (b.0 - a.0).abs();
    let dy = -(b.1 - a.1).abs();
    let sx = if a.0 < b.0 { 1 } else { -1 };
    let sy = if a.1 < b.1 { 1 } else { -1 };
    let mut err = dx + dy;
    let mut out = Vec::new();
    while (x, y) != b {
        if (x, y) != a {
            out.push((x, y));
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
    out
}
