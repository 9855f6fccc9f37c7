//! The ledger, the access policy and the quality report in JavaScript: `Ledger` and
//! `Reporting`. JSON text crosses both ways, so the bytes equal the Rust and Python ones.

use chiso::evaluation::Scheme;
use chiso::ledger::{Action, Ledger as CoreLedger};
use chiso::org::Request;
use chiso::period::parse_time;
use chiso::{Error, Reporting as CoreReporting};
use wasm_bindgen::prelude::*;

use crate::catalogue::Catalogue;
use crate::error::to_js_error;

fn js(error: &Error) -> JsValue {
    to_js_error(error)
}

/// An append-only, hash-chained ledger.
#[wasm_bindgen]
#[derive(Default)]
pub struct Ledger(CoreLedger);

impl Ledger {
    /// The core ledger.
    pub fn inner(&self) -> &CoreLedger {
        &self.0
    }

    /// The core ledger, to append to.
    pub fn inner_mut(&mut self) -> &mut CoreLedger {
        &mut self.0
    }
}

#[wasm_bindgen]
impl Ledger {
    /// An empty ledger.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Reads JSON Lines (every bad line reported, with its number in the path), trusted only
    /// if its chain holds: otherwise a `LedgerError` (code `ledger.tampered`), as the `chiso`
    /// program and the Python package refuse it.
    #[wasm_bindgen(js_name = fromJsonl)]
    pub fn from_jsonl(text: &str) -> Result<Ledger, JsValue> {
        CoreLedger::from_jsonl_verified(text, None)
            .map(Ledger)
            .map_err(|e| js(&e))
    }

    /// Reads JSON Lines to inspect them (`verifyJson` says what is wrong), never to evaluate.
    #[wasm_bindgen(js_name = fromJsonlUnverified)]
    pub fn from_jsonl_unverified(text: &str) -> Result<Ledger, JsValue> {
        CoreLedger::from_jsonl(text).map(Ledger).map_err(|e| js(&e))
    }

    /// Reads JSON Lines, trusted only if the chain holds and passes through `head` (a head
    /// hash published earlier): otherwise a `LedgerError` (code `ledger.tampered`) naming the
    /// first entry found wrong.
    #[wasm_bindgen(js_name = fromJsonlVerified)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    pub fn from_jsonl_verified(text: &str, head: Option<String>) -> Result<Ledger, JsValue> {
        CoreLedger::from_jsonl_verified(text, head.as_deref())
            .map(Ledger)
            .map_err(|e| js(&e))
    }

    /// Appends an action (JSON) without organisation rules; returns the entry as JSON. With
    /// `recordedAt`, the entry is stamped at that time as a store's clock would (format 2).
    #[wasm_bindgen(js_name = appendJson)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    pub fn append_json(
        &mut self,
        #[wasm_bindgen(js_name = actionJson)] action_json: &str,
        #[wasm_bindgen(js_name = recordedAt)] recorded_at: Option<String>,
    ) -> Result<String, JsValue> {
        let action = Action::from_json(action_json).map_err(|e| js(&e))?;
        let now = recorded_at
            .as_deref()
            .map(parse_time)
            .transpose()
            .map_err(|e| js(&e))?;
        let entry = match now {
            Some(now) => self.0.append_at(action, now),
            None => self.0.append(action),
        };
        entry.map(chiso::to_json).map_err(|e| js(&e))
    }

    /// The ledger as JSON Lines.
    #[wasm_bindgen(js_name = toJsonl)]
    pub fn to_jsonl(&self) -> String {
        self.0.to_jsonl()
    }

    /// Checks the chain (and, with `head`, against a published head hash): JSON.
    #[wasm_bindgen(js_name = verifyJson)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    pub fn verify_json(&self, head: Option<String>) -> String {
        chiso::to_json(&self.0.verify(head.as_deref()))
    }

    /// The values in force for `period` (as approvals stood at `asOf`): JSON.
    #[wasm_bindgen(js_name = snapshotJson)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    pub fn snapshot_json(
        &self,
        period: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
    ) -> Result<String, JsValue> {
        let period = period.parse().map_err(|e| js(&e))?;
        let as_of = as_of
            .as_deref()
            .map(parse_time)
            .transpose()
            .map_err(|e| js(&e))?;
        Ok(chiso::to_json(&self.0.snapshot(period, as_of)))
    }

    /// The status of the revision at `sequence` (`submitted`, `approved`, `returned`).
    pub fn status(&self, sequence: u32) -> Option<String> {
        self.0
            .status(u64::from(sequence))
            .map(|s| s.as_str().to_owned())
    }

    /// The assignments the ledger made and has not withdrawn, each with the sequence number
    /// of the entry that made it (what a withdrawal names): JSON.
    #[wasm_bindgen(js_name = assignmentsJson)]
    pub fn assignments_json(&self) -> String {
        chiso::to_json(&self.0.assignment_entries())
    }

    /// The hash of the last entry.
    #[wasm_bindgen(getter)]
    pub fn head(&self) -> String {
        self.0.head().to_owned()
    }

    /// How many sequence numbers: one per entry, and one per row and per approval of an
    /// imported batch, as if each were an entry.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        usize::try_from(self.0.next_sequence() - 1).unwrap_or(usize::MAX)
    }
}

