//! The canonical binary encoding of a submission: the bytes a batch row's leaf hash covers
//! ([`super::merkle`]). One encoding for every binding and every reader, cheaper to write than
//! JSON (no escaping, no key names) and with no two submissions sharing one: every field is
//! written, in declaration order, each absent option and empty list as its own mark.
//!
//! | value | bytes |
//! |---|---|
//! | text | its UTF-8 length as 4 bytes big-endian, then the bytes |
//! | whole number | 8 bytes big-endian |
//! | yes / no | `01` / `00` |
//! | absent / present | `00` / `01` then the value |
//! | list | its length as 4 bytes big-endian, then each element |
//! | decimal | sign (`01` negative), scale (1 byte), magnitude of the unscaled integer (16 bytes big-endian): `1.0` and `1.00` differ, as they do in JSON |
//! | date, time, period | as text, exactly as JSON writes them (`2026-06-02T09:00:00`, `2026-Q3`) |
//! | value | `01` decimal, `02` yes/no, `03` text, `04` the missing reason's word, `05` the error's word |
//! | source | `01` form, `02` then the system's name |
//!
//! A submission is `chiso.submission.1` (as text) then unit, item, period, value, measure,
//! the flags estimated and provisional, source, evidence, submitted by, submitted at, comment,
//! corrects; each evidence document its file name, SHA-256, size, media type, document number,
//! document date, summary, URI. `docs/ledger-format.md` has a worked example.

use std::io::Write as _;

use rust_decimal::Decimal;

use super::SubmissionRef;
use super::submission::{Evidence, Flags, Submission, SubmissionOrigin};
use crate::Value;

/// The domain tag every encoded submission starts with: a later change of the encoding gets a
/// new tag, and bytes of one kind never hash as another's.
const SUBMISSION_TAG: &str = "chiso.submission.1";

/// Every field of `Submission`, named: a field added to it does not compile here until
/// [`submission`] encodes it.
const _EVERY_FIELD_ENCODED: fn(&Submission) = |s| {
    let Submission {
        unit: _,
        item: _,
        period: _,
        value: _,
        measure: _,
        flags: _,
        source: _,
        evidence: _,
        submitted_by: _,
        submitted_at: _,
        comment: _,
        corrects: _,
    } = s;
};

/// Appends the canonical bytes of `submission` to `out`; returns whether every text in it is
/// surely NFC by the quick check (the ledger records texts in NFC).
pub(crate) fn submission(submission: SubmissionRef<'_>, out: &mut Vec<u8>) -> bool {
    let mut w = Writer { out, nfc: true };
    w.text(SUBMISSION_TAG);
    w.text(submission.unit());
    w.text(submission.item());
    w.display(&submission.period());
    w.value(submission.value());
    w.option(submission.measure(), Writer::text);
    let Flags {
        estimated,
        provisional,
    } = submission.flags();
    w.flag(estimated);
    w.flag(provisional);
    match submission.source() {
        SubmissionOrigin::Form => w.out.push(1),
        SubmissionOrigin::System { system } => {
            w.out.push(2);
            w.text(system);
        }
    }
    let evidence = submission.evidence();
    w.count(evidence.len());
    for document in evidence {
        w.evidence(document);
    }
    w.text(submission.submitted_by());
    w.time(&submission.submitted_at());
    w.option(submission.comment(), Writer::text);
    w.option(submission.corrects().as_ref(), |w, c| w.number(*c));
    w.nfc
}

/// `time` as `YYYY-MM-DDTHH:MM:SS`, written digit by digit, when that is its whole `Debug`
/// form (a year of four digits, no fraction of a second): every row of an import has a time,
/// and the formatting machinery was a tenth of hashing it.
fn whole_seconds(time: &chrono::NaiveDateTime) -> Option<[u8; 19]> {
    use chrono::{Datelike, Timelike};
    let year = u32::try_from(time.year()).ok().filter(|y| *y <= 9999)?;
    if time.nanosecond() != 0 {
        return None;
    }
    let mut out = *b"0000-00-00T00:00:00";
    let mut put = |at: usize, n: u32, width: usize| {
        let mut n = n;
        for k in (at..at + width).rev() {
            // A digit: `n % 10` is below 10.
            out[k] = b'0' + u8::try_from(n % 10).unwrap_or(0);
            n /= 10;
        }
    };
    put(0, year, 4);
    put(5, time.month(), 2);
    put(8, time.day(), 2);
    put(11, time.hour(), 2);
    put(14, time.minute(), 2);
    put(17, time.second(), 2);
    Some(out)
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
    nfc: bool,
}

