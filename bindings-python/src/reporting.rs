//! The ledger, the access policy and the quality report in Python: `chiso._chiso.Ledger` and
//! `chiso._chiso.Reporting`. Values cross as the core's JSON.

use chiso::Reporting;
use chiso::evaluation::Scheme;
use chiso::ledger::{Action, Ledger};
use chiso::org::Request;
use chiso::period::parse_time;
use pyo3::prelude::*;

use crate::catalogue::PyCatalogue;
use crate::error::guard;

/// An append-only, hash-chained ledger.
#[pyclass(module = "chiso._chiso", name = "Ledger")]
#[derive(Default)]
pub struct PyLedger(Ledger);

#[pymethods]
impl PyLedger {
    /// An empty ledger.
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// Reads JSON Lines (every bad line reported); call `verify_json` before trusting it.
    #[staticmethod]
    fn from_jsonl(text: &str) -> PyResult<Self> {
        guard(|| Ledger::from_jsonl(text).map(Self))
    }

    /// Appends an action (JSON) without organisation rules; returns the entry as JSON.
    fn append_json(&mut self, action_json: &str) -> PyResult<String> {
        guard(|| {
            let action = Action::from_json(action_json)?;
            Ok(chiso::to_json(self.0.append(action)?))
        })
    }

    /// The ledger as JSON Lines.
    fn to_jsonl(&self) -> String {
        self.0.to_jsonl()
    }

    /// Checks the chain (and, with `head`, against a published head hash): JSON.
    #[pyo3(signature = (head=None))]
    fn verify_json(&self, head: Option<&str>) -> String {
        chiso::to_json(&self.0.verify(head))
    }

    /// The values in force for `period` (as approvals stood at `as_of`): JSON.
    #[pyo3(signature = (period, as_of=None))]
    fn snapshot_json(&self, period: &str, as_of: Option<&str>) -> PyResult<String> {
        guard(|| {
            let period = period.parse()?;
            let as_of = as_of.map(parse_time).transpose()?;
            Ok(chiso::to_json(&self.0.snapshot(period, as_of)))
        })
    }

    /// The status of the revision at `sequence` (`submitted`, `approved`, `returned`), or None.
    fn status(&self, sequence: u64) -> Option<String> {
        self.0.status(sequence).map(|s| s.as_str().to_owned())
    }

    /// The hash of the last entry.
    #[getter]
    fn head(&self) -> String {
        self.0.head().to_owned()
    }

    fn __len__(&self) -> usize {
        self.0.entries().len()
    }

    fn __repr__(&self) -> String {
        format!("<chiso Ledger: {} entries>", self.0.entries().len())
    }
}

/// A reporting set-up: catalogue, organisation tree, assignments and calendar.
#[pyclass(module = "chiso._chiso", name = "Reporting", frozen)]
pub struct PyReporting(Reporting);

#[pymethods]
impl PyReporting {
    /// From the catalogue and JSON texts of the chart, the assignments and the calendar.
    #[new]
    #[pyo3(signature = (catalogue, org_json, assignments_json, calendar_json=None))]
    fn new(
        catalogue: &PyCatalogue,
        org_json: &str,
        assignments_json: &str,
        calendar_json: Option<&str>,
    ) -> PyResult<Self> {
        guard(|| {
            Reporting::from_json(
                catalogue.inner().clone(),
                org_json,
                assignments_json,
                calendar_json,
            )
            .map(Self)
        })
    }

    /// Appends an action for `actor` under the rules (unit, item, cycle, policy, workflow);
    /// returns the entry as JSON. Raises `LedgerError` or `PolicyError`; the ledger is then
    /// unchanged.
    fn append_json(
        &self,
        ledger: &mut PyLedger,
        actor: &str,
        action_json: &str,
    ) -> PyResult<String> {
        guard(|| {
            let action = Action::from_json(action_json)?;
            Ok(chiso::to_json(self.0.append(
                &mut ledger.0,
                actor,
                action,
            )?))
        })
    }

    /// Whether `actor` may make the request (JSON such as `{"action": "read", "unit": "DN"}`):
    /// None when allowed, else the refusal as JSON (`{"reason": …, "message_vi", "message_en"}`).
    fn policy_json(&self, actor: &str, request_json: &str) -> PyResult<Option<String>> {
        guard(|| {
            let request = Request::from_json(request_json)?;
            Ok(self.0.refusal(actor, &request)?.map(|r| chiso::to_json(&r)))
        })
    }

    /// The quality report of `unit` for `period` as of `as_of`: JSON.
    fn quality_json(
        &self,
        ledger: &PyLedger,
        unit: &str,
        period: &str,
        as_of: &str,
    ) -> PyResult<String> {
        guard(|| {
            let report = self
                .0
                .quality(&ledger.0, unit, period.parse()?, parse_time(as_of)?)?;
            Ok(report.to_json())
        })
    }

    /// Evaluates `period` from the revisions approved by `as_of` under the scheme (JSON; the
    /// default scheme when None): the evaluation as JSON, with lineage.
    #[pyo3(signature = (ledger, period, as_of, scheme_json=None))]
    fn evaluate_json(
        &self,
        ledger: &PyLedger,
        period: &str,
        as_of: &str,
        scheme_json: Option<&str>,
    ) -> PyResult<String> {
        guard(|| {
            let scheme = scheme_json.map_or_else(|| Ok(Scheme::default()), Scheme::from_json)?;
            let evaluation =
                self.0
                    .evaluate(&ledger.0, period.parse()?, parse_time(as_of)?, &scheme)?;
            Ok(evaluation.to_json())
        })
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLedger>()?;
    m.add_class::<PyReporting>()?;
    Ok(())
}
