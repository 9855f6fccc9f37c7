//! Explanations ("giải trình"): an indicator the unit answers for that is off track, or that
//! must be explained every period, needs an explanation with its causes, bottlenecks and
//! solutions filled in.

use rust_decimal::Decimal;

use super::values::UnitValues;
use super::{Context, Flaw, QualityFinding, show};
use crate::Text;
use crate::catalogue::{
    Comparator, Direction, ExplanationRequirement, Goal, Indicator, RoundingMode, Scope,
};
use crate::period::Period;

pub(super) fn check(cx: &Context<'_, '_>, out: &mut Vec<QualityFinding>) {
    let mut values = UnitValues::new(cx.catalogue, cx.index);
    let mut answered: Vec<&str> = cx
        .assignments
        .iter()
        .filter(|a| a.covers(cx.period))
        .map(|a| a.item.as_str())
        .collect();
    answered.sort_unstable();
    answered.dedup();
    for code in answered {
        let Some(indicator) = cx.catalogue.indicator(code) else {
            continue;
        };
        if indicator.explanation == ExplanationRequirement::None
            || indicator.cycle != cx.period.cycle()
        {
            continue;
        }
        let mut number = |period: Option<Period>| {
            period.and_then(|p| values.value(cx.unit, code, p).as_number())
        };
        let Some(value) = number(Some(cx.period)) else {
            continue; // nothing to explain yet; completeness reports the gap
        };
        let why = if indicator.explanation == ExplanationRequirement::Always {
            Some(Text::new(
                "chỉ số phải giải trình mọi kỳ",
                "the indicator is explained every period",
            ))
        } else {
            let previous = number(cx.period.previous());
            // A flow (a count summed over periods, such as stations installed) has yearly
            // targets that are not a level to reach quarter by quarter: no line is drawn.
            let baseline = if cx.catalogue.is_flow(indicator) {
                None
            } else {
                cx.index
                    .periods_of(cx.unit)
                    .filter(|p| super::earlier_of_same_cycle(*p, cx.period))
                    .find_map(|p| number(Some(p)).map(|v| (p, v)))
            };
            off_track(indicator, cx.period, value, previous, baseline)
        };
        let Some(why) = why else { continue };
        match cx.index.explanation(cx.unit, code, cx.period) {
            None => cx.push(out, &Flaw::ExplanationMissing { why }, code, None),
            Some(explanation) => {
                let parts = explanation.blank_parts();
                if !parts.is_empty() {
                    cx.push(out, &Flaw::ExplanationEmpty { parts }, code, None);
                }
            }
        }
    }
}

/// Why `indicator`, at `value` in `period`, is off track, or `None` if it is not:
///
/// - worse than `previous` (the period before), by the indicator's direction;
/// - outside the band of a `range` target for the unit;
/// - behind the straight line from `baseline` (the unit's first period and value) to the
///   nearest `each_unit` target of a year not before the period's, reached at the end of that
///   year, unless the target is already met.
///
/// ```
/// use chiso::Catalogue;
/// use chiso::quality::off_track;
/// let nq57 = Catalogue::nq57();
/// let c01 = nq57.indicator("C01").unwrap(); // sandboxes: ≥ 1 by 2026, ≥ 3 by 2030 (each unit)
/// let q = |s: &str| s.parse().unwrap();
/// let n = |s: &str| s.parse().unwrap();
/// // From 0 in 2026-Q1, the line to 1 at the end of 2026 asks 1/3 by 2026-Q2: 0 is behind.
/// assert!(off_track(c01, q("2026-Q2"), n("0"), Some(n("0")), Some((q("2026-Q1"), n("0")))).is_some());
/// assert!(off_track(c01, q("2026-Q2"), n("1"), Some(n("0")), Some((q("2026-Q1"), n("0")))).is_none());
/// // Fewer than the quarter before is off track, whatever the line says.
/// let why = off_track(c01, q("2026-Q2"), n("1"), Some(n("2")), None).unwrap();
/// assert_eq!(why.en, "worse than the period before (2 → 1)");
/// ```
pub fn off_track(
    indicator: &Indicator,
    period: Period,
    value: Decimal,
    previous: Option<Decimal>,
    baseline: Option<(Period, Decimal)>,
) -> Option<Text> {
    let worse = match (indicator.direction, previous) {
        (Direction::HigherIsBetter, Some(p)) => value < p,
        (Direction::LowerIsBetter, Some(p)) => value > p,
        _ => false,
    };
    if let (true, Some(p)) = (worse, previous) {
        let (p, v) = (show(p), show(value));
        return Some(Text::new(
            format!("kém hơn kỳ trước ({} → {})", vi(&p), vi(&v)),
            format!("worse than the period before ({p} → {v})"),
        ));
    }
    let year = u16::try_from(period.year()).ok()?;
    let target = indicator
        .targets
        .iter()
        .filter(|t| t.scope == Scope::EachUnit && t.year >= year)
        .min_by_key(|t| t.year)?;
    match target.goal()? {
        Goal::Range { min, max } if value < min || value > max => Some(Text::new(
            format!(
                "ngoài khoảng mục tiêu {} – {}",
                vi(&show(min)),
                vi(&show(max))
            ),
            format!("outside the target band {} – {}", show(min), show(max)),
        )),
        Goal::Threshold {
            comparator,
            value: goal,
        } => {
            let rises = matches!(comparator, Comparator::AtLeast | Comparator::Above);
            let falls = matches!(comparator, Comparator::AtMost | Comparator::Below);
            let met = match comparator {
                Comparator::AtLeast => value >= goal,
                Comparator::Above => value > goal,
                Comparator::AtMost => value <= goal,
                Comparator::Below => value < goal,
                _ => true,
            };
            if met || !(rises || falls) {
                return None;
            }
            let (start, base) = baseline?;
            let total = i64::from(i32::from(target.year) * 12 + 11 - start.last_month_index());
            let elapsed = i64::from(period.last_month_index() - start.last_month_index());
            if total <= 0 || elapsed <= 0 {
                return None;
            }
            // required = base + (goal − base) · elapsed / total, compared without dividing.
            let achieved = (value - base).checked_mul(Decimal::from(total))?;
            let needed = (goal - base).checked_mul(Decimal::from(elapsed))?;
            let behind = if rises {
                achieved < needed
            } else {
                achieved > needed
            };
            if !behind {
                return None;
            }
            let required = base + (goal - base) * Decimal::from(elapsed) / Decimal::from(total);
            let required = show(RoundingMode::HalfUp.round(required, indicator.precision + 1));
            let by = target.year;
            let target = format!("{} {}", comparator.symbol(), show(goal));
            Some(Text::new(
                format!(
                    "chậm so với lộ trình đạt {} năm {}: cần khoảng {}, đạt {}",
                    vi(&target),
                    by,
                    vi(&required),
                    vi(&show(value))
                ),
                format!(
                    "behind the path to {target} by {}: about {required} needed, {} reached",
                    by,
                    show(value)
                ),
            ))
        }
        _ => None,
    }
}

/// A number written for the Vietnamese message: the decimal comma (`96,7`).
fn vi(number: &str) -> String {
    number.replace('.', ",")
}
