//! `chiso ledger ...`: append to, verify, repair, snapshot and export a ledger kept in a
//! store: a JSON Lines file, an SQLite database (`sqlite:FILE`) or PostgreSQL (`postgres://…`).

use std::path::PathBuf;

use chiso::Catalogue;
use chiso::ledger::{Action, Rules};
use chiso::org::{Assignment, OrgTree};
use chiso::{Lang, Text};
use chiso_store::{FileStore, Location, Repair, StoreError};
use clap::Subcommand;

use crate::Failure;
use crate::catalogue::{Format, View, load_catalogue, read};
use crate::output::{print, table};
use crate::store::{check_head, failure, open, verified};

#[derive(Subcommand)]
pub enum Command {
    /// Append one action (a JSON file: `{"kind": "submit", "submission": {…}}`, `approve`,
    /// `return` or `explain`) to the ledger, creating it if absent. The store stamps the entry
    /// with its own clock; the entry is acknowledged once durable. With `--actor` (which needs
    /// `--org`), the unit, item, cycle and access policy are checked too.
    Append {
        /// The ledger: a .jsonl file, sqlite:FILE or postgres://….
        ledger: String,
        /// The action (JSON).
        action: PathBuf,
        /// The acting unit.
        #[arg(long, requires = "org")]
        actor: Option<String>,
        /// The organisation chart (JSON).
        #[arg(long, value_name = "FILE", requires = "actor")]
        org: Option<PathBuf>,
        /// The assignments (a JSON array).
        #[arg(long, value_name = "FILE", requires = "org")]
        assignments: Option<PathBuf>,
        /// The catalogue (the embedded NQ57 set by default).
        #[arg(long, value_name = "FILE")]
        catalogue: Option<PathBuf>,
        /// Refuse unless the ledger passes through this head hash, published earlier.
        #[arg(long)]
        head: Option<String>,
        #[command(flatten)]
        view: View,
    },
    /// Check the hash chain and the anchor; with `--head`, also against a published head.
    Verify {
        /// The ledger: a .jsonl file, sqlite:FILE or postgres://….
        ledger: String,
        /// The head hash published earlier.
        #[arg(long)]
        head: Option<String>,
        #[command(flatten)]
        view: View,
    },
    /// Drop a torn last line that a writer killed mid-write left in a JSON Lines ledger (it was
    /// never acknowledged), and say exactly what was dropped. Nothing acknowledged is dropped.
    Repair {
        /// The ledger (JSON Lines).
        ledger: PathBuf,
        #[command(flatten)]
        view: View,
    },
    /// The values in force for a period: the latest approved revision of each unit and item.
    Snapshot {
        /// The ledger: a .jsonl file, sqlite:FILE or postgres://….
        ledger: String,
        /// The period.
        #[arg(long)]
        period: String,
        /// As approvals stood at this time (`YYYY-MM-DDTHH:MM:SS`).
        #[arg(long)]
        as_of: Option<String>,
        /// Refuse unless the ledger passes through this head hash, published earlier.
        #[arg(long)]
        head: Option<String>,
        #[command(flatten)]
        view: View,
    },
    /// Print the ledger as canonical JSON Lines (after checking the chain and the anchor).
    Export {
        /// The ledger: a .jsonl file, sqlite:FILE or postgres://….
        ledger: String,
        /// Refuse unless the ledger passes through this head hash, published earlier.
        #[arg(long)]
        head: Option<String>,
    },
}

pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Append {
            ledger,
            action,
            actor,
            org,
            assignments,
            catalogue,
            head,
            view,
        } => {
            let action: Action =
                Action::from_json(&read(&action)?).map_err(|e| Failure::from_error(&e))?;
            let policy = policy(
                actor,
                org,
                assignments.as_deref(),
                catalogue.as_deref(),
                &view,
            )?;
            let mut store = open(&ledger, true)?;
            if let Some(head) = &head {
                verified(store.as_mut(), Some(head))?;
            }
            let appended = match &policy {
                Some((actor, tree, assignments, catalogue)) => {
                    let rules = Rules::new(catalogue, tree, assignments);
                    store.append_with(&mut |ledger, now| {
                        rules.prepare(ledger, actor, action.clone(), Some(now))
                    })
                }
                None => store.append(action),
            };
            let entry = appended.map_err(|e| failure(&e))?;
            let recorded = entry.recorded_at.map(|t| t.to_string()).unwrap_or_default();
            let said = Text::new(
                format!(
                    "Đã ghi mục {} ({}) lúc {recorded}.\n",
                    entry.sequence, entry.hash
                ),
                format!(
                    "Appended entry {} ({}) at {recorded}.\n",
                    entry.sequence, entry.hash
                ),
            );
            match view.format {
                Format::Json => print(&(chiso::to_json(&entry) + "\n")),
                Format::Table => print(said.get(view.lang())),
            }
        }
        Command::Verify { ledger, head, view } => verify(&ledger, head.as_deref(), &view),
        Command::Repair { ledger, view } => repair(&ledger, &view),
        Command::Snapshot {
            ledger,
            period,
            as_of,
            head,
            view,
        } => {
            let period = period.parse().map_err(|e| Failure::from_error(&e))?;
            let as_of = as_of
                .map(|t| chiso::period::parse_time(&t).map_err(|e| Failure::from_error(&e)))
                .transpose()?;
            let mut store = open(&ledger, false)?;
            let values = verified(store.as_mut(), head.as_deref())?.snapshot(period, as_of);
            if view.format == Format::Json {
                return print(&(chiso::to_json(&values) + "\n"));
            }
            let lang = view.lang();
            let header: [&str; 5] = if lang == Lang::Vi {
                ["Đơn vị", "Chỉ tiêu", "Giá trị", "Lần gửi", "Phê duyệt"]
            } else {
                ["Unit", "Item", "Value", "Revision", "Approved"]
            };
            let rows = values.iter().map(|v| {
                vec![
                    v.unit.clone(),
                    v.item.clone(),
                    v.value.describe(lang),
                    v.revision.to_string(),
                    v.approved_at.to_string(),
                ]
            });
            print(&table(&header, rows))
        }
        Command::Export { ledger, head } => {
            let mut store = open(&ledger, false)?;
            print(&verified(store.as_mut(), head.as_deref())?.to_jsonl())
        }
    }
}

