//! A batch ("lô nhập"): observations imported together, recorded as one entry whose hash
//! commits to every row through the Merkle root of their [canonical](super::canonical) bytes.
//!
//! A batch entry at sequence `s` holds its rows' sequence numbers too: row `i` is revision
//! `s + i`, or, when the importer approved the batch, revision `s + 2i` approved at `s + 2i + 1`,
//! the very numbers the rows would have had as a `submit` and an `approve` entry each. So a
//! revision is named the same way whichever way it came in, and the next entry follows at
//! `s + span`. See `docs/ledger-format.md`.

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::merkle::{self, Digest};
use super::rows::Table;
use super::{Approval, BatchRows, Observations, Submission, SubmissionRef};

/// How many rows one batch entry holds at most: an import of more is cut into several, so a
/// line of a JSON Lines ledger stays within what a reader takes in at once.
pub const MAX_BATCH_ROWS: usize = 65_536;

/// Observations imported together, each a revision, all approved at once when the importer
/// vouches for them.
///
/// ```
/// use chiso::ledger::{Approval, Batch, Ledger};
/// let row = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
///   "value": {"number": "87.5"}, "source": {"kind": "system", "system": "thong_ke"},
///   "submitted_by": "thong_ke", "submitted_at": "2026-06-02T09:00:00"}"#)?;
/// let approval = Approval { by: "BCD".into(), at: "2026-06-03T08:00:00".parse()? };
/// let batch = Batch::new(vec![row], Some(approval));
/// assert_eq!(batch.span(), 2); // revision 1, approved as 2
/// assert_eq!(batch.root, batch.computed_root());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// The rows, in order.
    #[schemars(with = "Vec<Submission>")]
    pub rows: BatchRows,
    /// Who approved every row, and when; absent: the rows await a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// The Merkle root (hex) over the rows' canonical bytes, which the entry's hash covers.
    pub root: String,
}

/// What one of a batch's sequence numbers records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Row `row`'s revision.
    Row(usize),
    /// Row `row`'s approval.
    Approval(usize),
}

impl Batch {
    /// The batch of `rows`, approved under `approval` if given, its root computed (texts not
    /// in NFC are recorded in NFC first, as every entry's are).
    pub fn new(rows: Vec<Submission>, approval: Option<Approval>) -> Batch {
        let table = Observations::from(rows).into_table();
        let leaves = leaves_of(|row| table.row(row), table.len());
        Batch {
            rows: BatchRows::whole(table),
            approval,
            root: hex::encode(merkle::root(&leaves)),
        }
    }

    /// The batches of the rows of `table` (in NFC already) cut into the runs `ranges`, each
    /// approved under `approval` if given: the rows hashed once, on every core, every batch
    /// sharing the table.
    pub(crate) fn cut(
        table: Table,
        ranges: &[std::ops::Range<usize>],
        approval: Option<&Approval>,
    ) -> Vec<Batch> {
        let leaves = leaves_of(|row| table.row(row), table.len());
        BatchRows::cut_table(table, ranges)
            .into_iter()
            .zip(ranges)
            .map(|(rows, range)| Batch {
                rows,
                approval: approval.cloned(),
                root: hex::encode(merkle::root(leaves.get(range.clone()).unwrap_or_default())),
            })
            .collect()
    }

    /// How many sequence numbers the batch holds: one per row, two when approved.
    pub fn span(&self) -> u64 {
        let per_row = if self.approval.is_some() { 2 } else { 1 };
        self.rows.len() as u64 * per_row
    }

    /// The revision of row `row` in a batch entry at `first`.
    pub fn sequence_of(&self, first: u64, row: usize) -> u64 {
        first + row as u64 * if self.approval.is_some() { 2 } else { 1 }
    }

    /// What the batch's `offset`-th sequence number (from 0) records.
    pub(crate) fn place(&self, offset: u64) -> Option<Place> {
        let approved = self.approval.is_some();
        let row = usize::try_from(if approved { offset / 2 } else { offset }).ok()?;
        if row >= self.rows.len() {
            return None;
        }
        Some(if approved && offset % 2 == 1 {
            Place::Approval(row)
        } else {
            Place::Row(row)
        })
    }

    /// The leaf hash of each row, in order.
    pub fn leaves(&self) -> Vec<Digest> {
        leaves_of(|row| self.rows.get(row), self.rows.len())
    }

    /// The root the rows hash to, in hex: the batch is intact when it is its `root`.
    pub fn computed_root(&self) -> String {
        hex::encode(merkle::root(&self.leaves()))
    }

    /// The proof that row `row` is in the batch: the hashes beside its path to the root.
    ///
    /// ```
    /// use chiso::ledger::{Batch, merkle};
    /// let rows = (1..=5).map(|n| serde_json::from_str(&format!(r#"{{"unit": "DN", "item": "B01",
    ///   "period": "2026-0{n}", "value": {{"number": "{n}"}}, "source": {{"kind": "form"}},
    ///   "submitted_by": "x", "submitted_at": "2026-06-02T09:00:00"}}"#))).collect::<Result<_, _>>()?;
    /// let batch = Batch::new(rows, None);
    /// let (leaf, path) = batch.proof(3).unwrap();
    /// let root: merkle::Digest = hex::decode(&batch.root)?.try_into().unwrap();
    /// assert!(merkle::verify(leaf, 3, 5, &path, root));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn proof(&self, row: usize) -> Option<(Digest, Vec<Digest>)> {
        let leaves = self.leaves();
        Some((*leaves.get(row)?, merkle::proof(&leaves, row)?))
    }

    /// When the rows were approved: the store's time `recorded_at` where it stamped the
    /// entry, the approval's own claim otherwise.
    pub(crate) fn approved_at(&self, recorded_at: Option<NaiveDateTime>) -> Option<NaiveDateTime> {
        self.approval.as_ref().map(|a| recorded_at.unwrap_or(a.at))
    }
}

/// The leaf of each of the `len` rows `row` gives, in order, hashed on every core.
fn leaves_of<'r>(
    row: impl Fn(usize) -> Option<SubmissionRef<'r>> + Sync + Send,
    len: usize,
) -> Vec<Digest> {
    let numbers: Vec<usize> = (0..len).collect();
    crate::parallel::chunked(&numbers, |run| {
        let mut bytes = Vec::new();
        run.iter()
            .filter_map(|&i| row(i))
            .map(|row| {
                bytes.clear();
                super::canonical::submission(row, &mut bytes);
                merkle::leaf(&bytes)
            })
            .collect()
    })
}
