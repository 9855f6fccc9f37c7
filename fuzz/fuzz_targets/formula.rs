//! The `formula` fuzz target: see [`chiso_fuzz::formula`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::formula(data));
