use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// How often a value is reported ("chu kỳ báo cáo").
///
/// The letters require monthly, quarterly and yearly reporting, strictly kept; half-yearly is the
/// Central Party Office's own rhythm for Resolution 57 reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Cycle {
    /// Every month ("hằng tháng").
    Monthly,
    /// Every quarter ("hằng quý").
    Quarterly,
    /// Every half-year ("6 tháng").
    HalfYearly,
    /// Every year ("hằng năm").
    Yearly,
}

impl Cycle {
    /// Every cycle, shortest first.
    pub const ALL: [Cycle; 4] = [
        Cycle::Monthly,
        Cycle::Quarterly,
        Cycle::HalfYearly,
        Cycle::Yearly,
    ];

    /// The cycle's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Cycle::Monthly => Text::new("Hằng tháng", "Monthly"),
            Cycle::Quarterly => Text::new("Hằng quý", "Quarterly"),
            Cycle::HalfYearly => Text::new("6 tháng", "Half-yearly"),
            Cycle::Yearly => Text::new("Hằng năm", "Yearly"),
        }
    }
}
