//! Scenarios: RON files that describe a game, loaded in two stages.
//!
//! 1. [`raw`]: serde structs read straight from the file (syntax and type errors, with line and
//!    column, come from here);
//! 2. [`validate`]: ids resolved, ranges checked, every problem collected;
//!    the result is a [`Scenario`], the only form the simulation sees.

pub mod diagnostics;
pub mod lint;
pub(crate) mod model;
pub mod mods;
pub mod raw;
pub mod validate;

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

pub use model::*;
pub use raw::RawScenario;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_scenarios.rs"));
}

/// The scenario played when none is named.
pub const DEFAULT_SCENARIO: &str = "campaign-2010-2011";

/// One problem found in a scenario file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// A scenario that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The file could not be read.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// Syntax or type error from the RON reader.
    #[error("{}", render(path, text, std::slice::from_ref(problem)))]
    Syntax {
        /// The file.
        path: String,
        /// The file's text, for the snippet.
        text: String,
        /// The problem.
        problem: Problem,
    },
    /// The file parsed but refers to things that do not exist or has values out of range.
    #[error("{}", render(path, text, problems))]
    Invalid {
        /// The file.
        path: String,
        /// The file's text, for the snippets.
        text: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// No file and no built-in scenario has this id.
    #[error("no scenario \"{id}\"{hint}; available: {}", available.join(", "))]
    Unknown {
        /// The id asked for.
        id: String,
        /// A "did you mean" hint, or empty.
        hint: String,
        /// Ids that exist.
        available: Vec<String>,
    },
}

/// `file:line:col: message` plus the offending line and a caret, for each problem.
fn render(path: &str, text: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = write!(out, "{path}:{}:{}: error: {}", p.line, p.column, p.message);
        if let Some(line) = text.lines().nth(p.line.saturating_sub(1)) {
            let gutter = p.line.to_string();
            let _ = write!(
                out,
                "\n {gutter} | {line}\n {} | {}^",
                " ".repeat(gutter.len()),
                " ".repeat(p.column.saturating_sub(1))
            );
        }
    }
    if problems.len() > 1 {
        let _ = write!(out, "\n{path}: {} problems", problems.len());
    }
    out
}

/// Parse and validate a scenario from text; `path` names it in messages.
pub fn load_str(text: &str, path: &str) -> Result<Scenario, ScenarioError> {
    let raw = parse_raw(text, path)?;
    validate::validate(&raw, text).map_err(|problems| ScenarioError::Invalid {
        path: path.to_owned(),
        text: text.to_owned(),
        problems,
    })
}

/// Deepest nesting of brackets the reader follows (conditions inside conditions...); deeper
/// files are refused with a message instead of exhausting the stack.
pub(crate) const MAX_NESTING: usize = 64;

/// The RON reader's options for scenario files.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Longest text (string) a scenario may hold, in characters.
pub(crate) const MAX_STRING_CHARS: usize = 20_000;

/// Refuse, before parsing, a string longer than [`MAX_STRING_CHARS`]: nothing in a scenario
/// needs one, and a megabyte line makes every message about it unreadable.
pub(crate) fn precheck(text: &str, path: &str) -> Result<(), ScenarioError> {
    let mut chars = text.char_indices().peekable();
    let mut string_start: Option<(usize, usize)> = None;
    while let Some((i, c)) = chars.next() {
        match string_start {
            Some((start, ref mut len)) => {
                *len += 1;
                if c == '\\' {
                    chars.next();
                } else if c == '"' {
                    string_start = None;
                } else if *len > MAX_STRING_CHARS {
                    let (line, column) = validate::position(text, start);
                    return Err(ScenarioError::Syntax {
                        path: path.to_owned(),
                        text: text.to_owned(),
                        problem: Problem {
                            line,
                            column,
                            message: format!(
                                "a text longer than {MAX_STRING_CHARS} characters starts here (is a closing quote missing?)"
                            ),
                        },
                    });
                }
            }
            None => match c {
                '"' => string_start = Some((i, 0)),
                '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                    while chars.next_if(|(_, n)| *n != '\n').is_some() {}
                }
                '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                    chars.next();
                    let mut prev = ' ';
                    for (_, n) in chars.by_ref() {
                        if prev == '*' && n == '/' {
                            break;
                        }
                        prev = n;
                    }
                }
                _ => {}
            },
        }
    }
    Ok(())
}

/// First stage only: the raw structs, or a syntax error with its place.
pub fn parse_raw(text: &str, path: &str) -> Result<RawScenario, ScenarioError> {
    precheck(text, path)?;
    ron_options()
        .from_str::<RawScenario>(text)
        .map_err(|e| syntax_error(&e, text, path))
}

