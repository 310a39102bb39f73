//! The game's facts in words: the news lines players read and the sentences the debrief gives as
//! evidence of each dynamic.
//!
//! This is the only place a [`Fact`] becomes English. Nothing reads these sentences back: the fog
//! of war ([`crate::fog`]) and the debrief decide from the facts' fields, and only then ask here
//! for the words.

use crate::scenario::{ForumStatus, PartyIx, Scenario};
use crate::sim::rules::{and_list, is_are, possessive};
use crate::sim::{Dynamic, Fact, Observation, Order};

fn party(s: &Scenario, p: PartyIx) -> &str {
    &s.parties[p.0].name
}

/// The news line of an order carried out: "China: Hold a leaders' summit → Japan."
pub(crate) fn order(s: &Scenario, o: &Order) -> String {
    format!("{}: {}.", party(s, o.party), o.label(s))
}

/// The news line of a fact, or `None` for a fact that is not news (those show only in the
/// debrief).
pub fn news(s: &Scenario, fact: &Fact) -> Option<String> {
    Some(match fact {
        Fact::EventFired { event } => {
            let e = &s.events[event.0];
            format!("{} — {}", e.title, e.text)
        }
        Fact::Decided {
            event,
            party: p,
            option,
        } => {
            let e = &s.events[event.0];
            let label = e.options.get(*option).map_or("", |o| o.label.as_str());
            format!("{}: {} — {}", e.title, party(s, *p), label)
        }
        Fact::Ordered { order: o } => order(s, o),
        Fact::Announced { text, .. } => text.clone(),
        Fact::CourseChanged { .. } => course_changed(s, fact),
        Fact::WalkedOut {
            party: p,
            forum,
            cost,
            ..
        } => {
            let who = party(s, *p);
            format!(
                "{who} walks out of the {}; its partners' trust in {who} falls by {cost:.1}.",
                s.forums[forum.0].name
            )
        }
        Fact::ForumStatusChanged { forum, status } => {
            let fname = &s.forums[forum.0].name;
            match status {
                ForumStatus::Active => format!("The {fname} {} in session again.", is_are(fname)),
                ForumStatus::Collapsed => format!("The {fname} collapses."),
                ForumStatus::Suspended => format!("The {fname} {} suspended.", is_are(fname)),
                ForumStatus::Proposed => format!("The {fname} is proposed again."),
            }
        }
        Fact::TooFewAttended { forum } => {
            format!(
                "The {} fails to meet: too few attend.",
                s.forums[forum.0].name
            )
        }
        Fact::SessionHeld {
            forum,
            attending,
            members,
            success,
            host,
            ..
        } => {
            let mut text = format!(
                "The {} meets ({} of {members} attend): {}",
                s.forums[forum.0].name,
                attending.len(),
                if *success {
                    "consensus on its agenda."
                } else {
                    "no joint statement on its agenda this time, but the habit of meeting grows."
                }
            );
            if let Some((h, _)) = host {
                text.push(' ');
                text.push_str(party(s, *h));
                text.push_str(" chairs.");
            }
            text
        }
        Fact::RedLineCrossed { .. } => format!("{}.", red_line(s, fact)),
        Fact::RowSpilled { .. } => format!("{}.", row(s, fact)),
        Fact::OvertureDiscounted { .. }
        | Fact::Reassured { .. }
        | Fact::PressedFromWeakness { .. }
        | Fact::PowerGrew { .. }
        | Fact::Hedged { .. } => return None,
    })
}

/// The news lines of a run of facts, in order.
pub fn news_lines(s: &Scenario, facts: &[Fact]) -> Vec<String> {
    facts.iter().filter_map(|f| news(s, f)).collect()
}

fn course_changed(s: &Scenario, fact: &Fact) -> String {
    let Fact::CourseChanged { party: p, doctrine } = fact else {
        return String::new();
    };
    format!(
        "{} changes course: its government now follows \"{}\".",
        party(s, *p),
        s.doctrines[doctrine.0].name
    )
}

fn red_line(s: &Scenario, fact: &Fact) -> String {
    let Fact::RedLineCrossed {
        party: p,
        owner,
        forum,
        topic,
    } = fact
    else {
        return String::new();
    };
    let (an, on) = (party(s, *p), party(s, *owner));
    let fname = &s.forums[forum.0].name;
    format!(
        "{an} raises a matter {on} has ruled off the table ({}) at the {fname}; {on} calls it a red line and walks out — the {fname} {} suspended",
        s.tracks[topic.0].name,
        is_are(fname)
    )
}

