use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Indicator;
use crate::Text;

/// A target an indicator must reach ("chỉ tiêu"): a comparison, the scope it applies in, and
/// the milestone year. An indicator may have several (ASEAN and world; 2030 and 2045).
///
/// The JSON form is flat, as a form or spreadsheet would write it; which of `value`, `min`/`max`
/// and `text` must be present depends on the comparator, and validation checks it.
/// [`Target::goal`] gives the typed view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// How the achieved value is compared.
    pub comparator: Comparator,
    /// The threshold for `>=`, `>`, `<=`, `<` and `=` (a decimal string).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::decimal::ExactOption"
    )]
    pub value: Option<Decimal>,
    /// The lower bound of a `range` (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::decimal::ExactOption"
    )]
    pub min: Option<Decimal>,
    /// The upper bound of a `range` (inclusive).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::decimal::ExactOption"
    )]
    pub max: Option<Decimal>,
    /// The wording of a qualitative (`text`) target, judged categorically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Where the target applies.
    pub scope: Scope,
    /// The milestone year (2025, 2030, 2045, ...).
    pub year: u16,
    /// A remark, such as a sub-condition stated beside the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The comparison a target makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Comparator {
    /// At least `value`.
    #[serde(rename = ">=")]
    AtLeast,
    /// More than `value`.
    #[serde(rename = ">")]
    Above,
    /// At most `value` (ranks: "in the top N").
    #[serde(rename = "<=")]
    AtMost,
    /// Less than `value`.
    #[serde(rename = "<")]
    Below,
    /// Exactly `value`.
    #[serde(rename = "=")]
    Equal,
    /// Between `min` and `max`, both included (written `a – b` in the resolution).
    #[serde(rename = "range")]
    Range,
    /// A qualitative target stated in words.
    #[serde(rename = "text")]
    Text,
}

impl Comparator {
    /// The comparator as printed in tables (`≥`, `≤`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::Above => ">",
            Comparator::AtMost => "≤",
            Comparator::Below => "<",
            Comparator::Equal => "=",
            Comparator::Range => "–",
            Comparator::Text => "",
        }
    }
}

/// Where a target applies ("phạm vi").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Vietnam as a whole.
    National,
    /// Among the ASEAN member states (ranks).
    Asean,
    /// Among Asian countries (ranks).
    Asia,
    /// Among all countries (ranks).
    World,
    /// For each assigned ministry, province or unit separately.
    EachUnit,
}

impl Scope {
    /// The scope's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Scope::National => Text::new("cả nước", "national"),
            Scope::Asean => Text::new("ASEAN", "ASEAN"),
            Scope::Asia => Text::new("châu Á", "Asia"),
            Scope::World => Text::new("thế giới", "world"),
            Scope::EachUnit => Text::new("mỗi đơn vị", "each unit"),
        }
    }
}

/// The typed view of a target's comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal<'a> {
    /// A one-sided or exact comparison against a threshold.
    Threshold {
        /// `>=`, `>`, `<=`, `<` or `=`.
        comparator: Comparator,
        /// The threshold.
        value: Decimal,
    },
    /// Between two bounds, both included.
    Range {
        /// Lower bound.
        min: Decimal,
        /// Upper bound.
        max: Decimal,
    },
    /// A qualitative target.
    Qualitative(&'a Text),
}

