//! A reporting data set on disk: the organisation chart, the assignments, the reporting
//! calendar and the ledger, each a file of its own, found in one folder by default.

use std::path::{Path, PathBuf};

use chiso::Error;
use chiso::ledger::Ledger;
use chiso::org::{Assignment, OrgTree};
use chiso::period::ReportingCalendar;
use clap::Args;

use crate::Failure;
use crate::catalogue::read;

/// Where the data set's files are.
#[derive(Args)]
pub struct DatasetArgs {
    /// A folder holding `org.json`, `assignments.json`, `calendar.json` and `ledger.jsonl`
    /// (each may be given on its own instead).
    #[arg(long, value_name = "DIR", visible_alias = "data")]
    pub dataset: Option<PathBuf>,
    /// The organisation chart (JSON).
    #[arg(long, value_name = "FILE")]
    pub org: Option<PathBuf>,
    /// The assignments (a JSON array).
    #[arg(long, value_name = "FILE")]
    pub assignments: Option<PathBuf>,
    /// The reporting calendar (JSON); the Nghị định 09/2019 practice when absent.
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// The ledger: a .jsonl file, sqlite:FILE or postgres://….
    #[arg(long, value_name = "LEDGER")]
    pub ledger: Option<String>,
    /// Refuse unless the ledger passes through this head hash, published earlier.
    #[arg(long, value_name = "HASH")]
    pub head: Option<String>,
}

/// The data set, read and checked.
pub struct Dataset {
    pub tree: OrgTree,
    pub assignments: Vec<Assignment>,
    pub calendar: ReportingCalendar,
    pub ledger: Ledger,
}

impl DatasetArgs {
    fn file(&self, given: Option<&PathBuf>, name: &str) -> Option<PathBuf> {
        given
            .cloned()
            .or_else(|| self.dataset.as_ref().map(|d| d.join(name)))
    }

    /// Reads every file and checks the ledger's hash chain; a missing required file is exit
    /// status 3, a bad one (or a ledger tampered with) 2.
    pub fn load(&self) -> Result<Dataset, Failure> {
        self.read_files()?.verified(self.head.as_deref())
    }

    fn read_files(&self) -> Result<Dataset, Failure> {
        let required = |given: Option<&PathBuf>, name: &str| {
            self.file(given, name).ok_or_else(|| {
                Failure::Message(
                    format!(
                        "Thiếu tệp {name} / missing {name}: --dataset DIR hoặc/or --{}",
                        name.split('.').next().unwrap_or(name)
                    ),
                    2,
                )
            })
        };
        let tree = OrgTree::from_json(&read(&required(self.org.as_ref(), "org.json")?)?)
            .map_err(|e| Failure::from_error(&e))?;
        let assignments =
            read_assignments(&required(self.assignments.as_ref(), "assignments.json")?)?;
        let location = match &self.ledger {
            Some(location) => location.clone(),
            None => required(None, "ledger.jsonl")?
                .to_string_lossy()
                .into_owned(),
        };
        let mut store = crate::store::open(&location, false)?;
        let ledger = crate::store::verified(store.as_mut(), self.head.as_deref())?.clone();
        let calendar = match self.file(self.calendar.as_ref(), "calendar.json") {
            Some(path) if self.calendar.is_some() || path.exists() => {
                ReportingCalendar::from_json(&read(&path)?).map_err(|e| Failure::from_error(&e))?
            }
            _ => ReportingCalendar::default(),
        };
        Ok(Dataset {
            tree,
            assignments,
            calendar,
            ledger,
        })
    }
}

/// The bundled sample data set (`examples/data/sample`), built into the program so that the
/// main job runs anywhere.
const SAMPLE_ORG: &str = include_str!("../../../data/sample/org.json");
const SAMPLE_ASSIGNMENTS: &str = include_str!("../../../data/sample/assignments.json");
const SAMPLE_CALENDAR: &str = include_str!("../../../data/sample/calendar.json");
const SAMPLE_LEDGER: &str = include_str!("../../../data/sample/ledger.jsonl");

impl DatasetArgs {
    /// Whether no file was named (the bundled sample is meant).
    pub fn is_empty(&self) -> bool {
        self.dataset.is_none()
            && self.org.is_none()
            && self.assignments.is_none()
            && self.calendar.is_none()
            && self.ledger.is_none()
    }

    /// The files named, or the bundled sample when none is, read as [`load`](Self::load) reads.
    pub fn load_or_sample(&self) -> Result<Dataset, Failure> {
        if !self.is_empty() {
            return self.load();
        }
        let fail = |e: Error| Failure::from_error(&e);
        Dataset {
            tree: OrgTree::from_json(SAMPLE_ORG).map_err(fail)?,
            assignments: chiso::org::assignments_from_json(SAMPLE_ASSIGNMENTS).map_err(fail)?,
            calendar: ReportingCalendar::from_json(SAMPLE_CALENDAR).map_err(fail)?,
            ledger: Ledger::from_jsonl(SAMPLE_LEDGER).map_err(fail)?,
        }
        .verified(self.head.as_deref())
    }
}

impl Dataset {
    /// The data set, once its ledger's hash chain holds (and passes through `head`).
    fn verified(self, head: Option<&str>) -> Result<Dataset, Failure> {
        if let Some(head) = head {
            crate::store::check_head(&self.ledger, head)?;
        }
        if self.ledger.verify(None).valid {
            Ok(self)
        } else {
            Err(Failure::Message(
                "Sổ cái bị sửa / the ledger was tampered with: chiso ledger verify".into(),
                2,
            ))
        }
    }
}

/// `--as-of` read as Vietnam time, or now when not given.
pub fn as_of_or_now(text: Option<&str>) -> Result<chrono::NaiveDateTime, Failure> {
    text.map_or_else(
        || Ok(chiso_store::now_in_vietnam()),
        |t| chiso::period::parse_time(t).map_err(|e| Failure::from_error(&e)),
    )
}

impl Dataset {
    /// Refuses assignments that do not hold against the chart and `catalogue`, every finding
    /// printed at once: a self-assignment, one by a sibling or an unknown unit is never honoured.
    pub fn check_assignments(&self, catalogue: &chiso::Catalogue) -> Result<(), Failure> {
        let findings = chiso::org::check_assignments(catalogue, &self.tree, &self.assignments);
        if findings.is_empty() {
            return Ok(());
        }
        Err(Failure::from_error(&Error::InvalidInput {
            what: chiso::InputKind::Assignments,
            findings,
        }))
    }
}

fn read_assignments(path: &Path) -> Result<Vec<Assignment>, Failure> {
    chiso::org::assignments_from_json(&read(path)?).map_err(|e: Error| Failure::from_error(&e))
}
