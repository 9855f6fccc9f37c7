//! Progress towards a target ("tiến độ đạt chỉ tiêu"): the Open SDG / Statistics Canada
//! statuses, from the pace achieved since the baseline against the pace the target needs.
//!
//! With baseline `x₀` at `t₀`, latest value `xₜ` at `t`, and target `x*` due at `T` (the end
//! of the target year; times in months):
//!
//! ```text
//! ratio = ((xₜ − x₀) / (t − t₀)) / ((x* − x₀) / (T − t₀))
//! ```
//!
//! the pace achieved over the pace required, both linear. Statuses: **on track** when the
//! ratio is at least 0.95 (or the target is already met), **needs acceleration** from 0.5,
//! **limited progress** from 0, **deterioration** below 0 (moving away). The same formula
//! serves lower-is-better targets (both changes negative when improving) and zero baselines
//! (where compound growth rates, the other variant of the method, are undefined); linear rates
//! also keep the arithmetic exact. A range target counts its nearer bound. A met target is on
//! track even from a single point in time; otherwise, without two distinct points in time, or
//! with the baseline already at the target and the latest value not, the answer is "cannot
//! assess" or "deterioration" as below.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;
use crate::catalogue::{Comparator, Goal, RoundingMode, Target};
use crate::period::Period;

/// Where an indicator stands against its target (ordered from the best).
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
pub enum ProgressStatus {
    /// The target is met, or the pace is at least 95 % of the pace needed.
    OnTrack,
    /// Moving the right way at 50–95 % of the pace needed.
    NeedsAcceleration,
    /// Moving the right way at under 50 % of the pace needed, or not moving.
    LimitedProgress,
    /// Moving away from the target.
    Deterioration,
    /// Too few points in time, or no numeric target, to judge.
    CannotAssess,
}

impl ProgressStatus {
    /// The status in both languages.
    pub fn label(self) -> Text {
        match self {
            ProgressStatus::OnTrack => Text::new("Đúng tiến độ", "On track"),
            ProgressStatus::NeedsAcceleration => Text::new("Cần đẩy nhanh", "Needs acceleration"),
            ProgressStatus::LimitedProgress => Text::new("Tiến triển hạn chế", "Limited progress"),
            ProgressStatus::Deterioration => Text::new("Đi xuống", "Deterioration"),
            ProgressStatus::CannotAssess => Text::new("Chưa đủ dữ liệu đánh giá", "Cannot assess"),
        }
    }
}

/// The judgement and the ratio it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The status.
    pub status: ProgressStatus,
    /// Pace achieved over pace needed, four places half up; absent when the target was met or
    /// nothing could be judged.
    #[serde(default, with = "crate::decimal::ExactOption")]
    pub ratio: Option<Decimal>,
    /// The target judged against (which year's, which scope's), when one was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Target>")]
    pub target: Option<std::sync::Arc<Target>>,
}