/// A reporting set-up: catalogue, organisation tree, assignments and calendar.
#[wasm_bindgen]
pub struct Reporting(CoreReporting);

impl Reporting {
    /// The core set-up.
    pub fn inner(&self) -> &CoreReporting {
        &self.0
    }
}

#[wasm_bindgen]
impl Reporting {
    /// From a catalogue and the JSON texts of the chart, the assignments and (optionally) the
    /// calendar.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen passes optional strings owned
    pub fn new(
        catalogue: &Catalogue,
        #[wasm_bindgen(js_name = orgJson)] org_json: &str,
        #[wasm_bindgen(js_name = assignmentsJson)] assignments_json: &str,
        #[wasm_bindgen(js_name = calendarJson)] calendar_json: Option<String>,
    ) -> Result<Reporting, JsValue> {
        CoreReporting::from_json(
            catalogue.inner().clone(),
            org_json,
            assignments_json,
            calendar_json.as_deref(),
        )
        .map(Reporting)
        .map_err(|e| js(&e))
    }

    /// Appends an action for `actor` under the rules; returns the entry as JSON. Throws a
    /// `LedgerError` or `PolicyError`, and the ledger is then unchanged.
    #[wasm_bindgen(js_name = appendJson)]
    pub fn append_json(
        &self,
        ledger: &mut Ledger,
        actor: &str,
        #[wasm_bindgen(js_name = actionJson)] action_json: &str,
    ) -> Result<String, JsValue> {
        let action = Action::from_json(action_json).map_err(|e| js(&e))?;
        self.0
            .append(&mut ledger.0, actor, action)
            .map(chiso::to_json)
            .map_err(|e| js(&e))
    }

    /// `undefined` when `actor` may make the request (JSON such as
    /// `{"action": "read", "unit": "DN"}`), else the refusal as JSON, with its messages.
    #[wasm_bindgen(js_name = refusalJson)]
    pub fn refusal_json(
        &self,
        actor: &str,
        #[wasm_bindgen(js_name = requestJson)] request_json: &str,
    ) -> Result<Option<String>, JsValue> {
        let request = Request::from_json(request_json).map_err(|e| js(&e))?;
        self.0
            .refusal(actor, &request)
            .map(|r| r.map(|r| chiso::to_json(&r)))
            .map_err(|e| js(&e))
    }

    /// The quality report of `unit` for `period` as of `asOf` (`YYYY-MM-DDTHH:MM:SS`): JSON.
    #[wasm_bindgen(js_name = qualityJson)]
    pub fn quality_json(
        &self,
        ledger: &Ledger,
        unit: &str,
        period: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
    ) -> Result<String, JsValue> {
        let period = period.parse().map_err(|e| js(&e))?;
        let as_of = parse_time(as_of).map_err(|e| js(&e))?;
        self.0
            .quality(&ledger.0, unit, period, as_of)
            .map(|r| r.to_json())
            .map_err(|e| js(&e))
    }

    /// Evaluates `period` from the revisions approved by `asOf` under the scheme (JSON; the
    /// default when absent): the evaluation as JSON, with lineage.
    #[wasm_bindgen(js_name = evaluateJson)]
    #[allow(clippy::needless_pass_by_value)] // wasm-bindgen hands optional strings over owned
    pub fn evaluate_json(
        &self,
        ledger: &Ledger,
        period: &str,
        #[wasm_bindgen(js_name = asOf)] as_of: &str,
        #[wasm_bindgen(js_name = schemeJson)] scheme_json: Option<String>,
    ) -> Result<String, JsValue> {
        let period = period.parse().map_err(|e| js(&e))?;
        let as_of = parse_time(as_of).map_err(|e| js(&e))?;
        let scheme = Scheme::from_optional_json(scheme_json.as_deref()).map_err(|e| js(&e))?;
        self.0
            .evaluate(&ledger.0, period, as_of, &scheme)
            .map(|e| e.to_json())
            .map_err(|e| js(&e))
    }
}
