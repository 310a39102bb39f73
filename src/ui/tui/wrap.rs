//! Fitting text to a width: word wrapping and truncation, measured in terminal cells.

use ratatui::text::Span;

/// Width of a text in terminal cells.
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Break a text into lines of at most `max` cells, at spaces where possible; a word longer
/// than a line is cut. Explicit newlines start new lines. An empty text gives no line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let need = if line.is_empty() {
                width(word)
            } else {
                width(&line) + 1 + width(word)
            };
            if need <= max {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            let mut rest = word;
            while width(rest) > max {
                let (head, tail) = split_at_width(rest, max);
                out.push(head.to_owned());
                rest = tail;
            }
            line.push_str(rest);
        }
        if !line.is_empty() || para.trim().is_empty() && !text.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

/// Wrap with a hanging indent: the first line starts with `first`, the others with as many
/// spaces.
pub fn wrap_hanging(text: &str, max: usize, first: &str) -> Vec<String> {
    let indent = width(first);
    let pad = " ".repeat(indent);
    wrap(text, max.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{first}{l}")
            } else {
                format!("{pad}{l}")
            }
        })
        .collect()
}

/// The text cut to at most `max` cells, with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let (head, _) = split_at_width(s, max - 1);
    format!("{}…", head.trim_end())
}

/// The middle `max` cells of the text: what is over is cut as evenly as it can be from both
/// ends (the odd cell from the right), so a centred title stays centred on its border.
pub fn cut_centred(s: &str, max: usize) -> String {
    let w = width(s);
    if w <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let skip = (w - max) / 2;
    let rest = if skip == 0 {
        s
    } else {
        split_at_width(s, skip).1
    };
    split_at_width(rest, max).0.to_owned()
}

/// The last `max` cells of the text (all of it if it fits).
pub fn tail(s: &str, max: usize) -> String {
    let w = width(s);
    if w <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    split_at_width(s, w - max).1.to_owned()
}

/// The text padded with spaces (or cut) to exactly `cells` cells.
pub fn pad(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let w = width(&t);
    format!("{t}{}", " ".repeat(cells.saturating_sub(w)))
}

/// Split so the head is at most `max` cells (at least one character, so progress is made).
fn split_at_width(s: &str, max: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max && i > 0 {
            return s.split_at(i);
        }
        used += w;
    }
    (s, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    }

    #[test]
    fn cuts_long_words() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn keeps_blank_lines_between_paragraphs() {
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn hanging_indent() {
        assert_eq!(
            wrap_hanging("one two three", 9, "• "),
            ["• one two", "  three"]
        );
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Reassure an ally", 8), "Reassur…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn cuts_centred_from_both_ends() {
        assert_eq!(
            cut_centred(" • you sit at the table ", 22),
            "• you sit at the table"
        );
        assert_eq!(cut_centred("abcde", 2), "bc");
        assert_eq!(cut_centred("abc", 5), "abc");
        assert_eq!(cut_centred("abc", 0), "");
    }

    #[test]
    fn keeps_the_tail() {
        assert_eq!(tail(" ↑ PgUp ", 5), "PgUp ");
        assert_eq!(tail("abc", 5), "abc");
        assert_eq!(tail("abc", 0), "");
    }
}
