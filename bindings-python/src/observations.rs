//! Observations from a table (a pandas `DataFrame`, or records) into the ledger.
//!
//! Each column arrives as pandas factorizes it: a code per row (little-endian `int64` bytes,
//! `-1` for an empty cell) into a list of its distinct values. A million rows then cross as a
//! few byte buffers and a few thousand Python objects, each distinct value decoded once.

use chiso::ledger::{Flags, Observations, Submission, SubmissionOrigin, ValueRow};
use chiso::period::{Period, parse_time};
use chiso::{Cell, Error, Finding, InputKind, InputProblem, Missing, Value};
use chrono::NaiveDateTime;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyString};

/// The columns a table may have; any other is refused, so a misspelt optional column is not
/// silently ignored.
pub const COLUMNS: [&str; 10] = [
    "unit",
    "item",
    "period",
    "value",
    "submitted_at",
    "submitted_by",
    "source",
    "measure",
    "comment",
    "estimated",
];

/// What rows take when their table has no such column (or the cell is empty).
pub struct Defaults {
    pub submitted_by: String,
    pub submitted_at: NaiveDateTime,
    pub source: SubmissionOrigin,
}

/// One decoded column: each row's code and each distinct value decoded (or why not).
struct Column<T> {
    codes: Vec<i64>,
    uniques: Vec<Result<T, InputProblem>>,
}

impl<T: Clone> Column<T> {
    /// Row `row`'s value; `None` for an empty cell. Codes were range-checked on decoding.
    fn get(&self, row: usize) -> Option<&T> {
        let code = usize::try_from(self.codes[row]).ok()?;
        self.uniques[code].as_ref().ok()
    }
}

/// The table's columns, decoded.
struct Decoded {
    unit: Column<String>,
    item: Column<String>,
    period: Column<Period>,
    value: Column<Value>,
    submitted_at: Option<Column<NaiveDateTime>>,
    submitted_by: Option<Column<String>>,
    source: Option<Column<SubmissionOrigin>>,
    measure: Option<Column<String>>,
    comment: Option<Column<String>>,
    estimated: Option<Column<bool>>,
}

/// Decodes the table into the ledger's columns (a row of the usual shape never becomes a
/// submission of its own strings), every bad cell reported with its row and column.
pub fn observations(
    columns: &Bound<'_, PyDict>,
    rows: usize,
    defaults: &Defaults,
) -> PyResult<Result<Observations, Error>> {
    let mut findings = Vec::new();
    let decoded = decode(columns, rows, &mut findings)?;
    let Some(table) = decoded else {
        return Ok(Err(invalid(findings)));
    };
    // The required cells must not be empty.
    for row in 0..rows {
        for (name, code) in [
            ("unit", table.unit.codes[row]),
            ("item", table.item.codes[row]),
            ("period", table.period.codes[row]),
        ] {
            if code < 0 {
                findings.push(empty(row, name));
            }
        }
        if findings.len() >= MAX_FINDINGS {
            break;
        }
    }
    if findings.iter().any(Finding::is_error) {
        findings.truncate(MAX_FINDINGS);
        return Ok(Err(invalid(findings)));
    }
    let mut out = Observations::with_capacity(rows);
    for row in 0..rows {
        table.push(row, defaults, &mut out);
    }
    Ok(Ok(out))
}

fn decode(
    columns: &Bound<'_, PyDict>,
    rows: usize,
    findings: &mut Vec<Finding>,
) -> PyResult<Option<Decoded>> {
    for key in columns.keys() {
        let name: String = key.extract()?;
        if !COLUMNS.contains(&name.as_str()) {
            findings.push(Finding::new(
                &InputProblem::JsonUnknownField { field: name },
                "/columns",
            ));
        }
    }
    let unit = column(columns, "unit", rows, &text, findings)?;
    let item = column(columns, "item", rows, &text, findings)?;
    let period = column(columns, "period", rows, &period, findings)?;
    let value = column(columns, "value", rows, &value, findings)?;
    let decoded = Decoded {
        submitted_at: column(columns, "submitted_at", rows, &time, findings)?,
        submitted_by: column(columns, "submitted_by", rows, &text, findings)?,
        source: column(
            columns,
            "source",
            rows,
            &|v| text(v).map(|s| SubmissionOrigin::named(&s)),
            findings,
        )?,
        measure: column(columns, "measure", rows, &text, findings)?,
        comment: column(columns, "comment", rows, &text, findings)?,
        estimated: column(columns, "estimated", rows, &flag, findings)?,
        unit: match unit {
            Some(c) => c,
            None => return Ok(None),
        },
        item: match item {
            Some(c) => c,
            None => return Ok(None),
        },
        period: match period {
            Some(c) => c,
            None => return Ok(None),
        },
        value: match value {
            Some(c) => c,
            None => return Ok(None),
        },
    };
    Ok(Some(decoded))
}

