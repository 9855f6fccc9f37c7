//! The ledger itself: append-only, hash-chained, verifiable.

use std::collections::HashMap;

use chrono::{NaiveDateTime, Timelike};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::assigning::Assigned;
use super::entry::GENESIS;
use super::{Action, Entry, Place, Publication, Submission, SubmissionRef};
use super::{LedgerProblem, Tamper};
use crate::period::Period;
use crate::{Error, Finding, InputProblem};

/// The append-only record of every submission and every decision on one.
///
/// ```
/// use chiso::ledger::{Action, Ledger};
/// let mut ledger = Ledger::default();
/// let submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
///     "value": {"number": "87.5"}, "source": {"kind": "form"},
///     "submitted_by": "can_bo_1", "submitted_at": "2026-06-02T09:00:00"}"#).unwrap();
/// let first = ledger.append(Action::Submit { submission }).unwrap().sequence;
/// let at = "2026-06-03T10:00:00".parse().unwrap();
/// ledger.append(Action::Approve { revision: first, by: "lanh_dao".into(), at }).unwrap();
/// assert!(ledger.verify(None).valid);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    entries: Vec<Entry>,
    /// The decision on each decided revision, kept as entries are added so that checking a
    /// new decision does not scan the whole ledger.
    decisions: HashMap<u64, RevisionStatus>,
    /// The assignments made and withdrawn, kept likewise.
    pub(super) assigned: Assigned,
}

/// Where a submitted revision stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RevisionStatus {
    /// Waiting for a decision.
    Submitted,
    /// Accepted by a superior unit.
    Approved,
    /// Sent back with a reason; a corrected value is a new revision.
    Returned,
}

impl RevisionStatus {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            RevisionStatus::Submitted => {
                Text::new("Đã gửi, chờ duyệt", "Submitted, awaiting approval")
            }
            RevisionStatus::Approved => Text::new("Đã duyệt", "Approved"),
            RevisionStatus::Returned => Text::new("Bị trả lại", "Returned"),
        }
    }
}

impl RevisionStatus {
    /// The status as written in JSON (`submitted`, `approved`, `returned`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Ledger {
    /// The entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The hash of the last entry ([`GENESIS`](super::GENESIS) when empty): publishing it lets
    /// anyone later detect a rewritten or truncated ledger.
    pub fn head(&self) -> &str {
        self.entries.last().map_or(GENESIS, |e| e.hash.as_str())
    }

    /// Appends `action` as the next entry, after checking it: a submission's evidence hashes
    /// must be well formed; a decision must name a `submit` entry still waiting for one and
    /// not predate it; every text must be within the bounds every reader applies. The entry
    /// is unstamped (format 1): its times are the client's claims. On error the ledger is
    /// unchanged.
    pub fn append(&mut self, action: Action) -> Result<&Entry, Error> {
        let entry = self.prepare(action, None)?;
        Ok(self.accept_prepared(entry))
    }

