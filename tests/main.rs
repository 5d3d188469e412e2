//! Integration tests: the real seed documents, and the binary run on copies of them.

mod precommit;
mod seeds;
mod support;
mod workflow;
