//! The problems of an entry the ledger refuses, each declared once: the code on the variant,
//! the messages in both languages side by side.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use super::RevisionStatus;
use crate::Text;
use crate::period::Cycle;
use crate::problem::Problem;
use crate::term::Term;

/// A problem found in an entry the ledger refuses.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum LedgerProblem {
    /// A decision names a ledger entry that is not a submission.
    #[strum(serialize = "ledger.unknown_revision")]
    LedgerUnknownRevision {
        /// The sequence number named.
        revision: u64,
    },
    /// A decision on a revision that was already approved or returned.
    #[strum(serialize = "ledger.already_decided")]
    LedgerAlreadyDecided {
        /// The sequence number named.
        revision: u64,
        /// Its status.
        status: String,
    },
    /// A time an action claims that is later than the store's clock when it is recorded.
    #[strum(serialize = "ledger.time_ahead")]
    LedgerTimeAhead {
        /// The time claimed.
        claimed: String,
        /// The store's time.
        now: String,
    },
    /// A decision dated before the submission it decides on was received.
    #[strum(serialize = "ledger.decision_before_submission")]
    LedgerDecisionBeforeSubmission {
        /// The submission's sequence number.
        revision: u64,
        /// The decision's time.
        at: String,
        /// When the submission was received.
        received: String,
    },
    /// A withdrawal names a ledger entry that is not an assignment.
    #[strum(serialize = "ledger.not_an_assignment")]
    LedgerNotAnAssignment {
        /// The sequence number named.
        entry: u64,
    },
    /// A withdrawal of an assignment already withdrawn.
    #[strum(serialize = "ledger.already_withdrawn")]
    LedgerAlreadyWithdrawn {
        /// The sequence number named.
        entry: u64,
    },
    /// A withdrawal that would make an assignment last longer than it was given for.
    #[strum(serialize = "ledger.withdrawal_extends")]
    LedgerWithdrawalExtends {
        /// The last period the withdrawal names.
        to: String,
        /// The assignment's own last period.
        until: String,
    },
    /// An approval of a submission that lacks the evidence the catalogue requires.
    #[strum(serialize = "ledger.evidence_required")]
    LedgerEvidenceRequired {
        /// The submission's sequence number.
        revision: u64,
        /// Its item.
        item: String,
    },
    /// A publication whose ranking hash is not the hash of its rankings.
    #[strum(serialize = "ledger.publication_hash")]
    LedgerPublicationHash,
    /// A batch of imported rows offered as a single entry: only an import records one.
    #[strum(serialize = "ledger.batch_appended")]
    LedgerBatchAppended,
    /// A publication computed on another ledger head than the one it follows.
    #[strum(serialize = "ledger.publication_stale")]
    LedgerPublicationStale {
        /// The head the ranking was computed on.
        computed: String,
        /// The ledger's head.
        head: String,
    },
    /// A second publication of a period that does not name the one it replaces.
    #[strum(serialize = "ledger.already_published")]
    LedgerAlreadyPublished {
        /// The period.
        period: String,
        /// The publication in force.
        publication: u64,
    },
    /// An entry named as a publication (of the right period) that is not one.
    #[strum(serialize = "ledger.not_a_publication")]
    LedgerNotAPublication {
        /// The sequence number named.
        sequence: u64,
    },
    /// A submission for a published (closed) period that does not name the publication it
    /// corrects.
    #[strum(serialize = "ledger.period_closed")]
    LedgerPeriodClosed {
        /// The submission's period.
        period: String,
        /// The publication that closed it.
        publication: u64,
    },
    /// An evidence hash that is not 64 lowercase hexadecimal digits.
    #[strum(serialize = "evidence.hash")]
    EvidenceHash {
        /// The hash as written (cut to 80 characters).
        value: String,
    },
    /// A submission for a period of another cycle than its indicator's.
    #[strum(serialize = "ledger.wrong_cycle")]
    LedgerWrongCycle {
        /// The period.
        period: String,
        /// The indicator's cycle.
        cycle: String,
    },
}

