//! Diffing two catalogue versions: added, removed and changed items, field by field.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::Catalogue;
use chiso::catalogue::diff;
use serde_json::json;

fn minimal() -> Catalogue {
    let text = include_str!("../../examples/catalogues/minimal.json");
    Catalogue::from_json(text).unwrap()
}

#[test]
fn identical_versions_have_an_empty_diff() {
    let d = diff(&minimal(), &minimal());
    assert!(d.is_empty());
    assert_eq!(d.from_version, "1.0");
}

#[test]
fn changed_fields_are_listed_with_old_and_new_values() {
    let old = minimal();
    let mut new = old.clone();
    new.version = "1.1".into();
    std::sync::Arc::make_mut(&mut new.indicators[0].targets[0]).value = Some("85".parse().unwrap());
    new.indicators[0].precision = 2;
    let d = diff(&old, &new);
    assert_eq!(d.catalogue.len(), 1);
    assert_eq!(d.catalogue[0].path, "/version");
    assert_eq!(d.catalogue[0].old, Some(json!("1.0")));
    assert_eq!(d.catalogue[0].new, Some(json!("1.1")));
    let changed = &d.indicators.changed[0];
    assert_eq!(changed.code, "B01");
    let fields: Vec<_> = changed
        .fields
        .iter()
        .map(|f| (f.path.as_str(), f.old.clone(), f.new.clone()))
        .collect();
    // Object keys come in sorted order: `precision` before `targets`.
    assert_eq!(
        fields,
        [
            ("/precision", Some(json!(1)), Some(json!(2))),
            ("/targets/0/value", Some(json!("80")), Some(json!("85"))),
        ]
    );
}

#[test]
fn added_and_removed_items_are_matched_by_code() {
    let old = minimal();
    let mut new = old.clone();
    let mut added = new.indicators[0].clone();
    added.code = "B02".into();
    new.indicators.push(added);
    new.data_elements.remove(1);
    let again = new.indicators[0].targets[0].clone();
    new.indicators[0].targets.push(again);
    let d = diff(&old, &new);
    assert_eq!(d.indicators.added, ["B02"]);
    assert!(d.indicators.removed.is_empty());
    assert_eq!(d.data_elements.removed, ["hs_tong"]);
    // A target appended to an array shows as a whole new element.
    let appended = &d.indicators.changed[0].fields[0];
    assert_eq!(appended.path, "/targets/1");
    assert_eq!(appended.old, None);
    assert_eq!(appended.new.as_ref().unwrap()["comparator"], ">");
}

#[test]
fn diff_json_omits_absent_sides() {
    let old = minimal();
    let mut new = old.clone();
    new.indicators[0].evidence.documents = None;
    let text = diff(&old, &new).to_json();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let field = &value["indicators"]["changed"][0]["fields"][0];
    assert_eq!(field["path"], "/evidence/documents");
    assert!(field.get("new").is_none());
    assert_eq!(
        field["old"]["vi"],
        "Trích xuất số liệu từ Cổng Dịch vụ công quốc gia"
    );
}
