//! planlint: a linter for Chinese local government implementation plans.
//!
//! Data flows one way: read ([`source`]) → parse ([`parse`]) → model ([`model`]) →
//! align ([`grain`], [`align`], against a directive) → check ([`rules`]) → report ([`report`]).

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
pub mod input;
pub mod model;
pub mod output;
pub mod parse;
pub mod report;
pub mod rules;
pub mod session;
pub mod signals;
pub mod source;
pub mod suppress;
pub mod unit_names;

#[cfg(test)]
pub(crate) mod testing;

#[doc(hidden)]
pub mod testing_support;
