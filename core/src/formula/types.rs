use crate::catalogue::{Catalogue, ValueType};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Lang, Text};

/// The type of a formula expression (spelt as the catalogue's value types: `number`,
/// `yes_no`, `text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Type {
    /// An exact decimal.
    Number,
    /// Yes or no.
    #[serde(rename = "yes_no")]
    Bool,
    /// Text.
    Text,
}

impl Type {
    /// The type of values of a catalogue value type: yes/no is `Bool`, text is `Text`, every
    /// other kind is a `Number`.
    pub fn of(value_type: ValueType) -> Type {
        match value_type {
            ValueType::YesNo => Type::Bool,
            ValueType::Text => Type::Text,
            ValueType::Number
            | ValueType::Percent
            | ValueType::Ratio
            | ValueType::Rank
            | ValueType::Count => Type::Number,
        }
    }

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

/// A catalogue's data elements and indicators.
impl Context for Catalogue {
    fn type_of(&self, code: &str) -> Option<Type> {
        self.data_element(code)
            .map(|d| d.value_type)
            .or_else(|| self.indicator(code).map(|i| i.value_type))
            .map(Type::of)
    }

    fn name_of(&self, code: &str, lang: Lang) -> Option<String> {
        self.data_element(code)
            .map(|d| &d.name)
            .or_else(|| self.indicator(code).map(|i| &i.name))
            .map(|name| name.get(lang).to_owned())
    }
}
