//! Bilingual text: every name, concept and message in chiso has a Vietnamese and an English form.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A text in Vietnamese (`vi`, the authoritative form) and English (`en`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Vietnamese, with full diacritics (the official wording).
    pub vi: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its two forms.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The form in the given language.
    ///
    /// ```
    /// use chiso::{Lang, Text};
    /// let t = Text::new("Kinh tế số", "Digital economy");
    /// assert_eq!(t.get(Lang::Vi), "Kinh tế số");
    /// assert_eq!(t.get(Lang::En), "Digital economy");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// A display language.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Lang {
    /// Tiếng Việt, the default: the letters and the officials who use chiso work in Vietnamese.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            Lang::Vi => Text::new("Tiếng Việt", "Vietnamese"),
            Lang::En => Text::new("Tiếng Anh", "English"),
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;

    /// Reads `vi` or `en`.
    ///
    /// ```
    /// assert_eq!("en".parse::<chiso::Lang>().unwrap(), chiso::Lang::En);
    /// assert_eq!("fr".parse::<chiso::Lang>().unwrap_err().code(), "argument.invalid");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::json::parse_word(s, "language")
    }
}
