//! "Off track" ("chưa đạt tiến độ"), decided in one place. The explanation check, the
//! evaluation's progress and off-track columns, and every count a report prints read
//! [`standing`], so that they can never disagree.
//!
//! A value is **off track** when it does not meet the target it is judged against and its
//! pace since the baseline ([`progress`]) is below the pace needed: needs acceleration,
//! limited progress or deterioration. A value that meets its target is on track, whatever it
//! was the period before; a value with no earlier one to measure a pace from cannot be judged
//! (and is not called off track). A flow (a count summed over time) is judged at a yearly pace.

use rust_decimal::Decimal;

use super::pace::{Progress, ProgressStatus, progress};
use crate::Text;
use crate::catalogue::{
    Catalogue, Comparator, Goal, Indicator, RoundingMode, SCOPE_ORDER, Target, target_for,
};
use crate::period::Period;

/// How many earlier periods of the same cycle a baseline is looked for in.
pub const BASELINE_PERIODS: usize = 12;

/// Progress and, when off track, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The status, its ratio and the target it was judged against.
    pub progress: Progress,
    /// Why the value is off track; `None` when it is not (or cannot be judged).
    pub off_track: Option<Text>,
}

/// The target progress is judged against. With no `year`, the indicator's next milestone (the
/// target [`target_for`] scores the period against); with a `year`, that year's target only
/// (in the scopes' order: each unit, national, world, Asia, ASEAN), so that progress towards
/// 2045 is never progress towards 2030 in disguise.
///
/// ```
/// use chiso::Catalogue;
/// use chiso::progress::progress_target;
/// let nq57 = Catalogue::nq57();
/// let a04 = nq57.indicator("A04").unwrap(); // ≥ 5 by 2030, ≥ 10 by 2045
/// let q3 = "2026-Q3".parse().unwrap();
/// assert_eq!(progress_target(a04, q3, None).unwrap().year, 2030);
/// assert_eq!(progress_target(a04, q3, Some(2045)).unwrap().year, 2045);
/// let b05 = nq57.indicator("B05").unwrap(); // each unit: ≥ 85 % by 2026 only
/// assert!(progress_target(b05, q3, Some(2045)).is_none());
/// ```
pub fn progress_target(
    indicator: &Indicator,
    period: Period,
    year: Option<u16>,
) -> Option<&std::sync::Arc<Target>> {
    match year {
        None => target_for(indicator, u16::try_from(period.year()).unwrap_or(u16::MAX)),
        Some(year) => SCOPE_ORDER.into_iter().find_map(|scope| {
            indicator
                .targets
                .iter()
                .find(|t| t.scope == scope && t.year == year && t.comparator != Comparator::Text)
        }),
    }
}

/// The factor that puts a value of `indicator` in `period` at a yearly pace: 12 ÷ the
/// period's months for a flow read over less than a year (a quarter's 150 stations are 600 a
/// year), else 1.
pub fn yearly_pace(catalogue: &Catalogue, indicator: &Indicator, period: Period) -> Decimal {
    pace(catalogue.is_flow(indicator), period)
}

/// [`yearly_pace`] for an indicator already known to be a flow or not.
pub(crate) fn pace(flow: bool, period: Period) -> Decimal {
    let months = period.cycle().months();
    if months < 12 && flow {
        Decimal::from(12) / Decimal::from(months)
    } else {
        Decimal::ONE
    }
}

/// The baseline of a value in `period`: the earliest value `number` gives among the
/// [`BASELINE_PERIODS`] periods of the same cycle before it.
pub fn baseline(
    period: Period,
    mut number: impl FnMut(Period) -> Option<Decimal>,
) -> Option<(Period, Decimal)> {
    let earlier: Vec<Period> = std::iter::successors(period.previous(), Period::previous)
        .take(BASELINE_PERIODS)
        .collect();
    // The earliest first, so that the search stops at the first value found.
    earlier
        .into_iter()
        .rev()
        .find_map(|p| number(p).map(|x| (p, x)))
}

/// Where `latest` stands against `target`, from `baseline`, both multiplied by `pace`.
///
/// ```
/// use chiso::Catalogue;
/// use chiso::progress::{ProgressStatus, progress_target, standing};
/// let nq57 = Catalogue::nq57();
/// let c09 = nq57.indicator("C09").unwrap(); // ≥ 90 % by 2026 for each unit
/// let q = |s: &str| s.parse().unwrap();
/// let n = |s: &str| s.parse().unwrap();
/// let target = progress_target(c09, q("2026-Q2"), None);
/// // 80 at the end of March, 90 due at the end of December (9 months): 10/9 a month is
/// // needed, 0.5 a month was made (81.5 three months on): ratio 0.45, limited progress.
/// let s = standing(c09, target, Some((q("2026-Q1"), n("80"))), (q("2026-Q2"), n("81.5")), n("1"));
/// assert_eq!(s.progress.status, ProgressStatus::LimitedProgress);
/// assert_eq!(s.progress.ratio.unwrap().to_string(), "0.4500");
/// assert_eq!(s.off_track.unwrap().en, "behind the path to ≥ 90 by 2026: about 83.33 needed, 81.5 reached");
/// // Meeting the target is on track, with or without a baseline.
/// assert!(standing(c09, target, None, (q("2026-Q2"), n("91")), n("1")).off_track.is_none());
/// ```
pub fn standing(
    indicator: &Indicator,
    target: Option<&std::sync::Arc<Target>>,
    baseline: Option<(Period, Decimal)>,
    latest: (Period, Decimal),
    pace: Decimal,
) -> Standing {
    let (progress, behind) = judged(indicator, target, baseline, latest, pace);
    Standing {
        progress,
        off_track: behind.map(|b| b.worded()),
    }
}

