//! Ranking at national scale: every peer group's units ranked on their scores under the
//! scheme's rule (rounding, ties). Throughput is in observations.

use std::hint::black_box;

use chiso::evaluation::rank;
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;

/// A peer group's scores, and the rule it is ranked by.
type Group = (
    Vec<(String, Option<Decimal>)>,
    chiso::evaluation::RankingRule,
);

fn ranking(c: &mut Criterion) {
    let mut group = c.benchmark_group("ranking (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let Some(evaluation) = ready.evaluate() else {
            return;
        };
        let groups: Vec<Group> = evaluation
            .rankings
            .iter()
            .map(|g| {
                let scores = g.rows.iter().map(|r| (r.unit.clone(), r.score)).collect();
                (scores, g.rule)
            })
            .collect();
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("every peer group, {label}"), |b| {
            b.iter(|| {
                black_box(&groups)
                    .iter()
                    .map(|(scores, rule)| rank(scores, *rule).len())
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, ranking);
criterion_main!(benches);
