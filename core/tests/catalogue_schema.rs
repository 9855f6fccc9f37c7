//! The committed JSON Schema (`schema/catalogue.schema.json`) is the one the types generate.
//! The Python suite validates the embedded catalogue and the examples against it with the
//! reference `jsonschema` implementation.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

#[test]
fn committed_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema/catalogue.schema.json");
    let generated = chiso::Catalogue::json_schema();
    if std::env::var_os("CHISO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/catalogue.schema.json is stale: run `make schema`"
    );
}

#[test]
fn schema_keeps_decimals_as_strings_and_forbids_unknown_fields() {
    let schema: serde_json::Value = serde_json::from_str(&chiso::Catalogue::json_schema()).unwrap();
    let indicator = &schema["$defs"]["Indicator"];
    assert_eq!(indicator["additionalProperties"], false);
    let weight = &indicator["properties"]["weight"];
    let weight = if weight.get("$ref").is_some() {
        &schema["$defs"]["DecimalString"]
    } else {
        weight
    };
    assert_eq!(weight["type"], "string");
    assert_eq!(weight["pattern"], r"^-?[0-9]+(\.[0-9]+)?$");
}
