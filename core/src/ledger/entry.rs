use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Explanation, Submission};

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
}

impl Action {
    /// `self` with every text in NFC, when one was not (`None` when all were).
    pub(crate) fn in_nfc(&self) -> Option<Action> {
        let text = serde_json::to_string(self).ok()?;
        match crate::nfc(&text) {
            std::borrow::Cow::Borrowed(_) => None,
            // NFC leaves JSON's ASCII syntax alone, so the normalised text reads back.
            std::borrow::Cow::Owned(normal) => serde_json::from_str(&normal).ok(),
        }
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

/// One entry of the ledger: its place, the hash of the entry before it, what it records, and
/// its own hash, so that editing, removing, inserting or reordering entries is detectable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Position in the ledger, from 1.
    pub sequence: u64,
    /// SHA-256 (hex) of the entry before; [`GENESIS`] for the first.
    pub previous: String,
    /// What the entry records.
    pub action: Action,
    /// SHA-256 (hex) of this entry's canonical JSON without this field.
    pub hash: String,
}

/// The `previous` of the first entry: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The bytes an entry's hash covers: compact JSON of its sequence, previous hash and action,
/// fields in declaration order, decimals as strings, so every binding computes the same hash.
#[derive(Serialize)]
struct Hashed<'a> {
    sequence: u64,
    previous: &'a str,
    action: &'a Action,
}

impl Entry {
    /// The entry `sequence` recording `action` after the entry whose hash is `previous`.
    pub fn new(sequence: u64, previous: &str, action: Action) -> Entry {
        let (hash, normal) = Entry::hash_checked(sequence, previous, &action);
        // Texts written outside a JSON reader (a DataFrame, a Rust caller) may be decomposed:
        // the ledger records them in NFC, as every JSON input is read, before hashing.
        let (action, hash) = match (!normal).then(|| action.in_nfc()).flatten() {
            Some(action) => {
                let hash = Entry::hash_of(sequence, previous, &action);
                (action, hash)
            }
            None => (action, hash),
        };
        Entry {
            sequence,
            previous: previous.to_owned(),
            action,
            hash,
        }
    }

    /// The hash this entry should carry, recomputed from its content.
    pub fn expected_hash(&self) -> String {
        Entry::hash_of(self.sequence, &self.previous, &self.action)
    }

    fn hash_of(sequence: u64, previous: &str, action: &Action) -> String {
        Entry::hash_checked(sequence, previous, action).0
    }

    /// The hash, and whether every text hashed is surely NFC already.
    fn hash_checked(sequence: u64, previous: &str, action: &Action) -> (String, bool) {
        // The compact JSON is streamed into the hash rather than built as a string first: the
        // same bytes, without an allocation and a copy per entry (an import hashes millions).
        let mut sink = HashWriter {
            sha: Sha256::new(),
            normal: true,
        };
        let content = Hashed {
            sequence,
            previous,
            action,
        };
        // Writing into a hasher cannot fail, and chiso's types have string keys only.
        let _ = serde_json::to_writer(&mut sink, &content);
        (hex::encode(sink.sha.finalize()), sink.normal)
    }
}

/// A SHA-256 that serde writes into, noting on the way whether the text is surely NFC.
struct HashWriter {
    sha: Sha256,
    normal: bool,
}

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.sha.update(bytes);
        // serde_json writes each run of a string between escapes whole, so a non-ASCII run is
        // whole UTF-8; the quick check says "surely NFC" for composed Vietnamese without
        // allocating, and anything else takes the full path in `Entry::new`.
        if self.normal && !bytes.is_ascii() {
            self.normal = std::str::from_utf8(bytes).is_ok_and(crate::unicode::is_quick_nfc);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
