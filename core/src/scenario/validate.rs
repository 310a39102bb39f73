//! Second loading stage: [`RawScenario`] → [`Scenario`], resolving ids and checking ranges.
//!
//! Every problem is collected (not just the first), with the line and column of the offending
//! text where it can be found in the source.

use std::collections::HashMap;

use super::Problem;
use super::model::{
    Action, ActionIx, Alliance, AllianceIx, AllianceRef, Condition, Doctrine, DoctrineIx, Effect,
    Event, EventIx, EventOption, Forum, ForumIx, ForumRef, Goal, Objective, Party, PartyIx,
    PartyRef, Scenario, TargetKind, Track, TrackIx, When,
};
use super::raw::{self, FORMAT_VERSION, RawCondition, RawEffect, RawGoal, RawScenario, Schedule};

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

        let doctrines = raw
            .doctrines
            .iter()
            .map(|d| {
                let ctx = format!("doctrine \"{}\"", d.id);
                self.range(&format!("{ctx} risk"), &d.id, d.risk, 0.0, 1.0);
                self.range(
                    &format!("{ctx} reciprocity"),
                    &d.id,
                    d.reciprocity,
                    0.0,
                    1.0,
                );
                self.range(
                    &format!("{ctx} multilateralism"),
                    &d.id,
                    d.multilateralism,
                    -1.0,
                    1.0,
                );
                if d.goals.is_empty() {
                    self.problem_at(&d.id, format!("{ctx} has no goals"));
                }
                Doctrine {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    description: d.description.clone(),
                    goals: d
                        .goals
                        .iter()
                        .map(|g| {
                            self.range(&format!("{ctx} goal weight"), &d.id, g.weight, 0.0, 100.0);
                            (self.goal(&g.goal, &ctx), g.weight)
                        })
                        .collect(),
                    risk: d.risk,
                    reciprocity: d.reciprocity,
                    multilateralism: d.multilateralism,
                }
            })
            .collect();

        let parties: Vec<Party> = raw
            .parties
            .iter()
            .map(|p| {
                let ctx = format!("party \"{}\"", p.id);
                self.range(&format!("{ctx} power"), &p.id, p.power, 0.0, 1000.0);
                self.range(&format!("{ctx} growth"), &p.id, p.growth, -50.0, 50.0);
                self.range(&format!("{ctx} capital"), &p.id, p.capital, 0.0, 50.0);
                for (name, value) in [
                    ("security", p.security),
                    ("prestige", p.prestige),
                    ("approval", p.approval),
                ] {
                    self.range(&format!("{ctx} {name}"), &p.id, value, 0.0, 100.0);
                }
                if p.map.0 > 100 || p.map.1 > 100 {
                    self.problem_at(&p.id, format!("{ctx} map position must be within 0..=100"));
                }
                if p.short.is_empty() || p.short.chars().count() > 5 {
                    self.problem_at(
                        &p.short,
                        format!("{ctx} short label must be 1 to 5 characters"),
                    );
                }
                if p.objectives.is_empty() {
                    self.problem_at(&p.id, format!("{ctx} has no objectives"));
                }
                let doctrine = DoctrineIx(self.lookup(Kind::Doctrine, &p.doctrine, &ctx));
                let objectives = p
                    .objectives
                    .iter()
                    .map(|o| {
                        self.range(
                            &format!("{ctx} objective weight"),
                            &o.text,
                            o.weight,
                            0.0,
                            100.0,
                        );
                        Objective {
                            text: o.text.clone(),
                            goal: self.goal(&o.goal, &ctx),
                            weight: o.weight,
                        }
                    })
                    .collect();
                let payoff = p
                    .payoff
                    .as_ref()
                    .map(|t| TrackIx(self.lookup(Kind::Track, t, &format!("{ctx} payoff"))));
                Party {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    short: p.short.clone(),
                    map: p.map,
                    power: p.power,
                    growth: p.growth,
                    capital: p.capital,
                    security: p.security,
                    prestige: p.prestige,
                    approval: p.approval,
                    doctrine,
                    playable: p.playable,
                    briefing: p.briefing.clone(),
                    objectives,
                    payoff,
                }
            })
            .collect();
        if !parties.iter().any(|p| p.playable) && !parties.is_empty() {
            self.problem_at("playable", "no party is playable".into());
        }

        let n = raw.parties.len();
        let mut trust = vec![vec![raw.rules.default_trust; n]; n];
        let mut threat = vec![vec![raw.rules.default_threat; n]; n];
        for r in &raw.relations {
            let ctx = format!("relation {} → {}", r.from, r.to);
            let a = self.lookup(Kind::Party, &r.from, &ctx);
            let b = self.lookup(Kind::Party, &r.to, &ctx);
            self.range(&format!("{ctx} trust"), &r.from, r.trust, -100.0, 100.0);
            self.range(&format!("{ctx} threat"), &r.from, r.threat, 0.0, 100.0);
            if a == b && r.from == r.to {
                self.problem_at(
                    &r.from,
                    format!("{ctx}: a party has no relation with itself"),
                );
            }
            if n > 0 {
                trust[a][b] = r.trust;
                threat[a][b] = r.threat;
                if r.both {
                    trust[b][a] = r.trust;
                    threat[b][a] = r.threat;
                }
            }
        }

        let alliances = raw
            .alliances
            .iter()
            .map(|al| {
                let ctx = format!("alliance \"{}\"", al.id);
                let patron = PartyIx(self.lookup(Kind::Party, &al.patron, &ctx));
                let client = PartyIx(self.lookup(Kind::Party, &al.client, &ctx));
                if al.patron == al.client {
                    self.problem_at(
                        &al.id,
                        format!("{ctx}: patron and client are the same party"),
                    );
                }
                for (name, value) in [
                    ("commitment", al.commitment),
                    ("abandonment_fear", al.abandonment_fear),
                    ("entrapment_risk", al.entrapment_risk),
                ] {
                    self.range(&format!("{ctx} {name}"), &al.id, value, 0.0, 100.0);
                }
                let rivals = al
                    .rivals
                    .iter()
                    .map(|r| PartyIx(self.lookup(Kind::Party, r, &ctx)))
                    .collect();
                Alliance {
                    id: al.id.clone(),
                    name: al.name.clone(),
                    patron,
                    client,
                    commitment: al.commitment,
                    umbrella: al.umbrella,
                    abandonment_fear: al.abandonment_fear,
                    entrapment_risk: al.entrapment_risk,
                    rivals,
                }
            })
            .collect();

        let tracks: Vec<Track> = raw
            .tracks
            .iter()
            .map(|t| {
                let ctx = format!("track \"{}\"", t.id);
                if t.min >= t.max || t.min.is_nan() || t.max.is_nan() {
                    self.problem_at(
                        &t.id,
                        format!("{ctx}: min {} must be below max {}", t.min, t.max),
                    );
                }
                self.range(&format!("{ctx} value"), &t.id, t.value, t.min, t.max);
                self.range(&format!("{ctx} drift"), &t.id, t.drift, -50.0, 50.0);
                Track {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    description: t.description.clone(),
                    value: t.value,
                    min: t.min,
                    max: t.max,
                    drift: t.drift,
                    role: t.role,
                }
            })
            .collect();
        if tracks.is_empty() {
            self.problem_at("tracks", "a scenario needs at least one track".into());
        }

        let forums = raw
            .forums
            .iter()
            .map(|f| {
                let ctx = format!("forum \"{}\"", f.id);
                let members: Vec<PartyIx> = f
                    .members
                    .iter()
                    .map(|m| PartyIx(self.lookup(Kind::Party, m, &ctx)))
                    .collect();
                if f.members.len() < 2 {
                    self.problem_at(&f.id, format!("{ctx} needs at least two members"));
                }
                let host = f.host.as_ref().map(|h| {
                    if !f.members.contains(h) {
                        self.problem_at(h, format!("{ctx}: host \"{h}\" is not a member"));
                    }
                    PartyIx(self.lookup(Kind::Party, h, &ctx))
                });
                match &f.schedule {
                    Schedule::Every(0) => {
                        self.problem_at(
                            &f.id,
                            format!("{ctx}: Every(0) never meets; use Every(1) or more"),
                        );
                    }
                    Schedule::Months(ms) if ms.iter().any(|m| !(1..=12).contains(m)) => {
                        self.problem_at(&f.id, format!("{ctx}: schedule months must be 1..=12"));
                    }
                    _ => {}
                }
                self.range(&format!("{ctx} habit"), &f.id, f.habit, 0.0, 100.0);
                if f.short.is_empty() || f.short.chars().count() > 6 {
                    self.problem_at(
                        &f.short,
                        format!("{ctx} short label must be 1 to 6 characters"),
                    );
                }
                let agenda = f
                    .agenda
                    .iter()
                    .map(|a| {
                        (
                            TrackIx(self.lookup(Kind::Track, &a.track, &ctx)),
                            a.per_session,
                        )
                    })
                    .collect();
                let excluded = f
                    .excluded
                    .iter()
                    .map(|e| {
                        if !f.members.contains(&e.owner) {
                            self.problem_at(
                                &e.owner,
                                format!("{ctx}: red-line owner \"{}\" is not a member", e.owner),
                            );
                        }
                        (
                            TrackIx(self.lookup(Kind::Track, &e.topic, &ctx)),
                            PartyIx(self.lookup(Kind::Party, &e.owner, &ctx)),
                        )
                    })
                    .collect();
                Forum {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    short: f.short.clone(),
                    description: f.description.clone(),
                    members,
                    host,
                    status: f.status,
                    schedule: f.schedule.clone(),
                    agenda,
                    excluded,
                    habit: f.habit,
                }
            })
            .collect();

        let actions: Vec<Action> = raw
            .actions
            .iter()
            .map(|a| {
                let ctx = format!("action \"{}\"", a.id);
                self.range(&format!("{ctx} cost"), &a.id, a.cost, 0.0, 50.0);
                let who = a
                    .who
                    .iter()
                    .map(|w| PartyIx(self.lookup(Kind::Party, w, &ctx)))
                    .collect();
                if a.target == TargetKind::Forum && raw.forums.is_empty() {
                    self.problem_at(
                        &a.id,
                        format!("{ctx} targets a forum but the scenario has none"),
                    );
                }
                if a.target == TargetKind::Ally && raw.alliances.is_empty() {
                    self.problem_at(
                        &a.id,
                        format!("{ctx} targets an ally but the scenario has no alliances"),
                    );
                }
                if a.topic.is_some() && a.target != TargetKind::Forum {
                    self.problem_at(
                        &a.id,
                        format!("{ctx}: a topic can only be raised at a forum (target: Forum)"),
                    );
                }
                let scope = Scope {
                    has_actor: true,
                    target: a.target,
                };
                Action {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    description: a.description.clone(),
                    cost: a.cost,
                    who,
                    target: a.target,
                    stance: a.stance,
                    topic: a
                        .topic
                        .as_ref()
                        .map(|t| TrackIx(self.lookup(Kind::Track, t, &ctx))),
                    requires: a.requires.as_ref().map(|c| self.condition(c, scope, &ctx)),
                    effects: self.effects(&a.effects, scope, &ctx).into(),
                }
            })
            .collect();
        if actions.is_empty() {
            self.problem_at("actions", "a scenario needs at least one action".into());
        }

        let events = raw
            .events
            .iter()
            .map(|e| {
                let ctx = format!("event \"{}\"", e.id);
                self.range(&format!("{ctx} chance"), &e.id, e.chance, 0.0, 1.0);
                let decider = e
                    .decider
                    .as_ref()
                    .map(|d| PartyIx(self.lookup(Kind::Party, d, &ctx)));
                let target = e
                    .target
                    .as_ref()
                    .map(|d| PartyIx(self.lookup(Kind::Party, d, &ctx)));
                if decider.is_some() && e.options.is_empty() {
                    self.problem_at(&e.id, format!("{ctx} has a decider but no options"));
                }
                if decider.is_none() && !e.options.is_empty() {
                    self.problem_at(&e.id, format!("{ctx} has options but no decider"));
                }
                let scope = Scope {
                    has_actor: decider.is_some(),
                    target: if target.is_some() {
                        TargetKind::Party
                    } else {
                        TargetKind::None
                    },
                };
                let trigger_scope = Scope {
                    has_actor: false,
                    target: TargetKind::None,
                };
                let when = match &e.when {
                    raw::When::Date(year, month) => {
                        let months = (i64::from(*year) - i64::from(cal.start_year)) * 12
                            + i64::from(*month)
                            - i64::from(cal.start_month);
                        if !(1..=12).contains(month) || months < 0 || months >= i64::from(cal.turns) {
                            self.problem_at(
                                &e.id,
                                format!(
                                    "{ctx}: date {year}-{month:02} lies outside the calendar ({}-{:02}, {} turns)",
                                    cal.start_year, cal.start_month, cal.turns
                                ),
                            );
                        }
                        When::Turn(months.max(0) as u32 + 1)
                    }
                    raw::When::Trigger(c) => When::Trigger(self.condition(c, trigger_scope, &ctx)),
                };
                let mut seen = Vec::new();
                let options = e
                    .options
                    .iter()
                    .map(|o| {
                        if seen.contains(&o.id.as_str()) {
                            self.problem_at(&o.id, format!("{ctx}: duplicate option id \"{}\"", o.id));
                        }
                        seen.push(o.id.as_str());
                        EventOption {
                            id: o.id.clone(),
                            label: o.label.clone(),
                            effects: self.effects(&o.effects, scope, &ctx),
                            ai_weight: o.ai_weight,
                        }
                    })
                    .collect();
                Event {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    text: e.text.clone(),
                    when,
                    chance: e.chance,
                    once: e.once,
                    decider,
                    target,
                    effects: self.effects(&e.effects, scope, &ctx),
                    options,
                    teaching: e.teaching.clone(),
                }
            })
            .collect();

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

    fn goal(&mut self, g: &RawGoal, ctx: &str) -> Goal {
        match g {
            RawGoal::Track { track, prefer } => {
                Goal::Track(TrackIx(self.lookup(Kind::Track, track, ctx)), *prefer)
            }
            RawGoal::Figure { figure, prefer } => Goal::Figure(*figure, *prefer),
            RawGoal::TrustFrom { party } => {
                Goal::TrustFrom(PartyIx(self.lookup(Kind::Party, party, ctx)))
            }
            RawGoal::LowThreatFrom { party } => {
                Goal::LowThreatFrom(PartyIx(self.lookup(Kind::Party, party, ctx)))
            }
            RawGoal::FeelSafeFrom { party } => {
                Goal::FeelSafeFrom(PartyIx(self.lookup(Kind::Party, party, ctx)))
            }
            RawGoal::Commitment { alliance, prefer } => Goal::Commitment(
                AllianceIx(self.lookup(Kind::Alliance, alliance, ctx)),
                *prefer,
            ),
            RawGoal::LowFear { alliance } => {
                Goal::LowFear(AllianceIx(self.lookup(Kind::Alliance, alliance, ctx)))
            }
            RawGoal::Habit { forum, prefer } => {
                Goal::Habit(ForumIx(self.lookup(Kind::Forum, forum, ctx)), *prefer)
            }
        }
    }

    fn party_ref(&mut self, r: &raw::PartyRef, scope: Scope, ctx: &str) -> PartyRef {
        match r {
            raw::PartyRef::Actor => {
                if !scope.has_actor {
                    self.problem_at("Actor", format!("{ctx}: `Actor` used where there is no actor (an event without a decider, or a trigger)"));
                }
                PartyRef::Actor
            }
            raw::PartyRef::Target => {
                if !matches!(scope.target, TargetKind::Party | TargetKind::Ally) {
                    self.problem_at(
                        "Target",
                        format!(
                            "{ctx}: `Target` used as a party, but there is no target party here"
                        ),
                    );
                }
                PartyRef::Target
            }
            raw::PartyRef::Party(id) => PartyRef::Party(PartyIx(self.lookup(Kind::Party, id, ctx))),
        }
    }

    fn forum_ref(&mut self, r: &raw::ForumRef, scope: Scope, ctx: &str) -> ForumRef {
        match r {
            raw::ForumRef::Target => {
                if scope.target != TargetKind::Forum {
                    self.problem_at(
                        "Target",
                        format!(
                            "{ctx}: `Target` used as a forum, but the target here is not a forum"
                        ),
                    );
                }
                ForumRef::Target
            }
            raw::ForumRef::Forum(id) => ForumRef::Forum(ForumIx(self.lookup(Kind::Forum, id, ctx))),
        }
    }

    fn alliance_ref(&mut self, r: &raw::AllianceRef, scope: Scope, ctx: &str) -> AllianceRef {
        match r {
            raw::AllianceRef::Target => {
                if scope.target != TargetKind::Ally {
                    self.problem_at("Target", format!("{ctx}: `Target` used as an alliance, but the target here is not an ally (target: Ally)"));
                }
                AllianceRef::Target
            }
            raw::AllianceRef::Alliance(id) => {
                AllianceRef::Alliance(AllianceIx(self.lookup(Kind::Alliance, id, ctx)))
            }
        }
    }

    fn effects(&mut self, effects: &[RawEffect], scope: Scope, ctx: &str) -> Vec<Effect> {
        effects.iter().map(|e| self.effect(e, scope, ctx)).collect()
    }

    fn effect(&mut self, e: &RawEffect, scope: Scope, ctx: &str) -> Effect {
        match e {
            RawEffect::Trust { from, to, delta } => Effect::Trust(
                self.party_ref(from, scope, ctx),
                self.party_ref(to, scope, ctx),
                *delta,
            ),
            RawEffect::Threat { from, to, delta } => Effect::Threat(
                self.party_ref(from, scope, ctx),
                self.party_ref(to, scope, ctx),
                *delta,
            ),
            RawEffect::MutualTrust { a, b, delta } => Effect::MutualTrust(
                self.party_ref(a, scope, ctx),
                self.party_ref(b, scope, ctx),
                *delta,
            ),
            RawEffect::Track { track, delta } => {
                Effect::Track(TrackIx(self.lookup(Kind::Track, track, ctx)), *delta)
            }
            RawEffect::Figure {
                party,
                figure,
                delta,
            } => Effect::Figure(self.party_ref(party, scope, ctx), *figure, *delta),
            RawEffect::Alliance {
                alliance,
                figure,
                delta,
            } => Effect::Alliance(self.alliance_ref(alliance, scope, ctx), *figure, *delta),
            RawEffect::Habit { forum, delta } => {
                Effect::Habit(self.forum_ref(forum, scope, ctx), *delta)
            }
            RawEffect::ForumStatus { forum, status } => {
                Effect::ForumStatus(self.forum_ref(forum, scope, ctx), *status)
            }
            RawEffect::Boycott { forum } => {
                if !scope.has_actor {
                    self.problem_at("Boycott", format!("{ctx}: `Boycott` needs an actor"));
                }
                Effect::Boycott(self.forum_ref(forum, scope, ctx))
            }
            RawEffect::Doctrine { party, doctrine } => Effect::Doctrine(
                self.party_ref(party, scope, ctx),
                DoctrineIx(self.lookup(Kind::Doctrine, doctrine, ctx)),
            ),
            RawEffect::News(text) => Effect::News(text.clone()),
            RawEffect::If {
                when,
                then,
                otherwise,
            } => Effect::If(
                self.condition(when, scope, ctx),
                self.effects(then, scope, ctx),
                self.effects(otherwise, scope, ctx),
            ),
        }
    }

    fn condition(&mut self, c: &RawCondition, scope: Scope, ctx: &str) -> Condition {
        match c {
            RawCondition::Always => Condition::Always,
            RawCondition::All(cs) => {
                Condition::All(cs.iter().map(|c| self.condition(c, scope, ctx)).collect())
            }
            RawCondition::Any(cs) => {
                Condition::Any(cs.iter().map(|c| self.condition(c, scope, ctx)).collect())
            }
            RawCondition::Not(c) => Condition::Not(Box::new(self.condition(c, scope, ctx))),
            RawCondition::TrackAbove { track, value } => {
                Condition::TrackAbove(TrackIx(self.lookup(Kind::Track, track, ctx)), *value)
            }
            RawCondition::TrackBelow { track, value } => {
                Condition::TrackBelow(TrackIx(self.lookup(Kind::Track, track, ctx)), *value)
            }
            RawCondition::TrustAbove { from, to, value } => Condition::TrustAbove(
                self.party_ref(from, scope, ctx),
                self.party_ref(to, scope, ctx),
                *value,
            ),
            RawCondition::TrustBelow { from, to, value } => Condition::TrustBelow(
                self.party_ref(from, scope, ctx),
                self.party_ref(to, scope, ctx),
                *value,
            ),
            RawCondition::ThreatAbove { from, to, value } => Condition::ThreatAbove(
                self.party_ref(from, scope, ctx),
                self.party_ref(to, scope, ctx),
                *value,
            ),
            RawCondition::FigureAbove {
                party,
                figure,
                value,
            } => Condition::FigureAbove(self.party_ref(party, scope, ctx), *figure, *value),
            RawCondition::FigureBelow {
                party,
                figure,
                value,
            } => Condition::FigureBelow(self.party_ref(party, scope, ctx), *figure, *value),
            RawCondition::HabitAbove { forum, value } => {
                Condition::HabitAbove(self.forum_ref(forum, scope, ctx), *value)
            }
            RawCondition::HabitBelow { forum, value } => {
                Condition::HabitBelow(self.forum_ref(forum, scope, ctx), *value)
            }
            RawCondition::TargetIs(id) => {
                if !matches!(scope.target, TargetKind::Party | TargetKind::Ally) {
                    self.problem_at(
                        id,
                        format!("{ctx}: `TargetIs` used where the target is not a party"),
                    );
                }
                Condition::TargetIs(PartyIx(self.lookup(Kind::Party, id, ctx)))
            }
            RawCondition::ForumIs { forum, status } => {
                Condition::ForumIs(self.forum_ref(forum, scope, ctx), *status)
            }
            RawCondition::AllianceAbove {
                alliance,
                figure,
                value,
            } => Condition::AllianceAbove(self.alliance_ref(alliance, scope, ctx), *figure, *value),
            RawCondition::AllianceBelow {
                alliance,
                figure,
                value,
            } => Condition::AllianceBelow(self.alliance_ref(alliance, scope, ctx), *figure, *value),
            RawCondition::TurnAtLeast(n) => Condition::TurnAtLeast(*n),
            RawCondition::EventFired(id) => {
                Condition::EventFired(EventIx(self.lookup(Kind::Event, id, ctx)))
            }
            RawCondition::OptionChosen { event, option } => {
                let e = self.lookup(Kind::Event, event, ctx);
                let opt = self
                    .raw
                    .events
                    .get(e)
                    .and_then(|ev| ev.options.iter().position(|o| &o.id == option));
                let opt = if let Some(o) = opt {
                    o
                } else {
                    {
                        if self.events.contains_key(event.as_str()) {
                            let ids: Vec<&str> = self.raw.events[e]
                                .options
                                .iter()
                                .map(|o| o.id.as_str())
                                .collect();
                            self.problem_at(
                                option,
                                format!(
                                    "{ctx}: event \"{event}\" has no option \"{option}\"; its options: {}",
                                    ids.join(", ")
                                ),
                            );
                        }
                        0
                    }
                };
                Condition::OptionChosen(EventIx(e), opt)
            }
            RawCondition::DoctrineIs { party, doctrine } => Condition::DoctrineIs(
                self.party_ref(party, scope, ctx),
                DoctrineIx(self.lookup(Kind::Doctrine, doctrine, ctx)),
            ),
            RawCondition::Chose { party, action } => Condition::Chose(
                self.party_ref(party, scope, ctx),
                ActionIx(self.lookup(Kind::Action, action, ctx)),
            ),
            RawCondition::ChoseStance {
                party,
                toward,
                stance,
            } => Condition::ChoseStance(
                self.party_ref(party, scope, ctx),
                self.party_ref(toward, scope, ctx),
                *stance,
            ),
        }
    }
}

