//! The national quarter end to end, native: `quarter DIR RUNS [--ranking FILE] [--jsonl FILE]
//! [--evaluation FILE] [--via-jsonl FILE]`
//! reads the data set written by `national` (not timed), then times importing the observations
//! into a ledger (each submitted and approved, hash-chained), building its columns (the read
//! model) and evaluating the quarter over them, as
//! `Reporting.evaluate(dataframe, …)` does from Python. Prints the medians of RUNS as JSON, with
//! the sum of the units' scores (to check that every side agrees), the evaluation's CPU time
//! (user and system, every thread: steadier than its wall time on a shared machine), the peak
//! resident memory (and the resident memory after loading and after each stage) and
//! the input's size. The last run takes the rows rather than a copy of them: with RUNS 1 the
//! peak is what importing them once costs (with more, the earlier runs' copies count in it). `--ranking` writes the published ranking as CSV (for the pandas baseline to
//! compare), `--evaluation` the whole evaluation as JSON, `--jsonl` the ledger (for the wasm side).
//! `--via-jsonl FILE` times what the wasm side does instead: the ledger read from JSON Lines
//! (hashes verified entry by entry), then evaluated and the evaluation written as JSON.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a bench tool: printing is its output

use std::process::ExitCode;
use std::time::Instant;

use chiso::columns::LedgerColumns;
use chiso::evaluation::Scheme;
use chiso::ledger::{Approval, Ledger};
use chiso::{Catalogue, Reporting};
use chiso_benches::national::{
    AS_OF, QUARTER, cpu_seconds, peak_rss_bytes, read_observations_csv, rss_bytes,
};

