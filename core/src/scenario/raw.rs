//! The scenario file exactly as written: serde structs read straight from RON.
//!
//! Ids are plain strings here. [`super::validate`] turns a [`RawScenario`] into the checked
//! [`super::Scenario`] with every reference resolved, or into a list of problems with their place
//! in the file. Field defaults live here, so a modder can leave out whatever has a sensible default.

use serde::{Deserialize, Serialize};

/// The scenario format version this build reads and writes.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// A whole scenario file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawScenario {
    /// Format version; must be [`FORMAT_VERSION`].
    pub(crate) format: u32,
    /// Stable id, lowercase with dashes (`campaign-2010-2011`); used on the command line.
    pub(crate) id: String,
    /// Title shown in menus.
    pub(crate) title: String,
    /// One paragraph shown before the game starts.
    pub summary: String,
    /// Where the scenario's facts come from.
    #[serde(default)]
    pub(crate) source: String,
    /// Notes for teachers and modders: design decisions, sources beyond the interview, balance.
    #[serde(default)]
    pub(crate) notes: String,
    /// What a player should watch for, a line each; shown in the briefing before play.
    #[serde(default)]
    pub watch: Vec<String>,
    /// First month and number of monthly turns.
    pub(crate) calendar: RawCalendar,
    /// Tunable constants of the engine's rules.
    #[serde(default)]
    pub(crate) rules: RawRules,
    /// The parties, in the order they act.
    pub(crate) parties: Vec<RawParty>,
    /// Doctrines parties can hold; a party names one, events can switch it.
    pub(crate) doctrines: Vec<RawDoctrine>,
    /// Starting relations; unlisted pairs start at `rules.default_trust` / `rules.default_threat`.
    #[serde(default)]
    pub(crate) relations: Vec<RawRelation>,
    /// Alliances between a patron and a client.
    #[serde(default)]
    pub(crate) alliances: Vec<RawAlliance>,
    /// Forums: the venues where parties meet.
    #[serde(default)]
    pub(crate) forums: Vec<RawForum>,
    /// Regional variables (`nk_nuclear`, `taiwan_tension`, ...).
    pub(crate) tracks: Vec<RawTrack>,
    /// The action catalogue: what parties may order each turn.
    pub(crate) actions: Vec<RawAction>,
    /// Scripted and triggered events.
    #[serde(default)]
    pub(crate) events: Vec<RawEvent>,
}

/// The calendar: one turn is one month.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    /// Year of the first turn.
    pub(crate) start_year: i32,
    /// Month of the first turn, 1..=12.
    pub(crate) start_month: u32,
    /// Number of turns, 1..=240.
    pub(crate) turns: u32,
}

/// Tunable constants of the rules. Every field has a default; see docs/ARCHITECTURE.md.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct RawRules {
    /// Trust of a pair not listed in `relations`.
    pub(crate) default_trust: f32,
    /// Threat perception of a pair not listed in `relations`.
    pub(crate) default_threat: f32,
    /// Most orders one party may give in a turn.
    pub max_orders: u32,
    /// Unspent capital carries over up to this many turns of income.
    pub(crate) capital_cap_turns: f32,
    /// Trust the target gains toward the actor for a cooperative gesture.
    pub(crate) cooperative_trust: f32,
    /// Trust the target loses toward the actor for a competitive move.
    pub(crate) competitive_trust: f32,
    /// Threat perception the target gains toward the actor for a competitive move.
    pub(crate) competitive_threat: f32,
    /// Habit a forum gains each session held.
    pub(crate) habit_per_session: f32,
    /// Habit a suspended forum loses each turn.
    pub(crate) habit_decay: f32,
    /// Trust between two attending members per session, times (1/2 + habit/100).
    pub(crate) session_trust: f32,
    /// Prestige the host earns per session held.
    pub(crate) host_prestige: f32,
    /// Trust loss toward a party that suspends a forum, per point of habit / 10.
    pub(crate) walkout_cost: f32,
    /// Abandonment fear a client gains each turn its patron does not reassure it.
    pub(crate) neglect_fear: f32,
    /// A drop of this much trust in one turn spills into shared forums.
    pub(crate) spill_threshold: f32,
    /// A party is weak (for brinkmanship) below this share of the strongest party's power.
    pub(crate) weak_power_share: f32,
}

