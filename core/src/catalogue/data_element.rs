use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DataSource, ValueType};
use crate::Text;
use crate::formula::Aggregation;

/// A raw input a unit reports or a system supplies ("chỉ tiêu dữ liệu"), as distinct from an
/// indicator, which is computed from data elements or reported against a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataElement {
    /// Code, unique across data elements and indicators; formulas refer to it.
    pub code: String,
    /// Name.
    pub name: Text,
    /// What exactly is counted or measured.
    pub definition: Text,
    /// Kind of value.
    pub value_type: ValueType,
    /// Unit of measure ("đơn vị tính").
    pub unit: Text,
    /// Where the value comes from.
    pub source: DataSource,
    /// How values combine over time (month → quarter) and up the organisation tree.
    pub aggregation: Aggregation,
}
