//! The debrief in words: the lines the screen and the plain mode show, the what-if figures,
//! and the questions for a class discussion.

use crate::scenario::Scenario;
use crate::sim::Dynamic;
use crate::sim::rules;

use super::{Debrief, Line, PartyScore, Weighed, capital, export, interview_note};

/// The what-if part of the debrief in words.
pub(super) fn weighed_lines(w: &Weighed, s: &Scenario) -> Vec<String> {
    {
        let mut out = vec![format!(
            "You beside the AI (what-if: {} AI games for each figure):",
            w.runs
        )];
        for c in &w.seats {
            let name = &s.parties[c.party.0].name;
            out.push(format!(
                "  {name}: your score {:.1}; the AI in your seat, same dice, {:.1}{}",
                c.actual,
                c.ai_same_seed,
                c.spread().map_or(String::new(), |sp| format!(
                    "; with other dice {:.1} on average ({:.1}–{:.1})",
                    sp.mean, sp.p5, sp.p95
                ))
            ));
        }
        for (p, tp) in &w.turning {
            let name = &s.parties[p.0].name;
            match tp {
                Some(tp) => out.push(format!(
                    "  Turning point for {name}: {} — you chose \"{}\"; \"{}\" would have left you {:.1} points {} on average ({:.1} → {:.1}).",
                    s.date_label(tp.turn),
                    tp.chose,
                    tp.alternative,
                    tp.delta().abs(),
                    if tp.delta() >= 0.0 { "better off" } else { "worse off" },
                    tp.actual,
                    tp.instead
                )),
                None => out.push(format!(
                    "  Turning point for {name}: none — no choice of yours had an alternative to weigh."
                )),
            }
        }
        out
    }
}

impl Debrief {
    /// The debrief as lines of text, for the screen and the plain mode.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!("DEBRIEF — {}", self.title),
            format!(
                "{} turns played · seed {} (replay with --seed {})",
                self.turns_played, self.seed, self.seed
            ),
            String::new(),
            String::from("Scores against objectives (0–100; start → end):"),
        ];
        let mut ranked: Vec<&PartyScore> = self.scores.iter().collect();
        ranked.sort_by(|a, b| (b.end - b.start).total_cmp(&(a.end - a.start)));
        let width = ranked
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for sc in &ranked {
            out.push(format!(
                "  {:<width$} {:>5.1} → {:>5.1} ({:+.1}){}",
                sc.name,
                sc.start,
                sc.end,
                sc.end - sc.start,
                if sc.human { "  ← you" } else { "" }
            ));
        }
        for sc in self.scores.iter().filter(|s| s.human) {
            out.push(String::new());
            out.push(format!("Your objectives ({}):", sc.name));
            for o in &sc.objectives {
                out.push(format!(
                    "  {:>3.0}% → {:>3.0}%  {} (weight {})",
                    o.start * 100.0,
                    o.end * 100.0,
                    o.text,
                    o.weight
                ));
            }
        }
        if let Some(w) = &self.weighed {
            out.push(String::new());
            out.extend(w.lines.iter().cloned());
        }
        out.push(String::new());
        out.push(String::from(
            "What became of the forums and the region's questions:",
        ));
        for f in &self.outcome.forums {
            let (a, b) = f.status;
            let status = if a == b {
                format!("{a:?}").to_lowercase()
            } else {
                format!("{a:?} → {b:?}").to_lowercase()
            };
            out.push(format!(
                "  {:<36} {status}; habit {:.0} → {:.0}; {} session{}",
                f.name,
                f.habit.0,
                f.habit.1,
                f.sessions,
                if f.sessions == 1 { "" } else { "s" }
            ));
        }
        for t in &self.outcome.tracks {
            out.push(format!(
                "  {:<36} {:.0} → {:.0} ({:+.0})",
                t.name,
                t.value.0,
                t.value.1,
                t.value.1 - t.value.0
            ));
        }
        out.push(String::new());
        out.push(String::from(
            "Over time (start → end; each line scaled between its own low and high):",
        ));
        let series = &self.series;
        let groups: [(&str, &Vec<Line>); 5] = [
            ("Scores", &series.scores),
            ("Tracks", &series.tracks),
            ("Trust", &series.trust),
            ("Forum habits", &series.habits),
            ("Alliances", &series.alliances),
        ];
        for (title, lines) in groups {
            if lines.is_empty() {
                continue;
            }
            out.push(format!("  {title}:"));
            let width = lines
                .iter()
                .map(|l| l.name.chars().count())
                .max()
                .unwrap_or(0)
                .min(34);
            for l in lines {
                let (Some(a), Some(b)) = (l.values.first(), l.values.last()) else {
                    continue;
                };
                let name: String = if l.name.chars().count() > width {
                    l.name.chars().take(width - 1).chain(['…']).collect()
                } else {
                    l.name.clone()
                };
                out.push(format!(
                    "    {name:<width$} {:>4.0} {} {}",
                    rules::tidy(*a, 0),
                    export::sparkline(&l.values),
                    rules::tidy(*b, 0)
                ));
            }
        }
        out.push(String::new());
        out.push(String::from("Timeline:"));
        if self.timeline.is_empty() {
            out.push(String::from("  (nothing of note)"));
        }
        for t in &self.timeline {
            out.push(format!("  {:<8} {}", t.date, t.text));
        }
        out.push(String::new());
        let seen = self.findings.iter().filter(|f| f.occurred).count();
        out.push(format!("Dynamics at work ({seen} of 10):"));
        for f in &self.findings {
            let mark = if f.occurred { "✓" } else { "·" };
            let when = f
                .turn
                .map(|t| format!(" (from turn {t})"))
                .unwrap_or_default();
            out.push(format!("  {mark} {}{when}: {}", f.dynamic.name(), f.why));
            if f.occurred {
                out.push(format!("      {}", interview_note(f.dynamic)));
            }
        }
        if !self.questions.is_empty() {
            out.push(String::new());
            out.push(String::from("For discussion:"));
            for (i, q) in self.questions.iter().enumerate() {
                out.push(format!("  {}. {q}", i + 1));
            }
        }
        out
    }
}

