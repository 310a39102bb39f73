//! What happens in a turn, as typed facts: the one record of the game's events that the news,
//! the fog of war, the timeline and the debrief's dynamics are all built from.
//!
//! The rules write facts as they apply (into a [`Log`], which the turn's systems send on as
//! bevy messages); nothing in the simulation writes a sentence. Putting a fact into words is
//! [`crate::narrate`]'s work, and deciding what a seat may see of it is [`crate::fog`]'s, both
//! reading the fields here, never the words.

use bevy_ecs::message::Message;
use serde::{Deserialize, Serialize};

use crate::scenario::{DoctrineIx, EventIx, ForumIx, ForumStatus, PartyIx, TrackIx};

use super::state::Order;

/// The ten dynamics the rules produce and the debrief names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dynamic {
    /// Forums that meet build trust even when the core problem stays unsolved.
    HabitsOfCooperation,
    /// Reassuring an ally calms it but entangles the patron and alarms the rival.
    AllianceSecurityDilemma,
    /// Growth or build-up alarms others whatever the intent; transparency damps it.
    SecurityDilemma,
    /// A bilateral row spills into multilateral cooperation.
    IssueLinkage,
    /// Raising an excluded topic makes its owner walk out.
    RedLines,
    /// Hosting and mediating earns prestige and influence.
    ConvenersLeverage,
    /// Overlapping venues: parties choose where to invest.
    ForumShopping,
    /// A weak party's provocations extract concessions, at a price in trust.
    Brinkmanship,
    /// A change of government shifts a party's doctrine mid-game.
    DomesticPolitics,
    /// Parties answer in kind: cooperation met with cooperation, pressure with pressure.
    Reciprocity,
}

impl Dynamic {
    /// All ten, in the order of the design.
    pub const ALL: [Dynamic; 10] = [
        Dynamic::HabitsOfCooperation,
        Dynamic::AllianceSecurityDilemma,
        Dynamic::SecurityDilemma,
        Dynamic::IssueLinkage,
        Dynamic::RedLines,
        Dynamic::ConvenersLeverage,
        Dynamic::ForumShopping,
        Dynamic::Brinkmanship,
        Dynamic::DomesticPolitics,
        Dynamic::Reciprocity,
    ];

    /// Its name.
    pub fn name(self) -> &'static str {
        match self {
            Dynamic::HabitsOfCooperation => "Habits of cooperation",
            Dynamic::AllianceSecurityDilemma => "Alliance security dilemma",
            Dynamic::SecurityDilemma => "Security dilemma and power transition",
            Dynamic::IssueLinkage => "Issue linkage and spill-over",
            Dynamic::RedLines => "Agenda control and red lines",
            Dynamic::ConvenersLeverage => "Convener's leverage",
            Dynamic::ForumShopping => "Forum shopping",
            Dynamic::Brinkmanship => "Brinkmanship",
            Dynamic::DomesticPolitics => "Domestic politics",
            Dynamic::Reciprocity => "Reciprocity",
        }
    }
}

/// What carried an effect: whose news a scenario's own `News` line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// An order being carried out.
    Order(Order),
    /// An event firing.
    Event(EventIx),
    /// A party's choice of an event's option.
    Option(EventIx),
}

