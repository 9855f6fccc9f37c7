//! The `ledger` fuzz target: see [`chiso_fuzz::ledger`] for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| chiso_fuzz::ledger(data));
