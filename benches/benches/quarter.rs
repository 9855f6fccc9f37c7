//! The whole national quarter end to end: the observations imported into the ledger (each
//! submitted and approved, hash-chained) and the quarter evaluated (snapshot, quality, formulas,
//! scores, composites, ranks with the previous quarter's, progress, 50 sensitivity reruns);
//! and the evaluation alone, from a ledger already in memory (a portal recomputing on save).
//! Throughput is in observations; compare the sizes for the slope.

use std::hint::black_box;

use chiso::evaluation::Scheme;
use chiso::ledger::Ledger;
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn quarter(c: &mut Criterion) {
    let mut group = c.benchmark_group("quarter (national)");
    group.sample_size(10);
    let scheme = Scheme::default();
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let approval = ready.approval();
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("import + evaluate, {label}"), |b| {
            b.iter_batched(
                || ready.observations.clone(),
                |rows| {
                    let mut ledger = Ledger::default();
                    let imported = ledger.import(rows, Some(&approval));
                    let evaluation =
                        ready
                            .reporting
                            .evaluate(&ledger, ready.period, ready.as_of, &scheme);
                    (imported, evaluation)
                },
                BatchSize::PerIteration,
            );
        });
        group.bench_function(format!("evaluate, {label}"), |b| {
            b.iter(|| {
                ready.reporting.evaluate(
                    black_box(&ready.ledger),
                    ready.period,
                    ready.as_of,
                    &scheme,
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, quarter);
criterion_main!(benches);
