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
pub struct History(pub Vec<GameState>);

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
        let s = &self.scenario.0;
        let n = s.parties.len();
        let matrix = |pick: fn(&Relation) -> f32| -> Vec<Vec<f32>> {
            (0..n)
                .map(|a| {
                    (0..n)
                        .map(|b| {
                            self.relations
                                .get(self.relation_entity(PartyIx(a), PartyIx(b)))
                                .map_or(0.0, pick)
                        })
                        .collect()
                })
                .collect()
        };
        GameState {
            turn: self.calendar.turn,
            parties: self
                .index
                .parties
                .iter()
                .filter_map(|e| self.figures.get(*e).ok())
                .map(|(fig, holds)| PartyState {
                    figures: fig.0,
                    doctrine: holds.0,
                })
                .collect(),
            trust: matrix(|r| r.trust),
            threat: matrix(|r| r.threat),
            memory: matrix(|r| r.memory),
            alliances: self
                .index
                .alliances
                .iter()
                .filter_map(|e| self.bonds.get(*e).ok())
                .map(|b| AllianceState { figures: b.1 })
                .collect(),
            forums: self
                .index
                .forums
                .iter()
                .filter_map(|e| self.venues.get(*e).ok())
                .map(|v| v.1.clone())
                .collect(),
            tracks: self
                .index
                .tracks
                .iter()
                .filter_map(|e| self.levels.get(*e).ok())
                .map(|l| l.1)
                .collect(),
            record: self.book.0.clone(),
        }
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

/// Despawn every piece of a game (parties, relations, alliances, forums, tracks), leaving the
/// world's resources, which `populate` replaces. Since bevy 0.18 resources are entities too, so
/// `World::clear_entities` would take them with it.
pub fn despawn_pieces(world: &mut World) {
    let mut pieces = world.query_filtered::<Entity, Or<(
        With<Party>,
        With<Relation>,
        With<Bond>,
        With<Venue>,
        With<Level>,
    )>>();
    let doomed: Vec<Entity> = pieces.iter(world).collect();
    for e in doomed {
        world.despawn(e);
    }
}

/// Spawn the entities of a state into an empty world and insert the resources.
pub fn populate(
    world: &mut World,
    scenario: Arc<Scenario>,
    state: &GameState,
    rng: super::dice::Dice,
) {
    let n = scenario.parties.len();
    let mut index = Index::default();
    for (i, p) in state.parties.iter().enumerate() {
        index.parties.push(
            world
                .spawn((Party(PartyIx(i)), Figures(p.figures), Holds(p.doctrine)))
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
                        trust: state.trust[a][b],
                        threat: state.threat[a][b],
                        memory: state.memory[a][b],
                    })
                    .id(),
            );
        }
    }
    for (i, al) in state.alliances.iter().enumerate() {
        index
            .alliances
            .push(world.spawn(Bond(AllianceIx(i), al.figures)).id());
    }
    for (i, f) in state.forums.iter().enumerate() {
        index
            .forums
            .push(world.spawn(Venue(ForumIx(i), f.clone())).id());
    }
    for (i, t) in state.tracks.iter().enumerate() {
        index.tracks.push(world.spawn(Level(TrackIx(i), *t)).id());
    }
    world.insert_resource(index);
    world.insert_resource(ScenarioRes(scenario));
    world.insert_resource(Calendar { turn: state.turn });
    world.insert_resource(Book(state.record.clone()));
    world.insert_resource(GameRng(rng));
    // Inserted, not initialised: a world reused for another game must not keep the last one's.
    world.insert_resource(PendingDecisions::default());
    world.insert_resource(Decisions::default());
    world.insert_resource(Orders::default());
    world.insert_resource(Chronicle::default());
    world.insert_resource(Messages::<Fact>::default());
    world.insert_resource(TrustAtStart::default());
    world.insert_resource(History(vec![state.clone()]));
    world.insert_resource(Timeline::default());
    world.insert_resource(Observations::default());
    world.insert_resource(Report::default());
}