/// Like [`locate`], but for a message that starts with the item it is about (`event "x": ...`,
/// `doctrine "y" risk ...`), search from that item's definition (`id: "x"`) on, so that the
/// caret lands in the right item rather than at the first mention anywhere in the file.
pub(crate) fn locate_in_item(source: &str, message: &str, needle: &str) -> (usize, usize) {
    let anchor = message.split_once('"').and_then(|(kind, rest)| {
        let kind = kind.trim();
        if kind.is_empty() || kind.contains(' ') {
            return None;
        }
        let id = rest.split_once('"')?.0;
        source.find(&format!("id: \"{id}\"")).map(|at| at + 4)
    });
    let Some(anchor) = anchor else {
        return locate(source, needle);
    };
    if needle.is_empty() {
        return position(source, anchor + 1);
    }
    let after = &source[anchor..];
    after
        .find(&format!("\"{needle}\""))
        .map(|i| i + 1)
        .or_else(|| find_word(after, needle))
        .map_or_else(|| locate(source, needle), |i| position(source, anchor + i))
}

/// Line and column (1-based) of the first `"needle"` in the source, else of the bare word,
/// else the start of the file.
pub(crate) fn locate(source: &str, needle: &str) -> (usize, usize) {
    if needle.is_empty() {
        return (1, 1);
    }
    let quoted = format!("\"{needle}\"");
    let at = source
        .find(&quoted)
        .map(|i| i + 1)
        .or_else(|| find_word(source, needle))
        .or_else(|| source.find(needle));
    at.map_or((1, 1), |i| position(source, i))
}

/// Byte offset of `word` standing alone (`Target`, not the start of `TargetIs`).
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        !hay[..i].chars().next_back().is_some_and(is_word)
            && !hay[i + word.len()..].chars().next().is_some_and(is_word)
    })
}

/// Line and column (1-based, the column counted in characters) of a byte offset of `source`.
pub(crate) fn position(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |nl| nl + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The known id closest to `id`, if it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (edit_distance(id, k), k))
        .filter(|(d, k)| *d <= (k.len().max(id.len()) / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let known = ["china", "japan", "north_korea"];
        assert_eq!(did_you_mean("chna", known.iter().copied()), Some("china"));
        assert_eq!(
            did_you_mean("north-korea", known.iter().copied()),
            Some("north_korea")
        );
        assert_eq!(did_you_mean("brazil", known.iter().copied()), None);
    }

    #[test]
    fn locates_quoted_ids() {
        let src = "(\n  a: \"x\",\n  b: \"chna\",\n)";
        assert_eq!(locate(src, "chna"), (3, 7));
        assert_eq!(locate(src, "missing"), (1, 1));
    }
}
