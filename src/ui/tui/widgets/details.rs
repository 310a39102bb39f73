//! The details beside the orders, in the news panel's place: the highlighted party's while the
//! map has the focus, the highlighted forum's while the forums have it. What Enter does there
//! is on the bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use sixparty_core::scenario::AllianceFigure;
use sixparty_core::sim::Target;
use sixparty_core::sim::state::alliance_slot;
use sixparty_core::text;

use super::main_panel;
use crate::ui::tui::content::mood_mark;
use crate::ui::tui::model::Play;
use crate::ui::tui::theme::Theme;
use crate::ui::tui::wrap::{truncate, width, wrap, wrap_hanging};

/// The highlighted party on the map: its relations with the seat, its alliances and its
/// forums (hot-seat: what the seat may not know is left out, as in the relations panel).
pub struct PartyDetails<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for PartyDetails<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let party = play.scenario.party(play.map_party);
        let mut title = format!("On the map · {}", party.name);
        if width(&title) + 4 > usize::from(area.width) {
            title = format!("On the map · {}", party.short);
        }
        let mut block = main_panel(theme, &title, false);
        if play.map_party != play.seat {
            let hint = enter_hint(
                play,
                Target::Party(play.map_party),
                &party.short,
                area.width,
            );
            block = block.title_bottom(hint.style(theme.dim()));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = party_lines(theme, play, usize::from(inner.width));
        Paragraph::new(lines).render(inner, buf);
    }
}

/// The highlighted forum: its status, members, host, red lines, agenda and description.
pub struct ForumDetails<'a> {
    /// The colours.
    pub theme: Theme,
    /// The game.
    pub play: &'a Play,
}

impl Widget for ForumDetails<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, play) = (self.theme, self.play);
        let name = play
            .scenario
            .forums
            .get(play.forum)
            .map_or("", |f| f.name.as_str());
        let mut title = format!("Forum · {name}");
        if width(&title) + 4 > usize::from(area.width) {
            title = truncate(&title, usize::from(area.width).saturating_sub(4));
        }
        let mut block = main_panel(theme, &title, false);
        if let Some(f) = play.scenario.forums.get(play.forum) {
            let target = Target::Forum(sixparty_core::scenario::ForumIx(play.forum));
            block = block
                .title_bottom(enter_hint(play, target, &f.short, area.width).style(theme.dim()));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let lines = forum_lines(theme, play, usize::from(inner.width));
        Paragraph::new(lines).render(inner, buf);
    }
}