/// The allocator the `chiso` program and the Python module use (glibc measured beside it in
/// BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(runs)) = (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!(
            "usage: quarter DIR RUNS [--ranking FILE] [--jsonl FILE] [--evaluation FILE] [--via-jsonl FILE]"
        );
        return ExitCode::from(2);
    };
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let Some((mut observations, reporting, input)) = load(std::path::Path::new(dir)) else {
        return ExitCode::FAILURE;
    };
    let (Ok(period), Ok(as_of)) = (QUARTER.parse(), AS_OF.parse()) else {
        return ExitCode::FAILURE;
    };
    let approval = Approval {
        by: "chiso".to_owned(),
        at: as_of,
    };
    // A ledger file that cannot be read is an error, not an empty ledger to time.
    let jsonl = match option("--via-jsonl")
        .map(std::fs::read_to_string)
        .transpose()
    {
        Ok(jsonl) => jsonl,
        Err(e) => {
            eprintln!("cannot read the --via-jsonl ledger: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut imports, mut builds, mut evaluations) = (Vec::new(), Vec::new(), Vec::new());
    // The evaluation's CPU time, user and system, of every thread.
    let mut evaluation_cpu = Vec::new();
    // Resident memory after loading, and after each stage of the last run.
    let mut resident = [rss_bytes().unwrap_or(0), 0, 0, 0];
    let mut last = None;
    let rows = observations.len();
    let runs = runs.max(1);
    for run in 1..=runs {
        // The DataFrame's rows, converted (not timed): a copy for every run but the last, which
        // takes them, as a program importing them once does (no second copy held at the peak).
        drop(last.take()); // the previous run's ledger and evaluation freed before the next
        let batch = if run == runs {
            std::mem::take(&mut observations)
        } else {
            observations.clone()
        };
        let start = Instant::now();
        let ledger = if let Some(text) = &jsonl {
            Ledger::from_jsonl(text)
        } else {
            let mut ledger = Ledger::default();
            ledger
                .import_observations(batch, Some(&approval))
                .map(|_| ledger)
        };
        let Ok(ledger) = ledger else {
            return ExitCode::FAILURE;
        };
        let imported = Instant::now();
        resident[1] = rss_bytes().unwrap_or(0);
        // The read model, built once as a portal keeps it (and brings it up to date).
        let columns = LedgerColumns::new(&ledger, Some(as_of));
        let built = Instant::now();
        resident[2] = rss_bytes().unwrap_or(0);
        let cpu_before = cpu_seconds().unwrap_or_default();
        let scheme = Scheme::default();
        let Ok(evaluation) = reporting.evaluate_columns(&ledger, &columns, period, as_of, &scheme)
        else {
            return ExitCode::FAILURE;
        };
        if jsonl.is_some() {
            std::hint::black_box(evaluation.to_json());
        }
        evaluations.push(built.elapsed().as_secs_f64());
        let cpu_after = cpu_seconds().unwrap_or_default();
        evaluation_cpu.push((cpu_after.0 - cpu_before.0, cpu_after.1 - cpu_before.1));
        resident[3] = rss_bytes().unwrap_or(0);
        builds.push((built - imported).as_secs_f64());
        imports.push((imported - start).as_secs_f64());
        last = Some((ledger, evaluation));
    }
    let Some((ledger, evaluation)) = last else {
        return ExitCode::FAILURE;
    };
    if let Err(e) = write_asked(&option, &ledger, &evaluation) {
        eprintln!("cannot write: {e}");
        return ExitCode::FAILURE;
    }
    let times = [imports, builds, evaluations];
    print_summary(rows, &evaluation, times, &evaluation_cpu, input, resident);
    ExitCode::SUCCESS
}

/// Writes the files the options ask for: the ranking as CSV, the ledger as JSON Lines, the
/// evaluation as JSON.
fn write_asked<'a>(
    option: &dyn Fn(&str) -> Option<&'a String>,
    ledger: &Ledger,
    evaluation: &chiso::evaluation::Evaluation,
) -> std::io::Result<()> {
    if let Some(f) = option("--ranking") {
        std::fs::write(f, chiso::report::ranking_csv(evaluation))?;
    }
    if let Some(f) = option("--jsonl") {
        std::fs::write(f, ledger.to_jsonl())?;
    }
    if let Some(f) = option("--evaluation") {
        std::fs::write(f, chiso::to_json(evaluation))?;
    }
    Ok(())
}

/// Prints the medians of the stages' `times` (import, columns, evaluation) and of the
/// evaluation's CPU time as JSON, with the set-up's time, what tells the sides apart and the
/// memory used.
fn print_summary(
    observations: usize,
    evaluation: &chiso::evaluation::Evaluation,
    times: [Vec<f64>; 3],
    evaluation_cpu: &[(f64, f64)],
    input: Input,
    resident: [u64; 4],
) {
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or_default()
    };
    let [import, build, evaluate] = times.map(median);
    let user = median(evaluation_cpu.iter().map(|c| c.0).collect());
    let system = median(evaluation_cpu.iter().map(|c| c.1).collect());
    let total: rust_decimal::Decimal = evaluation.units.iter().filter_map(|u| u.score).sum();
    let [loaded, imported, columned, evaluated] = resident;
    println!(
        "{{\"observations\": {observations}, \"units\": {}, \"score_sum\": \"{total}\", \"setup_seconds\": {:.4}, \"import_seconds\": {import:.4}, \"columns_seconds\": {build:.4}, \"evaluate_seconds\": {evaluate:.4}, \"evaluate_cpu\": {{\"user\": {user:.2}, \"system\": {system:.2}}}, \"seconds\": {:.4}, \"input_bytes\": {}, \"peak_rss_bytes\": {}, \"rss_after\": {{\"load\": {loaded}, \"import\": {imported}, \"columns\": {columned}, \"evaluation\": {evaluated}}}}}",
        evaluation.units.len(),
        input.setup_seconds,
        import + build + evaluate,
        input.bytes,
        peak_rss_bytes().unwrap_or(0),
    );
}

/// What loading the data set tells of it: the observations file's size, and the time reading
/// the set-up took (the organisation chart and every assignment checked and expanded, as the
/// `chiso` program does before each run).
#[derive(Clone, Copy)]
struct Input {
    bytes: usize,
    setup_seconds: f64,
}

/// The data set `national` wrote to `dir`: its observations, its set-up and the size of the
/// observations file, or `None` after saying what could not be read.
fn load(dir: &std::path::Path) -> Option<(chiso::ledger::Observations, Reporting, Input)> {
    let read = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name));
        if let Err(e) = &text {
            eprintln!("cannot read {}: {e}", dir.join(name).display());
        }
        text.ok()
    };
    let csv = read("observations.csv")?;
    let observations = read_observations_csv(&csv);
    let Ok(catalogue) = Catalogue::from_json(&read("catalogue.json")?) else {
        eprintln!("cannot read the catalogue in {}", dir.display());
        return None;
    };
    let org = read("org.json")?;
    let assignments = read("assignments.json")?;
    let start = Instant::now();
    let reporting = Reporting::from_json(catalogue, &org, &assignments, None);
    let setup_seconds = start.elapsed().as_secs_f64();
    let Ok(reporting) = reporting else {
        eprintln!("cannot read the set-up in {}", dir.display());
        return None;
    };
    let input = Input {
        bytes: csv.len(),
        setup_seconds,
    };
    Some((observations, reporting, input))
}
