//! Runs every golden vector in `testdata/vectors/` (see its README): the findings must match
//! the hand-written `expected.json`, and the output bytes must equal `output.json`, which the
//! Python and JavaScript suites compare against too. `CHISO_BLESS=1` rewrites `output.json`
//! (read the diff before committing it).

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn cases(kind: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/vectors")
        .join(kind);
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no cases under {}", root.display());
    dirs
}

/// The reporting set-up and the ledger a case's input describes (chart, assignments,
/// calendar, and the actions appended in order).
fn set_up(input: &Value) -> (chiso::Reporting, chiso::ledger::Ledger) {
    let reporting = chiso::Reporting::from_json(
        chiso::Catalogue::nq57(),
        &input["org"].to_string(),
        &input["assignments"].to_string(),
        Some(&input["calendar"].to_string()),
    )
    .unwrap();
    let mut ledger = chiso::ledger::Ledger::default();
    for action in input["actions"].as_array().unwrap() {
        let action = chiso::ledger::Action::from_json(&action.to_string()).unwrap();
        ledger.append(action).unwrap();
    }
    (reporting, ledger)
}

/// Compares `output` with the case's `output.json` (or writes it, with `CHISO_BLESS=1`).
fn check_golden(dir: &Path, output: &str, problems: &mut Vec<String>) {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let golden = dir.join("output.json");
    if std::env::var_os("CHISO_BLESS").is_some() {
        fs::write(&golden, output).unwrap();
    } else if fs::read_to_string(&golden).ok().as_deref() != Some(output) {
        problems.push(format!(
            "{name}: output differs from output.json (CHISO_BLESS=1 to rewrite)"
        ));
    }
}

/// Compares the projection of a case's output its test reads with the hand-written
/// `expected.json`, then the whole output with `output.json`.
fn check_projection(dir: &Path, projection: &Value, output: &str, problems: &mut Vec<String>) {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    if *projection != expected {
        problems.push(format!(
            "{name}:\n  got      {projection}\n  expected {expected}"
        ));
    }
    check_golden(dir, output, problems);
}

/// The codes of an output's findings, in order.
fn finding_codes(output: &Value) -> Vec<Value> {
    output["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].clone())
        .collect()
}

/// Checks one case's output against its expectations; returns a description of each mismatch.
fn check_case(dir: &Path, output: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let report: Value = serde_json::from_str(output).unwrap();
    let got: Vec<Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| serde_json::json!({"code": f["code"], "severity": f["severity"], "path": f["path"]}))
        .collect();
    let expected: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    if got != expected {
        problems.push(format!(
            "{name}: findings\n  got      {got:?}\n  expected {expected:?}"
        ));
    }
    let has_error = expected.iter().any(|f| f["severity"] == "error");
    if report["valid"] != Value::Bool(!has_error) {
        problems.push(format!("{name}: valid should be {}", !has_error));
    }
    check_golden(dir, output, &mut problems);
    problems
}

