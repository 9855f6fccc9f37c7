//! Validation: one test per finding code, each on its golden case (`testdata/vectors/
//! catalogue-validation/<case>`), plus the checks that every documented code has a case.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chiso::{Catalogue, catalogue};

fn vectors() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors/catalogue-validation")
}

/// The codes `check` reports for a case's input, in order.
fn codes(case: &str) -> Vec<String> {
    let input = fs::read_to_string(vectors().join(case).join("input.json")).unwrap();
    catalogue::check(&input)
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect()
}

macro_rules! finding_tests {
    ($($test:ident: $case:literal => [$($code:literal),*];)*) => {$(
        #[test]
        fn $test() {
            assert_eq!(codes($case), [$($code),*] as [&str; _]);
        }
    )*};
}

finding_tests! {
    valid_catalogue_has_no_findings: "valid-minimal" => [];
    json_syntax: "json-syntax" => ["json.syntax"];
    json_unknown_field: "json-unknown-field" => ["json.unknown_field"];
    json_missing_field: "json-missing-field" => ["json.missing_field"];
    json_unknown_variant: "json-unknown-variant" => ["json.unknown_variant"];
    json_invalid_type: "json-invalid-type" => ["json.invalid_type"];
    json_invalid_decimal: "json-invalid-decimal" => ["json.invalid_decimal"];
    json_invalid_value: "json-invalid-value" => ["json.invalid_value"];
    text_empty: "text-empty" => ["text.empty"];
    code_invalid: "code-invalid" => ["code.invalid"];
    code_duplicate: "code-duplicate" => ["code.duplicate"];
    catalogue_no_indicators: "catalogue-no-indicators" => ["catalogue.no_indicators", "data_element.unused", "data_element.unused"];
    reference_unknown_group: "reference-unknown-group" => ["reference.unknown_group"];
    reference_unknown_agency: "reference-unknown-agency" => ["reference.unknown_agency"];
    reference_unknown_code: "reference-unknown-code" => ["reference.unknown_code", "data_element.unused"];
    reference_self: "reference-self" => ["reference.self"];
    formula_syntax: "formula-syntax" => ["formula.syntax", "data_element.unused", "data_element.unused"];
    formula_empty: "formula-empty" => ["formula.empty", "data_element.unused", "data_element.unused"];
    target_missing_field: "target-missing-field" => ["target.missing_field"];
    target_unexpected_field: "target-unexpected-field" => ["target.unexpected_field"];
    target_range_unordered: "target-range-unordered" => ["target.range_unordered"];
    target_year_out_of_range: "target-year-out-of-range" => ["target.year_out_of_range"];
    target_value_out_of_range: "target-value-out-of-range" => ["target.value_out_of_range"];
    target_type_mismatch: "target-type-mismatch" => ["formula.result_type", "target.type_mismatch"];
    formula_result_type: "formula-result-type" => ["formula.result_type"];
    formula_type: "formula-type" => ["formula.type", "data_element.unused"];
    reference_cycle: "reference-cycle" => ["reference.cycle"];
    target_duplicate: "target-duplicate" => ["target.duplicate"];
    weight_negative: "weight-negative" => ["weight.negative"];
    max_points_negative: "max-points-negative" => ["max_points.negative"];
    precision_out_of_range: "precision-out-of-range" => ["precision.out_of_range"];
    explanation_no_target: "explanation-no-target" => ["explanation.no_target"];
    direction_band_without_range: "direction-band-without-range" => ["direction.band_without_range"];
    evidence_no_documents: "evidence-no-documents" => ["evidence.no_documents"];
    data_element_unused_is_a_warning: "data-element-unused" => ["data_element.unused"];
}

#[test]
fn input_too_large_is_refused_before_parsing() {
    let huge = " ".repeat(chiso::MAX_INPUT_BYTES + 1);
    let report = catalogue::check(&huge);
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].code, "input.too_large");
    assert_eq!(report.findings[0].path, "");
}

#[test]
fn warnings_alone_leave_a_catalogue_valid() {
    let input = fs::read_to_string(vectors().join("data-element-unused/input.json")).unwrap();
    let report = catalogue::check(&input);
    assert!(report.valid);
    assert_eq!((report.errors, report.warnings), (0, 1));
    assert!(Catalogue::from_json(&input).is_ok());
}

