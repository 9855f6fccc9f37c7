//! The native side of the `DataFrame` bench: `quarter DIR RUNS` reads the observations written by
//! `national` (not timed), then times importing them into a ledger (approved at once) and
//! evaluating the quarter, as `Reporting.evaluate(dataframe, …)` does from Python. Prints the
//! median of RUNS as JSON, with the sum of the units' scores to check the two sides agree.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a bench tool: printing is its output

use std::process::ExitCode;
use std::time::Instant;

use chiso::evaluation::Scheme;
use chiso::ledger::{Approval, Ledger};
use chiso::{Catalogue, Reporting};
use chiso_benches::national::{AS_OF, QUARTERS, read_observations_csv};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(runs)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: quarter DIR RUNS");
        return ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let observations = read_observations_csv(&read("observations.csv"));
    let Ok(reporting) = Reporting::from_json(
        Catalogue::nq57(),
        &read("org.json"),
        &read("assignments.json"),
        None,
    ) else {
        eprintln!("cannot read the set-up in {}", dir.display());
        return ExitCode::FAILURE;
    };
    let (Ok(period), Ok(as_of)) = (QUARTERS[1].parse(), AS_OF.parse()) else {
        return ExitCode::FAILURE;
    };
    let approval = Approval {
        by: "chiso".to_owned(),
        at: as_of,
    };
    let mut times = Vec::new();
    let mut units = 0;
    let mut total = rust_decimal::Decimal::ZERO;
    for _ in 0..runs.max(1) {
        let batch = observations.clone(); // the DataFrame's rows, converted (not timed)
        let start = Instant::now();
        let mut ledger = Ledger::default();
        if ledger.import(batch, Some(&approval)).is_err() {
            return ExitCode::FAILURE;
        }
        let Ok(evaluation) = reporting.evaluate(&ledger, period, as_of, &Scheme::default()) else {
            return ExitCode::FAILURE;
        };
        times.push(start.elapsed().as_secs_f64());
        units = evaluation.units.len();
        total = evaluation.units.iter().filter_map(|u| u.score).sum();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{{\"observations\": {}, \"units\": {units}, \"score_sum\": \"{total}\", \"seconds\": {:.4}}}",
        observations.len(),
        times[times.len() / 2]
    );
    ExitCode::SUCCESS
}
