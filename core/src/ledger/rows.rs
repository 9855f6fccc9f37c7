//! A batch's rows, held as columns: an import of millions of rows is cut into many batch
//! entries, and each holds its run of the one table the rows were put in when they arrived.
//! In the table each unit, item and submitter is written once and a row is about 60 bytes;
//! as [`Submission`]s a row was 240 bytes and three strings of its own, the larger part of a
//! national ledger's memory. Nothing is copied between the batches of an import either
//! (copying was most of a national import's time, in fresh pages the kernel had to zero).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::submission::{Evidence, Flags, Submission, SubmissionOrigin};
use crate::Value;
use crate::period::Period;

/// The rows of one batch: a run of a table shared with the other batches of its import. Each
/// row reads as a [`SubmissionRef`]; a batch is written, read and compared as the list of its
/// rows.
///
/// ```
/// use chiso::ledger::BatchRows;
/// let row = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
///     "value": {"number": "87.5"}, "source": {"kind": "form"},
///     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#)?;
/// let rows = BatchRows::from(vec![row]);
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows.get(0).unwrap().unit(), "DN");
/// assert_eq!(rows.to_vec()[0].item, "B01");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct BatchRows {
    table: Arc<Table>,
    range: Range<usize>,
}

impl BatchRows {
    /// `all` cut into the runs `ranges` (each within it), sharing one table.
    #[cfg(test)]
    fn cut(all: Vec<Submission>, ranges: &[Range<usize>]) -> Vec<BatchRows> {
        BatchRows::cut_table(Table::from_rows(all), ranges)
    }

    /// `table` cut into the runs `ranges` (each within it), sharing it.
    pub(super) fn cut_table(table: Table, ranges: &[Range<usize>]) -> Vec<BatchRows> {
        let table = Arc::new(table);
        let len = table.len();
        ranges
            .iter()
            .map(|range| BatchRows {
                table: Arc::clone(&table),
                range: range.start.min(len)..range.end.min(len),
            })
            .collect()
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.range.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    /// Row `row`.
    pub fn get(&self, row: usize) -> Option<SubmissionRef<'_>> {
        (row < self.len()).then(|| SubmissionRef(Held::Row(&self.table, self.range.start + row)))
    }

    /// Every row's value, in order: what a reader of many values keeps at hand.
    pub(crate) fn values(&self) -> &[Value] {
        self.table.value.get(self.range.clone()).unwrap_or_default()
    }

    /// The first row.
    pub fn first(&self) -> Option<SubmissionRef<'_>> {
        self.get(0)
    }

    /// Every row, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = SubmissionRef<'_>> + Clone + '_ {
        self.range
            .clone()
            .map(|row| SubmissionRef(Held::Row(&self.table, row)))
    }

    /// Whether `other` is a run of the same table (the batches of one import are; a batch read
    /// back from JSON has its own): what shows an import did not copy its rows.
    pub fn shares_table_with(&self, other: &BatchRows) -> bool {
        Arc::ptr_eq(&self.table, &other.table)
    }

    /// The rows as submissions of their own.
    pub fn to_vec(&self) -> Vec<Submission> {
        self.iter().map(SubmissionRef::to_submission).collect()
    }
}

impl BatchRows {
    /// Every row of `table`.
    pub(super) fn whole(table: Table) -> Self {
        let range = 0..table.len();
        BatchRows {
            table: Arc::new(table),
            range,
        }
    }
}

impl From<Vec<Submission>> for BatchRows {
    fn from(rows: Vec<Submission>) -> Self {
        BatchRows::whole(Table::from_rows(rows))
    }
}

impl PartialEq for BatchRows {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for BatchRows {}

impl std::fmt::Debug for BatchRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for BatchRows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(SubmissionRef::to_submission))
    }
}

impl<'de> Deserialize<'de> for BatchRows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Submission>::deserialize(deserializer).map(BatchRows::from)
    }
}

/// A submission as the ledger holds it: a `submit` entry's own, or a row of a batch's table.
/// Reads field by field as a [`Submission`] does.
///
/// ```
/// use chiso::ledger::{Submission, SubmissionRef};
/// let submission: Submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01",
///     "period": "2026-05", "value": {"number": "87.5"}, "source": {"kind": "form"},
///     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#)?;
/// let read = SubmissionRef::from(&submission);
/// assert_eq!(read.value().as_number().unwrap().to_string(), "87.5");
/// assert_eq!(read.to_submission(), submission);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct SubmissionRef<'a>(Held<'a>);

