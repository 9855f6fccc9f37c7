//! The reporting form in JavaScript: a field checked as it is typed, the form's layout, a
//! filing previewed and filed. Each call comes as an object (typed in the `.d.ts`) and as
//! JSON text (the same bytes as Rust and Python).

use chiso::evaluation::Scheme;
use chiso::form::{self, check_field};
use chiso::ledger::Filing;
use chiso::period::parse_time;
use chiso::{Error, Lang};
use wasm_bindgen::prelude::*;

use crate::catalogue::{Catalogue, to_js};
use crate::error::{finding_error, to_js_error};
use crate::reporting::{Ledger, Reporting};

fn js(error: &Error) -> JsValue {
    to_js_error(error)
}

#[wasm_bindgen]
impl Catalogue {
    /// Reads `text`, typed into the field of `item`, as the item's kind of value (`12,5`,
    /// `1.234,5`, `12.5`, `87 %`, `có`), and says what is wrong with it. Throws a
    /// `CatalogueError` for an unknown item.
    #[wasm_bindgen(js_name = checkField, unchecked_return_type = "FieldCheck")]
    pub fn check_field(&self, item: &str, text: &str) -> Result<JsValue, JsValue> {
        check_field(self.inner(), item, text)
            .map(|c| to_js(&c))
            .map_err(|e| js(&e))
    }

    /// [`checkField`](Catalogue::check_field) as JSON text.
    #[wasm_bindgen(js_name = checkFieldJson)]
    pub fn check_field_json(&self, item: &str, text: &str) -> Result<String, JsValue> {
        check_field(self.inner(), item, text)
            .map(|c| chiso::to_json(&c))
            .map_err(|e| js(&e))
    }
}

/// A typed number as an exact decimal string (`"1.234,5"` → `"1234.5"`); `whole` when the
/// field takes whole numbers only. Throws an `ArgumentError` whose `code` is the field
/// finding's (`field.ambiguous_number`, ...).
#[wasm_bindgen(js_name = readNumber)]
pub fn read_number(text: &str, whole: bool) -> Result<String, JsValue> {
    form::read_number(text.trim(), whole)
        .map(|d| d.to_string())
        .map_err(|flaw| finding_error("ArgumentError", &flaw.finding(text.trim())))
}

/// A decimal (as a string) written for people in `lang`: `"1234.5"` → `"1.234,5"` (vi);
/// rounded half up to `places` first when given.
#[wasm_bindgen(js_name = writeNumber)]
pub fn write_number(
    decimal: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    places: Option<u32>,
) -> Result<String, JsValue> {
    let lang: Lang = lang.parse().map_err(|e| js(&e))?;
    let value = decimal.parse().map_err(|_| not_a_decimal(decimal))?;
    Ok(match places {
        Some(places) => form::write_rounded(value, places, lang),
        None => form::write_number(value, lang),
    })
}

/// A score (a fraction 0–1, as a string) out of 100 at two places, as the form shows it:
/// `"0.98765"` → `"98,77"` (vi).
#[wasm_bindgen(js_name = writeOutOf100)]
pub fn write_out_of_100(
    fraction: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let lang: Lang = lang.parse().map_err(|e| js(&e))?;
    let fraction = fraction.parse().map_err(|_| not_a_decimal(fraction))?;
    Ok(form::write_out_of_100(fraction, lang))
}

/// A date (`YYYY-MM-DD`) or a moment (`YYYY-MM-DDTHH:MM:SS`) as people read it in `lang`:
/// `21/09/2026` (vi), `21 Sep 2026` (en), a moment with its hours and minutes.
#[wasm_bindgen(js_name = writeDate)]
pub fn write_date(
    iso: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let style = chiso::Style::of(lang.parse().map_err(|e| js(&e))?);
    style.iso_date(iso).ok_or_else(|| {
        js(&Error::InvalidArgument {
            name: "date",
            value: iso.to_owned(),
            expected: "a date written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS)".to_owned(),
        })
    })
}

