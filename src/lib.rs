//! planlint: a linter for Chinese local government implementation plans.
//!
//! Data flows one way: read ([`source`]) → parse ([`parse`]) → model ([`model`]) → check
//! (`rules`) → report.

pub mod data;
pub mod model;
pub mod parse;
pub mod source;
