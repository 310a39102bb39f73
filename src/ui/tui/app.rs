//! [`App::update`]: what each [`Action`] does on each screen and overlay — the one entry point
//! for every change of the screen's state. The game's flow from one screen to the next is in
//! `flow`; where things are on screen (for clicks, the map's arrows and scroll limits) is asked
//! of `layout`, which gives the drawing the same answers.

use std::sync::Arc;

use sixparty_core::scenario::PartyIx;
use sixparty_core::sim::Order;
use sixparty_core::text;

use super::layout::{self, Hit};
use super::model::{Action, App, Focus, Outcome, Overlay, Play, Screen};

impl App {
    /// Apply an action: every change of the screen's state starts here (what it sets off in the
    /// game's course is in `flow`).
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.clamp_scrolls();
                return;
            }
            Action::Interrupt => {
                self.leave_now();
                return;
            }
            Action::Click(x, y) => {
                self.click(x, y);
                return;
            }
            _ => {}
        }
        if let Some(overlay) = self.overlay {
            match (overlay, action) {
                (Overlay::ConfirmQuit, Action::Confirm(true)) => self.leave_now(),
                (Overlay::ConfirmQuit, Action::Confirm(false) | Action::Back)
                | (Overlay::Help, Action::Help | Action::Back | Action::Select | Action::Quit) => {
                    self.overlay = None;
                }
                _ => {}
            }
            return;
        }
        match action {
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                return;
            }
            Action::Quit => {
                self.quit();
                return;
            }
            Action::Save => {
                self.save_now();
                return;
            }
            _ => {}
        }
        self.status = None;
        match &mut self.screen {
            Screen::ChooseScenario { .. } => self.on_choose_scenario(action),
            Screen::ChooseParty { .. } => self.on_choose_party(action),
            Screen::Handover { party } => {
                if action == Action::Select {
                    let party = *party;
                    if let Some(play) = &mut self.play {
                        play.table.handed(party);
                    }
                    self.advance();
                }
            }
            Screen::Summary { scroll, lines, .. } => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let max = layout::debrief_scroll_max(lines, area);
                match action {
                    Action::Select => {
                        if let Some(play) = &mut self.play
                            && let Some(&seat) = play.table.waiting_summaries().first()
                        {
                            play.table.seen_summary(seat);
                        }
                        self.advance();
                    }
                    _ => *scroll = scrolled(*scroll, action, page, max),
                }
            }
            Screen::Decide(_) => self.on_decide(action),
            Screen::Orders => self.on_orders(action),
            Screen::Debrief { scroll, lines, .. } => {
                let page = usize::from(self.size.1.saturating_sub(4)).max(1);
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let max = layout::debrief_scroll_max(lines, area);
                match action {
                    Action::Select | Action::Back => self.outcome = Some(Outcome::Finished),
                    _ => *scroll = scrolled(*scroll, action, page, max),
                }
            }
        }
    }

    /// A click: on a list entry, highlight it, or if it is highlighted already, choose it; on
    /// a panel, give it the focus. A click anywhere closes the help.
    fn click(&mut self, x: u16, y: u16) {
        if self.overlay == Some(Overlay::Help) {
            self.overlay = None;
            return;
        }
        let Some(hit) = layout::hit_test(self, x, y) else {
            return;
        };
        let selected = match &self.screen {
            Screen::ChooseScenario { selected, .. } | Screen::ChooseParty { selected, .. } => {
                *selected
            }
            Screen::Decide(d) => d.selected,
            Screen::Orders => match self.play.as_mut() {
                Some(play) => {
                    let before = play.focus;
                    play.focus = match hit {
                        Hit::News => Focus::News,
                        Hit::Map | Hit::Party(_) => Focus::Map,
                        Hit::Forums | Hit::Forum(_) => Focus::Forums,
                        Hit::Item(_) | Hit::Orders => Focus::Orders,
                    };
                    // In the forums: the same, a click highlights, a second one acts.
                    if let Hit::Forum(f) = hit {
                        if before == Focus::Forums && play.forum == f {
                            self.update(Action::Select);
                        } else {
                            play.forum = f;
                            self.status = None;
                        }
                        return;
                    }
                    // On the map: a click highlights a party; a second click on the highlighted
                    // one goes to the orders aimed at it, as Enter does.
                    if let Hit::Party(p) = hit {
                        if before == Focus::Map && play.map_party == PartyIx(p) {
                            self.update(Action::Select);
                        } else {
                            play.map_party = PartyIx(p);
                            self.status = None;
                        }
                        return;
                    }
                    play.selected
                }
                None => return,
            },
            Screen::Handover { .. } | Screen::Summary { .. } | Screen::Debrief { .. } => return,
        };
        let Hit::Item(i) = hit else {
            return;
        };
        if i == selected {
            self.update(Action::Select);
        } else if let (Screen::Orders, Some(play)) = (&self.screen, self.play.as_mut()) {
            play.selected = i;
            self.status = None;
        } else {
            self.update(Action::Pick(i + 1));
        }
    }

    /// `q`: before and after a game, leave; during one, ask first.
    fn quit(&mut self) {
        match self.screen {
            Screen::ChooseScenario { .. } | Screen::ChooseParty { .. } | Screen::Debrief { .. } => {
                self.leave_now();
            }
            Screen::Handover { .. }
            | Screen::Summary { .. }
            | Screen::Decide(_)
            | Screen::Orders => {
                self.overlay = Some(Overlay::ConfirmQuit);
            }
        }
    }

    fn on_choose_scenario(&mut self, action: Action) {
        let Screen::ChooseScenario { selected, error } = &mut self.screen else {
            return;
        };
        let n = self.entries.len();
        match action {
            Action::Select => {
                let Some(entry) = self.entries.get(*selected) else {
                    return;
                };
                match entry.load() {
                    Ok(scenario) => self.scenario_chosen(Arc::new(scenario)),
                    Err(e) => *error = Some(e.to_string()),
                }
            }
            Action::Pick(k) if (1..=n).contains(&k) => {
                *selected = k - 1;
                *error = None;
            }
            _ => {
                let before = *selected;
                *selected = moved(*selected, action, n);
                if *selected != before {
                    *error = None;
                }
            }
        }
    }

    fn on_choose_party(&mut self, action: Action) {
        let Screen::ChooseParty {
            scenario,
            choices,
            selected,
            marked,
            briefing_scroll,
        } = &mut self.screen
        else {
            return;
        };
        let before = *selected;
        match action {
            // The list is short; the page keys scroll the briefing instead (clamped when drawn).
            Action::PageDown => *briefing_scroll += 3,
            Action::PageUp => *briefing_scroll = briefing_scroll.saturating_sub(3),
            Action::Toggle => {
                let p = choices[*selected];
                if let Some(i) = marked.iter().position(|m| *m == p) {
                    marked.remove(i);
                } else {
                    marked.push(p);
                    marked.sort();
                }
            }
            Action::Select => {
                let humans = if marked.is_empty() {
                    vec![choices[*selected]]
                } else {
                    marked.clone()
                };
                let scenario = Arc::clone(scenario);
                self.start_new(scenario, humans);
            }
            Action::Back if !self.scenario_given && !self.entries.is_empty() => {
                let selected = self
                    .entries
                    .iter()
                    .position(|e| e.id == scenario.id)
                    .unwrap_or(0);
                self.screen = Screen::ChooseScenario {
                    selected,
                    error: None,
                };
            }
            Action::Pick(k) if (1..=choices.len()).contains(&k) => *selected = k - 1,
            _ => *selected = moved(*selected, action, choices.len()),
        }
        if let Screen::ChooseParty {
            selected,
            briefing_scroll,
            ..
        } = &mut self.screen
            && *selected != before
        {
            *briefing_scroll = 0;
        }
    }

    fn on_decide(&mut self, action: Action) {
        let Screen::Decide(d) = &mut self.screen else {
            return;
        };
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let options = play.scenario.events[d.pending.event.0].options.len();
        let chosen = match action {
            Action::Select => Some(d.selected),
            Action::Advisor => Some(d.advice.option),
            Action::Pick(k) if (1..=options).contains(&k) => {
                d.selected = k - 1;
                None
            }
            Action::PageUp => {
                d.scroll = d.scroll.saturating_sub(3);
                None
            }
            Action::PageDown => {
                d.scroll += 3;
                None
            }
            _ => {
                d.selected = moved(d.selected, action, options);
                None
            }
        };
        if let Some(option) = chosen {
            let event = d.pending.event;
            let label = play.scenario.events[event.0].options[option].label.clone();
            match play.table.decide(event, option) {
                Ok(()) => {
                    self.say(format!("Decided: {label}"), false);
                    self.advance();
                }
                Err(e) => self.say(e.to_string(), true),
            }
        }
        self.clamp_scrolls();
    }

    fn on_orders(&mut self, action: Action) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let page = usize::from(self.size.1 / 3).max(1);
        match (action, play.focus) {
            (Action::NextPanel, focus) => play.focus = focus.next(),
            (Action::PreviousPanel, focus) => play.focus = focus.previous(),
            // Esc leaves the news or the map for the orders, where the turn is played.
            (Action::Back, Focus::News | Focus::Map | Focus::Forums) => {
                play.focus = Focus::Orders;
            }
            (Action::EndTurn, _) => {
                if let Some(&seat) = play.table.waiting_orders().first() {
                    play.table.done_ordering(seat);
                }
                play.seen_news = (play.board.turn, play.board.news_now.clone());
                let turn = play.board.turn;
                self.advance();
                let resolved = self.play.as_ref().is_some_and(|p| p.board.turn > turn);
                if self.status.is_none() && resolved {
                    self.say("Turn resolved: see the news.", false);
                }
            }
            (Action::Withdraw, _) => {
                let highlighted = play.board.given.get(play.selected).copied();
                if let Some(o) = highlighted.or_else(|| play.board.given.last().copied()) {
                    self.withdraw(o);
                } else {
                    self.say("No order to withdraw this turn.", true);
                }
            }
            (Action::Advisor, _) => self.take_advice(),
            (Action::Select, Focus::Orders) => {
                let given = play.board.given.len();
                if play.selected < given {
                    let o = play.board.given[play.selected];
                    self.withdraw(o);
                } else if let Some(c) = play.board.ranked.get(play.selected - given) {
                    let o = c.order;
                    self.give(o);
                } else if given >= play.scenario.rules.max_orders as usize {
                    self.say("Every order of the turn is given: e ends the turn.", true);
                }
            }
            (_, Focus::Orders) => {
                let n = play.menu_len();
                play.selected = match action {
                    Action::PageUp => play.selected.saturating_sub(page),
                    Action::PageDown => (play.selected + page).min(n.saturating_sub(1)),
                    _ => moved(play.selected, action, n),
                };
            }
            (_, Focus::News) => {
                play.news_scroll = scrolled(play.news_scroll, action, page, usize::MAX);
                self.clamp_scrolls();
            }
            (Action::Select, Focus::Map) => {
                let party = play.map_party;
                self.orders_toward(party);
            }
            (Action::Select, Focus::Forums) => {
                let forum = play.forum;
                self.orders_at(forum);
            }
            (_, Focus::Forums) => {
                play.forum = moved(play.forum, action, play.scenario.forums.len());
            }
            (_, Focus::Map) => {
                let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let spots = layout::map_spots(play, area);
                let parties = play.scenario.parties.len();
                play.map_party = match action {
                    Action::Left => toward(&spots, play.map_party, (-1, 0)),
                    Action::Right => toward(&spots, play.map_party, (1, 0)),
                    Action::Up => toward(&spots, play.map_party, (0, -1)),
                    Action::Down => toward(&spots, play.map_party, (0, 1)),
                    Action::Home => PartyIx(0),
                    Action::End => PartyIx(parties.saturating_sub(1)),
                    _ => play.map_party,
                };
            }
        }
    }

    /// Enter on a forum: the orders get the focus, with the highlight on the first order at
    /// this forum (a given one first), if there is one.
    fn orders_at(&mut self, forum: usize) {
        let Some(play) = self.play.as_ref() else {
            return;
        };
        let Some(f) = play.scenario.forums.get(forum) else {
            return;
        };
        let none = format!("No order at {} on offer this turn.", f.short);
        let target = sixparty_core::sim::Target::Forum(sixparty_core::scenario::ForumIx(forum));
        self.first_order_at(target, none);
    }

    /// Enter on the map: the orders get the focus, with the highlight on the first order aimed
    /// at this party (a given one first), if there is one.
    fn orders_toward(&mut self, party: PartyIx) {
        let Some(play) = self.play.as_ref() else {
            return;
        };
        if party == play.seat {
            self.say("That is you: orders aim at the others.", false);
            return;
        }
        let none = format!(
            "No order toward {} on offer this turn.",
            play.scenario.party(party).name
        );
        self.first_order_at(sixparty_core::sim::Target::Party(party), none);
    }

    /// Focus the orders with the highlight on the first order (a given one first) aimed at
    /// `target`; or say `none`.
    fn first_order_at(&mut self, target: sixparty_core::sim::Target, none: String) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let first = play
            .board
            .given
            .iter()
            .chain(play.board.ranked.iter().map(|c| &c.order))
            .position(|o| o.target == target);
        match first {
            Some(i) => {
                play.selected = i;
                play.focus = Focus::Orders;
            }
            None => self.say(none, false),
        }
    }

    fn give(&mut self, o: Order) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let label = play.label(&o);
        match play.table.session_mut().order(o) {
            Ok(()) => {
                play.refresh();
                self.say(format!("Given: {label}"), false);
            }
            Err(e) => self.say(e.to_string(), true),
        }
    }

    fn withdraw(&mut self, o: Order) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let label = play.label(&o);
        play.table.session_mut().withdraw(o);
        play.refresh();
        self.say(format!("Withdrawn: {label}"), false);
    }

    fn take_advice(&mut self) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        let advice: Vec<Order> = play.board.advice.iter().map(|c| c.order).collect();
        if advice.is_empty() {
            self.say("The advisor suggests no further order this turn.", false);
            return;
        }
        let mut given = Vec::new();
        for o in advice {
            let label = play.label(&o);
            match play.table.session_mut().order(o) {
                Ok(()) => given.push(label),
                Err(e) => {
                    play.refresh();
                    self.say(e.to_string(), true);
                    return;
                }
            }
        }
        play.refresh();
        self.say(
            format!("Advisor's orders given: {}", given.join("; ")),
            false,
        );
    }

    /// Keep scrolled texts within their length at the current size.
    fn clamp_scrolls(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        if let (Some(play), Screen::Orders) = (&mut self.play, &self.screen) {
            let max = layout::news_scroll_max(play, area);
            play.news_scroll = play.news_scroll.min(max);
        }
        if let (Some(play), Screen::Decide(d)) = (&self.play, &mut self.screen) {
            let max = layout::decision_scroll_max(play, d, area);
            d.scroll = d.scroll.min(max);
        }
        if let Screen::Debrief { lines, scroll, .. } | Screen::Summary { lines, scroll, .. } =
            &mut self.screen
        {
            *scroll = (*scroll).min(layout::debrief_scroll_max(lines, area));
        }
    }
}

