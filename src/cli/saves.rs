//! The `saves` command: the saved games in the saves folder, with what each one is.

use std::path::Path;

use sixparty_core::save;

/// Run `sixparty saves`: list the saves in `dir`, newest first as the core orders them; an
/// unreadable file is listed with the reason rather than hidden.
pub fn run(dir: &Path) {
    let saves = save::list(dir);
    if saves.is_empty() {
        outln!("No saved games in {}.", dir.display());
        return;
    }
    outln!("Saved games in {}:", dir.display());
    for (name, file) in saves {
        match file {
            Ok(f) => outln!(
                "  {name}  (saved {})\n      {} · {} · turn {}, {}",
                when(f.saved_at),
                f.scenario_id,
                f.humans.join(", "),
                f.turn,
                f.date
            ),
            Err(e) => outln!("  {name}  (unreadable)\n      {e}"),
        }
    }
}

/// A save time (seconds since 1970 in UTC) as `YYYY-MM-DD HH:MM UTC`, without a date crate.
fn when(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{d:02} {h:02}:{m:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::when;

    #[test]
    fn save_times_are_civil_dates() {
        assert_eq!(when(0), "1970-01-01 00:00 UTC");
        // A leap day, and the last minute of a year.
        assert_eq!(when(951_782_400 + 3_600 + 120), "2000-02-29 01:02 UTC");
        assert_eq!(when(1_704_067_199), "2023-12-31 23:59 UTC");
    }
}