impl Default for RawRules {
    fn default() -> Self {
        Self {
            default_trust: 0.0,
            default_threat: 20.0,
            max_orders: 2,
            capital_cap_turns: 2.0,
            cooperative_trust: 4.0,
            competitive_trust: 6.0,
            competitive_threat: 4.0,
            habit_per_session: 5.0,
            habit_decay: 3.0,
            session_trust: 3.0,
            host_prestige: 1.5,
            walkout_cost: 1.0,
            neglect_fear: 1.5,
            spill_threshold: 8.0,
            weak_power_share: 0.25,
        }
    }
}

/// A party: one of the states at the table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    /// Id used in references (`us`, `china`).
    pub(crate) id: String,
    /// Full name.
    pub(crate) name: String,
    /// Short label for the map, at most 5 characters.
    pub(crate) short: String,
    /// Place on the map, 0..=100 from the west and from the north.
    pub(crate) map: (u8, u8),
    /// Relative power, 0..=1000; grows by `growth` each turn.
    pub(crate) power: f32,
    /// Power gained each turn (China rises).
    #[serde(default)]
    pub(crate) growth: f32,
    /// Diplomatic capital gained each turn.
    pub(crate) capital: f32,
    /// Security, 0..=100.
    pub(crate) security: f32,
    /// Prestige, 0..=100.
    pub(crate) prestige: f32,
    /// Domestic approval, 0..=100.
    pub(crate) approval: f32,
    /// Id of the doctrine the party starts with.
    pub(crate) doctrine: String,
    /// Whether a human may play this party.
    #[serde(default = "yes")]
    pub(crate) playable: bool,
    /// What the player of this party is told at the start.
    #[serde(default)]
    pub(crate) briefing: String,
    /// How the party is scored at the end.
    pub(crate) objectives: Vec<RawObjective>,
    /// Id of a track that tallies this party's payoff, for tournaments (`sixparty tournament`
    /// ranks a party by this track's value instead of its objective score). Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) payoff: Option<String>,
}

fn yes() -> bool {
    true
}

fn one() -> f32 {
    1.0
}

/// A doctrine: what a party's government wants and how it plays.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDoctrine {
    /// Id (`ldp-alliance-first`).
    pub(crate) id: String,
    /// Name shown to players.
    pub(crate) name: String,
    /// One sentence on the doctrine.
    #[serde(default)]
    pub(crate) description: String,
    /// What the party values, with weights; each goal is measured for the party holding it.
    pub(crate) goals: Vec<RawWeightedGoal>,
    /// Appetite for risky moves, 0..=1 (competitive actions are discounted by 1 - risk).
    #[serde(default = "half")]
    pub(crate) risk: f32,
    /// How strongly it answers in kind, 0..=1.
    #[serde(default = "half")]
    pub(crate) reciprocity: f32,
    /// Preference for forums over bilateral moves, -1..=1.
    #[serde(default)]
    pub(crate) multilateralism: f32,
}

fn half() -> f32 {
    0.5
}

/// A goal with a weight.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeightedGoal {
    /// What is measured.
    pub(crate) goal: RawGoal,
    /// How much it counts, > 0.
    #[serde(default = "one")]
    pub(crate) weight: f32,
}

/// A scored objective of a party.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    /// What the objective means, in a sentence.
    pub(crate) text: String,
    /// What is measured.
    pub(crate) goal: RawGoal,
    /// How much it counts, > 0.
    #[serde(default = "one")]
    pub(crate) weight: f32,
}

/// Which way a figure should go.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Prefer {
    /// Higher is better.
    High,
    /// Lower is better.
    Low,
}

/// Something measured between 0 (worst) and 1 (best) for the party that holds the goal.
// The variant's doc names its fields; each field is a reference or a number as named.
#[allow(missing_docs)]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum RawGoal {
    /// A track's value, high or low.
    Track { track: String, prefer: Prefer },
    /// One of the party's own figures.
    Figure { figure: Figure, prefer: Prefer },
    /// Another party's trust toward this one, high.
    TrustFrom { party: String },
    /// Another party's threat perception of this one, low.
    LowThreatFrom { party: String },
    /// This party's threat perception of another, low (feeling safe from it).
    FeelSafeFrom { party: String },
    /// An alliance's commitment, high or low.
    Commitment { alliance: String, prefer: Prefer },
    /// An alliance's abandonment fear (the client's), low.
    LowFear { alliance: String },
    /// A forum's habit of cooperation, high or low (collapsed counts as 0).
    Habit { forum: String, prefer: Prefer },
}

