//! Validation rules ("quy tắc kiểm tra"): a comparison between two formulas over the values a
//! unit reports, such as "documents sent digitally never exceed documents sent", with a
//! missing-value strategy per side and a severity, as DHIS2 declares them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::formula::MissingStrategy;
use crate::{Severity, Text};

/// A rule the values of one unit and period must keep.
///
/// ```
/// use chiso::catalogue::{RuleOperator, ValidationRule};
/// let rule: ValidationRule = serde_json::from_str(r#"{"code": "R_B01",
///     "name": {"vi": "Văn bản điện tử không vượt tổng số văn bản", "en": "Digital documents do not exceed all documents"},
///     "left": {"expression": "van_ban_dien_tu"}, "operator": "<=",
///     "right": {"expression": "van_ban_tong"}, "severity": "error"}"#).unwrap();
/// assert_eq!(rule.operator, RuleOperator::AtMost);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationRule {
    /// Identifier, unique among the rules.
    pub code: String,
    /// What the rule says, in words.
    pub name: Text,
    /// The left side.
    pub left: RuleSide,
    /// How the sides compare.
    pub operator: RuleOperator,
    /// The right side.
    pub right: RuleSide,
    /// Whether a violation makes the value wrong (`error`) or only suspicious (`warning`).
    pub severity: Severity,
}

/// One side of a rule: a formula and what its missing inputs do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSide {
    /// The formula, over data element and indicator codes.
    pub expression: String,
    /// When the side has no value: by default (`skip_if_any_missing`) the rule is skipped if
    /// any input is missing; `skip_if_all_missing` counts unreported numbers as zero unless
    /// every input is missing; `zero` always counts them as zero (DHIS2's `NEVER_SKIP`).
    #[serde(default, skip_serializing_if = "MissingStrategy::is_default")]
    pub missing: MissingStrategy,
}

/// How the two sides of a rule compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum RuleOperator {
    /// Equal.
    #[serde(rename = "==")]
    Equal,
    /// Not equal.
    #[serde(rename = "!=")]
    NotEqual,
    /// Left greater than right.
    #[serde(rename = ">")]
    Above,
    /// Left at least right.
    #[serde(rename = ">=")]
    AtLeast,
    /// Left less than right.
    #[serde(rename = "<")]
    Below,
    /// Left at most right.
    #[serde(rename = "<=")]
    AtMost,
    /// Both sides have a value, or neither does.
    #[serde(rename = "compulsory_pair")]
    CompulsoryPair,
    /// At most one side has a value.
    #[serde(rename = "exclusive_pair")]
    ExclusivePair,
}

impl RuleOperator {
    /// The operator as written in rules and messages.
    pub fn symbol(self) -> &'static str {
        match self {
            RuleOperator::Equal => "==",
            RuleOperator::NotEqual => "!=",
            RuleOperator::Above => ">",
            RuleOperator::AtLeast => ">=",
            RuleOperator::Below => "<",
            RuleOperator::AtMost => "<=",
            RuleOperator::CompulsoryPair => "compulsory_pair",
            RuleOperator::ExclusivePair => "exclusive_pair",
        }
    }

    /// Whether the operator orders numbers (so both sides must be numbers).
    pub fn is_ordering(self) -> bool {
        matches!(
            self,
            RuleOperator::Above
                | RuleOperator::AtLeast
                | RuleOperator::Below
                | RuleOperator::AtMost
        )
    }

    /// Whether the operator only looks at which sides have a value.
    pub fn is_pairing(self) -> bool {
        matches!(
            self,
            RuleOperator::CompulsoryPair | RuleOperator::ExclusivePair
        )
    }
}
