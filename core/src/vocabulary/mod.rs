//! The vocabulary ("bộ từ vựng"): every word chiso's public enumerations cross a boundary as,
//! each with its one spelling and its label in both languages, listed in one place.
//!
//! The Python package's `Literal`s, the TypeScript unions, the CLI's value parsers and the web
//! form's labels are generated from this list or tested against it, so that no front door
//! spells a layer, a tie policy or a progress status its own way. Each spelling is derived
//! (`strum`), and a test holds it to the JSON spelling (`serde`) value by value.
//!
//! ```
//! use chiso::vocabulary::{Term, vocabulary};
//! use chiso::evaluation::ProgressStatus;
//! assert_eq!(ProgressStatus::OnTrack.code(), "on_track");
//! assert_eq!(ProgressStatus::from_code("on_track"), Some(ProgressStatus::OnTrack));
//! assert_eq!(ProgressStatus::OnTrack.label().vi, "Đúng tiến độ");
//! let words = vocabulary();
//! let status = words.iter().find(|w| w.name == "progress_status").unwrap();
//! assert_eq!(status.words.len(), 5);
//! ```

use serde::Serialize;

use crate::Text;

mod defaults;
mod problems;

pub use crate::term::Term;
pub use defaults::{Defaults, defaults};
pub use problems::{ErrorCode, ProblemCode, error_codes, problems};

/// One value of an enumeration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    /// Its spelling.
    pub code: &'static str,
    /// Its label in both languages.
    pub label: Text,
}

/// One enumeration and all its values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Words {
    /// The enumeration's name.
    pub name: &'static str,
    /// What it is, in both languages.
    pub meaning: Text,
    /// Its values, in declaration order.
    pub words: Vec<Word>,
}

impl Words {
    /// Every value of `T`.
    pub fn of<T: Term>() -> Words {
        Words {
            name: T::NAME,
            meaning: T::meaning(),
            words: T::iter()
                .map(|term| Word {
                    code: term.code(),
                    label: term.label(),
                })
                .collect(),
        }
    }
}

/// Declares each enumeration a [`Term`] (its label the type's own `label`), and lists them all
/// in [`vocabulary`].
macro_rules! terms {
    ($($ty:ty => $name:literal, $vi:literal, $en:literal;)*) => {
        $(
            impl Term for $ty {
                const NAME: &'static str = $name;

                fn meaning() -> Text {
                    Text::new($vi, $en)
                }

                fn label(self) -> Text {
                    <$ty>::label(self)
                }
            }
        )*

        /// Every enumeration of the vocabulary, in a fixed order.
        pub fn vocabulary() -> Vec<Words> {
            vec![$(Words::of::<$ty>()),*]
        }

        #[cfg(test)]
        fn each_spelled_as_json(check: &mut dyn FnMut(&'static str, Vec<(&'static str, String)>)) {
            $(
                check(
                    <$ty as Term>::NAME,
                    <$ty as strum::IntoEnumIterator>::iter()
                        .map(|t| (t.code(), serde_json::to_value(t).ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default()))
                        .collect(),
                );
            )*
        }
    };
}

use crate::catalogue::{Direction, Layer, ValueType};
use crate::evaluation::{
    CompositeMethod, GapKind, InvalidPolicy, MissingPolicy, Origin, ProgressStatus, TiePolicy,
};
use crate::ledger::{Bottleneck, RevisionStatus};
use crate::org::UnitKind;
use crate::period::{Cycle, Timeliness};
use crate::quality::Dimension;
use crate::report::{ExportFormat, RankingColumn};
use crate::{ErrorCategory, Lang};

