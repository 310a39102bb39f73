//! Placing a problem in the source: the line and column of an id, and the "did you mean" of a
//! mistyped one.

/// Like [`locate`], but for a message that starts with the item it is about (`event "x": ...`,
/// `doctrine "y" risk ...`), search from that item's definition (`id: "x"`) on, so that the
/// caret lands in the right item rather than at the first mention anywhere in the file.
pub(crate) fn locate_in_item(source: &str, message: &str, needle: &str) -> (usize, usize) {
    let anchor = message.split_once('"').and_then(|(kind, rest)| {
        let kind = kind.trim();
        if kind.is_empty() || kind.contains(' ') {
            return None;
        }
        let id = rest.split_once('"')?.0;
        source.find(&format!("id: \"{id}\"")).map(|at| at + 4)
    });
    let Some(anchor) = anchor else {
        return locate(source, needle);
    };
    if needle.is_empty() {
        return position(source, anchor + 1);
    }
    let after = &source[anchor..];
    after
        .find(&format!("\"{needle}\""))
        .map(|i| i + 1)
        .or_else(|| find_word(after, needle))
        .map_or_else(|| locate(source, needle), |i| position(source, anchor + i))
}

/// Line and column (1-based) of the first `"needle"` in the source, else of the bare word,
/// else the start of the file.
pub(crate) fn locate(source: &str, needle: &str) -> (usize, usize) {
    if needle.is_empty() {
        return (1, 1);
    }
    let quoted = format!("\"{needle}\"");
    let at = source
        .find(&quoted)
        .map(|i| i + 1)
        .or_else(|| find_word(source, needle))
        .or_else(|| source.find(needle));
    at.map_or((1, 1), |i| position(source, i))
}

/// Byte offset of `word` standing alone (`Target`, not the start of `TargetIs`).
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    hay.match_indices(word).map(|(i, _)| i).find(|&i| {
        !hay[..i].chars().next_back().is_some_and(is_word)
            && !hay[i + word.len()..].chars().next().is_some_and(is_word)
    })
}

/// Line and column (1-based, the column counted in characters) of a byte offset of `source`.
pub(crate) fn position(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |nl| nl + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The known id closest to `id`, if it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (edit_distance(id, k), k))
        .filter(|(d, k)| *d <= (k.len().max(id.len()) / 3).max(2))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids_only() {
        let known = ["china", "japan", "north_korea"];
        assert_eq!(did_you_mean("chna", known.iter().copied()), Some("china"));
        assert_eq!(
            did_you_mean("north-korea", known.iter().copied()),
            Some("north_korea")
        );
        assert_eq!(did_you_mean("brazil", known.iter().copied()), None);
    }

    #[test]
    fn locates_quoted_ids() {
        let src = "(\n  a: \"x\",\n  b: \"chna\",\n)";
        assert_eq!(locate(src, "chna"), (3, 7));
        assert_eq!(locate(src, "missing"), (1, 1));
    }
}
