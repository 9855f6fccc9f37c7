//! Every bound on untrusted input, just inside and just beyond, and Vietnamese text in both
//! Unicode forms. Each bound is documented in the crate docs ("Limits") with its code.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::ledger::{Action, Filing, Ledger};
use chiso::org::Request;
use chiso::{Catalogue, Reporting, Value, catalogue, form, formula};
use sha2::{Digest, Sha256};

const MINIMAL: &str = include_str!("../../examples/catalogues/minimal.json");

fn codes(report: &chiso::Report) -> Vec<&str> {
    report.findings.iter().map(|f| f.code.as_str()).collect()
}

/// A catalogue whose `id` is wrapped in `depth` arrays: JSON nested `depth + 1` levels deep.
fn nested(depth: usize) -> String {
    let id = format!("{}\"x\"{}", "[".repeat(depth), "]".repeat(depth));
    MINIMAL.replacen("\"vi_du\"", &id, 1)
}

#[test]
fn json_nested_beyond_the_limit_is_refused_where_it_crosses() {
    // The catalogue object is level 1, so `MAX_JSON_DEPTH - 1` arrays reach the limit exactly:
    // that reads on, and fails only because an id is not an array.
    let at_limit = catalogue::check(&nested(chiso::MAX_JSON_DEPTH - 1));
    assert_eq!(codes(&at_limit), ["json.invalid_type"]);
    let beyond = catalogue::check(&nested(chiso::MAX_JSON_DEPTH));
    assert_eq!(codes(&beyond), ["input.too_deep"]);
    // The 65th opening bracket: on line 2 (`  "id": ` is 8 bytes), after 63 others.
    let span = beyond.findings[0].span.as_ref().unwrap();
    assert_eq!((span.line, span.column), (2, 9 + 63));
    assert!(beyond.findings[0].message_vi.contains("tối đa 64 cấp"));
    // Brackets inside strings do not nest.
    let quoted = MINIMAL.replacen("\"vi_du\"", &format!("\"{}\"", "[".repeat(500)), 1);
    assert!(!codes(&catalogue::check(&quoted)).contains(&"input.too_deep"));
}

#[test]
fn a_string_beyond_the_limit_is_refused_before_it_is_copied() {
    let with_id = |id: &str| MINIMAL.replacen("vi_du", id, 1);
    let at_limit = catalogue::check(&with_id(&"a".repeat(chiso::MAX_STRING_BYTES)));
    assert!(at_limit.valid, "{:?}", codes(&at_limit));
    let beyond = catalogue::check(&with_id(&"a".repeat(chiso::MAX_STRING_BYTES + 1)));
    assert_eq!(codes(&beyond), ["input.string_too_long"]);
    assert_eq!(beyond.findings[0].span.as_ref().unwrap().line, 2);
    // Escapes count as written: a quote escaped inside does not end the string.
    let escaped = with_id(&"\\\"".repeat(chiso::MAX_STRING_BYTES / 2 + 1));
    assert_eq!(
        codes(&catalogue::check(&escaped)),
        ["input.string_too_long"]
    );
}

#[test]
fn a_catalogue_beyond_the_item_limit_is_refused_whole() {
    let catalogue: serde_json::Value = serde_json::from_str(MINIMAL).unwrap();
    let element = catalogue["data_elements"][0].clone();
    let with_elements = |n: usize| {
        let mut c = catalogue.clone();
        let elements: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                let mut e = element.clone();
                e["code"] = format!("de_{i}").into();
                e
            })
            .collect();
        c["data_elements"] = elements.into();
        c.to_string()
    };
    // The minimal catalogue has one indicator: 9,999 elements reach 10,000 items exactly.
    let at_limit = catalogue::check(&with_elements(chiso::catalogue::MAX_CATALOGUE_ITEMS - 1));
    assert!(!codes(&at_limit).contains(&"input.too_many"));
    let beyond = catalogue::check(&with_elements(chiso::catalogue::MAX_CATALOGUE_ITEMS));
    assert_eq!(codes(&beyond), ["input.too_many"]);
    assert_eq!(
        beyond.findings[0].message_en,
        "Too many indicators, data elements and validation rules: 10001, at most 10000."
    );
}

