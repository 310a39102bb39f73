//! Effects and conditions, resolved recursively (`If`, `All`, `Any`, `Not`) with the refs of the
//! place they sit in.

use super::{Kind, Scope, Validator};
use crate::scenario::model::{
    ActionIx, Condition, DoctrineIx, Effect, EventIx, PartyIx, TargetKind, TrackIx,
};
use crate::scenario::raw::{RawCondition, RawEffect};

impl Validator<'_> {
    pub(super) fn effects(
        &mut self,
        effects: &[RawEffect],
        scope: Scope,
        ctx: &str,
    ) -> Vec<Effect> {
        effects.iter().map(|e| self.effect(e, scope, ctx)).collect()
    }

    pub(super) fn effect(&mut self, e: &RawEffect, scope: Scope, ctx: &str) -> Effect {
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

    pub(super) fn condition(&mut self, c: &RawCondition, scope: Scope, ctx: &str) -> Condition {
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