impl Play {
    /// An order as the menus and messages name it.
    fn label(&self, o: &Order) -> String {
        text::order_label(&self.scenario, o)
    }
}

/// A list index after a move, kept within `n` lines.
fn moved(i: usize, action: Action, n: usize) -> usize {
    let last = n.saturating_sub(1);
    match action {
        Action::Up => i.saturating_sub(1),
        Action::Down => (i + 1).min(last),
        Action::Home => 0,
        Action::End => last,
        Action::PageUp => i.saturating_sub(5),
        Action::PageDown => (i + 5).min(last),
        _ => i.min(last),
    }
}

/// The party nearest `from` in a direction on the map (`(dx, dy)`, one of them 0), among the
/// labels where they are drawn (cells, a row counting as two columns, as it looks); `from`
/// itself when none lies that way.
fn toward(spots: &[(PartyIx, i32, i32)], from: PartyIx, (dx, dy): (i32, i32)) -> PartyIx {
    let Some(&(_, x0, y0)) = spots.iter().find(|s| s.0 == from) else {
        return spots.first().map_or(from, |s| s.0);
    };
    spots
        .iter()
        .filter_map(|&(p, x, y)| {
            let (ax, ay) = (x - x0, 2 * (y - y0));
            let along = ax * dx + ay * dy;
            let across = (ax * dy - ay * dx).abs();
            // Nearer along the way first; a party far off to the side counts as further.
            (p != from && along > 0).then_some((along + 2 * across, p))
        })
        .min_by_key(|&(cost, p)| (cost, p.0))
        .map_or(from, |(_, p)| p)
}

/// A scroll offset after a move, at most `max`.
fn scrolled(s: usize, action: Action, page: usize, max: usize) -> usize {
    match action {
        Action::Up => s.saturating_sub(1),
        Action::Down => s.saturating_add(1).min(max),
        Action::PageUp => s.saturating_sub(page),
        Action::PageDown => s.saturating_add(page).min(max),
        Action::Home => 0,
        Action::End => max,
        _ => s,
    }
}
