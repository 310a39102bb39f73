//! A check of any serialisable value against a scenario, through its `Serialize` impl: every
//! scenario index in it (`PartyIx`, `EventIx`, … — recognised by their type names) is in range,
//! every float is finite, and an `option` that sits next to an `event` in a struct is one of that
//! event's options.
//!
//! Why through serde: a save also records values whose shape belongs to the simulation and
//! changes with it (the timeline, the observations, the news, the report). The program reads
//! them back — the debrief indexes the scenario with the parties, events and options they name —
//! so a damaged save must be refused before that, yet this module should not have to follow
//! every change of their fields. Whatever their shape, their indices are the scenario's index
//! types and their numbers are floats, and that is all this check relies on.

use std::fmt;

use serde::Serialize;
use serde::ser;

use crate::scenario::Scenario;

/// What the audit found wrong: the first problem.
#[derive(Debug)]
pub(crate) struct Problem(pub String);

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Problem {}

impl ser::Error for Problem {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Problem(msg.to_string())
    }
}

/// Check `value` against the scenario (see the module's documentation).
pub(crate) fn check<T: Serialize + ?Sized>(value: &T, scenario: &Scenario) -> Result<(), String> {
    let mut audit = Audit {
        scenario,
        last_index: None,
        last_uint: None,
    };
    value.serialize(&mut audit).map_err(|p| p.0)
}

struct Audit<'s> {
    scenario: &'s Scenario,
    /// The last scenario index seen, as (type name, value): what a struct's `event` field held.
    last_index: Option<(&'static str, u64)>,
    /// The last unsigned integer seen: what a struct's `option` field held.
    last_uint: Option<u64>,
}

impl Audit<'_> {
    /// How many things an index type counts in the scenario, and their names (one, many);
    /// `None` for other newtypes.
    fn count(&self, name: &str) -> Option<(usize, &'static str, &'static str)> {
        let s = self.scenario;
        Some(match name {
            "PartyIx" => (s.parties.len(), "party", "parties"),
            "DoctrineIx" => (s.doctrines.len(), "doctrine", "doctrines"),
            "AllianceIx" => (s.alliances.len(), "alliance", "alliances"),
            "ForumIx" => (s.forums.len(), "forum", "forums"),
            "TrackIx" => (s.tracks.len(), "track", "tracks"),
            "ActionIx" => (s.actions.len(), "action", "actions"),
            "EventIx" => (s.events.len(), "event", "events"),
            _ => return None,
        })
    }

    fn float(x: f64) -> Result<(), Problem> {
        if x.is_finite() {
            Ok(())
        } else {
            Err(Problem(format!("a number is {x}, not a finite number")))
        }
    }

    fn uint(&mut self, v: u64) {
        self.last_uint = Some(v);
    }
}

/// A struct (or struct variant) being audited: remembers its `event` and `option` fields.
struct Fields<'a, 's> {
    audit: &'a mut Audit<'s>,
    event: Option<u64>,
    option: Option<u64>,
}

impl Fields<'_, '_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Problem> {
        self.audit.last_index = None;
        self.audit.last_uint = None;
        value.serialize(&mut *self.audit)?;
        match key {
            "event" => {
                self.event = self
                    .audit
                    .last_index
                    .filter(|(name, _)| *name == "EventIx")
                    .map(|(_, v)| v);
            }
            "option" => self.option = self.audit.last_uint,
            _ => {}
        }
        Ok(())
    }

    fn end(self) -> Result<(), Problem> {
        if let (Some(event), Some(option)) = (self.event, self.option) {
            let options = usize::try_from(event)
                .ok()
                .and_then(|e| self.audit.scenario.events.get(e))
                .map_or(0, |e| e.options.len());
            if usize::try_from(option).map_or(true, |o| o >= options) {
                return Err(Problem(format!(
                    "option {option} of event {event}, which has {options} options"
                )));
            }
        }
        Ok(())
    }
}

