//! Property: any valid catalogue survives a JSON round trip unchanged.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::Catalogue;
use chiso::Severity;
use chiso::Text;
use chiso::catalogue::{
    Agency, Aggregation, Comparator, DataElement, DataSource, Direction, EvidenceRequirement,
    ExplanationRequirement, Group, Indicator, Layer, Method, Responsibility, RoundingMode,
    RuleOperator, RuleSide, Scope, Scoring, SourceKind, Status, Step, Target, ValidationRule,
    ValueType,
};
use chiso::formula::{EvaluationOrder, MissingStrategy};
use chiso::period::Cycle;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

/// Text that is not blank, in any script (Vietnamese, decomposed accents, emoji, quotes...),
/// in NFC: what any catalogue read from JSON holds (decomposed input is normalised on reading,
/// which `tests/limits.rs` checks).
fn text() -> impl Strategy<Value = Text> {
    let s = "\\PC{0,6}[\\p{L}\\p{N}]\\PC{0,6}";
    (s, s).prop_map(|(vi, en)| Text {
        vi: chiso::nfc(&vi).into_owned(),
        en: chiso::nfc(&en).into_owned(),
    })
}

fn decimal() -> impl Strategy<Value = Decimal> {
    any::<Decimal>().prop_map(|d| d.abs())
}

fn target() -> impl Strategy<Value = Target> {
    let scope = select(vec![
        Scope::National,
        Scope::Asean,
        Scope::Asia,
        Scope::World,
        Scope::EachUnit,
    ]);
    let comparator = select(vec![
        Comparator::AtLeast,
        Comparator::Above,
        Comparator::AtMost,
        Comparator::Below,
        Comparator::Equal,
    ]);
    let goal = prop_oneof![
        (comparator, decimal()).prop_map(|(c, v)| (c, Some(v), None, None, None)),
        (decimal(), decimal()).prop_map(|(a, b)| (
            Comparator::Range,
            None,
            Some(a.min(b)),
            Some(a.max(b)),
            None
        )),
        text().prop_map(|t| (Comparator::Text, None, None, None, Some(t))),
    ];
    (goal, scope, 2000u16..=2100, proptest::option::of(text())).prop_map(
        |((comparator, value, min, max, text), scope, year, note)| Target {
            comparator,
            value,
            min,
            max,
            text,
            scope,
            year,
            note,
        },
    )
}

fn source() -> impl Strategy<Value = DataSource> {
    (select(vec![SourceKind::System, SourceKind::Form]), text())
        .prop_map(|(kind, name)| DataSource { kind, name })
}

prop_compose! {
    fn indicator(code: String, formula: Option<String>)(
        layer in select(vec![Layer::A, Layer::B, Layer::C]),
        status in select(vec![Status::Official, Status::Illustrative]),
        name in text(), concept in text(), description in text(), unit in text(),
        precision in 0u32..=12,
        rounding in select(vec![RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Down, RoundingMode::Ceiling]),
        direction in select(vec![Direction::HigherIsBetter, Direction::LowerIsBetter]),
        // One target per scope and year: duplicates are invalid.
        targets in proptest::collection::vec(target(), 0..4).prop_map(|ts| {
            let mut seen = std::collections::HashSet::new();
            ts.into_iter().filter(|t| t.comparator == Comparator::Text || seen.insert((t.scope, t.year))).collect::<Vec<_>>()
        }),
        cycle in select(Cycle::ALL.to_vec()),
        source in source(), update in text(),
        evidence in proptest::option::of(text()),
        missing in select(vec![MissingStrategy::SkipIfAnyMissing, MissingStrategy::SkipIfAllMissing, MissingStrategy::Zero]),
        evaluation in select(vec![EvaluationOrder::AggregateThenEvaluate, EvaluationOrder::EvaluateThenAverage]),
        weight in decimal(), max_points in decimal(),
        legal in proptest::collection::vec("[A-Za-z0-9 /.-]{1,12}", 0..3).prop_filter("non-blank", |v| v.iter().all(|s| !s.trim().is_empty())),
    ) -> Indicator {
        let explanation = if targets.is_empty() { ExplanationRequirement::None } else { ExplanationRequirement::WhenOffTrack };
        let method = match &formula {
            Some(expression) => Method::Formula { expression: expression.clone(), description, missing, evaluation },
            None => Method::Reported { description },
        };
        Indicator {
            code: code.clone(), layer, status, name, concept, group: "G1".into(), method, unit,
            value_type: ValueType::Number, precision, rounding, direction, targets: targets.into_iter().map(Into::into).collect(), cycle, source,
            responsibility: Responsibility {
                lead_agency: "AG".into(), implementing_agencies: vec!["AG".into()], update, verified_by: "AG".into(),
            },
            evidence: EvidenceRequirement { required: evidence.is_some(), documents: evidence },
            explanation, weight, max_points, legal_sources: legal, replaces: None,
            // A declared rule on computed indicators, the default on reported ones.
            scoring: formula.as_ref().map(|_| Scoring::Steps {
                steps: vec![
                    Step { at_least: Decimal::from(4), fraction: Decimal::ONE },
                    Step { at_least: Decimal::new(15, 1), fraction: Decimal::new(5, 1) },
                ],
            }),
        }
    }
}