/// Where a submission is held.
#[derive(Clone, Copy)]
enum Held<'a> {
    /// Whole.
    One(&'a Submission),
    /// As a row of a table, at a row within it.
    Row(&'a Table, usize),
}

/// The rarely set fields of a row that sets none of them.
static NONE: Extra = Extra {
    measure: None,
    flags: Flags {
        estimated: false,
        provisional: false,
    },
    evidence: Vec::new(),
    comment: None,
    corrects: None,
};

impl<'a> SubmissionRef<'a> {
    /// The reporting unit's id.
    pub fn unit(self) -> &'a str {
        match self.0 {
            Held::One(s) => &s.unit,
            Held::Row(t, i) => t.text(t.unit.get(i)),
        }
    }

    /// The item's code.
    pub fn item(self) -> &'a str {
        match self.0 {
            Held::One(s) => &s.item,
            Held::Row(t, i) => t.text(t.item.get(i)),
        }
    }

    /// The period reported.
    pub fn period(self) -> Period {
        match self.0 {
            Held::One(s) => s.period,
            Held::Row(t, i) => t.period[i], // a row of the table, by construction
        }
    }

    /// The value.
    pub fn value(self) -> &'a Value {
        const NO_VALUE: &Value = &Value::Missing(crate::Missing::NoData);
        match self.0 {
            Held::One(s) => &s.value,
            Held::Row(t, i) => t.value.get(i).unwrap_or(NO_VALUE),
        }
    }

    /// The unit of measure written with the value.
    pub fn measure(self) -> Option<&'a str> {
        match self.0 {
            Held::One(s) => s.measure.as_deref(),
            Held::Row(t, i) => t.extra(i).measure.as_deref(),
        }
    }

    /// The value's qualifiers.
    pub fn flags(self) -> Flags {
        match self.0 {
            Held::One(s) => s.flags,
            Held::Row(t, i) => t.extra(i).flags,
        }
    }

    /// Where the value came from.
    pub fn source(self) -> &'a SubmissionOrigin {
        match self.0 {
            Held::One(s) => &s.source,
            Held::Row(t, i) => t.source_of(i),
        }
    }

    /// The documents that back the value.
    pub fn evidence(self) -> &'a [Evidence] {
        match self.0 {
            Held::One(s) => &s.evidence,
            Held::Row(t, i) => &t.extra(i).evidence,
        }
    }

    /// Who submitted it.
    pub fn submitted_by(self) -> &'a str {
        match self.0 {
            Held::One(s) => &s.submitted_by,
            Held::Row(t, i) => t.text(t.by.get(i)),
        }
    }

    /// When, as the submitter claims.
    pub fn submitted_at(self) -> NaiveDateTime {
        match self.0 {
            Held::One(s) => s.submitted_at,
            Held::Row(t, i) => t.at[i],
        }
    }

    /// A remark.
    pub fn comment(self) -> Option<&'a str> {
        match self.0 {
            Held::One(s) => s.comment.as_deref(),
            Held::Row(t, i) => t.extra(i).comment.as_deref(),
        }
    }

    /// The publication this revision corrects.
    pub fn corrects(self) -> Option<u64> {
        match self.0 {
            Held::One(s) => s.corrects,
            Held::Row(t, i) => t.extra(i).corrects,
        }
    }

    /// Its free texts, each with its field's JSON Pointer, evidence included: what the string
    /// bound covers when a submission is built in code rather than read from JSON.
    pub(crate) fn texts(self) -> impl Iterator<Item = (Cow<'static, str>, &'a str)> {
        let system = match self.source() {
            SubmissionOrigin::System { system } => Some(system.as_str()),
            SubmissionOrigin::Form => None,
        };
        let value = match self.value() {
            Value::Text(text) => Some(text.as_str()),
            _ => None,
        };
        let own = [
            ("unit", Some(self.unit())),
            ("item", Some(self.item())),
            ("value/text", value),
            ("measure", self.measure()),
            ("source/system", system),
            ("submitted_by", Some(self.submitted_by())),
            ("comment", self.comment()),
        ]
        .into_iter()
        .filter_map(|(field, text)| Some((field.into(), text?)));
        let evidence = self.evidence().iter().enumerate().flat_map(|(i, e)| {
            [
                ("file_name", Some(e.file_name.as_str())),
                ("sha256", Some(e.sha256.as_str())),
                ("media_type", Some(e.media_type.as_str())),
                ("document_number", e.document_number.as_deref()),
                ("summary", e.summary.as_deref()),
                ("uri", e.uri.as_deref()),
            ]
            .into_iter()
            .filter_map(move |(field, text)| {
                let text = text?;
                Some((format!("evidence/{i}/{field}").into(), text))
            })
        });
        own.chain(evidence)
    }

    /// The submission, a copy of its own.
    pub fn to_submission(self) -> Submission {
        match self.0 {
            Held::One(s) => s.clone(),
            Held::Row(t, i) => {
                // Built whole: a field added to `Extra` does not compile until it is copied.
                let Extra {
                    measure,
                    flags,
                    evidence,
                    comment,
                    corrects,
                } = t.extra(i);
                Submission {
                    unit: self.unit().to_owned(),
                    item: self.item().to_owned(),
                    period: self.period(),
                    value: self.value().clone(),
                    measure: measure.clone(),
                    flags: *flags,
                    source: t.source_of(i).clone(),
                    evidence: evidence.clone(),
                    submitted_by: self.submitted_by().to_owned(),
                    submitted_at: self.submitted_at(),
                    comment: comment.clone(),
                    corrects: *corrects,
                }
            }
        }
    }
}

