//! The validated scenario: every id resolved to an index, every value checked.
//!
//! The simulation only ever sees this model, so it never has to handle a dangling reference.

pub use super::raw::{
    AllianceFigure, Figure, ForumStatus, Prefer, RawRules as Rules, Schedule, Stance, TargetKind,
    TrackRole,
};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub usize);
    };
}

index_type!(
    /// Index of a party in [`Scenario::parties`].
    PartyIx
);
index_type!(
    /// Index of a doctrine in [`Scenario::doctrines`].
    DoctrineIx
);
index_type!(
    /// Index of an alliance in [`Scenario::alliances`].
    AllianceIx
);
index_type!(
    /// Index of a forum in [`Scenario::forums`].
    ForumIx
);
index_type!(
    /// Index of a track in [`Scenario::tracks`].
    TrackIx
);
index_type!(
    /// Index of an action in [`Scenario::actions`].
    ActionIx
);
index_type!(
    /// Index of an event in [`Scenario::events`].
    EventIx
);

/// A validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// One paragraph.
    pub summary: String,
    /// Source of the facts.
    pub source: String,
    /// Notes for teachers and modders.
    pub notes: String,
    /// What to watch for, a line each.
    pub watch: Vec<String>,
    /// The file's text, kept so that a save carries its scenario with it.
    pub text: String,
    /// Year of the first turn.
    pub(crate) start_year: i32,
    /// Month of the first turn, 1..=12.
    pub(crate) start_month: u32,
    /// Number of turns.
    pub turns: u32,
    /// Rule constants.
    pub rules: Rules,
    /// Parties in acting order.
    pub parties: Vec<Party>,
    /// Doctrines.
    pub doctrines: Vec<Doctrine>,
    /// Starting trust, `[from][to]`.
    pub(crate) trust: Vec<Vec<f32>>,
    /// Starting threat perception, `[from][to]`.
    pub(crate) threat: Vec<Vec<f32>>,
    /// Alliances.
    pub alliances: Vec<Alliance>,
    /// Forums.
    pub forums: Vec<Forum>,
    /// Tracks.
    pub tracks: Vec<Track>,
    /// Action catalogue.
    pub actions: Vec<Action>,
    /// Events.
    pub events: Vec<Event>,
}

/// A party.
#[derive(Debug, Clone)]
pub struct Party {
    /// Id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Map label.
    pub short: String,
    /// Map position, 0..=100.
    pub map: (u8, u8),
    /// Starting power.
    pub(crate) power: f32,
    /// Power gained per turn.
    pub growth: f32,
    /// Capital income per turn.
    pub(crate) capital: f32,
    /// Starting security.
    pub(crate) security: f32,
    /// Starting prestige.
    pub(crate) prestige: f32,
    /// Starting approval.
    pub(crate) approval: f32,
    /// Starting doctrine.
    pub doctrine: DoctrineIx,
    /// Whether a human may play it.
    pub playable: bool,
    /// The player's briefing.
    pub briefing: String,
    /// Scored objectives.
    pub objectives: Vec<Objective>,
    /// The track that tallies its payoff in tournaments, if the scenario names one.
    pub payoff: Option<TrackIx>,
}

/// A doctrine.
#[derive(Debug, Clone)]
pub struct Doctrine {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// One sentence.
    pub description: String,
    /// Weighted goals.
    pub(crate) goals: Vec<(Goal, f32)>,
    /// Appetite for risk, 0..=1.
    pub(crate) risk: f32,
    /// Reciprocity, 0..=1.
    pub(crate) reciprocity: f32,
    /// Preference for forums, -1..=1.
    pub(crate) multilateralism: f32,
}

/// A scored objective.
#[derive(Debug, Clone)]
pub struct Objective {
    /// What it means.
    pub text: String,
    /// What is measured.
    pub(crate) goal: Goal,
    /// Its weight.
    pub weight: f32,
}

/// A measured goal, 0 (worst) ..= 1 (best), for its holder.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// A track, high or low.
    Track(TrackIx, Prefer),
    /// Own figure, high or low.
    Figure(Figure, Prefer),
    /// Another party's trust in the holder.
    TrustFrom(PartyIx),
    /// Another party's threat perception of the holder, low.
    LowThreatFrom(PartyIx),
    /// The holder's threat perception of another, low.
    FeelSafeFrom(PartyIx),
    /// An alliance's commitment.
    Commitment(AllianceIx, Prefer),
    /// An alliance's abandonment fear, low.
    LowFear(AllianceIx),
    /// A forum's habit.
    Habit(ForumIx, Prefer),
}

