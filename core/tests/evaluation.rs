//! Evaluation: each scoring rule, each composite method and missing policy, and properties of
//! ranking. Every expected number is worked out by hand beside it.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::catalogue::{Category, Direction, Scoring, Step};
use chiso::evaluation::{
    CompositeMethod, MissingPolicy, Part, RankingRule, TiePolicy, combine, rank, score_value,
};
use chiso::{Catalogue, Value};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn v(s: &str) -> Value {
    Value::number(d(s))
}

/// The fraction as written (normalised), or "-" when it cannot be scored.
fn scored(code: &str, rule: &Scoring, value: &Value, peers: &[&str]) -> String {
    let nq57 = Catalogue::nq57();
    let indicator = nq57.indicator(code).unwrap();
    let peers: Vec<Decimal> = peers.iter().map(|p| d(p)).collect();
    score_value(indicator, rule, value, 2026, &peers)
        .map_or("-".to_owned(), |f| f.normalize().to_string())
}

#[test]
fn ratio_to_target() {
    let capped = Scoring::RatioToTarget { cap: true };
    // B05: ≥ 85 by 2026 for each unit. 68 / 85 = 0.8; 90 / 85 capped at 1, uncapped 1.0588…
    assert_eq!(scored("B05", &capped, &v("68"), &[]), "0.8");
    assert_eq!(scored("B05", &capped, &v("90"), &[]), "1");
    let open = scored("B05", &Scoring::RatioToTarget { cap: false }, &v("90"), &[]);
    assert!(open.starts_with("1.0588235294"), "{open}");
    // C05 (security incidents): ≤ 0 by 2026. None is the target (1); any is 0.
    assert_eq!(scored("C05", &capped, &v("0"), &[]), "1");
    assert_eq!(scored("C05", &capped, &v("3"), &[]), "0");
    // Missing and wrong kinds cannot be scored.
    assert_eq!(
        scored("B05", &capped, &Value::missing(chiso::Missing::NoData), &[]),
        "-"
    );
    assert_eq!(scored("B05", &capped, &Value::Text("x".into()), &[]), "-");
}

#[test]
fn ratio_to_a_lower_is_better_target() {
    // A rank to bring to 30 or better: rank 40 earns 30 / 40 = 0.75; rank 25 meets it (1).
    let mut rank_like = Catalogue::nq57().indicator("B05").unwrap().clone();
    rank_like.direction = Direction::LowerIsBetter;
    rank_like.targets = vec![
        serde_json::from_str(
            r#"{"comparator": "<=", "value": "30", "scope": "each_unit", "year": 2030}"#,
        )
        .unwrap(),
    ];
    let rule = Scoring::RatioToTarget { cap: true };
    assert_eq!(
        score_value(&rank_like, &rule, &v("40"), 2026, &[]),
        Some(d("0.75"))
    );
    assert_eq!(
        score_value(&rank_like, &rule, &v("25"), 2026, &[]),
        Some(Decimal::ONE)
    );
    // A range 40–50 for less is better is "≤ 50": 30 beats it (1), 45 meets it, 60 is 50 / 60.
    rank_like.targets = vec![serde_json::from_str(
        r#"{"comparator": "range", "min": "40", "max": "50", "scope": "each_unit", "year": 2030}"#,
    )
    .unwrap()];
    let at = |x: &str, indicator: &chiso::catalogue::Indicator| {
        score_value(indicator, &rule, &v(x), 2026, &[]).map(|d| d.round_dp(10).to_string())
    };
    assert_eq!(at("30", &rank_like).as_deref(), Some("1"));
    assert_eq!(at("45", &rank_like).as_deref(), Some("1"));
    assert_eq!(at("60", &rank_like).as_deref(), Some("0.8333333333"));
    // Declared a band (inside_band), over- and under-achievement both fall short: 30 is
    // 30 / 40 = 0.75 of the way; 60 is 50 / 60; 45 is inside.
    let mut band = rank_like.clone();
    band.direction = Direction::InsideBand;
    assert_eq!(at("30", &band).as_deref(), Some("0.75"));
    assert_eq!(at("45", &band).as_deref(), Some("1"));
    assert_eq!(at("60", &band).as_deref(), Some("0.8333333333"));
}