impl<'a> From<&'a Submission> for SubmissionRef<'a> {
    fn from(submission: &'a Submission) -> Self {
        SubmissionRef(Held::One(submission))
    }
}

impl PartialEq for SubmissionRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (*self, *other);
        a.unit() == b.unit()
            && a.item() == b.item()
            && a.period() == b.period()
            && a.value() == b.value()
            && a.submitted_by() == b.submitted_by()
            && a.submitted_at() == b.submitted_at()
            && a.measure() == b.measure()
            && a.flags() == b.flags()
            && a.source() == b.source()
            && a.evidence() == b.evidence()
            && a.comment() == b.comment()
            && a.corrects() == b.corrects()
    }
}

impl Eq for SubmissionRef<'_> {}

impl std::fmt::Debug for SubmissionRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_submission().fmt(f)
    }
}

/// Rows in columns. See the [module](self).
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    /// Every unit id, item code and submitter, once each.
    texts: Vec<Box<str>>,
    /// Each row's unit, item and submitter, by number among `texts`.
    unit: Vec<u32>,
    item: Vec<u32>,
    by: Vec<u32>,
    period: Vec<Period>,
    value: Vec<Value>,
    at: Vec<NaiveDateTime>,
    /// Each row's source, by number among `origins`: an import names its system on every
    /// row, and a row kept aside for it was read by searching (the quality checks compare
    /// sources row by row).
    source: Vec<u32>,
    /// Every source, once each.
    origins: Vec<SubmissionOrigin>,
    /// The rows that set a measure, flags, evidence, a comment or a correction, by row, in
    /// order (an import from a statistics system sets none of them).
    extras: Vec<(usize, Box<Extra>)>,
}

/// A row's rarely set fields.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Extra {
    measure: Option<String>,
    flags: Flags,
    evidence: Vec<Evidence>,
    comment: Option<String>,
    corrects: Option<u64>,
}

impl Table {
    /// `rows` in columns, as they are.
    fn from_rows(rows: Vec<Submission>) -> Table {
        let mut builder = TableBuilder::with_capacity(rows.len());
        for submission in rows {
            builder.push(submission);
        }
        builder.finish()
    }

    pub(super) fn len(&self) -> usize {
        self.period.len()
    }

    /// Row `row`, for rows of the table.
    pub(super) fn row(&self, row: usize) -> Option<SubmissionRef<'_>> {
        (row < self.len()).then_some(SubmissionRef(Held::Row(self, row)))
    }

    /// The text numbered `n` (empty for a row out of range).
    fn text(&self, n: Option<&u32>) -> &str {
        n.and_then(|&n| self.texts.get(n as usize))
            .map_or("", |t| t)
    }

    /// Row `row`'s source (a form's, for a row out of range).
    fn source_of(&self, row: usize) -> &SubmissionOrigin {
        const FORM: &SubmissionOrigin = &SubmissionOrigin::Form;
        self.source
            .get(row)
            .and_then(|&n| self.origins.get(n as usize))
            .unwrap_or(FORM)
    }

    /// Row `row`'s rarely set fields.
    fn extra(&self, row: usize) -> &Extra {
        match self.extras.binary_search_by_key(&row, |(r, _)| *r) {
            Ok(at) => self.extras.get(at).map_or(&NONE, |(_, e)| e),
            Err(_) => &NONE,
        }
    }
}

/// A table built row by row, each text numbered once.
#[derive(Debug, Clone, Default)]
pub(super) struct TableBuilder {
    table: Table,
    numbers: FxHashMap<Box<str>, u32>,
}

