//! Components, resources, and [`Region`]: the ECS world seen through [`Facts`].

use std::sync::Arc;

use bevy_ecs::prelude::*;
use bevy_ecs::system::SystemParam;

use crate::scenario::{
    AllianceIx, DoctrineIx, EventIx, ForumIx, ForumStatus, PartyIx, Scenario, TrackIx,
};

use super::fact::Fact;
use super::report::{Moment, Observation, TurnReport};
use super::state::{
    AllianceState, Facts, ForumState, GameState, Order, PartyState, Record, Var, alliance_slot,
    figure_slot,
};

/// A party entity's figures: security, prestige, approval, capital, power.
#[derive(Component, Debug, Clone)]
pub struct Figures(pub [f32; 5]);

/// The doctrine a party's government follows.
#[derive(Component, Debug, Clone, Copy)]
pub struct Holds(pub DoctrineIx);

/// Marks a party entity, with its index.
#[derive(Component, Debug, Clone, Copy)]
pub struct Party(pub PartyIx);

/// A directed relation entity: how `from` sees `to`.
#[derive(Component, Debug, Clone)]
pub struct Relation {
    /// Whose view.
    pub from: PartyIx,
    /// Of whom.
    pub to: PartyIx,
    /// Trust.
    pub trust: f32,
    /// Threat perception.
    pub threat: f32,
    /// Memory of `to`'s recent moves toward `from`.
    pub memory: f32,
}

/// An alliance entity: commitment, abandonment fear, entrapment risk.
#[derive(Component, Debug, Clone)]
pub struct Bond(pub AllianceIx, pub [f32; 3]);

/// A forum entity.
#[derive(Component, Debug, Clone)]
pub struct Venue(pub ForumIx, pub ForumState);

/// A track entity.
#[derive(Component, Debug, Clone)]
pub struct Level(pub TrackIx, pub f32);

/// The scenario being played.
#[derive(Resource, Clone)]
pub struct ScenarioRes(pub Arc<Scenario>);

/// Entities by index, so rules can reach them directly.
#[derive(Resource, Default)]
pub struct Index {
    /// Parties.
    pub parties: Vec<Entity>,
    /// Relations, `from * n + to`.
    pub relations: Vec<Entity>,
    /// Alliances.
    pub alliances: Vec<Entity>,
    /// Forums.
    pub forums: Vec<Entity>,
    /// Tracks.
    pub tracks: Vec<Entity>,
}

/// The current turn, 1-based (0 before the first).
#[derive(Resource, Default, Clone, Copy)]
pub struct Calendar {
    /// Turn.
    pub turn: u32,
}

/// Bookkeeping conditions read.
#[derive(Resource, Default)]
pub struct Book(pub Record);

/// The game's one source of randomness.
#[derive(Resource, Clone)]
pub struct GameRng(pub super::dice::Dice);

/// An event waiting for its decider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Pending {
    /// The event.
    pub event: EventIx,
    /// Who decides.
    pub decider: PartyIx,
}

/// Events fired this turn that wait for a decision.
#[derive(Resource, Default)]
pub struct PendingDecisions(pub Vec<Pending>);

/// Decisions handed in this turn: (event, option).
#[derive(Resource, Default)]
pub struct Decisions(pub Vec<(EventIx, usize)>);

/// Orders handed in this turn, by every seat.
#[derive(Resource, Default)]
pub struct Orders(pub Vec<Order>);

/// The facts of the turn so far, in the order they happened.
#[derive(Resource, Default, Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Chronicle {
    /// The facts.
    pub facts: Vec<Fact>,
    /// Index of the first fact of the resolution of orders (set when orders resolve).
    pub resolved: usize,
}

/// Trust at the start of the turn, to measure spill-over.
#[derive(Resource, Default)]
pub struct TrustAtStart(pub Vec<Vec<f32>>);

/// Snapshots at the end of every turn; entry 0 is the start.
#[derive(Resource, Default)]
pub struct History {
    /// The states, one per finished turn and the start.
    pub states: Vec<GameState>,
    /// States of an earlier game on this world, kept to be written over: a snapshot taken into
    /// one reuses its memory, so a world restarted for game after game stops allocating them.
    spare: Vec<GameState>,
}

impl History {
    /// A history of these states.
    pub fn of(states: Vec<GameState>) -> Self {
        Self {
            states,
            spare: Vec::new(),
        }
    }

    /// A state to write the next entry into (its contents are stale).
    pub fn blank(&mut self) -> GameState {
        self.spare.pop().unwrap_or_else(blank_state)
    }

