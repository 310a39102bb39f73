//! Saved games: a self-contained RON file with the scenario, the seed, the seats, the humans'
//! choices and a snapshot of the game as it stood, mid-turn included; written atomically; loaded
//! by restoring the snapshot.
//!
//! A save holds the scenario's text, so it still loads after the scenario file changed or was
//! deleted, and the game's whole state ([`Snapshot`]), so it resumes exactly where it stood even
//! after the AI, the rules or a dependency changed. What it restores is checked first: sizes
//! against the scenario, every index in range, every number finite, the header, the history and
//! the choice log agreeing with one another; a save that does not hold together is refused with
//! a message naming the file. The humans' choices are kept so that `sixparty replay`
//! ([`check_replay`]) can re-play the game from its seed and compare.
//!
//! Format 1 (the format before this one) recorded the state but was loaded by re-playing the
//! choices; the module `save::v1` reads it and migrates it (see [`SaveFile::resume`]).

mod audit;
mod check;
mod replay;
mod v1;

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::policy::Policy;
use crate::scenario::{self, PartyIx, Problem, Scenario, ScenarioError};
use crate::session::{HumanChoice, ReplayError, Resumed, Session};
use crate::sim::engine::Snapshot;
use crate::sim::{Game, Phase};

pub use replay::{ReplayCheck, Verdict, check_replay};

/// The save format this build writes. It reads this one and every older one (from
/// `OLDEST_FORMAT`); a save of a newer format is refused with its number.
pub const SAVE_FORMAT: u32 = 2;

/// The oldest save format this build reads (and migrates).
pub(crate) const OLDEST_FORMAT: u32 = 1;

/// The program, as saves name their writer: "sixparty 0.1.0".
pub fn writer() -> String {
    format!("sixparty {}", env!("CARGO_PKG_VERSION"))
}

/// Environment variable naming the saves folder (overridden by `--saves-dir`).
pub(crate) const SAVES_ENV: &str = "SIXPARTY_SAVES";

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

/// A saved game (format 2): a header for the saves list, the seats, the humans' choices, and
/// a snapshot of the game as it stood.
///
/// A `SaveFile` read from a format-1 file has `format: 1` and a `game` holding only what format 1
/// recorded (where the turn stood, the dice, the state, the history and the timeline); the other
/// parts of the snapshot are empty until [`SaveFile::resume`] migrates it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SaveFile {
    /// Save format version ([`SAVE_FORMAT`] when written by this build).
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
    /// Seats played by a named policy instead of the default AI, as (party id, policy name):
    /// the difficulty chosen. Absent in saves of games at the normal difficulty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) policies: Vec<(String, String)>,
    /// Where the game was resumed from a save written by another program (whose earlier turns
    /// today's engine may play differently), oldest first. Absent when there was none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) resumed: Vec<Resumed>,
    /// Every choice the humans made, in order: with the seed, what `sixparty replay` re-plays.
    pub choices: Vec<HumanChoice>,
    /// The game as it stood: what loading resumes from.
    pub game: Snapshot,
    /// The scenario file's text.
    pub(crate) scenario: String,
}

/// What a save says about who plays: its scenario, the human seats, the policy seats.
struct Seats {
    scenario: Arc<Scenario>,
    humans: Vec<PartyIx>,
    policies: Vec<(PartyIx, Policy)>,
}

/// A game restored from a save, and what loading it noted for the player.
pub struct Resume {
    /// The game.
    pub session: Session,
    /// One line for the player when the save was not resumed exactly as a replay would have
    /// (a format-1 save whose replay no longer matches today's engine).
    pub note: Option<String>,
}