/// A party figure.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    /// Security, 0..=100.
    Security,
    /// Prestige, 0..=100.
    Prestige,
    /// Domestic approval, 0..=100.
    Approval,
    /// Diplomatic capital in hand, 0..=100.
    Capital,
    /// Power, 0..=1000.
    Power,
}

/// A starting relation from one party to another.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    /// Whose view.
    pub(crate) from: String,
    /// Of whom.
    pub(crate) to: String,
    /// Trust, -100..=100.
    pub(crate) trust: f32,
    /// Threat perception, 0..=100.
    pub(crate) threat: f32,
    /// Also set the reverse direction to the same values.
    #[serde(default)]
    pub(crate) both: bool,
}

/// An alliance between a patron and a client.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlliance {
    /// Id (`us-japan`).
    pub(crate) id: String,
    /// Name shown to players.
    pub(crate) name: String,
    /// The stronger partner, who extends guarantees.
    pub(crate) patron: String,
    /// The partner who relies on them.
    pub(crate) client: String,
    /// Commitment, 0..=100.
    pub(crate) commitment: f32,
    /// Whether the patron's nuclear umbrella covers the client.
    #[serde(default)]
    pub(crate) umbrella: bool,
    /// The client's fear of being abandoned, 0..=100.
    pub(crate) abandonment_fear: f32,
    /// The patron's risk of being dragged into the client's quarrels, 0..=100.
    pub(crate) entrapment_risk: f32,
    /// Parties who see this alliance as aimed at them; reassurance raises their threat perception.
    #[serde(default)]
    pub(crate) rivals: Vec<String>,
}

/// A forum's status.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum ForumStatus {
    /// Talked about, never met; an order can convene it.
    Proposed,
    /// Meets on its schedule.
    Active,
    /// Not meeting; habit decays.
    Suspended,
    /// Gone for good.
    Collapsed,
}

/// When a forum meets.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum Schedule {
    /// Every n turns, counted from the first turn.
    Every(u32),
    /// In these calendar months (1..=12).
    Months(Vec<u32>),
}

/// A forum: a venue where parties meet.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawForum {
    /// Id (`six_party_talks`).
    pub(crate) id: String,
    /// Name shown to players.
    pub(crate) name: String,
    /// Short label, at most 6 characters.
    pub(crate) short: String,
    /// One sentence on the forum.
    #[serde(default)]
    pub(crate) description: String,
    /// Member parties.
    pub(crate) members: Vec<String>,
    /// Host and mediator, if any; must be a member.
    #[serde(default)]
    pub(crate) host: Option<String>,
    /// Status at the start.
    pub(crate) status: ForumStatus,
    /// When it meets while active.
    pub(crate) schedule: Schedule,
    /// Tracks the forum works on; a successful session moves each by its amount.
    #[serde(default)]
    pub(crate) agenda: Vec<RawAgendaItem>,
    /// Topics a member refuses to discuss here.
    #[serde(default)]
    pub(crate) excluded: Vec<RawExcluded>,
    /// Habit of cooperation, 0..=100.
    #[serde(default)]
    pub(crate) habit: f32,
}

/// An agenda item of a forum.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgendaItem {
    /// The track worked on.
    pub(crate) track: String,
    /// How much a successful session moves it.
    pub(crate) per_session: f32,
}

/// A topic kept off a forum's table, and who walks out if it is raised.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawExcluded {
    /// The topic: a track id.
    pub(crate) topic: String,
    /// The party whose red line it is.
    pub(crate) owner: String,
}

/// The role of a track in the engine's rules.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum TrackRole {
    /// Military transparency: damps the security dilemma of growing power.
    Transparency,
}

/// A regional variable.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    /// Id (`nk_nuclear`).
    pub(crate) id: String,
    /// Name shown to players.
    pub(crate) name: String,
    /// One sentence on what it measures.
    #[serde(default)]
    pub(crate) description: String,
    /// Starting value.
    pub(crate) value: f32,
    /// Lowest value.
    #[serde(default)]
    pub(crate) min: f32,
    /// Highest value.
    #[serde(default = "hundred")]
    pub(crate) max: f32,
    /// Change each turn before anyone acts.
    #[serde(default)]
    pub(crate) drift: f32,
    /// A role in the engine's rules, if any.
    #[serde(default)]
    pub(crate) role: Option<TrackRole>,
}

