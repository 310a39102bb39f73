//! What `sixparty validate` reports: errors and warnings per file, each with its place, shown as
//! text (a snippet of the line with a caret under the column) or as one JSON object.
//!
//! Errors make a file invalid; warnings do not (see [`super::lint`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{Entry, ScenarioError, catalogue_in, lint, load_str, mods, read_text};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    /// The file cannot be played.
    Error,
    /// The file plays, but probably not as its author meant.
    Warning,
}

impl Severity {
    fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One error or warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// 1-based line, when the problem has a place in the file.
    pub(crate) line: Option<usize>,
    /// 1-based column, when the problem has a place in the file.
    pub(crate) column: Option<usize>,
    /// What is wrong.
    pub(crate) message: String,
    /// What was expected, or what to do.
    pub(crate) help: Option<String>,
}

/// The diagnostics of one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file as named to the user.
    pub(crate) path: String,
    /// Its text, for the snippets (empty when it could not be read).
    pub(crate) text: String,
    /// For a file that loads: `id: N parties, N turns`.
    pub(crate) loaded: Option<String>,
    /// Errors first, then warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Number of errors.
    pub(crate) fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub(crate) fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// Whether the file has no errors.
    pub fn valid(&self) -> bool {
        self.errors() == 0
    }

    fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }
}

/// Split the list of known ids off a message into the help.
fn diagnostic(severity: Severity, line: usize, column: usize, message: &str) -> Diagnostic {
    let (message, help) = match message.split_once("; known: ") {
        Some((m, known)) => (m.to_owned(), Some(format!("known ids: {known}"))),
        None => (message.to_owned(), None),
    };
    Diagnostic {
        severity,
        line: Some(line),
        column: Some(column),
        message,
        help,
    }
}

/// The report of a file that did not load.
pub(crate) fn from_error(fallback_path: &str, e: &ScenarioError) -> FileReport {
    let mut report = FileReport {
        path: fallback_path.to_owned(),
        text: String::new(),
        loaded: None,
        diagnostics: Vec::new(),
    };
    match e {
        ScenarioError::Io { path, source } => {
            report.path.clone_from(path);
            report.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                line: None,
                column: None,
                message: format!("cannot read the file: {source}"),
                help: None,
            });
        }
        ScenarioError::Syntax {
            path,
            text,
            problem,
        } => {
            report.path.clone_from(path);
            report.text.clone_from(text);
            let mut d = diagnostic(
                Severity::Error,
                problem.line,
                problem.column,
                &problem.message,
            );
            d.help = Some(String::from(
                "reading stops at the first syntax or type error: fix it and validate again to see any others",
            ));
            report.diagnostics.push(d);
        }
        ScenarioError::Invalid {
            path,
            text,
            problems,
        } => {
            report.path.clone_from(path);
            report.text.clone_from(text);
            report.diagnostics.extend(
                problems
                    .iter()
                    .map(|p| diagnostic(Severity::Error, p.line, p.column, &p.message)),
            );
        }
        ScenarioError::Unknown { .. } => report.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            line: None,
            column: None,
            message: e.to_string(),
            help: None,
        }),
    }
    report
}

/// Load a catalogue entry and collect its errors or warnings. For an extension mod, the
/// warnings its base already has are left to the base.
pub fn check_entry(entry: &Entry, entries: &[Entry]) -> FileReport {
    let path = entry.origin.to_string();
    let scenario = match entry.load() {
        Ok(s) => s,
        Err(e) => return from_error(&path, &e),
    };
    let mut warnings = lint::warnings(&scenario, entry.source());
    if let Some(ext) = &entry.extends {
        let base_warnings: Vec<String> = entries
            .iter()
            .find(|e| e.id == ext.base)
            .and_then(|b| b.load().ok().map(|s| (b, s)))
            .map(|(b, s)| {
                lint::warnings(&s, b.source())
                    .into_iter()
                    .map(|p| p.message)
                    .collect()
            })
            .unwrap_or_default();
        warnings.retain(|w| !base_warnings.contains(&w.message));
    }
    FileReport {
        path,
        text: entry.source().to_owned(),
        loaded: Some(format!(
            "{}: {} parties, {} turns",
            scenario.id,
            scenario.parties.len(),
            scenario.turns
        )),
        diagnostics: warnings
            .iter()
            .map(|p| diagnostic(Severity::Warning, p.line, p.column, &p.message))
            .collect(),
    }
}

/// Check one file named on the command line; an extension mod finds its base in `entries`.
pub(crate) fn check_path(path: &Path, entries: &[Entry]) -> FileReport {
    let shown = path.display().to_string();
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => return from_error(&shown, &e),
    };
    if mods::extends_of(&text).is_some() {
        return match mods::entry_from_text(path.to_path_buf(), text, entries) {
            Ok(entry) => check_entry(&entry, entries),
            Err(e) => from_error(&shown, &e),
        };
    }
    if let Err(e) = load_str(&text, &shown) {
        return from_error(&shown, &e);
    }
    let entry = Entry {
        id: String::new(),
        title: String::new(),
        origin: super::Origin::File(path.to_path_buf()),
        text,
        extends: None,
    };
    check_entry(&entry, entries)
}