/// A save loaded by name or path ([`load_noted`]).
pub struct Loaded {
    /// The game.
    pub session: Session,
    /// The file as read.
    pub file: SaveFile,
    /// One line for the player, as in [`Resume::note`].
    pub note: Option<String>,
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
    /// A save of a format this build does not read (a newer one).
    #[error(
        "{path}: save format {found} (written by {written_by}) is not supported; this build reads formats {OLDEST_FORMAT} to {SAVE_FORMAT}"
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
    /// What the save recorded does not hold together: a size that does not fit its scenario, an
    /// index out of range, a number that is not finite, a header, history or choice log that
    /// disagrees with the game.
    #[error("{path}: a damaged or edited save: {problem}")]
    Broken {
        /// The file.
        path: String,
        /// What does not hold together.
        problem: String,
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
pub(crate) fn path_of(dir: &Path, name: &str) -> Result<PathBuf, SaveError> {
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
            written_by: writer(),
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
            policies: session
                .policies()
                .iter()
                .map(|(p, policy)| (s.parties[p.0].id.clone(), policy.name().to_owned()))
                .collect(),
            resumed: session.resumed().to_vec(),
            choices: session.choices().to_vec(),
            game: session.game.snapshot(),
            scenario: s.text.clone(),
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

    /// Read a save's text, of this format or an older one; `path` names it in messages.
    pub fn parse(text: &str, path: &str) -> Result<SaveFile, SaveError> {
        // Read the version first, so a save of another format gets a message about its version
        // rather than about the first field it does not know, and an older one is read as what
        // it is.
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
        match header {
            Ok(h) if h.format == 1 => v1::parse(text).map_err(corrupt),
            Ok(h) if h.format != SAVE_FORMAT => Err(SaveError::Version {
                path: path.to_owned(),
                found: h.format,
                written_by: if h.written_by.is_empty() {
                    String::from("an unknown version")
                } else {
                    h.written_by
                },
            }),
            _ => ron::Options::default().from_str(text).map_err(corrupt),
        }
    }

    /// The game, ready to play on (see [`SaveFile::resume`]).
    pub fn restore(&self, path: &str) -> Result<Session, SaveError> {
        self.resume(path).map(|r| r.session)
    }

    /// The game, ready to play on, and a note for the player if it was not resumed exactly.
    ///
    /// Format 2: the recorded snapshot is checked and restored; nothing is re-played.
    ///
    /// Format 1 recorded only part of a game (no waiting decisions, no AI orders of the month, no
    /// news, report or observations), so it is first re-played from its seed and choices as it
    /// always was; when that reaches the recorded game, the result is exact. When it does not
    /// (the engine changed since), the game resumes from the recorded state, the dice, the
    /// history and the timeline, the month in progress completed by today's engine (see
    /// `save::v1`), with a note saying so.
    pub fn resume(&self, path: &str) -> Result<Resume, SaveError> {
        let Seats {
            scenario,
            humans,
            policies,
        } = self.seats(path)?;
        if self.format == 1 {
            return v1::resume(self, scenario, humans, policies, path);
        }
        let broken = |problem: String| SaveError::Broken {
            path: path.to_owned(),
            problem,
        };
        self.check_header().map_err(broken)?;
        self.game.check(&scenario).map_err(|e| broken(e.0))?;
        audit::check(&self.game, &scenario)
            .map_err(|e| broken(format!("in the recorded game: {e}")))?;
        check::choices(&self.choices, &humans, &self.game, &scenario, true).map_err(broken)?;
        let game = Game::restore(scenario, self.game.clone()).map_err(|e| broken(e.0))?;
        let mut resumed = self.resumed.clone();
        if self.written_by != writer() {
            resumed.push(Resumed {
                written_by: self.written_by.clone(),
                format: self.format,
                turn: self.turn,
            });
        }
        let session = Session::resume_saved(
            game,
            self.seed,
            humans,
            policies,
            self.choices.clone(),
            resumed,
        );
        Ok(Resume {
            session,
            note: None,
        })
    }

    /// The embedded scenario, the human seats and the policy seats, as the save names them.
    fn seats(&self, path: &str) -> Result<Seats, SaveError> {
        let scenario = scenario::load_str(&self.scenario, &format!("{path} (embedded scenario)"))
            .map_err(|source| SaveError::Scenario {
            path: path.to_owned(),
            source,
        })?;
        let party = |id: &String| {
            scenario
                .party_by_id(id)
                .ok_or_else(|| SaveError::UnknownParty {
                    path: path.to_owned(),
                    party: id.clone(),
                })
        };
        let mut humans = Vec::new();
        for id in &self.humans {
            let p = party(id)?;
            if humans.contains(&p) {
                return Err(SaveError::Broken {
                    path: path.to_owned(),
                    problem: format!("the seat \"{id}\" is listed twice"),
                });
            }
            humans.push(p);
        }
        let policies = self
            .policies
            .iter()
            .map(|(id, name)| {
                let p = party(id)?;
                let policy = Policy::from_name(name).map_err(|e| SaveError::UnknownParty {
                    path: path.to_owned(),
                    party: format!("{id} (played by {e})"),
                })?;
                Ok((p, policy))
            })
            .collect::<Result<Vec<_>, SaveError>>()?;
        Ok(Seats {
            scenario: Arc::new(scenario),
            humans,
            policies,
        })
    }

    /// The header (what the saves list shows) agrees with the game recorded.
    fn check_header(&self) -> Result<(), String> {
        let (turn, phase) = (self.game.state.turn, self.game.phase);
        if self.turn != turn || Phase::from(self.position) != phase {
            return Err(format!(
                "the header says turn {} ({:?}), the game recorded stands at turn {turn} ({phase:?})",
                self.turn, self.position
            ));
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

/// Load a save by name or path: read it and restore the game ([`SaveFile::resume`]).
pub fn load(dir: &Path, arg: &str) -> Result<(Session, SaveFile), SaveError> {
    load_noted(dir, arg).map(|l| (l.session, l.file))
}

/// [`load`], with the note for the player when the game was not resumed exactly.
pub fn load_noted(dir: &Path, arg: &str) -> Result<Loaded, SaveError> {
    let path = locate(dir, arg)?;
    let file = read(&path)?;
    let Resume { session, note } = file.resume(&path.display().to_string())?;
    Ok(Loaded {
        session,
        file,
        note,
    })
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