    /// Start again from `start`, keeping the old entries to write over.
    fn restart(&mut self, start: &GameState) {
        self.spare.append(&mut self.states);
        let mut first = self.blank();
        copy_state(&mut first, start);
        self.states.push(first);
    }
}

/// A state with nothing in it, to be written over.
fn blank_state() -> GameState {
    GameState {
        turn: 0,
        parties: Vec::new(),
        trust: Vec::new(),
        threat: Vec::new(),
        memory: Vec::new(),
        alliances: Vec::new(),
        forums: Vec::new(),
        tracks: Vec::new(),
        record: Record::default(),
    }
}

/// `*out = from.clone()`, reusing `out`'s memory (a derived `clone_from` would not).
fn copy_state(out: &mut GameState, from: &GameState) {
    let GameState {
        turn,
        parties,
        trust,
        threat,
        memory,
        alliances,
        forums,
        tracks,
        record,
    } = from;
    out.turn = *turn;
    out.parties.clone_from(parties);
    out.trust.clone_from(trust);
    out.threat.clone_from(threat);
    out.memory.clone_from(memory);
    out.alliances.clone_from(alliances);
    out.forums.clone_from(forums);
    out.tracks.clone_from(tracks);
    copy_record(&mut out.record, record);
}

/// `*out = from.clone()`, reusing `out`'s memory.
fn copy_record(out: &mut Record, from: &Record) {
    let Record {
        fired,
        chosen,
        orders,
        last_orders,
        boycotts,
        reassured,
        conceded,
    } = from;
    out.fired.clone_from(fired);
    out.chosen.clone_from(chosen);
    out.orders.clone_from(orders);
    out.last_orders.clone_from(last_orders);
    out.boycotts.clone_from(boycotts);
    out.reassured.clone_from(reassured);
    out.conceded.clone_from(conceded);
}

/// Every event, decision and order, in order.
#[derive(Resource, Default)]
pub struct Timeline(pub Vec<Moment>);

/// Every observation of a dynamic.
#[derive(Resource, Default)]
pub struct Observations(pub Vec<Observation>);

/// The last finished turn's report.
#[derive(Resource, Default)]
pub struct Report(pub TurnReport);

/// The world seen as [`Facts`]: what every system that applies rules takes.
#[derive(SystemParam)]
pub struct Region<'w, 's> {
    scenario: Res<'w, ScenarioRes>,
    index: Res<'w, Index>,
    calendar: Res<'w, Calendar>,
    book: ResMut<'w, Book>,
    figures: Query<'w, 's, (&'static mut Figures, &'static mut Holds)>,
    relations: Query<'w, 's, &'static mut Relation>,
    bonds: Query<'w, 's, &'static mut Bond>,
    venues: Query<'w, 's, &'static mut Venue>,
    levels: Query<'w, 's, &'static mut Level>,
}

impl Region<'_, '_> {
    /// The scenario, shared: cheaper than cloning it when a system must hold it while it
    /// writes to the world.
    pub fn shared_scenario(&self) -> Arc<Scenario> {
        Arc::clone(&self.scenario.0)
    }

    fn relation_entity(&self, a: PartyIx, b: PartyIx) -> Entity {
        self.index.relations[a.0 * self.scenario.0.parties.len() + b.0]
    }

    /// A plain snapshot of the world.
    pub fn snapshot(&self) -> GameState {
        let mut out = blank_state();
        self.snapshot_into(&mut out);
        out
    }

    /// A plain snapshot of the world, written over `out` (reusing its memory).
    pub fn snapshot_into(&self, out: &mut GameState) {
        let n = self.scenario.0.parties.len();
        let fill = |m: &mut Vec<Vec<f32>>, pick: fn(&Relation) -> f32| {
            m.resize_with(n, Vec::new);
            for (a, row) in m.iter_mut().enumerate() {
                row.clear();
                row.extend((0..n).map(|b| {
                    self.relations
                        .get(self.relation_entity(PartyIx(a), PartyIx(b)))
                        .map_or(0.0, pick)
                }));
            }
        };
        out.turn = self.calendar.turn;
        out.parties.clear();
        out.parties.extend(
            self.index
                .parties
                .iter()
                .filter_map(|e| self.figures.get(*e).ok())
                .map(|(fig, holds)| PartyState {
                    figures: fig.0,
                    doctrine: holds.0,
                }),
        );
        fill(&mut out.trust, |r| r.trust);
        fill(&mut out.threat, |r| r.threat);
        fill(&mut out.memory, |r| r.memory);
        out.alliances.clear();
        out.alliances.extend(
            self.index
                .alliances
                .iter()
                .filter_map(|e| self.bonds.get(*e).ok())
                .map(|b| AllianceState { figures: b.1 }),
        );
        out.forums.clear();
        out.forums.extend(
            self.index
                .forums
                .iter()
                .filter_map(|e| self.venues.get(*e).ok())
                .map(|v| v.1.clone()),
        );
        out.tracks.clear();
        out.tracks.extend(
            self.index
                .tracks
                .iter()
                .filter_map(|e| self.levels.get(*e).ok())
                .map(|l| l.1),
        );
        copy_record(&mut out.record, &self.book.0);
    }
}