/// Issue 18: beating an "=" or a range target is not penalised unless the indicator is
/// declared a band; rank targets against the world, Asia and ASEAN are scored.
#[test]
fn meeting_or_beating_a_target_is_one_and_every_scope_scores() {
    let nq57 = Catalogue::nq57();
    let rule = Scoring::RatioToTarget { cap: true };
    let at = |code: &str, x: &str| {
        let indicator = nq57.indicator(code).unwrap();
        score_value(indicator, &rule, &v(x), 2026, &[])
            .map(|d| d.round_dp(4).normalize().to_string())
    };
    // A09 "= 90" (national, 2030), more is better: 95 and 90 meet it; 81 is 81 / 90 = 0.9.
    assert_eq!(at("A09", "95").as_deref(), Some("1"));
    assert_eq!(at("A09", "90").as_deref(), Some("1"));
    assert_eq!(at("A09", "81").as_deref(), Some("0.9"));
    // A17, range 40–50, more is better: 55 and 45 meet it; 30 is 30 / 40 = 0.75.
    assert_eq!(at("A17", "55").as_deref(), Some("1"));
    assert_eq!(at("A17", "45").as_deref(), Some("1"));
    assert_eq!(at("A17", "30").as_deref(), Some("0.75"));
    // A01: ≤ 3 in ASEAN and ≤ 50 in the world (2030); its value is the world rank. 40 meets
    // it; 80 is 50 / 80 = 0.625. A03 has only the ASEAN target ≤ 3: 4 is 3 / 4 = 0.75.
    assert_eq!(at("A01", "40").as_deref(), Some("1"));
    assert_eq!(at("A01", "80").as_deref(), Some("0.625"));
    assert_eq!(at("A03", "4").as_deref(), Some("0.75"));
    // A28, ≤ 10 in the world: 12 is 10 / 12 = 0.8333.
    assert_eq!(at("A28", "12").as_deref(), Some("0.8333"));
}

#[test]
fn steps_as_the_dti_meetings_rule() {
    // 4 meetings a year → 20 of 20 points, 3 → 15, 2 → 10, 1 → 5, else 0.
    let rule = Scoring::Steps {
        steps: [("4", "1"), ("3", "0.75"), ("2", "0.5"), ("1", "0.25")]
            .iter()
            .map(|(at, f)| Step {
                at_least: d(at),
                fraction: d(f),
            })
            .collect(),
    };
    let got: Vec<String> = ["6", "4", "3.5", "3", "2", "1", "0"]
        .iter()
        .map(|x| scored("C01", &rule, &v(x), &[]))
        .collect();
    assert_eq!(got, ["1", "1", "0.75", "0.75", "0.5", "0.25", "0"]);
    // Lower is better (C05, incidents): "at least" reads "at most": 0 incidents → 1, 2 → 0.5.
    let rule = Scoring::Steps {
        steps: vec![
            Step {
                at_least: d("0"),
                fraction: d("1"),
            },
            Step {
                at_least: d("2"),
                fraction: d("0.5"),
            },
        ],
    };
    assert_eq!(scored("C05", &rule, &v("0"), &[]), "1");
    assert_eq!(scored("C05", &rule, &v("2"), &[]), "0.5");
    assert_eq!(scored("C05", &rule, &v("3"), &[]), "0");
}

#[test]
fn categorical_full_half_zero() {
    let rule = Scoring::Categorical {
        categories: vec![
            Category {
                value: Value::Text("đầy đủ".into()),
                fraction: d("1"),
            },
            Category {
                value: Value::Text("một phần".into()),
                fraction: d("0.5"),
            },
        ],
    };
    assert_eq!(
        scored("B15", &rule, &Value::Text("đầy đủ".into()), &[]),
        "1"
    );
    assert_eq!(
        scored("B15", &rule, &Value::Text("một phần".into()), &[]),
        "0.5"
    );
    assert_eq!(
        scored("B15", &rule, &Value::Text("chưa có".into()), &[]),
        "0"
    );
    assert_eq!(
        scored("B15", &rule, &Value::missing(chiso::Missing::NoData), &[]),
        "-"
    );
}

