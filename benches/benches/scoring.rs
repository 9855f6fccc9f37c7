//! Scoring at national scale: every unit's indicator value scored by its rule (targets, steps,
//! goalposts, or against its peer group's values), as the evaluation scored them. Throughput is
//! in observations.

use std::collections::HashMap;
use std::hint::black_box;

use chiso::Value;
use chiso::evaluation::score_value;
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;

fn scoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("scoring (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let Some(evaluation) = ready.evaluate() else {
            return;
        };
        let catalogue = ready.reporting.catalogue();
        let paced = |r: &chiso::evaluation::IndicatorResult| match (&r.value, r.yearly_pace) {
            (Value::Number(x), Some(k)) => Value::Number(*x * k),
            (v, _) => v.clone(),
        };
        let mut peers: HashMap<(&str, &str), Vec<Decimal>> = HashMap::new();
        for u in &evaluation.units {
            let group = u.peer_group.as_deref().unwrap_or(&u.unit);
            for r in &u.indicators {
                if let Value::Number(x) = paced(r) {
                    peers.entry((group, &r.indicator)).or_default().push(x);
                }
            }
        }
        let mut work = Vec::new();
        for u in &evaluation.units {
            let group = u.peer_group.as_deref().unwrap_or(&u.unit);
            for r in &u.indicators {
                let (Some(indicator), Ok(year)) = (
                    catalogue.indicator(&r.indicator),
                    u16::try_from(r.period.year()),
                ) else {
                    continue;
                };
                let peers = peers
                    .get(&(group, r.indicator.as_str()))
                    .map_or(&[][..], Vec::as_slice);
                work.push((indicator, &r.rule, paced(r), year, peers));
            }
        }
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("every unit's indicators, {label}"), |b| {
            b.iter(|| {
                black_box(&work)
                    .iter()
                    .filter_map(|(indicator, rule, value, year, peers)| {
                        score_value(indicator, rule, value, *year, peers)
                    })
                    .count()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, scoring);
criterion_main!(benches);
