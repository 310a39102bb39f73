//! Saved games: a self-contained RON file with the scenario, the seed, the humans' choices and
//! the state they led to; written atomically; loaded by replaying the choices and checking that
//! the replay reaches the saved state exactly.
//!
//! A save holds the scenario's text, so it still loads after the scenario file changed or was
//! deleted. Loading never trusts the saved state alone: the game is rebuilt from the seed and the
//! choice log (the AI and the dice are deterministic), and a save whose recorded state differs
//! from its replay (hand-edited, or written by an engine that played differently) is refused
//! with the turn where they part.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::scenario::{self, PartyIx, Problem, ScenarioError};
use crate::session::{HumanChoice, ReplayError, Session};
use crate::sim::{DiceState, GameState, Moment, Phase};

/// The save format this build writes. Saves of another version are refused with its number.
pub const SAVE_FORMAT: u32 = 1;

/// Environment variable naming the saves folder (overridden by `--saves-dir`).
pub const SAVES_ENV: &str = "SIXPARTY_SAVES";

/// How many autosaves are kept (`autosave-1` is the newest).
pub const AUTOSAVES_KEPT: usize = 3;

/// Where the game stood when it was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Position {
    /// Between turns.
    BetweenTurns,
    /// Events waiting for the humans' decisions.
    Deciding,
    /// Orders open.
    Ordering,
    /// The game is over.
    Over,
}

impl From<Phase> for Position {
    fn from(p: Phase) -> Self {
        match p {
            Phase::BetweenTurns => Position::BetweenTurns,
            Phase::Deciding => Position::Deciding,
            Phase::Ordering => Position::Ordering,
            Phase::Over => Position::Over,
        }
    }
}

impl From<Position> for Phase {
    fn from(p: Position) -> Self {
        match p {
            Position::BetweenTurns => Phase::BetweenTurns,
            Position::Deciding => Phase::Deciding,
            Position::Ordering => Phase::Ordering,
            Position::Over => Phase::Over,
        }
    }
}

/// A saved game.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveFile {
    /// Save format version ([`SAVE_FORMAT`]).
    pub format: u32,
    /// The program that wrote it.
    pub written_by: String,
    /// Seconds since 1970 when it was written.
    pub saved_at: u64,
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario title.
    pub scenario_title: String,
    /// Ids of the parties played by people.
    pub humans: Vec<String>,
    /// Turn (1-based) when saved.
    pub turn: u32,
    /// Calendar date of that turn.
    pub date: String,
    /// Where in the turn.
    pub position: Position,
    /// The game's seed.
    pub seed: u64,
    /// Every choice the humans made, in order.
    pub choices: Vec<HumanChoice>,
    /// The dice as they stood.
    pub rng: DiceState,
    /// The game state as it stood.
    pub state: GameState,
    /// The state at the end of every turn.
    pub history: Vec<GameState>,
    /// Every event, decision and order.
    pub timeline: Vec<Moment>,
    /// The scenario file's text.
    pub scenario: String,
    /// Seats played by a named policy instead of the default AI, as (party id, policy name):
    /// the difficulty chosen. Absent in saves of games at the normal difficulty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<(String, String)>,
}

/// Why a save could not be written or loaded.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// The name would leave the saves folder or is not a plain name.
    #[error(
        "\"{0}\" is not a save name: use letters, digits, '-', '_' and '.', at most 64, not starting with '.'"
    )]
    BadName(String),
    /// No save of that name.
    #[error("no save \"{name}\" in {dir}{hint}")]
    NotFound {
        /// The name asked for.
        name: String,
        /// The folder searched.
        dir: String,
        /// A hint listing saves.
        hint: String,
    },
    /// The file is not a save this program can read.
    #[error("{path}:{}:{}: not a readable save: {}", problem.line, problem.column, problem.message)]
    Corrupt {
        /// The file.
        path: String,
        /// Where and what.
        problem: Problem,
    },
    /// A save of another format version.
    #[error(
        "{path}: save format {found} (written by {written_by}) is not supported; this build reads format {SAVE_FORMAT}"
    )]
    Version {
        /// The file.
        path: String,
        /// Its version.
        found: u32,
        /// Its writer.
        written_by: String,
    },
    /// The embedded scenario does not load.
    #[error("{path}: the scenario inside the save does not load:\n{source}")]
    Scenario {
        /// The file.
        path: String,
        /// Why.
        source: ScenarioError,
    },
    /// A party id in the save is not in its scenario.
    #[error("{path}: the save names party \"{party}\", which its scenario does not have")]
    UnknownParty {
        /// The file.
        path: String,
        /// The id.
        party: String,
    },
    /// The choice log does not replay.
    #[error("{path}: {source}")]
    Replay {
        /// The file.
        path: String,
        /// Why.
        source: ReplayError,
    },
    /// The replay does not reach the recorded state.
    #[error(
        "{path}: the recorded game differs from a replay of its choices ({what}); the save was edited or written by a program that plays differently"
    )]
    Mismatch {
        /// The file.
        path: String,
        /// Where they part.
        what: String,
    },
}