/// The ratio from which a status starts (inclusive).
const ON_TRACK: Decimal = Decimal::from_parts(95, 0, 0, false, 2);
const ACCELERATE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// Progress of a value from `baseline` to `latest` towards `goal`, due at the end of
/// `target_year`.
///
/// ```
/// use chiso::catalogue::{Comparator, Goal};
/// use chiso::progress::{ProgressStatus, progress};
/// let p = |s: &str| s.parse().unwrap();
/// let n = |s: &str| s.parse().unwrap();
/// let goal = Goal::Threshold { comparator: Comparator::AtLeast, value: n("80") };
/// // From 40 (end of 2025) to 80 by the end of 2030: 40 points in 60 months. Up 5 in 12
/// // months is 5/12 a month against 40/60: ratio 0.625.
/// let r = progress(&goal, 2030, (p("2025"), n("40")), (p("2026"), n("45")));
/// assert_eq!(r.status, ProgressStatus::NeedsAcceleration);
/// assert_eq!(r.ratio.unwrap().to_string(), "0.6250");
/// ```
pub fn progress(
    goal: &Goal<'_>,
    target_year: u16,
    baseline: (Period, Decimal),
    latest: (Period, Decimal),
) -> Progress {
    let cannot = Progress {
        status: ProgressStatus::CannotAssess,
        ratio: None,
        target: None,
    };
    let (start, x0) = baseline;
    let (now, xt) = latest;
    // Whether a value meets the goal, and the value aimed at.
    let (target, meets): (Decimal, Box<dyn Fn(Decimal) -> bool>) = match *goal {
        Goal::Threshold { comparator, value } => {
            let meets: Box<dyn Fn(Decimal) -> bool> = match comparator {
                Comparator::AtLeast => Box::new(move |x| x >= value),
                Comparator::Above => Box::new(move |x| x > value),
                Comparator::AtMost => Box::new(move |x| x <= value),
                Comparator::Below => Box::new(move |x| x < value),
                Comparator::Equal => Box::new(move |x| x == value),
                Comparator::Range | Comparator::Text => return cannot,
            };
            (value, meets)
        }
        // A band: aim at the bound nearer the baseline.
        Goal::Range { min, max } => (
            if x0 < min { min } else { max },
            Box::new(move |x| x >= min && x <= max),
        ),
        Goal::Qualitative(_) => return cannot,
    };
    let met = meets(xt);
    let elapsed = now.last_month_index() - start.last_month_index();
    let horizon = i32::from(target_year) * 12 + 11 - start.last_month_index();
    if met {
        return Progress {
            status: ProgressStatus::OnTrack,
            ratio: None,
            target: None,
        };
    }
    if elapsed <= 0 {
        return cannot;
    }
    let needed = target - x0;
    if meets(x0) || needed.is_zero() || horizon <= 0 {
        // The baseline met the target (sat on it or beyond it: a pace towards it has no
        // meaning), or the deadline has passed, and the value does not meet it now.
        return Progress {
            status: ProgressStatus::Deterioration,
            ratio: None,
            target: None,
        };
    }
    // ((xₜ − x₀) / elapsed) / (needed / horizon) = (xₜ − x₀) · horizon / (needed · elapsed)
    let Some(numerator) = (xt - x0).checked_mul(Decimal::from(horizon)) else {
        return cannot;
    };
    let Some(denominator) = needed.checked_mul(Decimal::from(elapsed)) else {
        return cannot;
    };
    let Some(ratio) = numerator.checked_div(denominator) else {
        return cannot;
    };
    let status = if ratio >= ON_TRACK {
        ProgressStatus::OnTrack
    } else if ratio >= ACCELERATE {
        ProgressStatus::NeedsAcceleration
    } else if ratio >= Decimal::ZERO {
        ProgressStatus::LimitedProgress
    } else {
        ProgressStatus::Deterioration
    };
    let mut shown = RoundingMode::HalfUp.round(ratio, 4);
    shown.rescale(4);
    Progress {
        status,
        ratio: Some(shown),
        target: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn judge(
        comparator: Comparator,
        target: &str,
        from: (&str, &str),
        to: (&str, &str),
    ) -> (ProgressStatus, Option<String>) {
        let goal = Goal::Threshold {
            comparator,
            value: n(target),
        };
        let p = progress(
            &goal,
            2030,
            (from.0.parse().unwrap(), n(from.1)),
            (to.0.parse().unwrap(), n(to.1)),
        );
        (p.status, p.ratio.map(|r| r.to_string()))
    }

    #[test]
    fn each_status_from_its_ratio() {
        use ProgressStatus::*;
        // Baseline 2025 (ends month 11 of 2025), target end of 2030: 60 months. From 0 to 60
        // needs 1 a month; a year later (12 months):
        let at = |v| judge(Comparator::AtLeast, "60", ("2025", "0"), ("2026", v));
        assert_eq!(at("12"), (OnTrack, Some("1.0000".into()))); // 12/12 = 1 a month
        assert_eq!(at("11.4"), (OnTrack, Some("0.9500".into()))); // the boundary is on track
        assert_eq!(at("11.3"), (NeedsAcceleration, Some("0.9417".into())));
        assert_eq!(at("6"), (NeedsAcceleration, Some("0.5000".into())));
        assert_eq!(at("5.9"), (LimitedProgress, Some("0.4917".into())));
        assert_eq!(at("0"), (LimitedProgress, Some("0.0000".into()))); // zero baseline, no move
        assert_eq!(at("-1"), (Deterioration, Some("-0.0833".into())));
        assert_eq!(at("60"), (OnTrack, None)); // met
    }

    #[test]
    fn lower_is_better_ranges_and_edges() {
        use ProgressStatus::*;
        // Rank 44 → ≤ 30 by 2030 (60 months from the end of 2025): 14 places. Up to 41 in a
        // year: 3/12 against 14/60 → 1.0714, on track; down to 46: deterioration.
        assert_eq!(
            judge(Comparator::AtMost, "30", ("2025", "44"), ("2026", "41")),
            (OnTrack, Some("1.0714".into()))
        );
        assert_eq!(
            judge(Comparator::AtMost, "30", ("2025", "44"), ("2026", "46")).0,
            Deterioration
        );
        // Zero target: incidents 10 → 0; 8 a year later is 2/12 against 10/60: 1.0.
        assert_eq!(
            judge(Comparator::AtMost, "0", ("2025", "10"), ("2026", "8")),
            (OnTrack, Some("1.0000".into()))
        );
        // One point in time only: cannot assess.
        assert_eq!(
            judge(Comparator::AtLeast, "60", ("2026", "10"), ("2026", "12")).0,
            CannotAssess
        );
        // The baseline met the target, the latest does not: deterioration.
        assert_eq!(
            judge(Comparator::AtLeast, "60", ("2025", "60"), ("2026", "59")),
            (Deterioration, None)
        );
        // Beyond the target at the baseline, below it now (90.2 → 75 against ≥ 90): the
        // "needed" change is negative, and so is the change made; their ratio (114) is no
        // pace. Deterioration, as the sample's Ministry of Construction C09 showed.
        assert_eq!(
            judge(Comparator::AtLeast, "90", ("2025", "90.2"), ("2026", "75")),
            (Deterioration, None)
        );
        assert_eq!(
            judge(Comparator::AtMost, "30", ("2025", "28"), ("2026", "31")),
            (Deterioration, None)
        );
        // A band 40–50 from 30: aim at 40 (10 in 60 months); 32 after 12 months: 2/12 ÷ 10/60 = 1.
        let band = Goal::Range {
            min: n("40"),
            max: n("50"),
        };
        let p = progress(
            &band,
            2030,
            ("2025".parse().unwrap(), n("30")),
            ("2026".parse().unwrap(), n("32")),
        );
        assert_eq!(
            (p.status, p.ratio.map(|r| r.to_string())),
            (OnTrack, Some("1.0000".into()))
        );
        let text = Text::new("a", "b");
        assert_eq!(
            progress(
                &Goal::Qualitative(&text),
                2030,
                ("2025".parse().unwrap(), n("1")),
                ("2026".parse().unwrap(), n("1"))
            )
            .status,
            CannotAssess
        );
    }
}
