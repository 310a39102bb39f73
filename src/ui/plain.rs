//! Plain mode: the same game as numbered prompts on stdin/stdout, for pipes, scripts and screen
//! readers. An empty line takes the advisor's recommendation; end of input stops cleanly.

use std::io::{self, BufRead, Write};
use std::sync::Arc;

use std::path::PathBuf;

use sixparty_core::debrief::Debrief;
use sixparty_core::narrate;
use sixparty_core::save;
use sixparty_core::scenario::{EventIx, Figure, PartyIx, Scenario};
use sixparty_core::session::Session;
use sixparty_core::sim::{Fact, Facts, Pending, StateFacts, Var, rules};
use sixparty_core::table::{Step, Table};

use sixparty_core::text;

/// How a plain game ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every turn was played and the debrief printed.
    Finished,
    /// Input ended (or the player typed `q`) at this turn.
    Stopped {
        /// The turn where it stopped (0 = before the first).
        turn: u32,
    },
}

/// What the player typed at a prompt.
enum Answer {
    /// A number in range.
    Pick(usize),
    /// An empty line: the advisor's pick.
    Default,
    /// `q` or end of input.
    Stop,
    /// `m`: show more.
    More,
    /// `s` or `s NAME`: save the game.
    Save(Option<String>),
}

/// Orders listed before the player asks for the full menu.
const MENU_SHORT: usize = 12;

/// The plain-mode game over any input and output.
pub struct Plain<R, W> {
    input: R,
    out: W,
    saves: Option<PathBuf>,
    whatif_runs: usize,
    difficulty: sixparty_core::policy::Difficulty,
    /// Hot-seat: blank lines printed before a hand-over banner, to push the previous seat's
    /// text off a shared screen (only when standard output is a terminal).
    gap: usize,
}

/// Blank lines before a hand-over banner on a terminal: more than a tall window holds.
const HANDOVER_GAP: usize = 60;

impl<R: BufRead, W: Write> Plain<R, W> {
    /// A plain game reading `input` and writing `out`, without saves.
    pub fn new(input: R, out: W) -> Self {
        use std::io::IsTerminal;
        Self {
            input,
            out,
            saves: None,
            whatif_runs: 0,
            difficulty: sixparty_core::policy::Difficulty::Normal,
            gap: if io::stdout().is_terminal() {
                HANDOVER_GAP
            } else {
                0
            },
        }
    }

    /// How well the AI seats of a new game play.
    #[must_use]
    pub fn with_difficulty(mut self, difficulty: sixparty_core::policy::Difficulty) -> Self {
        self.difficulty = difficulty;
        self
    }

    /// Weigh the turning point and the AI in the player's seat at the end, with this many AI
    /// games for each figure (0, the default: leave the what-if part out).
    #[must_use]
    pub fn with_whatif_runs(mut self, runs: usize) -> Self {
        self.whatif_runs = runs;
        self
    }

