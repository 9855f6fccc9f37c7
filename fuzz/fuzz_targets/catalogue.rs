//! The `catalogue` fuzz target: see [`chiso_fuzz::catalogue`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::catalogue(data));
