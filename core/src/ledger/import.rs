//! Importing observations kept elsewhere (a statistics system's export, an analyst's table):
//! each becomes a submission, approved at once when the importer vouches for the batch.

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::chain::submission_findings;
use super::rows::Table;
use super::{Action, Batch, Ledger, MAX_BATCH_ROWS, Observations, Submission, SubmissionRef};
use crate::{Error, Finding, InputKind};

/// Who accepts a batch of imported observations, and when: every row is approved with the
/// batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The approving account.
    pub by: String,
    /// When.
    #[schemars(with = "String")]
    pub at: NaiveDateTime,
}

impl Ledger {
    /// Appends `observations` as batch entries of at most [`MAX_BATCH_ROWS`] rows (each row
    /// a revision, approved with its batch under `approval`), and returns how many sequence
    /// numbers they took: one per row, two when approved, as if each row were a `submit`
    /// entry followed by an `approve` entry. Every observation is checked first (evidence hashes,
    /// texts within [`MAX_STRING_BYTES`](crate::MAX_STRING_BYTES)); a bad one is
    /// [`Error::InvalidInput`] naming its row (`/3/evidence/0/sha256`), and then nothing is
    /// appended. No organisation rules apply: the importer answers for the batch (use
    /// [`Reporting::append`](crate::Reporting::append) for a unit's own reporting).
    ///
    /// ```
    /// use chiso::ledger::{Approval, Ledger, Submission};
    /// let row: Submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
    ///   "value": {"number": "87.5"}, "source": {"kind": "system", "system": "thong_ke"},
    ///   "submitted_by": "thong_ke", "submitted_at": "2026-06-02T09:00:00"}"#).unwrap();
    /// let approval = Approval { by: "BCD".into(), at: "2026-06-03T08:00:00".parse().unwrap() };
    /// let mut ledger = Ledger::default();
    /// assert_eq!(ledger.import(vec![row], Some(&approval))?, 2);
    /// assert_eq!(ledger.status(1).unwrap().as_str(), "approved");
    /// assert!(ledger.verify(None).valid);
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn import(
        &mut self,
        observations: Vec<Submission>,
        approval: Option<&Approval>,
    ) -> Result<usize, Error> {
        self.import_observations(Observations::from(observations), approval)
    }

    /// [`Ledger::import`] of observations gathered in columns ([`Observations`]): what a large
    /// table (a statistics system's export, a `DataFrame`) is best read into, row by row.
    pub fn import_observations(
        &mut self,
        observations: Observations,
        approval: Option<&Approval>,
    ) -> Result<usize, Error> {
        let table = observations.into_table();
        let findings: Vec<Finding> = (0..table.len())
            .filter_map(|row| Some((row, table.row(row)?)))
            .flat_map(|(row, s)| {
                // The row's path written only for a row with findings.
                let mut findings = submission_findings(s, "");
                for finding in &mut findings {
                    finding.path = format!("/{row}{}", finding.path);
                }
                findings
            })
            .collect();
        if !findings.is_empty() {
            return Err(Error::InvalidInput {
                what: InputKind::Observations,
                findings,
            });
        }
        let before = self.next_sequence();
        let ranges = batch_ranges(&table);
        for batch in Batch::cut(table, &ranges, approval) {
            self.push(Action::Import { batch });
        }
        // Sequence numbers, one per row and approval, are far below `usize::MAX`.
        Ok(usize::try_from(self.next_sequence() - before).unwrap_or(usize::MAX))
    }
}

/// Where the batches of `rows` begin and end: a batch is cut at `MAX_BATCH_ROWS` rows or
/// `MAX_BATCH_BYTES` of JSON, whichever comes first, so its line always reads back within
/// every reader's bounds.
fn batch_ranges(table: &Table) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    let rows = (0..table.len()).filter_map(|i| table.row(i));
    for (i, row) in rows.enumerate() {
        let size = json_size_bound(row);
        let fits = i - start < MAX_BATCH_ROWS && bytes + size <= MAX_BATCH_BYTES;
        if i > start && !fits {
            ranges.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < table.len() {
        ranges.push(start..table.len());
    }
    ranges
}

/// How much JSON a batch line holds at most, well within the bound every reader applies to
/// one document ([`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES)).
pub const MAX_BATCH_BYTES: usize = 64 * 1024 * 1024;

/// At least the size of `row` as JSON: its texts escaped, and room for every key, number,
/// date and mark around them.
fn json_size_bound(row: SubmissionRef<'_>) -> usize {
    const FIXED: usize = 512;
    const PER_DOCUMENT: usize = 256;
    let texts: usize = row
        .texts()
        .map(|(_, text)| crate::json::escaped_len(text))
        .sum();
    FIXED + PER_DOCUMENT * row.evidence().len() + texts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, sha256: &str) -> Submission {
        let text = format!(
            r#"{{"unit": "{unit}", "item": "B01", "period": "2026-05", "value": {{"number": "1"}},
              "source": {{"kind": "form"}}, "submitted_by": "x", "submitted_at": "2026-06-02T09:00:00",
              "evidence": [{{"file_name": "a.pdf", "sha256": "{sha256}", "size": 1, "media_type": "application/pdf"}}]}}"#
        );
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn a_bad_row_is_named_and_nothing_is_appended() {
        let good = "a".repeat(64);
        let mut ledger = Ledger::default();
        let err = ledger
            .import(vec![row("DN", &good), row("HN", "not-a-hash")], None)
            .unwrap_err();
        assert_eq!(err.findings()[0].path, "/1/evidence/0/sha256");
        assert_eq!(err.findings()[0].code, "evidence.hash");
        assert!(ledger.entries().is_empty());
        // Without an approval the rows wait for a decision, like any submission.
        assert_eq!(ledger.import(vec![row("DN", &good)], None).unwrap(), 1);
        assert_eq!(ledger.status(1).unwrap().as_str(), "submitted");
    }
}
