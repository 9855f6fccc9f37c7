//! The ledger as JSON Lines: one entry per line, the exchange format between systems.

use super::{Entry, Ledger};
use crate::{Error, InputKind, json};

impl Ledger {
    /// The ledger as JSON Lines (compact JSON, one entry per line, a final newline).
    pub fn to_jsonl(&self) -> String {
        self.entries()
            .iter()
            .map(|e| json::to_json(e) + "\n")
            .collect()
    }

    /// Reads JSON Lines. Every line that cannot be read is reported, with its line number in
    /// the path (`/3` for the third line), and nothing is returned; blank lines are skipped.
    /// The entries are taken as they are: [`verify`](Ledger::verify) says whether to trust them.
    pub fn from_jsonl(text: &str) -> Result<Ledger, Error> {
        let mut entries = Vec::new();
        let mut findings = Vec::new();
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            match json::from_str::<Entry>(line) {
                Ok(entry) => entries.push(entry),
                Err(mut finding) => {
                    finding.path = format!("/{}{}", number + 1, finding.path);
                    findings.push(finding);
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
