//! Ten years of every unit's reporting, evaluated quarter by quarter (issue 19):
//! `history SCALE YEARS` takes the units of the national set of SCALE (`1x`: 3,668 units) and,
//! for each quarter of the YEARS years up to 2026-Q4, generates what they report in it (not
//! timed), imports it into the one growing ledger (each row submitted and approved,
//! hash-chained), builds the columns as of the quarter's evaluation (the 15th of the month
//! after it) and evaluates the quarter over them, dropping the evaluation before the next.
//! Prints a JSON line a quarter (its rows, the ledger's, the three times, resident memory) and
//! a last line with the totals, the verification of the whole chain and the peak memory.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a bench tool: printing is its output

use std::process::ExitCode;
use std::time::Instant;

use chiso::Reporting;
use chiso::columns::LedgerColumns;
use chiso::evaluation::Scheme;
use chiso::ledger::{Approval, Ledger};
use chiso::period::Period;
use chiso_benches::history::{evaluated_at, observations};
use chiso_benches::national::{peak_rss_bytes, rss_bytes, setup, size_of};

/// The allocator the `chiso` program and the Python module use.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The last quarter of the history.
const LAST: &str = "2026-Q4";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(target), Some(years)) = (
        args.get(1).and_then(|s| size_of(s)),
        args.get(2).and_then(|n| n.parse::<u32>().ok()),
    ) else {
        eprintln!("usage: history SCALE YEARS   (e.g. history 1x 10)");
        return ExitCode::from(2);
    };
    let Some(quarters) = quarters(years) else {
        eprintln!("cannot count {years} years back from {LAST}");
        return ExitCode::FAILURE;
    };
    let Some(&first) = quarters.first() else {
        return ExitCode::from(2);
    };
    let setup = setup(target, first);
    // Read from its parts, checked as `Reporting::from_json` checks them: past 1x the
    // assignments as one JSON document pass the readers' bound on a document's size.
    let tree = match chiso::org::OrgTree::from_json(&setup.org) {
        Ok(tree) => tree,
        Err(e) => {
            eprintln!("the generated organisation chart does not read: {e}");
            return ExitCode::FAILURE;
        }
    };
    let findings = chiso::org::check_assignments(&setup.catalogue, &tree, &setup.assignments);
    if let Some(finding) = findings.first() {
        eprintln!("the generated assignments do not hold: {finding:?}");
        return ExitCode::FAILURE;
    }
    let reporting = Reporting::new(
        setup.catalogue.clone(),
        tree,
        setup.assignments.clone(),
        chiso::period::ReportingCalendar::default(),
    );
    let scheme = Scheme::default();
    let mut ledger = Ledger::default();
    let (mut rows, mut import, mut columns_total, mut evaluate) = (0usize, 0.0, 0.0, 0.0);
    let started = Instant::now();
    for (index, &quarter) in (0u32..).zip(&quarters) {
        let Some(as_of) = evaluated_at(quarter) else {
            return ExitCode::FAILURE;
        };
        let batch = observations(&setup, quarter, index, 57);
        let added = batch.len();
        let approval = Approval {
            by: "chiso".to_owned(),
            at: as_of,
        };
        let start = Instant::now();
        if let Err(e) = ledger.import_observations(batch, Some(&approval)) {
            eprintln!("{quarter}: the import was refused: {e}");
            return ExitCode::FAILURE;
        }
        let imported = Instant::now();
        let columns = LedgerColumns::new(&ledger, Some(as_of));
        let built = Instant::now();
        let Ok(evaluation) = reporting.evaluate_columns(&ledger, &columns, quarter, as_of, &scheme)
        else {
            eprintln!("{quarter}: the evaluation failed");
            return ExitCode::FAILURE;
        };
        let done = Instant::now();
        let scored = evaluation
            .units
            .iter()
            .filter(|u| u.score.is_some())
            .count();
        let sum: rust_decimal::Decimal = evaluation.units.iter().filter_map(|u| u.score).sum();
        drop(evaluation);
        drop(columns);
        rows += added;
        let times = [imported - start, built - imported, done - built].map(|d| d.as_secs_f64());
        import += times[0];
        columns_total += times[1];
        evaluate += times[2];
        println!(
            "{{\"quarter\": \"{quarter}\", \"rows\": {added}, \"ledger_rows\": {rows}, \"units_scored\": {scored}, \"score_sum\": \"{sum}\", \"import_seconds\": {:.3}, \"columns_seconds\": {:.3}, \"evaluate_seconds\": {:.3}, \"rss_bytes\": {}}}",
            times[0],
            times[1],
            times[2],
            rss_bytes().unwrap_or(0),
        );
    }
    let start = Instant::now();
    let verification = ledger.verify(None);
    let verify = start.elapsed().as_secs_f64();
    println!(
        "{{\"quarters\": {}, \"units\": {}, \"ledger_rows\": {rows}, \"entries\": {}, \"chain_intact\": {}, \"import_seconds\": {import:.2}, \"columns_seconds\": {columns_total:.2}, \"evaluate_seconds\": {evaluate:.2}, \"verify_seconds\": {verify:.2}, \"wall_seconds\": {:.1}, \"peak_rss_bytes\": {}}}",
        quarters.len(),
        setup.units.len(),
        verification.entries,
        verification.valid,
        started.elapsed().as_secs_f64(),
        peak_rss_bytes().unwrap_or(0),
    );
    if verification.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The quarters of the `years` years ending with [`LAST`], oldest first.
fn quarters(years: u32) -> Option<Vec<Period>> {
    let mut quarter: Period = LAST.parse().ok()?;
    let mut out = vec![quarter];
    for _ in 1..years.checked_mul(4)? {
        quarter = quarter.previous()?;
        out.push(quarter);
    }
    out.reverse();
    Some(out)
}