impl TableBuilder {
    /// Room for `rows` rows.
    pub fn with_capacity(rows: usize) -> Self {
        TableBuilder {
            table: Table {
                unit: Vec::with_capacity(rows),
                item: Vec::with_capacity(rows),
                by: Vec::with_capacity(rows),
                period: Vec::with_capacity(rows),
                value: Vec::with_capacity(rows),
                at: Vec::with_capacity(rows),
                source: Vec::with_capacity(rows),
                ..Table::default()
            },
            numbers: FxHashMap::default(),
        }
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// The number of `text`, held as `held` gives it the first time it comes.
    pub fn number(&mut self, text: &str, held: impl FnOnce(&str) -> Box<str>) -> u32 {
        if let Some(&n) = self.numbers.get(text) {
            return n;
        }
        // More than four billion distinct texts cannot come from one import in memory.
        let n = u32::try_from(self.table.texts.len()).unwrap_or(u32::MAX);
        self.table.texts.push(held(text));
        self.numbers.insert(text.into(), n);
        n
    }

    /// The number of `origin` among the table's sources (a few in any import: compared, not
    /// hashed).
    pub fn origin(&mut self, origin: &SubmissionOrigin) -> u32 {
        let origins = &mut self.table.origins;
        if let Some(n) = origins.iter().rposition(|o| o == origin) {
            return u32::try_from(n).unwrap_or(u32::MAX);
        }
        origins.push(origin.clone());
        u32::try_from(origins.len() - 1).unwrap_or(u32::MAX)
    }

    /// Adds `submission`, as it is.
    pub fn push(&mut self, submission: Submission) {
        // Taken apart whole: a field added to `Submission` does not compile until it has a
        // column.
        let Submission {
            unit,
            item,
            period,
            value,
            measure,
            flags,
            source,
            evidence,
            submitted_by,
            submitted_at,
            comment,
            corrects,
        } = submission;
        let as_is = |text: &str| Box::from(text);
        let numbers = [
            self.number(&unit, as_is),
            self.number(&item, as_is),
            self.number(&submitted_by, as_is),
        ];
        let row = self.len();
        let source = self.origin(&source);
        self.push_numbered(numbers, source, period, value, submitted_at);
        let extra = Extra {
            measure,
            flags,
            evidence,
            comment,
            corrects,
        };
        if extra != NONE {
            self.table.extras.push((row, Box::new(extra)));
        }
    }

    /// Adds a row of the unit, item and submitter numbered `[unit, item, by]` and the source
    /// numbered `source`, with none of the rarely set fields.
    pub fn push_numbered(
        &mut self,
        [unit, item, by]: [u32; 3],
        source: u32,
        period: Period,
        value: Value,
        at: NaiveDateTime,
    ) {
        let t = &mut self.table;
        t.unit.push(unit);
        t.item.push(item);
        t.by.push(by);
        t.period.push(period);
        t.value.push(value);
        t.at.push(at);
        t.source.push(source);
    }

    /// The table.
    pub fn finish(self) -> Table {
        let mut table = self.table;
        table.texts.shrink_to_fit();
        table.origins.shrink_to_fit();
        table.extras.shrink_to_fit();
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32) -> Submission {
        serde_json::from_value(serde_json::json!({"unit": "DN", "item": "B01",
            "period": format!("2026-{n:02}"), "value": {"number": n.to_string()},
            "source": {"kind": "form"}, "submitted_by": "x",
            "submitted_at": "2026-06-02T09:00:00"}))
        .unwrap()
    }

    #[test]
    fn runs_share_one_table_and_read_as_their_own_rows() {
        let all: Vec<Submission> = (1..=5).map(row).collect();
        let runs = BatchRows::cut(all.clone(), &[0..2, 2..5]);
        assert_eq!(runs[0].to_vec(), &all[..2]);
        assert_eq!(runs[1].to_vec(), &all[2..]);
        assert!(Arc::ptr_eq(&runs[0].table, &runs[1].table));
        assert_eq!(runs[1], BatchRows::from(all[2..].to_vec()));
        assert_ne!(runs[0], runs[1]);
        // Written as the list of its rows, and read back the same.
        let json = serde_json::to_string(&runs[1]).unwrap();
        assert_eq!(json, serde_json::to_string(&all[2..]).unwrap());
        assert_eq!(serde_json::from_str::<BatchRows>(&json).unwrap(), runs[1]);
        assert!(runs[1].get(3).is_none());
    }

    #[test]
    fn a_row_keeps_every_field_it_sets() {
        let mut full = row(7);
        full.unit = "Hà Nội".into();
        full.measure = Some("%".into());
        full.flags.estimated = true;
        full.source = SubmissionOrigin::System {
            system: "thong_ke".into(),
        };
        full.evidence = vec![Evidence {
            file_name: "bc.pdf".into(),
            sha256: "a".repeat(64),
            size: 3,
            media_type: "application/pdf".into(),
            document_number: Some("12/BC".into()),
            document_date: None,
            summary: None,
            uri: None,
        }];
        full.comment = Some("ước tính".into());
        full.corrects = Some(4);
        let all = vec![row(1), full.clone(), row(3)];
        let rows = BatchRows::from(all.clone());
        assert_eq!(rows.to_vec(), all);
        let read = rows.get(1).unwrap();
        assert_eq!(read, SubmissionRef::from(&full));
        assert_eq!(read.measure(), Some("%"));
        assert_eq!(read.evidence().len(), 1);
        assert_eq!(rows.get(2).unwrap().measure(), None);
        assert_ne!(rows.get(0).unwrap(), rows.get(2).unwrap());
    }
}
