//! The ledger as JSON Lines: one entry per line, the exchange format between systems.

use super::{Entry, Ledger};
use crate::{Error, InputKind, json};

impl Entry {
    /// Reads one line of a JSON Lines ledger, exactly as written (see
    /// [`Ledger::from_jsonl`]); a problem is [`Error::InvalidInput`] with its path. A store
    /// reads what other writers appended with it, a line at a time.
    ///
    /// ```
    /// use chiso::ledger::{Action, Entry, Ledger};
    /// let mut ledger = Ledger::default();
    /// let at = "2026-06-03T10:00:00".parse().unwrap();
    /// let explanation = serde_json::from_str(r#"{"unit": "DN", "indicator": "C01",
    ///     "period": "2026-Q2", "causes": "…", "bottlenecks": ["data"], "solutions": "…",
    ///     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#).unwrap();
    /// let entry = ledger.append_at(Action::Explain { explanation }, at).unwrap().clone();
    /// assert_eq!(Entry::from_json_line(&chiso::to_json(&entry)).unwrap(), entry);
    /// ```
    pub fn from_json_line(line: &str) -> Result<Entry, Error> {
        json::from_str_exact::<Entry>(line).map_err(|finding| Error::InvalidInput {
            what: InputKind::Ledger,
            findings: vec![finding],
        })
    }
}

/// How many unreadable lines [`Ledger::from_jsonl`] reports before it stops reading.
pub const MAX_LINE_FINDINGS: usize = 100;

impl Ledger {
    /// The ledger as JSON Lines (compact JSON, one entry per line, a final newline).
    pub fn to_jsonl(&self) -> String {
        self.entries()
            .iter()
            .map(|e| json::to_json(e) + "\n")
            .collect()
    }

    /// Reads JSON Lines and trusts them only if the chain holds and, with `head`, passes
    /// through that head published earlier: the read every front door offers. A broken chain
    /// is [`Error::Tampered`] naming the first entry found wrong (a missing head:
    /// [`Tamper::Truncated`](super::Tamper::Truncated)).
    ///
    /// ```
    /// use chiso::ledger::Ledger;
    /// let text = "{\"sequence\":1,\"previous\":\"00\",\"action\":{\"kind\":\"approve\",\"revision\":1,\"by\":\"x\",\"at\":\"2026-01-01T00:00:00\"},\"hash\":\"ab\"}\n";
    /// let err = Ledger::from_jsonl_verified(text, None).unwrap_err();
    /// assert_eq!(err.code(), "ledger.tampered");
    /// assert!(Ledger::from_jsonl_verified("", None).is_ok());
    /// ```
    pub fn from_jsonl_verified(text: &str, head: Option<&str>) -> Result<Ledger, Error> {
        let ledger = Ledger::from_jsonl(text)?;
        match ledger.verify(head).first_problem {
            None => Ok(ledger),
            Some(broken) => Err(Error::Tampered {
                position: broken.position,
                kind: broken.kind,
            }),
        }
    }

    /// Reads JSON Lines. Every line that cannot be read is reported (up to
    /// [`MAX_LINE_FINDINGS`]), with its line number in the path (`/3` for the third line), and
    /// nothing is returned; blank lines are skipped. Each line is bounded as any JSON document
    /// is ([`MAX_STRING_BYTES`](crate::MAX_STRING_BYTES), ...). The entries are taken exactly as
    /// written, not even normalised to NFC, since their hashes cover every byte:
    /// [`verify`](Ledger::verify) says whether to trust them.
    pub fn from_jsonl(text: &str) -> Result<Ledger, Error> {
        let mut entries = Vec::new();
        let mut findings = Vec::new();
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            match json::from_str_exact::<Entry>(line) {
                Ok(entry) => entries.push(entry),
                Err(mut finding) => {
                    finding.path = format!("/{}{}", number + 1, finding.path);
                    findings.push(finding);
                    if findings.len() == MAX_LINE_FINDINGS {
                        break; // a file of garbage says so in a hundred findings, not a million
                    }
                }
            }
        }
        if findings.is_empty() {
            Ok(Ledger::from_entries(entries))
        } else {
            Err(Error::InvalidInput {
                what: InputKind::Ledger,
                findings,
            })
        }
    }
}
