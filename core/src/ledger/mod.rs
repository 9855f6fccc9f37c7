//! The ledger ("sổ cái"): every submitted value and every decision on it, append-only and
//! chained by SHA-256, so nothing is lost or silently changed, and every number in force can
//! name the revision and evidence it came from.
//!
//! Each entry stores the hash of the one before; [`Ledger::verify`] recomputes the chain and
//! names the first entry that was edited, removed, inserted or reordered. Publishing the
//! [`head`](Ledger::head) hash (in a report, a letter) makes a rewritten or truncated ledger
//! detectable too.

mod assigning;
mod batch;
mod canonical;
mod chain;
mod entry;
mod explanation;
mod filing;
mod import;
mod jsonl;
pub mod merkle;
mod observations;
mod problem;
mod publication;
mod rows;
mod rules;
mod snapshot;
mod submission;

pub use crate::error::Tamper;
pub use assigning::LedgerAssignment;
pub(crate) use batch::Place;
pub use batch::{Batch, MAX_BATCH_ROWS};
pub use chain::{Broken, Ledger, RevisionStatus, Verification};
pub use entry::{Action, Entry, FORMAT_STAMPED, FORMAT_UNSTAMPED, GENESIS};
pub use explanation::{Bottleneck, Explanation};
pub use filing::{Filing, MAX_FILING_ENTRIES};
pub use import::{Approval, MAX_BATCH_BYTES};
pub use jsonl::MAX_LINE_FINDINGS;
pub use observations::{Observations, ValueRow};
pub use problem::LedgerProblem;
pub use publication::{Publication, PublishedRanking, PublishedRow};
pub use rows::{BatchRows, SubmissionRef};
pub use rules::Rules;
pub use snapshot::Snapshotted;
pub use submission::{Evidence, Flags, Submission, SubmissionOrigin, sha256_hex};
