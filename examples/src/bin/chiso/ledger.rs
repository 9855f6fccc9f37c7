//! `chiso ledger ...`: append to, verify, snapshot and export a ledger kept as JSON Lines.

use std::path::{Path, PathBuf};

use chiso::ledger::{Action, Ledger, Rules};
use chiso::org::{Assignment, OrgTree};
use chiso::{Lang, Text};
use clap::Subcommand;

use crate::Failure;
use crate::catalogue::{Format, View, load_catalogue, read};
use crate::output::{print, table};

#[derive(Subcommand)]
pub enum Command {
    /// Append one action (a JSON file: `{"kind": "submit", "submission": {…}}`, `approve` or
    /// `return`) to the ledger file, creating it if absent. With `--org` and `--actor`, the
    /// unit, item, cycle and access policy are checked too.
    Append {
        /// The ledger (JSON Lines).
        ledger: PathBuf,
        /// The action (JSON).
        action: PathBuf,
        /// The acting unit.
        #[arg(long)]
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
        #[command(flatten)]
        view: View,
    },
    /// Check the hash chain; with `--head`, also against a published head hash.
    Verify {
        /// The ledger (JSON Lines).
        ledger: PathBuf,
        /// The head hash published earlier.
        #[arg(long)]
        head: Option<String>,
        #[command(flatten)]
        view: View,
    },
    /// The values in force for a period: the latest approved revision of each unit and item.
    Snapshot {
        /// The ledger (JSON Lines).
        ledger: PathBuf,
        /// The period.
        #[arg(long)]
        period: String,
        /// As approvals stood at this time (`YYYY-MM-DDTHH:MM:SS`).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        view: View,
    },
    /// Print the ledger as canonical JSON Lines (after checking the chain).
    Export {
        /// The ledger (JSON Lines).
        ledger: PathBuf,
    },
}

#[allow(clippy::too_many_lines)] // one arm per subcommand, each short
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Append {
            ledger: path,
            action,
            actor,
            org,
            assignments,
            catalogue,
            view,
        } => {
            let mut ledger = load(&path, true)?;
            let action: Action = serde_json::from_str(&read(&action)?)
                .map_err(|e| Failure::Message(format!("{e}"), 2))?;
            let entry = match (&actor, &org) {
                (Some(actor), Some(org)) => {
                    let tree =
                        OrgTree::from_json(&read(org)?).map_err(|e| Failure::from_error(&e))?;
                    let assignments: Vec<Assignment> = match &assignments {
                        Some(file) => serde_json::from_str(&read(file)?)
                            .map_err(|e| Failure::Message(format!("{e}"), 2))?,
                        None => Vec::new(),
                    };
                    let catalogue = load_catalogue(catalogue.as_deref(), &view)?;
                    let rules = Rules::new(&catalogue, &tree, &assignments);
                    rules
                        .append(&mut ledger, actor, action)
                        .map_err(|e| Failure::from_error(&e))?
                        .clone()
                }
                _ => ledger
                    .append(action)
                    .map_err(|e| Failure::from_error(&e))?
                    .clone(),
            };
            std::fs::write(&path, ledger.to_jsonl()).map_err(Failure::from)?;
            let said = Text::new(
                format!("Đã ghi mục {} ({}).\n", entry.sequence, entry.hash),
                format!("Appended entry {} ({}).\n", entry.sequence, entry.hash),
            );
            print(said.get(view.lang()))
        }
        Command::Verify { ledger, head, view } => {
            let report = load(&ledger, false)?.verify(head.as_deref());
            let text = match view.format {
                Format::Json => chiso::to_json(&report) + "\n",
                Format::Table => match &report.first_problem {
                    None => Text::new(
                        format!(
                            "Toàn vẹn: {} mục, mã đầu chuỗi {}.\n",
                            report.entries, report.head
                        ),
                        format!(
                            "Intact: {} entries, head {}.\n",
                            report.entries, report.head
                        ),
                    )
                    .get(view.lang())
                    .to_owned(),
                    Some(broken) => Text::new(
                        format!(
                            "✗ Sổ cái bị sửa: mục {} ({}).\n",
                            broken.position,
                            chiso::to_json(&broken.kind)
                        ),
                        format!(
                            "✗ The ledger was tampered with: entry {} ({}).\n",
                            broken.position,
                            chiso::to_json(&broken.kind)
                        ),
                    )
                    .get(view.lang())
                    .to_owned(),
                },
            };
            print(&text)?;
            if report.valid {
                Ok(())
            } else {
                Err(Failure::Invalid)
            }
        }
        Command::Snapshot {
            ledger,
            period,
            as_of,
            view,
        } => {
            let period = period.parse().map_err(|e| Failure::from_error(&e))?;
            let as_of = as_of
                .map(|t| {
                    t.parse::<chrono::NaiveDateTime>()
                        .map_err(|_| Failure::Message(format!("`{t}`: YYYY-MM-DDTHH:MM:SS"), 2))
                })
                .transpose()?;
            let values = load(&ledger, false)?.snapshot(period, as_of);
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
        Command::Export { ledger } => {
            let ledger = load(&ledger, false)?;
            let report = ledger.verify(None);
            if !report.valid {
                return Err(Failure::Message(
                    "Sổ cái bị sửa / the ledger was tampered with: chiso ledger verify".into(),
                    2,
                ));
            }
            print(&ledger.to_jsonl())
        }
    }
}

/// The ledger in `path` (an absent file is an empty ledger when `may_be_new`).
fn load(path: &Path, may_be_new: bool) -> Result<Ledger, Failure> {
    if may_be_new && !path.exists() {
        return Ok(Ledger::default());
    }
    Ledger::from_jsonl(&read(path)?).map_err(|e| Failure::from_error(&e))
}
