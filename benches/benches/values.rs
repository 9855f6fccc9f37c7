//! Formula evaluation with roll-ups at national scale: every unit's computed Layer B and C
//! indicators for the quarter from its approved data, through the public formula API — a monthly
//! indicator's formula over its three months (a ratio of sums by default), any other's inputs
//! at the quarter, a monthly data element rolled up by its aggregation. Throughput is in
//! observations.

use std::collections::HashMap;
use std::hint::black_box;

use chiso::catalogue::IndicatorFormula;
use chiso::catalogue::{Aggregation, Layer};
use chiso::formula::{MissingStrategy, roll_up};
use chiso::period::{Cycle, Period};
use chiso::{Missing, Value};
use chiso_benches::national::{Ready, bench_sizes};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// One unit's indicator and the inputs it reads.
enum Work {
    /// A monthly indicator: its inputs month by month.
    Months(usize, Vec<Vec<Value>>),
    /// Any other: each input's months (rolled up when timed) or its quarter value.
    Quarter(usize, Vec<Result<Value, (Aggregation, Vec<Value>)>>),
}

fn values(c: &mut Criterion) {
    let mut group = c.benchmark_group("formulas with roll-ups (national)");
    group.sample_size(10);
    for (label, target) in bench_sizes() {
        let Some(ready) = Ready::new(target) else {
            return;
        };
        let catalogue = ready.reporting.catalogue();
        let formulas: Vec<IndicatorFormula> = catalogue
            .indicators
            .iter()
            .filter(|i| matches!(i.layer, Layer::B | Layer::C))
            .filter_map(|i| catalogue.compile_indicator(&i.code).ok())
            .collect();
        let approved = ready.ledger.approved(Some(ready.as_of));
        let by_key: HashMap<(&str, &str, Period), &Value> = approved
            .iter()
            .map(|s| ((s.unit.as_str(), s.item.as_str(), s.period), &s.value))
            .collect();
        let months = ready.period.children(Cycle::Monthly);
        let value = |unit: &str, code: &str, p: Period| {
            by_key
                .get(&(unit, code, p))
                .map_or(Value::Missing(Missing::NoData), |v| (*v).clone())
        };
        let mut work = Vec::new();
        for unit in &ready.reporting.tree().chart().units {
            let unit = unit.id.as_str();
            for (k, f) in formulas.iter().enumerate() {
                let inputs = f.formula().inputs();
                let monthly = catalogue
                    .indicator(f.code())
                    .is_some_and(|i| i.cycle == Cycle::Monthly);
                work.push(if monthly {
                    let rows = months
                        .iter()
                        .map(|m| inputs.iter().map(|i| value(unit, &i.code, *m)).collect())
                        .collect();
                    Work::Months(k, rows)
                } else {
                    let cells = inputs
                        .iter()
                        .map(
                            |i| match by_key.get(&(unit, i.code.as_str(), ready.period)) {
                                Some(v) => Ok((*v).clone()),
                                None => Err((
                                    catalogue
                                        .data_element(&i.code)
                                        .map_or(Aggregation::Last, |d| d.aggregation),
                                    months.iter().map(|m| value(unit, &i.code, *m)).collect(),
                                )),
                            },
                        )
                        .collect();
                    Work::Quarter(k, cells)
                });
            }
        }
        group.throughput(Throughput::Elements(ready.elements()));
        group.bench_function(format!("every unit's indicators, {label}"), |b| {
            b.iter(|| {
                let mut computed = 0_usize;
                for w in black_box(&work) {
                    let v = match w {
                        Work::Months(k, rows) => formulas[*k].evaluate_over(rows),
                        Work::Quarter(k, cells) => {
                            let inputs: Vec<Value> = cells
                                .iter()
                                .map(|c| match c {
                                    Ok(v) => v.clone(),
                                    Err((aggregation, parts)) => roll_up(
                                        *aggregation,
                                        parts,
                                        MissingStrategy::SkipIfAnyMissing,
                                    ),
                                })
                                .collect();
                            formulas[*k].evaluate(&inputs)
                        }
                    };
                    computed += usize::from(v.as_number().is_some());
                }
                computed
            });
        });
    }
    group.finish();
}

criterion_group!(benches, values);
criterion_main!(benches);
