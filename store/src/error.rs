//! What can go wrong with a store, each with a stable code and a message in Vietnamese and
//! English, as every chiso error has.

use std::path::PathBuf;

/// A store could not be read, verified or appended to. Nothing was appended.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The ledger itself refused: an unreadable line (with its line number), a chain that does
    /// not hold, an entry refused by the rules or the policy.
    #[error("{}", .0.message_en())]
    Ledger(chiso::Error),
    /// The hash chain does not hold: the report names the first entry found wrong and how.
    #[error("the ledger was tampered with: {}", broken_en(.0))]
    Broken(chiso::ledger::Verification),
    /// The last line of a file was cut mid-write (a writer killed before it was acknowledged).
    #[error(
        "{path}: line {line} was cut off mid-write ({bytes} bytes, never acknowledged): `chiso ledger repair` drops it"
    )]
    TornTail {
        /// The file.
        path: PathBuf,
        /// The line's number, from 1.
        line: u64,
        /// How many bytes it has.
        bytes: u64,
    },
    /// The store holds fewer entries than its anchor records as acknowledged: it was emptied,
    /// cut or partly restored.
    #[error(
        "the ledger holds {entries} entries but {anchored} were acknowledged: entries were cut from its end"
    )]
    Truncated {
        /// Entries found.
        entries: u64,
        /// Entries acknowledged.
        anchored: u64,
    },
    /// The entry the anchor names is another one: the ledger was rewritten.
    #[error(
        "entry {sequence} is {found}, but {anchored} was acknowledged there: the ledger was rewritten"
    )]
    AnchorMismatch {
        /// The anchored sequence number.
        sequence: u64,
        /// The hash acknowledged.
        anchored: String,
        /// The hash found.
        found: String,
    },
    /// The ledger does not end at, or pass through, a head published earlier (`--head`).
    #[error("the published head {head} is not in the ledger: it was cut or rewritten")]
    HeadNotFound {
        /// The head given.
        head: String,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The anchor file is not an anchor.
    #[error("{path}: not a ledger anchor ({reason})")]
    BadAnchor {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The database refused or failed.
    #[error("the {backend} database: {message}")]
    Database {
        /// `sqlite` or `postgres`.
        backend: &'static str,
        /// What it said.
        message: String,
    },
    /// A ledger location that names no store.
    #[error("`{given}` names no ledger: give a .jsonl file, sqlite:FILE or postgres://…")]
    Location {
        /// What was given.
        given: String,
    },
    /// No ledger is at the location, and it was not to be created.
    #[error("there is no ledger at {location}")]
    Missing {
        /// Where.
        location: String,
    },
}

fn broken_en(report: &chiso::ledger::Verification) -> String {
    report
        .first_problem
        .as_ref()
        .map_or_else(String::new, |broken| {
            format!("entry {} ({})", broken.position, broken.kind.label().en)
        })
}

impl StoreError {
    /// The stable code (the ledger's own code for [`StoreError::Ledger`]).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Ledger(error) => error.code(),
            StoreError::Broken(_) => "ledger.tampered",
            StoreError::TornTail { .. } => "store.torn_tail",
            StoreError::Truncated { .. } => "store.truncated",
            StoreError::AnchorMismatch { .. } => "store.anchor_mismatch",
            StoreError::HeadNotFound { .. } => "store.head_not_found",
            StoreError::Io { .. } => "store.io",
            StoreError::BadAnchor { .. } => "store.bad_anchor",
            StoreError::Database { .. } => "store.database",
            StoreError::Location { .. } => "store.location",
            StoreError::Missing { .. } => "store.missing",
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            StoreError::Ledger(error) => error.message_vi(),
            StoreError::Broken(report) => match &report.first_problem {
                Some(broken) => format!(
                    "Sổ cái bị sửa: mục {} ({}).",
                    broken.position,
                    broken.kind.label().vi
                ),
                None => "Sổ cái bị sửa.".to_owned(),
            },
            StoreError::TornTail { path, line, bytes } => format!(
                "{}: dòng {line} bị cắt giữa chừng khi ghi ({bytes} byte, chưa từng được xác nhận): `chiso ledger repair` sẽ bỏ dòng này.",
                path.display()
            ),
            StoreError::Truncated { entries, anchored } => format!(
                "Sổ cái chỉ còn {entries} mục nhưng đã xác nhận {anchored} mục: có mục bị cắt khỏi cuối sổ."
            ),
            StoreError::AnchorMismatch {
                sequence,
                anchored,
                found,
            } => format!(
                "Mục {sequence} là {found}, nhưng mục đã xác nhận ở vị trí này là {anchored}: sổ cái bị viết lại."
            ),
            StoreError::HeadNotFound { head } => format!(
                "Mã đầu chuỗi đã công bố {head} không có trong sổ cái: sổ bị cắt hoặc viết lại."
            ),
            StoreError::Io { path, source } => {
                format!("Không đọc/ghi được {}: {source}", path.display())
            }
            StoreError::BadAnchor { path, reason } => {
                format!(
                    "{}: không phải tệp neo của sổ cái ({reason}).",
                    path.display()
                )
            }
            StoreError::Database { backend, message } => {
                format!("Cơ sở dữ liệu {backend}: {message}")
            }
            StoreError::Location { given } => format!(
                "`{given}` không chỉ tới sổ cái nào: hãy ghi tệp .jsonl, sqlite:TỆP hoặc postgres://…"
            ),
            StoreError::Missing { location } => format!("Không có sổ cái tại {location}."),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// The error a database gave.
    pub(crate) fn database(backend: &'static str, error: &impl std::fmt::Display) -> StoreError {
        StoreError::Database {
            backend,
            message: error.to_string(),
        }
    }
}
