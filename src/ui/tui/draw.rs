//! Drawing: [`draw`] puts the [`App`] on a frame, changing nothing. It picks the screen's widget
//! (from `widgets`) and the window over it; the widgets ask `layout` where things go.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::model::{App, Overlay, Screen};
use super::widgets::confirm_quit::ConfirmQuit;
use super::widgets::debrief::DebriefScreen;
use super::widgets::decision::DecisionScreen;
use super::widgets::handover::HandoverScreen;
use super::widgets::help::HelpOverlay;
use super::widgets::main_screen::MainScreen;
use super::widgets::scenarios::ScenarioScreen;
use super::widgets::seats::SeatScreen;
use super::widgets::summary::SummaryScreen;
use super::widgets::too_small::TooSmall;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    frame.render_widget(AppView(app), frame.area());
}

/// The whole screen as one widget: the screen in front, then the window over it, if any; below
/// the smallest size, only a note that the terminal is too small.
#[derive(Clone, Copy)]
pub struct AppView<'a>(pub &'a App);

impl Widget for AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let theme = app.theme();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            TooSmall { theme }.render(area, buf);
            return;
        }
        let play = app.play();
        match (app.screen(), play) {
            (Screen::ChooseScenario { selected, error }, _) => ScenarioScreen {
                app,
                selected: *selected,
                error: error.as_deref(),
            }
            .render(area, buf),
            (
                Screen::ChooseParty {
                    scenario,
                    choices,
                    selected,
                    marked,
                    briefing_scroll,
                },
                _,
            ) => SeatScreen {
                theme,
                scenario,
                choices,
                selected: *selected,
                marked,
                briefing_scroll: *briefing_scroll,
            }
            .render(area, buf),
            (Screen::Handover { party }, Some(play)) => HandoverScreen {
                theme,
                play,
                party: *party,
            }
            .render(area, buf),
            (
                Screen::Summary {
                    party,
                    lines,
                    scroll,
                },
                Some(play),
            ) => SummaryScreen {
                theme,
                play,
                party: *party,
                lines,
                scroll: *scroll,
            }
            .render(area, buf),
            (Screen::Decide(decision), Some(play)) => DecisionScreen {
                theme,
                play,
                decision,
                status: app.status(),
            }
            .render(area, buf),
            (Screen::Orders, Some(play)) => MainScreen {
                theme,
                play,
                status: app.status(),
            }
            .render(area, buf),
            (
                Screen::Debrief {
                    title,
                    lines,
                    scroll,
                },
                _,
            ) => DebriefScreen {
                theme,
                title,
                lines,
                scroll: *scroll,
            }
            .render(area, buf),
            // A game's screens without a game: nothing to draw (cannot happen).
            (
                Screen::Handover { .. }
                | Screen::Summary { .. }
                | Screen::Decide(_)
                | Screen::Orders,
                None,
            ) => {}
        }
        match app.overlay() {
            Some(Overlay::Help) => HelpOverlay { theme }.render(area, buf),
            Some(Overlay::ConfirmQuit) => ConfirmQuit {
                theme,
                saves: app.saves_on(),
            }
            .render(area, buf),
            None => {}
        }
    }
}
