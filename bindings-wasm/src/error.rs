//! The one place core errors become JavaScript errors.

use js_sys::{Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::catalogue::to_js;

/// A core error as a JS `Error` whose `name` says its category.
pub fn to_js_error(error: &chiso::Error) -> JsValue {
    // The core decides the category, the same one Python raises the exception of.
    let name = error.category().exception();
    error_object(
        name,
        error.code(),
        error.path(),
        &error.message_vi(),
        &error.message_en(),
        error.findings(),
    )
}

/// A finding that stands alone as an error (a form field's reading refused): a JS `Error`
/// named `name`, with the finding's code and messages and the finding itself.
pub fn finding_error(name: &str, finding: &chiso::Finding) -> JsValue {
    let path = (!finding.path.is_empty()).then_some(finding.path.as_str());
    error_object(
        name,
        &finding.code,
        path,
        &finding.message_vi,
        &finding.message_en,
        std::slice::from_ref(finding),
    )
}

/// The `Error` object every error the package throws is: `name`, the English message, and
/// `code`, `path`, `messageVi`, `messageEn`, `findings`.
fn error_object(
    name: &str,
    code: &str,
    path: Option<&str>,
    message_vi: &str,
    message_en: &str,
    findings: &[chiso::Finding],
) -> JsValue {
    let js = Error::new(message_en);
    js.set_name(name);
    let fields: [(&str, JsValue); 5] = [
        ("code", code.into()),
        ("path", path.map_or(JsValue::NULL, JsValue::from)),
        ("messageVi", message_vi.into()),
        ("messageEn", message_en.into()),
        ("findings", to_js(findings)),
    ];
    for (key, value) in fields {
        // Defining a property on a fresh, unfrozen Error object cannot fail.
        let _ = Reflect::set(&js, &key.into(), &value);
    }
    js.into()
}

/// Whether `error` is one chiso threw: an `Error` whose `name` is one of the categories and
/// which carries a string `code` (a TypeScript type guard for `ChisoError`).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = isChisoError, unchecked_return_type = "error is ChisoError")]
pub fn is_chiso_error(#[wasm_bindgen(unchecked_param_type = "unknown")] error: &JsValue) -> bool {
    let Some(e) = error.dyn_ref::<Error>() else {
        return false;
    };
    let name = String::from(e.name());
    let code = Reflect::get(e, &"code".into())
        .ok()
        .and_then(|c| c.as_string());
    let named = <chiso::ErrorCategory as strum::IntoEnumIterator>::iter()
        .any(|category| category.exception() == name);
    named && code.is_some()
}

/// Panics on purpose, so the tests can show what a bug inside the core looks like from
/// JavaScript: a thrown `RuntimeError` (an `Error`, never a hang or a crash of the page), after
/// which the module still answers. The core itself does not panic on any input (fuzzed).
///
/// # Panics
///
/// Always.
#[doc(hidden)]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = _panicForTests)]
pub fn panic_for_tests() {
    panic!("deliberate, for the tests");
}
