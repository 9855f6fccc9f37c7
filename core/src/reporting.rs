//! A reporting set-up owned in one value: the catalogue, the organisation tree, the
//! assignments and the reporting calendar. What the bindings and long-running portals keep,
//! so that appending, access checks and quality reports all read the same facts.

use chrono::NaiveDateTime;

use crate::catalogue::Catalogue;
use crate::evaluation::{Evaluation, Scheme};
use crate::form::{Form, PREVIEW_APPROVER, Preview};
use crate::ledger::{Action, Entry, Filing, Ledger, Rules};
use crate::org::{Assignment, Expanded, OrgTree, Refusal, Request, Setup, assignments_from_json};
use crate::period::{Period, ReportingCalendar};
use crate::quality::{Facts, LedgerIndex, Quality, QualityReport, item_facts};
use crate::{Error, Id};

/// Everything a reporting round is checked against.
///
/// ```
/// use chiso::{Catalogue, Reporting};
/// let reporting = Reporting::from_json(
///     Catalogue::nq57(),
///     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
///                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#,
///     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
///     None,
/// )?;
/// let read = serde_json::from_str(r#"{"action": "read", "unit": "DN"}"#).unwrap();
/// assert!(reporting.check_policy("BCD", &read).is_ok());
/// assert!(reporting.check_policy("DN", &serde_json::from_str(r#"{"action": "read", "unit": "BCD"}"#).unwrap()).is_err());
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Reporting {
    catalogue: Catalogue,
    tree: OrgTree,
    calendar: ReportingCalendar,
    /// The assignments as given, with each computed indicator's inputs, and the catalogue
    /// facts the quality checks read: derived once here, not on every call.
    expanded: Expanded,
    facts: rustc_hash::FxHashMap<String, Facts>,
}

impl Reporting {
    /// A set-up from its parts.
    pub fn new(
        catalogue: Catalogue,
        tree: OrgTree,
        assignments: Vec<Assignment>,
        calendar: ReportingCalendar,
    ) -> Self {
        // An assignment of a code a later version renamed is one of the indicator replacing it.
        let codes = crate::catalogue::CurrentCodes::new(&catalogue);
        let assignments: Vec<Assignment> = assignments
            .into_iter()
            .map(|mut a| {
                if let Some(current) = codes.get(&a.item)
                    && current != a.item
                {
                    a.item = current.to_owned();
                }
                a
            })
            .collect();
        let facts = item_facts(&catalogue);
        let expanded = Expanded::new(&catalogue, assignments);
        Reporting {
            catalogue,
            tree,
            calendar,
            expanded,
            facts,
        }
    }

    /// A set-up from JSON: the organisation chart, the array of assignments and (optionally)
    /// the reporting calendar, the Nghị định 09/2019 practice by default.
    pub fn from_json(
        catalogue: Catalogue,
        org: &str,
        assignments: &str,
        calendar: Option<&str>,
    ) -> Result<Self, Error> {
        let calendar = calendar
            .map(ReportingCalendar::from_json)
            .transpose()?
            .unwrap_or_default();
        let tree = OrgTree::from_json(org)?;
        let assignments = assignments_from_json(assignments)?;
        // Every row checked, every finding reported at once: a self-assignment, one by a
        // sibling or by an unknown unit is refused, not honoured.
        let findings = crate::org::check_assignments(&catalogue, &tree, &assignments);
        if !findings.is_empty() {
            return Err(Error::InvalidInput {
                what: crate::InputKind::Assignments,
                findings,
            });
        }
        Ok(Reporting::new(catalogue, tree, assignments, calendar))
    }

    /// The catalogue.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The organisation tree.
    pub fn tree(&self) -> &OrgTree {
        &self.tree
    }

    /// The assignments as given.
    pub fn assignments(&self) -> &[Assignment] {
        self.expanded.given()
    }

    /// The reporting calendar.
    pub fn calendar(&self) -> &ReportingCalendar {
        &self.calendar
    }