#[test]
fn min_max_and_z_score_across_peers() {
    // Peers 10, 20, 30, 40 (the unit's own included): 20 → (20 − 10) / 30 = 1/3.
    let peers = ["10", "20", "30", "40"];
    assert!(scored("C01", &Scoring::MinMax, &v("20"), &peers).starts_with("0.3333333333"));
    // Lower is better (C05): reversed, 2/3.
    assert!(scored("C05", &Scoring::MinMax, &v("20"), &peers).starts_with("0.6666666666"));
    assert_eq!(scored("C01", &Scoring::MinMax, &v("5"), &["5", "5"]), "1");
    // Peers 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2. x = 9: z = 2 → (2 + 3) / 6.
    let peers = ["2", "4", "4", "4", "5", "5", "7", "9"];
    assert!(scored("C01", &Scoring::ZScore, &v("9"), &peers).starts_with("0.8333333333"));
    assert_eq!(scored("C01", &Scoring::ZScore, &v("5"), &peers), "0.5");
    // z beyond 3 is clamped: x = 13 gives z = 4 → 1.
    assert_eq!(scored("C01", &Scoring::ZScore, &v("13"), &peers), "1");
}

#[test]
fn distance_to_target_goalposts_and_yes_no() {
    // B05 ≥ 85: 68 is 17 short, 1 − 17/85 = 0.8; 95 meets it.
    assert_eq!(
        scored("B05", &Scoring::DistanceToTarget, &v("68"), &[]),
        "0.8"
    );
    assert_eq!(
        scored("B05", &Scoring::DistanceToTarget, &v("95"), &[]),
        "1"
    );
    // Goalposts 20 → 0, 70 → 1: 45 is halfway; 80 is clamped to 1; reversed posts work too.
    let posts = Scoring::Goalposts {
        low: d("20"),
        high: d("70"),
    };
    assert_eq!(scored("B05", &posts, &v("45"), &[]), "0.5");
    assert_eq!(scored("B05", &posts, &v("80"), &[]), "1");
    let reversed = Scoring::Goalposts {
        low: d("10"),
        high: d("0"),
    };
    assert_eq!(scored("C05", &reversed, &v("4"), &[]), "0.6");
    assert_eq!(scored("B15", &Scoring::YesNo, &Value::Bool(true), &[]), "1");
    assert_eq!(
        scored("B15", &Scoring::YesNo, &Value::Bool(false), &[]),
        "0"
    );
    assert_eq!(scored("B15", &Scoring::YesNo, &v("0.5"), &[]), "-");
}

fn part(weight: &str, points: &str, fraction: Option<&str>) -> Part {
    Part {
        weight: d(weight),
        points: d(points),
        fraction: fraction.map(d),
    }
}

#[test]
fn the_dti_composite_and_each_missing_policy() {
    // DTI 2022 provincial: 8 main indicators worth 100 ×5, 200, 150, 150 = 1,000 points.
    let fractions = ["0.8", "0.6", "0.9", "0.5", "0.7", "0.65", "0.4", "0.75"];
    let points = ["100", "100", "100", "100", "100", "200", "150", "150"];
    let parts: Vec<Part> = fractions
        .iter()
        .zip(points)
        .map(|(f, p)| part("1", p, Some(f)))
        .collect();
    // (80 + 60 + 90 + 50 + 70 + 130 + 60 + 112.5) / 1000 = 652.5 / 1000.
    let dti = combine(CompositeMethod::Points, &parts, MissingPolicy::Zero).unwrap();
    assert_eq!(dti.round_dp(4).to_string(), "0.6525");
    // The plain weighted mean with equal weights: 5.3 / 8 = 0.6625.
    assert_eq!(
        combine(CompositeMethod::WeightedMean, &parts, MissingPolicy::Zero).unwrap(),
        d("0.6625")
    );
    // The 200-point indicator missing: zero → 522.5 / 1000; rescaled → 522.5 / 800 = 0.653125.
    let mut gap = parts.clone();
    gap[5].fraction = None;
    assert_eq!(
        combine(CompositeMethod::Points, &gap, MissingPolicy::Zero).unwrap(),
        d("0.5225")
    );
    assert_eq!(
        combine(CompositeMethod::Points, &gap, MissingPolicy::Rescale).unwrap(),
        d("0.653125")
    );
    // Nothing left: no composite (missing is not zero).
    let none = [part("1", "100", None)];
    assert_eq!(
        combine(CompositeMethod::Points, &none, MissingPolicy::Rescale),
        None
    );
}

