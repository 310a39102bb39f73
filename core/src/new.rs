//! `sixparty new SCENARIO-ID`: write a small, valid, commented scenario to start from.
//!
//! The file is written to the mods folder by default (`mods/ID.ron`), not to `scenarios/`: the
//! scenarios folder is built into the binary, while the mods folder is where players' own
//! scenarios live and are listed by `sixparty list`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The starting scenario; `{ID}` is replaced by the new id and `{TITLE}` by a title made from it.
pub(crate) const TEMPLATE: &str = include_str!("new/template.ron");

/// Why a scenario could not be written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The id is not usable.
    #[error(
        "\"{0}\" is not a scenario id: use lowercase letters, digits, '-' and '_' (for example \"amber-sea\"), at most 64 characters, starting with a letter"
    )]
    BadId(String),
    /// The file exists.
    #[error("{0} already exists; choose another id or --out PATH (nothing was written)")]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("{path}: cannot write the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl NewError {
    /// The exit code: 2 for a bad id (wrong usage), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            NewError::BadId(_) => 2,
            _ => 1,
        }
    }
}

/// Whether `id` is a usable scenario id.
pub(crate) fn valid_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The template with its id and title filled in.
pub(crate) fn scenario_text(id: &str) -> String {
    let title: String = id
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    TEMPLATE.replace("{ID}", id).replace("{TITLE}", &title)
}

/// Write the scenario `id` to `out`, or to `mods_dir/ID.ron`; refuses to overwrite a file.
/// Returns the path written.
pub fn write(id: &str, out: Option<PathBuf>, mods_dir: &Path) -> Result<PathBuf, NewError> {
    if !valid_id(id) {
        return Err(NewError::BadId(id.to_owned()));
    }
    let path = out.unwrap_or_else(|| mods_dir.join(format!("{id}.ron")));
    let io = |source| NewError::Io {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    // create_new: never overwrite, even if the file appears between a check and the write.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                NewError::Exists(path.clone())
            } else {
                io(e)
            }
        })?;
    file.write_all(scenario_text(id).as_bytes()).map_err(io)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(valid_id("amber-sea_2"));
        for bad in ["", "Amber", "amber sea", "1st", "-x", "a/b", "../x", "é"] {
            assert!(!valid_id(bad), "{bad}");
        }
        assert!(!valid_id(&"a".repeat(65)));
    }

    #[test]
    fn title_from_id() {
        assert!(scenario_text("amber-sea").contains("title: \"Amber Sea\""));
    }
}
