//! How a data element's values combine: over time in a roll-up, and up the organisation
//! tree. The catalogue declares it for each data element; the formula language applies it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How values of a data element combine over periods and units (DHIS2's aggregation type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Add up (counts, amounts).
    Sum,
    /// Arithmetic mean.
    Average,
    /// The latest value (stocks, states such as "coverage at the end of the period").
    Last,
    /// The largest value.
    Max,
    /// The smallest value.
    Min,
}
