//! The report at national scale: the summary and narrative of the evaluation, and the ranking
//! as CSV and HTML. Throughput is in observations.

use std::hint::black_box;

use chiso::Lang;
use chiso::report::{EvaluationReport, ranking_csv, ranking_html};
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let Some(evaluation) = ready.evaluate() else {
            return;
        };
        let catalogue = ready.reporting.catalogue();
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("summary + narrative + CSV + HTML, {label}"), |b| {
            b.iter(|| {
                let evaluation = black_box(&evaluation);
                (
                    EvaluationReport::new(evaluation, catalogue),
                    ranking_csv(evaluation),
                    ranking_html(evaluation, Lang::Vi),
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