/// A value (its JSON, `{"number": "12.5"}`) as people read it in `lang`, as the core writes
/// every value: `12,5` (vi), `có`, “text”, `— (chưa có số liệu)`.
#[wasm_bindgen(js_name = writeValue)]
pub fn write_value(
    #[wasm_bindgen(js_name = valueJson)] value_json: &str,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
) -> Result<String, JsValue> {
    let lang: Lang = lang.parse().map_err(|e| js(&e))?;
    let value: chiso::Value = serde_json::from_str(value_json).map_err(|e| {
        js(&Error::InvalidArgument {
            name: "valueJson",
            value: e.to_string(),
            expected: "a value such as {\"number\": \"12.5\"}".to_owned(),
        })
    })?;
    Ok(value.describe(lang))
}

fn not_a_decimal(decimal: &str) -> JsValue {
    js(&Error::InvalidArgument {
        name: "decimal",
        value: decimal.to_owned(),
        expected: "a decimal number such as 1234.5".to_owned(),
    })
}

#[wasm_bindgen]
impl Reporting {
    /// The form `unit` fills in for `period`: its assigned indicators with their fields, unit
    /// of measure, targets and requirements, and the deadline.
    #[wasm_bindgen(unchecked_return_type = "Form")]
    pub fn form(&self, unit: &str, period: &str) -> Result<JsValue, JsValue> {
        let period = period.parse().map_err(|e| js(&e))?;
        self.inner()
            .form(unit, period)
            .map(|f| to_js(&f))
            .map_err(|e| js(&e))
    }

    /// What `filing` (JSON) would give, filed now by `unit` for `period` at `asOf`: the
    /// quality report, and the projected score and rank were it approved. The ledger is not
    /// changed. Throws what [`file`](Reporting::file) would.
    #[wasm_bindgen(unchecked_return_type = "Preview")]
    pub fn preview(
        &self,
        ledger: &Ledger,
        #[wasm_bindgen(js_name = filingJson)] filing_json: &str,
        unit: &str,
        period: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<JsValue, JsValue> {
        self.preview_of(ledger, filing_json, unit, period, as_of)
            .map(|p| to_js(&p))
    }

    /// [`preview`](Reporting::preview) as JSON text.
    #[wasm_bindgen(js_name = previewJson)]
    pub fn preview_json(
        &self,
        ledger: &Ledger,
        #[wasm_bindgen(js_name = filingJson)] filing_json: &str,
        unit: &str,
        period: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<String, JsValue> {
        self.preview_of(ledger, filing_json, unit, period, as_of)
            .map(|p| chiso::to_json(&p))
    }

    /// Appends every action of `filing` (JSON) for `actor`, all or none; returns the sequence
    /// numbers. An invalid entry's findings name its place in the filing
    /// (`/submissions/2/period`); a policy refusal says why.
    pub fn file(
        &self,
        ledger: &mut Ledger,
        actor: &str,
        #[wasm_bindgen(js_name = filingJson)] filing_json: &str,
    ) -> Result<Vec<u32>, JsValue> {
        let filing = Filing::from_json(filing_json).map_err(|e| js(&e))?;
        self.inner()
            .file(ledger.inner_mut(), actor, &filing)
            .map_err(|e| js(&e))?
            .into_iter()
            .map(|n| {
                u32::try_from(n).map_err(|_| {
                    js(&Error::InvalidArgument {
                        name: "ledger",
                        value: n.to_string(),
                        expected: "at most 4294967295 entries".to_owned(),
                    })
                })
            })
            .collect()
    }
}

impl Reporting {
    fn preview_of(
        &self,
        ledger: &Ledger,
        filing_json: &str,
        unit: &str,
        period: &str,
        as_of: &str,
    ) -> Result<chiso::form::Preview, JsValue> {
        let filing = Filing::from_json(filing_json).map_err(|e| js(&e))?;
        let period = period.parse().map_err(|e| js(&e))?;
        let as_of = parse_time(as_of).map_err(|e| js(&e))?;
        self.inner()
            .preview(
                ledger.inner(),
                &filing,
                unit,
                period,
                as_of,
                &Scheme::default(),
            )
            .map_err(|e| js(&e))
    }
}