/// The saves folder: `--saves-dir`, else `$SIXPARTY_SAVES`, else `saves`.
pub fn saves_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    match std::env::var_os(SAVES_ENV) {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from("saves"),
    }
}

/// Check a save name: a plain file name that cannot leave the folder.
pub fn check_name(name: &str) -> Result<(), SaveError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(SaveError::BadName(name.to_owned()))
    }
}

/// The file of a named save in a folder (`NAME.ron`).
pub fn path_of(dir: &Path, name: &str) -> Result<PathBuf, SaveError> {
    check_name(name)?;
    let has_ext = Path::new(name)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("ron"));
    let file = if has_ext {
        name.to_owned()
    } else {
        format!("{name}.ron")
    };
    Ok(dir.join(file))
}

/// A default name for a save of this session: `SCENARIO-tTURN`.
pub fn default_name(session: &Session) -> String {
    format!("{}-t{:02}", session.scenario().id, session.game.turn())
}

impl SaveFile {
    /// Capture a session.
    pub fn of(session: &mut Session) -> SaveFile {
        let s = session.scenario();
        let turn = session.game.turn();
        SaveFile {
            format: SAVE_FORMAT,
            written_by: format!("sixparty {}", env!("CARGO_PKG_VERSION")),
            saved_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            scenario_id: s.id.clone(),
            scenario_title: s.title.clone(),
            humans: session
                .humans()
                .iter()
                .map(|p| s.parties[p.0].id.clone())
                .collect(),
            turn,
            date: s.date_label(turn.max(1)),
            position: session.game.phase().into(),
            seed: session.seed(),
            choices: session.choices().to_vec(),
            rng: session.game.rng().state(),
            state: session.game.state(),
            history: session.game.history().to_vec(),
            timeline: session.game.timeline().to_vec(),
            scenario: s.text.clone(),
            policies: session
                .policies()
                .iter()
                .map(|(p, policy)| (s.parties[p.0].id.clone(), policy.name().to_owned()))
                .collect(),
        }
    }

    /// The file's text.
    pub fn to_ron(&self) -> Result<String, SaveError> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default().depth_limit(4)).map_err(
            |e| SaveError::Io {
                path: String::from("(save)"),
                source: io::Error::other(e),
            },
        )
    }

    /// Read a save's text; `path` names it in messages.
    pub fn parse(text: &str, path: &str) -> Result<SaveFile, SaveError> {
        // Read the version first, so a save of another format gets a message about its version
        // rather than about the first field it does not know.
        #[derive(Deserialize)]
        struct Header {
            format: u32,
            #[serde(default)]
            written_by: String,
        }
        let header: Result<Header, _> = ron::Options::default().from_str(text);
        let corrupt = |e: ron::error::SpannedError| SaveError::Corrupt {
            path: path.to_owned(),
            problem: Problem {
                line: e.span.end.line.max(1),
                column: e.span.end.col.max(1),
                message: e.code.to_string(),
            },
        };
        if let Ok(h) = &header
            && h.format != SAVE_FORMAT
        {
            return Err(SaveError::Version {
                path: path.to_owned(),
                found: h.format,
                written_by: if h.written_by.is_empty() {
                    String::from("an unknown version")
                } else {
                    h.written_by.clone()
                },
            });
        }
        ron::Options::default().from_str(text).map_err(corrupt)
    }

    /// Rebuild the game: replay the choices and check that the replay reaches the saved state.
    pub fn restore(&self, path: &str) -> Result<Session, SaveError> {
        let scenario = scenario::load_str(&self.scenario, &format!("{path} (embedded scenario)"))
            .map_err(|source| SaveError::Scenario {
            path: path.to_owned(),
            source,
        })?;
        let humans = self
            .humans
            .iter()
            .map(|id| {
                scenario
                    .party_by_id(id)
                    .ok_or_else(|| SaveError::UnknownParty {
                        path: path.to_owned(),
                        party: id.clone(),
                    })
            })
            .collect::<Result<Vec<PartyIx>, _>>()?;
        let policies = self
            .policies
            .iter()
            .map(|(id, name)| {
                let party = scenario
                    .party_by_id(id)
                    .ok_or_else(|| SaveError::UnknownParty {
                        path: path.to_owned(),
                        party: id.clone(),
                    })?;
                let policy = crate::policy::Policy::from_name(name).map_err(|e| {
                    SaveError::UnknownParty {
                        path: path.to_owned(),
                        party: format!("{id} (played by {e})"),
                    }
                })?;
                Ok((party, policy))
            })
            .collect::<Result<Vec<_>, SaveError>>()?;
        let mut session = Session::replay_with_policies(
            Arc::new(scenario),
            self.seed,
            humans,
            policies,
            &self.choices,
            self.turn,
            self.position.into(),
            |_| {},
        )
        .map_err(|source| SaveError::Replay {
            path: path.to_owned(),
            source,
        })?;
        self.verify(&mut session, path)?;
        Ok(session)
    }

    /// Check a replayed session against what the save recorded.
    pub fn verify(&self, session: &mut Session, path: &str) -> Result<(), SaveError> {
        let mismatch = |what: String| SaveError::Mismatch {
            path: path.to_owned(),
            what,
        };
        if let Some(t) = self
            .history
            .iter()
            .zip(session.game.history())
            .position(|(a, b)| a != b)
        {
            return Err(mismatch(format!("first at the end of turn {t}")));
        }
        if self.history.len() != session.game.history().len() {
            return Err(mismatch(format!(
                "{} turns recorded, {} replayed",
                self.history.len().saturating_sub(1),
                session.game.history().len().saturating_sub(1)
            )));
        }
        if session.game.state() != self.state {
            return Err(mismatch(format!("in the state of turn {}", self.turn)));
        }
        if session.game.rng().state() != self.rng
            || session.game.timeline() != self.timeline.as_slice()
        {
            return Err(mismatch(String::from("in the dice or the timeline")));
        }
        if session.game.phase() != Phase::from(self.position) {
            return Err(mismatch(String::from("in where the turn stood")));
        }
        Ok(())
    }
}

