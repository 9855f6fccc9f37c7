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

use crate::columns::CodeId;

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
    judge(x, Sorted { sorted, skip: None })
}

/// [`is_outlier_sorted`] against `sorted` less the number at `skip` (a peer group's values
/// less the unit's own), in `O(log n)`: nothing is copied, and the median of the deviations
/// is selected from the two runs they form either side of the median, not sorted.
pub(crate) fn is_outlier_without(
    x: Decimal,
    sorted: &[Decimal],
    skip: usize,
) -> Option<(bool, Decimal)> {
    judge(
        x,
        Sorted {
            sorted,
            skip: Some(skip),
        },
    )
}

/// A peer group's numbers for an item and period, sorted once, with what settles most members'
/// verdicts in one comparison: for each median the others' numbers can have when a member is
/// left out, a floor under their MAD. A member within the floor's reach of that median is no
/// outlier whatever the MAD of the others is; only the rest take the full test (run for every
/// number of every unit, it was the largest of an evaluation's quality checks).
#[derive(Debug)]
pub(crate) struct PeerSample {
    sorted: Vec<Decimal>,
    /// Each member's number in the columns and the position of its own number among
    /// `sorted`, by member number: a member finds itself without comparing decimals.
    positions: Vec<(CodeId, u32)>,
    /// By [`class`] of the position left out: the others' median and `Z_LIMIT` times the
    /// floor under their MAD (`None` where the sample is too small or the floor is 0).
    floors: [Option<(Decimal, Decimal)>; 3],
}

impl PeerSample {
    /// The sample of `members`' numbers: each member's number in the columns, ascending, and
    /// its own.
    pub fn of_members(members: &[(CodeId, Decimal)]) -> Self {
        let mut order: Vec<u32> = (0..u32::try_from(members.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by_key(|&k| members[k as usize].1);
        let mut positions: Vec<(CodeId, u32)> = vec![(0, 0); order.len()];
        for (at, &k) in (0u32..).zip(&order) {
            positions[k as usize] = (members[k as usize].0, at);
        }
        let sorted = order.iter().map(|&k| members[k as usize].1).collect();
        PeerSample {
            positions,
            ..PeerSample::new(sorted)
        }
    }

    /// The sample of `sorted` numbers (ascending), its members unknown.
    fn new(sorted: Vec<Decimal>) -> Self {
        let n = sorted.len();
        let floor = |class: usize| {
            if n.checked_sub(1)? < MIN_SAMPLE {
                return None;
            }
            // A position of the class: the others' median is the same for all of them.
            let skip = (0..n).find(|&j| self::class(n, j) == class)?;
            let median = Sorted {
                sorted: &sorted,
                skip: Some(skip),
            }
            .quantile_of(1, 2)?;
            // Leaving one deviation out never lowers the k-th smallest: the whole sample's
            // k-th, about the same median, is a floor under every member's.
            let whole = Sorted {
                sorted: &sorted,
                skip: None,
            };
            let mad = Sorted::quantile(n - 1, 1, 2, |k| whole.deviation(median, k))?;
            (!mad.is_zero()).then_some(())?;
            Some((median, Z_LIMIT.checked_mul(mad)?))
        };
        let floors = [floor(0), floor(1), floor(2)];
        PeerSample {
            sorted,
            positions: Vec::new(),
            floors,
        }
    }

    /// The numbers, ascending.
    pub fn sorted(&self) -> &[Decimal] {
        &self.sorted
    }

    /// Where the number of the member numbered `member` is among [`PeerSample::sorted`].
    pub fn position_of(&self, member: CodeId) -> Option<usize> {
        let at = self.positions.binary_search_by_key(&member, |p| p.0).ok()?;
        Some(self.positions[at].1 as usize)
    }

    /// Whether `x` is certainly no outlier against the sample less the number at `own`
    /// ([`is_outlier_without`] would not flag it).
    pub fn surely_plausible(&self, x: Decimal, own: usize) -> bool {
        let Some(Some((median, reach))) = self.floors.get(class(self.sorted.len(), own)) else {
            return false;
        };
        Z_SCALE
            .checked_mul((x - *median).abs())
            .is_some_and(|left| left <= *reach)
    }
}

/// Which of `n` sorted numbers the median of the others reads when the one at `j` is left
/// out, as a class: the median of `n − 1` reads their positions `low` (and `low + 1`), which
/// are the sample's `low + 1` (`low + 2`) when `j ≤ low`, its `low` (`low + 2`) when
/// `j = low + 1`, and its `low` (`low + 1`) after.
fn class(n: usize, j: usize) -> usize {
    let low = n.saturating_sub(2) / 2;
    match j {
        j if j <= low => 0,
        j if j == low + 1 => 1,
        _ => 2,
    }
}

/// A sorted sample, read with one position left out.
#[derive(Clone, Copy)]
struct Sorted<'a> {
    sorted: &'a [Decimal],
    skip: Option<usize>,
}

impl Sorted<'_> {
    fn len(self) -> usize {
        match self.skip {
            Some(skip) if skip < self.sorted.len() => self.sorted.len() - 1,
            _ => self.sorted.len(),
        }
    }