/// A RON reading error as a placed problem.
pub(crate) fn syntax_error(e: &ron::error::SpannedError, text: &str, path: &str) -> ScenarioError {
    let message = if matches!(e.code, ron::Error::ExceededRecursionLimit) {
        format!(
            "brackets nested more than {MAX_NESTING} deep here; no scenario needs that many (conditions inside conditions rarely go beyond ten)"
        )
    } else {
        e.code.to_string()
    };
    ScenarioError::Syntax {
        path: path.to_owned(),
        text: text.to_owned(),
        problem: Problem {
            line: e.span.end.line.max(1),
            column: e.span.end.col.max(1),
            message,
        },
    }
}

/// Largest scenario file read, in bytes; bigger files are refused before being read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Read a scenario file's text, refusing what is not a regular file, what is larger than
/// [`MAX_FILE_BYTES`] and what is not UTF-8, and dropping a byte-order mark.
pub(crate) fn read_text(path: &Path) -> Result<String, ScenarioError> {
    let shown = path.display().to_string();
    let io = |source| ScenarioError::Io {
        path: shown.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        // A folder, a FIFO or a device (which could block or never end) is not read.
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file"
        };
        return Err(io(std::io::Error::other(format!(
            "{what}, not a scenario file"
        ))));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(io(std::io::Error::other(format!(
            "{} bytes is larger than the {} MiB a scenario may be",
            meta.len(),
            MAX_FILE_BYTES / 1024 / 1024
        ))));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map_or_else(|| text.clone(), str::to_owned)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..at];
            // Valid UTF-8 up to here, so counting lines over the text is safe.
            let line = String::from_utf8_lossy(before).lines().count().max(1)
                + usize::from(before.ends_with(b"\n"));
            let column = at
                - before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1)
                + 1;
            Err(ScenarioError::Syntax {
                path: shown.clone(),
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                problem: Problem {
                    line,
                    column,
                    message: String::from("the file is not UTF-8 text"),
                },
            })
        }
    }
}

/// Load a scenario file from disk.
pub fn load_file(path: &Path) -> Result<Scenario, ScenarioError> {
    let text = read_text(path)?;
    load_str(&text, &path.display().to_string())
}

/// Where a listed scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the binary.
    Builtin(&'static str),
    /// A file on disk.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin(name) => write!(f, "built-in {name}"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A scenario found by [`catalogue`], not yet fully validated.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it is.
    pub origin: Origin,
    /// The text of a whole scenario: the file's own text, or for an extension mod the base with
    /// the mod applied, written out as RON (so that a save carries all of it).
    pub text: String,
    /// For an extension mod: the base it extends and the mod file's own text.
    pub extends: Option<mods::Extension>,
}

impl Entry {
    /// Validate it.
    pub fn load(&self) -> Result<Scenario, ScenarioError> {
        match &self.extends {
            None => load_str(&self.text, &self.origin.to_string()),
            Some(ext) => mods::load_merged(&self.text, ext, &self.origin.to_string()),
        }
    }

    /// The text problems are placed in: the mod file's own text for an extension mod.
    pub(crate) fn source(&self) -> &str {
        self.extends.as_ref().map_or(&self.text, |e| &e.source)
    }
}

/// The end (the index after the closing quote) of the string literal whose opening quote is at
/// `start`, escapes skipped.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The plain string values of these fields of the outermost struct of a RON text, found by a
/// scan that skips strings, comments and nested brackets; `None` if any is missing, holds an
/// escape, or the text uses anything the scan does not know (the caller then parses).
fn top_level_strings<const N: usize>(text: &str, fields: [&str; N]) -> Option<[String; N]> {
    let mut found: [Option<String>; N] = std::array::from_fn(|_| None);
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i)?;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
                continue;
            }
            // Block comments, raw strings and characters: leave them to the parser.
            b'/' | b'#' | b'\'' => return None,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.checked_sub(1)?,
            c if depth == 1 && (c.is_ascii_alphabetic() || c == b'_') => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                let word = &text[start..i];
                let Some(k) = fields.iter().position(|f| *f == word) else {
                    continue;
                };
                let rest = text[i..].trim_start().strip_prefix(':')?.trim_start();
                let at = text.len() - rest.len();
                if bytes.get(at) == Some(&b'"') {
                    let end = string_end(bytes, at)?;
                    let value = &text[at + 1..end - 1];
                    if value.contains('\\') {
                        return None;
                    }
                    found[k] = Some(value.to_owned());
                    i = end;
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if depth != 0 {
        return None;
    }
    let all: Vec<String> = found.into_iter().collect::<Option<Vec<_>>>()?;
    all.try_into().ok()
}