fn submission_json(unit: &str, system: &str) -> String {
    format!(
        r#"{{"unit": "{unit}", "item": "sandbox_van_hanh", "period": "2026-Q2", "value": {{"number": "1"}},
            "source": {{"kind": "system", "system": "{system}"}}, "submitted_by": "can_bo_1",
            "submitted_at": "2026-07-02T09:00:00"}}"#
    )
}

#[test]
fn a_filing_beyond_the_entry_limit_is_refused_before_anything_is_checked() {
    let filing = |n: usize| {
        let one = submission_json("DN", "he_thong");
        format!(r#"{{"submissions": [{}]}}"#, vec![one; n].join(","))
    };
    assert!(Filing::from_json(&filing(chiso::ledger::MAX_FILING_ENTRIES)).is_ok());
    let err = Filing::from_json(&filing(chiso::ledger::MAX_FILING_ENTRIES + 1)).unwrap_err();
    assert_eq!(err.code(), "input.invalid");
    assert_eq!(err.findings()[0].code, "input.too_many");
    // A filing built in Rust is held to the same bound when filed.
    let reporting = dn_reporting("DN");
    let big = Filing {
        submissions: vec![
            serde_json::from_str(&submission_json("DN", "x")).unwrap();
            chiso::ledger::MAX_FILING_ENTRIES + 1
        ],
        explanations: Vec::new(),
    };
    let mut ledger = Ledger::default();
    let err = reporting.file(&mut ledger, "DN", &big).unwrap_err();
    assert_eq!(err.findings()[0].code, "input.too_many");
    assert!(ledger.entries().is_empty());
}

#[test]
fn rows_built_in_code_are_held_to_the_string_bound_on_import() {
    // A DataFrame's row is not JSON, so the bulk import checks its texts itself.
    let mut row: chiso::ledger::Submission =
        serde_json::from_str(&submission_json("DN", "he_thong")).unwrap();
    row.unit = "x".repeat(chiso::MAX_STRING_BYTES);
    let mut ledger = Ledger::default();
    assert_eq!(ledger.import(vec![row.clone()], None).unwrap(), 1);
    row.unit.push('x');
    row.comment = Some("y".repeat(chiso::MAX_STRING_BYTES + 1));
    let err = ledger.import(vec![row.clone(), row], None).unwrap_err();
    let at: Vec<(&str, &str)> = err
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            ("input.string_too_long", "/0/unit"),
            ("input.string_too_long", "/0/comment"),
            ("input.string_too_long", "/1/unit"),
            ("input.string_too_long", "/1/comment"),
        ]
    );
    assert_eq!(
        ledger.entries().len(),
        1,
        "nothing of the refused batch was kept"
    );
}

#[test]
fn a_ledger_of_garbage_is_reported_in_the_first_hundred_findings() {
    let garbage = "not json\n".repeat(5_000);
    let err = Ledger::from_jsonl(&garbage).unwrap_err();
    assert_eq!(err.findings().len(), chiso::ledger::MAX_LINE_FINDINGS);
    assert_eq!(err.findings()[99].path, "/100");
}