impl<'a> Goal<'a> {
    /// The goal as an indicator whose better side is `direction` is judged by it: a band
    /// (over-achievement falling short) only for an indicator declared
    /// [`InsideBand`](super::Direction::InsideBand); otherwise an `=` or a range target is
    /// met by reaching it and by going beyond it on the better side (`= 90` for more is
    /// better is `≥ 90`; `40 – 50` is `≥ 40`, or `≤ 50` for less is better).
    ///
    /// ```
    /// use chiso::catalogue::{Comparator, Direction, Goal};
    /// let n = |s: &str| s.parse().unwrap();
    /// let band = Goal::Range { min: n("40"), max: n("50") };
    /// assert_eq!(band.clone().sided(Direction::HigherIsBetter),
    ///     Goal::Threshold { comparator: Comparator::AtLeast, value: n("40") });
    /// assert_eq!(band.clone().sided(Direction::InsideBand), band);
    /// ```
    #[must_use]
    pub fn sided(self, direction: super::Direction) -> Goal<'a> {
        use super::Direction;
        let threshold = |comparator, value| Goal::Threshold { comparator, value };
        match (self, direction) {
            (
                Goal::Threshold {
                    comparator: Comparator::Equal,
                    value,
                },
                Direction::HigherIsBetter,
            ) => threshold(Comparator::AtLeast, value),
            (
                Goal::Threshold {
                    comparator: Comparator::Equal,
                    value,
                },
                Direction::LowerIsBetter,
            ) => threshold(Comparator::AtMost, value),
            (Goal::Range { min, .. }, Direction::HigherIsBetter) => {
                threshold(Comparator::AtLeast, min)
            }
            (Goal::Range { max, .. }, Direction::LowerIsBetter) => {
                threshold(Comparator::AtMost, max)
            }
            // A band keeps both sides; a one-sided or qualitative goal is as written.
            (goal, _) => goal,
        }
    }

    /// The number the goal asks for, seen from `x`: the threshold, or the bound of the range
    /// below `x`'s side (the minimum from below it, else the maximum); none for a qualitative
    /// goal. What a score's distance and an off-track path are measured to.
    pub(crate) fn point_from(&self, x: Decimal) -> Option<Decimal> {
        match *self {
            Goal::Threshold { value, .. } => Some(value),
            Goal::Range { min, max } => Some(if x < min { min } else { max }),
            Goal::Qualitative(_) => None,
        }
    }
}

impl Target {
    /// The comparison as a typed value, or `None` when the fields do not fit the comparator
    /// (validation reports those).
    ///
    /// ```
    /// use chiso::catalogue::{Goal, Target};
    /// let t: Target = serde_json::from_str(
    ///     r#"{"comparator": "range", "min": "40", "max": "50", "scope": "national", "year": 2030}"#,
    /// ).unwrap();
    /// assert!(matches!(t.goal(), Some(Goal::Range { .. })));
    /// ```
    pub fn goal(&self) -> Option<Goal<'_>> {
        match self.comparator {
            Comparator::Range => Some(Goal::Range {
                min: self.min?,
                max: self.max?,
            }),
            Comparator::Text => self.text.as_ref().map(Goal::Qualitative),
            comparator => Some(Goal::Threshold {
                comparator,
                value: self.value?,
            }),
        }
    }

    /// The target in words, such as `≤ 3 (ASEAN, 2030)`.
    pub fn describe(&self, lang: crate::Lang) -> String {
        let what = match self.goal() {
            Some(Goal::Threshold { comparator, value }) => {
                format!("{} {value}", comparator.symbol())
            }
            Some(Goal::Range { min, max }) => format!("{min} – {max}"),
            Some(Goal::Qualitative(text)) => text.get(lang).to_owned(),
            None => "?".to_owned(),
        };
        format!("{what} ({}, {})", self.scope.label().get(lang), self.year)
    }
}

/// The order in which a unit's value looks for a target's scope: its own, the country's, then
/// the world's, Asia's and ASEAN's.
pub(crate) const SCOPE_ORDER: [Scope; 5] = [
    Scope::EachUnit,
    Scope::National,
    Scope::World,
    Scope::Asia,
    Scope::Asean,
];

/// The target a unit's value is scored against in `year`: the unit's own (`each_unit`) target
/// of the nearest year not before it, else its latest one; failing those, the national ones
/// likewise, then the world's, Asia's and ASEAN's (a rank indicator's value is its overall
/// position unless it has only a regional target). Qualitative targets are skipped.
pub fn target_for(indicator: &Indicator, year: u16) -> Option<&std::sync::Arc<Target>> {
    SCOPE_ORDER.into_iter().find_map(|scope| {
        let numeric = || {
            indicator
                .targets
                .iter()
                .filter(move |t| t.scope == scope && t.comparator != Comparator::Text)
        };
        numeric()
            .filter(|t| t.year >= year)
            .min_by_key(|t| t.year)
            .or_else(|| numeric().max_by_key(|t| t.year))
    })
}