/// Check the files named (a folder stands for its `.ron` files), or with none every scenario
/// of the catalogue (built-in, scenarios folder, mods folder). Mods of one base that replace the
/// same item get a warning each.
pub fn check(paths: &[PathBuf], dir: Option<&Path>, mods_dir: Option<&Path>) -> Vec<FileReport> {
    let (entries, errors) = catalogue_in(dir, mods_dir);
    let mut reports = Vec::new();
    if paths.is_empty() {
        for e in &entries {
            reports.push(check_entry(e, &entries));
        }
        for e in &errors {
            reports.push(from_error("", e));
        }
        for (a, b, item) in mods::conflicts(&entries) {
            for (me, other) in [(a, b), (b, a)] {
                let Some(ext) = &entries[me].extends else {
                    continue;
                };
                let id = item.split('"').nth(1).unwrap_or_default();
                let (line, column) = super::validate::locate(&ext.source, id);
                let message = format!(
                    "replaces {item} of \"{}\", as {} does too: the two mods cannot be combined",
                    ext.base, entries[other].origin
                );
                if let Some(r) = reports
                    .iter_mut()
                    .find(|r| r.path == entries[me].origin.to_string())
                {
                    r.diagnostics
                        .push(diagnostic(Severity::Warning, line, column, &message));
                }
            }
        }
        return reports;
    }
    for p in paths {
        if p.is_dir() {
            let files = super::ron_files(p);
            if files.is_empty() {
                reports.push(FileReport {
                    path: p.display().to_string(),
                    text: String::new(),
                    loaded: None,
                    diagnostics: vec![Diagnostic {
                        severity: Severity::Error,
                        line: None,
                        column: None,
                        message: String::from("a folder with no .ron file in it"),
                        help: Some(String::from("name a scenario file, or a folder of them")),
                    }],
                });
            }
            reports.extend(files.iter().map(|f| check_path(f, &entries)));
        } else {
            reports.push(check_path(p, &entries));
        }
    }
    reports
}

/// ANSI styles, or nothing at all.
struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// Longest part of a line shown in a snippet, in characters.
const SNIPPET_WIDTH: usize = 120;