impl Decoded {
    /// Adds row `row` to `out` (nothing when a required cell is bad: reported already): by its
    /// parts when it sets nothing but unit, item, period, value, source and who sent it when,
    /// else as a submission.
    fn push(&self, row: usize, defaults: &Defaults, out: &mut Observations) {
        let set = |c: &Option<Column<String>>| c.as_ref().and_then(|c| c.get(row)).is_some();
        let estimated = self.estimated.as_ref().and_then(|c| c.get(row)).copied();
        let plain = !set(&self.measure) && !set(&self.comment) && estimated != Some(true);
        if !plain {
            if let Some(submission) = self.submission(row, defaults) {
                out.push(submission);
            }
            return;
        }
        let (Some(unit), Some(item), Some(period)) =
            (self.unit.get(row), self.item.get(row), self.period.get(row))
        else {
            return;
        };
        let by = self.submitted_by.as_ref().and_then(|c| c.get(row));
        out.push_row(ValueRow {
            unit,
            item,
            period: *period,
            value: self
                .value
                .get(row)
                .cloned()
                .unwrap_or(Value::Missing(Missing::NoData)),
            source: self.origin(row, defaults),
            submitted_by: by.map_or(defaults.submitted_by.as_str(), String::as_str),
            submitted_at: self
                .submitted_at
                .as_ref()
                .and_then(|c| c.get(row))
                .copied()
                .unwrap_or(defaults.submitted_at),
        });
    }

    /// Row `row`'s source: its cell's, else the default.
    fn origin<'a>(&'a self, row: usize, defaults: &'a Defaults) -> &'a SubmissionOrigin {
        self.source
            .as_ref()
            .and_then(|c| c.get(row))
            .unwrap_or(&defaults.source)
    }

    /// Row `row` as a submission (`None` when a required cell is bad: reported already).
    fn submission(&self, row: usize, defaults: &Defaults) -> Option<Submission> {
        let cell = |c: &Option<Column<String>>| c.as_ref().and_then(|c| c.get(row)).cloned();
        Some(Submission {
            unit: self.unit.get(row)?.clone(),
            item: self.item.get(row)?.clone(),
            period: *self.period.get(row)?,
            value: self
                .value
                .get(row)
                .cloned()
                .unwrap_or(Value::Missing(Missing::NoData)),
            measure: cell(&self.measure),
            flags: Flags {
                estimated: self
                    .estimated
                    .as_ref()
                    .and_then(|c| c.get(row))
                    .copied()
                    .unwrap_or(false),
                provisional: false,
            },
            source: self.origin(row, defaults).clone(),
            evidence: Vec::new(),
            submitted_by: cell(&self.submitted_by).unwrap_or_else(|| defaults.submitted_by.clone()),
            submitted_at: self
                .submitted_at
                .as_ref()
                .and_then(|c| c.get(row))
                .copied()
                .unwrap_or(defaults.submitted_at),
            comment: cell(&self.comment),
            corrects: None,
        })
    }
}

/// `v` is not what the column holds: what it is (its `repr`, shortened) and what was expected.
fn refused(v: &Bound<'_, PyAny>, expected: &str) -> InputProblem {
    let found = v
        .repr()
        .map(|r| r.to_string().chars().take(80).collect())
        .unwrap_or_default();
    InputProblem::JsonInvalidValue {
        found,
        expected: expected.to_owned(),
    }
}

fn text(v: &Bound<'_, PyAny>) -> Result<String, InputProblem> {
    v.cast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok())
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| refused(v, "a text"))
}

fn period(v: &Bound<'_, PyAny>) -> Result<Period, InputProblem> {
    text(v)?
        .parse::<Period>()
        .map_err(|_| refused(v, "a period (2026-Q3, 2026-05, 2026)"))
}

