//! The debrief as a printable Markdown handout and as CSV files for a spreadsheet.

use std::fmt::Write as _;

use super::{Debrief, Line, interview_note};
use crate::scenario::Scenario;

/// A line of figures as a text sparkline, scaled between its own lowest and highest value.
pub fn sparkline(values: &[f32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let lo = values.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    values
        .iter()
        .map(|v| {
            if hi - lo < 1e-6 {
                BARS[3]
            } else {
                BARS[(((v - lo) / (hi - lo)) * 7.0).round() as usize]
            }
        })
        .collect()
}

fn chart(out: &mut String, title: &str, lines: &[Line]) {
    if lines.is_empty() {
        return;
    }
    let width = lines
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(0);
    let _ = writeln!(out, "**{title}**\n\n```text");
    for l in lines {
        let (Some(first), Some(last)) = (l.values.first(), l.values.last()) else {
            continue;
        };
        let lo = l.values.iter().copied().fold(f32::INFINITY, f32::min);
        let hi = l.values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let _ = writeln!(
            out,
            "{:<width$}  {first:>5.0} {} {last:<5.0} (low {lo:.0}, high {hi:.0})",
            l.name,
            sparkline(&l.values)
        );
    }
    let _ = writeln!(out, "```\n");
}

/// Escape a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The debrief as a Markdown handout.
pub fn markdown(d: &Debrief, s: &Scenario) -> String {
    let mut out = String::new();
    let players: Vec<&str> = d
        .scores
        .iter()
        .filter(|p| p.human)
        .map(|p| p.name.as_str())
        .collect();
    let _ = writeln!(out, "# Debrief — {}\n", d.title);
    let _ = writeln!(
        out,
        "{} turns played · seed {} · played by {}. Replay the same game with `sixparty play {} --seed {}`.\n",
        d.turns_played,
        d.seed,
        if players.is_empty() {
            "the AI alone".to_string()
        } else {
            players.join(", ")
        },
        s.id,
        d.seed
    );
    let _ = writeln!(out, "Source: {}.\n", s.source.trim_end_matches('.'));
    let _ = writeln!(out, "## Scores against objectives\n");
    let _ = writeln!(
        out,
        "| party | start | end | change |\n|---|---:|---:|---:|"
    );
    let mut ranked: Vec<_> = d.scores.iter().collect();
    ranked.sort_by(|a, b| (b.end - b.start).total_cmp(&(a.end - a.start)));
    for p in ranked {
        let _ = writeln!(
            out,
            "| {}{} | {:.1} | {:.1} | {:+.1} |",
            cell(&p.name),
            if p.human { " (player)" } else { "" },
            p.start,
            p.end,
            p.end - p.start
        );
    }
    for p in d.scores.iter().filter(|p| p.human) {
        let _ = writeln!(
            out,
            "\n**{}: objectives** (how far each was met, start → end)\n",
            p.name
        );
        for o in &p.objectives {
            let _ = writeln!(
                out,
                "- {} (weight {}): {:.0}% → {:.0}%",
                o.text,
                o.weight,
                o.start * 100.0,
                o.end * 100.0
            );
        }
    }
    if let Some(w) = &d.weighed {
        let _ = writeln!(out, "\n## Beside the AI, and the turning point\n");
        let _ = writeln!(out, "{}\n", w.lines[0]);
        for l in w.lines.iter().skip(1) {
            let _ = writeln!(out, "- {}", l.trim());
        }
    }
    let _ = writeln!(
        out,
        "\n## What became of the forums and the region's questions\n"
    );
    let _ = writeln!(
        out,
        "| forum | status | habit | sessions |\n|---|---|---:|---:|"
    );
    for f in &d.outcome.forums {
        let (a, b) = f.status;
        let status = if a == b {
            format!("{a:?}").to_lowercase()
        } else {
            format!("{a:?} → {b:?}").to_lowercase()
        };
        let _ = writeln!(
            out,
            "| {} | {status} | {:.0} → {:.0} | {} |",
            cell(&f.name),
            f.habit.0,
            f.habit.1,
            f.sessions
        );
    }
    let _ = writeln!(out, "\n| track | start | end |\n|---|---:|---:|");
    for t in &d.outcome.tracks {
        let _ = writeln!(
            out,
            "| {} | {:.0} | {:.0} |",
            cell(&t.name),
            t.value.0,
            t.value.1
        );
    }
    let _ = writeln!(
        out,
        "\n## Charts\n\nEach line runs from the start to the last month; its bars are scaled between its own lowest and highest value.\n"
    );
    chart(&mut out, "Scores", &d.series.scores);
    chart(&mut out, "The region's tracks", &d.series.tracks);
    chart(&mut out, "Trust", &d.series.trust);
    chart(&mut out, "Forum habits", &d.series.habits);
    chart(&mut out, "Alliances", &d.series.alliances);
    let _ = writeln!(out, "## Timeline\n");
    if d.timeline.is_empty() {
        let _ = writeln!(out, "Nothing of note.");
    }
    for t in &d.timeline {
        let _ = writeln!(out, "- **{}** — {}", t.date, t.text);
    }
    let seen = d.findings.iter().filter(|f| f.occurred).count();
    let _ = writeln!(out, "\n## Dynamics at work ({seen} of 10)\n");
    for f in &d.findings {
        if f.occurred {
            let when = f
                .turn
                .map(|t| format!(" (from {})", s.date_label(t)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "### {}{when}\n\n{}\n\n{}\n",
                f.dynamic.name(),
                super::capital(&f.why),
                interview_note(f.dynamic)
            );
        }
    }
    let absent: Vec<String> = d
        .findings
        .iter()
        .filter(|f| !f.occurred)
        .map(|f| format!("- {}: {}", f.dynamic.name(), f.why))
        .collect();
    if !absent.is_empty() {
        let _ = writeln!(out, "Not seen in this game:\n\n{}\n", absent.join("\n"));
    }
    if !d.questions.is_empty() {
        let _ = writeln!(out, "## For discussion\n");
        for (i, q) in d.questions.iter().enumerate() {
            let _ = writeln!(out, "{}. {q}", i + 1);
        }
    }
    out
}

/// A CSV field, quoted when it needs to be.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The debrief as CSV files: `turns.csv` (one row per month: every score, track, trust pair,
/// forum habit and alliance figure), `scores.csv` and `timeline.csv`. Returns (file name,
/// contents) pairs.
pub fn csv_files(d: &Debrief) -> Vec<(&'static str, String)> {
    let series = &d.series;
    let lines: Vec<&Line> = series
        .scores
        .iter()
        .chain(&series.tracks)
        .chain(&series.trust)
        .chain(&series.habits)
        .chain(&series.alliances)
        .collect();
    let mut turns = String::from("turn,date");
    for l in &lines {
        let _ = write!(turns, ",{}", field(&l.name));
    }
    turns.push('\n');
    for (t, date) in series.dates.iter().enumerate() {
        let _ = write!(turns, "{t},{}", field(date));
        for l in &lines {
            let _ = write!(
                turns,
                ",{:.2}",
                l.values.get(t).copied().unwrap_or(f32::NAN)
            );
        }
        turns.push('\n');
    }
    let mut scores = String::from("party,player,start,end,change\n");
    for p in &d.scores {
        let _ = writeln!(
            scores,
            "{},{},{:.2},{:.2},{:.2}",
            field(&p.name),
            if p.human { "human" } else { "ai" },
            p.start,
            p.end,
            p.end - p.start
        );
    }
    let mut timeline = String::from("turn,date,what\n");
    for t in &d.timeline {
        let _ = writeln!(timeline, "{},{},{}", t.turn, field(&t.date), field(&t.text));
    }
    vec![
        ("turns.csv", turns),
        ("scores.csv", scores),
        ("timeline.csv", timeline),
    ]
}