fn hundred() -> f32 {
    100.0
}

/// What an action is aimed at.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum TargetKind {
    /// Nothing in particular.
    None,
    /// Another party.
    Party,
    /// A party the actor is allied with.
    Ally,
    /// A forum the actor is a member of.
    Forum,
}

/// The stance of an action toward its target; the engine's rules react to it.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum Stance {
    /// Reassures or engages the target: trust rises, reciprocity remembers.
    Cooperative,
    /// Pressures the target: trust falls, threat rises, reciprocity remembers.
    Competitive,
    /// Reassures an ally: commitment up, fear down, entrapment and rivals' threat up.
    Alliance,
    /// No reaction from the rules beyond the action's own effects.
    Neutral,
}

/// An entry of the action catalogue.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    /// Id (`reassure_ally`).
    pub(crate) id: String,
    /// Name shown in the orders menu.
    pub(crate) name: String,
    /// One sentence shown with it.
    #[serde(default)]
    pub(crate) description: String,
    /// Capital it costs.
    pub(crate) cost: f32,
    /// Who may use it; empty means every party.
    #[serde(default)]
    pub(crate) who: Vec<String>,
    /// What it is aimed at.
    pub(crate) target: TargetKind,
    /// Its stance toward the target.
    pub(crate) stance: Stance,
    /// A topic (track id) it raises at the target forum; red lines react to it.
    #[serde(default)]
    pub(crate) topic: Option<String>,
    /// A condition that must hold for the action to be offered.
    #[serde(default)]
    pub(crate) requires: Option<RawCondition>,
    /// What it does, on top of the stance rules.
    #[serde(default)]
    pub(crate) effects: Vec<RawEffect>,
}

/// When an event can fire.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum When {
    /// In this month of this year.
    Date(i32, u32),
    /// Whenever the condition holds at the start of a turn.
    Trigger(RawCondition),
}

/// A scripted or triggered event.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Id (`taiwan_arms_sale`).
    pub(crate) id: String,
    /// Headline.
    pub(crate) title: String,
    /// The news text.
    pub(crate) text: String,
    /// When it can fire.
    pub(crate) when: When,
    /// Chance it fires when eligible, 0..=1.
    #[serde(default = "one")]
    pub(crate) chance: f32,
    /// Fires at most once (default) or every time it is eligible.
    #[serde(default = "yes")]
    pub(crate) once: bool,
    /// The party that must choose an option; `Actor` in effects. None: effects just happen.
    #[serde(default)]
    pub(crate) decider: Option<String>,
    /// The party the event is aimed at; `Target` in effects.
    #[serde(default)]
    pub(crate) target: Option<String>,
    /// Effects applied when it fires, before any choice.
    #[serde(default)]
    pub(crate) effects: Vec<RawEffect>,
    /// The decider's options; empty when there is no decider.
    #[serde(default)]
    pub(crate) options: Vec<RawOption>,
    /// What this moment teaches; shown with the decision to a human decider.
    #[serde(default)]
    pub(crate) teaching: String,
}

/// One option of an event.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Id (`approve`).
    pub(crate) id: String,
    /// Label shown to the decider.
    pub(crate) label: String,
    /// Effects when chosen.
    #[serde(default)]
    pub(crate) effects: Vec<RawEffect>,
    /// Bias added to the AI's utility for this option (in utility points; 0 = judge by effects).
    #[serde(default)]
    pub(crate) ai_weight: f32,
}

/// A party in an effect or condition.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum PartyRef {
    /// The party taking the action or deciding the event.
    Actor,
    /// The target of the action or event.
    Target,
    /// A party by id.
    Party(String),
}

/// A forum in an effect or condition.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum ForumRef {
    /// The forum the action targets.
    Target,
    /// A forum by id.
    Forum(String),
}

/// An alliance in an effect or condition.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub enum AllianceRef {
    /// The alliance between the actor and the target.
    Target,
    /// An alliance by id.
    Alliance(String),
}

