//! What the checks need to know of each item, worked out once from the catalogue: reading
//! which indicators use which data element means parsing every formula.

use rustc_hash::FxHashMap;

use super::{Catalogue, ValueType};
use crate::Text;
use crate::period::Cycle;

/// One item's facts.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) value_type: ValueType,
    /// The unit of measure.
    pub(crate) measure: Text,
    /// How often it is reported ([`Catalogue::cycle_of`]).
    pub(crate) cycle: Option<Cycle>,
    /// Whether a value needs evidence: an indicator's own requirement; a data element needs
    /// it when any indicator reading it does.
    pub(crate) evidence_required: bool,
    /// The documents expected, when said (shared with each finding of evidence missing).
    pub(crate) documents: Option<std::sync::Arc<Text>>,
    /// The indicator's place in the catalogue (`None` for a data element).
    pub(crate) indicator: Option<usize>,
    /// Whether a unit reports it itself ([`Catalogue::is_reportable`]).
    pub(crate) reportable: bool,
    /// A flow (a count summed over time), judged at a yearly pace ([`Catalogue::is_flow`]).
    pub(crate) flow: bool,
}

pub(crate) fn facts(catalogue: &Catalogue) -> FxHashMap<String, Facts> {
    let mut out: FxHashMap<String, Facts> = FxHashMap::default();
    for (i, indicator) in catalogue.indicators.iter().enumerate() {
        out.insert(
            indicator.code.clone(),
            Facts {
                value_type: indicator.value_type,
                measure: indicator.unit.clone(),
                cycle: Some(indicator.cycle),
                evidence_required: indicator.evidence.required,
                documents: indicator.evidence.documents.clone().map(Into::into),
                indicator: Some(i),
                reportable: catalogue.is_reportable(&indicator.code),
                flow: catalogue.is_flow(indicator),
            },
        );
    }
    for element in &catalogue.data_elements {
        out.insert(
            element.code.clone(),
            Facts {
                value_type: element.value_type,
                measure: element.unit.clone(),
                cycle: None,
                evidence_required: false,
                documents: None,
                indicator: None,
                reportable: true,
                flow: false,
            },
        );
    }
    for indicator in &catalogue.indicators {
        for input in catalogue.inputs_of(&indicator.code) {
            if catalogue.data_element(&input).is_none() {
                continue;
            }
            if let Some(facts) = out.get_mut(&input) {
                facts.cycle = Some(
                    facts
                        .cycle
                        .map_or(indicator.cycle, |c| c.min(indicator.cycle)),
                );
                if indicator.evidence.required && !facts.evidence_required {
                    facts.evidence_required = true;
                    facts.documents = indicator.evidence.documents.clone().map(Into::into);
                }
            }
        }
    }
    out
}
