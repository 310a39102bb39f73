//! [`Region`]: the world seen through [`Facts`], for the rules that reach across pieces (orders,
//! events, sessions, spill-over, hedging) and for the engine's reads and its snapshot.

use bevy_ecs::prelude::*;
use bevy_ecs::system::SystemParam;

use crate::scenario::{AllianceIx, DoctrineIx, EventIx, ForumIx, ForumStatus, PartyIx, Scenario};

use super::{
    Alliance, Bond, Book, Calendar, Chosen, Figures, Fired, Forum, Habit, Holds, Level, Party,
    Reassured, Relation, ScenarioEvent, ScenarioRes, Sessions, Status, Ties, Track, Views, view_of,
};
use crate::sim::rules::maths::fit;
use crate::sim::state::{
    AllianceState, Facts, ForumState, GameState, Order, PartyState, Var, alliance_slot, figure_slot,
};

/// The world seen as [`Facts`]. It finds a piece by the index the piece carries (a party by its
/// [`Party`], a relation through its holder's [`Views`]); there is no table of entities to keep
/// in step with the world.
#[derive(SystemParam)]
pub(crate) struct Region<'w, 's> {
    scenario: Res<'w, ScenarioRes>,
    calendar: Res<'w, Calendar>,
    book: ResMut<'w, Book>,
    parties: Query<
        'w,
        's,
        (
            &'static Party,
            &'static mut Figures,
            &'static mut Holds,
            &'static Views,
        ),
    >,
    relations: Query<'w, 's, (&'static Relation, &'static mut Ties)>,
    alliances: Query<'w, 's, (&'static Alliance, &'static mut Bond, &'static mut Reassured)>,
    forums: Query<
        'w,
        's,
        (
            &'static Forum,
            &'static mut Habit,
            &'static mut Status,
            &'static mut Sessions,
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
}

impl Region<'_, '_> {
    /// The scenario, shared: cheaper than cloning it when a system must hold it while it
    /// writes to the world.
    pub(crate) fn shared_scenario(&self) -> std::sync::Arc<Scenario> {
        std::sync::Arc::clone(&self.scenario.0)
    }

    /// The numbers of `a`'s view of `b`: the relation among `a`'s [`Views`] that regards `b`
    /// (the `b`-th, as they were spawned in party order, else whichever does).
    fn ties(&self, a: PartyIx, b: PartyIx) -> Option<&Ties> {
        let (.., views) = self.parties.iter().find(|(p, ..)| p.0 == a)?;
        let regards = |e: Entity| {
            self.relations
                .get(e)
                .ok()
                .filter(|(r, _)| r.to == b)
                .map(|(_, t)| t)
        };
        let all = views.collection();
        all.get(b.0)
            .and_then(|e| regards(*e))
            .or_else(|| all.iter().find_map(|e| regards(*e)))
    }

    /// The numbers of `a`'s view of `b`, to write.
    fn ties_mut(&mut self, a: PartyIx, b: PartyIx) -> Option<Mut<'_, Ties>> {
        let (.., views) = self.parties.iter().find(|(p, ..)| p.0 == a)?;
        let e = view_of(views, b, |e| self.relations.get(e).ok().map(|(r, _)| r.to))?;
        self.relations.get_mut(e).ok().map(|(_, t)| t)
    }

    /// A number of the world.
    fn slot(&self, v: Var) -> Option<f32> {
        match v {
            Var::Figure(p, f) => self.figures(p).map(|(fig, _)| fig.0[figure_slot(f)]),
            Var::Trust(a, b) => self.ties(a, b).map(|t| t.trust),
            Var::Threat(a, b) => self.ties(a, b).map(|t| t.threat),
            Var::Memory(a, b) => self.ties(a, b).map(|t| t.memory),
            Var::Track(t) => self
                .tracks
                .iter()
                .find(|(tr, _)| tr.0 == t)
                .map(|(_, l)| l.0),
            Var::Alliance(a, f) => self.alliance(a).map(|(b, _)| b.0[alliance_slot(f)]),
            Var::Habit(x) => self.forum(x).map(|(h, _)| h.0),
        }
    }

    /// A number of the world, to write: one search for the piece, where a read and a write
    /// would make two.
    fn slot_mut(&mut self, v: Var) -> Option<Mut<'_, f32>> {
        Some(match v {
            Var::Figure(p, f) => self
                .figures_mut(p)?
                .0
                .map_unchanged(|x| &mut x.0[figure_slot(f)]),
            Var::Trust(a, b) => self.ties_mut(a, b)?.map_unchanged(|t| &mut t.trust),
            Var::Threat(a, b) => self.ties_mut(a, b)?.map_unchanged(|t| &mut t.threat),
            Var::Memory(a, b) => self.ties_mut(a, b)?.map_unchanged(|t| &mut t.memory),
            Var::Track(t) => self
                .tracks
                .iter_mut()
                .find(|(tr, _)| tr.0 == t)?
                .1
                .map_unchanged(|l| &mut l.0),
            Var::Alliance(a, f) => self
                .alliance_mut(a)?
                .0
                .map_unchanged(|x| &mut x.0[alliance_slot(f)]),
            Var::Habit(x) => self.forum_mut(x)?.0.map_unchanged(|h| &mut h.0),
        })
    }