/// The reports as text: each diagnostic as `file:line:col: severity: message`, the line with a
/// caret under the column and the help; an `ok` line for each valid file; then the summary.
/// `colour` adds ANSI colours (only for a terminal, and not when `NO_COLOR` is set).
pub fn render_text(reports: &[FileReport], colour: bool) -> String {
    let paint = Paint { on: colour };
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            let (word, code) = match d.severity {
                Severity::Error => ("error", "1;31"),
                Severity::Warning => ("warning", "1;33"),
            };
            let place = match (d.line, d.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", r.path),
                _ => r.path.clone(),
            };
            let _ = writeln!(
                out,
                "{}: {}: {}",
                paint.paint("1", &place),
                paint.paint(code, word),
                d.message
            );
            if let (Some(l), Some(c)) = (d.line, d.column)
                && let Some(line) = r.text.lines().nth(l.saturating_sub(1))
            {
                let chars: Vec<char> = line.chars().collect();
                let col = c.saturating_sub(1).min(chars.len());
                let start = if chars.len() <= SNIPPET_WIDTH {
                    0
                } else {
                    col.saturating_sub(SNIPPET_WIDTH / 2)
                };
                let end = (start + SNIPPET_WIDTH).min(chars.len());
                let shown: String = chars[start..end].iter().collect();
                let pad: String = chars[start..col]
                    .iter()
                    .map(|&ch| if ch == '\t' { '\t' } else { ' ' })
                    .collect();
                let gutter = l.to_string();
                let blank = " ".repeat(gutter.len());
                let _ = writeln!(
                    out,
                    " {} {}\n {} {}{}",
                    paint.paint("34", &format!("{gutter} |")),
                    shown.trim_end(),
                    paint.paint("34", &format!("{blank} |")),
                    pad,
                    paint.paint(code, "^")
                );
            }
            if let Some(help) = &d.help {
                let _ = writeln!(out, "   = help: {help}");
            }
        }
        if let Some(loaded) = r.loaded.as_ref().filter(|_| r.valid()) {
            let warned = match r.warnings() {
                0 => String::new(),
                n => format!(", {}", plural(n, "warning")),
            };
            let _ = writeln!(
                out,
                "{}    {} ({loaded}{warned})",
                paint.paint("32", "ok"),
                r.path
            );
        }
    }
    out.push_str(&summary(reports));
    out.push('\n');
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `3 files: 2 valid, 1 with 4 errors, 2 warnings`.
pub(crate) fn summary(reports: &[FileReport]) -> String {
    let valid = reports.iter().filter(|r| r.valid()).count();
    let invalid = reports.len() - valid;
    let errors: usize = reports.iter().map(FileReport::errors).sum();
    let warnings: usize = reports.iter().map(FileReport::warnings).sum();
    let mut s = format!("{}: {valid} valid", plural(reports.len(), "file"));
    if invalid > 0 {
        let _ = write!(s, ", {invalid} with {}", plural(errors, "error"));
    }
    let _ = write!(s, ", {}", plural(warnings, "warning"));
    s
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_opt_str(s: Option<&str>) -> String {
    s.map_or_else(|| String::from("null"), json_str)
}

fn json_opt_num(n: Option<usize>) -> String {
    n.map_or_else(|| String::from("null"), |n| n.to_string())
}

/// The reports as one JSON object:
/// `{"files": [{"path", "scenario", "valid", "errors", "warnings", "diagnostics": [{"severity",
/// "message", "line", "column", "help"}]}], "summary": {"files", "valid", "invalid", "errors",
/// "warnings", "text"}}`; `line`, `column`, `help` and `scenario` may be `null`.
pub fn render_json(reports: &[FileReport]) -> String {
    let mut out = String::from("{\"files\":[");
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"path\":{},\"scenario\":{},\"valid\":{},\"errors\":{},\"warnings\":{},\"diagnostics\":[",
            json_str(&r.path),
            json_opt_str(
                r.loaded
                    .as_deref()
                    .and_then(|l| l.split(':').next())
                    .filter(|_| r.valid())
            ),
            r.valid(),
            r.errors(),
            r.warnings()
        );
        for (j, d) in r.diagnostics.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(
                out,
                "{{\"severity\":{},\"message\":{},\"line\":{},\"column\":{},\"help\":{}}}",
                json_str(d.severity.word()),
                json_str(&d.message),
                json_opt_num(d.line),
                json_opt_num(d.column),
                json_opt_str(d.help.as_deref())
            );
        }
        out.push_str("]}");
    }
    let valid = reports.iter().filter(|r| r.valid()).count();
    let _ = write!(
        out,
        "],\"summary\":{{\"files\":{},\"valid\":{valid},\"invalid\":{},\"errors\":{},\"warnings\":{},\"text\":{}}}}}",
        reports.len(),
        reports.len() - valid,
        reports.iter().map(FileReport::errors).sum::<usize>(),
        reports.iter().map(FileReport::warnings).sum::<usize>(),
        json_str(&summary(reports))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            path: String::from("x.ron"),
            text: String::from("(\n  id: \"a\tb\",\n)"),
            loaded: Some(String::from("x: 2 parties, 3 turns")),
            diagnostics,
        }
    }

    fn at(severity: Severity, line: usize, column: usize) -> Diagnostic {
        Diagnostic {
            severity,
            line: Some(line),
            column: Some(column),
            message: String::from("bad \"thing\""),
            help: Some(String::from("do this")),
        }
    }

    #[test]
    fn text_has_place_snippet_caret_and_help_and_no_escapes_without_colour() {
        let text = render_text(&[report(vec![at(Severity::Error, 2, 7)])], false);
        assert!(
            text.starts_with("x.ron:2:7: error: bad \"thing\"\n"),
            "{text}"
        );
        assert!(
            text.contains(" 2 |   id: \"a\tb\",\n   |       ^\n"),
            "{text}"
        );
        assert!(text.contains("= help: do this"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
        assert!(
            text.ends_with("1 file: 0 valid, 1 with 1 error, 0 warnings\n"),
            "{text}"
        );
        let coloured = render_text(&[report(vec![at(Severity::Error, 2, 7)])], true);
        assert!(coloured.contains("\x1b[1;31merror"), "{coloured}");
    }

    #[test]
    fn warnings_do_not_make_a_file_invalid() {
        let r = report(vec![at(Severity::Warning, 1, 1)]);
        assert!(r.valid());
        let text = render_text(&[r], false);
        assert!(
            text.contains("ok    x.ron (x: 2 parties, 3 turns, 1 warning)"),
            "{text}"
        );
        assert!(text.ends_with("1 file: 1 valid, 1 warning\n"), "{text}");
    }

    #[test]
    fn json_escapes_and_nulls() {
        let mut d = at(Severity::Warning, 2, 7);
        d.line = None;
        d.help = None;
        let json = render_json(&[report(vec![d])]);
        assert!(json.contains("\"message\":\"bad \\\"thing\\\"\""), "{json}");
        assert!(json.contains("\"line\":null"), "{json}");
        assert!(json.contains("\"help\":null"), "{json}");
        assert!(json.contains("\"scenario\":\"x\""), "{json}");
        assert!(
            json.contains(
                "\"summary\":{\"files\":1,\"valid\":1,\"invalid\":0,\"errors\":0,\"warnings\":1"
            ),
            "{json}"
        );
        assert_eq!(json_str("a\u{1}"), "\"a\\u0001\"");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let mut r = report(vec![at(Severity::Error, 1, 5000)]);
        r.text = "x".repeat(10_000);
        let text = render_text(&[r], false);
        assert!(text.lines().all(|l| l.len() < 300), "{}", text.len());
    }
}
