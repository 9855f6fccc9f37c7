//! A filing ("hồ sơ báo cáo"): what a unit sends from its reporting form at once, its values
//! with their evidence and the explanations of its off-track indicators, appended to the
//! ledger all together or not at all.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Action, Explanation, Ledger, Rules, Submission};
use crate::{Error, Finding, InputKind, InputProblem};

/// The most submissions and explanations one filing may carry together: a unit's whole form is
/// a few hundred items (the national catalogue has 250 indicators), so a filing beyond this is
/// not a form and is refused (`input.too_many`) before anything is checked or appended. Bulk
/// loads go through [`Ledger::import`](super::Ledger::import).
pub const MAX_FILING_ENTRIES: usize = 10_000;

/// The submissions and explanations a form sends together.
///
/// ```
/// use chiso::ledger::Filing;
/// let filing = Filing::from_json(r#"{"submissions": [], "explanations": []}"#)?;
/// assert!(filing.submissions.is_empty());
/// assert_eq!(Filing::from_json(r#"{"submission": []}"#).unwrap_err().findings()[0].code, "json.unknown_field");
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    /// The values, one per item.
    #[serde(default)]
    pub submissions: Vec<Submission>,
    /// The explanations.
    #[serde(default)]
    pub explanations: Vec<Explanation>,
}

impl Filing {
    /// Reads a filing from JSON; a problem is [`Error::InvalidInput`] with its path, and so
    /// is a filing of more than [`MAX_FILING_ENTRIES`] entries.
    pub fn from_json(text: &str) -> Result<Filing, Error> {
        let filing: Filing =
            crate::json::from_str(text).map_err(|finding| Error::InvalidInput {
                what: InputKind::Filing,
                findings: vec![finding],
            })?;
        filing.bounded()?;
        Ok(filing)
    }

    /// The filing, if it has at most [`MAX_FILING_ENTRIES`] entries.
    fn bounded(&self) -> Result<(), Error> {
        let count = self.submissions.len() + self.explanations.len();
        if count <= MAX_FILING_ENTRIES {
            return Ok(());
        }
        let problem = InputProblem::TooMany {
            what: ("mục trong một hồ sơ báo cáo", "entries in one filing"),
            count,
            limit: MAX_FILING_ENTRIES,
        };
        Err(Error::InvalidInput {
            what: InputKind::Filing,
            findings: vec![Finding::new(&problem, "")],
        })
    }

    /// The filing as compact JSON.
    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }

    /// The ledger actions, submissions first, each with its place in the filing as a JSON
    /// Pointer.
    fn actions(&self) -> impl Iterator<Item = (String, Action)> + '_ {
        let submissions = self.submissions.iter().enumerate().map(|(i, s)| {
            (
                format!("/submissions/{i}"),
                Action::Submit {
                    submission: s.clone(),
                },
            )
        });
        let explanations = self.explanations.iter().enumerate().map(|(i, e)| {
            (
                format!("/explanations/{i}"),
                Action::Explain {
                    explanation: e.clone(),
                },
            )
        });
        submissions.chain(explanations)
    }
}

impl Filing {
    /// Appends every action of the filing for `actor` under `rules`, all or none (see
    /// [`Reporting::file`](crate::Reporting::file)), and returns their sequence numbers.
    pub fn append_to(
        &self,
        rules: &Rules<'_>,
        ledger: &mut Ledger,
        actor: &str,
    ) -> Result<Vec<u64>, Error> {
        self.bounded()?;
        let mut scratch = ledger.clone();
        let mut sequences = Vec::with_capacity(self.submissions.len() + self.explanations.len());
        for (place, action) in self.actions() {
            let entry = rules
                .append(&mut scratch, actor, action)
                .map_err(|e| at_place(e, &place))?;
            sequences.push(entry.sequence);
        }
        *ledger = scratch;
        Ok(sequences)
    }

    /// The same filing signed by `person`: each submission and explanation names them.
    #[must_use]
    pub fn signed_by(&self, person: &str) -> Filing {
        let mut copy = self.clone();
        for s in &mut copy.submissions {
            person.clone_into(&mut s.submitted_by);
        }
        for e in &mut copy.explanations {
            person.clone_into(&mut e.submitted_by);
        }
        copy
    }
}

/// An append error with its paths moved from the single action (`/action/submission/…`) to
/// the action's place in the filing.
fn at_place(error: Error, place: &str) -> Error {
    match error {
        Error::InvalidEntry { mut findings } => {
            for f in &mut findings {
                let rest = ["/action/submission", "/action/explanation", "/action"]
                    .iter()
                    .find_map(|prefix| f.path.strip_prefix(prefix));
                f.path = format!("{place}{}", rest.unwrap_or(&f.path));
            }
            Error::InvalidEntry { findings }
        }
        other => other,
    }
}
