//! The screens and panels, each a ratatui widget over a borrowed view of the model: built with
//! what it shows (`&Play`, the theme, …), drawn with `Widget::render` into the area it is
//! given, and changing nothing. Where an area's rows and spots go is asked of `layout`, the
//! same answers input gets.
//!
//! Screens, one a module: [`scenarios`] and [`seats`] before a game; [`main_screen`] (its
//! panels: [`header`], [`map`], [`relations`], [`heat_map`], [`forums`], [`figures`],
//! [`orders`], [`news`] and, in the news panel's place, [`details`]); [`decision`];
//! [`handover`]; [`summary`] and [`debrief`] (both a [`long_text`]); [`too_small`]. Windows over
//! them: [`help`] and [`confirm_quit`]. Shared by several: [`key_line`] and [`title_line`], and
//! the borders below.

pub mod confirm_quit;
pub mod debrief;
pub mod decision;
pub mod details;
pub mod figures;
pub mod forums;
pub mod handover;
pub mod header;
pub mod heat_map;
pub mod help;
pub mod key_line;
pub mod long_text;
pub mod main_screen;
pub mod map;
pub mod news;
pub mod orders;
pub mod relations;
pub mod scenarios;
pub mod seats;
pub mod summary;
pub mod title_line;
pub mod too_small;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use super::theme::Theme;
use super::wrap::{cut_centred, tail};

/// A bordered panel with its title; a focused one has the focus colour.
fn panel(theme: Theme, title: &str, focused: bool) -> Block<'static> {
    let style = if focused {
        theme.focused()
    } else {
        theme.unfocused()
    };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(format!(" {title} "), theme.title()))
}

/// A panel of the main screen, where the focus moves: the focused one has a heavy border and
/// `▶` before its title, so the focus shows without colours too.
fn main_panel(theme: Theme, title: &str, focused: bool) -> Block<'static> {
    let (style, border, mark) = if focused {
        (theme.focused(), BorderType::Thick, "▶ ")
    } else {
        (theme.unfocused(), BorderType::Plain, "")
    };
    Block::bordered()
        .border_type(border)
        .border_style(style)
        .title(Span::styled(format!(" {mark}{title} "), theme.title()))
}

/// A centred title for the border of a panel `panel_w` cells wide (corners included), cut to
/// fit here rather than by ratatui: 0.30 cuts a centred title wider than its border unevenly
/// (three cells off the left of " • you sit at the table " in 22, and a border cell left blank
/// on the right), where the middle of the text is what should show.
fn centred_title(text: &str, style: Style, panel_w: u16) -> Line<'static> {
    Line::styled(
        cut_centred(text, usize::from(panel_w.saturating_sub(2))),
        style,
    )
    .centered()
}

/// A title for the right end of a border whose left end has a title `left_w` cells wide, in a
/// panel `panel_w` cells wide: where the two would overlap, only the part of it that the left
/// title leaves free. Ratatui 0.29 drew the left title over the right one and 0.30 draws the
/// right one over the left (a long "Briefing · People's Republic of China" then lost its last
/// letters instead of the right title its arrow); cut here, the screen is the same with both.
/// Used on the borders whose left title can be long; the others (orders, news, the lists)
/// have room for both by their sizes.
fn right_title(text: &str, style: Style, left_w: usize, panel_w: u16) -> Line<'static> {
    let room = usize::from(panel_w.saturating_sub(2)).saturating_sub(left_w);
    Line::styled(tail(text, room), style).right_aligned()
}

/// "↑ more" and "↓ more" on a list's border when it is scrolled or longer than its box.
fn with_more(block: Block<'static>, theme: Theme, above: bool, below: bool) -> Block<'static> {
    let mut block = block;
    if above {
        block = block.title(Line::styled(" ↑ more ", theme.dim()).right_aligned());
    }
    if below {
        block = block.title_bottom(Line::styled(" ↓ more ", theme.dim()).right_aligned());
    }
    block
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    use super::*;
    use crate::ui::tui::wrap::width;

    /// The rows of a block drawn alone in a buffer of this size.
    fn rows(block: Block<'_>, w: u16, h: u16) -> Vec<String> {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        block.render(area, &mut buf);
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn a_centred_title_too_wide_loses_as_much_on_each_side() {
        let block = Block::bordered().title_bottom(centred_title(
            " • you sit at the table ",
            Style::new(),
            24,
        ));
        assert_eq!(rows(block, 24, 3)[2], "└• you sit at the table┘");
    }

    #[test]
    fn a_right_title_gives_way_to_a_long_left_one() {
        let left = " Briefing · People's Republic of China ";
        let block = Block::bordered().title(left).title(right_title(
            " ↑ PgUp ",
            Style::new(),
            width(left),
            46,
        ));
        assert_eq!(
            rows(block, 46, 3)[0],
            "┌ Briefing · People's Republic of China PgUp ┐"
        );
        // With room for both, both whole.
        let block =
            Block::bordered()
                .title(" Seats ")
                .title(right_title(" ↑ PgUp ", Style::new(), 7, 30));
        assert_eq!(rows(block, 30, 3)[0], "┌ Seats ───────────── ↑ PgUp ┐");
    }
}