    fn at(self, i: usize) -> Option<Decimal> {
        let i = match self.skip {
            Some(skip) if i >= skip => i + 1,
            _ => i,
        };
        self.sorted.get(i).copied()
    }

    /// How many numbers are at most `bound`.
    fn count_at_most(self, bound: Decimal) -> usize {
        let n = self.sorted.partition_point(|s| *s <= bound);
        match self.skip {
            Some(skip) if skip < n => n - 1,
            _ => n,
        }
    }

    /// The `q`-quantile (`num / den`), interpolating linearly between order statistics (R's
    /// type 7), of the numbers `value(0) ≤ value(1) ≤ …` of a sample of `n`.
    fn quantile(
        n: usize,
        num: usize,
        den: usize,
        value: impl Fn(usize) -> Option<Decimal>,
    ) -> Option<Decimal> {
        let scaled = (n.checked_sub(1)?) * num; // h = scaled / den
        let (low, rest) = (scaled / den, scaled % den);
        let base = value(low)?;
        if rest == 0 {
            return Some(base);
        }
        let next = value(low + 1)?;
        let fraction = Decimal::from(rest) / Decimal::from(den);
        Some(base + fraction * (next - base))
    }

    fn quantile_of(self, num: usize, den: usize) -> Option<Decimal> {
        Self::quantile(self.len(), num, den, |i| self.at(i))
    }

