//! Extension mods: a file that `extends` a scenario by id and adds or replaces some of its parts.
//!
//! A mod names its base with `extends: "base-id"` and lists only what it changes. Parties,
//! doctrines, alliances, forums, tracks, actions and events are matched **by id**: an item whose
//! id the base already has replaces the base's item in place (same position), any other is added
//! at the end. Relations are added after the base's, so a mod's relation wins for its pair;
//! `watch` lines are added after the base's; `title`, `summary`, `source`, `notes` and `calendar`
//! replace the base's when given. A mod cannot remove anything.
//!
//! Load order (see `add_folder`): the built-in scenarios, the scenarios folder, then the files
//! of the mods folder in file-name order — whole scenarios first, then extension mods, each as
//! soon as its base is known, so that a mod may extend another mod. Conflicts:
//!
//! - a mods-folder file whose id is already taken is refused (a mod cannot replace a scenario
//!   of the same id; it extends it under a new id);
//! - `extends` of an id that no scenario has is an error, with a "did you mean";
//! - a chain of mods that comes back to itself (`a` extends `b` extends `a`) is an error;
//! - two mods of the same base that replace the same item are each valid (they are played one at
//!   a time), but `sixparty validate` warns, since they cannot be combined (`conflicts`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::raw::{
    RawAction, RawAlliance, RawCalendar, RawDoctrine, RawEvent, RawForum, RawParty, RawRelation,
    RawScenario, RawTrack,
};
use super::validate::{did_you_mean, locate};
use super::{Entry, Origin, Problem, Scenario, ScenarioError, parse_raw, read_text, ron_options};

/// An extension mod exactly as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMod {
    /// Format version; must be [`super::raw::FORMAT_VERSION`].
    pub(crate) format: u32,
    /// The mod's own scenario id (it is played under this id).
    pub(crate) id: String,
    /// Id of the scenario it extends.
    pub(crate) extends: String,
    /// Replaces the base's title.
    #[serde(default)]
    pub(crate) title: Option<String>,
    /// Replaces the base's summary.
    #[serde(default)]
    pub(crate) summary: Option<String>,
    /// Replaces the base's source.
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// Replaces the base's notes.
    #[serde(default)]
    pub(crate) notes: Option<String>,
    /// Added after the base's lines.
    #[serde(default)]
    pub(crate) watch: Vec<String>,
    /// Replaces the base's calendar.
    #[serde(default)]
    pub(crate) calendar: Option<RawCalendar>,
    /// Added, or replacing the base's party of the same id.
    #[serde(default)]
    pub(crate) parties: Vec<RawParty>,
    /// Added, or replacing the base's doctrine of the same id.
    #[serde(default)]
    pub(crate) doctrines: Vec<RawDoctrine>,
    /// Added after the base's relations (so they win for their pair).
    #[serde(default)]
    pub(crate) relations: Vec<RawRelation>,
    /// Added, or replacing the base's alliance of the same id.
    #[serde(default)]
    pub(crate) alliances: Vec<RawAlliance>,
    /// Added, or replacing the base's forum of the same id.
    #[serde(default)]
    pub(crate) forums: Vec<RawForum>,
    /// Added, or replacing the base's track of the same id.
    #[serde(default)]
    pub(crate) tracks: Vec<RawTrack>,
    /// Added, or replacing the base's action of the same id.
    #[serde(default)]
    pub(crate) actions: Vec<RawAction>,
    /// Added, or replacing the base's event of the same id.
    #[serde(default)]
    pub(crate) events: Vec<RawEvent>,
}

/// What a catalogue entry of an extension mod remembers about the mod.
#[derive(Debug, Clone)]
pub struct Extension {
    /// Id of the base scenario.
    pub base: String,
    /// The mod file's own text: problems are placed in it.
    pub(crate) source: String,
    /// The base's items the mod replaces, as `kind "id"` (for [`conflicts`]).
    pub(crate) replaces: Vec<String>,
}

/// Only the `extends` field, to tell a mod from a whole scenario before reading either.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    extends: Option<String>,
}

/// The id a file's `extends` field names, or `None` for a whole scenario (or a file that does
/// not parse, whose error the full reader then gives).
pub fn extends_of(text: &str) -> Option<String> {
    // Cheap first: a scenario without the word is not a mod.
    if !text.contains("extends") {
        return None;
    }
    match ron_options().from_str::<Probe>(text) {
        Ok(probe) => probe.extends,
        // A mod with a syntax error further down is still a mod: read as a whole scenario, its
        // first message would be about the `extends` field rather than the real mistake.
        Err(_) => text.lines().find_map(|line| {
            let rest = line.trim_start().strip_prefix("extends")?;
            let value = rest.trim_start().strip_prefix(':')?;
            Some(value.split('"').nth(1).unwrap_or_default().to_owned())
        }),
    }
}

