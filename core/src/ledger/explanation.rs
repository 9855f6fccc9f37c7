//! Explanations ("giải trình"): what a unit files when an indicator it answers for is off track
//! (Layer C practice), so that superiors see causes and bottlenecks, not just numbers.

use chrono::NaiveDateTime;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;
use crate::period::Period;

/// A unit's explanation of one indicator's value in one period.
///
/// ```
/// use chiso::ledger::{Bottleneck, Explanation};
/// let e: Explanation = serde_json::from_str(r#"{"unit": "DN", "indicator": "C01",
///     "period": "2026-Q2", "causes": "Chưa ban hành quy chế thử nghiệm.",
///     "bottlenecks": ["institutions"], "solutions": "Trình HĐND ban hành quy chế trong quý III.",
///     "submitted_by": "can_bo_1", "submitted_at": "2026-07-10T09:00:00"}"#).unwrap();
/// assert_eq!(e.bottlenecks, [Bottleneck::Institutions]);
/// assert!(e.blank_parts().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The unit explaining.
    pub unit: String,
    /// The indicator explained.
    pub indicator: String,
    /// The period.
    #[schemars(with = "String")]
    pub period: Period,
    /// Why the indicator is off track ("nguyên nhân").
    pub causes: String,
    /// Where the obstacle lies ("điểm nghẽn"), one or more categories.
    pub bottlenecks: Vec<Bottleneck>,
    /// What the unit will do ("giải pháp").
    pub solutions: String,
    /// What it asks of higher levels ("kiến nghị, đề xuất hỗ trợ"), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_requested: Option<String>,
    /// Who filed it.
    pub submitted_by: String,
    /// When (local time).
    #[schemars(with = "String")]
    pub submitted_at: NaiveDateTime,
}

/// Where the obstacle behind an off-track indicator lies.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Bottleneck {
    /// Laws, regulations, procedures ("thể chế").
    Institutions,
    /// Money ("tài chính").
    Finance,
    /// People and skills ("nhân lực").
    HumanResources,
    /// Networks, systems, equipment ("hạ tầng").
    Infrastructure,
    /// Data ("dữ liệu").
    Data,
    /// Working across agencies ("phối hợp").
    Coordination,
    /// Anything else ("khác").
    Other,
}

impl Bottleneck {
    /// The category's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Bottleneck::Institutions => Text::new("Thể chế", "Institutions"),
            Bottleneck::Finance => Text::new("Tài chính", "Finance"),
            Bottleneck::HumanResources => Text::new("Nhân lực", "Human resources"),
            Bottleneck::Infrastructure => Text::new("Hạ tầng", "Infrastructure"),
            Bottleneck::Data => Text::new("Dữ liệu", "Data"),
            Bottleneck::Coordination => Text::new("Phối hợp", "Coordination"),
            Bottleneck::Other => Text::new("Khác", "Other"),
        }
    }
}

impl Explanation {
    /// The required parts left blank: `causes`, `bottlenecks`, `solutions` (JSON field names).
    pub fn blank_parts(&self) -> Vec<&'static str> {
        let mut blank = Vec::new();
        if self.causes.trim().is_empty() {
            blank.push("causes");
        }
        if self.bottlenecks.is_empty() {
            blank.push("bottlenecks");
        }
        if self.solutions.trim().is_empty() {
            blank.push("solutions");
        }
        blank
    }
}
