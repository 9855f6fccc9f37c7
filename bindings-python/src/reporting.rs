//! The ledger, the access policy and the quality report in Python: `chiso._chiso.Ledger` and
//! `chiso._chiso.Reporting`. Values cross as the core's JSON.

use chiso::Reporting;
use chiso::evaluation::Scheme;
use chiso::ledger::{Action, Approval, Ledger};
use chiso::org::Request;
use chiso::period::parse_time;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::catalogue::PyCatalogue;
use crate::error::{guard, guard_detached};
use crate::evaluation::PyEvaluation;
use crate::observations::{Defaults, observations};

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
    fn from_jsonl(py: Python<'_>, text: &str) -> PyResult<Self> {
        guard_detached(py, || Ledger::from_jsonl(text).map(Self))
    }

    /// Imports a table of observations given column by column (see `chiso.observations`):
    /// each row a submission, approved at once by `approved_by` at `at` when `approve`.
    /// Returns how many entries were appended; on a bad cell raises `DataError` naming its row
    /// and column, and appends nothing.
    #[pyo3(signature = (columns, rows, by, at, source, approve))]
    #[allow(clippy::too_many_arguments)]
    fn import_columns(
        &mut self,
        py: Python<'_>,
        columns: &Bound<'_, PyDict>,
        rows: usize,
        by: &str,
        at: &str,
        source: &str,
        approve: bool,
    ) -> PyResult<usize> {
        let at = guard(|| parse_time(at))?;
        let defaults = Defaults {
            submitted_by: by.to_owned(),
            submitted_at: at,
            source: chiso::ledger::SubmissionOrigin::named(source),
        };
        let rows = observations(columns, rows, &defaults)?;
        let approval = Approval {
            by: by.to_owned(),
            at,
        };
        let ledger = &mut self.0;
        guard_detached(py, move || {
            ledger.import_observations(rows?, approve.then_some(&approval))
        })
    }

    /// Appends an action (JSON) without organisation rules; returns the entry as JSON. With
    /// `recorded_at`, the entry is stamped at that time as a store's clock would (format 2).
    #[pyo3(signature = (action_json, recorded_at = None))]
    fn append_json(&mut self, action_json: &str, recorded_at: Option<&str>) -> PyResult<String> {
        guard(|| {
            let action = Action::from_json(action_json)?;
            let entry = match recorded_at.map(parse_time).transpose()? {
                Some(now) => self.0.append_at(action, now)?,
                None => self.0.append(action)?,
            };
            Ok(chiso::to_json(entry))
        })
    }

    /// Reads JSON Lines, trusted only if the chain holds and passes through `head`: raises
    /// `LedgerError` (code `ledger.tampered`) naming the first entry found wrong.
    #[staticmethod]
    #[pyo3(signature = (text, head = None))]
    fn from_jsonl_verified(py: Python<'_>, text: &str, head: Option<&str>) -> PyResult<Self> {
        guard_detached(py, || Ledger::from_jsonl_verified(text, head).map(Self))
    }

    /// The ledger as JSON Lines.
    fn to_jsonl(&self, py: Python<'_>) -> PyResult<String> {
        guard_detached(py, || Ok(self.0.to_jsonl()))
    }

    /// Checks the chain (and, with `head`, against a published head hash): JSON.
    #[pyo3(signature = (head=None))]
    fn verify_json(&self, py: Python<'_>, head: Option<&str>) -> PyResult<String> {
        guard_detached(py, || Ok(chiso::to_json(&self.0.verify(head))))
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

    /// The assignments the ledger made and has not withdrawn, each with its entry: JSON.
    fn assignments_json(&self) -> String {
        chiso::to_json(&self.0.assignment_entries())
    }

    /// The hash of the last entry.
    #[getter]
    fn head(&self) -> String {
        self.0.head().to_owned()
    }

    /// How many sequence numbers the ledger holds: one per entry, and one per row and per
    /// approval of an imported batch, as if each were an entry of its own.
    fn __len__(&self) -> usize {
        usize::try_from(self.0.next_sequence() - 1).unwrap_or(usize::MAX)
    }

    fn __repr__(&self) -> String {
        format!("<chiso Ledger: {} entries>", self.__len__())
    }
}

/// A reporting set-up: catalogue, organisation tree, assignments and calendar.
#[pyclass(module = "chiso._chiso", name = "Reporting", frozen)]
pub struct PyReporting(Reporting);

impl PyReporting {
    /// The core's reporting set-up.
    pub fn core(&self) -> &Reporting {
        &self.0
    }
}

impl From<Ledger> for PyLedger {
    fn from(ledger: Ledger) -> Self {
        PyLedger(ledger)
    }
}

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
        py: Python<'_>,
        ledger: &PyLedger,
        unit: &str,
        period: &str,
        as_of: &str,
    ) -> PyResult<String> {
        guard_detached(py, || {
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
        py: Python<'_>,
        ledger: &PyLedger,
        period: &str,
        as_of: &str,
        scheme_json: Option<&str>,
    ) -> PyResult<String> {
        Ok(self
            .evaluate(py, ledger, period, as_of, scheme_json)?
            .0
            .to_json())
    }

    /// Evaluates `period` (as `evaluate_json`), keeping the result native: the report, the
    /// exports and the charts are made from it without a round trip through JSON.
    #[pyo3(signature = (ledger, period, as_of, scheme_json=None))]
    fn evaluate(
        &self,
        py: Python<'_>,
        ledger: &PyLedger,
        period: &str,
        as_of: &str,
        scheme_json: Option<&str>,
    ) -> PyResult<PyEvaluation> {
        guard_detached(py, || {
            let scheme = Scheme::from_optional_json(scheme_json)?;
            let evaluation =
                self.0
                    .evaluate(&ledger.0, period.parse()?, parse_time(as_of)?, &scheme)?;
            Ok(PyEvaluation(evaluation))
        })
    }

    /// The organisation chart as JSON.
    fn org_json(&self) -> String {
        chiso::to_json(self.0.tree().chart())
    }

    /// The assignments as given, as JSON.
    fn assignments_json(&self) -> String {
        chiso::to_json(&self.0.assignments())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLedger>()?;
    m.add_class::<PyReporting>()?;
    Ok(())
}