/// The acting person, and what the rules read: the chart, the checked assignments, the catalogue.
type Acting = (String, OrgTree, Vec<Assignment>, Catalogue);

/// The acting person and what the rules read, when `--actor` and `--org` are given.
fn policy(
    actor: Option<String>,
    org: Option<PathBuf>,
    assignments: Option<&std::path::Path>,
    catalogue: Option<&std::path::Path>,
    view: &View,
) -> Result<Option<Acting>, Failure> {
    let (Some(actor), Some(org)) = (actor, org) else {
        return Ok(None);
    };
    let tree = OrgTree::from_json(&read(&org)?).map_err(|e| Failure::from_error(&e))?;
    let assignments = match assignments {
        Some(file) => {
            chiso::org::assignments_from_json(&read(file)?).map_err(|e| Failure::from_error(&e))?
        }
        None => Vec::new(),
    };
    let catalogue = load_catalogue(catalogue, view)?;
    let findings = chiso::org::check_assignments(&catalogue, &tree, &assignments);
    if !findings.is_empty() {
        return Err(Failure::from_error(&chiso::Error::InvalidInput {
            what: chiso::InputKind::Assignments,
            findings,
        }));
    }
    Ok(Some((actor, tree, assignments, catalogue)))
}

/// `chiso ledger verify`: the chain, the anchor, and the published head.
fn verify(location: &str, head: Option<&str>, view: &View) -> Result<(), Failure> {
    let location_parsed: Location = location.parse().map_err(|e| failure(&e))?;
    let mut store = match chiso_store::open(&location_parsed, false) {
        Ok(store) => store,
        Err(StoreError::Broken(report)) if view.format == Format::Json => {
            print(&(chiso::to_json(&report) + "\n"))?;
            return Err(Failure::Invalid);
        }
        Err(e) => return Err(failure(&e)),
    };
    let ledger = verified(store.as_mut(), None)?;
    if let Some(head) = head {
        check_head(ledger, head)?;
    }
    let report = ledger.verify(head);
    let anchor = store.anchor().map_err(|e| failure(&e))?;
    let text = match view.format {
        Format::Json => chiso::to_json(&report) + "\n",
        Format::Table => {
            let anchored = anchor.map_or_else(
                || Text::new("chưa có mốc neo", "no anchor yet"),
                |a| {
                    Text::new(
                        format!("đã xác nhận tới mục {}", a.sequence),
                        format!("acknowledged up to entry {}", a.sequence),
                    )
                },
            );
            Text::new(
                format!(
                    "Toàn vẹn: {} mục, mã đầu chuỗi {}; {}.\n",
                    report.entries, report.head, anchored.vi
                ),
                format!(
                    "Intact: {} entries, head {}; {}.\n",
                    report.entries, report.head, anchored.en
                ),
            )
            .get(view.lang())
            .to_owned()
        }
    };
    print(&text)
}

/// `chiso ledger repair`: drops an unacknowledged torn tail and says what it was.
fn repair(path: &std::path::Path, view: &View) -> Result<(), Failure> {
    if !matches!(
        path.to_string_lossy().parse::<Location>(),
        Ok(Location::File(_))
    ) {
        return Err(Failure::Message(
            "Chỉ sửa được sổ cái dạng tệp JSON Lines / only a JSON Lines ledger is repaired (a database commits whole entries or none)".into(),
            2,
        ));
    }
    let said = match FileStore::repair(path).map_err(|e| failure(&e))? {
        Repair::Intact { entries } => Text::new(
            format!("Không có gì phải sửa: {entries} mục, dòng cuối nguyên vẹn.\n"),
            format!("Nothing to repair: {entries} entries, the last line whole.\n"),
        ),
        Repair::Dropped {
            line,
            bytes,
            entries,
        } => {
            let shown: String = String::from_utf8_lossy(&bytes).chars().take(120).collect();
            Text::new(
                format!(
                    "Đã bỏ dòng {line} bị cắt dở ({} byte, chưa từng được xác nhận): {shown:?}\nCòn {entries} mục, đủ mọi mục đã xác nhận.\n",
                    bytes.len()
                ),
                format!(
                    "Dropped line {line}, cut off mid-write ({} bytes, never acknowledged): {shown:?}\n{entries} entries remain, every acknowledged one among them.\n",
                    bytes.len()
                ),
            )
        }
    };
    print(said.get(view.lang()))
}
