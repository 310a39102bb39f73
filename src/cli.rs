//! The commands of the command line that are more than a call into the core, one module each.

pub mod tournament;
