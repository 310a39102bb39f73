//! Keeps docs/MODDING.md true to the scenario format.
//!
//! Every RON code block of the guide names, on its fence line after the word `ron`, what it shows:
//!
//! - `Scenario`: a whole scenario. It must load with `scenario::load_str` and play to the end
//!   with the AI in every seat.
//! - a type such as `Action`, or a list of them such as `[Effect]`: the block must deserialize as
//!   the matching `scenario::raw` type, with the loader's RON options.
//! - `Mod`: an extension mod. Applied to the shipped scenario it extends, it must load.
//! - `fragment`: a few top-level fields of a scenario. They must parse as RON and appear in the
//!   walk-through's scenario.
//!
//! A block whose fence line also says `walk-through` is part of the walk-through: the whole
//! scenario must be byte for byte `docs/examples/amber-sea-fisheries.ron`, and every other such
//! block must appear in it (whitespace aside). The block `Rules defaults` and the table of rule
//! constants must state the real defaults, every field of the format must be named in the guide,
//! every variant of every enum must appear in an example, and the error messages the guide quotes
//! must be the ones the loader gives.

use std::sync::Arc;

use serde::de::{DeserializeOwned, Visitor};
use sixparty_core::scenario::raw::{
    AllianceFigure, AllianceRef, Figure, ForumRef, ForumStatus, PartyRef, Prefer, RawAction,
    RawAgendaItem, RawAlliance, RawCalendar, RawCondition, RawDoctrine, RawEffect, RawEvent,
    RawExcluded, RawForum, RawGoal, RawObjective, RawOption, RawParty, RawRelation, RawRules,
    RawScenario, RawTrack, RawWeightedGoal, Schedule, Stance, TargetKind, TrackRole, When,
};
use sixparty_core::scenario::{self, Scenario};
use sixparty_core::session::Session;

const DOC: &str = include_str!("../docs/MODDING.md");
const EXAMPLE: &str = include_str!("../docs/examples/amber-sea-fisheries.ron");
const EXAMPLE_PATH: &str = "docs/examples/amber-sea-fisheries.ron";

/// A RON code block of the guide.
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    /// The words after `ron` on the fence line.
    tags: Vec<String>,
    text: String,
}

impl Block {
    fn kind(&self) -> &str {
        self.tags.first().map_or("", String::as_str)
    }

    fn has(&self, flag: &str) -> bool {
        self.tags.iter().skip(1).any(|t| t == flag)
    }

    fn walk_through(&self) -> bool {
        self.has("walk-through")
    }
}

