//! The catalogue in JavaScript.

use chiso::catalogue::Layer;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;

/// Any core value as a plain JS value (objects, arrays, strings; decimals stay strings).
/// Core values always convert; were one not to, the caller gets an `Error` object, not
/// `undefined`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&serializer)
        .unwrap_or_else(|e| js_sys::Error::new(&e.to_string()).into())
}

/// An indicator catalogue.
#[wasm_bindgen]
pub struct Catalogue(chiso::Catalogue);

impl Catalogue {
    /// The core catalogue.
    pub fn inner(&self) -> &chiso::Catalogue {
        &self.0
    }
}

#[wasm_bindgen]
impl Catalogue {
    /// The embedded NQ57 catalogue.
    pub fn nq57() -> Catalogue {
        Catalogue(chiso::Catalogue::nq57())
    }

    /// Reads and validates a catalogue; throws a `CatalogueError` listing every finding.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<Catalogue, JsValue> {
        chiso::Catalogue::from_json(text)
            .map(Catalogue)
            .map_err(|e| to_js_error(&e))
    }

    /// The catalogue as JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The catalogue's identifier.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.0.id.clone()
    }

    /// The catalogue's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.0.version.clone()
    }

    /// The number of indicators.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.indicators.len()
    }

    /// The indicators, optionally of one layer (`"a"`, `"b"`, `"c"`).
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self, layer: Option<String>) -> Result<JsValue, JsValue> {
        let layer = layer
            .as_deref()
            .map(str::parse::<Layer>)
            .transpose()
            .map_err(|e| to_js_error(&e))?;
        let chosen: Vec<_> = self
            .0
            .indicators
            .iter()
            .filter(|i| layer.is_none_or(|l| i.layer == l))
            .collect();
        Ok(to_js(&chosen))
    }

    /// One indicator; throws a `CatalogueError` for an unknown code.
    #[wasm_bindgen(unchecked_return_type = "Indicator")]
    pub fn indicator(&self, code: &str) -> Result<JsValue, JsValue> {
        match self.0.indicator(code) {
            Some(indicator) => Ok(to_js(indicator)),
            None => Err(to_js_error(&chiso::Error::UnknownCode {
                code: code.to_owned(),
            })),
        }
    }

    /// Every finding (errors and warnings) about this catalogue.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn validate(&self) -> JsValue {
        to_js(&chiso::Report::new(self.0.validate()))
    }
}

/// Checks catalogue JSON and returns the report: `valid`, counts and every finding.
#[wasm_bindgen(js_name = checkCatalogue, unchecked_return_type = "Report")]
pub fn check_catalogue(text: &str) -> JsValue {
    to_js(&chiso::catalogue::check(text))
}

/// Checks catalogue JSON and returns the report as JSON text (byte-identical in every binding).
#[wasm_bindgen(js_name = checkCatalogueJson)]
pub fn check_catalogue_json(text: &str) -> String {
    chiso::catalogue::check(text).to_json()
}

/// The JSON Schema of the catalogue format, as JSON text: the committed
/// `schema/catalogue.schema.json`, which a core test pins to the types (embedding the text is
/// smaller than the code that generates it).
#[wasm_bindgen(js_name = catalogueSchema)]
pub fn catalogue_schema() -> String {
    include_str!("../../schema/catalogue.schema.json").to_owned()
}
