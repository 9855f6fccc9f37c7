//! The command line's words for the core's enumerations: each parsed by the one spelling the
//! core's [vocabulary](chiso::vocabulary) gives it, and listed from it in `--help`, so the CLI
//! never spells a layer or a language its own way.

use chiso::vocabulary::Term;
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// A value parser for the enumeration `T`: its values as the vocabulary spells them.
pub fn term<T: Term + Clone + Send + Sync>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::codes()).try_map(|code| {
        T::from_code(&code).ok_or_else(|| format!("`{code}` is not a value of {}", T::NAME))
    })
}
