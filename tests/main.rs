//! Integration tests: the real seed documents, and the binary run on copies of them.

mod seeds;
mod support;
mod workflow;
mod precommit;
