//! What a unit reports for an item, and how often: the facts the ledger, the completeness
//! check and the assignments share.

use super::{Catalogue, Method};
use crate::formula;
use crate::period::Cycle;

impl Catalogue {
    /// The code an assignment of `code` stands for in this version: `code` itself when the
    /// catalogue holds it, else the indicator that [`replaces`](super::Indicator::replaces)
    /// it; `None` when it is gone.
    ///
    /// ```
    /// let nq57 = chiso::Catalogue::nq57();
    /// assert_eq!(nq57.current_code("C09"), Some("C09"));
    /// assert_eq!(nq57.current_code("C99"), None);
    /// ```
    pub fn current_code<'c>(&'c self, code: &'c str) -> Option<&'c str> {
        if self.indicator(code).is_some() || self.data_element(code).is_some() {
            return Some(code);
        }
        self.indicators
            .iter()
            .find(|i| i.replaces.as_deref() == Some(code))
            .map(|i| i.code.as_str())
    }

    /// Whether an indicator counts things over a period (a flow, such as 5G stations
    /// installed): a count or number whose inputs are all data elements summed over time.
    /// Its yearly targets are not a level to reach quarter by quarter, so no straight line
    /// to them is drawn.
    ///
    /// ```
    /// let nq57 = chiso::Catalogue::nq57();
    /// assert!(nq57.is_flow(nq57.indicator("C02").unwrap())); // new 5G stations
    /// assert!(!nq57.is_flow(nq57.indicator("B05").unwrap())); // a share
    /// ```
    pub fn is_flow(&self, indicator: &super::Indicator) -> bool {
        let inputs = self.inputs_of(&indicator.code);
        matches!(
            indicator.value_type,
            super::ValueType::Count | super::ValueType::Number
        ) && !inputs.is_empty()
            && inputs.iter().all(|code| {
                self.data_element(code)
                    .is_some_and(|d| d.aggregation == super::Aggregation::Sum)
            })
    }

    /// The codes an indicator's formula reads directly (data elements and other indicators,
    /// each once, in order of first use); empty for a reported indicator, an unknown code or a
    /// formula that does not parse.
    ///
    /// ```
    /// let nq57 = chiso::Catalogue::nq57();
    /// let inputs = nq57.inputs_of("B01");
    /// assert!(inputs.iter().all(|code| nq57.data_element(code).is_some()));
    /// assert!(!inputs.is_empty());
    /// ```
    pub fn inputs_of(&self, indicator: &str) -> Vec<String> {
        let Some(Method::Formula { expression, .. }) = self.indicator(indicator).map(|i| &i.method)
        else {
            return Vec::new();
        };
        let Ok(expr) = formula::parse(expression) else {
            return Vec::new();
        };
        let mut codes: Vec<String> = Vec::new();
        for (code, _, _) in expr.references() {
            if !codes.iter().any(|c| c == code) {
                codes.push(code.to_owned());
            }
        }
        codes
    }

    /// How often `item` is reported: an indicator's declared cycle; for a data element, the
    /// shortest cycle among the indicators whose formulas read it (a monthly indicator needs
    /// its inputs monthly; longer periods are rolled up from them). `None` for an unknown
    /// code or a data element no formula reads (reported in any cycle).
    ///
    /// ```
    /// use chiso::period::Cycle;
    /// let nq57 = chiso::Catalogue::nq57();
    /// let b01 = nq57.indicator("B01").unwrap();
    /// assert_eq!(nq57.cycle_of("B01"), Some(b01.cycle));
    /// let input = nq57.inputs_of("B01").remove(0);
    /// assert!(nq57.cycle_of(&input).is_some_and(|c| c <= b01.cycle));
    /// ```
    pub fn cycle_of(&self, item: &str) -> Option<Cycle> {
        if let Some(indicator) = self.indicator(item) {
            return Some(indicator.cycle);
        }
        self.data_element(item)?;
        self.indicators
            .iter()
            .filter(|i| self.inputs_of(&i.code).iter().any(|c| c == item))
            .map(|i| i.cycle)
            .min()
    }

    /// [`Catalogue::cycle_of`] of every item at once, by code: each formula parsed once
    /// (asking item by item parses every formula for each data element).
    pub(crate) fn reported_cycles(&self) -> rustc_hash::FxHashMap<&str, Cycle> {
        let mut out: rustc_hash::FxHashMap<&str, Cycle> = rustc_hash::FxHashMap::default();
        for indicator in &self.indicators {
            for input in self.inputs_of(&indicator.code) {
                let Some(element) = self.data_element(&input) else {
                    continue;
                };
                let cycle = out.entry(element.code.as_str()).or_insert(indicator.cycle);
                *cycle = (*cycle).min(indicator.cycle);
            }
        }
        // An indicator's own cycle wins over its use as another's input.
        for indicator in &self.indicators {
            out.insert(indicator.code.as_str(), indicator.cycle);
        }
        out
    }

    /// Whether a unit submits `item` itself: a data element, or an indicator reported
    /// directly. A computed indicator is reported through its inputs.
    pub fn is_reportable(&self, item: &str) -> bool {
        self.data_element(item).is_some()
            || self
                .indicator(item)
                .is_some_and(|i| matches!(i.method, Method::Reported { .. }))
    }
}
