//! Names of the catalogue's enumerations in Vietnamese and English, for tables and forms.
//! Written once here so the CLI, Python and the browser show the same words.

use super::{Direction, ExplanationRequirement, SourceKind, Status, ValueType};
use crate::Text;

impl Direction {
    /// The direction's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Direction::HigherIsBetter => Text::new("càng cao càng tốt", "higher is better"),
            Direction::LowerIsBetter => Text::new("càng thấp càng tốt", "lower is better"),
            Direction::InsideBand => Text::new("nằm trong khoảng", "inside a band"),
        }
    }
}

impl ValueType {
    /// The value type's name in both languages.
    pub fn label(self) -> Text {
        match self {
            ValueType::Number => Text::new("số", "number"),
            ValueType::Percent => Text::new("tỷ lệ phần trăm", "percent"),
            ValueType::Ratio => Text::new("tỷ số (0–1)", "ratio (0–1)"),
            ValueType::Rank => Text::new("thứ hạng", "rank"),
            ValueType::Count => Text::new("số lượng", "count"),
            ValueType::YesNo => Text::new("có/không", "yes/no"),
            ValueType::Text => Text::new("văn bản", "text"),
        }
    }
}

impl ExplanationRequirement {
    /// The requirement in both languages.
    pub fn label(self) -> Text {
        match self {
            ExplanationRequirement::None => Text::new("không yêu cầu", "not required"),
            ExplanationRequirement::WhenOffTrack => {
                Text::new("khi không đạt tiến độ", "when off track")
            }
            ExplanationRequirement::Always => Text::new("mọi kỳ báo cáo", "every period"),
        }
    }
}

impl Status {
    /// The status in both languages.
    pub fn label(self) -> Text {
        match self {
            Status::Official => Text::new("chính thức", "official"),
            Status::Illustrative => Text::new("minh họa", "illustrative"),
        }
    }
}

impl SourceKind {
    /// The kind of source in both languages.
    pub fn label(self) -> Text {
        match self {
            SourceKind::System => Text::new("kết nối hệ thống", "connected system"),
            SourceKind::Form => Text::new("biểu mẫu", "form"),
        }
    }
}
