use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// Where a value comes from ("nguồn dữ liệu"): the letters name two ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSource {
    /// A connected information system, or a form on the reporting system.
    pub kind: SourceKind,
    /// The system's or the form's name.
    pub name: Text,
}

/// The two ways data arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Pulled from an existing information system or database ("kết nối, khai thác").
    System,
    /// Entered through a form on the reporting system ("biểu mẫu").
    Form,
}
