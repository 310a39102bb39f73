//! Colours — or none, when `NO_COLOR` is set. Every colour doubles a word or a symbol on
//! screen, so nothing is lost without them.
//!
//! Relations use a colour-blind-safe scale (after Okabe and Ito): blue for close, bluish green
//! for friendly, yellow for wary, orange for cold, vermillion for hostile — never red against
//! green alone — and each band also has its symbol (`++ + ~ - --`) and its word. The scale is
//! drawn in the terminal's own 16 colours, in the 256-colour palette, or in true colour,
//! whichever the terminal says it has.

use ratatui::style::{Color, Modifier, Style};

use sixparty_core::scenario::Stance;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// No colours (`NO_COLOR`): symbols, words and bold or reversed text only.
    None,
    /// The 16 ANSI colours, as the terminal's own theme draws them.
    Ansi16,
    /// The 256-colour palette (`TERM=…-256color`).
    Indexed256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
}

impl Depth {
    /// The depth the environment asks for: `NO_COLOR` (not empty) turns colours off;
    /// `SIXPARTY_COLORS` (`none`, `16`, `256`, `truecolor`) forces a depth; else `COLORTERM`
    /// and `TERM` say what the terminal has.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        if var("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Self::None;
        }
        match var("SIXPARTY_COLORS").as_deref().map(str::trim) {
            Some("none" | "0") => return Self::None,
            Some("16") => return Self::Ansi16,
            Some("256") => return Self::Indexed256,
            Some("truecolor" | "24bit") => return Self::TrueColor,
            _ => {}
        }
        if matches!(var("COLORTERM").as_deref(), Some("truecolor" | "24bit")) {
            return Self::TrueColor;
        }
        match var("TERM") {
            Some(t) if t.contains("256color") || t.contains("direct") => Self::Indexed256,
            _ => Self::Ansi16,
        }
    }
}

/// One colour at each depth: (16-colour, 256-colour index, true colour).
#[derive(Debug, Clone, Copy)]
struct Paint(Color, u8, (u8, u8, u8));

const CLOSE: Paint = Paint(Color::LightBlue, 74, (86, 180, 233));
const FRIENDLY: Paint = Paint(Color::Cyan, 36, (0, 158, 115));
const WARY: Paint = Paint(Color::Yellow, 185, (240, 228, 66));
const COLD: Paint = Paint(Color::LightRed, 214, (230, 159, 0));
const HOSTILE: Paint = Paint(Color::Red, 166, (213, 94, 0));
const ALLIED: Paint = Paint(Color::Magenta, 175, (204, 121, 167));
const ACCENT: Paint = Paint(Color::Cyan, 80, (95, 215, 215));
const GOLD: Paint = Paint(Color::Yellow, 220, (255, 200, 60));
const GOOD: Paint = Paint(Color::Cyan, 36, (0, 158, 115));
const BAD: Paint = Paint(Color::Red, 166, (213, 94, 0));
const DIM: Paint = Paint(Color::DarkGray, 245, (138, 138, 138));
const FRAME: Paint = Paint(Color::Gray, 250, (188, 188, 188));

/// The screen's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// How many colours to use.
    pub depth: Depth,
}

impl Theme {
    /// From the environment: no colours when `NO_COLOR` is set and not empty
    /// (see <https://no-color.org>), else as many as the terminal has (see [`Depth::from_vars`]).
    pub fn from_env() -> Self {
        Self {
            depth: Depth::from_vars(|k| std::env::var(k).ok()),
        }
    }

    /// With the 16 ANSI colours.
    pub fn colored() -> Self {
        Self {
            depth: Depth::Ansi16,
        }
    }

    /// With colours of this depth.
    pub fn with_depth(depth: Depth) -> Self {
        Self { depth }
    }

    /// Without colours.
    pub fn plain() -> Self {
        Self { depth: Depth::None }
    }

    /// Whether colours are used at all.
    pub fn color(self) -> bool {
        self.depth != Depth::None
    }

    fn paint(self, p: Paint) -> Option<Color> {
        match self.depth {
            Depth::None => None,
            Depth::Ansi16 => Some(p.0),
            Depth::Indexed256 => Some(Color::Indexed(p.1)),
            Depth::TrueColor => Some(Color::Rgb(p.2.0, p.2.1, p.2.2)),
        }
    }

    fn fg(self, p: Paint) -> Style {
        match self.paint(p) {
            Some(c) => Style::new().fg(c),
            None => Style::new(),
        }
    }

