//! Replays every fuzz target's seeds and every input that ever crashed one
//! (`fuzz/regressions/<target>/`) through the fuzz targets' own checks, on stable, so a crash
//! once found stays fixed without nightly or libFuzzer. `make fuzz` runs the fuzzers themselves.

use std::path::Path;

#[allow(clippy::expect_used, clippy::missing_panics_doc, dead_code)]
#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// Runs `check` on each file under `fuzz/seeds/<target>` and `fuzz/regressions/<target>`,
/// and returns how many there were.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut count = 0;
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            check(&data);
            count += 1;
        }
    }
    count
}

#[test]
fn formula_inputs_replay() {
    assert!(replay("formula", checks::formula) > 0);
}

#[test]
fn catalogue_inputs_replay() {
    assert!(replay("catalogue", checks::catalogue) > 0);
}

#[test]
fn period_inputs_replay() {
    assert!(replay("period", checks::period) > 0);
}

#[test]
fn ledger_inputs_replay() {
    assert!(replay("ledger", checks::ledger) > 0);
}

#[test]
fn filing_inputs_replay() {
    assert!(replay("filing", checks::filing) > 0);
}

#[test]
fn field_inputs_replay() {
    assert!(replay("field", checks::field) > 0);
}
