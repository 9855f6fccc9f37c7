//! Composites at national scale: every unit's indicator scores combined by the scheme's method
//! and missing policy (weights and points as the evaluation published them). Throughput is in
//! observations.

use std::hint::black_box;

use chiso::evaluation::{Part, Scheme, combine};
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn composite(c: &mut Criterion) {
    let mut group = c.benchmark_group("composites (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let Some(evaluation) = ready.evaluate() else {
            return;
        };
        let units: Vec<Vec<Part>> = evaluation
            .units
            .iter()
            .map(|u| {
                u.indicators
                    .iter()
                    .map(|r| Part {
                        weight: r.weight,
                        points: r.max_points,
                        fraction: r.fraction,
                    })
                    .collect()
            })
            .collect();
        let scheme = Scheme::default();
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("every unit, {label}"), |b| {
            b.iter(|| {
                black_box(&units)
                    .iter()
                    .filter_map(|parts| combine(scheme.method, parts, scheme.missing))
                    .count()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, composite);
criterion_main!(benches);
