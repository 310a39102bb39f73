//! The user interfaces: the terminal screen ([`tui`]) and the plain line mode ([`plain`]).
//! Both only read the game and hand choices to a [`crate::session::Session`].

pub mod fog;
pub mod plain;
pub mod text;
pub mod tui;
