//! The fuzz targets' checks, shared with the replay test in `core/tests/fuzz_replay.rs`.
#![allow(clippy::missing_panics_doc)]

mod checks;
pub use checks::*;
