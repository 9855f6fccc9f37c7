//! The ledger snapshot at national scale: every revision approved as of the evaluation time,
//! and the quarter's values in force. Throughput is in observations (each two ledger entries:
//! submitted, approved).

use std::hint::black_box;

use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn snapshot(c: &mut Criterion) {
    let mut group = c.benchmark_group("snapshot (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("approved as of, {label}"), |b| {
            b.iter(|| black_box(&ready.ledger).approved(Some(ready.as_of)));
        });
        group.bench_function(format!("the quarter in force, {label}"), |b| {
            b.iter(|| black_box(&ready.ledger).snapshot(ready.period, Some(ready.as_of)));
        });
    }
    group.finish();
}

criterion_group!(benches, snapshot);
criterion_main!(benches);
