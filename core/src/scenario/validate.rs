//! Second loading stage: [`RawScenario`] → [`Scenario`], resolving ids and checking ranges.
//!
//! Every problem is collected (not just the first), with the line and column of the offending
//! text where it can be found in the source.
//!
//! `run` checks the header and the calendar here, then each list of the file in turn (`items`);
//! goals, effects and conditions resolve their references through `refs` and `effects`, and
//! `locate` finds a problem's line and column.

use std::collections::HashMap;

use super::Problem;
use super::model::{Scenario, TargetKind};
use super::raw::{FORMAT_VERSION, RawScenario};

mod effects;
mod items;
mod locate;
mod refs;

use locate::locate_in_item;
pub(crate) use locate::{did_you_mean, locate, position};

/// Check a raw scenario and resolve its ids. `source` is the file text, used to place problems.
pub(crate) fn validate(raw: &RawScenario, source: &str) -> Result<Scenario, Vec<Problem>> {
    let mut v = Validator::new(raw, source);
    let scenario = v.run();
    if v.unshown > 0 {
        v.problems.push(Problem {
            line: 1,
            column: 1,
            message: format!(
                "and {} more problems not shown (the first {MAX_PROBLEMS} are listed)",
                v.unshown
            ),
        });
    }
    if v.problems.is_empty() {
        Ok(scenario)
    } else {
        Err(v.problems)
    }
}

/// Most problems listed for one file.
pub const MAX_PROBLEMS: usize = 200;

/// Most events, and most actions, a scenario may hold.
pub(crate) const MAX_ITEMS: usize = 1000;

struct Validator<'a> {
    raw: &'a RawScenario,
    source: &'a str,
    problems: Vec<Problem>,
    unshown: usize,
    parties: HashMap<&'a str, usize>,
    doctrines: HashMap<&'a str, usize>,
    alliances: HashMap<&'a str, usize>,
    forums: HashMap<&'a str, usize>,
    tracks: HashMap<&'a str, usize>,
    actions: HashMap<&'a str, usize>,
    events: HashMap<&'a str, usize>,
}

/// What kind of thing an id names, for messages.
#[derive(Clone, Copy)]
enum Kind {
    Party,
    Doctrine,
    Alliance,
    Forum,
    Track,
    Action,
    Event,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Party => "party",
            Kind::Doctrine => "doctrine",
            Kind::Alliance => "alliance",
            Kind::Forum => "forum",
            Kind::Track => "track",
            Kind::Action => "action",
            Kind::Event => "event",
        }
    }
}

/// Where an effect or condition sits, to know which refs make sense.
#[derive(Clone, Copy)]
struct Scope {
    has_actor: bool,
    target: TargetKind,
}

impl<'a> Validator<'a> {
    fn new(raw: &'a RawScenario, source: &'a str) -> Self {
        let mut v = Self {
            raw,
            source,
            problems: Vec::new(),
            unshown: 0,
            parties: HashMap::new(),
            doctrines: HashMap::new(),
            alliances: HashMap::new(),
            forums: HashMap::new(),
            tracks: HashMap::new(),
            actions: HashMap::new(),
            events: HashMap::new(),
        };
        v.parties = v.index(Kind::Party, raw.parties.iter().map(|p| p.id.as_str()));
        v.doctrines = v.index(Kind::Doctrine, raw.doctrines.iter().map(|p| p.id.as_str()));
        v.alliances = v.index(Kind::Alliance, raw.alliances.iter().map(|p| p.id.as_str()));
        v.forums = v.index(Kind::Forum, raw.forums.iter().map(|p| p.id.as_str()));
        v.tracks = v.index(Kind::Track, raw.tracks.iter().map(|p| p.id.as_str()));
        v.actions = v.index(Kind::Action, raw.actions.iter().map(|p| p.id.as_str()));
        v.events = v.index(Kind::Event, raw.events.iter().map(|p| p.id.as_str()));
        v
    }

