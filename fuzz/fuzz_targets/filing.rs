//! The `filing` fuzz target: see [`chiso_fuzz::filing`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::filing(data));