terms! {
    Lang => "lang", "Ngôn ngữ", "Language";
    Layer => "layer", "Lớp chỉ số", "Layer";
    Cycle => "cycle", "Kỳ báo cáo", "Reporting cycle";
    ValueType => "value_type", "Kiểu giá trị", "Value type";
    Direction => "direction", "Chiều tốt", "Direction";
    UnitKind => "unit_kind", "Loại đơn vị", "Kind of unit";
    RevisionStatus => "status", "Trạng thái số liệu", "Status of a value";
    Timeliness => "timeliness", "Tính kịp thời", "Timeliness";
    Bottleneck => "bottleneck", "Nhóm điểm nghẽn", "Bottleneck";
    Dimension => "quality_dimension", "Tiêu chí chất lượng", "Quality dimension";
    GapKind => "gap_kind", "Loại thiếu hụt", "Kind of gap";
    CompositeMethod => "method", "Cách tổng hợp", "Composite method";
    MissingPolicy => "missing_policy", "Xử lý số liệu thiếu", "Missing values";
    InvalidPolicy => "invalid_policy", "Xử lý số liệu không hợp lệ", "Invalid values";
    TiePolicy => "ties", "Xử lý đồng hạng", "Ties";
    Origin => "origin", "Nguồn giá trị", "Origin of a value";
    ProgressStatus => "progress_status", "Tiến độ", "Progress";
    ExportFormat => "export_format", "Định dạng xuất", "Export format";
    RankingColumn => "ranking_column", "Cột bảng xếp hạng", "Column of a ranking table";
    ErrorCategory => "error_category", "Loại lỗi", "Kind of error";
}

/// The label of the value `code` of the enumeration `name`.
///
/// ```
/// let label = chiso::vocabulary::label_of("ties", "dense").unwrap();
/// assert_eq!(label.en, "Dense (1, 2, 2, 3)");
/// let unknown = chiso::vocabulary::label_of("ties", "olympic").unwrap_err();
/// assert_eq!(unknown.code(), "argument.invalid");
/// ```
pub fn label_of(name: &str, code: &str) -> Result<Text, crate::Error> {
    let all = vocabulary();
    let Some(words) = all.iter().find(|w| w.name == name) else {
        let names: Vec<String> = all.iter().map(|w| format!("`{}`", w.name)).collect();
        return Err(crate::Error::InvalidArgument {
            name: "name",
            value: name.to_owned(),
            expected: names.join(", "),
        });
    };
    if let Some(word) = words.words.iter().find(|w| w.code == code) {
        return Ok(word.label.clone());
    }
    let codes: Vec<String> = words
        .words
        .iter()
        .map(|w| format!("`{}`", w.code))
        .collect();
    Err(crate::Error::InvalidArgument {
        name: "code",
        value: code.to_owned(),
        expected: codes.join(", "),
    })
}

/// The vocabulary as JSON: `[{name, meaning, words: [{code, label: {vi, en}}]}]`.
pub fn vocabulary_json() -> String {
    crate::to_json(&vocabulary())
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_value_is_spelled_as_json_spells_it() {
        let mut names = HashSet::new();
        let mut count = 0;
        each_spelled_as_json(&mut |name, pairs| {
            assert!(names.insert(name), "{name} listed twice");
            assert!(!pairs.is_empty(), "{name} has no values");
            for (code, json) in pairs {
                assert_eq!(
                    code, json,
                    "{name}: the derived spelling is not the JSON one"
                );
                count += 1;
            }
        });
        assert_eq!(names.len(), vocabulary().len());
        assert!(count > 60, "{count} values");
    }

    #[test]
    fn every_value_has_both_labels_and_reads_back() {
        for words in vocabulary() {
            assert!(!words.meaning.vi.is_empty() && !words.meaning.en.is_empty());
            let mut seen = HashSet::new();
            for word in &words.words {
                assert!(
                    seen.insert(word.code),
                    "{}: {} twice",
                    words.name,
                    word.code
                );
                assert!(!word.label.vi.is_empty(), "{}: {}", words.name, word.code);
                assert!(!word.label.en.is_empty(), "{}: {}", words.name, word.code);
            }
        }
        assert_eq!(Layer::from_code("b"), Some(Layer::B));
        assert_eq!(Layer::from_code("B"), None);
        assert_eq!(
            TiePolicy::codes(),
            ["competition", "dense", "average", "ordinal"]
        );
        assert_eq!(GapKind::Overdue.code(), "live.overdue");
    }
}
