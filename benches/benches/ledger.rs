//! The reporting data path on the bundled sample data set (54 units, 4,177 ledger entries):
//! reading the JSON Lines, verifying the hash chain, appending without and under the rules, and the
//! quality report of every unit. Throughput is in ledger entries or unit reports per second.

use std::hint::black_box;

use chiso::ledger::{Action, Ledger};
use chiso::period::parse_time;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/sample/");

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{SAMPLE}{name}")).unwrap_or_default()
}

fn ledger(c: &mut Criterion) {
    let text = read("ledger.jsonl");
    let Ok(ledger) = Ledger::from_jsonl(&text) else {
        return;
    };
    let entries = ledger.entries().len() as u64;
    let mut group = c.benchmark_group("ledger (sample)");
    group.throughput(Throughput::Elements(entries));
    group.bench_function("from_jsonl", |b| {
        b.iter(|| Ledger::from_jsonl(black_box(&text)));
    });
    group.bench_function("verify", |b| b.iter(|| black_box(&ledger).verify(None)));
    let actions: Vec<Action> = ledger.entries().iter().map(|e| e.action.clone()).collect();
    group.bench_function("append (no rules)", |b| {
        b.iter(|| {
            let mut fresh = Ledger::default();
            for action in &actions {
                let _ = fresh.append(action.clone());
            }
            fresh
        });
    });
    // Every entry again under the rules (policy, assignments, evidence), each signed by the
    // one who signed it: what a portal pays per save and per approval.
    if let Some((reporting, _)) = chiso_benches::sample() {
        group.bench_function("append (rules)", |b| {
            b.iter(|| {
                let mut fresh = Ledger::default();
                let refused = actions
                    .iter()
                    .filter(|a| {
                        reporting
                            .append(&mut fresh, a.signed_by(), (*a).clone())
                            .is_err()
                    })
                    .count();
                (fresh, refused)
            });
        });
    }
    group.finish();
}

fn quality(c: &mut Criterion) {
    let (Some((reporting, ledger)), Ok(as_of), Ok(period)) = (
        chiso_benches::sample(),
        parse_time("2026-10-15"),
        "2026-Q3".parse(),
    ) else {
        return;
    };
    let units: Vec<String> = reporting
        .tree()
        .chart()
        .units
        .iter()
        .map(|u| u.id.clone())
        .collect();
    let mut group = c.benchmark_group("quality (sample, 2026-Q3)");
    group.throughput(Throughput::Elements(units.len() as u64));
    group.bench_function("every unit", |b| {
        b.iter(|| {
            units
                .iter()
                .filter_map(|u| reporting.quality(black_box(&ledger), u, period, as_of).ok())
                .count()
        });
    });
    group.finish();
}

criterion_group!(benches, ledger, quality);
criterion_main!(benches);