/// The panel beside the orders while the map has the focus: the highlighted party's relations
/// with the seat, its alliances and its forums (what Enter does is on the border). Hot-seat:
/// what the seat may not know is left out, as in the relations panel.
fn party_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let st = &play.board.state;
    let me = play.seat;
    let q = play.map_party;
    let party = s.party(q);
    let mut out = Vec::new();
    let para = |text: &str, style, out: &mut Vec<Line<'static>>| {
        for l in wrap_hanging(text, w, "") {
            out.push(Line::styled(l, style));
        }
    };
    if q == me {
        para(
            &format!("{} ({}) · you", party.name, party.short),
            theme.you(),
            &mut out,
        );
        // The seat's own figures are in the header or the figures panel already.
    } else {
        para(
            &format!("{} ({})", party.name, party.short),
            theme.title(),
            &mut out,
        );
        let mine = st.trust[me.0][q.0];
        let theirs = st.trust[q.0][me.0];
        let yours = format!("you→ {mine:+.0} {}", text::mood(mine));
        let theirs_text = if play.board.fog {
            format!("→you {} {}", mood_mark(theirs), text::mood(theirs))
        } else {
            format!("→you {theirs:+.0} {}", text::mood(theirs))
        };
        // Both ways on one line when they fit, else one under the other.
        if width(&yours) + 2 + width(&theirs_text) <= w {
            out.push(Line::from(vec![
                Span::styled(yours, theme.mood(mine)),
                Span::raw("  "),
                Span::styled(theirs_text, theme.mood(theirs)),
            ]));
        } else {
            out.push(Line::styled(truncate(&yours, w), theme.mood(mine)));
            out.push(Line::styled(truncate(&theirs_text, w), theme.mood(theirs)));
        }
        let feared = if play.board.fog {
            "?".to_owned()
        } else {
            format!("{:.0}", st.threat[q.0][me.0])
        };
        para(
            &format!("you fear {:.0} · fears you {feared}", st.threat[me.0][q.0]),
            theme.text(),
            &mut out,
        );
    }
    out.push(Line::styled("Alliances", theme.title()));
    let mut any = false;
    for (a, fig) in s.alliances.iter().zip(&st.alliances) {
        if !a.involves(q) {
            continue;
        }
        any = true;
        let other = if a.patron == q { a.client } else { a.patron };
        let with = if other == me {
            "you".to_owned()
        } else {
            s.party(other).short.clone()
        };
        for l in wrap_hanging(&format!("{} (with {with})", a.name), w, "• ") {
            out.push(Line::raw(l));
        }
        // The figures of an alliance are known to its members only.
        if a.involves(me) {
            let figures = format!(
                "commitment {:.0} · fear {:.0} · entrapment {:.0}",
                fig.figures[alliance_slot(AllianceFigure::Commitment)],
                fig.figures[alliance_slot(AllianceFigure::AbandonmentFear)],
                fig.figures[alliance_slot(AllianceFigure::EntrapmentRisk)],
            );
            for l in wrap_hanging(&figures, w, "  ") {
                out.push(Line::styled(l, theme.dim()));
            }
        }
    }
    if !any {
        out.push(Line::styled("• none", theme.dim()));
    }
    let forums: Vec<String> = s
        .forums
        .iter()
        .filter(|f| f.members.contains(&q))
        .map(|f| {
            let mark = if q != me && f.members.contains(&me) {
                "•"
            } else {
                ""
            };
            format!("{mark}{}", f.short)
        })
        .collect();
    let head = if q == me {
        "Forums".to_owned()
    } else {
        "Forums (• with you)".to_owned()
    };
    out.push(Line::styled(truncate(&head, w), theme.title()));
    let list = if forums.is_empty() {
        "none".to_owned()
    } else {
        forums.join(" ")
    };
    for l in wrap(&list, w) {
        out.push(Line::raw(l));
    }
    out
}

/// The panel beside the orders while the forums have the focus: the highlighted forum's
/// status, members, host, red lines, agenda and description (what Enter does is on the
/// border).
fn forum_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let Some((f, fs)) = s
        .forums
        .get(play.forum)
        .zip(play.board.state.forums.get(play.forum))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let para = |text: &str, style, out: &mut Vec<Line<'static>>| {
        for l in wrap_hanging(text, w, "") {
            out.push(Line::styled(l, style));
        }
    };
    para(
        &format!("{} ({})", f.name, f.short),
        theme.title(),
        &mut out,
    );
    para(
        &format!("{} · habit {:.0}", text::status_word(fs.status), fs.habit),
        theme.text(),
        &mut out,
    );
    let members: Vec<String> = f
        .members
        .iter()
        .map(|m| {
            if *m == play.seat {
                format!("[{}]", s.party(*m).short)
            } else {
                s.party(*m).short.clone()
            }
        })
        .collect();
    para(
        &format!("Members: {}", members.join(" ")),
        theme.text(),
        &mut out,
    );
    for l in text::forum_facts(s, f) {
        para(&l, theme.text(), &mut out);
    }
    // The description last: long, and the figures above matter more on a small screen.
    if !f.description.is_empty() {
        para(&f.description, theme.dim(), &mut out);
    }
    out
}

/// What Enter does on a highlighted party or forum, for the bottom border of its details: how
/// many orders (given or on offer) aim at it.
fn enter_hint(play: &Play, target: Target, name: &str, w: u16) -> Line<'static> {
    let n = play
        .board
        .given
        .iter()
        .chain(play.board.ranked.iter().map(|c| &c.order))
        .filter(|o| o.target == target)
        .count();
    let at = if matches!(target, Target::Forum(_)) {
        "at"
    } else {
        "toward"
    };
    let hint = match n {
        0 => format!("no order {at} {name} on offer"),
        1 => format!("Enter: 1 order {at} {name}"),
        n => format!("Enter: {n} orders {at} {name}"),
    };
    Line::raw(format!(
        " {} ",
        truncate(&hint, usize::from(w.saturating_sub(4)))
    ))
    .right_aligned()
}