#[test]
fn decimals_beyond_exact_range_are_typed_errors_not_wrapped_or_rounded() {
    // 2^96 is one past the largest mantissa of an exact decimal.
    let too_big = r#"{"number": "79228162514264337593543950336"}"#;
    let err = formula::values_from_json(&format!(r#"{{"x": {too_big}}}"#)).unwrap_err();
    assert_eq!(err.findings()[0].code, "json.invalid_decimal");
    // The pointer names the decimal itself: `number` is a key of the document (issue 20;
    // it stopped at `/x` while exact decimals were checked by a scan of the document).
    assert_eq!(err.path(), Some("/x/number"));
    // A literal in a formula beyond exact decimals.
    let report = formula::check("79228162514264337593543950336 * 2", &formula::Values::new());
    assert_eq!(codes(&report), ["formula.number"]);
    // Arithmetic beyond the range is a typed error value, never a wrapped number.
    let max = rust_decimal::Decimal::MAX;
    let values: formula::Values = [("x".to_owned(), Value::Number(max))].into();
    let run = formula::run("x * 2", &values, &values);
    assert_eq!(run.value, Some(Value::Error(chiso::ValueError::Overflow)));
    let run = formula::run("x + x", &values, &values);
    assert_eq!(run.value, Some(Value::Error(chiso::ValueError::Overflow)));
}

#[test]
fn a_decimal_with_more_places_than_exact_decimals_hold_is_refused() {
    // 29 places: one more than an exact decimal holds. Rounding it silently would change a
    // reported value, so reading it is an error with the value's path.
    let tiny = r#"{"x": {"number": "0.00000000000000000000000000001"}}"#;
    let err = formula::values_from_json(tiny).unwrap_err();
    assert_eq!(err.findings()[0].code, "json.inexact_decimal");
    assert_eq!(err.path(), Some("/x/number"));
    // Thirty places of which the last two are zeros lose nothing: read as 28.
    let zeros = r#"{"x": {"number": "0.000000000000000000000000000100"}}"#;
    let values = formula::values_from_json(zeros).unwrap();
    assert_eq!(
        values["x"],
        Value::Number(rust_decimal::Decimal::new(1, 28))
    );
    // In a formula, a literal beyond exact decimals is refused too.
    let report = formula::check("x + 0.00000000000000000000000000001", &values);
    assert_eq!(codes(&report), ["formula.number"]);
    // 28 places read exactly.
    let ok = r#"{"x": {"number": "0.0000000000000000000000000001"}}"#;
    let values = formula::values_from_json(ok).unwrap();
    assert_eq!(
        values["x"],
        Value::Number(rust_decimal::Decimal::new(1, 28))
    );
}

// --- Vietnamese in both Unicode forms ------------------------------------------------------

/// `Việt Nam` with every letter decomposed: `e` + dot below + circumflex.
const VIET_DECOMPOSED: &str = "Vie\u{0323}\u{0302}t Nam";
const VIET: &str = "Việt Nam";

#[test]
fn decomposed_names_read_as_composed_ones() {
    assert_ne!(VIET_DECOMPOSED, VIET);
    let raw = MINIMAL.replacen("Bộ chỉ số ví dụ", VIET_DECOMPOSED, 1);
    assert_eq!(Catalogue::from_json(&raw).unwrap().title.vi, VIET);
    // The same, sent as escapes (what Python's json.dumps writes by default).
    let escaped = MINIMAL.replacen("Bộ chỉ số ví dụ", "Vie\\u0323\\u0302t Nam", 1);
    assert_eq!(Catalogue::from_json(&escaped).unwrap().title.vi, VIET);
    // Output is NFC: the catalogue written back holds no decomposed form.
    let written = Catalogue::from_json(&raw).unwrap().to_json();
    assert!(written.contains(VIET) && !written.contains(VIET_DECOMPOSED));
    // And the diff of the two forms finds nothing changed.
    let composed = Catalogue::from_json(&MINIMAL.replacen("Bộ chỉ số ví dụ", VIET, 1)).unwrap();
    assert_eq!(Catalogue::from_json(&raw).unwrap(), composed);
}

/// A root and `DN`-like province whose id is `unit`, with C01 assigned to it.
fn dn_reporting(unit: &str) -> Reporting {
    let org = format!(
        r#"{{"units": [{{"id": "BCD", "name": {{"vi": "Ban Chỉ đạo", "en": "Steering committee"}}, "kind": "central"}},
                       {{"id": "{unit}", "name": {{"vi": "Đồng Nai", "en": "Dong Nai"}}, "kind": "province", "parent": "BCD"}}]}}"#
    );
    let assignments = format!(
        r#"[{{"unit": "{unit}", "item": "C01", "role": "lead", "focal_officer": "Trần Thị B", "from": "2026-Q1", "assigned_by": "BCD"}}]"#
    );
    Reporting::from_json(Catalogue::nq57(), &org, &assignments, None).unwrap()
}

/// A unit id with a Vietnamese letter, composed and decomposed (`ồ` as `o` + circumflex +
/// grave), written out by hand so the test does not lean on the normaliser it checks.
const DONG_NAI: &str = "Đồng_Nai";
const DONG_NAI_DECOMPOSED: &str = "\u{0110}o\u{0302}\u{0300}ng_Nai";

