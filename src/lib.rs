//! planlint: a linter for Chinese local government implementation plans.
//!
//! Data flows one way: read ([`source`], [`input`] into [`blocks`]) → parse ([`parse`]; both as
//! one stage in [`reading`]) → model ([`model`]) → align ([`grain`], [`align`], against a
//! directive) → check ([`rules`]) → report ([`report`]). Below them all: positions ([`span`]),
//! the lexical atoms and the outline numbers the readers and the parser share ([`lex`],
//! [`heading`]), and the rule data ([`data`]). No module imports one that imports it back
//! (`tests/layers.rs`).

pub mod align;
pub mod annotate;
pub mod batch;
pub mod blocks;
pub mod cli;
pub mod commands;
pub mod compact;
pub mod config;
pub mod data;
pub mod diff;
pub mod finding;
pub mod grain;
pub mod heading;
pub mod input;
pub mod lex;
pub mod model;
pub mod output;
pub mod parse;
pub mod reading;
pub mod report;
pub mod rules;
pub mod session;
pub mod signals;
pub mod source;
pub mod span;
pub mod suppress;
pub mod unit_names;

#[cfg(test)]
pub(crate) mod testing;

#[doc(hidden)]
pub mod testing_support;