fn catalogue() -> impl Strategy<Value = Catalogue> {
    let element = (
        text(),
        text(),
        text(),
        source(),
        select(vec![Aggregation::Sum, Aggregation::Last]),
    );
    (
        text(),
        "[0-9]{1,4}(\\.[0-9]{1,2})?",
        (2000i32..2100, 1u32..=12, 1u32..=28),
        element,
        indicator("I1".into(), None),
        indicator("I2".into(), Some("100 * de_1 / I1".into())),
        (
            select(vec![
                RuleOperator::AtMost,
                RuleOperator::Equal,
                RuleOperator::CompulsoryPair,
            ]),
            select(vec![
                MissingStrategy::SkipIfAnyMissing,
                MissingStrategy::Zero,
            ]),
            select(vec![Severity::Error, Severity::Warning]),
        ),
    )
        .prop_map(
            |(
                title,
                version,
                (y, m, d),
                (name, definition, unit, source, aggregation),
                i1,
                i2,
                (operator, missing, severity),
            )| {
                Catalogue {
                    schema: None,
                    id: "gen".into(),
                    title,
                    version,
                    effective_from: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
                    legal_basis: vec!["NQ 57-NQ/TW".into()],
                    agencies: vec![Agency {
                        code: "AG".into(),
                        name: Text::new("Cơ quan", "Agency"),
                    }],
                    groups: vec![Group {
                        code: "G0".into(),
                        name: Text::new("Trụ cột", "Pillar"),
                        children: vec![Group {
                            code: "G1".into(),
                            name: Text::new("Nhóm", "Group"),
                            children: vec![],
                        }],
                    }],
                    data_elements: vec![DataElement {
                        code: "de_1".into(),
                        name,
                        definition,
                        value_type: ValueType::Count,
                        unit,
                        source,
                        aggregation,
                    }],
                    indicators: vec![i1, i2],
                    validation_rules: vec![ValidationRule {
                        code: "R1".into(),
                        name: Text::new("Quy tắc", "Rule"),
                        left: RuleSide {
                            expression: "de_1".into(),
                            missing,
                        },
                        operator,
                        right: RuleSide {
                            expression: "I2 * 2".into(),
                            missing: MissingStrategy::default(),
                        },
                        severity,
                    }],
                }
            },
        )
}

proptest! {
    #[test]
    fn valid_catalogues_survive_a_json_round_trip(original in catalogue()) {
        prop_assert!(original.validate().is_empty(), "generator made an invalid catalogue: {:?}", original.validate());
        let text = original.to_json();
        let back = Catalogue::from_json(&text).unwrap();
        prop_assert_eq!(&back, &original);
        // And writing it again gives the same bytes.
        prop_assert_eq!(back.to_json(), text);
    }
}
