//! Plain line mode.