#[test]
fn unit_ids_compare_equal_in_either_form() {
    assert_ne!(DONG_NAI, DONG_NAI_DECOMPOSED);
    // The chart names the unit decomposed; callers and requests spell it either way.
    let reporting = dn_reporting(DONG_NAI_DECOMPOSED);
    for request_form in [DONG_NAI, DONG_NAI_DECOMPOSED] {
        let read = format!(r#"{{"action": "read", "unit": "{request_form}"}}"#);
        let read = Request::from_json(&read).unwrap();
        for actor in [DONG_NAI, DONG_NAI_DECOMPOSED] {
            let allowed = reporting.check_policy(actor, &read);
            assert!(
                allowed.is_ok(),
                "{actor:?} reads {request_form:?}: {allowed:?}"
            );
        }
    }
    let mut ledger = Ledger::default();
    let filing = Filing::from_json(&format!(
        r#"{{"submissions": [{}]}}"#,
        submission_json(DONG_NAI_DECOMPOSED, "he_thong")
    ))
    .unwrap();
    assert_eq!(reporting.file(&mut ledger, DONG_NAI, &filing).unwrap(), [1]);
    assert!(ledger.to_jsonl().contains(DONG_NAI));
    // Every entry point that takes a unit finds it in either form (issue 20: the reports'
    // entry points did not normalise; an `Id` puts itself in NFC wherever it is taken).
    let period = "2026-Q2".parse().unwrap();
    let as_of = "2026-07-01T00:00:00".parse().unwrap();
    let evaluation = reporting
        .evaluate(
            &ledger,
            period,
            as_of,
            &chiso::evaluation::Scheme::default(),
        )
        .unwrap();
    for unit in [DONG_NAI, DONG_NAI_DECOMPOSED] {
        assert!(
            reporting.quality(&ledger, unit, period, as_of).is_ok(),
            "{unit:?}"
        );
        assert!(reporting.form(unit, period).is_ok(), "{unit:?}");
        let svg = chiso::report::profile_svg(&evaluation, unit, chiso::Lang::Vi);
        assert!(svg.is_ok(), "{unit:?}: {svg:?}");
        let narrative = chiso::report::Narrative::new(&evaluation, &Catalogue::nq57(), Some(unit));
        assert!(narrative.is_ok(), "{unit:?}: {narrative:?}");
    }
}

#[test]
fn the_ledger_records_texts_in_nfc_and_reads_foreign_ones_exactly() {
    // A submission built in Rust with a decomposed system name is recorded composed.
    let submission = serde_json::from_str(&submission_json("DN", VIET_DECOMPOSED)).unwrap();
    let mut ledger = Ledger::default();
    let entry = ledger
        .append(Action::Submit { submission })
        .unwrap()
        .clone();
    let jsonl = ledger.to_jsonl();
    assert!(jsonl.contains(VIET) && !jsonl.contains(VIET_DECOMPOSED));
    assert!(ledger.verify(None).valid);
    // A ledger another system wrote, decomposed, with its hash over the decomposed bytes
    // (computed here with sha2 over the format's hashed content, not by chiso): it is read
    // byte for byte, so it verifies and writes back unchanged.
    let written = jsonl.trim_end();
    let action =
        &written[written.find(r#""action":"#).unwrap() + 9..written.find(r#","hash":"#).unwrap()];
    let action = action.replace(VIET, VIET_DECOMPOSED);
    let head = format!(
        r#"{{"sequence":1,"previous":"{}","action":{action}"#,
        chiso::ledger::GENESIS
    );
    let hash = hex::encode(Sha256::digest(format!("{head}}}").as_bytes()));
    let line = format!(r#"{head},"hash":"{hash}"}}"#);
    let read = Ledger::from_jsonl(&line).unwrap();
    assert!(read.verify(None).valid);
    assert_eq!(read.to_jsonl().trim_end(), line);
    assert_ne!(
        read.head(),
        entry.hash,
        "the decomposed bytes hash differently"
    );
}

#[test]
fn the_form_reads_decomposed_answers() {
    let catalogue = Catalogue::nq57();
    let yes_no = catalogue
        .data_elements
        .iter()
        .map(|d| (&d.code, d.value_type))
        .chain(catalogue.indicators.iter().map(|i| (&i.code, i.value_type)))
        .find(|(_, t)| *t == chiso::catalogue::ValueType::YesNo)
        .map(|(code, _)| code.clone())
        .unwrap();
    let check = form::check_field(&catalogue, &yes_no, "co\u{0301}").unwrap();
    assert_eq!(check.value, Some(Value::Bool(true)), "có typed decomposed");
    let check = form::check_field(&catalogue, &yes_no, "Kho\u{0302}ng").unwrap();
    assert_eq!(
        check.value,
        Some(Value::Bool(false)),
        "Không typed decomposed"
    );
}
