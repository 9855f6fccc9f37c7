//! The JSON Schema of the catalogue format, generated from the types so it cannot drift.

use super::Catalogue;
use crate::json;

impl Catalogue {
    /// The JSON Schema (draft 2020-12) of the catalogue format, as pretty JSON. Editors use it
    /// to complete and check catalogue files; `schema/catalogue.schema.json` is this text.
    ///
    /// ```
    /// let schema = chiso::Catalogue::json_schema();
    /// assert!(schema.contains("\"title\": \"chiso indicator catalogue\""));
    /// ```
    pub fn json_schema() -> String {
        json::to_pretty(&schemars::schema_for!(Catalogue))
    }
}