impl Problem for LedgerProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::LedgerUnknownRevision { revision } => Text::new(
                {
                    format!("Mục {revision} của sổ cái không phải là một lần gửi số liệu.")
                },
                format!("Ledger entry {revision} is not a submission."),
            ),
            Self::LedgerAlreadyDecided { revision, status } => Text::new(
                {
                    format!("Lần gửi {revision} đã được xử lý ({}).", status_vi(status))
                },
                format!("Submission {revision} has already been decided (status `{status}`)."),
            ),
            Self::LedgerTimeAhead { claimed, now } => Text::new(
                {
                    format!("Thời điểm {claimed} muộn hơn đồng hồ của kho lưu trữ ({now}).")
                },
                format!("The time {claimed} is later than the store's clock ({now})."),
            ),
            Self::LedgerDecisionBeforeSubmission {
                revision,
                at,
                received,
            } => Text::new(
                format!("Quyết định lúc {at} sớm hơn lúc nhận lần gửi {revision} ({received})."),
                format!(
                    "A decision at {at} predates the receipt of submission {revision} ({received})."
                ),
            ),
            Self::LedgerNotAnAssignment { entry } => Text::new(
                {
                    format!("Mục {entry} của sổ cái không phải là một lần giao chỉ tiêu.")
                },
                format!("Ledger entry {entry} is not an assignment."),
            ),
            Self::LedgerAlreadyWithdrawn { entry } => Text::new(
                format!("Việc giao chỉ tiêu ở mục {entry} đã được thu hồi."),
                format!("The assignment at entry {entry} has already been withdrawn."),
            ),
            Self::LedgerWithdrawalExtends { to, until } => Text::new(
                format!(
                    "Thu hồi chỉ làm việc giao kết thúc sớm hơn: kỳ {to} sau kỳ cuối đã giao {until}."
                ),
                format!(
                    "A withdrawal only ends an assignment sooner: {to} is after its last period, {until}."
                ),
            ),
            Self::LedgerEvidenceRequired { revision, item } => Text::new(
                format!(
                    "Lần gửi {revision} (`{item}`) chưa kèm minh chứng mà bộ chỉ số yêu cầu: chưa thể phê duyệt."
                ),
                format!(
                    "Submission {revision} (`{item}`) lacks the evidence the catalogue requires: it cannot be approved."
                ),
            ),
            Self::LedgerPublicationHash => Text::new(
                {
                    "Mã băm của bảng xếp hạng công bố không khớp với bảng xếp hạng.".to_owned()
                },
                "The published ranking's hash is not the hash of the ranking.",
            ),
            Self::LedgerBatchAppended => Text::new(
                {
                    "Một lô số liệu chỉ được ghi bằng thao tác nhập, không ghi như một mục đơn lẻ."
                        .to_owned()
                },
                {
                    "A batch of rows is recorded by an import, not appended as a single entry."
                        .to_owned()
                },
            ),
            Self::LedgerPublicationStale { computed, head } => Text::new(
                format!(
                    "Bảng xếp hạng được tính trên sổ cái {computed}, nhưng sổ cái nay đã là {head}: tính lại rồi công bố."
                ),
                format!(
                    "The ranking was computed on ledger head {computed}, but the head is now {head}: recompute, then publish."
                ),
            ),
            Self::LedgerAlreadyPublished {
                period,
                publication,
            } => Text::new(
                format!(
                    "Kỳ {period} đã công bố (mục {publication}); công bố lại phải nêu mục được thay thế và lý do."
                ),
                format!(
                    "{period} is already published (entry {publication}); a republication names the entry it replaces and why."
                ),
            ),
            Self::LedgerNotAPublication { sequence } => Text::new(
                {
                    format!("Mục {sequence} của sổ cái không phải là một lần công bố của kỳ này.")
                },
                format!("Ledger entry {sequence} is not a publication of this period."),
            ),
            Self::LedgerPeriodClosed {
                period,
                publication,
            } => Text::new(
                format!(
                    "Kỳ {period} đã khóa khi công bố (mục {publication}): chỉ nhận số liệu đính chính có nêu lần công bố."
                ),
                format!(
                    "{period} was closed when it was published (entry {publication}): only a correction naming the publication is accepted."
                ),
            ),
            Self::LedgerWrongCycle { period, cycle } => Text::new(
                {
                    format!(
                        "Kỳ {period} không thuộc chu kỳ báo cáo của chỉ số ({}).",
                        cycle_vi(cycle)
                    )
                },
                format!("Period {period} is not one of the indicator's `{cycle}` cycle."),
            ),
            Self::EvidenceHash { value } => Text::new(
                {
                    format!(
                        "Mã băm SHA-256 của minh chứng `{value}` phải gồm 64 chữ số thập lục phân viết thường."
                    )
                },
                {
                    format!(
                        "The evidence SHA-256 `{value}` must be 64 lowercase hexadecimal digits."
                    )
                },
            ),
        }
    }
}

/// A revision's status (`approved`, `returned`, `submitted`) as the vocabulary labels it, so
/// that no English word sits inside a Vietnamese message.
fn status_vi(status: &str) -> String {
    RevisionStatus::from_code(status)
        .map_or_else(|| status.to_owned(), |s| s.label().vi.to_lowercase())
}

/// A reporting cycle (`monthly`, ...) as the vocabulary labels it.
fn cycle_vi(cycle: &str) -> String {
    Cycle::from_code(cycle).map_or_else(|| cycle.to_owned(), |c| c.label().vi.to_lowercase())
}
