use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Approval, Batch, Explanation, Publication, Submission};
use crate::org::Assignment;
use crate::period::Period;

/// What an entry of the ledger records. Nothing is ever changed or removed: a correction is a
/// new submission, and a decision on a submission is a new entry pointing at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// A value submitted (or resubmitted after a return: a new revision).
    Submit {
        /// The submission.
        submission: Submission,
    },
    /// A superior unit accepts a submitted revision ("phê duyệt").
    Approve {
        /// The sequence number of the `submit` entry approved.
        revision: u64,
        /// Who approved.
        by: String,
        /// When.
        #[schemars(with = "String")]
        at: NaiveDateTime,
    },
    /// A superior unit sends a revision back with the reason ("trả lại").
    Return {
        /// The sequence number of the `submit` entry returned.
        revision: u64,
        /// Who returned it.
        by: String,
        /// When.
        #[schemars(with = "String")]
        at: NaiveDateTime,
        /// Why, so the unit can correct it.
        reason: String,
    },
    /// A unit explains an indicator's value ("giải trình"); a later one for the same unit,
    /// indicator and period supersedes it.
    Explain {
        /// The explanation.
        explanation: Explanation,
    },
    /// A unit above gives an item to a unit ("giao chỉ số"): from this entry on the
    /// assignment is in force as if it were in the assignments file, and who gave it, when,
    /// is on the chain.
    Assign {
        /// The assignment made.
        assignment: Assignment,
        /// The person who made it, for the assigning unit (or an office acting for it).
        by: String,
        /// When.
        #[schemars(with = "String")]
        at: NaiveDateTime,
    },
    /// A unit above withdraws an assignment made in the ledger ("thu hồi"): it no longer
    /// applies after `to`, or at all when `to` is absent (an assignment made in error).
    Withdraw {
        /// The sequence number of the `assign` entry withdrawn.
        assignment: u64,
        /// The last period it still applies to; absent: none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(with = "Option<String>")]
        to: Option<Period>,
        /// The person who withdrew it.
        by: String,
        /// When.
        #[schemars(with = "String")]
        at: NaiveDateTime,
        /// Why.
        reason: String,
    },
    /// A period's ranking made public and frozen ("công bố"); see [`Publication`].
    Publish {
        /// The publication.
        publication: Publication,
    },
    /// Observations imported together ("nhập theo lô"), each row a revision: the entry spans
    /// a sequence number per row (two when approved), and its hash covers the rows' Merkle
    /// root. Only [`Ledger::import`](super::Ledger::import) records one.
    Import {
        /// The rows, their approval and root.
        batch: Batch,
    },
}

impl Action {
    /// The time the action claims for itself: a decision's `at`, a submission's or an
    /// explanation's `submitted_at`. A claim only: a store's `recorded_at` is what counts.
    pub fn claimed_at(&self) -> NaiveDateTime {
        match self {
            Action::Submit { submission } => submission.submitted_at,
            Action::Explain { explanation } => explanation.submitted_at,
            Action::Publish { publication } => publication.at,
            // The approval's time; unapproved, the latest row's claim.
            Action::Import { batch } => batch.approval.as_ref().map_or_else(
                || {
                    batch
                        .rows
                        .iter()
                        .map(super::SubmissionRef::submitted_at)
                        .max()
                        .unwrap_or_default()
                },
                |a| a.at,
            ),
            Action::Approve { at, .. }
            | Action::Return { at, .. }
            | Action::Assign { at, .. }
            | Action::Withdraw { at, .. } => *at,
        }
    }

    /// The person the action is signed by: the submitter, or the one who decided, assigned
    /// or withdrew.
    pub fn signed_by(&self) -> &str {
        match self {
            Action::Submit { submission } => &submission.submitted_by,
            Action::Explain { explanation } => &explanation.submitted_by,
            Action::Publish { publication } => &publication.by,
            // The importer who vouched for the batch; unapproved, the first row's submitter.
            Action::Import { batch } => batch.approval.as_ref().map_or_else(
                || batch.rows.first().map_or("", |r| r.submitted_by()),
                |a| a.by.as_str(),
            ),
            Action::Approve { by, .. }
            | Action::Return { by, .. }
            | Action::Assign { by, .. }
            | Action::Withdraw { by, .. } => by,
        }
    }

