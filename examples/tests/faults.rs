//! The fault harness: real `chiso ledger append` processes killed (SIGKILL) at random instants,
//! and racing each other, on every backend. What must hold, every time:
//! - every entry whose append was acknowledged (the program printed it) is in the ledger, at
//!   its place, with its hash;
//! - the ledger reads and verifies, or its torn last line (never acknowledged) is named and
//!   `repair` drops exactly that;
//! - 8 writers × 100 appends at once lose nothing and keep one chain.
//!
//! `CHISO_FAULT_KILLS` sets the kills per backend (200 by default; `make soak` runs 10,000).
//! PostgreSQL runs against the server named by `CHISO_TEST_POSTGRES` (see store/tests).
#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; figures are printed

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chiso_store::{FileStore, Location, Repair, StoreError};

fn chiso() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-faults-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The backends to torment: a file, an SQLite database and, when there is a server, PostgreSQL.
fn backends() -> Vec<&'static str> {
    let mut out = vec!["file", "sqlite"];
    if std::env::var("CHISO_TEST_POSTGRES").is_ok()
        || std::env::var("CHISO_REQUIRE_POSTGRES").is_ok()
    {
        out.push("postgres");
    } else {
        eprintln!("PostgreSQL fault cases skipped: CHISO_TEST_POSTGRES is not set");
    }
    out
}

/// A fresh, empty ledger of `backend`, named after `name`.
fn location(backend: &str, name: &str) -> String {
    let dir = scratch(name);
    match backend {
        "file" => dir.join("ledger.jsonl").to_str().unwrap().to_owned(),
        "sqlite" => format!("sqlite:{}", dir.join("ledger.db").display()),
        _ => chiso_store::testing::fresh_postgres(&format!("faults_{name}")).unwrap(),
    }
}

/// A submission action file, distinct per `n`; with `long`, every fourth carries a long remark
/// (60 KB, near the bound), so that a kill can land inside a write spanning many pages and tear
/// it.
fn action(dir: &Path, n: usize, long: bool) -> PathBuf {
    let path = dir.join(format!("action-{n}.json"));
    let units = ["DN", "HP", "CT", "HUE", "HN", "HCM"];
    let remark = if long && n % 4 == 3 {
        "Giải trình số liệu. ".repeat(2200)
    } else {
        format!("lần gửi {n}")
    };
    std::fs::write(
        &path,
        format!(
            r#"{{"kind": "submit", "submission": {{"unit": "{}", "item": "B01", "period": "2026-06",
            "value": {{"number": "{n}.5"}}, "source": {{"kind": "form"}}, "submitted_by": "dau_moi",
            "submitted_at": "2026-07-01T09:00:00", "comment": "{remark}"}}}}"#,
            units[n % units.len()]
        ),
    )
    .unwrap();
    path
}

/// The (sequence, hash) an append's standard output acknowledges, if it got that far.
fn acknowledged(stdout: &[u8]) -> Option<(u64, String)> {
    let text = std::str::from_utf8(stdout).ok()?;
    let line = text.lines().next()?;
    let entry: serde_json::Value = serde_json::from_str(line).ok()?;
    Some((
        entry["sequence"].as_u64()?,
        entry["hash"].as_str()?.to_owned(),
    ))
}

/// A small, seeded generator (xorshift): the same kill instants for the same seed.
struct Draws(u64);