#[test]
fn catalogue_validation_vectors() {
    let mut problems = Vec::new();
    for dir in cases("catalogue-validation") {
        let input = fs::read_to_string(dir.join("input.json")).unwrap();
        problems.extend(check_case(&dir, &chiso::catalogue::check(&input).to_json()));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn formula_vectors() {
    let mut problems = Vec::new();
    for dir in cases("formula") {
        let input: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let values: chiso::formula::Values =
            serde_json::from_value(input["values"].clone()).unwrap();
        let run = chiso::formula::run(input["expression"].as_str().unwrap(), &values, &values);
        let output = chiso::to_json(&run);
        let got: Value = serde_json::from_str(&output).unwrap();
        let codes = finding_codes(&got);
        let projection = serde_json::json!({
            "valid": got["valid"], "codes": codes, "result_type": got["result_type"], "value": got["value"],
        });
        check_projection(&dir, &projection, &output, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The ledger written by the actions, byte for byte the independent writer's (hashes from
/// Python's hashlib), and each stored ledger verified as worked out by hand.
#[test]
fn ledger_vectors() {
    use chiso::ledger::{Action, Ledger};
    let mut problems = Vec::new();
    for dir in cases("ledger") {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let actions: Vec<Action> =
            serde_json::from_str(&fs::read_to_string(dir.join("actions.json")).unwrap()).unwrap();
        // A store's clock at each append, where the case is stamped (format 2).
        let recorded: Vec<Option<chrono::NaiveDateTime>> =
            fs::read_to_string(dir.join("recorded_at.json"))
                .map(|text| serde_json::from_str(&text).unwrap())
                .unwrap_or_default();
        let mut ledger = Ledger::default();
        for (i, action) in actions.into_iter().enumerate() {
            match recorded.get(i).copied().flatten() {
                Some(now) => ledger.append_at(action, now).unwrap(),
                None => ledger.append(action).unwrap(),
            };
        }
        let stored = fs::read_to_string(dir.join("ledger.jsonl")).unwrap();
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
        if expected["verification"]["valid"] == Value::Bool(true)
            && !name.starts_with("truncated")
            && ledger.to_jsonl() != stored
        {
            problems.push(format!(
                "{name}: appending the actions does not give ledger.jsonl"
            ));
        }
        // Where the case says what the ledger holds in force, the appended ledger holds it.
        if !expected["assignments"].is_null()
            && serde_json::to_value(ledger.assignment_entries()).unwrap() != expected["assignments"]
        {
            problems.push(format!(
                "{name}: assignments in force {}",
                chiso::to_json(&ledger.assignment_entries())
            ));
        }
        let read = Ledger::from_jsonl(&stored).unwrap();
        let verification = read.verify(expected["head"].as_str());
        if serde_json::to_value(&verification).unwrap() != expected["verification"] {
            problems.push(format!(
                "{name}: verify gave {}",
                chiso::to_json(&verification)
            ));
        }
        // The verified read trusts exactly the ledgers that verify.
        let trusted = Ledger::from_jsonl_verified(&stored, expected["head"].as_str());
        match (&trusted, &expected["verification"]["first_problem"]) {
            (Ok(_), Value::Null) => {}
            (Err(chiso::Error::Tampered { position, kind }), broken)
                if broken["position"] == *position
                    && broken["kind"] == serde_json::to_value(kind).unwrap() => {}
            _ => problems.push(format!("{name}: the verified read gave {trusted:?}")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each request answered as the access rules say: allowed (null) or refused for the reason.
#[test]
fn policy_vectors() {
    let mut problems = Vec::new();
    for dir in cases("policy") {
        let input: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let reporting = chiso::Reporting::from_json(
            chiso::Catalogue::nq57(),
            &input["org"].to_string(),
            &input["assignments"].to_string(),
            None,
        )
        .unwrap();
        let mut refusals = Vec::new();
        for item in input["requests"].as_array().unwrap() {
            let request = chiso::org::Request::from_json(&item["request"].to_string()).unwrap();
            let actor = item["actor"].as_str().unwrap();
            refusals.push(reporting.refusal(actor, &request).unwrap());
        }
        let output = chiso::to_json(&refusals);
        let answers: Vec<Value> = serde_json::from_str(&output).unwrap();
        let expected: Vec<Value> =
            serde_json::from_str(&fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
        let reasons: Vec<Value> = answers
            .iter()
            .map(|a| match a {
                Value::Object(fields) => Value::Object(
                    fields
                        .iter()
                        .filter(|(k, _)| !k.starts_with("message_"))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                ),
                other => other.clone(),
            })
            .collect();
        for (i, (got, want)) in reasons.iter().zip(&expected).enumerate() {
            if got != want {
                problems.push(format!("request {i}: got {got}, expected {want}"));
            }
        }
        if reasons.len() != expected.len() {
            problems.push("as many answers as requests".to_owned());
        }
        check_golden(&dir, &output, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each quality report's counts, completeness, score and findings as worked out by hand.
#[test]
fn quality_vectors() {
    let mut problems = Vec::new();
    for dir in cases("quality") {
        let input: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let (reporting, ledger) = set_up(&input);
        let report = reporting
            .quality(
                &ledger,
                input["unit"].as_str().unwrap(),
                input["period"].as_str().unwrap().parse().unwrap(),
                chiso::period::parse_time(input["as_of"].as_str().unwrap()).unwrap(),
            )
            .unwrap();
        let output = report.to_json();
        let got: Value = serde_json::from_str(&output).unwrap();
        let summary = serde_json::json!({
            "expected": got["expected"],
            "reported": got["reported"],
            "completeness": got["completeness"],
            "score": got["score"],
            "findings": got["findings"].as_array().unwrap().iter()
                .map(|f| serde_json::json!([f["code"], f["item"], f["revision"]]))
                .collect::<Vec<_>>(),
        });
        check_projection(&dir, &summary, &output, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The evaluation's building blocks: each case's output, worked out by hand in
/// `make_cases.py`, must be printed byte for byte.
#[test]
fn evaluation_vectors() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors/evaluation/cases.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() >= 30, "too few evaluation cases");
    let nq57 = chiso::Catalogue::nq57();
    let mut problems = Vec::new();
    for case in &cases {
        let input = serde_json::to_string(&case["input"]).unwrap();
        let output = match case["call"].as_str().unwrap() {
            "score" => chiso::evaluation::score_json(&nq57, &input),
            "combine" => chiso::evaluation::combine_json(&input),
            "rank" => chiso::evaluation::rank_json(&input),
            "progress" => chiso::evaluation::progress_json(&input),
            other => panic!("unknown call {other}"),
        }
        .unwrap();
        if output != case["output"].as_str().unwrap() {
            problems.push(format!(
                "{}: got {output}, expected {}",
                case["name"], case["output"]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The whole pipeline on a small world: the scores and ranks worked out by hand in
/// `make_cases.py`, and the whole evaluation byte for byte.
#[test]
fn evaluation_pipeline_vectors() {
    let mut problems = Vec::new();
    for dir in cases("evaluation-pipeline") {
        let input: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let (reporting, ledger) = set_up(&input);
        let scheme = chiso::evaluation::Scheme::from_json(&input["scheme"].to_string()).unwrap();
        let evaluation = reporting
            .evaluate(
                &ledger,
                input["period"].as_str().unwrap().parse().unwrap(),
                chiso::period::parse_time(input["as_of"].as_str().unwrap()).unwrap(),
                &scheme,
            )
            .unwrap();
        let output = evaluation.to_json();
        let got: Value = serde_json::from_str(&output).unwrap();
        let scores: serde_json::Map<String, Value> = got["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| (u["unit"].as_str().unwrap().to_owned(), u["score"].clone()))
            .collect();
        let ranking: Vec<Value> = got["rankings"][0]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| serde_json::json!([r["unit"], r["rank"], r["movement"]]))
            .collect();
        let summary = serde_json::json!({"scores": scores, "ranking": ranking});
        check_projection(&dir, &summary, &output, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A text typed into a form field, read as the item's kind of value.
#[test]
fn field_vectors() {
    let nq57 = chiso::Catalogue::nq57();
    let mut problems = Vec::new();
    for dir in cases("field") {
        let input: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let check = chiso::form::check_field(
            &nq57,
            input["item"].as_str().unwrap(),
            input["text"].as_str().unwrap(),
        )
        .unwrap();
        let output = chiso::to_json(&check);
        let got: Value = serde_json::from_str(&output).unwrap();
        let codes = finding_codes(&got);
        let projection = serde_json::json!({
            "blank": got["blank"], "valid": got["valid"], "value": got["value"],
            "display_vi": got["display"]["vi"], "codes": codes,
        });
        check_projection(&dir, &projection, &output, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A table's text cell, read by the one cell rule.
#[test]
fn cell_vectors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors/cell/cells.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let cell = case["cell"].as_str().unwrap();
        let got = match chiso::Value::from_cell(chiso::Cell::Text(cell)) {
            Ok(value) => serde_json::to_value(&value).unwrap(),
            Err(problem) => serde_json::json!({ "error": chiso::Problem::code(&problem) }),
        };
        assert_eq!(got, case["value"], "{cell:?}: {}", case["why"]);
    }
}
