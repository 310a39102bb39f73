//! What the lists and long texts say, row by row: the rows of the scenario, seat, orders and
//! decision lists (each tagged with the entry it belongs to), the news, and the debrief's
//! wrapped lines. Built here once for two readers — the widgets draw them and `layout` counts
//! them (which row a click lands on, how far a text scrolls) — so the two cannot disagree.
//!
//! Pure functions of the model at a width; nothing here knows where on screen a row goes.

use ratatui::text::{Line, Span};

use sixparty_core::scenario::{PartyIx, Scenario};
use sixparty_core::text;

use super::model::{App, Decision, Play};
use super::theme::Theme;
use super::wrap::{pad, truncate, width, wrap, wrap_hanging};

/// Orders panels at least this wide (borders included) show each order on one line.
pub const WIDE_ORDERS: u16 = 100;

/// A list's rows, each with the entry it belongs to (`None`: a heading, a blank, a note).
pub type Tagged = Vec<(Option<usize>, Line<'static>)>;

/// Whole numbers without decimals, others with one.
pub fn amount(x: f32) -> String {
    if (x - x.round()).abs() < 0.05 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The mood of a relation as a symbol, for the map: ++ close, + friendly, ~ wary, - cold,
/// -- hostile.
pub fn mood_mark(trust: f32) -> &'static str {
    match text::mood(trust) {
        "close" => "++",
        "friendly" => "+",
        "wary" => "~",
        "cold" => "-",
        _ => "--",
    }
}

/// The scenario list's rows, each with the entry it belongs to.
pub fn scenario_rows(app: &App, selected: usize, w: usize) -> Tagged {
    let theme = app.theme();
    let mut rows = Vec::new();
    for (i, (entry, _)) in app.entries().enumerate() {
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        let mark = if i == selected { "▶ " } else { "  " };
        for l in wrap_hanging(&entry.title, w, mark) {
            rows.push((Some(i), Line::styled(pad(&l, w), style)));
        }
        rows.push((
            Some(i),
            Line::styled(
                format!("  {}", truncate(&entry.id, w.saturating_sub(2))),
                theme.dim(),
            ),
        ));
    }
    if rows.is_empty() {
        rows.push((None, Line::styled("No scenario found.", theme.error())));
    }
    rows
}

/// The seat list's rows, each with the choice it belongs to.
pub fn seat_rows(
    theme: Theme,
    scenario: &Scenario,
    choices: &[PartyIx],
    selected: usize,
    marked: &[PartyIx],
    w: usize,
) -> Tagged {
    let mut rows = Vec::new();
    for (i, p) in choices.iter().enumerate() {
        let party = scenario.party(*p);
        let pointer = if i == selected { "▶" } else { " " };
        let mark = if marked.contains(p) {
            format!("{pointer}[x] ")
        } else {
            format!("{pointer}[ ] ")
        };
        let style = if i == selected {
            theme.selected()
        } else {
            theme.text()
        };
        let with_short = format!("{} ({})", party.name, party.short);
        let name = if width(&with_short) + 5 <= w {
            &with_short
        } else {
            &party.name
        };
        for l in wrap_hanging(name, w, &mark) {
            rows.push((Some(i), Line::styled(pad(&l, w), style)));
        }
    }
    if !marked.is_empty() {
        rows.push((None, Line::raw("")));
        for l in wrap(
            &format!("Hot-seat: {} seats marked; Enter starts.", marked.len()),
            w,
        ) {
            rows.push((None, Line::styled(l, theme.notice())));
        }
    }
    rows
}

/// The rows of the orders menu: each with the menu index it belongs to.
pub fn order_rows(theme: Theme, play: &Play, w: usize) -> Tagged {
    let s = &play.scenario;
    let b = &play.board;
    let mut rows: Tagged = Vec::new();
    let wide = w + 2 >= usize::from(WIDE_ORDERS);
    for (i, o) in b.given.iter().enumerate() {
        let selected = play.selected == i;
        let cost = format!("{} cap", amount(s.actions[o.action.0].cost));
        let left = truncate(
            &format!("✓ {}", text::order_label(s, o)),
            w.saturating_sub(width(&cost) + 1),
        );
        let gap = w.saturating_sub(width(&left) + width(&cost));
        let style = if selected {
            theme.selected()
        } else {
            theme.notice()
        };
        rows.push((
            Some(i),
            Line::styled(format!("{left}{}{cost}", " ".repeat(gap)), style),
        ));
        // What the action does, in the catalogue's words: in full for the highlighted one.
        let description = &s.actions[o.action.0].description;
        if selected {
            let text = format!("{description} (Enter or x withdraws it)");
            for l in wrap_hanging(&text, w, "  ") {
                rows.push((Some(i), Line::styled(l, theme.dim())));
            }
        } else if !description.is_empty() {
            let l = truncate(description, w.saturating_sub(2));
            rows.push((Some(i), Line::styled(format!("  {l}"), theme.dim())));
        }
    }
    let max = s.rules.max_orders as usize;
    if b.ranked.is_empty() {
        let why = if b.given.len() >= max {
            format!("All {max} orders of the turn are given. e ends the turn.")
        } else {
            "Nothing more you can afford this turn. e ends the turn.".to_owned()
        };
        if !rows.is_empty() {
            rows.push((None, Line::raw("")));
        }
        for l in wrap(&why, w) {
            rows.push((None, Line::styled(l, theme.dim())));
        }
        return rows;
    }
    if !rows.is_empty() {
        rows.push((
            None,
            Line::styled(
                format!("── on offer {}", "─".repeat(w.saturating_sub(12))),
                theme.dim(),
            ),
        ));
    }
    let pick = b.advisor_pick();
    let longest_label = b
        .ranked
        .iter()
        .map(|c| width(&text::order_label(s, &c.order)) + 1)
        .max()
        .unwrap_or(0);
    for (k, c) in b.ranked.iter().enumerate() {
        let i = b.given.len() + k;
        let action = &s.actions[c.order.action.0];
        let selected = play.selected == i;
        let star = if pick == Some(c.order) { "★ " } else { "  " };
        let label = text::order_label(s, &c.order);
        let right = format!(
            "{} cap · {}",
            amount(action.cost),
            text::stance_word(action.stance)
        );
        let base = if selected {
            theme.selected()
        } else {
            theme.text()
        };
        let star_style = if selected {
            theme.selected()
        } else {
            theme.advisor()
        };
        let stance_style = if selected {
            theme.selected()
        } else {
            theme.stance(action.stance)
        };
        if wide {
            // The label column is as wide as the longest label (up to half the panel), so
            // the expected effect gets the rest; the highlighted order's effect wraps in full.
            let label_w = longest_label.min((w / 2).saturating_sub(2)).max(20);
            let right_w = 24;
            let reason_w = w.saturating_sub(2 + label_w + right_w);
            let reason_rows = if selected {
                wrap_hanging(&c.reason, reason_w, "")
            } else {
                vec![truncate(&c.reason, reason_w)]
            };
            let reason_style = if selected {
                theme.selected()
            } else {
                theme.dim()
            };
            for (k, r) in reason_rows.into_iter().enumerate() {
                let spans = if k == 0 {
                    vec![
                        Span::styled(star, star_style),
                        Span::styled(pad(&label, label_w), base),
                        Span::styled(pad(&format!("  {right}"), right_w), stance_style),
                        Span::styled(pad(&r, reason_w), reason_style),
                    ]
                } else {
                    vec![
                        Span::raw(" ".repeat(2 + label_w + right_w)),
                        Span::styled(pad(&r, reason_w), theme.advisor_reason()),
                    ]
                };
                rows.push((Some(i), Line::from(spans)));
            }
            continue;
        }
        // Two rows: the order and its cost; then its stance and what it should do.
        let cost = format!("{} cap", amount(action.cost));
        let left = truncate(&label, w.saturating_sub(2 + width(&cost) + 1));
        let gap = w.saturating_sub(2 + width(&left) + width(&cost));
        rows.push((
            Some(i),
            Line::from(vec![
                Span::styled(star, star_style),
                Span::styled(format!("{left}{}{cost}", " ".repeat(gap)), base),
            ]),
        ));
        let stance = text::stance_word(action.stance);
        let first = format!("  {stance} · ");
        let reason_style = if selected {
            theme.advisor_reason()
        } else {
            theme.dim()
        };
        let reason_rows = if selected {
            wrap_hanging(&c.reason, w.saturating_sub(width(&first)), "")
        } else {
            vec![truncate(&c.reason, w.saturating_sub(width(&first)))]
        };
        for (k, r) in reason_rows.into_iter().enumerate() {
            let lead = if k == 0 {
                Span::styled(first.clone(), theme.stance(action.stance))
            } else {
                Span::raw(" ".repeat(width(&first)))
            };
            rows.push((
                Some(i),
                Line::from(vec![lead, Span::styled(r, reason_style)]),
            ));
        }
    }
    rows
}

/// The decision box's parts: the event's text (it scrolls), and the options with the advice,
/// each row with the option it belongs to.
pub fn decision_parts(
    theme: Theme,
    play: &Play,
    d: &Decision,
    w: usize,
) -> (Vec<Line<'static>>, Tagged) {
    let e = &play.scenario.events[d.pending.event.0];
    let mut text_lines: Vec<Line> = wrap(&e.text, w).into_iter().map(Line::raw).collect();
    if !e.teaching.trim().is_empty() {
        text_lines.push(Line::raw(""));
        for l in wrap_hanging(&e.teaching, w, "Note: ") {
            text_lines.push(Line::styled(l, theme.dim()));
        }
    }
    let mut options = vec![(None, Line::styled("What do you do?", theme.title()))];
    for (i, o) in e.options.iter().enumerate() {
        let advised = i == d.advice.option;
        let first = format!("{}{}. ", if d.selected == i { "▶ " } else { "  " }, i + 1);
        let tag = if advised { "  ★ advisor" } else { "" };
        let rows = wrap_hanging(&format!("{}{tag}", o.label), w, &first);
        for l in rows {
            let style = if d.selected == i {
                theme.selected()
            } else if advised {
                theme.advisor()
            } else {
                theme.text()
            };
            options.push((Some(i), Line::styled(pad(&l, w), style)));
        }
    }
    options.push((None, Line::raw("")));
    let advice = format!(
        "option {}, because it {}.",
        d.advice.option + 1,
        d.advice.reason
    );
    for l in wrap_hanging(&advice, w, "★ Advisor: ") {
        options.push((None, Line::styled(l, theme.advisor_reason())));
    }
    (text_lines, options)
}

/// The news feed's lines at this inner width.
pub fn news_lines(theme: Theme, play: &Play, w: usize) -> Vec<Line<'static>> {
    let s = &play.scenario;
    let b = &play.board;
    let mut out = Vec::new();
    let section = |heading: String, items: &[String], out: &mut Vec<Line<'static>>| {
        out.push(Line::styled(truncate(&heading, w), theme.title()));
        for n in items {
            for l in wrap_hanging(n, w, "• ") {
                out.push(Line::raw(l));
            }
        }
    };
    // The regional tracks first: the figures every party plays for.
    let before = play.table.session().game.history().last();
    section(
        String::from("The region"),
        &sixparty_core::text::track_lines(s, &b.state, before.filter(|h| h.turn < b.state.turn)),
        &mut out,
    );
    if let Some(t) = b.last_turn
        && !b.last_news.is_empty()
    {
        section(
            format!("Last month · {}", s.date_label(t)),
            &b.last_news,
            &mut out,
        );
    }
    if b.turn > 0 {
        if b.news_now.is_empty() {
            section(
                format!("This month · {}", s.date_label(b.turn)),
                &["A quiet month so far.".to_owned()],
                &mut out,
            );
        } else {
            section(
                format!("This month · {}", s.date_label(b.turn)),
                &b.news_now,
                &mut out,
            );
        }
    }
    out
}

/// The debrief's rows at this inner width: long lines wrap under their own indent, two
/// cells further in.
pub fn debrief_rows(lines: &[String], w: usize) -> Vec<(bool, String)> {
    lines
        .iter()
        .flat_map(|l| {
            if l.trim().is_empty() {
                return vec![(false, String::new())];
            }
            let indent = l.len() - l.trim_start_matches(' ').len();
            // Section heads are the unindented lines ending in a colon, and the first line.
            let heading = indent == 0 && (l.ends_with(':') || l.starts_with("DEBRIEF"));
            // A line that fits keeps its own spacing: the debrief aligns columns with it.
            if width(l) <= w {
                return vec![(heading, l.clone())];
            }
            let first = " ".repeat(indent);
            let rest = " ".repeat(indent + 2);
            wrap(l.trim_start(), w.saturating_sub(indent + 2).max(1))
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    (
                        heading,
                        format!("{}{r}", if i == 0 { &first } else { &rest }),
                    )
                })
                .collect()
        })
        .collect()
}
