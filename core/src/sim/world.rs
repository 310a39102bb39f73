//! The game as an ECS world: its pieces (entities and their components), its resources, and the
//! one way a [`GameState`] enters a world ([`populate`], [`Loader::load`]).
//!
//! Every piece of a scenario is an entity carrying its index in the scenario (`Party(PartyIx)`,
//! `Forum(ForumIx)`, …) beside its numbers. Nothing keeps a table of entities: systems iterate
//! the pieces through queries, and [`Region`] (the world seen as [`super::Facts`]) finds a piece
//! by the index it carries. A party reaches its views of the others through a bevy relationship
//! ([`Views`], kept by bevy from each relation's [`HeldBy`]), and a client the alliances that
//! protect it ([`ProtectedBy`], from each alliance's [`Protects`]).

use std::sync::Arc;

use bevy_ecs::prelude::*;
use bevy_ecs::relationship::RelationshipTarget;
use bevy_ecs::system::{SystemParam, SystemState};

use crate::scenario::{
    AllianceIx, DoctrineIx, EventIx, ForumIx, ForumStatus, PartyIx, Scenario, TrackIx,
};

use super::fact::Fact;
use super::report::{Moment, Observation, TurnReport};
pub use super::state::Pending;
use super::state::{GameState, Order, Record};

mod region;

pub(crate) use region::Region;

/// A party: its index in the scenario.
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct Party(pub PartyIx);

/// A party's figures: security, prestige, approval, capital, power (in
/// [`super::state::PartyState::figures`] order).
#[derive(Component, Debug, Clone)]
pub(crate) struct Figures(pub [f32; 5]);

/// The doctrine a party's government follows.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Holds(pub DoctrineIx);

/// A party's views of every party (itself included), in the order they were spawned: party
/// order. Kept by bevy from the relations' [`HeldBy`]; read, never written.
#[derive(Component, Debug)]
#[relationship_target(relationship = HeldBy)]
pub(crate) struct Views(Vec<Entity>);

/// The alliances whose client a party is, in the order they were spawned: scenario order. Kept
/// by bevy from the alliances' [`Protects`].
#[derive(Component, Debug)]
#[relationship_target(relationship = Protects)]
pub(crate) struct ProtectedBy(Vec<Entity>);

/// A directed relation: how `from` sees `to` (one per ordered pair of parties).
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct Relation {
    /// Whose view.
    pub from: PartyIx,
    /// Of whom.
    pub to: PartyIx,
}

/// The party entity whose view a relation is.
#[derive(Component, Debug)]
#[relationship(relationship_target = Views)]
pub(crate) struct HeldBy(pub Entity);

/// A relation's numbers.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Ties {
    /// Trust, -100..=100.
    pub trust: f32,
    /// Threat perception, 0..=100.
    pub threat: f32,
    /// Memory of `to`'s recent moves toward `from`, -1..=1.
    pub memory: f32,
}

/// An alliance: its index in the scenario.
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct Alliance(pub AllianceIx);

/// An alliance's figures: commitment, abandonment fear, entrapment risk (in
/// [`super::state::AllianceState::figures`] order).
#[derive(Component, Debug, Clone)]
pub(crate) struct Bond(pub [f32; 3]);

/// The last turn an alliance's patron reassured its client (0: never).
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Reassured(pub u32);

/// The party entity an alliance protects: its client.
#[derive(Component, Debug)]
#[relationship(relationship_target = ProtectedBy)]
pub(crate) struct Protects(pub Entity);

/// A forum: its index in the scenario.
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct Forum(pub ForumIx);

/// A forum's habit of cooperation, 0..=100.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Habit(pub f32);

/// A forum's status: what the rules read and write. The markers below follow it.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Status(pub ForumStatus);

/// How many sessions a forum has held.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Sessions(pub u32);

/// Marks a forum whose [`Status`] is `Proposed`.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Proposed;

/// Marks a forum whose [`Status`] is `Active`: it meets on its schedule.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Active;

