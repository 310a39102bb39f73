//! Colours — or none, when `NO_COLOR` is set. Every colour doubles a word or a symbol on
//! screen, so nothing is lost without them.

use ratatui::style::{Color, Modifier, Style};

use crate::scenario::Stance;

/// The screen's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether to use colours.
    pub color: bool,
}

impl Theme {
    /// Colours unless the `NO_COLOR` environment variable is set and not empty
    /// (see <https://no-color.org>).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    /// With colours.
    pub fn colored() -> Self {
        Self { color: true }
    }

    /// Without colours.
    pub fn plain() -> Self {
        Self { color: false }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text: explanations, column heads.
    pub fn dim(self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A key's name in the key line and the help.
    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The border of the panel that has the focus.
    pub fn focused(self) -> Style {
        self.fg(Color::Cyan)
    }

    /// The border of a panel without focus.
    pub fn unfocused(self) -> Style {
        self.fg(Color::Gray)
    }

    /// The highlighted line of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The advisor's pick.
    pub fn advisor(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The advisor's explanation.
    pub fn advisor_reason(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// The player's own party.
    pub fn you(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A message that something went wrong.
    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// A message that something was done.
    pub fn notice(self) -> Style {
        self.fg(Color::Green)
    }

    /// The colour of a relation, from trust: green close or friendly, yellow wary, red cold or
    /// hostile (the same bands as [`crate::ui::text::mood`]).
    pub fn mood(self, trust: f32) -> Style {
        match crate::ui::text::mood(trust) {
            "close" | "friendly" => self.fg(Color::Green),
            "wary" => self.fg(Color::Yellow),
            _ => self.fg(Color::Red),
        }
    }

    /// The colour of a threat perception, 0..=100.
    pub fn threat(self, threat: f32) -> Style {
        if threat >= 60.0 {
            self.fg(Color::Red)
        } else if threat >= 35.0 {
            self.fg(Color::Yellow)
        } else {
            self.text()
        }
    }

    /// The colour of an order's stance.
    pub fn stance(self, stance: Stance) -> Style {
        match stance {
            Stance::Cooperative => self.fg(Color::Green),
            Stance::Competitive => self.fg(Color::Red),
            Stance::Alliance => self.fg(Color::LightBlue),
            Stance::Neutral => self.text(),
        }
    }
}
