//! Combining scores ("tổng hợp"): weighted arithmetic mean (the default), geometric mean, and
//! the DTI's points form, with a declared policy for missing scores.

use rust_decimal::{Decimal, MathematicalOps};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How the scores of a group's members combine.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CompositeMethod {
    /// `Σ wᵢ fᵢ / Σ wᵢ` with the catalogue's weights (the default).
    #[default]
    WeightedMean,
    /// `Π fᵢ^(wᵢ / Σ w)`: a low score cannot be fully made up by a high one.
    GeometricMean,
    /// The DTI form: `Σ fᵢ × pointsᵢ / Σ pointsᵢ` with the catalogue's maximum points.
    Points,
}

impl CompositeMethod {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            CompositeMethod::WeightedMean => {
                Text::new("Trung bình cộng có trọng số", "Weighted arithmetic mean")
            }
            CompositeMethod::GeometricMean => {
                Text::new("Trung bình nhân có trọng số", "Weighted geometric mean")
            }
            CompositeMethod::Points => Text::new("Tổng điểm (như DTI)", "Points (as the DTI)"),
        }
    }
}

/// What a missing score does to the composite; the one used is recorded with the result.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum MissingPolicy {
    /// Scores 0 (the unit did not report: it earns nothing).
    #[default]
    Zero,
    /// Left out, and the remaining weights rescaled to the whole (the PAR Index rule).
    Rescale,
    /// The unit's last approved value is scored instead, flagged as imputed; with none, left
    /// out as under `rescale`.
    LastValue,
}

impl MissingPolicy {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            MissingPolicy::Zero => Text::new("Tính 0 điểm", "Scores zero"),
            MissingPolicy::Rescale => {
                Text::new("Bỏ qua, chia lại trọng số", "Left out, weights rescaled")
            }
            MissingPolicy::LastValue => {
                Text::new("Lấy giá trị gần nhất", "Last value carried forward")
            }
        }
    }
}

/// One member of a composite: its weight, its maximum points and its score (none if missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Relative weight.
    pub weight: Decimal,
    /// Maximum points.
    pub points: Decimal,
    /// The fraction 0–1, or `None` when missing.
    pub fraction: Option<Decimal>,
}

/// The composite fraction 0–1 of `parts` by `method`, missing scores treated by `missing`;
/// `None` when nothing is left to combine (or all weights are 0).
///
/// ```
/// use chiso::evaluation::{CompositeMethod, MissingPolicy, Part, combine};
/// let d = |s: &str| s.parse().unwrap();
/// // DTI: main indicators worth 100, 200 and 150 points scoring 0.5, 0.8 and none.
/// let parts = [
///     Part { weight: d("1"), points: d("100"), fraction: Some(d("0.5")) },
///     Part { weight: d("1"), points: d("200"), fraction: Some(d("0.8")) },
///     Part { weight: d("1"), points: d("150"), fraction: None },
/// ];
/// // Missing scores 0: (50 + 160 + 0) / 450.
/// let zero = combine(CompositeMethod::Points, &parts, MissingPolicy::Zero).unwrap();
/// assert_eq!(zero.round_dp(4).to_string(), "0.4667");
/// // Rescaled (PAR): (50 + 160) / 300 = 0.7.
/// assert_eq!(combine(CompositeMethod::Points, &parts, MissingPolicy::Rescale).unwrap().to_string(), "0.7");
/// ```
pub fn combine(method: CompositeMethod, parts: &[Part], missing: MissingPolicy) -> Option<Decimal> {
    // The (weight, fraction) pairs combined, read twice rather than gathered: a sensitivity
    // analysis combines every node of every unit once per rerun.
    let kept = || {
        parts.iter().filter_map(move |p| {
            let weight = match method {
                CompositeMethod::Points => p.points,
                _ => p.weight,
            };
            match (p.fraction, missing) {
                (Some(f), _) => Some((weight, f)),
                (None, MissingPolicy::Zero) => Some((weight, Decimal::ZERO)),
                (None, _) => None,
            }
        })
    };
    let (mut total, mut any) = (Decimal::ZERO, false);
    for (w, _) in kept() {
        total += w;
        any = true;
    }
    if !any || total <= Decimal::ZERO {
        return None;
    }
    match method {
        CompositeMethod::WeightedMean | CompositeMethod::Points => {
            let sum: Decimal = kept().map(|(w, f)| w * f).sum();
            Some(sum / total)
        }
        CompositeMethod::GeometricMean => {
            let mut product = Decimal::ONE;
            for (w, f) in kept() {
                if f.is_zero() && !w.is_zero() {
                    return Some(Decimal::ZERO);
                }
                product *= f.checked_powd(w / total)?;
            }
            Some(product)
        }
    }
}