    fn figures(&self, p: PartyIx) -> Option<(&Figures, &Holds)> {
        self.parties
            .iter()
            .find(|(q, ..)| q.0 == p)
            .map(|(_, fig, holds, _)| (fig, holds))
    }

    fn figures_mut(&mut self, p: PartyIx) -> Option<(Mut<'_, Figures>, Mut<'_, Holds>)> {
        self.parties
            .iter_mut()
            .find(|(q, ..)| q.0 == p)
            .map(|(_, fig, holds, _)| (fig, holds))
    }

    fn forum(&self, x: ForumIx) -> Option<(&Habit, &Status)> {
        self.forums
            .iter()
            .find(|(f, ..)| f.0 == x)
            .map(|(_, habit, status, _)| (habit, status))
    }

    fn forum_mut(
        &mut self,
        x: ForumIx,
    ) -> Option<(Mut<'_, Habit>, Mut<'_, Status>, Mut<'_, Sessions>)> {
        self.forums
            .iter_mut()
            .find(|(f, ..)| f.0 == x)
            .map(|(_, habit, status, sessions)| (habit, status, sessions))
    }

    fn alliance(&self, a: AllianceIx) -> Option<(&Bond, &Reassured)> {
        self.alliances
            .iter()
            .find(|(al, ..)| al.0 == a)
            .map(|(_, bond, reassured)| (bond, reassured))
    }

    fn alliance_mut(&mut self, a: AllianceIx) -> Option<(Mut<'_, Bond>, Mut<'_, Reassured>)> {
        self.alliances
            .iter_mut()
            .find(|(al, ..)| al.0 == a)
            .map(|(_, bond, reassured)| (bond, reassured))
    }

    fn event(&self, e: EventIx) -> Option<(&Fired, &Chosen)> {
        self.events
            .iter()
            .find(|(ev, ..)| ev.0 == e)
            .map(|(_, fired, chosen)| (fired, chosen))
    }

    fn event_mut(&mut self, e: EventIx) -> Option<(Mut<'_, Fired>, Mut<'_, Chosen>)> {
        self.events
            .iter_mut()
            .find(|(ev, ..)| ev.0 == e)
            .map(|(_, fired, chosen)| (fired, chosen))
    }

    /// The month's bookkeeping, to write (the turn's systems open and resolve the month with it).
    pub(crate) fn book_mut(&mut self) -> &mut Book {
        &mut self.book
    }

    /// A plain snapshot of the world.
    pub(crate) fn snapshot(&self) -> GameState {
        let mut out = super::blank_state();
        self.snapshot_into(&mut out);
        out
    }

    /// A plain snapshot of the world, written over `out` (reusing its memory). Every piece is
    /// put at the place its index says.
    pub(crate) fn snapshot_into(&self, out: &mut GameState) {
        let s = &self.scenario.0;
        let n = s.parties.len();
        out.turn = self.calendar.turn;
        out.parties.clear();
        out.parties.resize(
            n,
            PartyState {
                figures: [0.0; 5],
                doctrine: DoctrineIx(0),
            },
        );
        for (p, fig, holds, _) in &self.parties {
            if let Some(slot) = out.parties.get_mut(p.0.0) {
                *slot = PartyState {
                    figures: fig.0,
                    doctrine: holds.0,
                };
            }
        }
        for m in [&mut out.trust, &mut out.threat, &mut out.memory] {
            m.resize_with(n, Vec::new);
            for row in m.iter_mut() {
                row.clear();
                row.resize(n, 0.0);
            }
        }
        for (r, t) in &self.relations {
            let (a, b) = (r.from.0, r.to.0);
            if a < n && b < n {
                out.trust[a][b] = t.trust;
                out.threat[a][b] = t.threat;
                out.memory[a][b] = t.memory;
            }
        }
        let record = &mut out.record;
        out.alliances.clear();
        out.alliances
            .resize(s.alliances.len(), AllianceState { figures: [0.0; 3] });
        record.reassured.clear();
        record.reassured.resize(s.alliances.len(), 0);
        for (a, bond, reassured) in &self.alliances {
            if let Some(slot) = out.alliances.get_mut(a.0.0) {
                slot.figures = bond.0;
            }
            if let Some(slot) = record.reassured.get_mut(a.0.0) {
                *slot = reassured.0;
            }
        }
        out.forums.clear();
        out.forums.extend(s.forums.iter().map(|f| ForumState {
            status: f.status,
            habit: 0.0,
            sessions: 0,
        }));
        for (x, habit, status, sessions) in &self.forums {
            if let Some(slot) = out.forums.get_mut(x.0.0) {
                *slot = ForumState {
                    status: status.0,
                    habit: habit.0,
                    sessions: sessions.0,
                };
            }
        }
        out.tracks.clear();
        out.tracks.resize(s.tracks.len(), 0.0);
        for (t, level) in &self.tracks {
            if let Some(slot) = out.tracks.get_mut(t.0.0) {
                *slot = level.0;
            }
        }
        record.fired.clear();
        record.fired.resize(s.events.len(), 0);
        record.chosen.clear();
        record.chosen.resize(s.events.len(), None);
        for (e, fired, chosen) in &self.events {
            if let Some(slot) = record.fired.get_mut(e.0.0) {
                *slot = fired.0;
            }
            if let Some(slot) = record.chosen.get_mut(e.0.0) {
                *slot = chosen.0;
            }
        }
        let book = &*self.book;
        record.orders.clone_from(&book.orders);
        record.last_orders.clone_from(&book.last_orders);
        record.boycotts.clone_from(&book.boycotts);
        record.conceded.clone_from(&book.conceded);
    }
}