    /// Evaluates `period`: every unit's indicators valued from the revisions approved by
    /// `as_of`, scored, combined and ranked within its peer group under `scheme`, with
    /// progress, data quality and rank stability (see [`evaluation`](crate::evaluation)).
    /// Fails only on a scheme that does not [check](Scheme::check).
    ///
    /// ```
    /// use chiso::evaluation::Scheme;
    /// use chiso::{Catalogue, Reporting, ledger::Ledger};
    /// let reporting = Reporting::from_json(
    ///     Catalogue::nq57(),
    ///     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
    ///                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}],
    ///         "peer_groups": [{"id": "tinh", "name": {"vi": "Tỉnh", "en": "Provinces"}, "members": ["DN"]}]}"#,
    ///     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
    ///     None,
    /// )?;
    /// let evaluation = reporting.evaluate(&Ledger::default(), "2026-Q2".parse()?,
    ///     "2026-07-01T00:00:00".parse().unwrap(), &Scheme::default())?;
    /// // Nothing reported: C01 is missing and, under the default policy, scores 0.
    /// assert_eq!(evaluation.units[0].score.unwrap().to_string(), "0");
    /// assert_eq!(evaluation.rankings[0].rows[0].rank.unwrap().to_string(), "1");
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn evaluate(
        &self,
        ledger: &Ledger,
        period: Period,
        as_of: NaiveDateTime,
        scheme: &Scheme,
    ) -> Result<Evaluation, Error> {
        let columns = crate::columns::LedgerColumns::new(ledger, Some(as_of));
        self.evaluate_columns(ledger, &columns, period, as_of, scheme)
    }