    /// Appends `action` as [`append`](Self::append) does, stamped by a store whose clock
    /// reads `now` (format 2): the entry's `recorded_at` is `now` to the second, or the
    /// previous entry's when the clock stepped back, so recorded times never decrease. A time
    /// the action claims may not be later than `now` (`ledger.time_ahead`).
    ///
    /// ```
    /// use chiso::ledger::{Action, Ledger};
    /// let mut ledger = Ledger::default();
    /// let submission = serde_json::from_str(r#"{"unit": "DN", "item": "B01", "period": "2026-05",
    ///     "value": {"number": "87.5"}, "source": {"kind": "form"},
    ///     "submitted_by": "can_bo_1", "submitted_at": "2026-06-01T09:00:00"}"#)?;
    /// let now = "2026-06-10T15:00:00".parse()?;
    /// let entry = ledger.append_at(Action::Submit { submission }, now)?;
    /// assert_eq!(entry.recorded_at, Some(now)); // lateness is judged from here, not the claim
    /// let early = "2026-06-09T08:00:00".parse()?; // before the store received it
    /// let refused = ledger.append_at(Action::Approve { revision: 1, by: "lanh_dao".into(), at: early }, now);
    /// assert_eq!(refused.unwrap_err().findings()[0].code, "ledger.decision_before_submission");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn append_at(&mut self, action: Action, now: NaiveDateTime) -> Result<&Entry, Error> {
        let entry = self.prepare(action, Some(now))?;
        Ok(self.accept_prepared(entry))
    }

    /// The entry `action` would become as the next one, after every check of
    /// [`append`](Self::append) (and, with `now`, of [`append_at`](Self::append_at)); the
    /// ledger is unchanged. A store writes the entry durably, then [`accept`](Self::accept)s it.
    pub fn prepare(&self, action: Action, now: Option<NaiveDateTime>) -> Result<Entry, Error> {
        let recorded_at = now.map(|now| {
            let now = now.with_nanosecond(0).unwrap_or(now);
            self.last_recorded().map_or(now, |last| last.max(now))
        });
        let mut findings = self.check(&action, recorded_at);
        if !findings.is_empty() {
            return Err(Error::InvalidEntry { findings });
        }
        let entry = Entry::stamped(self.next_sequence(), self.head(), recorded_at, action);
        // Bounded by the very limits every reader applies, once written as it will be read;
        // only a refused entry is walked again, to name each text too long by its path.
        match crate::json::within_bounds(&crate::json::to_json(&entry)) {
            Ok(()) => Ok(entry),
            Err(finding) => {
                findings = crate::json::long_strings(&entry.action, "/action");
                if findings.is_empty() {
                    findings.push(finding);
                }
                Err(Error::InvalidEntry { findings })
            }
        }
    }

    /// Adds `entry`, written elsewhere (a store) after [`prepare`](Self::prepare) on this
    /// ledger or read back from it: it must be the next entry, chained to the head, with its
    /// own hash. On error the ledger is unchanged.
    pub fn accept(&mut self, entry: Entry) -> Result<(), Error> {
        let position = self.next_sequence();
        let kind = if entry.sequence != position {
            Some(if entry.sequence < position {
                Tamper::Inserted
            } else {
                Tamper::Removed
            })
        } else if entry.previous != self.head() || entry.expected_hash() != entry.hash {
            Some(Tamper::Edited)
        } else if self.out_of_time(&entry) {
            Some(Tamper::Backdated)
        } else {
            None
        };
        if let Some(kind) = kind {
            return Err(Error::Tampered {
                position: entry.sequence.min(position),
                kind,
            });
        }
        self.accept_prepared(entry);
        Ok(())
    }

    /// Whether `entry`, as the next one, breaks the order of recorded times: earlier than the
    /// last recorded time, or unstamped after the store began stamping.
    fn out_of_time(&self, entry: &Entry) -> bool {
        self.last_recorded()
            .is_some_and(|last| entry.recorded_at.is_none_or(|at| at < last))
    }

    /// The last entry's recorded time, if it was stamped.
    pub fn last_recorded(&self) -> Option<NaiveDateTime> {
        self.entries.last().and_then(|e| e.recorded_at)
    }

    pub(super) fn accept_prepared(&mut self, entry: Entry) -> &Entry {
        record(&mut self.decisions, &entry);
        self.assigned.record(&entry);
        self.entries.push(entry);
        &self.entries[self.entries.len() - 1] // just pushed
    }

    /// Appends an action already checked; returns its sequence number.
    pub(super) fn push(&mut self, action: Action) -> u64 {
        let sequence = self.next_sequence();
        let entry = Entry::new(sequence, self.head(), action);
        self.accept_prepared(entry);
        sequence
    }

    /// The sequence number the next entry takes: one past the last one the ledger holds (a
    /// batch entry holds one per row, two when approved).
    pub fn next_sequence(&self) -> u64 {
        self.entries.last().map_or(1, |e| e.sequence + e.span())
    }

    /// The entry holding sequence number `sequence`, and how far into it `sequence` is (0
    /// but for a batch's rows).
    pub(crate) fn locate(&self, sequence: u64) -> Option<(&Entry, u64)> {
        // The entries' numbers rise; without batches the entry is at `sequence - 1`.
        let guess = usize::try_from(sequence.checked_sub(1)?).ok()?;
        if let Some(entry) = self.entries.get(guess)
            && entry.sequence == sequence
        {
            return Some((entry, 0));
        }
        let after = self.entries.partition_point(|e| e.sequence <= sequence);
        let entry = self.entries.get(after.checked_sub(1)?)?;
        let offset = sequence - entry.sequence;
        (offset < entry.span()).then_some((entry, offset))
    }

    /// The entry holding sequence number `sequence` (a batch holds several).
    pub fn entry_holding(&self, sequence: u64) -> Option<&Entry> {
        self.locate(sequence).map(|(entry, _)| entry)
    }

    /// The submission recorded as revision `sequence` (a `submit` entry or a batch's row),
    /// and when the ledger received it.
    pub(crate) fn submission_at(
        &self,
        sequence: u64,
    ) -> Option<(SubmissionRef<'_>, NaiveDateTime)> {
        match self.locate(sequence)? {
            (
                entry @ Entry {
                    action: Action::Submit { submission },
                    ..
                },
                _,
            ) => Some((submission.into(), entry.effective_at())),
            (
                Entry {
                    action: Action::Import { batch },
                    recorded_at,
                    ..
                },
                offset,
            ) => match batch.place(offset)? {
                Place::Row(row) => {
                    let row = batch.rows.get(row)?;
                    Some((row, recorded_at.unwrap_or(row.submitted_at())))
                }
                Place::Approval(_) => None,
            },
            _ => None,
        }
    }

    /// Every submission with its revision number and when the ledger received it, in order:
    /// `submit` entries and batches' rows.
    pub(crate) fn submissions(
        &self,
    ) -> impl Iterator<Item = (u64, SubmissionRef<'_>, NaiveDateTime)> {
        self.entries.iter().flat_map(|e| {
            let (one, rows) = match &e.action {
                Action::Submit { submission } => (
                    Some((e.sequence, submission.into(), e.effective_at())),
                    None,
                ),
                Action::Import { batch } => (
                    None,
                    Some(batch.rows.iter().enumerate().map(move |(i, row)| {
                        let at = e.recorded_at.unwrap_or(row.submitted_at());
                        (batch.sequence_of(e.sequence, i), row, at)
                    })),
                ),
                _ => (None, None),
            };
            one.into_iter().chain(rows.into_iter().flatten())
        })
    }

    /// Every decision with the revision it decides and when it took effect, in order:
    /// `approve` and `return` entries and batches' approvals.
    pub(crate) fn decisions_made(
        &self,
    ) -> impl Iterator<Item = (u64, RevisionStatus, NaiveDateTime)> {
        self.entries.iter().flat_map(|e| {
            let (one, rows) = match &e.action {
                Action::Approve { revision, .. } => (
                    Some((*revision, RevisionStatus::Approved, e.effective_at())),
                    None,
                ),
                Action::Return { revision, .. } => (
                    Some((*revision, RevisionStatus::Returned, e.effective_at())),
                    None,
                ),
                Action::Import { batch } => (
                    None,
                    batch.approved_at(e.recorded_at).map(|at| {
                        (0..batch.rows.len()).map(move |i| {
                            (
                                batch.sequence_of(e.sequence, i),
                                RevisionStatus::Approved,
                                at,
                            )
                        })
                    }),
                ),
                _ => (None, None),
            };
            one.into_iter().chain(rows.into_iter().flatten())
        })
    }

    /// The status of the revision recorded at `sequence`, if it is a submission (a `submit`
    /// entry or a batch's row).
    pub fn status(&self, sequence: u64) -> Option<RevisionStatus> {
        let (entry, offset) = self.locate(sequence)?;
        let decided = || self.decisions.get(&sequence).copied();
        match &entry.action {
            Action::Submit { .. } => Some(decided().unwrap_or(RevisionStatus::Submitted)),
            Action::Import { batch } => match batch.place(offset)? {
                Place::Row(_) if batch.approval.is_some() => Some(RevisionStatus::Approved),
                Place::Row(_) => Some(decided().unwrap_or(RevisionStatus::Submitted)),
                Place::Approval(_) => None,
            },
            _ => None,
        }
    }

    /// The workflow's and the clock's findings on `action` as the next entry (recorded at
    /// `now` when a store stamps it).
    fn check(&self, action: &Action, now: Option<NaiveDateTime>) -> Vec<Finding> {
        let mut findings = match action {
            Action::Submit { submission } => {
                let mut found = submission_findings(submission.into(), "/action/submission");
                found.extend(self.closed_findings(submission));
                found
            }
            Action::Publish { publication } => self.publication_findings(publication),
            Action::Import { .. } => {
                vec![Finding::new(&LedgerProblem::LedgerBatchAppended, "/action")]
            }
            Action::Explain { .. } => Vec::new(),
            Action::Assign { assignment, .. } => Ledger::assign_findings(assignment),
            Action::Withdraw { assignment, to, .. } => self.withdraw_findings(*assignment, *to),
            Action::Approve { revision, at, .. } | Action::Return { revision, at, .. } => {
                match self.status(*revision) {
                    None => vec![Finding::new(
                        &LedgerProblem::LedgerUnknownRevision {
                            revision: *revision,
                        },
                        "/action/revision",
                    )],
                    Some(RevisionStatus::Submitted) => self.decision_time_findings(*revision, *at),
                    Some(status) => {
                        let problem = LedgerProblem::LedgerAlreadyDecided {
                            revision: *revision,
                            status: crate::json::word(&status),
                        };
                        vec![Finding::new(&problem, "/action/revision")]
                    }
                }
            }
        };
        let claimed = action.claimed_at();
        if let Some(now) = now
            && claimed > now
        {
            let field = match action {
                Action::Submit { .. } => "/action/submission/submitted_at",
                Action::Import { .. } => "/action/batch",
                Action::Explain { .. } => "/action/explanation/submitted_at",
                Action::Publish { .. } => "/action/publication/at",
                Action::Approve { .. }
                | Action::Return { .. }
                | Action::Assign { .. }
                | Action::Withdraw { .. } => "/action/at",
            };
            let problem = LedgerProblem::LedgerTimeAhead {
                claimed: claimed.to_string(),
                now: now.to_string(),
            };
            findings.push(Finding::new(&problem, field));
        }
        findings
    }

    /// Every publication, oldest first, with its sequence number.
    pub fn publications(&self) -> impl Iterator<Item = (u64, &Publication, NaiveDateTime)> {
        self.entries.iter().filter_map(|e| match &e.action {
            Action::Publish { publication } => Some((e.sequence, publication, e.effective_at())),
            _ => None,
        })
    }

    /// The publication in force for `period` as the ledger stood at `as_of` (the latest one;
    /// all of them without `as_of`).
    ///
    /// ```
    /// let ledger = chiso::ledger::Ledger::default();
    /// assert!(ledger.publication_of("2026-Q2".parse()?, None).is_none());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn publication_of(
        &self,
        period: Period,
        as_of: Option<NaiveDateTime>,
    ) -> Option<(u64, &Publication)> {
        self.publications()
            .filter(|(_, p, at)| p.period == period && as_of.is_none_or(|limit| *at <= limit))
            .map(|(sequence, p, _)| (sequence, p))
            .last()
    }

    /// A publication's findings: its hash must be its rankings', it must follow the ledger it
    /// was computed on, and a period already published is republished only by naming the
    /// publication in force.
    fn publication_findings(&self, publication: &Publication) -> Vec<Finding> {
        let mut out = Vec::new();
        if publication.ranking_hash != Publication::hash(&publication.rankings) {
            out.push(Finding::new(
                &LedgerProblem::LedgerPublicationHash,
                "/action/publication/ranking_hash",
            ));
        }
        if publication.ledger_head != self.head() {
            let problem = LedgerProblem::LedgerPublicationStale {
                computed: publication.ledger_head.clone(),
                head: self.head().to_owned(),
            };
            out.push(Finding::new(&problem, "/action/publication/ledger_head"));
        }
        let in_force = self
            .publication_of(publication.period, None)
            .map(|(s, _)| s);
        match (in_force, publication.replaces) {
            (Some(current), Some(named)) if named == current => {}
            (Some(current), None) => {
                let problem = LedgerProblem::LedgerAlreadyPublished {
                    period: publication.period.to_string(),
                    publication: current,
                };
                out.push(Finding::new(&problem, "/action/publication/replaces"));
            }
            (_, Some(named)) => {
                let problem = LedgerProblem::LedgerNotAPublication { sequence: named };
                out.push(Finding::new(&problem, "/action/publication/replaces"));
            }
            (None, None) => {}
        }
        out
    }

    /// A submission for a published period (or one within it) must name a publication of it
    /// that it corrects.
    fn closed_findings(&self, submission: &Submission) -> Vec<Finding> {
        let closing = self
            .publications()
            .filter(|(_, p, _)| {
                p.period == submission.period || p.period.contains(&submission.period)
            })
            .map(|(sequence, p, _)| (sequence, p.period))
            .collect::<Vec<_>>();
        let Some(&(latest, _)) = closing.last() else {
            return Vec::new();
        };
        match submission.corrects {
            Some(named) if closing.iter().any(|(s, _)| *s == named) => Vec::new(),
            Some(named) => vec![Finding::new(
                &LedgerProblem::LedgerNotAPublication { sequence: named },
                "/action/submission/corrects",
            )],
            None => vec![Finding::new(
                &LedgerProblem::LedgerPeriodClosed {
                    period: submission.period.to_string(),
                    publication: latest,
                },
                "/action/submission/corrects",
            )],
        }
    }

    /// A decision at `at` on the submission `revision` may not predate its receipt (the
    /// store's time where it was stamped, the submission's own claim otherwise).
    fn decision_time_findings(&self, revision: u64, at: NaiveDateTime) -> Vec<Finding> {
        let received = self.submission_at(revision).map(|(_, at)| at);
        match received {
            Some(received) if at < received => {
                let problem = LedgerProblem::LedgerDecisionBeforeSubmission {
                    revision,
                    at: at.to_string(),
                    received: received.to_string(),
                };
                vec![Finding::new(&problem, "/action/at")]
            }
            _ => Vec::new(),
        }
    }

    /// Checks the whole chain: every entry's place, link to the one before and own hash; with
    /// `head`, also that the ledger ends at that published hash (catching a truncated or fully
    /// rewritten ledger). Names the first entry found wrong and how.
    pub fn verify(&self, head: Option<&str>) -> Verification {
        let mut previous = GENESIS.to_owned();
        let mut seen = std::collections::BTreeSet::new();
        let mut last_recorded: Option<NaiveDateTime> = None;
        let mut position = 1;
        for (index, entry) in self.entries.iter().enumerate() {
            let tamper = if entry.sequence != position {
                Some(if seen.contains(&entry.sequence) {
                    Tamper::Inserted
                } else if entry.sequence > position
                    && !self.entries[index + 1..]
                        .iter()
                        .any(|e| e.sequence == position)
                {
                    Tamper::Removed
                } else {
                    Tamper::Reordered
                })
            } else if entry.expected_hash() != entry.hash {
                Some(Tamper::Edited)
            } else if last_recorded.is_some_and(|last| entry.recorded_at.is_none_or(|at| at < last))
            {
                Some(Tamper::Backdated)
            } else if entry.previous != previous {
                // This entry is intact, and its own hash covers its `previous`: so the entry
                // before it is not the one it was chained to — it was edited and rehashed.
                let position = match index.checked_sub(1) {
                    Some(before) => self.entries[before].sequence,
                    None => position,
                };
                return Verification::broken(self.entries.len(), position, Tamper::Edited);
            } else {
                None
            };
            if let Some(kind) = tamper {
                return Verification::broken(self.entries.len(), position, kind);
            }
            seen.insert(entry.sequence);
            position = entry.sequence + entry.span();
            previous.clone_from(&entry.hash);
            last_recorded = entry.recorded_at.or(last_recorded);
        }
        // Entries appended after the published head are normal growth; a head that is nowhere
        // in the chain means entries were cut from the end, or the whole ledger rewritten.
        if let Some(head) = head
            && head != GENESIS
            && !self.entries.iter().any(|e| e.hash == head)
        {
            return Verification::broken(self.entries.len(), position, Tamper::Truncated);
        }
        Verification {
            valid: true,
            entries: self.entries.len(),
            head: previous,
            first_problem: None,
        }
    }

    /// A ledger from entries read elsewhere (JSON Lines), as they are: call
    /// [`verify`](Self::verify) before trusting it.
    pub fn from_entries(entries: Vec<Entry>) -> Ledger {
        let mut decisions = HashMap::new();
        let mut assigned = Assigned::default();
        for entry in &entries {
            record(&mut decisions, entry);
            assigned.record(entry);
        }
        Ledger {
            entries,
            decisions,
            assigned,
        }
    }
}