    /// A heat-map cell for this trust: the mood's colour behind dark text, or (without
    /// colours) plain text, the symbol carrying the mood.
    pub fn heat(self, trust: f32) -> Style {
        match self.paint(mood_paint(trust)) {
            Some(c) => Style::new().bg(c).fg(Color::Black),
            None => Style::new(),
        }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text: explanations, column heads.
    pub fn dim(self) -> Style {
        self.fg(DIM)
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        self.fg(ACCENT).add_modifier(Modifier::BOLD)
    }

    /// A key's name in the key line and the help.
    pub fn key(self) -> Style {
        self.fg(ACCENT).add_modifier(Modifier::BOLD)
    }

    /// The border of the panel that has the focus.
    pub fn focused(self) -> Style {
        self.fg(ACCENT)
    }

    /// The border of a panel without focus.
    pub fn unfocused(self) -> Style {
        self.fg(FRAME)
    }

    /// The highlighted line of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The advisor's pick.
    pub fn advisor(self) -> Style {
        self.fg(GOLD).add_modifier(Modifier::BOLD)
    }

    /// The advisor's explanation.
    pub fn advisor_reason(self) -> Style {
        self.fg(GOLD)
    }

    /// The player's own party.
    pub fn you(self) -> Style {
        self.fg(ACCENT).add_modifier(Modifier::BOLD)
    }

    /// A message that something went wrong.
    pub fn error(self) -> Style {
        self.fg(BAD).add_modifier(Modifier::BOLD)
    }

    /// A message that something was done.
    pub fn notice(self) -> Style {
        self.fg(GOOD)
    }

    /// The colour of a relation, from trust, on the colour-blind-safe scale (the same bands
    /// as [`sixparty_core::text::mood`]).
    pub fn mood(self, trust: f32) -> Style {
        self.fg(mood_paint(trust))
    }

    /// The colour of a threat perception, 0..=100.
    pub fn threat(self, threat: f32) -> Style {
        if threat >= 60.0 {
            self.fg(HOSTILE)
        } else if threat >= 35.0 {
            self.fg(WARY)
        } else {
            self.text()
        }
    }

    /// The colour of an order's stance.
    pub fn stance(self, stance: Stance) -> Style {
        match stance {
            Stance::Cooperative => self.fg(FRIENDLY),
            Stance::Competitive => self.fg(HOSTILE),
            Stance::Alliance => self.fg(ALLIED),
            Stance::Neutral => self.text(),
        }
    }
}

fn mood_paint(trust: f32) -> Paint {
    match sixparty_core::text::mood(trust) {
        "close" => CLOSE,
        "friendly" => FRIENDLY,
        "wary" => WARY,
        "cold" => COLD,
        _ => HOSTILE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn depth_follows_the_environment() {
        assert_eq!(Depth::from_vars(vars(&[])), Depth::Ansi16);
        assert_eq!(
            Depth::from_vars(vars(&[("TERM", "xterm-256color")])),
            Depth::Indexed256
        );
        assert_eq!(
            Depth::from_vars(vars(&[("TERM", "xterm"), ("COLORTERM", "truecolor")])),
            Depth::TrueColor
        );
        // NO_COLOR wins over everything; an empty NO_COLOR is ignored.
        assert_eq!(
            Depth::from_vars(vars(&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")])),
            Depth::None
        );
        assert_eq!(
            Depth::from_vars(vars(&[("NO_COLOR", ""), ("TERM", "screen-256color")])),
            Depth::Indexed256
        );
        assert_eq!(
            Depth::from_vars(vars(&[("SIXPARTY_COLORS", "16"), ("COLORTERM", "24bit")])),
            Depth::Ansi16
        );
    }

    #[test]
    fn each_depth_paints_the_moods_apart_and_none_paints_nothing() {
        for depth in [Depth::Ansi16, Depth::Indexed256, Depth::TrueColor] {
            let t = Theme::with_depth(depth);
            let moods: Vec<Style> = [80.0, 30.0, 0.0, -30.0, -80.0]
                .iter()
                .map(|&x| t.mood(x))
                .collect();
            for (i, a) in moods.iter().enumerate() {
                for b in &moods[i + 1..] {
                    assert_ne!(a, b, "{depth:?}: two moods share a colour");
                }
            }
        }
        let t = Theme::plain();
        assert_eq!(t.mood(80.0), Style::new());
        assert_eq!(t.heat(-80.0), Style::new());
    }
}