fn row(s: &Scenario, fact: &Fact) -> String {
    let Fact::RowSpilled {
        from,
        to,
        drop,
        forums,
        onto_allies,
    } = fact
    else {
        return String::new();
    };
    let (an, bn) = (party(s, *from), party(s, *to));
    format!(
        "{} trust in {bn} falls {drop:.0} in a month; the row spills over{}{}",
        possessive(an),
        if forums.is_empty() {
            String::new()
        } else {
            let the: Vec<String> = forums
                .iter()
                .map(|x| format!("the {}", s.forums[x.0].name))
                .collect();
            format!(" into {} (habit -{:.0} each)", and_list(&the), drop / 2.0)
        },
        if *onto_allies {
            format!(" and onto {} allies", possessive(bn))
        } else {
            String::new()
        }
    )
}

/// The sentence an observation gives as evidence of its dynamic, with the figures.
pub fn observation(s: &Scenario, o: &Observation) -> String {
    match (&o.fact, o.dynamic) {
        (Fact::CourseChanged { .. }, _) => course_changed(s, &o.fact),
        (
            Fact::WalkedOut {
                party: p,
                forum,
                habit,
                cost,
            },
            _,
        ) => format!(
            "walking out of the {} at habit {habit:.0} cost {} {cost:.1} trust with each member",
            s.forums[forum.0].name,
            party(s, *p)
        ),
        (
            Fact::SessionHeld {
                forum,
                host: Some((h, prestige)),
                ..
            },
            Dynamic::ConvenersLeverage,
        ) => {
            let hn = party(s, *h);
            format!(
                "{hn} hosts the {}: prestige +{prestige:.1}, and each attending member's trust in {hn} +0.5",
                s.forums[forum.0].name
            )
        }
        (
            Fact::SessionHeld {
                forum,
                attending,
                success,
                habit,
                gain,
                ..
            },
            _,
        ) => format!(
            "the {} meets at habit {habit:.0}: trust among the {} attending members +{gain:.1} each way{}",
            s.forums[forum.0].name,
            attending.len(),
            if *success {
                ""
            } else {
                ", though the session failed"
            }
        ),
        (Fact::OvertureDiscounted { from, to }, _) => {
            let an = party(s, *from);
            format!(
                "{} discounts {} overture after recent pressure from {an}",
                party(s, *to),
                possessive(an)
            )
        }
        (
            Fact::Reassured {
                patron,
                client,
                fear,
                entrapment,
                alarmed,
            },
            _,
        ) => format!(
            "{} reassures {}: abandonment fear {fear:+.0}, entrapment risk {entrapment:+.0}{}",
            party(s, *patron),
            party(s, *client),
            if alarmed.is_empty() {
                String::new()
            } else {
                let names: Vec<&str> = alarmed.iter().map(|r| party(s, *r)).collect();
                format!(
                    ", and {} {} more threatened",
                    names.join(" and "),
                    if names.len() == 1 { "feels" } else { "feel" }
                )
            }
        ),
        (
            Fact::PressedFromWeakness {
                party: p,
                fearful,
                gain,
            },
            _,
        ) => {
            let names: Vec<&str> = fearful.iter().map(|c| party(s, *c)).collect();
            format!(
                "{} presses from weakness: the fear it stirs in {} earns it {gain:.1} capital of leverage, and they trust it less",
                party(s, *p),
                and_list(&names),
            )
        }
        (Fact::RedLineCrossed { .. }, _) => red_line(s, &o.fact),
        (
            Fact::PowerGrew {
                party: p,
                growth,
                alarm,
                transparency,
            },
            _,
        ) => {
            let who = party(s, *p);
            format!(
                "{who}'s power grows by {growth:.1} a month; neighbours' threat perception of {who} rises {alarm:.2} a month (transparency damps it by {:.0}%)",
                transparency * 100.0
            )
        }
        (
            Fact::Hedged {
                client,
                patron,
                fear,
            },
            _,
        ) => format!(
            "{} fears abandonment ({fear:.0}) and hedges, cooling toward {}",
            party(s, *client),
            party(s, *patron)
        ),
        (Fact::RowSpilled { .. }, _) => row(s, &o.fact),
        (fact, _) => news(s, fact).unwrap_or_default(),
    }
}
