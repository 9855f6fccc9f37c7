//! A term of the vocabulary: a public enumeration whose values cross a boundary as one
//! spelling each, with a label in both languages. The trait sits at the base so that every
//! module can spell and label its own words; [`crate::vocabulary`] lists them all.

use serde::Serialize;

use crate::Text;

/// A public enumeration of the vocabulary.
pub trait Term:
    Copy + PartialEq + strum::IntoEnumIterator + Into<&'static str> + Serialize + 'static
{
    /// The enumeration's name in the vocabulary (`layer`, `ties`, `progress_status`).
    const NAME: &'static str;

    /// What the enumeration is, in both languages.
    fn meaning() -> Text;

    /// The value's label in both languages.
    fn label(self) -> Text;

    /// The value's one spelling, as JSON, Python and JavaScript write it.
    fn code(self) -> &'static str {
        self.into()
    }

    /// The value spelled `code`, if any.
    fn from_code(code: &str) -> Option<Self> {
        Self::iter().find(|term| term.code() == code)
    }

    /// Every value's spelling, in declaration order.
    fn codes() -> Vec<&'static str> {
        Self::iter().map(Term::code).collect()
    }
}
