//! The TypeScript types of every object the package hands out, generated from the core's own
//! serde shapes: their JSON Schema is `types/schema.json` (pinned by a test), and `json2ts`
//! turns it into `types/chiso.d.ts`, appended to the generated declarations.

#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types/chiso.d.ts");

/// The words some calls take, which are arguments rather than parts of a core type.
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const WORDS: &str = r#"
/** The language of labels and messages. */
export type Lang = "vi" | "en";
/** The formats a ranking exports to. */
export type ExportFormat = "csv" | "sdmx_csv" | "json" | "html";
/** One enumeration of the core's vocabulary, with every value's spelling and labels. */
export interface Vocabulary {
  name: string;
  meaning: Text;
  words: { code: string; label: Text }[];
}
/**
 * What every call throws: a real `Error` whose `name` is the category and which carries the
 * core error's stable code, JSON Pointer, messages and findings.
 */
export interface ChisoError extends Error {
  name: "CatalogueError" | "PeriodError" | "FormulaError" | "DataError" | "LedgerError" | "PolicyError" | "ArgumentError" | "StoreError" | "InternalError";
  code: string;
  path: string | null;
  messageVi: string;
  messageEn: string;
  findings: Finding[];
}
"#;

/// The JSON Schema (draft 2020-12) of the objects crossing into JavaScript, every one a
/// definition under `$defs`.
pub fn schema() -> String {
    use schemars::SchemaGenerator;
    let mut generator = SchemaGenerator::default();
    macro_rules! define {
        ($($ty:ty),* $(,)?) => { $( generator.subschema_for::<$ty>(); )* };
    }
    define!(
        chiso::Catalogue,
        chiso::catalogue::Indicator,
        chiso::Report,
        chiso::Value,
        chiso::form::FieldCheck,
        chiso::form::Form,
        chiso::form::Preview,
        chiso::ledger::Filing,
        chiso::ledger::Action,
        chiso::ledger::Entry,
        chiso::ledger::Verification,
        chiso::org::Refusal,
        chiso::period::PeriodInfo,
        chiso::period::Timeliness,
        chiso::formula::FormulaRun,
        chiso::quality::QualityReport,
        chiso::evaluation::Evaluation,
    );
    let mut definitions = generator.take_definitions(true);
    // A reference with its own description beside it (`"label": {"$ref": ".../Text",
    // "description": "Its name."}`) is a new type to json2ts, numbered (`Text1` … `Text27`):
    // each reference is kept bare, so that every use names the one type.
    for definition in definitions.values_mut() {
        bare_references(definition);
    }
    let root = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "chiso",
        "description": "The objects the chiso package hands out.",
        "type": "object",
        "additionalProperties": false,
        "$defs": definitions,
    });
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

/// Removes what stands beside each `$ref` in `schema` (descriptions, defaults), recursively.
fn bare_references(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(map) => {
            if map.contains_key("$ref") {
                map.retain(|key, _| key == "$ref");
                return;
            }
            for value in map.values_mut() {
                bare_references(value);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(bare_references),
        _ => {}
    }
}