/// Marks a forum whose [`Status`] is `Suspended`: its habit decays.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Suspended;

/// Marks a forum whose [`Status`] is `Collapsed`.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Collapsed;

/// Which status markers a forum has: `Has` of [`Proposed`], [`Active`], [`Suspended`],
/// [`Collapsed`].
pub(crate) type Marks = (Has<Proposed>, Has<Active>, Has<Suspended>, Has<Collapsed>);

/// Whether a forum's markers are exactly its status's.
pub(crate) fn marked(marks: (bool, bool, bool, bool), status: ForumStatus) -> bool {
    marks
        == (
            status == ForumStatus::Proposed,
            status == ForumStatus::Active,
            status == ForumStatus::Suspended,
            status == ForumStatus::Collapsed,
        )
}

/// Give a forum the marker of its status, and only that one, if its markers say otherwise. The
/// one place the markers are written: [`super::systems::mark_forums`] calls it before the
/// systems that filter on them, [`Loader::load`] when a state enters the world.
pub(crate) fn mark(
    commands: &mut Commands,
    forum: Entity,
    marks: (bool, bool, bool, bool),
    status: ForumStatus,
) {
    if marked(marks, status) {
        return;
    }
    let mut forum = commands.entity(forum);
    forum.remove::<(Proposed, Active, Suspended, Collapsed)>();
    match status {
        ForumStatus::Proposed => forum.insert(Proposed),
        ForumStatus::Active => forum.insert(Active),
        ForumStatus::Suspended => forum.insert(Suspended),
        ForumStatus::Collapsed => forum.insert(Collapsed),
    };
}

/// A track: its index in the scenario.
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct Track(pub TrackIx);

/// A track's value.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Level(pub f32);

/// A scenario event (the Taiwan arms sale, the Plus-Three summit, …): its index in the scenario.
#[derive(Component, Debug, Clone, Copy)]
#[component(immutable)]
pub(crate) struct ScenarioEvent(pub EventIx);

/// How many times an event has fired.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Fired(pub u32);

/// The option last chosen for an event, if one ever was.
#[derive(Component, Debug, Clone, Copy)]
pub(crate) struct Chosen(pub Option<usize>);

/// The scenario being played.
#[derive(Resource, Clone)]
pub(crate) struct ScenarioRes(pub Arc<Scenario>);

/// The current turn, 1-based (0 before the first).
#[derive(Resource, Default, Clone, Copy)]
pub(crate) struct Calendar {
    /// Turn.
    pub turn: u32,
}

/// The bookkeeping of the month that conditions read and the rules write: the part of a
/// [`Record`] that is not on a piece (events carry their firings and choices, alliances their
/// last reassurance).
#[derive(Resource, Default, Debug, Clone)]
pub(crate) struct Book {
    /// Orders given this turn (during resolution), all parties.
    pub orders: Vec<Order>,
    /// Orders given last turn (what triggers see).
    pub last_orders: Vec<Order>,
    /// Parties boycotting a forum's session this turn.
    pub boycotts: Vec<(PartyIx, ForumIx)>,
    /// Parties that extracted concessions this turn.
    pub conceded: Vec<PartyIx>,
}

/// The game's one source of randomness.
#[derive(Resource, Clone)]
pub(crate) struct GameRng(pub super::dice::Dice);

/// Events fired this turn that wait for a decision.
#[derive(Resource, Default)]
pub(crate) struct PendingDecisions(pub Vec<Pending>);

/// Decisions handed in this turn: (event, option).
#[derive(Resource, Default)]
pub(crate) struct Decisions(pub Vec<(EventIx, usize)>);

/// Orders handed in this turn, by every seat.
#[derive(Resource, Default)]
pub(crate) struct Orders(pub Vec<Order>);

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
pub(crate) struct TrustAtStart(pub Vec<Vec<f32>>);

