//! Observations gathered for an import, in columns from the first row: a table of two and a
//! half million rows read into [`Submission`]s first held about ten times the memory of the
//! columns the ledger keeps them in.

use chrono::NaiveDateTime;

use super::rows::{Table, TableBuilder};
use super::{Submission, SubmissionOrigin};
use crate::Value;
use crate::period::Period;

/// Rows for [`Ledger::import_observations`](super::Ledger::import_observations), held as the
/// ledger will hold them. Every text is recorded in NFC, as every entry's is.
///
/// ```
/// use chiso::ledger::{Approval, Ledger, Observations};
/// use chiso::Value;
/// let mut rows = Observations::with_capacity(2);
/// let at = "2026-06-02T09:00:00".parse().unwrap();
/// for (unit, value) in [("DN", "87.5"), ("HN", "91")] {
///     let value = Value::Number(value.parse().unwrap());
///     rows.push_value(unit, "B01", "2026-05".parse()?, value, "thong_ke", at);
/// }
/// let approval = Approval { by: "BCD".into(), at: "2026-06-03T08:00:00".parse().unwrap() };
/// let mut ledger = Ledger::default();
/// assert_eq!(ledger.import_observations(rows, Some(&approval))?, 4);
/// assert!(ledger.verify(None).valid);
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Observations {
    rows: TableBuilder,
}

impl Observations {
    /// None yet.
    pub fn new() -> Self {
        Observations::default()
    }

    /// None yet, with room for `rows`.
    pub fn with_capacity(rows: usize) -> Self {
        Observations {
            rows: TableBuilder::with_capacity(rows),
        }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds `submission`, its texts brought to NFC where the quick check cannot vouch for them.
    pub fn push(&mut self, submission: Submission) {
        let surely_nfc = submission
            .texts()
            .all(|(_, text)| crate::unicode::is_quick_nfc(text));
        if surely_nfc {
            self.rows.push(submission);
        } else {
            let normal = submission.in_nfc().unwrap_or(submission);
            self.rows.push(normal);
        }
    }

    /// Adds a value typed into a form (no unit of measure, qualifier, evidence, comment or
    /// correction): each unit, item and submitter is taken in once however many rows name it.
    pub fn push_value(
        &mut self,
        unit: &str,
        item: &str,
        period: Period,
        value: Value,
        submitted_by: &str,
        submitted_at: NaiveDateTime,
    ) {
        self.push_row(ValueRow {
            unit,
            item,
            period,
            value,
            source: &SubmissionOrigin::Form,
            submitted_by,
            submitted_at,
        });
    }

    /// Adds a value from any source with none of the rarely set fields (a unit of measure,
    /// qualifier, evidence, comment or correction): a statistics system's export, row by row.
    ///
    /// ```
    /// use chiso::ledger::{Observations, SubmissionOrigin, ValueRow};
    /// use chiso::Value;
    /// let system = SubmissionOrigin::System { system: "thong_ke".into() };
    /// let mut rows = Observations::new();
    /// rows.push_row(ValueRow {
    ///     unit: "DN",
    ///     item: "B01",
    ///     period: "2026-05".parse()?,
    ///     value: Value::Number("87.5".parse().unwrap()),
    ///     source: &system,
    ///     submitted_by: "thong_ke",
    ///     submitted_at: "2026-06-02T09:00:00".parse().unwrap(),
    /// });
    /// assert_eq!(rows.len(), 1);
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn push_row(&mut self, row: ValueRow<'_>) {
        let ValueRow {
            unit,
            item,
            period,
            value,
            source,
            submitted_by,
            submitted_at,
        } = row;
        let numbers = [
            self.rows.number(unit, nfc),
            self.rows.number(item, nfc),
            self.rows.number(submitted_by, nfc),
        ];
        let source = match source {
            SubmissionOrigin::System { system } if !crate::unicode::is_quick_nfc(system) => {
                self.rows.origin(&SubmissionOrigin::System {
                    system: crate::unicode::nfc(system).into_owned(),
                })
            }
            origin => self.rows.origin(origin),
        };
        let value = match value {
            Value::Text(text) if !crate::unicode::is_quick_nfc(&text) => {
                Value::Text(crate::unicode::nfc(&text).into_owned())
            }
            value => value,
        };
        self.rows
            .push_numbered(numbers, source, period, value, submitted_at);
    }

    /// The rows as the ledger's table.
    pub(super) fn into_table(self) -> Table {
        self.rows.finish()
    }
}

/// One value of a table, with its source, for [`Observations::push_row`].
#[derive(Debug, Clone)]
pub struct ValueRow<'a> {
    /// The reporting unit's id.
    pub unit: &'a str,
    /// The item's code.
    pub item: &'a str,
    /// The period reported.
    pub period: Period,
    /// The value.
    pub value: Value,
    /// Where it came from.
    pub source: &'a SubmissionOrigin,
    /// Who submitted it.
    pub submitted_by: &'a str,
    /// When, as the submitter claims.
    pub submitted_at: NaiveDateTime,
}