    /// `self` with every text in NFC, when one was not (`None` when all were).
    pub(crate) fn in_nfc(&self) -> Option<Action> {
        crate::unicode::in_nfc(self)
    }

    /// Reads an action from JSON; a problem is [`Error::InvalidInput`](crate::Error) with its
    /// path.
    ///
    /// ```
    /// let err = chiso::ledger::Action::from_json(r#"{"kind": "approve", "revision": 1}"#).unwrap_err();
    /// assert_eq!(err.findings()[0].code, "json.missing_field");
    /// ```
    pub fn from_json(text: &str) -> Result<Action, crate::Error> {
        crate::json::from_str(text).map_err(|finding| crate::Error::InvalidInput {
            what: crate::InputKind::Action,
            findings: vec![finding],
        })
    }
}

/// One entry of the ledger: its place, the hash of the entry before it, when the store recorded
/// it, what it records, and its own hash, so that editing, removing, inserting or reordering
/// entries is detectable.
///
/// Two formats are read. Format 1 (no `format` field) has no recorded time: its times are the
/// client's claims. Format 2 carries `recorded_at`, stamped by the store that accepted it from
/// its own clock, and its hash covers that time; lateness and "as of" are judged from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The entry's format: 1 when absent, 2 when the store stamped it.
    #[serde(default = "format_one", skip_serializing_if = "is_format_one")]
    pub format: u8,
    /// Position in the ledger, from 1.
    pub sequence: u64,
    /// SHA-256 (hex) of the entry before; [`GENESIS`] for the first.
    pub previous: String,
    /// When the store accepted the entry (Vietnam time, from the store's own clock; format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub recorded_at: Option<NaiveDateTime>,
    /// What the entry records.
    pub action: Action,
    /// SHA-256 (hex) of this entry's canonical JSON without this field.
    pub hash: String,
}

/// The format of an entry with no recorded time.
pub const FORMAT_UNSTAMPED: u8 = 1;
/// The format of an entry stamped by a store.
pub const FORMAT_STAMPED: u8 = 2;