    fn index(&mut self, kind: Kind, ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.problem_at("", format!("a {} has an empty id", kind.name()));
            } else if map.insert(id, i).is_some() {
                self.problem_at(id, format!("duplicate {} id \"{id}\"", kind.name()));
            }
        }
        map
    }

    /// Record a problem placed at the first quoted occurrence of `needle` in the source.
    /// Past [`MAX_PROBLEMS`] problems are only counted (placing each costs a search).
    fn problem_at(&mut self, needle: &str, message: String) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.unshown += 1;
            return;
        }
        let (line, column) = locate_in_item(self.source, &message, needle);
        let problem = Problem {
            line,
            column,
            message,
        };
        // The same mistake found twice at the same place is reported once.
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    fn lookup(&mut self, kind: Kind, id: &str, context: &str) -> usize {
        let map = match kind {
            Kind::Party => &self.parties,
            Kind::Doctrine => &self.doctrines,
            Kind::Alliance => &self.alliances,
            Kind::Forum => &self.forums,
            Kind::Track => &self.tracks,
            Kind::Action => &self.actions,
            Kind::Event => &self.events,
        };
        if let Some(&i) = map.get(id) {
            return i;
        }
        let hint = did_you_mean(id, map.keys().copied())
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        let mut known: Vec<&str> = map.keys().copied().collect();
        known.sort_unstable();
        let known = if known.is_empty() {
            String::from("none are defined")
        } else {
            format!("known: {}", known.join(", "))
        };
        self.problem_at(
            id,
            format!("{context}: unknown {} \"{id}\"{hint}; {known}", kind.name()),
        );
        0
    }

    fn range(&mut self, what: &str, near: &str, value: f32, lo: f32, hi: f32) {
        if !(value.is_finite() && value >= lo && value <= hi) {
            self.problem_at(
                near,
                format!("{what} is {value}, must be within {lo}..={hi}"),
            );
        }
    }

    fn run(&mut self) -> Scenario {
        let raw = self.raw;
        if raw.format != FORMAT_VERSION {
            self.problems.push(Problem {
                line: locate(self.source, "format").0,
                column: 1,
                message: format!(
                    "scenario format {} is not supported; this build reads format {FORMAT_VERSION}",
                    raw.format
                ),
            });
        }
        if raw.id.is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            self.problem_at(
                &raw.id,
                format!(
                    "scenario id \"{}\" must be lowercase letters, digits, '-' or '_'",
                    raw.id
                ),
            );
        }
        let cal = &raw.calendar;
        if !(1..=12).contains(&cal.start_month) {
            self.problem_at(
                "start_month",
                format!("start_month {} is not 1..=12", cal.start_month),
            );
        }
        if !(1..=240).contains(&cal.turns) {
            self.problem_at("turns", format!("turns {} is not 1..=240", cal.turns));
        }
        if raw.parties.len() < 2 {
            self.problem_at("parties", "a scenario needs at least two parties".into());
        }
        if raw.parties.len() > 12 {
            self.problem_at("parties", "a scenario has at most twelve parties".into());
        }
        for (what, n) in [
            ("events", raw.events.len()),
            ("actions", raw.actions.len()),
            ("doctrines", raw.doctrines.len()),
            ("alliances", raw.alliances.len()),
            ("forums", raw.forums.len()),
            ("tracks", raw.tracks.len()),
            ("relations", raw.relations.len()),
            ("watch lines", raw.watch.len()),
            (
                "parties' objectives",
                raw.parties.iter().map(|p| p.objectives.len()).sum(),
            ),
            (
                "event options",
                raw.events.iter().map(|e| e.options.len()).sum(),
            ),
        ] {
            if n > MAX_ITEMS {
                // Placed at the list's field name (`watch`, `events`, `objectives`, `options`).
                let field = what.rsplit(' ').next().unwrap_or(what);
                let needle = if field == "lines" { "watch" } else { field };
                self.problem_at(
                    &format!("{needle}:"),
                    format!("{n} {what}: a scenario has at most {MAX_ITEMS} {what}"),
                );
            }
        }
        if raw.rules.max_orders == 0 {
            self.problem_at("max_orders", "rules.max_orders must be at least 1".into());
        }

        let doctrines = self.doctrines();
        let parties = self.parties();
        let (trust, threat) = self.relations();
        let alliances = self.alliances();
        let tracks = self.tracks();
        let forums = self.forums();
        let actions = self.actions();
        let events = self.events();

        Scenario {
            id: raw.id.clone(),
            title: raw.title.clone(),
            summary: raw.summary.clone(),
            source: raw.source.clone(),
            notes: raw.notes.clone(),
            watch: raw.watch.clone(),
            text: self.source.to_owned(),
            start_year: cal.start_year,
            start_month: cal.start_month.clamp(1, 12),
            turns: cal.turns.max(1),
            rules: raw.rules.clone(),
            parties,
            doctrines,
            trust,
            threat,
            alliances,
            forums,
            tracks,
            actions,
            events,
        }
    }
}