fn ron_blocks() -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in DOC.lines().enumerate() {
        let trimmed = line.trim();
        match open.as_mut() {
            None => {
                if let Some(info) = trimmed.strip_prefix("```ron") {
                    open = Some(Block {
                        line: i + 1,
                        tags: info.split_whitespace().map(str::to_owned).collect(),
                        text: String::new(),
                    });
                }
            }
            Some(block) => {
                if trimmed == "```" {
                    blocks.extend(open.take());
                } else {
                    block.text.push_str(line);
                    block.text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "MODDING.md: a ```ron block is never closed");
    blocks
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    ron_options().from_str::<T>(text).map_err(|e| e.to_string())
}

fn parses<T: DeserializeOwned>(text: &str, list: bool) -> Result<(), String> {
    if list {
        parse::<Vec<T>>(text).map(drop)
    } else {
        parse::<T>(text).map(drop)
    }
}

/// Deserialize a block as the type its tag names (`Effect`, or `[Effect]` for a list).
fn check_typed(tag: &str, text: &str) -> Result<(), String> {
    let (list, name) = match tag.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        Some(inner) => (true, inner),
        None => (false, tag),
    };
    macro_rules! by_name {
        ($($name:literal => $ty:ty),* $(,)?) => {
            match name {
                $($name => parses::<$ty>(text, list),)*
                _ => Err(format!("unknown type tag `{tag}` on the fence line")),
            }
        };
    }
    by_name! {
        "Calendar" => RawCalendar,
        "Rules" => RawRules,
        "Party" => RawParty,
        "Doctrine" => RawDoctrine,
        "WeightedGoal" => RawWeightedGoal,
        "Objective" => RawObjective,
        "Goal" => RawGoal,
        "Prefer" => Prefer,
        "Figure" => Figure,
        "Relation" => RawRelation,
        "Alliance" => RawAlliance,
        "AllianceFigure" => AllianceFigure,
        "Forum" => RawForum,
        "ForumStatus" => ForumStatus,
        "Schedule" => Schedule,
        "AgendaItem" => RawAgendaItem,
        "Excluded" => RawExcluded,
        "Track" => RawTrack,
        "TrackRole" => TrackRole,
        "Action" => RawAction,
        "TargetKind" => TargetKind,
        "Stance" => Stance,
        "Event" => RawEvent,
        "When" => When,
        "Option" => RawOption,
        "Effect" => RawEffect,
        "Condition" => RawCondition,
        "PartyRef" => PartyRef,
        "ForumRef" => ForumRef,
        "AllianceRef" => AllianceRef,
        "String" => String,
    }
}

/// Whether the text is a whole scenario: `(` after any leading comments, with a `format:` field.
fn looks_whole(text: &str) -> bool {
    let body: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    body.trim_start().starts_with('(') && body.contains("format:")
}

/// Play a whole game with the AI in every seat.
fn play_out(s: Scenario, seed: u64) -> Session {
    let turns = s.turns;
    let mut session = Session::new(Arc::new(s), seed, Vec::new());
    while !session.game.is_over() {
        session.start_turn().expect("turn starts");
        session.open_orders().expect("orders open");
        session.end_turn().expect("turn ends");
    }
    assert_eq!(session.game.turn(), turns);
    session
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_ron_block_of_the_guide_is_valid() {
    let blocks = ron_blocks();
    let mut failures = Vec::new();
    let mut wholes = 0;
    for b in &blocks {
        let at = format!(
            "docs/MODDING.md, block at line {} (```ron {})",
            b.line,
            b.tags.join(" ")
        );
        if b.kind().is_empty() {
            failures.push(format!(
                "{at}: name the type on the fence line, e.g. ```ron Action"
            ));
            continue;
        }
        let whole = looks_whole(&b.text);
        if whole != matches!(b.kind(), "Scenario" | "Mod") {
            failures.push(format!(
                "{at}: a whole scenario (starting with `(` and holding `format:`) must be tagged \
                 `Scenario`, and only a whole scenario"
            ));
            continue;
        }
        let result = match b.kind() {
            "Scenario" => {
                wholes += 1;
                scenario::load_str(&b.text, &at)
                    .map(|s| drop(play_out(s, 1)))
                    .map_err(|e| e.to_string())
            }
            "fragment" => parse::<ron::Value>(&format!("({})", b.text)).map(drop),
            // An extension mod: applied to its base among the shipped scenarios, it must load.
            "Mod" => {
                let (entries, _) = scenario::catalogue(None);
                scenario::mods::entry_from_text(
                    std::path::PathBuf::from(&at),
                    b.text.clone(),
                    &entries,
                )
                .and_then(|e| e.load())
                .map(drop)
                .map_err(|e| e.to_string())
            }
            tag => check_typed(tag, &b.text),
        };
        if let Err(e) = result {
            failures.push(format!("{at}, line:column within the block: {e}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    assert!(
        wholes >= 2,
        "the guide shows a smallest scenario and the walk-through's"
    );
    assert!(
        blocks.len() >= 50,
        "only {} ron blocks found: is the fence detection broken?",
        blocks.len()
    );
}

#[test]
fn the_walk_through_is_the_example_file_and_its_steps_are_in_it() {
    let blocks = ron_blocks();
    let whole: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind() == "Scenario" && b.walk_through())
        .collect();
    assert_eq!(
        whole.len(),
        1,
        "exactly one whole scenario is tagged `walk-through`"
    );
    let whole = whole[0];
    assert_eq!(
        whole.text.trim_end(),
        EXAMPLE.trim_end(),
        "the walk-through's whole file (docs/MODDING.md:{}) differs from {EXAMPLE_PATH}",
        whole.line
    );
    let squashed = squash(&whole.text);
    let mut steps = 0;
    for b in blocks
        .iter()
        .filter(|b| b.walk_through() && b.kind() != "Scenario")
    {
        steps += 1;
        assert!(
            squashed.contains(&squash(&b.text)),
            "docs/MODDING.md:{}: this walk-through step is not in the whole file (whitespace \
             aside)",
            b.line
        );
    }
    assert!(steps >= 8, "the walk-through builds its file in steps");
    // A fragment is checked only against the walk-through's file, so it must belong to it.
    if let Some(b) = blocks
        .iter()
        .find(|b| b.kind() == "fragment" && !b.walk_through())
    {
        panic!(
            "docs/MODDING.md:{}: a `fragment` block must be tagged `walk-through`",
            b.line
        );
    }
}

#[test]
fn the_walk_through_scenario_loads_plays_and_fires_its_events() {
    let s =
        scenario::load_file(std::path::Path::new(EXAMPLE_PATH)).unwrap_or_else(|e| panic!("{e}"));
    let events = s.events.len();
    let mut fired = vec![false; events];
    for seed in 0..3 {
        let session = play_out(s.clone(), seed);
        let last = session.game.history().last().unwrap().clone();
        for (e, n) in last.record.fired.iter().enumerate() {
            fired[e] |= *n > 0;
        }
    }
    for (e, f) in fired.iter().enumerate() {
        assert!(
            f,
            "event {} never fires in three all-AI games",
            s.events[e].id
        );
    }
}

// ------------------------------------------------------------------ field and variant coverage

/// What a type's `Deserialize` asks for: its field names, or its variant names.
#[derive(Default)]
struct Shape {
    fields: &'static [&'static str],
    variants: &'static [&'static str],
}

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for Stop {}

impl serde::de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// A deserializer that records the shape asked for and stops.
struct Probe<'a>(&'a mut Shape);

impl<'de> serde::Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.fields = fields;
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.variants = variants;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

fn shape<T: DeserializeOwned>() -> Shape {
    let mut shape = Shape::default();
    let _ = T::deserialize(Probe(&mut shape));
    shape
}

#[test]
fn every_field_of_the_format_is_named_in_the_guide() {
    let structs = [
        ("Scenario", shape::<RawScenario>()),
        ("Calendar", shape::<RawCalendar>()),
        ("Rules", shape::<RawRules>()),
        ("Party", shape::<RawParty>()),
        ("Doctrine", shape::<RawDoctrine>()),
        ("WeightedGoal", shape::<RawWeightedGoal>()),
        ("Objective", shape::<RawObjective>()),
        ("Relation", shape::<RawRelation>()),
        ("Alliance", shape::<RawAlliance>()),
        ("Forum", shape::<RawForum>()),
        ("AgendaItem", shape::<RawAgendaItem>()),
        ("Excluded", shape::<RawExcluded>()),
        ("Track", shape::<RawTrack>()),
        ("Action", shape::<RawAction>()),
        ("Event", shape::<RawEvent>()),
        ("Option", shape::<RawOption>()),
    ];
    let mut missing = Vec::new();
    for (name, s) in &structs {
        assert!(!s.fields.is_empty(), "{name}: no fields probed");
        for f in s.fields {
            if !DOC.contains(&format!("`{f}`")) {
                missing.push(format!("{name}.{f}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "fields never named (in backticks) in docs/MODDING.md: {missing:?}"
    );
}

/// Whether `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !part(before) && !part(after)
    })
}

#[test]
fn every_variant_appears_in_an_example_of_its_type() {
    let blocks = ron_blocks();
    let enums = [
        ("Goal", shape::<RawGoal>()),
        ("Prefer", shape::<Prefer>()),
        ("Figure", shape::<Figure>()),
        ("AllianceFigure", shape::<AllianceFigure>()),
        ("ForumStatus", shape::<ForumStatus>()),
        ("Schedule", shape::<Schedule>()),
        ("TrackRole", shape::<TrackRole>()),
        ("TargetKind", shape::<TargetKind>()),
        ("Stance", shape::<Stance>()),
        ("When", shape::<When>()),
        ("Effect", shape::<RawEffect>()),
        ("Condition", shape::<RawCondition>()),
        ("PartyRef", shape::<PartyRef>()),
        ("ForumRef", shape::<ForumRef>()),
        ("AllianceRef", shape::<AllianceRef>()),
    ];
    let mut missing = Vec::new();
    for (name, s) in &enums {
        assert!(!s.variants.is_empty(), "{name}: no variants probed");
        let list = format!("[{name}]");
        let examples: String = blocks
            .iter()
            .filter(|b| b.kind() == *name || b.kind() == list)
            .map(|b| b.text.as_str())
            .collect();
        for v in s.variants {
            if !has_word(&examples, v) {
                missing.push(format!("{name}::{v}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "variants with no example in a ```ron block of their type: {missing:?}"
    );
}

#[test]
fn the_rules_defaults_are_the_real_ones() {
    let blocks = ron_blocks();
    let defaults: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind() == "Rules" && b.has("defaults"))
        .collect();
    assert_eq!(defaults.len(), 1, "one ```ron Rules defaults block");
    let parsed: RawRules = parse(&defaults[0].text).expect("the defaults block parses");
    assert_eq!(
        parsed,
        RawRules::default(),
        "docs/MODDING.md:{}: the defaults block is not RawRules::default()",
        defaults[0].line
    );
    // The table of constants: `| `name` | `default` | ...`.
    for f in shape::<RawRules>().fields {
        let row = format!("| `{f}` | `");
        let line = DOC
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("no row for rules.{f} in the table of constants"));
        let value = line[row.len()..].split('`').next().unwrap();
        let one: RawRules = parse(&format!("({f}: {value})"))
            .unwrap_or_else(|e| panic!("rules.{f}: the table's default `{value}`: {e}"));
        assert_eq!(
            one,
            RawRules::default(),
            "rules.{f}: the table says `{value}`"
        );
    }
}

// ------------------------------------------------------------------ the error messages quoted

#[test]
fn the_error_messages_the_guide_quotes_are_the_loaders() {
    // (what is changed in the walk-through's file, into what, a phrase of the message)
    let cases = [
        (
            "doctrine: \"kaupland-hardline\")",
            "doctrine: \"kaupland-hardlin\")",
            "unknown doctrine \"kaupland-hardlin\" (did you mean \"kaupland-hardline\"?)",
        ),
        (
            "risk: 0.2,",
            "risk: 2.0,",
            "doctrine \"holm-bridge\" risk is 2, must be within 0..=1",
        ),
        (
            "Date(2025, 3)",
            "Date(2026, 3)",
            "event \"science_warning\": date 2026-03 lies outside the calendar (2025-01, 12 turns)",
        ),
        (
            "            decider: Some(\"nordland\"),\n",
            "",
            "event \"science_warning\": `Actor` used where there is no actor",
        ),
        (
            "            decider: Some(\"nordland\"),\n",
            "",
            "event \"science_warning\" has options but no decider",
        ),
        (
            "Figure(party: Actor, figure: Approval, delta: 1.0),\n            ],",
            "Figure(party: Actor, figure: Approval, delta: 1.0),\n                Habit(forum: Target, delta: -1.0),\n            ],",
            "action \"board_trawlers\": `Target` used as a forum, but the target here is not a forum",
        ),
        ("power: 40.0,", "power: 40.0", "Expected comma"),
        ("turns: 12)", "turns: 12.0)", "Expected comma"),
        (
            "status: Active,",
            "status: active,",
            "Unexpected variant named `active` in enum `ForumStatus`",
        ),
        (
            "per_session: 4.0",
            "per_sesion: 4.0",
            "Unexpected field named `per_sesion` in `RawAgendaItem`",
        ),
        (
            "Track(track: \"cod_stock\", delta: 1.5)",
            "Track(track: \"cod_stock\")",
            "Unexpected missing field named `delta` in `Track`",
        ),
    ];
    for (from, to, phrase) in cases {
        assert!(
            DOC.contains(phrase),
            "docs/MODDING.md no longer quotes: {phrase}"
        );
        assert!(
            EXAMPLE.contains(from),
            "the example no longer holds {from:?}"
        );
        let broken = EXAMPLE.replacen(from, to, 1);
        let message = match scenario::load_str(&broken, "broken.ron") {
            Ok(_) => panic!("changing {from:?} into {to:?} still loads"),
            Err(e) => e.to_string(),
        };
        assert!(
            message.contains(phrase),
            "changing {from:?} into {to:?}: expected {phrase:?} in\n{message}"
        );
    }
}