/// Notes the decision an entry records, the first one for a revision winning.
fn record(decisions: &mut HashMap<u64, RevisionStatus>, entry: &Entry) {
    let decision = match &entry.action {
        Action::Approve { revision, .. } => (*revision, RevisionStatus::Approved),
        Action::Return { revision, .. } => (*revision, RevisionStatus::Returned),
        _ => return,
    };
    decisions.entry(decision.0).or_insert(decision.1);
}

/// The malformed evidence hashes of `submission`, at paths under `at`.
pub(super) fn submission_findings(submission: SubmissionRef<'_>, at: &str) -> Vec<Finding> {
    let hashes = submission
        .evidence()
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.has_valid_hash())
        .map(|(i, e)| {
            let problem = LedgerProblem::EvidenceHash {
                value: e.sha256.chars().take(80).collect(),
            };
            Finding::new(&problem, format!("{at}/evidence/{i}/sha256"))
        });
    // A submission read from JSON is bounded already; one built in code (a DataFrame's row)
    // is held to the same bound here, measured as the reader measures it (escapes counted).
    let texts = submission
        .texts()
        .filter_map(|(field, text)| {
            let length = crate::json::escaped_len(text);
            (length > crate::MAX_STRING_BYTES).then_some((field, length))
        })
        .map(|(field, length)| {
            let problem = InputProblem::StringTooLong {
                length,
                limit: crate::MAX_STRING_BYTES,
            };
            Finding::new(&problem, format!("{at}/{field}"))
        });
    hashes.chain(texts).collect()
}

/// The outcome of [`Ledger::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// Whether the whole chain is intact.
    pub valid: bool,
    /// How many entries were read.
    pub entries: usize,
    /// The hash of the last intact entry.
    pub head: String,
    /// The first problem, if any.
    pub first_problem: Option<Broken>,
}

/// Where the chain breaks and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Broken {
    /// The position (from 1) of the first entry found wrong; one past the end for a
    /// truncation.
    pub position: u64,
    /// What was done to it.
    pub kind: Tamper,
}

impl Verification {
    fn broken(entries: usize, position: u64, kind: Tamper) -> Verification {
        Verification {
            valid: false,
            entries,
            head: String::new(),
            first_problem: Some(Broken { position, kind }),
        }
    }
}
