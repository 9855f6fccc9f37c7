//! What a unit's reporting form holds for one period: the indicators assigned to it, each with
//! its unit of measure, target and requirements, and the fields the unit fills in for it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{EvidenceRequirement, ExplanationRequirement, Layer, ValueType};
use crate::org::{Assignment, expand};
use crate::period::Period;
use crate::{Error, Lang, Reporting, Text};

/// A unit's reporting form for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// The reporting unit.
    pub unit: String,
    /// Its name.
    pub unit_name: Text,
    /// Its head, who answers for what is sent, where the chart names persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<crate::org::Head>,
    /// The period reported.
    #[schemars(with = "String")]
    pub period: Period,
    /// The last day to send without being late.
    #[schemars(with = "String")]
    pub deadline: NaiveDate,
    /// The assigned indicators with something to fill in this period, in assignment order.
    pub indicators: Vec<FormIndicator>,
}

/// One assigned indicator on the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormIndicator {
    /// The indicator's code.
    pub code: String,
    /// Its layer.
    pub layer: Layer,
    /// Its name.
    pub name: Text,
    /// Its unit of measure.
    pub measure: Text,
    /// The targets for the period's year and later, in words (`≥ 85 (each unit, 2026)`).
    pub targets: Vec<Text>,
    /// How the indicator is computed from the fields, in words.
    pub method: Text,
    /// Whether evidence is required, and which documents.
    pub evidence: EvidenceRequirement,
    /// When the unit must explain its value.
    pub explanation: ExplanationRequirement,
    /// The officer answerable for it.
    pub focal_officer: String,
    /// The values the unit reports for it.
    pub fields: Vec<FormField>,
}

/// One value to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// The data element (or reported indicator) code: the `item` of the submission.
    pub item: String,
    /// What to fill in.
    pub name: Text,
    /// Its unit of measure.
    pub measure: Text,
    /// Its kind of value.
    pub value_type: ValueType,
}

impl Reporting {
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
    pub fn form(&self, unit: &str, period: Period) -> Result<Form, Error> {
        let unit = &*crate::nfc(unit); // ids compare in NFC, as JSON input is read
        let catalogue = self.catalogue();
        let unit_name = self
            .tree()
            .unit(unit)
            .map(|u| u.name.clone())
            .ok_or_else(|| Error::InvalidArgument {
                name: "unit",
                value: unit.to_owned(),
                expected: "a unit of the organisation chart".to_owned(),
            })?;
        let deadline = self.calendar().deadline(period)?;
        let mut indicators = Vec::new();
        for assignment in self.assignments_of(unit, period) {
            let Some(indicator) = catalogue.indicator(&assignment.item) else {
                continue;
            };
            let mut fields: Vec<FormField> = expand(catalogue, std::slice::from_ref(assignment))
                .into_iter()
                .map(|a| a.item)
                .filter(|item| {
                    catalogue.is_reportable(item)
                        && catalogue.cycle_of(item) == Some(period.cycle())
                })
                .filter_map(|item| self.field(&item))
                .collect();
            // In the order the formula reads them (numerator before denominator).
            let read = catalogue.inputs_of(&indicator.code);
            fields.sort_by_key(|f| read.iter().position(|c| *c == f.item).unwrap_or(usize::MAX));
            if fields.is_empty() {
                continue;
            }
            let year = u16::try_from(period.year()).unwrap_or(u16::MAX);
            indicators.push(FormIndicator {
                code: indicator.code.clone(),
                layer: indicator.layer,
                name: indicator.name.clone(),
                measure: indicator.unit.clone(),
                targets: indicator
                    .targets
                    .iter()
                    .filter(|t| t.year >= year)
                    .map(|t| Text::new(t.describe(Lang::Vi), t.describe(Lang::En)))
                    .collect(),
                method: method_in_words(indicator),
                evidence: indicator.evidence.clone(),
                explanation: indicator.explanation,
                // The person's name where the chart names persons; the assignment's words
                // otherwise (an older chart names the officer there).
                focal_officer: self
                    .tree()
                    .person(&assignment.focal_officer)
                    .map_or_else(|| assignment.focal_officer.clone(), |p| p.name.clone()),
                fields,
            });
        }
        Ok(Form {
            unit: unit.to_owned(),
            unit_name,
            head: self.tree().head_of(unit).map(Into::into),
            period,
            deadline,
            indicators,
        })
    }

    /// The assignments of `unit` in force for `period`, each indicator once.
    fn assignments_of(&self, unit: &str, period: Period) -> Vec<&Assignment> {
        let mut seen = std::collections::HashSet::new();
        self.assignments()
            .iter()
            .filter(|a| a.unit == unit && a.covers(period) && seen.insert(a.item.as_str()))
            .collect()
    }

    fn field(&self, item: &str) -> Option<FormField> {
        let catalogue = self.catalogue();
        if let Some(element) = catalogue.data_element(item) {
            return Some(FormField {
                item: item.to_owned(),
                name: element.name.clone(),
                measure: element.unit.clone(),
                value_type: element.value_type,
            });
        }
        catalogue.indicator(item).map(|i| FormField {
            item: item.to_owned(),
            name: i.name.clone(),
            measure: i.unit.clone(),
            value_type: i.value_type,
        })
    }
}

fn method_in_words(indicator: &crate::catalogue::Indicator) -> Text {
    match &indicator.method {
        crate::catalogue::Method::Formula { description, .. }
        | crate::catalogue::Method::Reported { description, .. } => description.clone(),
    }
}
