//! The `period` fuzz target: see [`chiso_fuzz::period`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::period(data));