/// An alliance.
#[derive(Debug, Clone)]
pub struct Alliance {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Patron.
    pub patron: PartyIx,
    /// Client.
    pub client: PartyIx,
    /// Starting commitment.
    pub(crate) commitment: f32,
    /// Nuclear umbrella.
    pub(crate) umbrella: bool,
    /// Starting abandonment fear.
    pub(crate) abandonment_fear: f32,
    /// Starting entrapment risk.
    pub(crate) entrapment_risk: f32,
    /// Parties that see it as aimed at them.
    pub(crate) rivals: Vec<PartyIx>,
}

impl Alliance {
    /// Whether the party is the patron or the client.
    pub fn involves(&self, p: PartyIx) -> bool {
        self.patron == p || self.client == p
    }
}

/// A forum.
#[derive(Debug, Clone)]
pub struct Forum {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Short label.
    pub short: String,
    /// One sentence.
    pub description: String,
    /// Members.
    pub members: Vec<PartyIx>,
    /// Host.
    pub host: Option<PartyIx>,
    /// Starting status.
    pub status: ForumStatus,
    /// When it meets.
    pub(crate) schedule: Schedule,
    /// Agenda: tracks and the move per successful session.
    pub(crate) agenda: Vec<(TrackIx, f32)>,
    /// Excluded topics and their owners.
    pub excluded: Vec<(TrackIx, PartyIx)>,
    /// Starting habit.
    pub habit: f32,
}

/// A track.
#[derive(Debug, Clone)]
pub struct Track {
    /// Id.
    pub id: String,
    /// Name.
    pub(crate) name: String,
    /// One sentence.
    pub description: String,
    /// Starting value.
    pub value: f32,
    /// Lowest value.
    pub min: f32,
    /// Highest value.
    pub max: f32,
    /// Change per turn.
    pub(crate) drift: f32,
    /// Role in the rules.
    pub(crate) role: Option<TrackRole>,
}

/// An action of the catalogue.
#[derive(Debug, Clone)]
pub struct Action {
    /// Id.
    pub id: String,
    /// Name.
    pub(crate) name: String,
    /// One sentence.
    pub description: String,
    /// Capital cost.
    pub cost: f32,
    /// Who may use it; empty = all.
    pub who: Vec<PartyIx>,
    /// Target kind.
    pub(crate) target: TargetKind,
    /// Stance toward the target.
    pub stance: Stance,
    /// Topic raised at a forum.
    pub(crate) topic: Option<TrackIx>,
    /// Precondition.
    pub(crate) requires: Option<Condition>,
    /// Effects (shared: every order of the action applies them, and holding them must not
    /// cost a copy).
    pub(crate) effects: std::sync::Arc<[Effect]>,
}

/// When an event can fire.
#[derive(Debug, Clone)]
pub(crate) enum When {
    /// On this turn (1-based), computed from the date.
    Turn(u32),
    /// Whenever the condition holds at the start of a turn.
    Trigger(Condition),
}

/// An event.
#[derive(Debug, Clone)]
pub struct Event {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// News text.
    pub text: String,
    /// When it fires.
    pub(crate) when: When,
    /// Chance when eligible.
    pub(crate) chance: f32,
    /// Fires at most once.
    pub(crate) once: bool,
    /// Deciding party.
    pub(crate) decider: Option<PartyIx>,
    /// Target party.
    pub(crate) target: Option<PartyIx>,
    /// Effects on firing.
    pub(crate) effects: Vec<Effect>,
    /// Options.
    pub options: Vec<EventOption>,
    /// Teaching note.
    pub teaching: String,
}

/// An event option.
#[derive(Debug, Clone)]
pub struct EventOption {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Effects.
    pub(crate) effects: Vec<Effect>,
    /// AI bias.
    pub(crate) ai_weight: f32,
}

/// A party reference, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyRef {
    /// The actor or decider.
    Actor,
    /// The target.
    Target,
    /// A fixed party.
    Party(PartyIx),
}

/// A forum reference, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForumRef {
    /// The targeted forum.
    Target,
    /// A fixed forum.
    Forum(ForumIx),
}

/// An alliance reference, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllianceRef {
    /// The alliance between actor and target.
    Target,
    /// A fixed alliance.
    Alliance(AllianceIx),
}

