//! What a unit's reporting form holds for one period: the indicators assigned to it, each with
//! its unit of measure, target and requirements, and the fields the unit fills in for it.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, EvidenceRequirement, ExplanationRequirement, Layer, ValueType};
use crate::org::{Assignment, Setup, expand};
use crate::period::Period;
use crate::{Error, Lang, Text};

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

impl Form {
    /// The form `unit` (already in NFC) fills in for `period` (see
    /// [`Reporting::form`](crate::Reporting::form)).
    pub(crate) fn of(setup: &Setup<'_>, unit: &str, period: Period) -> Result<Form, Error> {
        let catalogue = setup.catalogue;
        let unit_name = setup
            .tree
            .unit(unit)
            .map(|u| u.name.clone())
            .ok_or_else(|| Error::InvalidArgument {
                name: "unit",
                value: unit.to_owned(),
                expected: "a unit of the organisation chart".to_owned(),
            })?;
        let deadline = setup.calendar.deadline(period)?;
        let mut indicators = Vec::new();
        for assignment in assignments_of(setup, unit, period) {
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
                .filter_map(|item| field(catalogue, &item))
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
                focal_officer: setup
                    .tree
                    .person(&assignment.focal_officer)
                    .map_or_else(|| assignment.focal_officer.clone(), |p| p.name.clone()),
                fields,
            });
        }
        Ok(Form {
            unit: unit.to_owned(),
            unit_name,
            head: setup.tree.head_of(unit).map(Into::into),
            period,
            deadline,
            indicators,
        })
    }
}

/// The assignments of `unit` in force for `period`, each indicator once.
fn assignments_of<'a>(setup: &Setup<'a>, unit: &str, period: Period) -> Vec<&'a Assignment> {
    let mut seen = std::collections::HashSet::new();
    setup
        .expanded
        .given()
        .iter()
        .filter(|a| a.unit == unit && a.covers(period) && seen.insert(a.item.as_str()))
        .collect()
}

fn field(catalogue: &Catalogue, item: &str) -> Option<FormField> {
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

fn method_in_words(indicator: &crate::catalogue::Indicator) -> Text {
    match &indicator.method {
        crate::catalogue::Method::Formula { description, .. }
        | crate::catalogue::Method::Reported { description, .. } => description.clone(),
    }
}