/// [`standing`] with the reason an off-track value is behind not yet worded: the explanation
/// check of an evaluation only asks whether there is one, for every indicator of every unit.
pub(crate) fn judged<'t>(
    indicator: &Indicator,
    target: Option<&'t std::sync::Arc<Target>>,
    baseline: Option<(Period, Decimal)>,
    latest: (Period, Decimal),
    pace: Decimal,
) -> (Progress, Option<Behind<'t>>) {
    let cannot = Progress {
        status: ProgressStatus::CannotAssess,
        ratio: None,
        target: target.cloned(),
    };
    let Some(target) = target else {
        return (cannot, None);
    };
    let Some(goal) = target.goal().map(|g| g.sided(indicator.direction)) else {
        return (cannot, None);
    };
    let (now, xt) = (latest.0, latest.1 * pace);
    let judged = match baseline {
        Some((start, x0)) => progress(&goal, target.year, (start, x0 * pace), (now, xt)),
        // One point in time: on track if the target is met, else nothing to judge a pace by.
        None => progress(&goal, target.year, (now, xt), (now, xt)),
    };
    let progress = Progress {
        target: Some(std::sync::Arc::clone(target)),
        ..judged
    };
    let behind = matches!(
        progress.status,
        ProgressStatus::NeedsAcceleration
            | ProgressStatus::LimitedProgress
            | ProgressStatus::Deterioration
    )
    .then(|| {
        Behind::of(
            indicator,
            target,
            goal,
            baseline,
            (now, xt),
            pace,
            &progress,
        )
    })
    .flatten();
    (progress, behind)
}

/// Why an off-track value is behind, in numbers: worded only when it is printed.
#[derive(Debug, Clone)]
pub(crate) struct Behind<'t> {
    goal: Goal<'t>,
    /// The target's year.
    by: u16,
    /// The baseline and the latest value, both at a yearly pace where paced.
    from: (Period, Decimal),
    to: (Period, Decimal),
    paced: bool,
    /// Moving away from the target; else, the value the path to it asks for now, rounded.
    required: Option<Decimal>,
}

impl<'t> Behind<'t> {
    /// The reason, when one can be given: a baseline to measure from, a numeric goal and a
    /// path to it within range.
    fn of(
        indicator: &Indicator,
        target: &Target,
        goal: Goal<'t>,
        baseline: Option<(Period, Decimal)>,
        latest: (Period, Decimal),
        pace: Decimal,
        progress: &Progress,
    ) -> Option<Self> {
        let (start, x0) = baseline?;
        let x0 = x0 * pace;
        let by = target.year;
        // The value the straight line from the baseline to the target asks for now.
        let point = goal.point_from(x0)?;
        let required = if progress.status == ProgressStatus::Deterioration {
            None
        } else {
            let total = i32::from(by) * 12 + 11 - start.last_month_index();
            let elapsed = latest.0.last_month_index() - start.last_month_index();
            let required = (point - x0)
                .checked_mul(Decimal::from(elapsed))?
                .checked_div(Decimal::from(total))?
                .checked_add(x0)?;
            Some(RoundingMode::HalfUp.round(required, indicator.precision + 1))
        };
        Some(Behind {
            goal,
            by,
            from: (start, x0),
            to: latest,
            paced: pace != Decimal::ONE,
            required,
        })
    }

    /// The reason printed for an off-track value.
    pub fn worded(&self) -> Text {
        let Behind {
            ref goal,
            by,
            from: (start, x0),
            to: (now, xt),
            paced,
            required,
        } = *self;
        let aim = match *goal {
            Goal::Threshold { comparator, value } => {
                format!("{} {}", comparator.symbol(), show(value))
            }
            Goal::Range { min, max } => format!("{} – {}", show(min), show(max)),
            Goal::Qualitative(_) => String::new(), // never kept (see `Behind::of`)
        };
        let paced = if paced {
            (" (theo nhịp cả năm)", " (at a yearly pace)")
        } else {
            ("", "")
        };
        let Some(required) = required else {
            let (a, b) = (show(x0), show(xt));
            return Text::new(
                format!(
                    "đi xuống, xa mục tiêu {} năm {by} hơn: {start} {} → {now} {}{}",
                    vi(&aim),
                    vi(&a),
                    vi(&b),
                    paced.0
                ),
                format!(
                    "moving away from {aim} by {by}: {start} {a} → {now} {b}{}",
                    paced.1
                ),
            );
        };
        let (required, reached) = (show(required), show(xt));
        Text::new(
            format!(
                "chậm so với lộ trình đạt {} năm {by}: cần khoảng {}, đạt {}{}",
                vi(&aim),
                vi(&required),
                vi(&reached),
                paced.0
            ),
            format!(
                "behind the path to {aim} by {by}: about {required} needed, {reached} reached{}",
                paced.1
            ),
        )
    }
}

