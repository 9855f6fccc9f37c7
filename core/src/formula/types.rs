use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Lang, Text};

/// The type of a formula expression (spelt as the catalogue's value types: `number`,
/// `yes_no`, `text`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Type {
    /// An exact decimal.
    // The default only fills the problem registry's blank examples.
    #[default]
    Number,
    /// Yes or no.
    #[serde(rename = "yes_no")]
    Bool,
    /// Text.
    Text,
}

impl Type {
    /// The type's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Type::Number => Text::new("số", "number"),
            Type::Bool => Text::new("có/không", "yes/no"),
            Type::Text => Text::new("văn bản", "text"),
        }
    }
}

/// What a formula's names mean: the checker asks it for each reference's type, `describe` for
/// its name.
pub trait Context {
    /// The type of the data element or indicator `code`, or `None` if there is no such code
    /// (or its type is not known).
    fn type_of(&self, code: &str) -> Option<Type>;

    /// Whether `code` is a name here at all (even one whose type is not known).
    fn has(&self, code: &str) -> bool {
        self.type_of(code).is_some()
    }

    /// The name of `code` in `lang`, for `describe`.
    fn name_of(&self, code: &str, lang: Lang) -> Option<String> {
        let _ = (code, lang);
        None
    }
}