#[test]
fn the_geometric_mean() {
    // Equal weights, 0.25 and 1: √0.25 = 0.5. A zero makes the whole zero.
    let g = combine(
        CompositeMethod::GeometricMean,
        &[part("1", "1", Some("0.25")), part("1", "1", Some("1"))],
        MissingPolicy::Zero,
    )
    .unwrap();
    assert_eq!(g.round_dp(10), d("0.5"));
    let z = combine(
        CompositeMethod::GeometricMean,
        &[part("1", "1", Some("0")), part("1", "1", Some("1"))],
        MissingPolicy::Zero,
    )
    .unwrap();
    assert_eq!(z, Decimal::ZERO);
}

fn fraction() -> impl Strategy<Value = Decimal> {
    (0u32..=10_000).prop_map(|n| Decimal::new(i64::from(n), 4))
}

proptest! {
    /// A composite of equal inputs equals that input, whatever the weights and method.
    #[test]
    fn a_composite_of_equal_inputs_is_that_input(f in fraction(), weights in prop::collection::vec(1u32..100, 1..8)) {
        let parts: Vec<Part> = weights.iter().map(|w| Part { weight: Decimal::from(*w), points: Decimal::from(*w * 10), fraction: Some(f) }).collect();
        for method in [CompositeMethod::WeightedMean, CompositeMethod::Points] {
            prop_assert_eq!(combine(method, &parts, MissingPolicy::Zero).unwrap(), f);
        }
        let g = combine(CompositeMethod::GeometricMean, &parts, MissingPolicy::Zero).unwrap();
        prop_assert!((g - f).abs() < Decimal::new(1, 12), "{} vs {}", g, f);
    }

    /// Permuting the input never changes anyone's rank, and competition ranks are valid: the
    /// rank of each unit is 1 + the number of units with a strictly better score.
    #[test]
    fn competition_ranks_are_valid_and_order_free(scores in prop::collection::vec(prop::option::of(0u32..20), 1..30), seed in any::<u64>()) {
        let units: Vec<(String, Option<Decimal>)> = scores.iter().enumerate()
            .map(|(i, s)| (format!("u{i:02}"), s.map(|n| Decimal::new(i64::from(n), 1)))).collect();
        let rule = RankingRule { ties: TiePolicy::Competition, round_to: None };
        let placed = rank(&units, rule);
        for p in &placed {
            let better = units.iter().filter(|(_, s)| matches!((s, p.score), (Some(x), Some(y)) if *x > y)).count();
            prop_assert_eq!(p.rank, p.score.map(|_| Decimal::from(better + 1)));
        }
        let mut shuffled = units.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            let j = usize::try_from(state % (i as u64 + 1)).unwrap();
            shuffled.swap(i, j);
        }
        prop_assert_eq!(rank(&shuffled, rule), placed);
    }

    /// Raising one unit's achievement on a higher-is-better indicator never lowers its score.
    #[test]
    fn more_never_scores_less(a in 0u32..200, extra in 0u32..100) {
        let nq57 = Catalogue::nq57();
        let b05 = nq57.indicator("B05").unwrap();
        for rule in [Scoring::RatioToTarget { cap: true }, Scoring::DistanceToTarget, Scoring::Goalposts { low: d("20"), high: d("90") }] {
            let low = score_value(b05, &rule, &Value::number(Decimal::from(a)), 2026, &[]).unwrap();
            let high = score_value(b05, &rule, &Value::number(Decimal::from(a + extra)), 2026, &[]).unwrap();
            prop_assert!(high >= low);
        }
    }
}
