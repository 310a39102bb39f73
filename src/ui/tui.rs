//! Terminal screen.