    /// Hot-seat: hand the keyboard to the player of `party` (the table asks for it). Prints
    /// (after blank lines, on a terminal) a banner and waits for Enter; false if the input
    /// ended or the player typed `q`.
    fn hand_to(&mut self, session: &Session, party: PartyIx) -> io::Result<bool> {
        let s = session.scenario();
        let name = text::party_name(&s, party);
        for _ in 0..self.gap {
            writeln!(self.out)?;
        }
        writeln!(
            self.out,
            "\n=== {} turn — previous player look away ===",
            rules::possessive(name)
        )?;
        writeln!(
            self.out,
            "Pass the keyboard to the player of {name}; press Enter when ready (q stops)."
        )?;
        write!(self.out, "Ready> ")?;
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            writeln!(self.out)?;
            return Ok(false);
        }
        let t = line.trim();
        if t.eq_ignore_ascii_case("q") || t.eq_ignore_ascii_case("quit") {
            return Ok(false);
        }
        Ok(true)
    }

    /// Save games in this folder: `s [NAME]` at a prompt, and an autosave after every turn and
    /// when the game stops.
    #[must_use]
    pub fn with_saves(mut self, dir: PathBuf) -> Self {
        self.saves = Some(dir);
        self
    }

    /// Ask, handling `s [NAME]` (save) at any prompt during a game.
    fn ask_in(
        &mut self,
        session: &mut Session,
        prompt: &str,
        max: usize,
        zero: bool,
    ) -> io::Result<Answer> {
        loop {
            match self.ask(prompt, max, zero)? {
                Answer::Save(name) => {
                    let name = name.unwrap_or_else(|| save::default_name(session));
                    let dir = self.saves.clone().unwrap_or_default();
                    match save::save(&dir, &name, session) {
                        Ok(path) => writeln!(self.out, "Saved to {}.", path.display())?,
                        Err(e) => writeln!(self.out, "Not saved: {e}. The game goes on.")?,
                    }
                }
                other => return Ok(other),
            }
        }
    }

    /// Report a failed autosave; the game goes on.
    fn autosave_failed(
        &mut self,
        result: Option<&Result<PathBuf, save::SaveError>>,
    ) -> io::Result<()> {
        if let Some(Err(e)) = result {
            writeln!(self.out, "(Autosave failed: {e}. The game goes on.)")?;
        }
        Ok(())
    }

    /// Ask for a number in 1..=max (0 allowed if `zero` is true), repeating on bad input.
    fn ask(&mut self, prompt: &str, max: usize, zero: bool) -> io::Result<Answer> {
        loop {
            write!(self.out, "{prompt}> ")?;
            self.out.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                writeln!(self.out)?;
                return Ok(Answer::Stop);
            }
            let t = line.trim();
            if t.is_empty() {
                return Ok(Answer::Default);
            }
            if t.eq_ignore_ascii_case("q") || t.eq_ignore_ascii_case("quit") {
                return Ok(Answer::Stop);
            }
            if zero && t.eq_ignore_ascii_case("m") {
                return Ok(Answer::More);
            }
            if self.saves.is_some() && (t == "s" || t.starts_with("s ")) {
                let name = t[1..].trim();
                return Ok(Answer::Save((!name.is_empty()).then(|| name.to_owned())));
            }
            match t.parse::<usize>() {
                Ok(n) if (n >= 1 && n <= max) || (zero && n == 0) => return Ok(Answer::Pick(n)),
                _ => writeln!(
                    self.out,
                    "\"{t}\" is not a choice: type a number from {} to {max}, press Enter for the recommended choice{}, or q to stop.",
                    u8::from(!zero),
                    if zero { ", m for every order" } else { "" }
                )?,
            }
        }
    }

    /// Let the player pick a party; `None` if input ended.
    pub fn choose_party(&mut self, s: &Scenario) -> io::Result<Option<PartyIx>> {
        let playable: Vec<PartyIx> = (0..s.parties.len())
            .map(PartyIx)
            .filter(|p| s.parties[p.0].playable)
            .collect();
        writeln!(self.out, "Choose the party you play:")?;
        for (i, p) in playable.iter().enumerate() {
            let party = &s.parties[p.0];
            writeln!(self.out, "  {}. {} ({})", i + 1, party.name, party.id)?;
        }
        let first = &s.parties[playable[0].0].name;
        match self.ask(&format!("Party [Enter = {first}] "), playable.len(), false)? {
            Answer::Pick(n) => Ok(Some(playable[n - 1])),
            Answer::Default | Answer::More | Answer::Save(_) => Ok(Some(playable[0])),
            Answer::Stop => Ok(None),
        }
    }

    /// Play a whole game. The seats in `humans` are asked; every other seat is AI.
    pub fn play(
        &mut self,
        scenario: Arc<Scenario>,
        seed: u64,
        humans: Vec<PartyIx>,
    ) -> io::Result<Ending> {
        writeln!(self.out, "SIX PARTIES — {}", scenario.title)?;
        writeln!(self.out, "{}", scenario.summary)?;
        if !scenario.watch.is_empty() {
            writeln!(self.out, "What to watch:")?;
            for w in &scenario.watch {
                writeln!(self.out, "  - {w}")?;
            }
        }
        if !scenario.source.is_empty() {
            writeln!(self.out, "Source: {}", scenario.source)?;
        }
        let humans = if humans.is_empty() {
            match self.choose_party(&scenario)? {
                Some(p) => vec![p],
                None => return self.stopped(&scenario, 0),
            }
        } else {
            humans
        };
        for h in &humans {
            let p = &scenario.parties[h.0];
            writeln!(self.out, "\nYou play {}.", p.name)?;
            if !p.briefing.is_empty() {
                writeln!(self.out, "{}", p.briefing)?;
            }
            writeln!(self.out, "Your objectives:")?;
            for o in &p.objectives {
                writeln!(self.out, "  - {} (weight {})", o.text, o.weight)?;
            }
        }
        writeln!(
            self.out,
            "\nEach turn is one month. Type the number of a choice; Enter takes the recommended one;{} q stops.",
            if self.saves.is_some() {
                " s [NAME] saves;"
            } else {
                ""
            }
        )?;
        self.forum_guide(&scenario)?;
        let policies = self.difficulty.seats(&scenario, &humans);
        let session = Session::with_policies(scenario.clone(), seed, humans.clone(), policies);
        self.play_on(session)
    }

    /// What each forum is (the screen's forums panel, focused): its name, description, host,
    /// agenda and red lines. Its status, habit and members come every month with the figures.
    fn forum_guide(&mut self, s: &Scenario) -> io::Result<()> {
        if s.forums.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\nThe forums:")?;
        for f in &s.forums {
            let mut line = format!("  - {} — {}", f.short, f.name);
            if !f.description.is_empty() {
                line.push_str(": ");
                line.push_str(&f.description);
            }
            for fact in text::forum_facts(s, f) {
                line.push_str(if line.ends_with('.') { " " } else { ". " });
                line.push_str(&fact);
            }
            if !line.ends_with('.') {
                line.push('.');
            }
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    /// Go on with a game, from wherever in its turn it stands (a new game, or a loaded save).
    /// The turn flow is the core's [`Table`]; this shows each of its steps as text and prompts.
    pub fn play_on(&mut self, session: Session) -> io::Result<Ending> {
        let scenario = session.scenario();
        // A loaded game did not see the introduction of a new one.
        if session.game.turn() > 0 {
            self.forum_guide(&scenario)?;
        }
        let mut table = Table::new(session);
        if let Some(dir) = self.saves.clone() {
            table = table.with_saves(dir);
        }
        loop {
            let step = table.step().map_err(io::Error::other)?;
            let going_on = match step {
                Step::NewMonth => self.new_month(table.session())?,
                Step::HandOver(seat) => {
                    let ready = self.hand_to(table.session(), seat)?;
                    if ready {
                        table.handed(seat);
                    }
                    ready
                }
                Step::Decide(p) => self.decision(&mut table, p)?,
                Step::Orders(seat) => {
                    let done = self.orders(table.session_mut(), seat)?;
                    if done {
                        table.done_ordering(seat);
                    }
                    done
                }
                Step::Resolved => {
                    self.autosave_failed(table.autosaved())?;
                    if !table.hot_seat() {
                        let s = table.session().scenario();
                        writeln!(self.out, "\nThe month's results:")?;
                        for n in narrate::news_lines(&s, table.session().game.report().results()) {
                            writeln!(self.out, "  - {n}")?;
                        }
                    }
                    true
                }
                Step::Summary(seat) => {
                    // One seat saw the results as the month resolved; in hot-seat each seat in
                    // turn sees the month as the fog lets it see it.
                    if table.hot_seat() {
                        writeln!(self.out)?;
                        for l in sixparty_core::fog::summary(table.session_mut(), seat) {
                            writeln!(self.out, "{l}")?;
                        }
                    }
                    table.seen_summary(seat);
                    true
                }
                Step::Over => break,
            };
            if !going_on {
                let saved = table.autosave();
                self.autosave_failed(saved.as_ref())?;
                return self.stopped(&scenario, table.session().game.turn());
            }
        }
        let mut session = table.into_session();
        writeln!(self.out)?;
        let mut debrief = Debrief::of(&mut session);
        if self.whatif_runs > 0 && !session.humans().is_empty() {
            writeln!(
                self.out,
                "Weighing your choices against the alternatives ({} AI games for each)…",
                self.whatif_runs
            )?;
            self.out.flush()?;
            // A failure here only leaves the what-if part out of the debrief.
            let _ = debrief.weigh(&mut session, self.whatif_runs);
        }
        for line in debrief.lines() {
            writeln!(self.out, "{line}")?;
        }
        Ok(Ending::Finished)
    }

    fn stopped(&mut self, s: &Scenario, turn: u32) -> io::Result<Ending> {
        if turn == 0 {
            writeln!(self.out, "Stopped before the first turn.")?;
        } else {
            writeln!(
                self.out,
                "Stopped at {} ({}); the game was not finished.{}",
                text::turn_heading(s, turn),
                s.title,
                if self.saves.is_some() {
                    " It was autosaved: go on with `sixparty --load autosave-1`."
                } else {
                    ""
                }
            )?;
        }
        Ok(Ending::Stopped { turn })
    }

    /// A month has begun: its heading and the news so far.
    fn new_month(&mut self, session: &Session) -> io::Result<bool> {
        let s = session.scenario();
        let turn = session.game.turn();
        writeln!(self.out, "\n=== {} ===", text::turn_heading(&s, turn))?;
        // Events waiting for the player's decision are shown in full below, not twice.
        let asked: Vec<EventIx> = session.human_decisions().iter().map(|p| p.event).collect();
        let news: Vec<String> = session
            .game
            .facts_so_far()
            .iter()
            .filter(|f| !matches!(f, Fact::EventFired { event } if asked.contains(event)))
            .filter_map(|f| narrate::news(&s, f))
            .collect();
        if !news.is_empty() {
            writeln!(self.out, "News:")?;
            for n in news {
                writeln!(self.out, "  - {n}")?;
            }
        }
        Ok(true)
    }

    /// An event put to a human seat: its text, options and the advisor's pick; false if the
    /// player stopped.
    fn decision(&mut self, table: &mut Table, p: Pending) -> io::Result<bool> {
        let s = table.session().scenario();
        let e = &s.events[p.event.0];
        let mut advice = table.session_mut().advise_decision(p);
        if table.hot_seat() {
            advice.reason = sixparty_core::fog::reason(&s, p.decider, &advice.why);
        }
        writeln!(
            self.out,
            "\nDECISION for {} — {}\n{}",
            s.parties[p.decider.0].name, e.title, e.text
        )?;
        if !e.teaching.is_empty() {
            writeln!(self.out, "(Note: {})", e.teaching)?;
        }
        for (i, o) in e.options.iter().enumerate() {
            writeln!(self.out, "  {}. {}", i + 1, o.label)?;
        }
        writeln!(
            self.out,
            "Advisor recommends {}: {}",
            advice.option + 1,
            advice.reason
        )?;
        let option = match self.ask_in(table.session_mut(), "Option ", e.options.len(), false)? {
            Answer::Pick(n) => n - 1,
            Answer::Stop => return Ok(false),
            Answer::Default | Answer::More | Answer::Save(_) => advice.option,
        };
        table.decide(p.event, option).map_err(io::Error::other)?;
        Ok(true)
    }

    /// Everything the terminal screen shows of the game, as lines: the seat's figures (with
    /// their change since last month, the screen's sparklines), relations both ways, the
    /// seat's alliances and who the others are allied with, the region's tracks, every forum with its members, and every party's
    /// trust in every other (the screen's heat map).
    fn figures(&mut self, session: &mut Session, h: PartyIx) -> io::Result<()> {
        let s = session.scenario();
        let facts = StateFacts {
            scenario: &s,
            state: session.game.state(),
        };
        let before = session
            .game
            .history()
            .last()
            .filter(|b| b.turn < facts.state.turn);
        let fig = |f| {
            let now = facts.get(Var::Figure(h, f));
            let then =
                before.map(|b| b.parties[h.0].figures[sixparty_core::sim::state::figure_slot(f)]);
            match then {
                Some(t) if (now - t).abs() >= 0.5 => format!("{now:.0} ({:+.0})", now - t),
                _ => format!("{now:.0}"),
            }
        };
        writeln!(
            self.out,
            "{}: security {}, prestige {}, approval {}, power {}; score {:.1}",
            s.parties[h.0].name,
            fig(Figure::Security),
            fig(Figure::Prestige),
            fig(Figure::Approval),
            fig(Figure::Power),
            sixparty_core::sim::rules::score(&facts, h)
        )?;
        let fog = sixparty_core::fog::on(session);
        let others: Vec<String> = (0..s.parties.len())
            .map(PartyIx)
            .filter(|p| *p != h)
            .map(|p| {
                let theirs = facts.get(Var::Trust(p, h));
                if fog {
                    // Hot-seat: another party's regard shows as a mood; its fear not at all.
                    return format!(
                        "{} {} toward you (you {:+.0}, threat {:.0})",
                        s.parties[p.0].short,
                        text::mood(theirs),
                        facts.get(Var::Trust(h, p)),
                        facts.get(Var::Threat(h, p))
                    );
                }
                format!(
                    "{} {} (trust you {:+.0}, you trust them {:+.0}, you fear them {:.0}, they fear you {:.0})",
                    s.parties[p.0].short,
                    text::mood(theirs),
                    rules::tidy(theirs, 0),
                    rules::tidy(facts.get(Var::Trust(h, p)), 0),
                    facts.get(Var::Threat(h, p)),
                    facts.get(Var::Threat(p, h))
                )
            })
            .collect();
        writeln!(self.out, "Relations: {}", others.join("; "))?;
        let alliances: Vec<String> = s
            .alliances
            .iter()
            .zip(&facts.state.alliances)
            .filter(|(a, _)| a.involves(h))
            .map(|(a, st)| {
                use sixparty_core::scenario::AllianceFigure as A;
                use sixparty_core::sim::state::alliance_slot;
                format!(
                    "{} commitment {:.0}, abandonment fear {:.0}, entrapment risk {:.0}",
                    a.name,
                    st.figures[alliance_slot(A::Commitment)],
                    st.figures[alliance_slot(A::AbandonmentFear)],
                    st.figures[alliance_slot(A::EntrapmentRisk)]
                )
            })
            .collect();
        if !alliances.is_empty() {
            writeln!(self.out, "Alliances: {}", alliances.join("; "))?;
        }
        // Who is allied with whom (the screen's map details); the figures are the members'.
        let others: Vec<String> = s
            .alliances
            .iter()
            .filter(|a| !a.involves(h))
            .map(|a| {
                format!(
                    "{} ({} and {})",
                    a.name, s.parties[a.patron.0].short, s.parties[a.client.0].short
                )
            })
            .collect();
        if !others.is_empty() {
            writeln!(self.out, "Other alliances: {}", others.join("; "))?;
        }
        writeln!(
            self.out,
            "Region: {}",
            text::track_lines(&s, &facts.state, before).join("; ")
        )?;
        let forums: Vec<String> = s
            .forums
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let st = &facts.state.forums[i];
                let members: Vec<&str> = f
                    .members
                    .iter()
                    .map(|m| s.parties[m.0].short.as_str())
                    .collect();
                format!(
                    "{} {} habit {:.0} ({})",
                    f.short,
                    text::status_word(st.status),
                    st.habit,
                    members.join(" ")
                )
            })
            .collect();
        if !forums.is_empty() {
            writeln!(self.out, "Forums: {}", forums.join("; "))?;
        }
        let rows: Vec<String> = (0..s.parties.len())
            .map(|i| {
                let cells: Vec<String> = (0..s.parties.len())
                    .filter(|j| *j != i)
                    .map(|j| {
                        let t = rules::tidy(facts.get(Var::Trust(PartyIx(i), PartyIx(j))), 0);
                        format!("{} {t:+.0} {}", s.parties[j].short, text::mood(t))
                    })
                    .collect();
                format!("{} trusts {}", s.parties[i].short, cells.join(", "))
            })
            .collect();
        // Hot-seat: the trust between other parties is theirs to know.
        if !fog {
            writeln!(self.out, "Trust among all: {}", rows.join("; "))?;
        }
        Ok(())
    }

    /// The orders of one human seat; false if the player stopped.
    fn orders(&mut self, session: &mut Session, h: PartyIx) -> io::Result<bool> {
        let s = session.scenario();
        writeln!(self.out)?;
        self.figures(session, h)?;
        let mut show_all = false;
        // Numbers stay fixed for the whole month: an order keeps the number it was first shown
        // with, however the ranking moves after each order given (orders that become possible
        // later get the next numbers).
        let mut numbered: Vec<sixparty_core::sim::Order> = Vec::new();
        loop {
            let given = session.game.orders_of(h);
            let capital = session.game.capital_left(h);
            let mut ranked = session.ranked_orders(h);
            let mut advice = session.advise_orders(h).into_iter().next();
            if sixparty_core::fog::on(session) {
                for c in ranked.iter_mut().chain(advice.iter_mut()) {
                    c.reason = sixparty_core::fog::reason(&s, h, &c.why);
                }
            }
            if ranked.is_empty() {
                writeln!(self.out, "No more orders possible this turn.")?;
                return Ok(true);
            }
            for c in &ranked {
                if !numbered.contains(&c.order) {
                    numbered.push(c.order);
                }
            }
            writeln!(
                self.out,
                "\nORDERS for {} — capital {capital:.1}, {} of {} orders given:",
                s.parties[h.0].name,
                given.len(),
                s.rules.max_orders
            )?;
            // In the order first ranked; the best few unless the full list was asked for, and
            // always the advisor's pick.
            let available: Vec<(usize, &sixparty_core::ai::Choice)> = numbered
                .iter()
                .enumerate()
                .filter_map(|(i, o)| ranked.iter().find(|c| c.order == *o).map(|c| (i + 1, c)))
                .collect();
            let menu: Vec<(usize, &sixparty_core::ai::Choice)> = available
                .iter()
                .enumerate()
                .filter(|(k, (_, c))| {
                    show_all
                        || *k < MENU_SHORT
                        || advice.as_ref().is_some_and(|a| a.order == c.order)
                })
                .map(|(_, x)| *x)
                .collect();
            for (n, c) in &menu {
                let a = &s.actions[c.order.action.0];
                writeln!(
                    self.out,
                    "  {n:>2}. {} (cost {}, {}) — {}",
                    text::order_label(&s, &c.order),
                    a.cost,
                    text::stance_word(a.stance),
                    c.reason
                )?;
            }
            writeln!(self.out, "   0. End the turn")?;
            if menu.len() < available.len() {
                writeln!(
                    self.out,
                    "   m. Show all {} possible orders",
                    available.len()
                )?;
            }
            let default = advice
                .as_ref()
                .and_then(|a| menu.iter().find(|(_, c)| c.order == a.order))
                .map(|(n, _)| *n);
            match (&advice, default) {
                (Some(a), Some(n)) => writeln!(
                    self.out,
                    "Advisor recommends {n}: {} — {}",
                    text::order_label(&s, &a.order),
                    a.reason
                )?,
                _ => writeln!(self.out, "Advisor recommends 0: end the turn")?,
            }
            let pick = match self.ask_in(session, "Order ", numbered.len(), true)? {
                Answer::Stop => return Ok(false),
                Answer::More => {
                    show_all = true;
                    continue;
                }
                Answer::Pick(0) => return Ok(true),
                Answer::Pick(n) => n,
                Answer::Default | Answer::Save(_) => match default {
                    Some(n) => n,
                    None => return Ok(true),
                },
            };
            let order = numbered[pick - 1];
            match session.order(order) {
                Ok(()) => writeln!(self.out, "Ordered: {}", text::order_label(&s, &order))?,
                Err(e) => writeln!(self.out, "Not possible: {e}")?,
            }
        }
    }
}