    /// [`evaluate`](Self::evaluate) over the ledger's [columns](crate::columns) already built
    /// as of `as_of` (and [brought up to date](crate::columns::LedgerColumns::catch_up) since):
    /// a portal keeps them and recomputes after every save without reading the ledger again.
    /// Columns built as of another time are refused.
    ///
    /// ```
    /// # use chiso::{Catalogue, Reporting, evaluation::Scheme, ledger::Ledger, columns::LedgerColumns};
    /// # let reporting = Reporting::from_json(Catalogue::nq57(),
    /// #     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"}]}"#,
    /// #     "[]", None)?;
    /// let ledger = Ledger::default();
    /// let as_of = "2026-07-01T00:00:00".parse().unwrap();
    /// let columns = LedgerColumns::new(&ledger, Some(as_of));
    /// let period = "2026-Q2".parse()?;
    /// let evaluation = reporting.evaluate_columns(&ledger, &columns, period, as_of, &Scheme::default())?;
    /// assert_eq!(evaluation, reporting.evaluate(&ledger, period, as_of, &Scheme::default())?);
    /// let other = "2026-08-01T00:00:00".parse().unwrap();
    /// assert!(reporting.evaluate_columns(&ledger, &columns, period, other, &Scheme::default()).is_err());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn evaluate_columns(
        &self,
        ledger: &Ledger,
        columns: &crate::columns::LedgerColumns,
        period: Period,
        as_of: NaiveDateTime,
        scheme: &Scheme,
    ) -> Result<Evaluation, Error> {
        let reporting = self.in_force(ledger);
        crate::evaluation::evaluate(&reporting.setup(), ledger, columns, period, as_of, scheme)
    }

    /// This set-up with the assignments `ledger` made and has not withdrawn added to the
    /// file's: what the evaluation and the quality checks read. Itself, borrowed, when the
    /// ledger assigns nothing.
    pub fn in_force(&self, ledger: &Ledger) -> std::borrow::Cow<'_, Reporting> {
        if !ledger.has_assignments() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut assignments = self.assignments().to_vec();
        assignments.extend(ledger.assignments());
        std::borrow::Cow::Owned(Reporting::new(
            self.catalogue.clone(),
            self.tree.clone(),
            assignments,
            self.calendar.clone(),
        ))
    }

    /// Appends `action` for `actor` under the [`Rules`]; on refusal the ledger is unchanged.
    pub fn append<'l>(
        &self,
        ledger: &'l mut Ledger,
        actor: &str,
        action: Action,
    ) -> Result<&'l Entry, Error> {
        self.rules().append(ledger, actor, action)
    }

    /// The entry `action` would become if `actor` appended it to `ledger` at `now` (a store's
    /// clock), after every check of [`append`](Self::append); for a store's
    /// `append_with`. See [`Rules::prepare`].
    pub fn prepare(
        &self,
        ledger: &Ledger,
        actor: &str,
        action: Action,
        now: Option<chrono::NaiveDateTime>,
    ) -> Result<Entry, Error> {
        self.rules().prepare(ledger, actor, action, now)
    }

    /// Whether `actor` may make `request` ([`Error::Denied`] with the reason if not).
    pub fn check_policy(&self, actor: &str, request: &Request) -> Result<(), Error> {
        self.rules().policy().check(actor, request)
    }

    /// `None` when `actor` may make `request`, else the refusal with its messages (what a
    /// portal shows beside a disabled button).
    pub fn refusal(&self, actor: &str, request: &Request) -> Result<Option<Refusal>, Error> {
        match self.check_policy(actor, request) {
            Ok(()) => Ok(None),
            Err(Error::Denied { reason, .. }) => Ok(Some(Refusal::from(&reason))),
            Err(other) => Err(other),
        }
    }

    /// Appends every action of `filing` for `actor` under the rules, and returns their
    /// sequence numbers. If any is refused, none is appended: an invalid entry's findings name
    /// its place in the filing (`/submissions/2/period`); a policy refusal (`policy.denied`)
    /// says why in both languages.
    ///
    /// ```
    /// use chiso::{Catalogue, Reporting, ledger::{Filing, Ledger}};
    /// let reporting = Reporting::from_json(Catalogue::nq57(),
    ///     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
    ///                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#,
    ///     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
    ///     None)?;
    /// let submission = |period: &str| format!(r#"{{"unit": "DN", "item": "sandbox_van_hanh", "period": "{period}",
    ///     "value": {{"number": "1"}}, "source": {{"kind": "form"}}, "submitted_by": "can_bo_1",
    ///     "submitted_at": "2026-07-02T09:00:00"}}"#);
    /// let mut ledger = Ledger::default();
    /// let good = Filing::from_json(&format!(r#"{{"submissions": [{}]}}"#, submission("2026-Q2")))?;
    /// assert_eq!(reporting.file(&mut ledger, "DN", &good)?, [1]);
    /// let bad = Filing::from_json(&format!(r#"{{"submissions": [{}, {}]}}"#, submission("2026-Q2"), submission("2026-05")))?;
    /// let err = reporting.file(&mut ledger, "DN", &bad).unwrap_err();
    /// assert_eq!(err.path(), Some("/submissions/1/period"));
    /// assert_eq!(ledger.entries().len(), 1); // the first of the bad filing was not kept
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn file(
        &self,
        ledger: &mut Ledger,
        actor: &str,
        filing: &Filing,
    ) -> Result<Vec<u64>, Error> {
        filing.append_to(&self.rules(), ledger, actor)
    }

    /// The form `unit` fills in for `period`: each indicator assigned to it that has a value
    /// of the period's cycle to report (a computed indicator lists the data elements its
    /// formula reads), with the deadline under the reporting calendar.
    ///
    /// ```
    /// use chiso::{Catalogue, Reporting};
    /// let reporting = Reporting::from_json(Catalogue::nq57(),
    ///     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
    ///                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#,
    ///     r#"[{"unit": "DN", "item": "B05", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
    ///     None)?;
    /// let form = reporting.form("DN", "2026-Q3".parse()?)?;
    /// // The default calendar (Nghị định 09/2019): Q3 closes on 14 September, due 5 working days on.
    /// assert_eq!(form.deadline.to_string(), "2026-09-21");
    /// let b05 = &form.indicators[0];
    /// assert_eq!((b05.code.as_str(), b05.measure.vi.as_str()), ("B05", "%"));
    /// let items: Vec<&str> = b05.fields.iter().map(|f| f.item.as_str()).collect();
    /// assert_eq!(items, ["dvc_toan_trinh", "tthc_du_dieu_kien"]);
    /// assert!(reporting.form("XX", "2026-Q3".parse()?).is_err());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn form<'i>(&self, unit: impl Into<Id<'i>>, period: Period) -> Result<Form, Error> {
        let unit = &*unit.into();
        Form::of(&self.setup(), unit, period)
    }

    /// Previews `filing` by `unit` for `period` at `as_of`: files it into a copy of
    /// `ledger` under the rules (so a refused filing fails as [`Reporting::file`] would), checks
    /// the unit's data quality, then approves the filing's submissions in the copy and
    /// evaluates the period under `scheme` (without its sensitivity reruns, which only the
    /// published ranking needs). `ledger` is not changed.
    pub fn preview<'i>(
        &self,
        ledger: &Ledger,
        filing: &Filing,
        unit: impl Into<Id<'i>>,
        period: Period,
        as_of: NaiveDateTime,
        scheme: &Scheme,
    ) -> Result<Preview, Error> {
        let unit = &*unit.into();
        let mut copy = ledger.clone();
        let (actor, signs) = Preview::filer(&self.tree, unit);
        let signed;
        let filing = if signs {
            signed = filing.signed_by(&actor);
            &signed
        } else {
            filing
        };
        let filed = self.file(&mut copy, &actor, filing)?;
        let quality = self.quality(&copy, unit, period, as_of)?;
        for &revision in filed.iter().take(filing.submissions.len()) {
            copy.append(Action::Approve {
                revision,
                by: PREVIEW_APPROVER.to_owned(),
                at: as_of,
            })?;
        }
        let evaluation = self.evaluate(&copy, period, as_of, &Preview::scheme(scheme))?;
        Ok(Preview::of(unit, period, quality, evaluation))
    }

    fn rules(&self) -> Rules<'_> {
        Rules::expanded(&self.catalogue, &self.tree, &self.expanded, &self.facts)
    }

    /// The quality report of `unit` for `period` as of `as_of`.
    pub fn quality<'i>(
        &self,
        ledger: &Ledger,
        unit: impl Into<Id<'i>>,
        period: Period,
        as_of: NaiveDateTime,
    ) -> Result<QualityReport, Error> {
        let unit = &*unit.into();
        self.in_force(ledger)
            .quality_in(&LedgerIndex::new(ledger, as_of), unit, period, as_of)
    }

    /// The quality report of every unit of the tree, in the tree's order, for `period` as of
    /// `as_of`: the ledger is indexed once for all of them (calling [`Reporting::quality`] per
    /// unit indexes it per unit, which a whole country cannot afford).
    ///
    /// ```
    /// use chiso::{Catalogue, Reporting, ledger::Ledger};
    /// let reporting = Reporting::from_json(
    ///     Catalogue::nq57(),
    ///     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
    ///                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}]}"#,
    ///     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
    ///     None,
    /// )?;
    /// let reports = reporting.quality_all(&Ledger::default(), "2026-Q2".parse()?,
    ///     "2026-07-01T00:00:00".parse().unwrap())?;
    /// assert_eq!(reports.len(), 2);
    /// assert_eq!((reports[1].unit.as_str(), reports[1].expected), ("DN", 1)); // C01's one input
    /// assert_eq!(reports[0].expected, 0); // nothing assigned to the committee itself
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn quality_all(
        &self,
        ledger: &Ledger,
        period: Period,
        as_of: NaiveDateTime,
    ) -> Result<Vec<QualityReport>, Error> {
        let index = LedgerIndex::new(ledger, as_of);
        let reporting = self.in_force(ledger);
        self.tree
            .chart()
            .units
            .iter()
            .map(|unit| reporting.quality_in(&index, &unit.id, period, as_of))
            .collect()
    }

    /// [`Reporting::quality`] on a ledger already indexed.
    pub(crate) fn quality_in(
        &self,
        index: &LedgerIndex<'_>,
        unit: &str,
        period: Period,
        as_of: NaiveDateTime,
    ) -> Result<QualityReport, Error> {
        self.quality_checks().check_in(index, unit, period, as_of)
    }

    /// The quality checks over this set-up, borrowing what it keeps.
    pub(crate) fn quality_checks(&self) -> Quality<'_> {
        Quality::of(&self.setup())
    }

    /// What this set-up lends each stage.
    pub(crate) fn setup(&self) -> Setup<'_> {
        Setup {
            catalogue: &self.catalogue,
            tree: &self.tree,
            expanded: &self.expanded,
            calendar: &self.calendar,
            facts: &self.facts,
        }
    }
}
