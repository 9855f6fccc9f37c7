//! The indicator catalogue ("bộ chỉ số"): indicators with their full passports, the data elements
//! they are computed from, the agencies that answer for them, and the group tree.
//!
//! A catalogue is versioned (the set is "reviewed and revised regularly"), so it carries an id,
//! a version and an effective-from date, and two versions can be [diffed](diff).
//!
//! ```
//! use chiso::{Catalogue, catalogue::Layer};
//! let nq57 = Catalogue::nq57();
//! let a01 = nq57.indicator("A01").unwrap();
//! assert_eq!(a01.layer, Layer::A);
//! assert!(nq57.validate().iter().all(|f| !f.is_error()));
//! ```

mod agency;
mod current_codes;
mod data_element;
mod diff;
mod facts;
mod graph;
mod group;
mod indicator;
mod indicator_formula;
mod labels;
mod layer;
mod method;
mod nq57;
mod passport;
mod problem;
mod reporting;
mod schema;
mod scoring;
mod source;
mod target;
mod validate;
mod validation_rule;
mod value_type;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::formula::Aggregation;
pub use crate::rounding::RoundingMode;
pub use agency::{Agency, Responsibility};
pub(crate) use current_codes::CurrentCodes;
pub use data_element::DataElement;
pub use diff::{CatalogueDiff, Change, FieldChange, ItemChange, diff};
pub(crate) use facts::{Facts, facts as item_facts};
pub use group::Group;
pub use indicator::{Direction, EvidenceRequirement, ExplanationRequirement, Indicator, Status};
pub use indicator_formula::IndicatorFormula;
pub use layer::Layer;
pub use method::Method;
pub use passport::PassportLine;
pub use problem::CatalogueProblem;
pub use scoring::{Category, Scoring, Step};
pub use source::{DataSource, SourceKind};
pub(crate) use target::SCOPE_ORDER;
pub use target::{Comparator, Goal, Scope, Target, target_for};
pub use validation_rule::{RuleOperator, RuleSide, ValidationRule};
pub use value_type::ValueType;

use crate::{Error, Finding, Report, Text, json};

/// A versioned indicator catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "chiso indicator catalogue")]
pub struct Catalogue {
    /// A reference to the JSON Schema, for editors; ignored by chiso.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Identifier of the catalogue (`nq57`).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Version label, changed on every revision (`2026.06`).
    pub version: String,
    /// The day this version takes effect (`YYYY-MM-DD`).
    #[serde(with = "json::date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub effective_from: NaiveDate,
    /// The documents that issue this version (`Công văn 3158-CV/VPTW`, ...).
    pub legal_basis: Vec<String>,
    /// The agencies indicator passports refer to.
    pub agencies: Vec<Agency>,
    /// The group tree: pillars and their sub-groups.
    pub groups: Vec<Group>,
    /// The raw inputs formulas compute from.
    pub data_elements: Vec<DataElement>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
    /// The rules reported values must keep (checked by the quality report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub validation_rules: Vec<ValidationRule>,
}

/// The most indicators, data elements and validation rules one catalogue may hold together:
/// Resolution 57's set is 77 indicators and the national benchmark's 250; beyond this a
/// catalogue is refused whole (`input.too_many`) before anything in it is checked.
pub const MAX_CATALOGUE_ITEMS: usize = 10_000;

impl Catalogue {
    /// Reads a catalogue from JSON and validates it: any error finding makes it
    /// [`Error::InvalidCatalogue`], which lists all findings at once.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let catalogue: Catalogue =
            json::from_str(text).map_err(|f| Error::InvalidCatalogue { findings: vec![f] })?;
        let findings = catalogue.validate();
        if findings.iter().any(Finding::is_error) {
            return Err(Error::InvalidCatalogue { findings });
        }
        Ok(catalogue)
    }

    /// The catalogue as JSON (two-space indent, decimals as strings, a final newline): the
    /// format [`from_json`](Self::from_json) reads.
    pub fn to_json(&self) -> String {
        json::to_pretty(self)
    }

    /// Every finding about this catalogue, errors and warnings, in document order.
    pub fn validate(&self) -> Vec<Finding> {
        validate::validate(self)
    }

    /// The indicator with this code.
    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.code == code)
    }

    /// Every item's code: the indicators', then the data elements', in the catalogue's order.
    pub(crate) fn item_codes(&self) -> impl Iterator<Item = &str> {
        self.indicators
            .iter()
            .map(|i| i.code.as_str())
            .chain(self.data_elements.iter().map(|d| d.code.as_str()))
    }

    /// The data element with this code.
    pub fn data_element(&self, code: &str) -> Option<&DataElement> {
        self.data_elements.iter().find(|d| d.code == code)
    }

    /// The agency with this code.
    pub fn agency(&self, code: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.code == code)
    }

    /// The validation rule with this code.
    pub fn validation_rule(&self, code: &str) -> Option<&ValidationRule> {
        self.validation_rules.iter().find(|r| r.code == code)
    }

    /// The group with this code, anywhere in the tree.
    pub fn group(&self, code: &str) -> Option<&Group> {
        self.groups.iter().find_map(|g| g.find(code))
    }

    /// The indicators of one layer, in catalogue order.
    pub fn layer(&self, layer: Layer) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.layer == layer)
    }

    /// Every group with its JSON pointer, depth first.
    pub(crate) fn groups_with_paths(&self) -> Vec<(String, &Group)> {
        let mut out = Vec::new();
        for (i, group) in self.groups.iter().enumerate() {
            group.walk(&format!("/groups/{i}"), &mut out);
        }
        out
    }
}

/// Checks a catalogue given as JSON text and reports every finding; never fails. This is what
/// `chiso catalogue validate` prints and what the golden vectors pin down.
///
/// ```
/// let report = chiso::catalogue::check("{");
/// assert!(!report.valid);
/// assert_eq!(report.findings[0].code, "json.syntax");
/// ```
pub fn check(text: &str) -> Report {
    match json::from_str::<Catalogue>(text) {
        Ok(catalogue) => Report::new(catalogue.validate()),
        Err(finding) => Report::new(vec![finding]),
    }
}