/// Read a mod file's text; syntax and type errors come back with their place.
pub(crate) fn parse_mod(text: &str, path: &str) -> Result<RawMod, ScenarioError> {
    super::precheck(text, path)?;
    ron_options()
        .from_str::<RawMod>(text)
        .map_err(|e| super::syntax_error(&e, text, path))
}

/// Anything with an id that a mod can add or replace.
trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(impl HasId for $t { fn id(&self) -> &str { &self.id } })*};
}
has_id!(
    RawParty,
    RawDoctrine,
    RawAlliance,
    RawForum,
    RawTrack,
    RawAction,
    RawEvent
);

/// Replace items of `base` by id, add the others; returns the ids replaced. A second item with
/// the same id in the mod is added, so that validation reports it as a duplicate.
fn overlay<T: HasId + Clone>(base: &mut Vec<T>, items: &[T], kind: &str) -> Vec<String> {
    let mut replaced = Vec::new();
    let mut done: HashSet<String> = HashSet::new();
    for item in items {
        let id = item.id().to_owned();
        match base.iter().position(|b| b.id() == id) {
            Some(i) if !done.contains(&id) => {
                base[i] = item.clone();
                replaced.push(format!("{kind} \"{id}\""));
            }
            _ => base.push(item.clone()),
        }
        done.insert(id);
    }
    replaced
}

/// The base with the mod applied, and the base's items it replaces.
pub(crate) fn apply(base: &RawScenario, m: &RawMod) -> (RawScenario, Vec<String>) {
    let mut s = base.clone();
    s.format = m.format;
    s.id.clone_from(&m.id);
    for (field, value) in [
        (&mut s.title, &m.title),
        (&mut s.summary, &m.summary),
        (&mut s.source, &m.source),
        (&mut s.notes, &m.notes),
    ] {
        if let Some(v) = value {
            field.clone_from(v);
        }
    }
    s.watch.extend(m.watch.iter().cloned());
    if let Some(c) = &m.calendar {
        s.calendar = c.clone();
    }
    let mut replaced = overlay(&mut s.parties, &m.parties, "party");
    replaced.extend(overlay(&mut s.doctrines, &m.doctrines, "doctrine"));
    s.relations.extend(m.relations.iter().cloned());
    replaced.extend(overlay(&mut s.alliances, &m.alliances, "alliance"));
    replaced.extend(overlay(&mut s.forums, &m.forums, "forum"));
    replaced.extend(overlay(&mut s.tracks, &m.tracks, "track"));
    replaced.extend(overlay(&mut s.actions, &m.actions, "action"));
    replaced.extend(overlay(&mut s.events, &m.events, "event"));
    (s, replaced)
}

/// A problem placed at the first quoted `needle` of `text`.
fn placed(text: &str, needle: &str, message: String) -> Problem {
    let (line, column) = locate(text, needle);
    Problem {
        line,
        column,
        message,
    }
}

fn invalid(path: &str, text: &str, problems: Vec<Problem>) -> ScenarioError {
    ScenarioError::Invalid {
        path: path.to_owned(),
        text: text.to_owned(),
        problems,
    }
}