impl From<Vec<Submission>> for Observations {
    fn from(rows: Vec<Submission>) -> Self {
        let mut observations = Observations::with_capacity(rows.len());
        for submission in rows {
            observations.push(submission);
        }
        observations
    }
}

/// `text` in NFC, held as a table's text.
fn nfc(text: &str) -> Box<str> {
    crate::unicode::nfc(text).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, value: &str) -> Submission {
        serde_json::from_value(serde_json::json!({"unit": unit, "item": "B01",
            "period": "2026-05", "value": {"text": value}, "source": {"kind": "form"},
            "submitted_by": "x", "submitted_at": "2026-06-02T09:00:00"}))
        .unwrap()
    }

    #[test]
    fn a_row_pushed_by_parts_is_the_submission_pushed_whole() {
        let decomposed = row("Ha\u{300} Nội", "co\u{301}");
        let mut whole = Observations::new();
        whole.push(decomposed.clone());
        let mut parts = Observations::new();
        parts.push_value(
            &decomposed.unit,
            &decomposed.item,
            decomposed.period,
            decomposed.value.clone(),
            &decomposed.submitted_by,
            decomposed.submitted_at,
        );
        let (whole, parts) = (whole.into_table(), parts.into_table());
        let (a, b) = (whole.row(0).unwrap(), parts.row(0).unwrap());
        assert_eq!(a, b);
        assert_eq!(a.unit(), "Hà Nội"); // recorded in NFC
        assert_eq!(a.value(), &Value::Text("có".into()));
        assert!(whole.row(1).is_none());
    }

    #[test]
    fn a_row_from_a_system_is_the_submission_pushed_whole() {
        let mut decomposed = row("HN", "12");
        decomposed.source = SubmissionOrigin::System {
            system: "Tho\u{302}ng ke\u{302}".into(),
        };
        let mut whole = Observations::new();
        whole.push(decomposed.clone());
        whole.push(row("DN", "3"));
        let mut parts = Observations::new();
        for s in [&decomposed, &row("DN", "3")] {
            parts.push_row(ValueRow {
                unit: &s.unit,
                item: &s.item,
                period: s.period,
                value: s.value.clone(),
                source: &s.source,
                submitted_by: &s.submitted_by,
                submitted_at: s.submitted_at,
            });
        }
        let (whole, parts) = (whole.into_table(), parts.into_table());
        for i in 0..2 {
            assert_eq!(whole.row(i).unwrap(), parts.row(i).unwrap());
        }
        let system = SubmissionOrigin::System {
            system: "Thông kê".into(), // recorded in NFC
        };
        assert_eq!(parts.row(0).unwrap().source(), &system);
        assert_eq!(parts.row(1).unwrap().source(), &SubmissionOrigin::Form);
    }
}