impl Facts for Region<'_, '_> {
    fn scenario(&self) -> &Scenario {
        &self.scenario.0
    }

    fn get(&self, v: Var) -> f32 {
        self.slot(v).unwrap_or(0.0)
    }

    fn put(&mut self, v: Var, x: f32) {
        if let Some(mut slot) = self.slot_mut(v) {
            *slot = x;
        }
    }

    // `set` and `add` as the trait defines them, with one search for the piece instead of two
    // or three (a missing piece reads 0 and takes no write, as through `get` and `put`).
    fn set(&mut self, v: Var, x: f32) -> f32 {
        let range = v.range(self.scenario());
        match self.slot_mut(v) {
            Some(mut slot) => {
                let old = *slot;
                let new = fit(x, range, old);
                *slot = new;
                new - old
            }
            None => fit(x, range, 0.0),
        }
    }

    fn add(&mut self, v: Var, delta: f32) -> f32 {
        let range = v.range(self.scenario());
        match self.slot_mut(v) {
            Some(mut slot) => {
                let old = *slot;
                let new = fit(old + delta, range, old);
                *slot = new;
                new - old
            }
            None => fit(0.0 + delta, range, 0.0),
        }
    }

    fn forum_status(&self, f: ForumIx) -> ForumStatus {
        self.forum(f).map_or(ForumStatus::Collapsed, |(_, s)| s.0)
    }

    fn set_forum_status(&mut self, f: ForumIx, s: ForumStatus) {
        if let Some((_, mut status, _)) = self.forum_mut(f) {
            status.0 = s;
        }
    }

    fn count_session(&mut self, f: ForumIx) {
        if let Some((.., mut sessions)) = self.forum_mut(f) {
            sessions.0 += 1;
        }
    }

    fn doctrine(&self, p: PartyIx) -> DoctrineIx {
        self.figures(p).map_or(DoctrineIx(0), |(_, h)| h.0)
    }

    fn set_doctrine(&mut self, p: PartyIx, d: DoctrineIx) {
        if let Some((_, mut h)) = self.figures_mut(p) {
            h.0 = d;
        }
    }

    fn turn(&self) -> u32 {
        self.calendar.turn
    }

    fn fired_count(&self, e: EventIx) -> u32 {
        self.event(e).map_or(0, |(f, _)| f.0)
    }

    fn note_fired(&mut self, e: EventIx) {
        if let Some((mut fired, _)) = self.event_mut(e) {
            fired.0 += 1;
        }
    }

    fn chosen(&self, e: EventIx) -> Option<usize> {
        self.event(e).and_then(|(_, c)| c.0)
    }

    fn choose(&mut self, e: EventIx, option: usize) {
        if let Some((_, mut chosen)) = self.event_mut(e) {
            chosen.0 = Some(option);
        }
    }

    fn orders(&self) -> &[Order] {
        &self.book.orders
    }

    fn last_orders(&self) -> &[Order] {
        &self.book.last_orders
    }

    fn boycotts(&self) -> &[(PartyIx, ForumIx)] {
        &self.book.boycotts
    }

    fn boycott(&mut self, p: PartyIx, x: ForumIx) {
        if !self.book.boycotts.contains(&(p, x)) {
            self.book.boycotts.push((p, x));
        }
    }

    fn conceded(&self, p: PartyIx) -> bool {
        self.book.conceded.contains(&p)
    }

    fn concede(&mut self, p: PartyIx) {
        self.book.conceded.push(p);
    }

    fn reassured(&self, a: AllianceIx) -> u32 {
        self.alliance(a).map_or(0, |(_, r)| r.0)
    }

    fn note_reassured(&mut self, a: AllianceIx) {
        let turn = self.calendar.turn;
        if let Some((_, mut r)) = self.alliance_mut(a) {
            r.0 = turn;
        }
    }
}