fn format_one() -> u8 {
    FORMAT_UNSTAMPED
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_format_one(format: &u8) -> bool {
    *format == FORMAT_UNSTAMPED
}

/// The `previous` of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The bytes an entry's hash covers: compact JSON of its sequence, previous hash and action
/// (format 1), or of its format, sequence, previous hash, recorded time and action (format 2),
/// fields in declaration order, decimals as strings, so every binding computes the same hash.
/// A batch's action is hashed as its header: the number of rows, the approval and the root
/// its rows hash to.
#[derive(Serialize)]
struct Hashed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<u8>,
    sequence: u64,
    previous: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    recorded_at: Option<&'a NaiveDateTime>,
    action: HashedAction<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum HashedAction<'a> {
    Whole(&'a Action),
    Batch(BatchHeader<'a>),
}

/// What a batch entry's hash covers of its action.
#[derive(Serialize)]
struct BatchHeader<'a> {
    kind: &'static str,
    rows: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    approval: Option<&'a Approval>,
    root: &'a str,
}

impl Entry {
    /// The format-1 entry `sequence` recording `action` after the entry whose hash is
    /// `previous`, with no recorded time.
    pub fn new(sequence: u64, previous: &str, action: Action) -> Entry {
        Entry::stamped(sequence, previous, None, action)
    }

    /// The entry `sequence` recording `action` after `previous`, stamped `recorded_at` by a
    /// store (format 2), or unstamped (format 1) when `None`.
    pub fn stamped(
        sequence: u64,
        previous: &str,
        recorded_at: Option<NaiveDateTime>,
        action: Action,
    ) -> Entry {
        let (hash, normal) = Entry::hash_checked(sequence, previous, recorded_at.as_ref(), &action);
        // Texts written outside a JSON reader (a DataFrame, a Rust caller) may be decomposed:
        // the ledger records them in NFC, as every JSON input is read, before hashing.
        let (action, hash) = match (!normal).then(|| action.in_nfc()).flatten() {
            Some(action) => {
                let hash = Entry::hash_checked(sequence, previous, recorded_at.as_ref(), &action).0;
                (action, hash)
            }
            None => (action, hash),
        };
        Entry {
            format: if recorded_at.is_some() {
                FORMAT_STAMPED
            } else {
                FORMAT_UNSTAMPED
            },
            sequence,
            previous: previous.to_owned(),
            recorded_at,
            action,
            hash,
        }
    }

    /// The hash this entry should carry, recomputed from its content. An entry whose format
    /// and recorded time disagree (a format-2 entry without a time, a time in format 1, an
    /// unknown format) can carry no valid hash: the result is empty.
    pub fn expected_hash(&self) -> String {
        let consistent = match self.format {
            FORMAT_UNSTAMPED => self.recorded_at.is_none(),
            FORMAT_STAMPED => self.recorded_at.is_some(),
            _ => false,
        };
        // A batch whose rows no longer hash to its root has no valid hash either.
        let intact = match &self.action {
            Action::Import { batch } => batch.computed_root() == batch.root,
            _ => true,
        };
        if !consistent || !intact {
            return String::new();
        }
        Entry::hash_checked(
            self.sequence,
            &self.previous,
            self.recorded_at.as_ref(),
            &self.action,
        )
        .0
    }

    /// How many sequence numbers the entry holds: one, or a batch's [span](Batch::span) (at
    /// least one, so that no two entries share a number).
    pub fn span(&self) -> u64 {
        match &self.action {
            Action::Import { batch } => batch.span().max(1),
            _ => 1,
        }
    }

    /// When the entry took effect: the store's recorded time where there is one, otherwise
    /// the time the action itself claims (a decision's `at`, a submission's or explanation's
    /// `submitted_at`).
    pub fn effective_at(&self) -> NaiveDateTime {
        self.recorded_at.unwrap_or_else(|| self.action.claimed_at())
    }

    /// The hash, and whether every text hashed is surely NFC already.
    fn hash_checked(
        sequence: u64,
        previous: &str,
        recorded_at: Option<&NaiveDateTime>,
        action: &Action,
    ) -> (String, bool) {
        let action = match action {
            Action::Import { batch } => HashedAction::Batch(BatchHeader {
                kind: "import",
                rows: batch.rows.len(),
                approval: batch.approval.as_ref(),
                root: &batch.root,
            }),
            _ => HashedAction::Whole(action),
        };
        hash_of(&Hashed {
            format: recorded_at.map(|_| FORMAT_STAMPED),
            sequence,
            previous,
            recorded_at,
            action,
        })
    }
}

thread_local! {
    /// The buffer an entry's JSON is written into before hashing, kept per thread.
    static TEXT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The SHA-256 of `content`'s compact JSON, and whether every text in it is surely NFC.
///
/// The JSON is written into one buffer kept per thread, then hashed in one call: an import
/// hashes millions of entries, and feeding the hash serde's many small fragments cost more
/// than the copy.
fn hash_of(content: &Hashed<'_>) -> (String, bool) {
    TEXT.with_borrow_mut(|text| {
        text.clear();
        // Writing into a vector cannot fail, and chiso's types have string keys only.
        let _ = serde_json::to_writer(&mut *text, content);
        // The quick check says "surely NFC" for composed Vietnamese without allocating;
        // anything else takes the full path in `Entry::new`. JSON's own marks are starters,
        // so the whole text is quick-NFC exactly when each of its strings is.
        let normal = std::str::from_utf8(text).is_ok_and(crate::unicode::is_quick_nfc);
        (hex::encode(Sha256::digest(text.as_slice())), normal)
    })
}
