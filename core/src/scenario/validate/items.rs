//! The scenario's lists, item by item: doctrines, parties, relations, alliances, tracks,
//! forums, actions and events, each checked and its ids resolved, in the order `run` calls them
//! (which is the order problems are listed in).

use super::{Kind, Scope, Validator};
use crate::scenario::model::{
    Action, Alliance, Doctrine, DoctrineIx, Event, EventOption, Forum, Objective, Party, PartyIx,
    TargetKind, Track, TrackIx, When,
};
use crate::scenario::raw::{self, Schedule};

impl Validator<'_> {
    /// The doctrines, each checked.
    pub(super) fn doctrines(&mut self) -> Vec<Doctrine> {
        let raw = self.raw;
        raw.doctrines
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
            .collect()
    }

    /// The parties, each checked; at least one must be playable.
    pub(super) fn parties(&mut self) -> Vec<Party> {
        let raw = self.raw;
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
        parties
    }

    /// Trust and threat between each pair of parties: the rules' defaults, then the relations.
    pub(super) fn relations(&mut self) -> (Vec<Vec<f32>>, Vec<Vec<f32>>) {
        let raw = self.raw;
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
        (trust, threat)
    }

    /// The alliances, each checked.
    pub(super) fn alliances(&mut self) -> Vec<Alliance> {
        let raw = self.raw;
        raw.alliances
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
            .collect()
    }

    /// The tracks, each checked; a scenario needs at least one.
    pub(super) fn tracks(&mut self) -> Vec<Track> {
        let raw = self.raw;
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
        tracks
    }

    /// The forums, each checked.
    pub(super) fn forums(&mut self) -> Vec<Forum> {
        let raw = self.raw;
        raw.forums
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
            .collect()
    }

    /// The actions, each checked; a scenario needs at least one.
    pub(super) fn actions(&mut self) -> Vec<Action> {
        let raw = self.raw;
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
        actions
    }

    /// The events, each checked; a dated event must fall within the calendar.
    pub(super) fn events(&mut self) -> Vec<Event> {
        let raw = self.raw;
        let cal = &raw.calendar;
        raw
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
            .collect()
    }
}
