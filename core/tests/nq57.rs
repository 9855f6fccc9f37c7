//! The embedded NQ57 catalogue: valid, complete, and Layer A exactly as docs/DOMAIN.md §3 lists the
//! Resolution 57 / Nghị quyết 03/NQ-CP Annex I targets (the table below is typed from that
//! source, not from the catalogue).

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::Catalogue;
use chiso::catalogue::{Direction, ExplanationRequirement, Layer, Method, Status, ValueType};

#[test]
fn embedded_catalogue_is_valid_without_warnings() {
    let text = Catalogue::nq57_json();
    let report = chiso::catalogue::check(text);
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
    assert_eq!(Catalogue::from_json(text).unwrap(), Catalogue::nq57());
}

#[test]
fn embedded_catalogue_round_trips_byte_for_byte() {
    assert_eq!(Catalogue::nq57().to_json(), Catalogue::nq57_json());
}

#[test]
fn layers_are_large_enough_and_marked() {
    let nq57 = Catalogue::nq57();
    assert!(nq57.layer(Layer::A).count() >= 30);
    assert!(nq57.layer(Layer::B).count() >= 20);
    assert!(nq57.layer(Layer::C).count() >= 20);
    for indicator in &nq57.indicators {
        let expected = if indicator.layer == Layer::A {
            Status::Official
        } else {
            Status::Illustrative
        };
        assert_eq!(indicator.status, expected, "{}", indicator.code);
    }
}

#[test]
fn layer_c_indicators_are_explained_when_off_track() {
    for indicator in Catalogue::nq57().layer(Layer::C) {
        assert_eq!(
            indicator.explanation,
            ExplanationRequirement::WhenOffTrack,
            "{}",
            indicator.code
        );
        assert!(!indicator.targets.is_empty(), "{}", indicator.code);
    }
}

#[test]
fn layers_b_and_c_compute_from_data_elements() {
    let nq57 = Catalogue::nq57();
    let computed = nq57
        .indicators
        .iter()
        .filter(|i| i.layer != Layer::A && matches!(i.method, Method::Formula { .. }))
        .count();
    assert!(
        computed >= 20,
        "only {computed} computed indicators in layers B and C"
    );
}

#[test]
fn vietnamese_text_has_diacritics() {
    let nq57 = Catalogue::nq57();
    let accented = nq57
        .indicators
        .iter()
        .filter(|i| !i.name.vi.is_ascii())
        .count();
    assert!(
        accented * 10 >= nq57.indicators.len() * 9,
        "names without diacritics: most names should have them"
    );
}

/// (target as `comparator value scope year`, lead agency) for each row of docs/DOMAIN.md §3, in
/// table order, then the three extra targets of the paragraph below it.
const LAYER_A: &[(&str, &[&str], &str)] = &[
    ("A01", &["<= 3 asean 2030", "<= 50 world 2030"], "MIC"),
    ("A02", &["<= 3 asean 2030", "<= 50 world 2030"], "MIC"),
    ("A03", &["<= 3 asean 2030"], "MIC"),
    ("A04", &[">= 5 national 2030", ">= 10 national 2045"], "MIC"),
    ("A05", &["> 55 national 2030"], "MPI"),
    ("A06", &[">= 50 national 2030"], "MOST"),
    (
        "A07",
        &[">= 30 national 2030", ">= 50 national 2045"],
        "MIC",
    ),
    ("A08", &["> 80 national 2030"], "MIC"),
    ("A09", &["= 90 national 2030"], "GOV_OFFICE"),
    ("A10", &["= 80 national 2030"], "GOV_OFFICE"),
    ("A11", &[">= 80 national 2030"], "SBV"),
    ("A12", &["> 40 national 2030"], "MOST"),
    ("A13", &["> 0.7 national 2030"], "MOST"),
    ("A14", &["= 2 national 2030"], "MOST"),
    ("A15", &[">= 3 national 2030", "text national 2030"], "MOF"),
    ("A16", &["= 12 national 2030"], "MOST"),
    ("A17", &["range 40..50 national 2030"], "MOST"),
    ("A18", &["= 10 national 2030"], "MOST"),
    ("A19", &["range 16..18 national 2030"], "MOST"),
    ("A20", &["range 8..10 national 2030"], "MOST"),
    ("A21", &["= 100 national 2030"], "MIC"),
    ("A22", &["= 99 national 2030"], "MIC"),
    ("A23", &[">= 350 national 2030"], "MIC"),
    ("A24", &[">= 6 national 2030"], "MIC"),
    ("A25", &[">= 95 national 2030"], "SBV"),
    ("A26", &[">= 70 national 2030"], "MIC"),
    ("A27", &[">= 95 national 2030"], "MOH"),
    ("A28", &["<= 10 world 2030"], "MIC"),
    ("A29", &["<= 30 world 2045"], "MOST"),
    ("A30", &["= 1 national 2045"], "MIC"),
    ("A31", &[">= 15 national 2030"], "MOST"),
    ("A32", &[">= 70 national 2030"], "MIC"),
    ("A33", &["> 60 national 2030"], "MOST"),
];

#[test]
fn layer_a_matches_the_resolution_table() {
    let nq57 = Catalogue::nq57();
    let codes: Vec<&str> = nq57.layer(Layer::A).map(|i| i.code.as_str()).collect();
    let expected: Vec<&str> = LAYER_A.iter().map(|row| row.0).collect();
    assert_eq!(codes, expected);
    for (code, targets, lead) in LAYER_A {
        let indicator = nq57.indicator(code).unwrap();
        let got: Vec<String> = indicator
            .targets
            .iter()
            .map(|t| {
                let comparator = chiso::to_json(&t.comparator).trim_matches('"').to_owned();
                let scope = chiso::to_json(&t.scope).trim_matches('"').to_owned();
                let what = match (t.value, t.min, t.max) {
                    (Some(v), _, _) => format!("{comparator} {v}"),
                    (None, Some(min), Some(max)) => format!("{comparator} {min}..{max}"),
                    _ => comparator,
                };
                format!("{what} {scope} {}", t.year)
            })
            .collect();
        assert_eq!(&got, targets, "{code} targets");
        assert_eq!(
            indicator.responsibility.lead_agency, *lead,
            "{code} lead agency"
        );
        assert!(
            indicator
                .legal_sources
                .iter()
                .any(|s| s.starts_with("NQ 57-NQ/TW")),
            "{code} legal source"
        );
        if indicator.value_type == ValueType::Rank {
            assert_eq!(
                indicator.direction,
                Direction::LowerIsBetter,
                "{code}: ranks are lower-is-better"
            );
        }
    }
}

#[test]
fn growth_rate_units_are_per_year() {
    let nq57 = Catalogue::nq57();
    for code in ["A18", "A19"] {
        assert_eq!(nq57.indicator(code).unwrap().unit.en, "%/year");
    }
}
