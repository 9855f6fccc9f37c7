//! Data-quality checks at national scale: every unit's report for the quarter (completeness,
//! timeliness, correctness, outliers against its peers, explanations), the ledger indexed once.
//! Throughput is in observations.

use std::hint::black_box;

use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn quality(c: &mut Criterion) {
    let mut group = c.benchmark_group("quality (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("every unit, {label}"), |b| {
            b.iter(|| {
                ready
                    .reporting
                    .quality_all(black_box(&ready.ledger), ready.period, ready.as_of)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, quality);
criterion_main!(benches);