/// A catalogue entry for a mod file, its base found among `entries` (by id).
pub fn entry_from_text(
    path: PathBuf,
    text: String,
    entries: &[Entry],
) -> Result<Entry, ScenarioError> {
    let shown = path.display().to_string();
    let m = parse_mod(&text, &shown)?;
    let Some(base) = entries.iter().find(|e| e.id == m.extends) else {
        let hint = did_you_mean(&m.extends, entries.iter().map(|e| e.id.as_str()))
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        let message = format!(
            "extends \"{}\", but no scenario has that id{hint}; known: {}",
            m.extends,
            entries
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Err(invalid(
            &shown,
            &text,
            vec![placed(&text, &m.extends, message)],
        ));
    };
    let base_raw = parse_raw(&base.text, &base.origin.to_string())?;
    let (merged, replaces) = apply(&base_raw, &m);
    let whole = ron::ser::to_string_pretty(&merged, ron::ser::PrettyConfig::default())
        .map_err(|e| invalid(&shown, &text, vec![placed(&text, "", e.to_string())]))?;
    Ok(Entry {
        id: m.id.clone(),
        title: merged.title.clone(),
        origin: Origin::File(path),
        text: whole,
        extends: Some(Extension {
            base: m.extends.clone(),
            source: text,
            replaces,
        }),
    })
}

/// Validate an extension mod: `whole` is the base with the mod applied (as written by
/// [`entry_from_text`]); problems are placed in the mod's own text.
pub(crate) fn load_merged(
    whole: &str,
    ext: &Extension,
    path: &str,
) -> Result<Scenario, ScenarioError> {
    let raw = parse_raw(whole, path).map_err(|e| match e {
        // Cannot happen for text this module wrote; say so rather than show generated text.
        ScenarioError::Syntax { problem, .. } => invalid(
            path,
            &ext.source,
            vec![Problem {
                line: 1,
                column: 1,
                message: format!("the mod could not be applied: {}", problem.message),
            }],
        ),
        other => other,
    })?;
    let mut scenario = super::validate::validate(&raw, &ext.source)
        .map_err(|problems| invalid(path, &ext.source, problems))?;
    // A save carries the whole scenario, not just the mod.
    whole.clone_into(&mut scenario.text);
    Ok(scenario)
}

/// Add the mods folder's files to the catalogue, in the order and with the rules of the module
/// documentation. Problems are added to `errors`; a refused file is left out of `entries`.
pub(crate) fn add_folder(dir: &Path, entries: &mut Vec<Entry>, errors: &mut Vec<ScenarioError>) {
    let files = super::ron_files(dir);
    let taken = |entries: &[Entry], id: &str| {
        entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.origin.to_string())
    };
    let mut pending: Vec<(PathBuf, String, RawMod)> = Vec::new();
    for path in files {
        let shown = path.display().to_string();
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if extends_of(&text).is_some() {
            match parse_mod(&text, &shown) {
                Ok(m) => pending.push((path, text, m)),
                Err(e) => errors.push(e),
            }
            continue;
        }
        match parse_raw(&text, &shown) {
            Ok(raw) => {
                if let Some(other) = taken(entries, &raw.id) {
                    let message = id_taken(&raw.id, &other);
                    errors.push(invalid(
                        &shown,
                        &text,
                        vec![placed(&text, &raw.id, message)],
                    ));
                } else {
                    entries.push(Entry {
                        id: raw.id,
                        title: raw.title,
                        origin: Origin::File(path),
                        text,
                        extends: None,
                    });
                }
            }
            Err(e) => errors.push(e),
        }
    }
    // Extension mods, each once its base is known: a pass resolves every mod whose base is
    // there; repeat while a pass makes progress, so chains resolve in any file order.
    loop {
        let before = pending.len();
        let mut rest = Vec::new();
        for (path, text, m) in pending {
            if !entries.iter().any(|e| e.id == m.extends) {
                rest.push((path, text, m));
                continue;
            }
            let shown = path.display().to_string();
            if let Some(other) = taken(entries, &m.id) {
                let message = id_taken(&m.id, &other);
                errors.push(invalid(&shown, &text, vec![placed(&text, &m.id, message)]));
                continue;
            }
            match entry_from_text(path, text, entries) {
                Ok(entry) => entries.push(entry),
                Err(e) => errors.push(e),
            }
        }
        pending = rest;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    // What is left extends an unknown id or sits on a cycle.
    let waiting: Vec<(String, String)> = pending
        .iter()
        .map(|(_, _, m)| (m.id.clone(), m.extends.clone()))
        .collect();
    for (path, text, m) in pending {
        let shown = path.display().to_string();
        if waiting.iter().any(|(id, _)| *id == m.extends) {
            let mut chain = vec![m.id.clone()];
            let mut next = m.extends.clone();
            while !chain.contains(&next) {
                chain.push(next.clone());
                match waiting.iter().find(|(id, _)| *id == next) {
                    Some((_, base)) => next.clone_from(base),
                    None => break,
                }
            }
            let message = if chain.contains(&next) {
                chain.push(next);
                format!(
                    "extends \"{}\", but the mods extend one another in a circle ({}); one of them must extend a scenario",
                    m.extends,
                    chain.join(" → ")
                )
            } else {
                format!(
                    "extends \"{}\", a mod that cannot be loaded itself (see its own error)",
                    m.extends
                )
            };
            errors.push(invalid(
                &shown,
                &text,
                vec![placed(&text, &m.extends, message)],
            ));
        } else {
            match entry_from_text(path, text, entries) {
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
    }
}

fn id_taken(id: &str, other: &str) -> String {
    format!(
        "scenario id \"{id}\" is already used by {other}; give this file another id (to change that scenario, write a mod that extends it)"
    )
}

/// Pairs of extension mods of the same base that replace the same item: `(mod, other mod, item)`.
pub(crate) fn conflicts(entries: &[Entry]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (i, a) in entries.iter().enumerate() {
        let Some(ea) = &a.extends else { continue };
        for (j, b) in entries.iter().enumerate().skip(i + 1) {
            let Some(eb) = &b.extends else { continue };
            if ea.base != eb.base {
                continue;
            }
            for item in ea.replaces.iter().filter(|r| eb.replaces.contains(r)) {
                out.push((i, j, item.clone()));
            }
        }
    }
    out
}