fn time(v: &Bound<'_, PyAny>) -> Result<NaiveDateTime, InputProblem> {
    parse_time(&text(v)?).map_err(|_| refused(v, "a time YYYY-MM-DDTHH:MM:SS"))
}

fn flag(v: &Bound<'_, PyAny>) -> Result<bool, InputProblem> {
    v.cast::<PyBool>()
        .map(pyo3::types::PyBoolMethods::is_true)
        .map_err(|_| refused(v, "true or false"))
}

/// How many bad cells one refusal lists (a wrong column can make every row bad).
const MAX_FINDINGS: usize = 100;

fn empty(row: usize, name: &str) -> Finding {
    Finding::new(
        &InputProblem::JsonMissingField {
            field: name.to_owned(),
        },
        format!("/{row}/{name}"),
    )
}

fn invalid(findings: Vec<Finding>) -> Error {
    Error::InvalidInput {
        what: InputKind::Observations,
        findings,
    }
}

/// A value cell, read by the core's one rule ([`Cell`]): a bool, an int or a `Decimal` (its
/// digits), a float (as it prints), text, or `None`.
fn value(v: &Bound<'_, PyAny>) -> Result<Value, InputProblem> {
    cell_value(v).map_err(|problem| match problem {
        InputProblem::JsonInvalidValue { expected, .. } => refused(v, &expected),
        other => other,
    })
}

/// A Python object as the core's [`Cell`], read by its rule.
pub fn cell_value(v: &Bound<'_, PyAny>) -> Result<Value, InputProblem> {
    let shown = |v: &Bound<'_, PyAny>| {
        v.str()
            .map(|s| s.to_string())
            .map_err(|e| InputProblem::JsonInvalidValue {
                found: e.to_string(),
                expected: String::new(),
            })
    };
    if v.is_none() {
        return Value::from_cell(Cell::Empty);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Value::from_cell(Cell::Bool(b.is_true()));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return Value::from_cell(Cell::Float(f.value()));
    }
    if let Ok(s) = v.cast::<PyString>() {
        let text = s.to_cow().map_err(|e| InputProblem::JsonInvalidValue {
            found: e.to_string(),
            expected: String::new(),
        })?;
        return Value::from_cell(Cell::Text(&text));
    }
    // An int, a decimal.Decimal, or any other number type that prints its digits.
    Value::from_cell(Cell::Digits(&shown(v)?))
}

/// Decodes column `name` if the table has it: `(codes bytes, distinct values)`.
fn column<T: Clone>(
    columns: &Bound<'_, PyDict>,
    name: &'static str,
    rows: usize,
    decode: &dyn Fn(&Bound<'_, PyAny>) -> Result<T, InputProblem>,
    findings: &mut Vec<Finding>,
) -> PyResult<Option<Column<T>>> {
    let Some(entry) = columns.get_item(name)? else {
        if ["unit", "item", "period", "value"].contains(&name) {
            findings.push(Finding::new(
                &InputProblem::JsonMissingField {
                    field: name.to_owned(),
                },
                "/columns",
            ));
        }
        return Ok(None);
    };
    let (codes, uniques): (Bound<'_, PyBytes>, Vec<Bound<'_, PyAny>>) = entry.extract()?;
    let bytes = codes.as_bytes();
    if bytes.len() != rows * 8 {
        findings.push(Finding::new(
            &InputProblem::JsonInvalidValue {
                found: format!("{} codes", bytes.len() / 8),
                expected: format!("{rows} codes"),
            },
            format!("/columns/{name}"),
        ));
        return Ok(None);
    }
    let codes: Vec<i64> = bytes
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    let decoded: Vec<Result<T, InputProblem>> = uniques.iter().map(decode).collect();
    let mut reported = vec![false; decoded.len()];
    for (row, &code) in codes.iter().enumerate() {
        let Ok(k) = usize::try_from(code) else {
            continue;
        };
        let Some(cell) = decoded.get(k) else {
            findings.push(Finding::new(
                &InputProblem::JsonInvalidValue {
                    found: format!("code {code}"),
                    expected: format!("a code below {}", uniques.len()),
                },
                format!("/{row}/{name}"),
            ));
            return Ok(None);
        };
        if let Err(problem) = cell
            && !reported[k]
        {
            reported[k] = true;
            findings.push(Finding::new(problem, format!("/{row}/{name}")));
        }
    }
    Ok(Some(Column {
        codes,
        uniques: decoded,
    }))
}