#[test]
fn from_json_fails_with_every_finding() {
    let input = fs::read_to_string(vectors().join("many-findings/input.json")).unwrap();
    let err = Catalogue::from_json(&input).unwrap_err();
    assert_eq!(err.code(), "catalogue.invalid");
    assert_eq!(err.findings().len(), 6);
    assert_eq!(err.path(), Some("/title/vi"));
    assert!(
        err.message_vi()
            .starts_with("Bộ chỉ số không hợp lệ: 6 lỗi.")
    );
    assert!(
        err.message_en()
            .starts_with("The catalogue is invalid: 6 error(s).")
    );
}

/// Every problem code the modules declare (the registry `docs/PROBLEMS.md` is generated from)
/// has a golden case or a test that names it, and every case's code is declared: the
/// registry, the vectors and the tests cannot drift apart. Quality and form findings have
/// their own vectors and suites.
#[test]
fn every_documented_code_has_a_case() {
    let documented: BTreeSet<String> = chiso::vocabulary::problems()
        .into_iter()
        .filter(|p| p.module != "quality" && p.module != "form")
        .map(|p| p.code.to_owned())
        .collect();
    // Codes tested elsewhere: named, quoted, by a test of the core (the size limit above, the
    // other input bounds in tests/limits.rs, the ledger's in tests/ledger.rs, the organisation's in tests/org.rs,
    // the scheme's and the publication's in tests/pipeline.rs).
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut elsewhere = String::new();
    for entry in fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            elsewhere.push_str(&fs::read_to_string(path).unwrap());
        }
    }
    let mut covered: BTreeSet<String> = documented
        .iter()
        .filter(|code| elsewhere.contains(&format!("\"{code}\"")))
        .cloned()
        .collect();
    for entry in fs::read_dir(vectors()).unwrap() {
        let path = entry.unwrap().path().join("expected.json");
        if let Ok(text) = fs::read_to_string(path) {
            let expected: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            covered.extend(
                expected
                    .iter()
                    .map(|f| f["code"].as_str().unwrap().to_owned()),
            );
        }
    }
    for entry in fs::read_dir(vectors().join("../formula")).unwrap() {
        let path = entry.unwrap().path().join("expected.json");
        if let Ok(text) = fs::read_to_string(path) {
            let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
            let codes = expected["codes"].as_array().unwrap();
            covered.extend(codes.iter().map(|c| c.as_str().unwrap().to_owned()));
        }
    }
    assert_eq!(documented, covered);
}

/// Indicators B01..B05 whose formulas are `refs[i]` (each also reads a data element).
fn with_formulas(refs: &[&str]) -> Catalogue {
    let mut catalogue =
        Catalogue::from_json(include_str!("../../examples/catalogues/minimal.json")).unwrap();
    let template = catalogue.indicators[0].clone();
    catalogue.indicators = refs
        .iter()
        .enumerate()
        .map(|(i, formula)| {
            let mut indicator = template.clone();
            indicator.code = format!("B0{}", i + 1);
            if let chiso::catalogue::Method::Formula { expression, .. } = &mut indicator.method {
                *expression = format!("hs_truc_tuyen + hs_tong + {formula}");
            }
            indicator
        })
        .collect();
    catalogue
}

#[test]
fn each_circle_is_named_once_from_its_first_indicator() {
    // B01 → B02 → B03 → B01, and separately B04 ↔ B05; prev() does not close a circle.
    let catalogue = with_formulas(&["B02", "B03", "B01 + prev(B03)", "B05", "B04"]);
    let cycles: Vec<(String, String)> = catalogue
        .validate()
        .into_iter()
        .filter(|f| f.code == "reference.cycle")
        .map(|f| (f.path, f.message_en))
        .collect();
    assert_eq!(
        cycles,
        [
            (
                "/indicators/0/method/expression".to_owned(),
                "Indicators refer to each other in a circle: B01 → B02 → B03 → B01.".to_owned()
            ),
            (
                "/indicators/3/method/expression".to_owned(),
                "Indicators refer to each other in a circle: B04 → B05 → B04.".to_owned()
            ),
        ]
    );
    let acyclic = with_formulas(&["B02", "B03", "prev(B01)", "0", "B04"]);
    assert!(
        acyclic
            .validate()
            .iter()
            .all(|f| f.code != "reference.cycle")
    );
}