/// Standard input that ends when a termination signal arrives (SIGINT, SIGTERM, SIGHUP), so a
/// plain game stopped by a signal ends like one whose input ended: autosaved, with a line saying
/// where it stopped. Lines are read by a thread and handed over a channel, so waiting for input
/// can also watch for the signal.
pub struct SignalInput {
    lines: std::sync::mpsc::Receiver<Vec<u8>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    pending: Vec<u8>,
    at: usize,
}

impl SignalInput {
    /// Start reading standard input and watching for the signals.
    pub fn stdin() -> Self {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // Without the handler the signal keeps its default effect; the game still works.
            let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&stop));
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let stdin = io::stdin();
            let mut lock = stdin.lock();
            loop {
                let mut line = Vec::new();
                match lock.read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Self {
            lines: rx,
            stop,
            pending: Vec::new(),
            at: 0,
        }
    }
}

impl io::Read for SignalInput {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        use std::sync::atomic::Ordering;
        use std::sync::mpsc::RecvTimeoutError;
        while self.at >= self.pending.len() {
            if self.stop.load(Ordering::Relaxed) {
                return Ok(0);
            }
            match self
                .lines
                .recv_timeout(std::time::Duration::from_millis(200))
            {
                Ok(line) => {
                    self.pending = line;
                    self.at = 0;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len() - self.at);
        buf[..n].copy_from_slice(&self.pending[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
