//! Outliers: is a value implausibly far from a sample (the unit's own history, or its peers)?
//!
//! The test, in exact decimals, for a sample of at least [`MIN_SAMPLE`] numbers:
//!
//! 1. the modified z-score of Iglewicz and Hoaglin: with `m` the sample's median and `MAD` the
//!    median of `|s − m|`, the value `x` is an outlier when `0.6745 · |x − m| > 3.5 · MAD`;
//! 2. when `MAD` is 0 (more than half the sample is one number), Tukey's fences instead: `x` is
//!    an outlier when below `Q1 − 1.5 · IQR` or above `Q3 + 1.5 · IQR`, with quartiles by
//!    linear interpolation between order statistics (R's type 7, `NumPy`'s default);
//! 3. when the IQR is 0 too, the sample has no spread to judge by, and nothing is flagged.
//!
//! Both are robust: a few wild values in the sample do not hide another.

use rust_decimal::Decimal;

/// The smallest sample judged: below it, a spread measured from a handful of values flags too
/// much by chance.
pub const MIN_SAMPLE: usize = 8;

/// The consistency constant of the modified z-score (Φ⁻¹(0.75), rounded as published).
const Z_SCALE: Decimal = Decimal::from_parts(6745, 0, 0, false, 4);
/// The modified z-score beyond which a value is an outlier.
const Z_LIMIT: Decimal = Decimal::from_parts(35, 0, 0, false, 1);
/// Tukey's fence multiplier.
const FENCE: Decimal = Decimal::from_parts(15, 0, 0, false, 1);

/// Whether `x` is an outlier against `sample`, and the sample's median; `None` when the sample
/// is too small to judge.
///
/// ```
/// use chiso::quality::is_outlier;
/// // Median 13.5; deviations .5 .5 1.5 1.5 2.5 2.5 3.5 3.5, so MAD 2: 40 is far, 15 is not.
/// let sample: Vec<_> = (10..=17).map(rust_decimal::Decimal::from).collect();
/// assert_eq!(is_outlier(40.into(), &sample), Some((true, "13.5".parse().unwrap())));
/// assert_eq!(is_outlier(15.into(), &sample), Some((false, "13.5".parse().unwrap())));
/// ```
pub fn is_outlier(x: Decimal, sample: &[Decimal]) -> Option<(bool, Decimal)> {
    if sample.len() < MIN_SAMPLE {
        return None;
    }
    let mut sorted = sample.to_vec();
    sorted.sort_unstable();
    is_outlier_sorted(x, &sorted)
}

/// [`is_outlier`] on a sample already sorted: an evaluation sorts each peer group's values
/// once and judges every member against them without sorting again.
pub(crate) fn is_outlier_sorted(x: Decimal, sorted: &[Decimal]) -> Option<(bool, Decimal)> {
    if sorted.len() < MIN_SAMPLE {
        return None;
    }
    let median = quantile(sorted, 1, 2)?;
    let deviations = sorted_deviations(sorted, median);
    let mad = quantile(&deviations, 1, 2)?;
    if !mad.is_zero() {
        let left = Z_SCALE.checked_mul((x - median).abs())?;
        let right = Z_LIMIT.checked_mul(mad)?;
        return Some((left > right, median));
    }
    let q1 = quantile(sorted, 1, 4)?;
    let q3 = quantile(sorted, 3, 4)?;
    let iqr = q3 - q1;
    if iqr.is_zero() {
        return Some((false, median));
    }
    let reach = FENCE.checked_mul(iqr)?;
    Some((x < q1 - reach || x > q3 + reach, median))
}

/// The `num/den` quantile of a sorted, non-empty sample by linear interpolation (type 7):
/// position `h = (n − 1) · num/den`, value `s[⌊h⌋] + (h − ⌊h⌋) · (s[⌊h⌋+1] − s[⌊h⌋])`.
/// `|s − median|` for every `s` of the sorted sample, in ascending order: the values below the
/// median give falling deviations and those above rising ones, so two sorted runs are merged
/// instead of sorting.
fn sorted_deviations(sorted: &[Decimal], median: Decimal) -> Vec<Decimal> {
    let split = sorted.partition_point(|s| *s <= median);
    let mut below = sorted[..split].iter().rev().map(|s| median - *s).peekable();
    let mut above = sorted[split..].iter().map(|s| *s - median).peekable();
    let mut out = Vec::with_capacity(sorted.len());
    loop {
        let next = match (below.peek(), above.peek()) {
            (Some(b), Some(a)) if b <= a => below.next(),
            (Some(_) | None, Some(_)) => above.next(),
            (Some(_), None) => below.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

fn quantile(sorted: &[Decimal], num: usize, den: usize) -> Option<Decimal> {
    let n = sorted.len();
    let scaled = (n.checked_sub(1)?) * num; // h = scaled / den
    let low = scaled / den;
    let rest = scaled % den;
    let base = *sorted.get(low)?;
    if rest == 0 {
        return Some(base);
    }
    let next = *sorted.get(low + 1)?;
    let fraction = Decimal::from(rest) / Decimal::from(den);
    Some(base + fraction * (next - base))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn merged_deviations_equal_sorted_ones(mut sample in proptest::collection::vec(-1000i64..1000, 1..40), num in 1usize..4) {
            let mut sorted: Vec<Decimal> = sample.drain(..).map(|v| Decimal::new(v, 1)).collect();
            sorted.sort_unstable();
            let median = quantile(&sorted, num, 4).unwrap();
            let mut expected: Vec<Decimal> = sorted.iter().map(|s| (*s - median).abs()).collect();
            expected.sort_unstable();
            proptest::prop_assert_eq!(sorted_deviations(&sorted, median), expected);
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn sample(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| d(v)).collect()
    }

    #[test]
    fn quartiles_interpolate_as_numpy_does() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25]
        let s = sample(&["1", "2", "3", "4"]);
        assert_eq!(quantile(&s, 1, 4), Some(d("1.75")));
        assert_eq!(quantile(&s, 1, 2), Some(d("2.5")));
        assert_eq!(quantile(&s, 3, 4), Some(d("3.25")));
    }

    #[test]
    fn the_z_score_boundary_is_strict() {
        // median 12, deviations 0 0 1 1 1 1 2 2 → MAD 1; limit |x − 12| > 3.5 / 0.6745 ≈ 5.189
        let s = sample(&["10", "11", "12", "13", "14", "12", "11", "13"]);
        assert_eq!(is_outlier(d("17.18"), &s), Some((false, d("12"))));
        assert_eq!(is_outlier(d("17.19"), &s), Some((true, d("12"))));
        assert_eq!(is_outlier(d("6.81"), &s), Some((true, d("12"))));
    }

    #[test]
    fn without_spread_the_fences_decide_and_then_nothing_is_flagged() {
        // MAD 0 (five of eight are 5); Q1 at h = 1.75 is 5, Q3 at h = 5.25 is 6 + 0.25 × 1 =
        // 6.25: IQR 1.25, fences 5 − 1.875 = 3.125 and 6.25 + 1.875 = 8.125.
        let s = sample(&["5", "5", "5", "5", "5", "6", "7", "10"]);
        assert_eq!(is_outlier(d("8.2"), &s), Some((true, d("5"))));
        assert_eq!(is_outlier(d("8.125"), &s), Some((false, d("5"))));
        assert_eq!(is_outlier(d("3.1"), &s), Some((true, d("5"))));
        let flat = sample(&["3"; 8]);
        assert_eq!(is_outlier(d("1000"), &flat), Some((false, d("3"))));
        assert_eq!(is_outlier(d("1"), &sample(&["1"; 7])), None);
    }
}