impl Writer<'_> {
    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.out.extend_from_slice(text.as_bytes());
        self.nfc = self.nfc && crate::unicode::is_quick_nfc(text);
    }

    /// A text written by its `Display` (periods, reasons): ASCII, so NFC.
    fn display(&mut self, shown: &dyn std::fmt::Display) {
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        // Writing into a vector cannot fail.
        let _ = write!(self.out, "{shown}");
        self.patch_length(at);
    }

    /// A date-time as JSON writes it (`chrono`'s ISO 8601 form is its `Debug`).
    fn time(&mut self, time: &chrono::NaiveDateTime) {
        if let Some(digits) = whole_seconds(time) {
            self.count(digits.len());
            self.out.extend_from_slice(&digits);
            return;
        }
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        let _ = write!(self.out, "{time:?}");
        self.patch_length(at);
    }

    fn date(&mut self, date: chrono::NaiveDate) {
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        let _ = write!(self.out, "{date:?}");
        self.patch_length(at);
    }

    fn patch_length(&mut self, at: usize) {
        let length = u32::try_from(self.out.len() - at - 4).unwrap_or(u32::MAX);
        self.out[at..at + 4].copy_from_slice(&length.to_be_bytes());
    }

    fn count(&mut self, n: usize) {
        // Texts are bounded far below four gigabytes before they reach the ledger.
        self.out
            .extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes());
    }

    fn number(&mut self, n: u64) {
        self.out.extend_from_slice(&n.to_be_bytes());
    }

    fn flag(&mut self, yes: bool) {
        self.out.push(u8::from(yes));
    }

    fn option<T: ?Sized>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T)) {
        match value {
            None => self.out.push(0),
            Some(v) => {
                self.out.push(1);
                write(self, v);
            }
        }
    }

    fn decimal(&mut self, d: Decimal) {
        self.out.push(u8::from(d.is_sign_negative()));
        // A scale is at most 28.
        self.out.push(u8::try_from(d.scale()).unwrap_or(u8::MAX));
        self.out
            .extend_from_slice(&d.mantissa().unsigned_abs().to_be_bytes());
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Number(d) => {
                self.out.push(1);
                self.decimal(*d);
            }
            Value::Bool(b) => {
                self.out.push(2);
                self.flag(*b);
            }
            Value::Text(t) => {
                self.out.push(3);
                self.text(t);
            }
            Value::Missing(reason) => {
                self.out.push(4);
                self.text(&crate::json::word(reason));
            }
            Value::Error(error) => {
                self.out.push(5);
                self.text(&crate::json::word(error));
            }
        }
    }

    fn evidence(&mut self, document: &Evidence) {
        let Evidence {
            file_name,
            sha256,
            size,
            media_type,
            document_number,
            document_date,
            summary,
            uri,
        } = document;
        self.text(file_name);
        self.text(sha256);
        self.number(*size);
        self.text(media_type);
        self.option(document_number.as_ref(), |w, n| w.text(n));
        self.option(document_date.as_ref(), |w, d| w.date(*d));
        self.option(summary.as_ref(), |w, s| w.text(s));
        self.option(uri.as_ref(), |w, u| w.text(u));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(json: &str) -> Submission {
        serde_json::from_str(json).unwrap()
    }

    fn bytes(s: &Submission) -> Vec<u8> {
        let mut out = Vec::new();
        submission(s.into(), &mut out);
        out
    }

    const BASE: &str = r#"{"unit": "DN", "item": "B01", "period": "2026-05",
        "value": {"number": "87.5"}, "source": {"kind": "form"},
        "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#;

    #[test]
    fn a_small_submission_is_written_field_by_field() {
        let mut expected = Vec::new();
        let text = |out: &mut Vec<u8>, t: &str| {
            out.extend_from_slice(&u32::try_from(t.len()).unwrap().to_be_bytes());
            out.extend_from_slice(t.as_bytes());
        };
        text(&mut expected, "chiso.submission.1");
        text(&mut expected, "DN");
        text(&mut expected, "B01");
        text(&mut expected, "2026-05");
        // 87.5 is 875 at scale 1, positive.
        expected.extend_from_slice(&[1, 0, 1]);
        expected.extend_from_slice(&875u128.to_be_bytes());
        expected.extend_from_slice(&[0, 0, 0, 1]); // no measure, no flags, a form
        expected.extend_from_slice(&[0, 0, 0, 0]); // no evidence
        text(&mut expected, "can_bo_1");
        text(&mut expected, "2026-06-02T09:00:00");
        expected.extend_from_slice(&[0, 0]); // no comment, corrects nothing
        assert_eq!(bytes(&row(BASE)), expected);
    }

    #[test]
    fn times_are_written_as_json_writes_them() {
        for time in [
            "2026-06-02T09:00:00",
            "2026-06-02T09:00:00.250",
            "2026-06-02T09:00:00.000001",
        ] {
            let t: chrono::NaiveDateTime = time.parse().unwrap();
            assert_eq!(
                format!("{t:?}"),
                serde_json::to_value(t).unwrap().as_str().unwrap()
            );
        }
        let d: chrono::NaiveDate = "2026-01-31".parse().unwrap();
        assert_eq!(format!("{d:?}"), "2026-01-31");
    }

    proptest::proptest! {
        /// The digit-by-digit form of a time is its `Debug` form wherever it is used, and
        /// absent where it would differ (years beyond four digits, fractions, leap seconds).
        #[test]
        fn whole_seconds_are_written_as_debug_writes_them(
            days in -800_000i64..4_000_000,
            seconds in 0u32..86_400,
            nanos in proptest::prop_oneof![proptest::strategy::Just(0u32), 0u32..2_000_000_000],
        ) {
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(days).unwrap(),
            );
            let time = chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds, nanos);
            if let (Some(date), Some(time)) = (date, time) {
                let t = chrono::NaiveDateTime::new(date, time);
                let debug = format!("{t:?}");
                match whole_seconds(&t) {
                    Some(digits) => proptest::prop_assert_eq!(&digits[..], debug.as_bytes()),
                    None => proptest::prop_assert!(
                        nanos != 0 || !(0..=9999).contains(&chrono::Datelike::year(&date)),
                        "{debug}"
                    ),
                }
            }
        }
    }

    #[test]
    fn every_difference_json_sees_changes_the_bytes() {
        let base = bytes(&row(BASE));
        for changed in [
            BASE.replace("87.5", "87.50"),
            BASE.replace("87.5", "-87.5"),
            BASE.replace(r#""DN""#, r#""DNa""#),
            BASE.replace(r#"{"kind": "form"}"#, r#"{"kind": "system", "system": ""}"#),
            BASE.replace("2026-05", "2026-06"),
            BASE.replace(r#""submitted_by""#, r#""comment": "", "submitted_by""#),
            BASE.replace(r#""submitted_by""#, r#""measure": "", "submitted_by""#),
            BASE.replace(
                r#""submitted_by""#,
                r#""flags": {"provisional": true}, "submitted_by""#,
            ),
            BASE.replace(r#""submitted_by""#, r#""corrects": 0, "submitted_by""#),
            BASE.replace(r#"{"number": "87.5"}"#, r#"{"missing": "no_data"}"#),
            BASE.replace(r#"{"number": "87.5"}"#, r#"{"text": "87.5"}"#),
        ] {
            assert_ne!(bytes(&row(&changed)), base, "{changed}");
        }
        // A comment and a measure of the same text are told apart by their place.
        let comment = bytes(&row(
            &BASE.replace(r#""submitted_by""#, r#""comment": "x", "submitted_by""#)
        ));
        let measure = bytes(&row(
            &BASE.replace(r#""submitted_by""#, r#""measure": "x", "submitted_by""#)
        ));
        assert_ne!(comment, measure);
    }

    #[test]
    fn decomposed_text_is_flagged() {
        let mut out = Vec::new();
        assert!(submission(
            (&row(&BASE.replace("can_bo_1", "cán bộ"))).into(),
            &mut out
        ));
        // "á" as "a" and a combining acute accent.
        assert!(!submission(
            (&row(&BASE.replace("can_bo_1", "ca\u{301}n bộ"))).into(),
            &mut out
        ));
    }
}
