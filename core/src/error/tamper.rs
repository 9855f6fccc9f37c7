//! How a ledger was tampered with: the reason a [`Tampered`](super::Error::Tampered) error
//! carries, and what a verification reports.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a ledger was tampered with.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tamper {
    /// The entry's content was changed (its hash no longer matches it, or it was rehashed and
    /// the next entry's link no longer matches).
    // The default only fills the error registry's blank examples.
    #[default]
    Edited,
    /// Entries before this position were removed.
    Removed,
    /// An entry was copied in again.
    Inserted,
    /// Entries were put in another order.
    Reordered,
    /// The published head is not in the ledger: entries were removed from the end, or the
    /// whole ledger was rewritten.
    Truncated,
    /// The entry's recorded time is earlier than the one before it, or it has none though the
    /// entries before were stamped by a store: it was not recorded where it stands.
    Backdated,
}

impl Tamper {
    /// What was done, in both languages.
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            Tamper::Edited => Text::new("nội dung bị sửa", "its content was edited"),
            Tamper::Removed => {
                Text::new("có mục bị xoá trước nó", "entries before it were removed")
            }
            Tamper::Inserted => {
                Text::new("một mục bị chép thêm vào", "an entry was copied in again")
            }
            Tamper::Reordered => Text::new("các mục bị đổi thứ tự", "entries were reordered"),
            Tamper::Truncated => Text::new(
                "sổ cái kết thúc trước mã đầu chuỗi đã công bố",
                "the ledger ends before the published head",
            ),
            Tamper::Backdated => Text::new(
                "thời điểm ghi nhận lùi về trước mục liền trước",
                "its recorded time goes back before the entry before it",
            ),
        }
    }
}
