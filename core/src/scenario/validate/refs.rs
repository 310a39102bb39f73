//! References inside a scenario's goals, effects and conditions: a party, forum or alliance by
//! id, or `Actor` / `Target` where the place it is used has one.

use super::{Kind, Scope, Validator};
use crate::scenario::model::{
    AllianceIx, AllianceRef, ForumIx, ForumRef, Goal, PartyIx, PartyRef, TargetKind, TrackIx,
};
use crate::scenario::raw::{self, RawGoal};

impl Validator<'_> {
    pub(super) fn goal(&mut self, g: &RawGoal, ctx: &str) -> Goal {
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

    pub(super) fn party_ref(&mut self, r: &raw::PartyRef, scope: Scope, ctx: &str) -> PartyRef {
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

    pub(super) fn forum_ref(&mut self, r: &raw::ForumRef, scope: Scope, ctx: &str) -> ForumRef {
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

    pub(super) fn alliance_ref(
        &mut self,
        r: &raw::AllianceRef,
        scope: Scope,
        ctx: &str,
    ) -> AllianceRef {
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
}
