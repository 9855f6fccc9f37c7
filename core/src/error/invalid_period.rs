use serde::{Deserialize, Serialize};

/// Why a text is not a period.
#[derive(Debug, Clone, Default, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum InvalidPeriod {
    /// Nothing was given.
    // The default only fills the error registry's blank examples.
    #[default]
    Empty,
    /// The text matches none of the accepted spellings.
    Unrecognised,
    /// A month outside 1–12.
    Month(u32),
    /// A quarter outside 1–4.
    Quarter(u32),
    /// A half-year outside 1–2.
    Half(u32),
    /// A year outside 1000–9999.
    Year(i64),
}

impl InvalidPeriod {
    /// The reason in Vietnamese.
    pub fn message_vi(self) -> String {
        match self {
            InvalidPeriod::Empty => "chưa nhập kỳ".to_owned(),
            InvalidPeriod::Unrecognised => "không đúng dạng nào được chấp nhận".to_owned(),
            InvalidPeriod::Month(m) => format!("tháng {m} không nằm trong 1–12"),
            InvalidPeriod::Quarter(q) => format!("quý {q} không nằm trong 1–4"),
            InvalidPeriod::Half(h) => format!("nửa năm {h} không phải 1 hoặc 2"),
            InvalidPeriod::Year(y) => format!("năm {y} không nằm trong 1000–9999"),
        }
    }

    /// The reason in English.
    pub fn message_en(self) -> String {
        match self {
            InvalidPeriod::Empty => "no period given".to_owned(),
            InvalidPeriod::Unrecognised => "it matches none of the accepted spellings".to_owned(),
            InvalidPeriod::Month(m) => format!("month {m} is not within 1–12"),
            InvalidPeriod::Quarter(q) => format!("quarter {q} is not within 1–4"),
            InvalidPeriod::Half(h) => format!("half-year {h} is not 1 or 2"),
            InvalidPeriod::Year(y) => format!("year {y} is not within 1000–9999"),
        }
    }
}