/// An alliance figure.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
pub enum AllianceFigure {
    /// Commitment, 0..=100.
    Commitment,
    /// The client's abandonment fear, 0..=100.
    AbandonmentFear,
    /// The patron's entrapment risk, 0..=100.
    EntrapmentRisk,
}

/// A change to the game state.
// The variant's doc names its fields; each field is a reference or a number as named.
#[allow(missing_docs)]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum RawEffect {
    /// `from`'s trust toward `to` changes.
    Trust {
        from: PartyRef,
        to: PartyRef,
        delta: f32,
    },
    /// `from`'s threat perception of `to` changes.
    Threat {
        from: PartyRef,
        to: PartyRef,
        delta: f32,
    },
    /// Trust changes both ways between two parties.
    MutualTrust {
        a: PartyRef,
        b: PartyRef,
        delta: f32,
    },
    /// A track moves.
    Track { track: String, delta: f32 },
    /// A party figure changes.
    Figure {
        party: PartyRef,
        figure: Figure,
        delta: f32,
    },
    /// An alliance figure changes.
    Alliance {
        alliance: AllianceRef,
        figure: AllianceFigure,
        delta: f32,
    },
    /// A forum's habit changes.
    Habit { forum: ForumRef, delta: f32 },
    /// A forum's status changes; suspending an active forum costs the actor trust (walk-out).
    ForumStatus {
        forum: ForumRef,
        status: ForumStatus,
    },
    /// The actor skips the forum's session this turn.
    Boycott { forum: ForumRef },
    /// A party's doctrine changes (a new government).
    Doctrine { party: PartyRef, doctrine: String },
    /// A line in the news.
    News(String),
    /// Effects that depend on the state, or on what others chose this turn.
    If {
        when: RawCondition,
        then: Vec<RawEffect>,
        #[serde(default)]
        otherwise: Vec<RawEffect>,
    },
}

/// A condition on the game state.
// The variant's doc names its fields; each field is a reference or a number as named.
#[allow(missing_docs)]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum RawCondition {
    /// Always true.
    Always,
    /// All hold.
    All(Vec<RawCondition>),
    /// At least one holds.
    Any(Vec<RawCondition>),
    /// Does not hold.
    Not(Box<RawCondition>),
    /// A track is above a value.
    TrackAbove { track: String, value: f32 },
    /// A track is below a value.
    TrackBelow { track: String, value: f32 },
    /// Trust is above a value.
    TrustAbove {
        from: PartyRef,
        to: PartyRef,
        value: f32,
    },
    /// Trust is below a value.
    TrustBelow {
        from: PartyRef,
        to: PartyRef,
        value: f32,
    },
    /// Threat perception is above a value.
    ThreatAbove {
        from: PartyRef,
        to: PartyRef,
        value: f32,
    },
    /// A party figure is above a value.
    FigureAbove {
        party: PartyRef,
        figure: Figure,
        value: f32,
    },
    /// A party figure is below a value.
    FigureBelow {
        party: PartyRef,
        figure: Figure,
        value: f32,
    },
    /// A forum's habit is above a value.
    HabitAbove { forum: ForumRef, value: f32 },
    /// A forum's habit is below a value.
    HabitBelow { forum: ForumRef, value: f32 },
    /// The target of the action or event is this party.
    TargetIs(String),
    /// A forum has this status.
    ForumIs {
        forum: ForumRef,
        status: ForumStatus,
    },
    /// An alliance figure is above a value.
    AllianceAbove {
        alliance: AllianceRef,
        figure: AllianceFigure,
        value: f32,
    },
    /// An alliance figure is below a value.
    AllianceBelow {
        alliance: AllianceRef,
        figure: AllianceFigure,
        value: f32,
    },
    /// The turn number (1-based) is at least this.
    TurnAtLeast(u32),
    /// An event has fired.
    EventFired(String),
    /// An option of an event was chosen.
    OptionChosen { event: String, option: String },
    /// A party holds a doctrine.
    DoctrineIs { party: PartyRef, doctrine: String },
    /// A party ordered this action this turn (in a trigger: last turn).
    Chose { party: PartyRef, action: String },
    /// A party took a move of this stance toward another this turn (in a trigger: last turn).
    ChoseStance {
        party: PartyRef,
        toward: PartyRef,
        stance: Stance,
    },
}