impl Facts for Region<'_, '_> {
    fn scenario(&self) -> &Scenario {
        &self.scenario.0
    }

    fn get(&self, v: Var) -> f32 {
        match v {
            Var::Figure(p, f) => self
                .figures
                .get(self.index.parties[p.0])
                .map_or(0.0, |(fig, _)| fig.0[figure_slot(f)]),
            Var::Trust(a, b) => self
                .relations
                .get(self.relation_entity(a, b))
                .map_or(0.0, |r| r.trust),
            Var::Threat(a, b) => self
                .relations
                .get(self.relation_entity(a, b))
                .map_or(0.0, |r| r.threat),
            Var::Memory(a, b) => self
                .relations
                .get(self.relation_entity(a, b))
                .map_or(0.0, |r| r.memory),
            Var::Track(t) => self.levels.get(self.index.tracks[t.0]).map_or(0.0, |l| l.1),
            Var::Alliance(a, f) => self
                .bonds
                .get(self.index.alliances[a.0])
                .map_or(0.0, |b| b.1[alliance_slot(f)]),
            Var::Habit(x) => self
                .venues
                .get(self.index.forums[x.0])
                .map_or(0.0, |v| v.1.habit),
        }
    }

    fn put(&mut self, v: Var, x: f32) {
        match v {
            Var::Figure(p, f) => {
                if let Ok((mut fig, _)) = self.figures.get_mut(self.index.parties[p.0]) {
                    fig.0[figure_slot(f)] = x;
                }
            }
            Var::Trust(a, b) | Var::Threat(a, b) | Var::Memory(a, b) => {
                let e = self.relation_entity(a, b);
                if let Ok(mut r) = self.relations.get_mut(e) {
                    match v {
                        Var::Trust(..) => r.trust = x,
                        Var::Threat(..) => r.threat = x,
                        _ => r.memory = x,
                    }
                }
            }
            Var::Track(t) => {
                if let Ok(mut l) = self.levels.get_mut(self.index.tracks[t.0]) {
                    l.1 = x;
                }
            }
            Var::Alliance(a, f) => {
                if let Ok(mut b) = self.bonds.get_mut(self.index.alliances[a.0]) {
                    b.1[alliance_slot(f)] = x;
                }
            }
            Var::Habit(f) => {
                if let Ok(mut v) = self.venues.get_mut(self.index.forums[f.0]) {
                    v.1.habit = x;
                }
            }
        }
    }

    fn forum_status(&self, f: ForumIx) -> ForumStatus {
        self.venues
            .get(self.index.forums[f.0])
            .map_or(ForumStatus::Collapsed, |v| v.1.status)
    }

    fn set_forum_status(&mut self, f: ForumIx, s: ForumStatus) {
        if let Ok(mut v) = self.venues.get_mut(self.index.forums[f.0]) {
            v.1.status = s;
        }
    }

    fn count_session(&mut self, f: ForumIx) {
        if let Ok(mut v) = self.venues.get_mut(self.index.forums[f.0]) {
            v.1.sessions += 1;
        }
    }

    fn doctrine(&self, p: PartyIx) -> DoctrineIx {
        self.figures
            .get(self.index.parties[p.0])
            .map_or(DoctrineIx(0), |(_, h)| h.0)
    }

    fn set_doctrine(&mut self, p: PartyIx, d: DoctrineIx) {
        if let Ok((_, mut h)) = self.figures.get_mut(self.index.parties[p.0]) {
            h.0 = d;
        }
    }

    fn turn(&self) -> u32 {
        self.calendar.turn
    }

    fn record(&self) -> &Record {
        &self.book.0
    }

    fn record_mut(&mut self) -> &mut Record {
        &mut self.book.0
    }
}

