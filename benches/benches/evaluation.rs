//! The main job on the bundled sample (53 units evaluated, 4,177 ledger entries): the whole
//! evaluation of 2026-Q3 (snapshot, quality, formulas, scores, composites, ranks with the
//! previous quarter's, progress), with and without the 50 seeded sensitivity reruns, and the
//! report and exports made from it. Throughput is in units evaluated per second.

use std::hint::black_box;

use chiso::Lang;
use chiso::evaluation::{Scheme, SensitivityRule};
use chiso::period::parse_time;
use chiso::report::{EvaluationReport, ranking_csv, ranking_html};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn evaluation(c: &mut Criterion) {
    let (Some((reporting, ledger)), Ok(as_of), Ok(period)) = (
        chiso_benches::sample(),
        parse_time("2026-10-15"),
        "2026-Q3".parse(),
    ) else {
        return;
    };
    let full = Scheme::default();
    let lean = Scheme {
        sensitivity: SensitivityRule {
            runs: 0,
            missing_policies: false,
            ..SensitivityRule::default()
        },
        ..Scheme::default()
    };
    let Ok(result) = reporting.evaluate(&ledger, period, as_of, &full) else {
        return;
    };
    let mut group = c.benchmark_group("evaluate (sample, 2026-Q3)");
    group.throughput(Throughput::Elements(result.units.len() as u64));
    group.sample_size(10);
    group.bench_function("with sensitivity (50 reruns + 2 policies)", |b| {
        b.iter(|| reporting.evaluate(black_box(&ledger), period, as_of, &full));
    });
    group.bench_function("without sensitivity", |b| {
        b.iter(|| reporting.evaluate(black_box(&ledger), period, as_of, &lean));
    });
    group.bench_function("report + CSV + HTML", |b| {
        b.iter(|| {
            let report = EvaluationReport::new(black_box(&result), reporting.catalogue());
            (
                report,
                ranking_csv(&result),
                ranking_html(&result, Lang::Vi),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, evaluation);
criterion_main!(benches);