/// Write a file so that a crash at any moment leaves either the old file or the new one, whole:
/// write a temporary file in the same folder, flush and sync it, rename it over the old one, then
/// sync the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io_err = |source| SaveError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io_err)?;
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        if let Ok(d) = File::open(dir) {
            // Not every system can sync a folder; the rename is already done.
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io_err)
}

/// Save a session under a name in a folder; returns the file written.
pub fn save(dir: &Path, name: &str, session: &mut Session) -> Result<PathBuf, SaveError> {
    let path = path_of(dir, name)?;
    let file = SaveFile::of(session);
    write_atomic(&path, file.to_ron()?.as_bytes())?;
    Ok(path)
}

/// Autosave: the newest as `autosave-1`, older ones shifted down, the last few kept.
pub fn autosave(dir: &Path, session: &mut Session) -> Result<PathBuf, SaveError> {
    for i in (1..AUTOSAVES_KEPT).rev() {
        let from = dir.join(format!("autosave-{i}.ron"));
        if from.exists() {
            let to = dir.join(format!("autosave-{}.ron", i + 1));
            fs::rename(&from, &to).map_err(|source| SaveError::Io {
                path: from.display().to_string(),
                source,
            })?;
        }
    }
    save(dir, "autosave-1", session)
}

/// Find a save by name (in the folder) or by path.
pub fn locate(dir: &Path, arg: &str) -> Result<PathBuf, SaveError> {
    let as_path = Path::new(arg);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let path = path_of(dir, arg)?;
    if path.is_file() {
        return Ok(path);
    }
    let names: Vec<String> = list(dir).into_iter().map(|(n, _)| n).collect();
    Err(SaveError::NotFound {
        name: arg.to_owned(),
        dir: dir.display().to_string(),
        hint: if names.is_empty() {
            String::from(" (it holds no saves)")
        } else {
            format!("; saves there: {}", names.join(", "))
        },
    })
}

/// Read a save file.
pub fn read(path: &Path) -> Result<SaveFile, SaveError> {
    let shown = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|source| SaveError::Io {
        path: shown.clone(),
        source,
    })?;
    SaveFile::parse(&text, &shown)
}

/// Load a save by name or path: read, replay, verify.
pub fn load(dir: &Path, arg: &str) -> Result<(Session, SaveFile), SaveError> {
    let path = locate(dir, arg)?;
    let file = read(&path)?;
    let session = file.restore(&path.display().to_string())?;
    Ok((session, file))
}

/// The saves in a folder, newest first, with each file's header or why it does not read.
pub fn list(dir: &Path) -> Vec<(String, Result<SaveFile, SaveError>)> {
    let mut out: Vec<(String, Result<SaveFile, SaveError>)> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension().is_some_and(|x| x == "ron")
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .map(|p| {
                    let name = p
                        .file_stem()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    (name, read(&p))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by(|a, b| {
        let t = |r: &Result<SaveFile, SaveError>| r.as_ref().map_or(0, |f| f.saved_at);
        t(&b.1).cmp(&t(&a.1)).then(a.0.cmp(&b.0))
    });
    out
}
