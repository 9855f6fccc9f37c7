//! One durable append to a ledger of 10 thousand and of 1 million entries, on each store: the
//! cost must not grow with the ledger. Each store is filled in bulk first (the file written
//! whole, the databases in one transaction or COPY), then opened once (read and verified whole,
//! as a portal does at start), and then each measured append is the real one: lock, read what
//! others appended, prepare and check the entry, write, sync, anchor.
//!
//! `cargo bench -p chiso-benches --bench append` (PostgreSQL when `CHISO_TEST_POSTGRES` names a
//! server: `make bench-store` starts one). Under `cargo test --benches` the sizes are 1 and 10
//! thousand, so the check stays quick.

use std::io::Write;
use std::path::{Path, PathBuf};

use chiso::ledger::{Action, Entry, Ledger, Submission};
use chiso_store::{FileStore, PostgresStore, SqliteStore, Store};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn submission(n: usize) -> Submission {
    let units = ["DN", "HP", "CT", "HUE", "HN", "HCM", "BKHCN"];
    serde_json::from_value(serde_json::json!({
        "unit": units[n % units.len()], "item": "B01", "period": "2026-06",
        "value": {"number": format!("{}.5", n % 1000)}, "source": {"kind": "form"},
        "submitted_by": "dau_moi", "submitted_at": "2026-07-01T09:00:00"
    }))
    .unwrap_or_else(|e| panic!("a bench submission: {e}"))
}

/// `size` entries, stamped as a store stamps them.
fn entries(size: usize) -> Vec<Entry> {
    let mut ledger = Ledger::default();
    let at = "2026-07-02T08:00:00".parse().unwrap_or_default();
    for n in 0..size {
        let action = Action::Submit {
            submission: submission(n),
        };
        assert!(
            ledger.append_at(action, at).is_ok(),
            "a bench entry was refused"
        );
    }
    ledger.entries().to_vec()
}

fn anchor_json(entries: &[Entry]) -> String {
    let last = entries.last().map_or((0, chiso::ledger::GENESIS), |e| {
        (e.sequence, e.hash.as_str())
    });
    format!("{{\"sequence\":{},\"hash\":\"{}\"}}\n", last.0, last.1)
}

fn fill_file(dir: &Path, entries: &[Entry]) -> PathBuf {
    let path = dir.join("ledger.jsonl");
    let mut file =
        std::io::BufWriter::new(std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}")));
    for entry in entries {
        let _ = writeln!(file, "{}", chiso::to_json(entry));
    }
    drop(file);
    std::fs::write(FileStore::anchor_path(&path), anchor_json(entries))
        .unwrap_or_else(|e| panic!("{e}"));
    path
}

fn fill_sqlite(dir: &Path, entries: &[Entry]) -> PathBuf {
    let path = dir.join("ledger.db");
    drop(SqliteStore::open(&path).unwrap_or_else(|e| panic!("{e}")));
    let mut db = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let tx = db.transaction().unwrap_or_else(|e| panic!("{e}"));
    {
        let mut insert = tx
            .prepare("INSERT INTO chiso_ledger (sequence, previous, hash, entry) VALUES (?1, ?2, ?3, ?4)")
            .unwrap_or_else(|e| panic!("{e}"));
        for e in entries {
            let sequence = i64::try_from(e.sequence).unwrap_or(i64::MAX);
            insert
                .execute(rusqlite::params![
                    sequence,
                    e.previous,
                    e.hash,
                    chiso::to_json(e)
                ])
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    if let Some(last) = entries.last() {
        let sequence = i64::try_from(last.sequence).unwrap_or(i64::MAX);
        tx.execute(
            "UPDATE chiso_anchor SET sequence = ?1, hash = ?2 WHERE id = 1",
            rusqlite::params![sequence, last.hash],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    tx.commit().unwrap_or_else(|e| panic!("{e}"));
    path
}

fn fill_postgres(base: &str, size: usize, entries: &[Entry]) -> String {
    let database = format!("chiso_bench_append_{size}");
    let mut admin =
        postgres::Client::connect(base, postgres::NoTls).unwrap_or_else(|e| panic!("{e}"));
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {database}"));
    admin
        .batch_execute(&format!("CREATE DATABASE {database}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "{}/{database}",
        base.rsplit_once('/').map_or(base, |(s, _)| s)
    );
    drop(PostgresStore::open(&url).unwrap_or_else(|e| panic!("{e}")));
    let mut db = postgres::Client::connect(&url, postgres::NoTls).unwrap_or_else(|e| panic!("{e}"));
    let mut copy = db
        .copy_in("COPY chiso_ledger (sequence, previous, hash, entry) FROM STDIN")
        .unwrap_or_else(|e| panic!("{e}"));
    for e in entries {
        let line = chiso::to_json(e);
        // COPY's text format: these entries hold no tab, newline or backslash.
        assert!(!line.contains(['\t', '\n', '\\']));
        let _ = writeln!(copy, "{}\t{}\t{}\t{line}", e.sequence, e.previous, e.hash);
    }
    // Not analysed here: the store notices the planner's stale idea of the table on opening.
    copy.finish().unwrap_or_else(|e| panic!("{e}"));
    if let Some(last) = entries.last() {
        let sequence = i64::try_from(last.sequence).unwrap_or(i64::MAX);
        db.execute(
            "UPDATE chiso_anchor SET sequence = $1, hash = $2 WHERE id = 1",
            &[&sequence, &last.hash],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    url
}

fn append(c: &mut Criterion) {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full {
        &[10_000, 1_000_000]
    } else {
        &[1_000, 10_000]
    };
    let postgres = std::env::var("CHISO_TEST_POSTGRES").ok();
    let dir = std::env::temp_dir().join(format!("chiso-bench-append-{}", std::process::id()));
    let mut group = c.benchmark_group("append one entry");
    group.throughput(Throughput::Elements(1));
    group.sample_size(if full { 100 } else { 10 });
    let mut n = 0;
    let mut next = move || {
        n += 1;
        Action::Submit {
            submission: submission(n),
        }
    };
    for &size in sizes {
        let place = dir.join(size.to_string());
        let _ = std::fs::remove_dir_all(&place);
        std::fs::create_dir_all(&place).unwrap_or_else(|e| panic!("{e}"));
        let written = entries(size);
        let mut stores: Vec<(&str, Box<dyn Store>)> = vec![
            (
                "file",
                Box::new(
                    FileStore::open(fill_file(&place, &written)).unwrap_or_else(|e| panic!("{e}")),
                ),
            ),
            (
                "sqlite",
                Box::new(
                    SqliteStore::open(fill_sqlite(&place, &written))
                        .unwrap_or_else(|e| panic!("{e}")),
                ),
            ),
        ];
        if let Some(base) = &postgres {
            let url = fill_postgres(base, size, &written);
            stores.push((
                "postgres",
                Box::new(PostgresStore::open(&url).unwrap_or_else(|e| panic!("{e}"))),
            ));
        }
        drop(written);
        for (backend, store) in &mut stores {
            group.bench_function(format!("{backend} at {size} entries"), |b| {
                b.iter_batched(
                    &mut next,
                    |action| store.append(action).unwrap_or_else(|e| panic!("{e}")),
                    BatchSize::SmallInput,
                );
            });
        }
        drop(stores);
        let _ = std::fs::remove_dir_all(&place);
    }
    group.finish();
}

criterion_group!(benches, append);
criterion_main!(benches);