/// A decimal as people write it: no trailing zeros after the point.
fn show(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A number written for the Vietnamese message: the decimal comma (`96,7`).
fn vi(number: &str) -> String {
    crate::Style::of(crate::Lang::Vi).written(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(s: &str) -> Period {
        s.parse().unwrap()
    }

    #[test]
    fn a_value_meeting_its_target_is_not_off_track_even_when_it_fell() {
        // C21 (≥ 20 applications a year, a flow read quarterly: ×4): 16 → 15 a quarter is 60
        // a year, well over 20. The old rule called "worse than the period before" off track.
        let nq57 = Catalogue::nq57();
        let c21 = nq57.indicator("C21").unwrap();
        let pace = yearly_pace(&nq57, c21, q("2026-Q2"));
        assert_eq!(pace, n("4"));
        let s = standing(
            c21,
            progress_target(c21, q("2026-Q2"), None),
            Some((q("2026-Q1"), n("16"))),
            (q("2026-Q2"), n("15")),
            pace,
        );
        assert_eq!(s.progress.status, ProgressStatus::OnTrack);
        assert_eq!(s.off_track, None);
    }

    #[test]
    fn a_flow_is_judged_at_a_yearly_pace() {
        // C21 at 3 then 4 a quarter: 12 → 16 a year against ≥ 20 by the end of 2026. From the
        // end of March, 9 months remain: 8/9 a month needed; 4 was made in 3 months (4/3).
        // Ratio (4/3)/(8/9) = 1.5: on track. At 3 then 3: ratio 0, limited progress, and the
        // reason speaks of the yearly pace: the line asks 12 + 8·3/9 = 14.67 by June, shown at one
        // place more than the count's 0: 14.7.
        let nq57 = Catalogue::nq57();
        let c21 = nq57.indicator("C21").unwrap();
        let t = progress_target(c21, q("2026-Q2"), None);
        let on = standing(
            c21,
            t,
            Some((q("2026-Q1"), n("3"))),
            (q("2026-Q2"), n("4")),
            n("4"),
        );
        assert_eq!(on.progress.status, ProgressStatus::OnTrack);
        assert_eq!(on.progress.ratio.unwrap().to_string(), "1.5000");
        let flat = standing(
            c21,
            t,
            Some((q("2026-Q1"), n("3"))),
            (q("2026-Q2"), n("3")),
            n("4"),
        );
        assert_eq!(flat.progress.status, ProgressStatus::LimitedProgress);
        assert_eq!(
            flat.off_track.unwrap().en,
            "behind the path to ≥ 20 by 2026: about 14.7 needed, 12 reached (at a yearly pace)"
        );
    }

    #[test]
    fn deterioration_is_off_track_and_says_so() {
        // C09 ≥ 90: 85 → 83.9 moves away.
        let nq57 = Catalogue::nq57();
        let c09 = nq57.indicator("C09").unwrap();
        let s = standing(
            c09,
            progress_target(c09, q("2026-Q2"), None),
            Some((q("2026-Q1"), n("85"))),
            (q("2026-Q2"), n("83.9")),
            Decimal::ONE,
        );
        assert_eq!(s.progress.status, ProgressStatus::Deterioration);
        let why = s.off_track.unwrap();
        assert_eq!(
            why.en,
            "moving away from ≥ 90 by 2026: 2026-Q1 85 → 2026-Q2 83.9"
        );
        assert_eq!(
            why.vi,
            "đi xuống, xa mục tiêu ≥ 90 năm 2026 hơn: 2026-Q1 85 → 2026-Q2 83,9"
        );
    }

    #[test]
    fn without_a_baseline_an_unmet_target_cannot_be_judged() {
        let nq57 = Catalogue::nq57();
        let c09 = nq57.indicator("C09").unwrap();
        let s = standing(
            c09,
            progress_target(c09, q("2026-Q1"), None),
            None,
            (q("2026-Q1"), n("50")),
            Decimal::ONE,
        );
        assert_eq!(s.progress.status, ProgressStatus::CannotAssess);
        assert_eq!(s.off_track, None);
        assert_eq!(s.progress.target.map(|t| t.year), Some(2026));
    }

    #[test]
    fn the_baseline_is_the_earliest_of_the_same_cycle() {
        let values = [("2025-Q4", "5"), ("2026-Q1", "7")];
        let found = baseline(q("2026-Q3"), |p| {
            values.iter().find(|(at, _)| q(at) == p).map(|(_, v)| n(v))
        });
        assert_eq!(found, Some((q("2025-Q4"), n("5"))));
        assert_eq!(baseline(q("2026-Q3"), |_| None), None);
    }
}