/// Three questions for a class, drawn from what happened in this game.
pub(super) fn questions(d: &Debrief, s: &Scenario) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(w) = &d.weighed {
        for (p, tp) in &w.turning {
            if let Some(tp) = tp {
                out.push(format!(
                    "In {}, {} chose \"{}\". The what-if runs say \"{}\" would have changed its score by {:+.1} on average. Why did that choice matter so much, and what would you have needed to know to choose differently?",
                    s.date_label(tp.turn),
                    s.parties[p.0].name,
                    tp.chose,
                    tp.alternative,
                    tp.delta()
                ));
            }
        }
    }
    let occurred = |dy: Dynamic| d.findings.iter().find(|f| f.dynamic == dy && f.occurred);
    let worst = d
        .scores
        .iter()
        .min_by(|a, b| (a.end - a.start).total_cmp(&(b.end - b.start)));
    let best_forum = d
        .outcome
        .forums
        .iter()
        .max_by(|a, b| (a.habit.1 - a.habit.0).total_cmp(&(b.habit.1 - b.habit.0)));
    let candidates: Vec<Option<String>> = vec![
        occurred(Dynamic::RedLines).map(|f| format!(
            "A red line was crossed ({}). Was raising the matter worth what it cost the forum? When should a forum keep a topic off its agenda?",
            f.why.trim_end_matches('.')
        )),
        occurred(Dynamic::AllianceSecurityDilemma).map(|_| {
            "A patron reassured an ally, and others felt more threatened. How can a patron calm an ally's fear of abandonment without binding itself to the ally's quarrels or alarming its rivals?".to_string()
        }),
        occurred(Dynamic::IssueLinkage).map(|f| format!(
            "A bilateral quarrel spilled into the forums ({}). Should cooperation on a shared problem be shielded from other disputes, and can it be?",
            f.why.trim_end_matches('.')
        )),
        best_forum.filter(|f| f.sessions >= 2).map(|f| format!(
            "The {} met {} times and its habit went from {:.0} to {:.0}. What does a habit of meeting buy when the meetings settle little?",
            f.name, f.sessions, f.habit.0, f.habit.1
        )),
        occurred(Dynamic::SecurityDilemma).map(|f| format!(
            "{} What could the others have done to make that rise less alarming, and what could the rising power have done?",
            capital(f.why.trim_end_matches('.')) + "."
        )),
        occurred(Dynamic::Brinkmanship).map(|_| {
            "A weak party pressed its stronger neighbours and was paid for it. Did paying calm it or invite the next provocation? What else could the others have done?".to_string()
        }),
        worst.map(|w| format!(
            "{} ended {:+.1} from where it started, the worst result at the table. Was that its own choices, the others', or the dice? What would you have done in its seat?",
            w.name,
            w.end - w.start
        )),
    ];
    out.extend(candidates.into_iter().flatten());
    out.truncate(3);
    out
}