impl<'a, 's> ser::Serializer for &'a mut Audit<'s> {
    type Ok = ();
    type Error = Problem;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Fields<'a, 's>;
    type SerializeStructVariant = Fields<'a, 's>;

    fn serialize_bool(self, _: bool) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Problem> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Problem> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Problem> {
        self.uint(u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Problem> {
        self.uint(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Problem> {
        self.uint(u64::try_from(v).unwrap_or(u64::MAX));
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Problem> {
        Audit::float(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Problem> {
        Audit::float(v)
    }
    fn serialize_char(self, _: char) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Problem> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Problem> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Problem> {
        self.last_uint = None;
        value.serialize(&mut *self)?;
        if let Some((count, one, many)) = self.count(name)
            && let Some(v) = self.last_uint
        {
            if usize::try_from(v).map_or(true, |v| v >= count) {
                return Err(Problem(format!(
                    "{one} {v} is out of range: the scenario has {count} {many}"
                )));
            }
            self.last_index = Some((name, v));
        }
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Problem> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Problem> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Problem> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Problem> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Problem> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Problem> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a, 's>, Problem> {
        Ok(Fields {
            audit: self,
            event: None,
            option: None,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Fields<'a, 's>, Problem> {
        Ok(Fields {
            audit: self,
            event: None,
            option: None,
        })
    }
}

impl ser::SerializeSeq for &mut Audit<'_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Problem> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Problem> {
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Audit<'_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Problem> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Problem> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Audit<'_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Problem> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Problem> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Audit<'_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Problem> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Problem> {
        Ok(())
    }
}

impl ser::SerializeMap for &mut Audit<'_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Problem> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Problem> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Problem> {
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_, '_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Problem> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Problem> {
        Fields::end(self)
    }
}

impl ser::SerializeStructVariant for Fields<'_, '_> {
    type Ok = ();
    type Error = Problem;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Problem> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Problem> {
        Fields::end(self)
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::check;
    use crate::scenario::{self, EventIx, PartyIx, Scenario};
    use crate::session::HumanChoice;

    fn campaign() -> Scenario {
        scenario::resolve(scenario::DEFAULT_SCENARIO, None).expect("loads")
    }

    #[test]
    fn indices_are_checked_by_their_type_wherever_they_sit() {
        let s = campaign();
        let n = s.parties.len();
        assert!(check(&vec![PartyIx(0), PartyIx(n - 1)], &s).is_ok());
        let err = check(&vec![(3_u32, Some(PartyIx(n)))], &s).unwrap_err();
        assert!(err.contains(&format!("party {n} is out of range")), "{err}");
        assert!(check(&EventIx(s.events.len()), &s).is_err());
        // A plain number is not an index.
        assert!(check(&vec![usize::MAX], &s).is_ok());
    }

    #[test]
    fn numbers_must_be_finite() {
        let s = campaign();
        assert!(check(&[0.5_f32, -3.0], &s).is_ok());
        for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            let err = check(&vec![vec![1.0, bad]], &s).unwrap_err();
            assert!(err.contains("not a finite number"), "{err}");
        }
    }

    /// A struct with an `option` and no `event`.
    #[derive(Serialize)]
    struct Loose {
        option: usize,
    }

    #[test]
    fn an_option_is_checked_against_the_event_beside_it() {
        let s = campaign();
        let (e, event) = s
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| !e.options.is_empty())
            .expect("an event with options");
        let decision = |option| HumanChoice::Decision {
            turn: 1,
            event: EventIx(e),
            option,
        };
        assert!(check(&vec![decision(event.options.len() - 1)], &s).is_ok());
        let err = check(&vec![decision(event.options.len())], &s).unwrap_err();
        assert!(err.contains(&format!("of event {e}")), "{err}");
        // Not beside an event, an `option` is any number.
        assert!(check(&Loose { option: 999 }, &s).is_ok());
    }
}