/// Spawn the pieces of the scenario (parties, relations, alliances, forums, tracks) into an
/// empty world, insert the resources, and [`load`] the state and the dice into them.
pub fn populate(
    world: &mut World,
    scenario: Arc<Scenario>,
    state: &GameState,
    rng: super::dice::Dice,
) {
    let n = scenario.parties.len();
    let mut index = Index::default();
    for i in 0..n {
        index.parties.push(
            world
                .spawn((Party(PartyIx(i)), Figures([0.0; 5]), Holds(DoctrineIx(0))))
                .id(),
        );
    }
    for a in 0..n {
        for b in 0..n {
            index.relations.push(
                world
                    .spawn(Relation {
                        from: PartyIx(a),
                        to: PartyIx(b),
                        trust: 0.0,
                        threat: 0.0,
                        memory: 0.0,
                    })
                    .id(),
            );
        }
    }
    for i in 0..scenario.alliances.len() {
        index
            .alliances
            .push(world.spawn(Bond(AllianceIx(i), [0.0; 3])).id());
    }
    for (i, f) in scenario.forums.iter().enumerate() {
        let blank = ForumState {
            status: f.status,
            habit: 0.0,
            sessions: 0,
        };
        index
            .forums
            .push(world.spawn(Venue(ForumIx(i), blank)).id());
    }
    for i in 0..scenario.tracks.len() {
        index.tracks.push(world.spawn(Level(TrackIx(i), 0.0)).id());
    }
    world.insert_resource(index);
    world.insert_resource(ScenarioRes(scenario));
    world.insert_resource(Calendar::default());
    world.insert_resource(Book::default());
    world.insert_resource(GameRng(rng.clone()));
    // Inserted, not initialised: a world reused for another game must not keep the last one's.
    world.insert_resource(PendingDecisions::default());
    world.insert_resource(Decisions::default());
    world.insert_resource(Orders::default());
    world.insert_resource(Chronicle::default());
    world.insert_resource(Messages::<Fact>::default());
    world.insert_resource(TrustAtStart::default());
    world.insert_resource(History::default());
    world.insert_resource(Timeline::default());
    world.insert_resource(Observations::default());
    world.insert_resource(Report::default());
    load(world, state, rng);
}

/// Put a state and the dice into a world whose pieces are the state's scenario's (as
/// [`populate`] spawned them): every piece takes its numbers from the state, found by the index
/// it carries; the calendar and the bookkeeping are the state's; what belongs to a turn in
/// progress, the history (which starts again at the state), the timeline, the observations and
/// the report are emptied. The one way a [`GameState`] enters a world: a new game, a restarted
/// one and a restored one all come through here.
pub fn load(world: &mut World, state: &GameState, rng: super::dice::Dice) {
    let mut parties = world.query::<(&Party, &mut Figures, &mut Holds)>();
    for (p, mut fig, mut holds) in parties.iter_mut(world) {
        if let Some(ps) = state.parties.get(p.0.0) {
            fig.0 = ps.figures;
            holds.0 = ps.doctrine;
        }
    }
    let cell = |m: &[Vec<f32>], a: PartyIx, b: PartyIx| {
        m.get(a.0)
            .and_then(|row| row.get(b.0))
            .copied()
            .unwrap_or(0.0)
    };
    let mut relations = world.query::<&mut Relation>();
    for mut r in relations.iter_mut(world) {
        r.trust = cell(&state.trust, r.from, r.to);
        r.threat = cell(&state.threat, r.from, r.to);
        r.memory = cell(&state.memory, r.from, r.to);
    }
    let mut bonds = world.query::<&mut Bond>();
    for mut b in bonds.iter_mut(world) {
        if let Some(a) = state.alliances.get(b.0.0) {
            b.1 = a.figures;
        }
    }
    let mut venues = world.query::<&mut Venue>();
    for mut v in venues.iter_mut(world) {
        if let Some(f) = state.forums.get(v.0.0) {
            v.1.clone_from(f);
        }
    }
    let mut levels = world.query::<&mut Level>();
    for mut l in levels.iter_mut(world) {
        if let Some(t) = state.tracks.get(l.0.0) {
            l.1 = *t;
        }
    }
    world.resource_mut::<Calendar>().turn = state.turn;
    copy_record(&mut world.resource_mut::<Book>().0, &state.record);
    world.resource_mut::<GameRng>().0 = rng;
    world.resource_mut::<PendingDecisions>().0.clear();
    world.resource_mut::<Decisions>().0.clear();
    world.resource_mut::<Orders>().0.clear();
    *world.resource_mut::<Chronicle>() = Chronicle::default();
    world.resource_mut::<Messages<Fact>>().clear();
    world.resource_mut::<TrustAtStart>().0.clear();
    world.resource_mut::<History>().restart(state);
    world.resource_mut::<Timeline>().0.clear();
    world.resource_mut::<Observations>().0.clear();
    world.resource_mut::<Report>().0 = TurnReport::default();
}