/// A change to the game state.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Trust from → to.
    Trust(PartyRef, PartyRef, f32),
    /// Threat from → to.
    Threat(PartyRef, PartyRef, f32),
    /// Trust both ways.
    MutualTrust(PartyRef, PartyRef, f32),
    /// A track moves.
    Track(TrackIx, f32),
    /// A party figure changes.
    Figure(PartyRef, Figure, f32),
    /// An alliance figure changes.
    Alliance(AllianceRef, AllianceFigure, f32),
    /// A forum's habit changes.
    Habit(ForumRef, f32),
    /// A forum's status changes.
    ForumStatus(ForumRef, ForumStatus),
    /// The actor boycotts the forum's session this turn.
    Boycott(ForumRef),
    /// A party's doctrine changes.
    Doctrine(PartyRef, DoctrineIx),
    /// A news line.
    News(String),
    /// Conditional effects.
    If(Condition, Vec<Effect>, Vec<Effect>),
}

/// A condition, resolved.
#[derive(Debug, Clone)]
pub enum Condition {
    /// Always true.
    Always,
    /// All hold.
    All(Vec<Condition>),
    /// One holds.
    Any(Vec<Condition>),
    /// Does not hold.
    Not(Box<Condition>),
    /// Track above.
    TrackAbove(TrackIx, f32),
    /// Track below.
    TrackBelow(TrackIx, f32),
    /// Trust above.
    TrustAbove(PartyRef, PartyRef, f32),
    /// Trust below.
    TrustBelow(PartyRef, PartyRef, f32),
    /// Threat above.
    ThreatAbove(PartyRef, PartyRef, f32),
    /// Figure above.
    FigureAbove(PartyRef, Figure, f32),
    /// Figure below.
    FigureBelow(PartyRef, Figure, f32),
    /// Habit above.
    HabitAbove(ForumRef, f32),
    /// Habit below.
    HabitBelow(ForumRef, f32),
    /// The target is this party.
    TargetIs(PartyIx),
    /// Forum status.
    ForumIs(ForumRef, ForumStatus),
    /// Alliance figure above.
    AllianceAbove(AllianceRef, AllianceFigure, f32),
    /// Alliance figure below.
    AllianceBelow(AllianceRef, AllianceFigure, f32),
    /// Turn at least.
    TurnAtLeast(u32),
    /// Event fired.
    EventFired(EventIx),
    /// Option chosen.
    OptionChosen(EventIx, usize),
    /// Doctrine held.
    DoctrineIs(PartyRef, DoctrineIx),
    /// Action chosen this turn.
    Chose(PartyRef, ActionIx),
    /// Stance taken toward a party this turn.
    ChoseStance(PartyRef, PartyRef, Stance),
}

impl Scenario {
    /// Find a party by id.
    pub fn party_by_id(&self, id: &str) -> Option<PartyIx> {
        self.parties.iter().position(|p| p.id == id).map(PartyIx)
    }

    /// The party.
    pub fn party(&self, p: PartyIx) -> &Party {
        &self.parties[p.0]
    }

    /// The alliance between two parties, if any.
    pub(crate) fn alliance_between(&self, a: PartyIx, b: PartyIx) -> Option<AllianceIx> {
        self.alliances
            .iter()
            .position(|al| al.involves(a) && al.involves(b) && a != b)
            .map(AllianceIx)
    }

    /// Calendar label (`Mar 2010`) of a 1-based turn.
    pub fn date_label(&self, turn: u32) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (year, month) = self.date_of(turn);
        format!("{} {year}", MONTHS[(month - 1) as usize])
    }

    /// (year, month) of a 1-based turn.
    pub(crate) fn date_of(&self, turn: u32) -> (i32, u32) {
        let months = i64::from(self.start_month - 1) + i64::from(turn.max(1) - 1);
        (
            self.start_year + (months / 12) as i32,
            (months % 12) as u32 + 1,
        )
    }

    /// Whether a forum is scheduled to meet on a 1-based turn (if active).
    pub(crate) fn meets_on(&self, f: ForumIx, turn: u32) -> bool {
        match &self.forums[f.0].schedule {
            Schedule::Every(n) => *n > 0 && (turn - 1).is_multiple_of(*n),
            Schedule::Months(months) => months.contains(&self.date_of(turn).1),
        }
    }
}