/// A fact of the turn.
#[derive(Message, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Fact {
    /// A scenario event fired.
    EventFired {
        /// The event.
        event: EventIx,
    },
    /// A party chose one of an event's options.
    Decided {
        /// The event.
        event: EventIx,
        /// Who chose.
        party: PartyIx,
        /// The option.
        option: usize,
    },
    /// An order was carried out.
    Ordered {
        /// The order.
        order: Order,
    },
    /// A scenario's own news line (an effect `News`), in the scenario's words.
    Announced {
        /// The line.
        text: String,
        /// What carried it.
        cause: Cause,
    },
    /// A party's government now follows another doctrine.
    CourseChanged {
        /// The party.
        party: PartyIx,
        /// The doctrine it follows now.
        doctrine: DoctrineIx,
    },
    /// A party suspended an active forum by walking out, and paid in trust with each member.
    WalkedOut {
        /// Who walked out.
        party: PartyIx,
        /// The forum.
        forum: ForumIx,
        /// The forum's habit when it happened.
        habit: f32,
        /// The trust each partner lost in the walker.
        cost: f32,
    },
    /// A forum's status changed without a walk-out: in session again, suspended, collapsed.
    ForumStatusChanged {
        /// The forum.
        forum: ForumIx,
        /// Its status now.
        status: ForumStatus,
    },
    /// A forum's session could not be held: fewer than two members attended.
    TooFewAttended {
        /// The forum.
        forum: ForumIx,
    },
    /// A forum met.
    SessionHeld {
        /// The forum.
        forum: ForumIx,
        /// The members who attended.
        attending: Vec<PartyIx>,
        /// How many members it has.
        members: usize,
        /// Whether it agreed on its agenda.
        success: bool,
        /// Its habit before the session.
        habit: f32,
        /// The trust each attendee gained in each other (before saturation).
        gain: f32,
        /// The host, when it attended, and the prestige it earned.
        host: Option<(PartyIx, f32)>,
    },
    /// A cooperative gesture was received warily after recent pressure from its giver.
    OvertureDiscounted {
        /// Who made the overture.
        from: PartyIx,
        /// Who discounted it.
        to: PartyIx,
    },
    /// A patron reassured its client.
    Reassured {
        /// The patron.
        patron: PartyIx,
        /// The client.
        client: PartyIx,
        /// The change of the client's abandonment fear.
        fear: f32,
        /// The change of the patron's entrapment risk.
        entrapment: f32,
        /// The alliance's rivals who feel more threatened.
        alarmed: Vec<PartyIx>,
    },
    /// A weak party's provocation earned it concessions from those who fear it.
    PressedFromWeakness {
        /// The weak party.
        party: PartyIx,
        /// Those who fear it and paid.
        fearful: Vec<PartyIx>,
        /// The capital it gained.
        gain: f32,
    },
    /// A party raised a topic another member keeps off a forum's table; the owner walked out.
    RedLineCrossed {
        /// Who raised it.
        party: PartyIx,
        /// Whose red line it is.
        owner: PartyIx,
        /// The forum.
        forum: ForumIx,
        /// The topic.
        topic: TrackIx,
    },
    /// A party's power grew, and its neighbours' threat perception with it (noted every six months).
    PowerGrew {
        /// The party.
        party: PartyIx,
        /// Growth a month.
        growth: f32,
        /// Rise of each neighbour's threat perception a month.
        alarm: f32,
        /// How far military transparency damps the alarm, 0..1.
        transparency: f32,
    },
    /// A client that fears abandonment hedges, cooling toward its patron.
    Hedged {
        /// The client.
        client: PartyIx,
        /// The patron.
        patron: PartyIx,
        /// Its abandonment fear.
        fear: f32,
    },
    /// A sharp fall of trust spilled into shared forums and onto the other's allies.
    RowSpilled {
        /// Whose trust fell.
        from: PartyIx,
        /// In whom.
        to: PartyIx,
        /// By how much this month.
        drop: f32,
        /// The shared forums that lost habit (drop / 2 each).
        forums: Vec<ForumIx>,
        /// Whether `from` now trusts `to`'s allies less.
        onto_allies: bool,
    },
}

impl Fact {
    /// The dynamics of the debrief this fact shows at work, with the parties involved, in the
    /// order the debrief lists them. Most facts show none; a hosted session shows two.
    pub fn dynamics(&self) -> Vec<(Dynamic, Vec<PartyIx>)> {
        match self {
            Fact::CourseChanged { party, .. } => vec![(Dynamic::DomesticPolitics, vec![*party])],
            Fact::WalkedOut { party, .. } => vec![(Dynamic::HabitsOfCooperation, vec![*party])],
            Fact::SessionHeld {
                attending, host, ..
            } => {
                let mut out = Vec::new();
                if let Some((h, _)) = host {
                    out.push((Dynamic::ConvenersLeverage, vec![*h]));
                }
                out.push((Dynamic::HabitsOfCooperation, attending.clone()));
                out
            }
            Fact::OvertureDiscounted { from, to } => vec![(Dynamic::Reciprocity, vec![*from, *to])],
            Fact::Reassured { patron, client, .. } => {
                vec![(Dynamic::AllianceSecurityDilemma, vec![*patron, *client])]
            }
            Fact::PressedFromWeakness { party, fearful, .. } => {
                let mut v = vec![*party];
                v.extend(fearful.iter().copied());
                vec![(Dynamic::Brinkmanship, v)]
            }
            Fact::RedLineCrossed { party, owner, .. } => {
                vec![(Dynamic::RedLines, vec![*party, *owner])]
            }
            Fact::PowerGrew { party, .. } => vec![(Dynamic::SecurityDilemma, vec![*party])],
            Fact::Hedged { client, patron, .. } => {
                vec![(Dynamic::AllianceSecurityDilemma, vec![*client, *patron])]
            }
            Fact::RowSpilled { from, to, .. } => vec![(Dynamic::IssueLinkage, vec![*from, *to])],
            Fact::EventFired { .. }
            | Fact::Decided { .. }
            | Fact::Ordered { .. }
            | Fact::Announced { .. }
            | Fact::ForumStatusChanged { .. }
            | Fact::TooFewAttended { .. } => Vec::new(),
        }
    }

    /// Whether the fact is news for the players (the others show only in the debrief).
    pub fn is_news(&self) -> bool {
        !matches!(
            self,
            Fact::OvertureDiscounted { .. }
                | Fact::Reassured { .. }
                | Fact::PressedFromWeakness { .. }
                | Fact::PowerGrew { .. }
                | Fact::Hedged { .. }
        )
    }
}

/// Where the rules write the facts of what they do. The turn's systems send them on as bevy
/// messages; the AI, forecasting on a copy of the state, keeps or drops them.
#[derive(Debug, Clone, Default)]
pub struct Log {
    /// The facts, in the order they happened.
    pub facts: Vec<Fact>,
}

impl Log {
    /// Note a fact.
    pub fn note(&mut self, fact: Fact) {
        self.facts.push(fact);
    }
}