impl Draws {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

/// Reads the ledger at `location` as a fresh process would; a torn tail is repaired, and
/// returned as the line dropped.
fn read_back(location: &str) -> (BTreeMap<u64, String>, Option<Repair>) {
    let parsed: Location = location.parse().unwrap();
    let (store, repaired) = match chiso_store::open(&parsed, false) {
        Err(StoreError::TornTail { .. }) => {
            let Location::File(path) = &parsed else {
                panic!("a torn tail in a database")
            };
            let repair = FileStore::repair(path).unwrap();
            assert!(matches!(repair, Repair::Dropped { .. }), "{repair:?}");
            (chiso_store::open(&parsed, false).unwrap(), Some(repair))
        }
        other => (other.unwrap(), None),
    };
    let mut store = store;
    let ledger = store.ledger().unwrap();
    assert!(ledger.verify(None).valid);
    let entries = ledger
        .entries()
        .iter()
        .map(|e| (e.sequence, e.hash.clone()))
        .collect();
    (entries, repaired)
}

fn append(location: &str, action: &Path) -> Command {
    let mut command = chiso();
    command
        .args(["ledger", "append", location])
        .arg(action)
        .args(["--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

#[test]
fn kills_at_random_instants_lose_no_acknowledged_entry() {
    // In rounds, each on a fresh ledger, so that a long soak measures kills, not the time to
    // read an ever longer ledger (every append reads and verifies it whole first).
    const ROUND: usize = 250;
    let kills: usize = std::env::var("CHISO_FAULT_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let dir = scratch("kill-actions");
    let actions: Vec<PathBuf> = (0..16).map(|n| action(&dir, n, true)).collect();
    for backend in backends() {
        let mut draws = Draws(0x5eed_0057 ^ kills as u64);
        let (mut killed, mut completed, mut repairs, mut acknowledged_in_all) = (0, 0, 0, 0);
        let mut spans = Vec::new();
        for (round, first) in (0..kills).step_by(ROUND).enumerate() {
            let location = location(backend, &format!("kills_{round}"));
            // How long one append takes here, unkilled: the kills fall within about that span.
            let started = Instant::now();
            let mut acked: BTreeMap<u64, String> = BTreeMap::new();
            for a in &actions[..4] {
                let out = append(&location, a).output().unwrap();
                assert!(out.status.success(), "{location}");
                let (sequence, hash) = acknowledged(&out.stdout).unwrap();
                acked.insert(sequence, hash);
            }
            let span = u64::try_from(started.elapsed().as_micros() / 4).unwrap();
            spans.push(span);
            for k in first..kills.min(first + ROUND) {
                let mut child = append(&location, &actions[k % actions.len()])
                    .spawn()
                    .unwrap();
                std::thread::sleep(Duration::from_micros(draws.below(span * 3 / 2)));
                let _ = child.kill(); // SIGKILL
                let mut stdout = Vec::new();
                child
                    .stdout
                    .take()
                    .unwrap()
                    .read_to_end(&mut stdout)
                    .unwrap();
                if child.wait().unwrap().success() {
                    completed += 1;
                } else {
                    killed += 1;
                }
                if let Some((sequence, hash)) = acknowledged(&stdout) {
                    acked.insert(sequence, hash);
                }
                let (entries, repaired) = read_back(&location);
                repairs += usize::from(repaired.is_some());
                for (sequence, hash) in &acked {
                    assert_eq!(
                        entries.get(sequence),
                        Some(hash),
                        "{location}: acknowledged entry {sequence} lost after kill {k}"
                    );
                }
            }
            acknowledged_in_all += acked.len();
            if backend != "postgres" {
                let path = location.strip_prefix("sqlite:").unwrap_or(&location);
                let _ = std::fs::remove_dir_all(Path::new(path).parent().unwrap());
            }
        }
        spans.sort_unstable();
        eprintln!(
            "faults {backend}: {kills} kills ({killed} mid-append, {completed} finished first) in \
             {} rounds, {acknowledged_in_all} acknowledged, {repairs} torn tails repaired, 0 \
             acknowledged lost (an append takes ~{} us here, median)",
            spans.len(),
            spans[spans.len() / 2]
        );
    }
}

#[test]
fn eight_writers_racing_lose_nothing_and_keep_one_chain() {
    let writers = 8;
    let appends = 100;
    for backend in backends() {
        let location = location(backend, "race");
        let dir = scratch("race-actions");
        // Short entries: the race is about concurrency, and every append verifies the whole
        // ledger first, so 800 long ones would measure reading, not racing.
        let actions: Vec<PathBuf> = (0..writers).map(|n| action(&dir, n, false)).collect();
        let acked: Vec<Vec<(u64, String)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = actions
                .iter()
                .map(|a| {
                    let location = &location;
                    scope.spawn(move || {
                        (0..appends)
                            .map(|_| {
                                // Its error kept (the kill test drops it): a failed append
                                // says why, and how it ended.
                                let out =
                                    append(location, a).stderr(Stdio::piped()).output().unwrap();
                                assert!(
                                    out.status.success(),
                                    "{location}: an append failed ({}): {} {}",
                                    out.status,
                                    String::from_utf8_lossy(&out.stderr),
                                    String::from_utf8_lossy(&out.stdout)
                                );
                                acknowledged(&out.stdout).unwrap()
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let (entries, repaired) = read_back(&location);
        assert!(repaired.is_none());
        assert_eq!(entries.len(), writers * appends, "{location}");
        let mut sequences: Vec<u64> = acked.iter().flatten().map(|(s, _)| *s).collect();
        sequences.sort_unstable();
        sequences.dedup();
        assert_eq!(
            sequences.len(),
            writers * appends,
            "{location}: a sequence acknowledged twice"
        );
        for (sequence, hash) in acked.iter().flatten() {
            assert_eq!(
                entries.get(sequence),
                Some(hash),
                "{location}: entry {sequence} lost"
            );
        }
        eprintln!(
            "race {location}: {writers} writers x {appends} appends, all {} acknowledged entries present, chain verifies",
            writers * appends
        );
    }
}
