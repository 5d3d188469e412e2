//! Integration tests: the real seed documents, and the binary run on copies of them.

mod alignment;
mod bad_inputs;
mod corpus;
mod directive;
mod precommit;
mod properties;
mod seeds;
mod shapes;
mod support;
mod workflow;
