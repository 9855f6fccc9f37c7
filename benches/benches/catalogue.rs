//! Catalogue loading and validation: the embedded NQ57 set and synthetic sets of growing size.
//! Throughput is reported in bytes of catalogue JSON per second.

use chiso::{Catalogue, catalogue};
use chiso_benches::{nq57_json, scaled_catalogue};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn nq57(c: &mut Criterion) {
    let text = nq57_json();
    let mut group = c.benchmark_group("nq57");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("embedded (parse only)", |b| b.iter(Catalogue::nq57));
    group.bench_function("from_json (parse + validate)", |b| {
        b.iter(|| Catalogue::from_json(black_box(text)));
    });
    let parsed = Catalogue::nq57();
    group.bench_function("validate (parsed)", |b| {
        b.iter(|| black_box(&parsed).validate());
    });
    group.bench_function("to_json", |b| b.iter(|| black_box(&parsed).to_json()));
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("check (parse + validate)");
    for size in [250, 1_000, 4_000] {
        let text = scaled_catalogue(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{size} indicators"), |b| {
            b.iter(|| catalogue::check(black_box(&text)));
        });
    }
    group.finish();
}

criterion_group!(benches, nq57, scaling);
criterion_main!(benches);
