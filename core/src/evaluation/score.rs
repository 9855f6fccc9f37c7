//! One indicator's value as a score: a fraction 0–1 of its maximum points, by the rule the
//! catalogue declares ([`Scoring`]).

use rust_decimal::{Decimal, MathematicalOps};

use crate::Value;
use crate::catalogue::{Comparator, Direction, Goal, Indicator, Scoring, target_for};

/// The fraction 0–1 that `value` earns under `rule` (`None` when it cannot be scored: a
/// missing value, a value of the wrong kind, no numeric target for a rule that needs one).
/// `peers` are the peer group's numbers in the period, the unit's own included, for the rules
/// that compare across units.
///
/// ```
/// use chiso::catalogue::Scoring;
/// use chiso::evaluation::score_value;
/// use chiso::{Catalogue, Value};
/// let nq57 = Catalogue::nq57();
/// let b05 = nq57.indicator("B05").unwrap(); // ≥ 85 % by 2026 for each unit
/// let rule = Scoring::RatioToTarget { cap: true };
/// let v = |s: &str| Value::number(s.parse().unwrap());
/// assert_eq!(score_value(b05, &rule, &v("68"), 2026, &[]).unwrap().normalize().to_string(), "0.8"); // 68 / 85
/// assert_eq!(score_value(b05, &rule, &v("90"), 2026, &[]).unwrap().to_string(), "1");
/// ```
pub fn score_value(
    indicator: &Indicator,
    rule: &Scoring,
    value: &Value,
    year: u16,
    peers: &[Decimal],
) -> Option<Decimal> {
    let lower = indicator.direction == Direction::LowerIsBetter;
    let fraction = match rule {
        Scoring::YesNo => match value {
            Value::Bool(b) => Some(if *b { Decimal::ONE } else { Decimal::ZERO }),
            Value::Number(n) if *n == Decimal::ONE || n.is_zero() => Some(*n),
            _ => None,
        },
        Scoring::Categorical { categories } => {
            if value.is_missing() || matches!(value, Value::Error(_)) {
                return None;
            }
            Some(
                categories
                    .iter()
                    .find(|c| same(&c.value, value))
                    .map_or(Decimal::ZERO, |c| c.fraction),
            )
        }
        Scoring::Steps { steps } => {
            let x = value.as_number()?;
            let reached = |at: Decimal| if lower { x <= at } else { x >= at };
            Some(
                steps
                    .iter()
                    .find(|s| reached(s.at_least))
                    .map_or(Decimal::ZERO, |s| s.fraction),
            )
        }
        Scoring::Goalposts { low, high } => {
            let x = value.as_number()?;
            let span = *high - *low;
            if span.is_zero() {
                return None;
            }
            (x - *low).checked_div(span)
        }
        Scoring::MinMax => {
            let x = value.as_number()?;
            let (min, max) = (peers.iter().min()?, peers.iter().max()?);
            if min == max {
                return Some(Decimal::ONE);
            }
            let f = (x - *min) / (*max - *min);
            Some(if lower { Decimal::ONE - f } else { f })
        }
        Scoring::ZScore => z_score(value.as_number()?, peers, lower),
        Scoring::RatioToTarget { cap } => {
            let goal = target_for(indicator, year)?
                .goal()?
                .sided(indicator.direction);
            let f = ratio_to_target(value.as_number()?, &goal)?;
            return Some(if *cap { clamp(f) } else { f.max(Decimal::ZERO) });
        }
        Scoring::DistanceToTarget => {
            let x = value.as_number()?;
            let goal = target_for(indicator, year)?
                .goal()?
                .sided(indicator.direction);
            if ratio_to_target(x, &goal)? >= Decimal::ONE {
                return Some(Decimal::ONE);
            }
            let aim = goal.point_from(x)?;
            if aim.is_zero() {
                return Some(Decimal::ZERO);
            }
            Some(Decimal::ONE - ((aim - x).abs() / aim.abs()))
        }
    };
    fraction.map(clamp)
}

/// Achieved over target, by the comparator's direction; 1 when met.
fn ratio_to_target(x: Decimal, goal: &Goal<'_>) -> Option<Decimal> {
    let over =
        |a: Decimal, b: Decimal| -> Decimal { if b.is_zero() { Decimal::ZERO } else { a / b } };
    Some(match *goal {
        Goal::Threshold { comparator, value } => match comparator {
            Comparator::AtLeast | Comparator::Above if value > Decimal::ZERO => over(x, value),
            Comparator::AtLeast | Comparator::Above => {
                if x >= value {
                    Decimal::ONE
                } else {
                    Decimal::ZERO
                }
            }
            Comparator::AtMost | Comparator::Below => {
                if x <= value {
                    Decimal::ONE
                } else {
                    over(value, x)
                }
            }
            Comparator::Equal => {
                if x == value {
                    Decimal::ONE
                } else {
                    over(x.min(value), x.max(value))
                }
            }
            Comparator::Range | Comparator::Text => return None,
        },
        Goal::Range { min, max } => {
            if x < min {
                over(x, min)
            } else if x > max {
                over(max, x)
            } else {
                Decimal::ONE
            }
        }
        Goal::Qualitative(_) => return None,
    })
}

/// `(x − mean) / sd` over `peers` (population standard deviation), mapped from −3…3 to 0…1.
fn z_score(x: Decimal, peers: &[Decimal], lower: bool) -> Option<Decimal> {
    if peers.is_empty() {
        return None;
    }
    let n = Decimal::from(peers.len());
    let mean = peers.iter().sum::<Decimal>() / n;
    let variance = peers
        .iter()
        .map(|p| (*p - mean) * (*p - mean))
        .sum::<Decimal>()
        / n;
    if variance.is_zero() {
        return Some(Decimal::new(5, 1));
    }
    let z = (x - mean) / variance.sqrt()?;
    let z = if lower { -z } else { z };
    Some((z + Decimal::from(3)) / Decimal::from(6))
}

fn clamp(f: Decimal) -> Decimal {
    f.clamp(Decimal::ZERO, Decimal::ONE)
}

/// Values equal for scoring: numbers by value, anything else exactly.
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_number(), b.as_number()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
