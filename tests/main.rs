//! Integration tests: the real seed documents, and the binary run on copies of them.

mod alignment;
mod annotate;
mod bad_inputs;
mod cli_extras;
mod corpus;
mod coverage;
mod directive;
mod formats;
mod help;
mod layers;
mod owners;
mod paged;
mod precommit;
mod properties;
mod seeds;
mod shapes;
mod support;
mod words;
mod workflow;