    /// The `k`-th smallest (from 0) of the deviations `|s − median|`: the numbers at most the
    /// median give one ascending run read leftwards, those above it another read rightwards,
    /// and the `k`-th of two sorted runs is found by halving.
    fn deviation(self, median: Decimal, k: usize) -> Option<Decimal> {
        let split = self.count_at_most(median);
        let below = |i: usize| Some(median - self.at(split.checked_sub(i + 1)?)?);
        let above = |j: usize| Some(self.at(split + j)? - median);
        let (na, nb) = (split, self.len() - split);
        let take = k + 1; // how many of the smallest, together
        if take > na + nb {
            return None;
        }
        // The fewest `i` from `below` such that `below`'s next is no smaller than the last
        // one taken from `above`.
        let (mut lo, mut hi) = (take.saturating_sub(nb), take.min(na));
        while lo < hi {
            let i = lo + (hi - lo) / 2;
            let j = take - i;
            if j > 0 && i < na && above(j - 1)? > below(i)? {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        let j = take - lo;
        let last_below = if lo > 0 { below(lo - 1) } else { None };
        let last_above = if j > 0 { above(j - 1) } else { None };
        last_below.max(last_above)
    }
}

fn judge(x: Decimal, sample: Sorted<'_>) -> Option<(bool, Decimal)> {
    let n = sample.len();
    if n < MIN_SAMPLE {
        return None;
    }
    let median = sample.quantile_of(1, 2)?;
    let mad = Sorted::quantile(n, 1, 2, |k| sample.deviation(median, k))?;
    if !mad.is_zero() {
        let left = Z_SCALE.checked_mul((x - median).abs())?;
        let right = Z_LIMIT.checked_mul(mad)?;
        return Some((left > right, median));
    }
    let q1 = sample.quantile_of(1, 4)?;
    let q3 = sample.quantile_of(3, 4)?;
    let iqr = q3 - q1;
    if iqr.is_zero() {
        return Some((false, median));
    }
    let reach = FENCE.checked_mul(iqr)?;
    Some((x < q1 - reach || x > q3 + reach, median))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test as the module states it, by sorting every list it needs.
    fn by_sorting(x: Decimal, sample: &[Decimal]) -> Option<(bool, Decimal)> {
        fn quantile(sorted: &[Decimal], num: usize, den: usize) -> Option<Decimal> {
            Sorted::quantile(sorted.len(), num, den, |i| sorted.get(i).copied())
        }
        if sample.len() < MIN_SAMPLE {
            return None;
        }
        let mut sorted = sample.to_vec();
        sorted.sort_unstable();
        let median = quantile(&sorted, 1, 2)?;
        let mut deviations: Vec<Decimal> = sorted.iter().map(|s| (*s - median).abs()).collect();
        deviations.sort_unstable();
        let mad = quantile(&deviations, 1, 2)?;
        if !mad.is_zero() {
            return Some((Z_SCALE * (x - median).abs() > Z_LIMIT * mad, median));
        }
        let (q1, q3) = (quantile(&sorted, 1, 4)?, quantile(&sorted, 3, 4)?);
        let iqr = q3 - q1;
        if iqr.is_zero() {
            return Some((false, median));
        }
        Some((x < q1 - FENCE * iqr || x > q3 + FENCE * iqr, median))
    }

    proptest::proptest! {
        #[test]
        fn leaving_one_out_judges_as_sorting_the_rest(
            sample in proptest::collection::vec(-60i64..60, 1..40),
            skip in 0usize..40,
            x in -200i64..200,
        ) {
            let mut sorted: Vec<Decimal> = sample.iter().map(|v| Decimal::new(*v, 1)).collect();
            sorted.sort_unstable();
            let skip = skip % sorted.len();
            let mut rest = sorted.clone();
            rest.remove(skip);
            let x = Decimal::new(x, 1);
            proptest::prop_assert_eq!(is_outlier_without(x, &sorted, skip), by_sorting(x, &rest));
            proptest::prop_assert_eq!(is_outlier_sorted(x, &sorted), by_sorting(x, &sorted));
        }

        #[test]
        fn a_member_surely_plausible_is_never_flagged(
            sample in proptest::collection::vec(-60i64..60, 1..40),
            x in proptest::option::of(-200i64..200),
        ) {
            let mut sorted: Vec<Decimal> = sample.iter().map(|v| Decimal::new(*v, 1)).collect();
            sorted.sort_unstable();
            let peers = PeerSample::new(sorted.clone());
            for own in 0..sorted.len() {
                // The member's own number, or any other.
                let x = x.map_or(sorted[own], |x| Decimal::new(x, 1));
                if peers.surely_plausible(x, own) {
                    let judged = is_outlier_without(x, &sorted, own);
                    proptest::prop_assert!(matches!(judged, Some((false, _))), "{x} at {own}: {judged:?}");
                }
            }
        }

        #[test]
        fn each_deviation_is_the_sorted_one(
            sample in proptest::collection::vec(-1000i64..1000, 1..40),
            skip in proptest::option::of(0usize..40),
            num in 1usize..4,
        ) {
            let mut sorted: Vec<Decimal> = sample.iter().map(|v| Decimal::new(*v, 1)).collect();
            sorted.sort_unstable();
            let view = Sorted { sorted: &sorted, skip: skip.map(|s| s % sorted.len()) };
            let rest: Vec<Decimal> = (0..view.len()).filter_map(|i| view.at(i)).collect();
            let Some(centre) = view.quantile_of(num, 4) else { return Ok(()) };
            let mut expected: Vec<Decimal> = rest.iter().map(|s| (*s - centre).abs()).collect();
            expected.sort_unstable();
            let found: Vec<Option<Decimal>> = (0..=rest.len()).map(|k| view.deviation(centre, k)).collect();
            let wanted: Vec<Option<Decimal>> = expected.into_iter().map(Some).chain([None]).collect();
            proptest::prop_assert_eq!(found, wanted);
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn sample(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| d(v)).collect()
    }

    #[test]
    fn each_member_finds_its_own_number() {
        let peers =
            PeerSample::of_members(&[(2, d("3")), (5, d("1")), (9, d("2")), (11, d("1.0"))]);
        assert_eq!(peers.sorted(), &[d("1"), d("1.0"), d("2"), d("3")][..]);
        assert_eq!(peers.sorted()[1].to_string(), "1.0"); // member 11's own, not member 5's
        let places: Vec<Option<usize>> = [2, 5, 9, 11, 4].map(|m| peers.position_of(m)).to_vec();
        assert_eq!(places, [Some(3), Some(0), Some(2), Some(1), None]);
    }

    #[test]
    fn most_members_of_a_spread_sample_are_settled_at_once() {
        // 1, 2, …, 40: no member is an outlier, and every one is settled by its floor.
        let sorted: Vec<Decimal> = (1..=40).map(Decimal::from).collect();
        let peers = PeerSample::new(sorted.clone());
        for own in 0..sorted.len() {
            assert!(peers.surely_plausible(sorted[own], own), "{own}");
            assert_eq!(
                is_outlier_without(sorted[own], &sorted, own).map(|v| v.0),
                Some(false)
            );
        }
        // 1000 in place of 40 is flagged, and not settled.
        let mut wild = sorted.clone();
        wild[39] = Decimal::from(1000);
        let peers = PeerSample::new(wild.clone());
        assert!(!peers.surely_plausible(wild[39], 39));
        assert_eq!(
            is_outlier_without(wild[39], &wild, 39).map(|v| v.0),
            Some(true)
        );
        // Too few to judge: nothing is settled.
        let few = PeerSample::new(sorted[..8].to_vec());
        assert!((0..8).all(|own| !few.surely_plausible(sorted[own], own)));
    }

    #[test]
    fn quartiles_interpolate_as_numpy_does() {
        // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) == [1.75, 2.5, 3.25]
        let s = sample(&["1", "2", "3", "4"]);
        let view = Sorted {
            sorted: &s,
            skip: None,
        };
        assert_eq!(view.quantile_of(1, 4), Some(d("1.75")));
        assert_eq!(view.quantile_of(1, 2), Some(d("2.5")));
        assert_eq!(view.quantile_of(3, 4), Some(d("3.25")));
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