/// Every scenario available: the built-in ones, overridden by files of the same id in `dir`.
/// Files that do not parse are returned as errors beside the list, not dropped silently.
pub fn catalogue(dir: Option<&Path>) -> (Vec<Entry>, Vec<ScenarioError>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in builtin::BUILTIN {
        // A built-in scenario is known good (tests load each one), so its id and title are
        // found by a scan, without building the rest; the full parse only if the scan fails.
        let header = match top_level_strings(text, ["id", "title"]) {
            Some([id, title]) => Ok((id, title)),
            None => parse_raw(text, name).map(|r| (r.id, r.title)),
        };
        match header {
            Ok((id, title)) => entries.push(Entry {
                id,
                title,
                origin: Origin::Builtin(name),
                text: (*text).to_owned(),
                extends: None,
            }),
            Err(e) => errors.push(e),
        }
    }
    if let Some(dir) = dir {
        let files = ron_files(dir);
        for path in files {
            let shown = path.display().to_string();
            let text = match read_text(&path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            // A copy of a built-in scenario (the usual case when playing from the repository)
            // is that scenario: no need to parse it again.
            if let Some(same) = entries
                .iter_mut()
                .find(|e| matches!(e.origin, Origin::Builtin(_)) && e.text == text)
            {
                same.origin = Origin::File(path);
                continue;
            }
            match parse_raw(&text, &shown) {
                Ok(raw) => {
                    let entry = Entry {
                        id: raw.id,
                        title: raw.title,
                        origin: Origin::File(path),
                        text,
                        extends: None,
                    };
                    if let Some(old) = entries.iter_mut().find(|e| e.id == entry.id) {
                        *old = entry;
                    } else {
                        entries.push(entry);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    (entries, errors)
}

/// Every scenario available: [`catalogue`], then the scenarios and extension mods of the mods
/// folder `mods` (see [`mods`] for the load order and the conflict rules).
pub fn catalogue_in(dir: Option<&Path>, mods: Option<&Path>) -> (Vec<Entry>, Vec<ScenarioError>) {
    let (mut entries, mut errors) = catalogue(dir);
    if let Some(mods) = mods {
        mods::add_folder(mods, &mut entries, &mut errors);
    }
    (entries, errors)
}

/// Load a scenario file from disk; an extension mod finds its base among `entries`.
pub(crate) fn load_path(path: &Path, entries: &[Entry]) -> Result<Scenario, ScenarioError> {
    let text = read_text(path)?;
    let shown = path.display().to_string();
    if mods::extends_of(&text).is_some() {
        mods::entry_from_text(PathBuf::from(path), text, entries)?.load()
    } else {
        load_str(&text, &shown)
    }
}

/// Resolve a SCENARIO argument: an existing path is loaded as a file, anything else is an id.
pub fn resolve(arg: &str, dir: Option<&Path>) -> Result<Scenario, ScenarioError> {
    resolve_in(arg, dir, None)
}

/// [`resolve`], with the mods folder `mods` in the catalogue.
pub fn resolve_in(
    arg: &str,
    dir: Option<&Path>,
    mods: Option<&Path>,
) -> Result<Scenario, ScenarioError> {
    let path = Path::new(arg);
    let ron_ext = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"));
    if path.is_file() || ron_ext {
        let text = read_text(path)?;
        if mods::extends_of(&text).is_none() {
            return load_str(&text, &path.display().to_string());
        }
        let (entries, _) = catalogue_in(dir, mods);
        return load_path(path, &entries);
    }
    let (entries, errors) = catalogue_in(dir, mods);
    if let Some(entry) = entries.iter().find(|e| e.id == arg) {
        return entry.load();
    }
    // A broken file may be the one the user meant: show its error rather than "unknown".
    let failed = errors.len();
    if let Some(e) = errors.into_iter().next().filter(|_| entries.is_empty()) {
        return Err(e);
    }
    let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
    let mut hint = validate::did_you_mean(arg, ids.iter().map(String::as_str))
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default();
    if failed > 0 {
        // The one meant may be among the files that did not load.
        let _ = write!(
            hint,
            " ({failed} scenario file(s) could not be loaded; `sixparty validate` shows why)"
        );
    }
    Err(ScenarioError::Unknown {
        id: arg.to_owned(),
        hint,
        available: ids,
    })
}

/// The `.ron` files directly in a folder, sorted by name (none if it cannot be read).
pub(crate) fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(test)]
mod header_scan {
    use super::top_level_strings;

    #[test]
    fn finds_the_outer_fields_only() {
        let text = r#"// id: "in a comment"
(
    format: 1,
    summary: "a \"quoted\" id: \"no\" (",
    parties: [(id: "inner", title: "inner")],
    title: "The Title",
    id: "outer",
)"#;
        assert_eq!(
            top_level_strings(text, ["id", "title"]),
            Some(["outer".to_owned(), "The Title".to_owned()])
        );
    }

    #[test]
    fn gives_up_where_the_parser_must_decide() {
        for text in [
            r#"(id: "a\u{41}", title: "t")"#,
            r#"(id: "a", /* title: "x" */ title: "t")"#,
            r#"(id: r"a", title: "t")"#,
            r#"(id: "a")"#,
            r#"(id: "a", title: "t""#,
        ] {
            assert_eq!(top_level_strings(text, ["id", "title"]), None, "{text}");
        }
    }
}
