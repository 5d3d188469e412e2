//! Integration tests on the real seed documents.

mod seeds;
