use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// An agency named in indicator passports: a ministry, an office, or a class of units such as
/// "every province".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Short code the passports refer to (`MOST`, `SBV`, ...).
    pub code: String,
    /// Full name.
    pub name: Text,
}

/// Who answers for an indicator: the passport's responsibility fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// The lead agency ("cơ quan chủ trì"), which monitors the indicator: an agency code.
    pub lead_agency: String,
    /// The agencies that carry it out ("cơ quan thực hiện"): agency codes.
    pub implementing_agencies: Vec<String>,
    /// Who updates the value and when ("trách nhiệm cập nhật").
    pub update: Text,
    /// The agency that verifies reported values ("đơn vị thẩm định"): an agency code.
    pub verified_by: String,
}
