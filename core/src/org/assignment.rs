use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::period::Period;

/// An item (indicator or data element) assigned to a unit ("giao chỉ số"), tied to the
/// responsibility of a named focal officer, for a range of periods.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The unit that must report.
    pub unit: String,
    /// The indicator or data element code.
    pub item: String,
    /// Whether the unit leads or carries out.
    pub role: Role,
    /// The officer answerable for it ("cán bộ đầu mối").
    pub focal_officer: String,
    /// The first period it applies to.
    #[schemars(with = "String")]
    pub from: Period,
    /// The last period it applies to; open-ended when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub to: Option<Period>,
    /// The unit that assigned it.
    pub assigned_by: String,
}

/// A unit's part in an assigned item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Leads ("chủ trì").
    Lead,
    /// Carries out ("thực hiện").
    Implementing,
}

impl Assignment {
    /// Whether the assignment covers `period`: it starts no later and ends no earlier.
    pub fn covers(&self, period: Period) -> bool {
        period.first_month_index() >= self.from.first_month_index()
            && self
                .to
                .is_none_or(|to| period.last_month_index() <= to.last_month_index())
    }
}

/// Reads a JSON array of assignments; a problem is [`Error::InvalidInput`](crate::Error) with
/// its path (`/3/from`).
///
/// ```
/// let err = chiso::org::assignments_from_json(r#"[{"unit": "DN"}]"#).unwrap_err();
/// assert_eq!(err.findings()[0].code, "json.missing_field");
/// ```
pub fn assignments_from_json(text: &str) -> Result<Vec<Assignment>, crate::Error> {
    crate::json::from_str(text).map_err(|finding| crate::Error::InvalidInput {
        what: crate::InputKind::Assignments,
        findings: vec![finding],
    })
}
