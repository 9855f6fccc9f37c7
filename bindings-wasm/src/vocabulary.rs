//! The core's vocabulary: every enumeration's values, their one spelling and their labels, for
//! the form's labels and the TypeScript unions to be read from and tested against.

use wasm_bindgen::prelude::*;

use crate::catalogue::to_js;

/// Every public enumeration: `[{name, meaning, words: [{code, label: {vi, en}}]}]`, each in
/// the core's order.
#[wasm_bindgen(unchecked_return_type = "Vocabulary[]")]
pub fn vocabulary() -> JsValue {
    to_js(&chiso::vocabulary::vocabulary())
}