/// Snapshots at the end of every turn; entry 0 is the start.
#[derive(Resource, Default)]
pub(crate) struct History {
    /// The states, one per finished turn and the start.
    pub states: Vec<GameState>,
    /// States of an earlier game on this world, kept to be written over: a snapshot taken into
    /// one reuses its memory, so a world restarted for game after game stops allocating them.
    spare: Vec<GameState>,
}

impl History {
    /// A history of these states.
    pub(crate) fn of(states: Vec<GameState>) -> Self {
        Self {
            states,
            spare: Vec::new(),
        }
    }

    /// A state to write the next entry into (its contents are stale).
    pub(crate) fn blank(&mut self) -> GameState {
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
pub(crate) fn blank_state() -> GameState {
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
    let Record {
        fired,
        chosen,
        orders,
        last_orders,
        boycotts,
        reassured,
        conceded,
    } = record;
    let r = &mut out.record;
    r.fired.clone_from(fired);
    r.chosen.clone_from(chosen);
    r.orders.clone_from(orders);
    r.last_orders.clone_from(last_orders);
    r.boycotts.clone_from(boycotts);
    r.reassured.clone_from(reassured);
    r.conceded.clone_from(conceded);
}

/// Every event, decision and order, in order.
#[derive(Resource, Default)]
pub(crate) struct Timeline(pub Vec<Moment>);

/// Every observation of a dynamic.
#[derive(Resource, Default)]
pub(crate) struct Observations(pub Vec<Observation>);

/// The last finished turn's report.
#[derive(Resource, Default)]
pub(crate) struct Report(pub TurnReport);

/// The relation entity among a party's [`Views`] that regards `to`. Views are spawned in party
/// order, so the `to`-th is tried first; `regards` (a relation entity's `to`, if it is one)
/// confirms it, and the others are searched only if it does not.
pub(crate) fn view_of(
    views: &Views,
    to: PartyIx,
    regards: impl Fn(Entity) -> Option<PartyIx>,
) -> Option<Entity> {
    let all = views.collection();
    all.get(to.0)
        .copied()
        .filter(|e| regards(*e) == Some(to))
        .or_else(|| all.iter().copied().find(|e| regards(*e) == Some(to)))
}

/// Spawn the pieces of the scenario into an empty world (their numbers are set by
/// [`Loader::load`]) and insert the resources.
pub(crate) fn populate(world: &mut World, scenario: Arc<Scenario>) {
    let n = scenario.parties.len();
    let parties: Vec<Entity> = (0..n)
        .map(|i| {
            world
                .spawn((Party(PartyIx(i)), Figures([0.0; 5]), Holds(DoctrineIx(0))))
                .id()
        })
        .collect();
    let nothing = Ties {
        trust: 0.0,
        threat: 0.0,
        memory: 0.0,
    };
    for (a, holder) in parties.iter().enumerate() {
        for b in 0..n {
            let relation = Relation {
                from: PartyIx(a),
                to: PartyIx(b),
            };
            world.spawn((relation, nothing, HeldBy(*holder)));
        }
    }
    for (i, al) in scenario.alliances.iter().enumerate() {
        let alliance = (Alliance(AllianceIx(i)), Bond([0.0; 3]), Reassured(0));
        match parties.get(al.client.0) {
            Some(client) => world.spawn((alliance, Protects(*client))),
            None => world.spawn(alliance),
        };
    }
    for (i, f) in scenario.forums.iter().enumerate() {
        world.spawn((Forum(ForumIx(i)), Habit(0.0), Status(f.status), Sessions(0)));
    }
    for i in 0..scenario.tracks.len() {
        world.spawn((Track(TrackIx(i)), Level(0.0)));
    }
    for i in 0..scenario.events.len() {
        world.spawn((ScenarioEvent(EventIx(i)), Fired(0), Chosen(None)));
    }
    world.insert_resource(ScenarioRes(scenario));
    world.insert_resource(Calendar::default());
    world.insert_resource(Book::default());
    world.insert_resource(GameRng(super::dice::Dice::seeded(0)));
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
}

/// The pieces, to write a state into.
#[derive(SystemParam)]
pub(crate) struct Pieces<'w, 's> {
    parties: Query<'w, 's, (&'static Party, &'static mut Figures, &'static mut Holds)>,
    relations: Query<'w, 's, (&'static Relation, &'static mut Ties)>,
    alliances: Query<'w, 's, (&'static Alliance, &'static mut Bond, &'static mut Reassured)>,
    forums: Query<
        'w,
        's,
        (
            Entity,
            &'static Forum,
            &'static mut Habit,
            &'static mut Status,
            &'static mut Sessions,
            Marks,
        ),
    >,
    tracks: Query<'w, 's, (&'static Track, &'static mut Level)>,
    events: Query<
        'w,
        's,
        (
            &'static ScenarioEvent,
            &'static mut Fired,
            &'static mut Chosen,
        ),
    >,
    commands: Commands<'w, 's>,
}

/// What puts a [`GameState`] into a world, built once per world (building it costs more than
/// using it, and a tournament restarts one world thousands of times).
pub(crate) struct Loader(SystemState<Pieces<'static, 'static>>);

impl Loader {
    /// The loader of a world [`populate`] filled.
    pub(crate) fn new(world: &mut World) -> Self {
        Self(SystemState::new(world))
    }

    /// Put a state and the dice into the world: every piece takes its numbers from the state,
    /// found by the index it carries; the calendar and the month's bookkeeping are the state's;
    /// what belongs to a turn in progress, the history (which starts again at the state), the
    /// timeline, the observations and the report are emptied. The one way a [`GameState`]
    /// enters a world: a new game, a restarted one and a restored one all come through here.
    pub(crate) fn load(&mut self, world: &mut World, state: &GameState, rng: super::dice::Dice) {
        #[allow(
            clippy::expect_used,
            reason = "not data: queries of components and commands can always be had"
        )]
        let mut pieces = self
            .0
            .get_mut(world)
            .expect("the pieces of a world can always be queried");
        for (p, mut fig, mut holds) in &mut pieces.parties {
            if let Some(ps) = state.parties.get(p.0.0) {
                fig.0 = ps.figures;
                holds.0 = ps.doctrine;
            }
        }
        let cell = |m: &[Vec<f32>], r: &Relation| {
            m.get(r.from.0)
                .and_then(|row| row.get(r.to.0))
                .copied()
                .unwrap_or(0.0)
        };
        for (r, mut ties) in &mut pieces.relations {
            *ties = Ties {
                trust: cell(&state.trust, r),
                threat: cell(&state.threat, r),
                memory: cell(&state.memory, r),
            };
        }
        let record = &state.record;
        for (a, mut bond, mut reassured) in &mut pieces.alliances {
            if let Some(al) = state.alliances.get(a.0.0) {
                bond.0 = al.figures;
            }
            reassured.0 = record.reassured.get(a.0.0).copied().unwrap_or(0);
        }
        let Pieces {
            forums, commands, ..
        } = &mut pieces;
        for (e, x, mut habit, mut status, mut sessions, marks) in forums {
            if let Some(f) = state.forums.get(x.0.0) {
                habit.0 = f.habit;
                status.0 = f.status;
                sessions.0 = f.sessions;
            }
            mark(commands, e, marks, status.0);
        }
        for (t, mut level) in &mut pieces.tracks {
            if let Some(v) = state.tracks.get(t.0.0) {
                level.0 = *v;
            }
        }
        for (e, mut fired, mut chosen) in &mut pieces.events {
            fired.0 = record.fired.get(e.0.0).copied().unwrap_or(0);
            chosen.0 = record.chosen.get(e.0.0).copied().flatten();
        }
        self.0.apply(world);
        world.resource_mut::<Calendar>().turn = state.turn;
        let mut book = world.resource_mut::<Book>();
        book.orders.clone_from(&record.orders);
        book.last_orders.clone_from(&record.last_orders);
        book.boycotts.clone_from(&record.boycotts);
        book.conceded.clone_from(&record.conceded);
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
}
