//! The `field` fuzz target: see [`chiso_fuzz::field`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::field(data));
