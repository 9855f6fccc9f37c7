//! A 10-node formula over 1,000,000 rows of inputs: compiled (the engine's path) beside the
//! tree-walking reference interpreter, reported as rows per second (ns per row = 1e9 / rate).

use chiso::formula::{self, Values};
use chiso_benches::formula_columns;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// 10 nodes: 100, a, b, −, abs, ×, c, d, +, ÷.
const FORMULA: &str = "100 * abs(a - b) / (c + d)";
const ROWS: usize = 1_000_000;

#[allow(clippy::needless_range_loop)] // the tree walk reads four columns at one row index
fn evaluate(c: &mut Criterion) {
    let columns = formula_columns(ROWS);
    let names: Values = ["a", "b", "c", "d"]
        .iter()
        .map(|n| ((*n).to_owned(), columns[0][0].clone()))
        .collect();
    let compiled = formula::compile(FORMULA, &names).unwrap_or_else(|e| panic!("{e}"));
    let expr = formula::parse(FORMULA).unwrap_or_else(|e| panic!("{e}"));
    let slices: Vec<&[chiso::Value]> = columns.iter().map(Vec::as_slice).collect();

    let mut group = c.benchmark_group("formula (10 nodes, 1M rows)");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(10);
    group.bench_function("compiled", |b| {
        let mut evaluator = compiled.evaluator();
        let mut out = Vec::with_capacity(ROWS);
        b.iter(|| {
            out.clear();
            evaluator.evaluate_columns(black_box(&slices), &mut out);
            out.len()
        });
    });
    group.bench_function("tree walk (reference)", |b| {
        b.iter(|| {
            let mut last = chiso::Value::Bool(false);
            for row in 0..ROWS {
                let lookup = |code: &str, _| match code {
                    "a" => slices[0][row].clone(),
                    "b" => slices[1][row].clone(),
                    "c" => slices[2][row].clone(),
                    _ => slices[3][row].clone(),
                };
                last = formula::interpret(black_box(&expr), &lookup);
            }
            last
        });
    });
    group.bench_function("hand-written Rust (the floor)", |b| {
        // What a programmer would write for this one formula with rust_decimal directly: the
        // cost of the decimal arithmetic alone, with nothing interpreted.
        b.iter(|| {
            let mut out = Vec::with_capacity(ROWS);
            for row in 0..ROWS {
                let number = |column: usize| slices[column][row].as_number();
                let value = match (number(0), number(1), number(2), number(3)) {
                    (Some(first), Some(second), Some(third), Some(fourth)) => {
                        let top = first
                            .checked_sub(second)
                            .map(|x| x.abs())
                            .and_then(|x| x.checked_mul(100.into()));
                        let bottom = third.checked_add(fourth).filter(|x| !x.is_zero());
                        bottom.and_then(|bottom| top?.checked_div(bottom))
                    }
                    _ => None,
                };
                out.push(value);
            }
            out.len()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("formula compile");
    group.bench_function("check + compile", |b| {
        b.iter(|| formula::compile(black_box(FORMULA), &names));
    });
    group.finish();
}

criterion_group!(benches, evaluate);
criterion_main!(benches);
