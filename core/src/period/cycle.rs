use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// How often a value is reported ("chu kỳ báo cáo").
///
/// The letters require monthly, quarterly and yearly reporting, strictly kept; half-yearly is the
/// Central Party Office's own rhythm for Resolution 57 reports.
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

    /// How many months one period of the cycle spans: 1, 3, 6 or 12.
    ///
    /// Every length divides the next, so the periods of a finer cycle tile those of a coarser one
    /// exactly; the relations between periods rest on that.
    ///
    /// ```
    /// use chiso::period::Cycle;
    /// assert_eq!(Cycle::HalfYearly.months(), 6);
    /// ```
    pub fn months(self) -> u32 {
        match self {
            Cycle::Monthly => 1,
            Cycle::Quarterly => 3,
            Cycle::HalfYearly => 6,
            Cycle::Yearly => 12,
        }
    }

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
