use chrono::{NaiveDate, NaiveDateTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Value;
use crate::period::Period;

/// A value a unit reports for one item (indicator or data element) and period, with its
/// evidence ("minh chứng") and who sent it when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// The reporting unit's id.
    pub unit: String,
    /// The indicator or data element code.
    pub item: String,
    /// The period reported.
    #[schemars(with = "String")]
    pub period: Period,
    /// The value (missing with a reason is a value too).
    pub value: Value,
    /// The unit of measure the value was written in, when the form or system states one
    /// (`%`, `tỷ đồng`); the quality check compares it with the catalogue's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Qualifiers of the value.
    #[serde(default, skip_serializing_if = "Flags::is_empty")]
    pub flags: Flags,
    /// Where the value came from.
    pub source: SubmissionOrigin,
    /// The documents that back the value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Who submitted it (an account or officer id).
    pub submitted_by: String,
    /// When (local time, `YYYY-MM-DDTHH:MM:SS`).
    #[schemars(with = "String")]
    pub submitted_at: NaiveDateTime,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The publication this revision corrects: a period once published is closed, and a later
    /// revision to it (or to a period within it) names the publication it would change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<u64>,
}

/// Qualifiers of a reported value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// The value is an estimate ("ước tính").
    #[serde(default)]
    pub estimated: bool,
    /// The value is provisional and will be revised ("sơ bộ").
    #[serde(default)]
    pub provisional: bool,
}

impl Flags {
    /// Whether no flag is set.
    pub fn is_empty(&self) -> bool {
        !self.estimated && !self.provisional
    }
}

/// Where a submitted value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SubmissionOrigin {
    /// Typed into a form.
    Form,
    /// Supplied by a connected information system.
    System {
        /// The system's name.
        system: String,
    },
}

impl SubmissionOrigin {
    /// The system a table's rows come from when neither the table nor its caller names one.
    pub const IMPORTED: &'static str = "import";

    /// A source as a table names it: `form` for a form, any other name a connected system's.
    ///
    /// ```
    /// use chiso::ledger::SubmissionOrigin;
    /// assert_eq!(SubmissionOrigin::named("form"), SubmissionOrigin::Form);
    /// assert_eq!(SubmissionOrigin::named("thong_ke"), SubmissionOrigin::System { system: "thong_ke".into() });
    /// ```
    pub fn named(name: &str) -> Self {
        match name {
            "form" => SubmissionOrigin::Form,
            system => SubmissionOrigin::System {
                system: system.to_owned(),
            },
        }
    }
}

/// One evidence document, identified by the SHA-256 of its bytes so that a later swap of the
/// file is detectable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of the file, 64 lowercase hexadecimal digits.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// Media type (`application/pdf`, ...).
    pub media_type: String,
    /// The document's number ("số văn bản"), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// The document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub document_date: Option<NaiveDate>,
    /// What the document shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Where the file is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

impl Submission {
    /// `self` with every text in NFC, when one was not (`None` when all were).
    pub(crate) fn in_nfc(&self) -> Option<Submission> {
        crate::unicode::in_nfc(self)
    }

    /// Its free texts, each with its field's JSON Pointer, evidence included: what the string
    /// bound covers when a submission is built in code rather than read from JSON.
    pub(crate) fn texts(&self) -> impl Iterator<Item = (std::borrow::Cow<'static, str>, &str)> {
        super::SubmissionRef::from(self).texts()
    }
}

impl Evidence {
    /// Whether `sha256` is well formed: 64 lowercase hexadecimal digits.
    pub fn has_valid_hash(&self) -> bool {
        self.sha256.len() == 64
            && self
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    /// Whether `file` is the document this evidence names: its size and SHA-256 both match.
    /// A portal that receives the file calls this before accepting the submission, so a hash
    /// that names no real document (or another one) is caught at the door; once recorded, the
    /// ledger's chain keeps the hash from being swapped later.
    ///
    /// ```
    /// use chiso::ledger::Evidence;
    /// let file = b"Bao cao so 12/BC-UBND";
    /// let evidence: Evidence = serde_json::from_value(serde_json::json!({
    ///     "file_name": "bao_cao.pdf", "size": 21, "media_type": "application/pdf",
    ///     "sha256": "0c8b8e3f6d0e1c9e2a3fa6b3e0b0b6b7d3b9c8b1a0c8b5e3a2f4d6c7b8a9e0f1"}))?;
    /// assert!(!evidence.matches(file)); // a made-up hash
    /// let honest = Evidence { sha256: chiso::ledger::sha256_hex(file), ..evidence };
    /// assert!(honest.matches(file));
    /// assert!(!honest.matches(b"Bao cao so 13/BC-UBND")); // another document, same size
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn matches(&self, file: &[u8]) -> bool {
        self.size == file.len() as u64 && self.sha256 == sha256_hex(file)
    }
}

/// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits: how evidence names a document.
///
/// ```
/// assert_eq!(chiso::ledger::sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}
