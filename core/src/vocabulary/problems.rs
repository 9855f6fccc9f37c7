//! The registry of problem codes: every code any module declares, with its severity, the
//! module that owns it and what it means. The docs' table (`docs/PROBLEMS.md`) is generated
//! from it (`core/tests/docs.rs`), and the tests hold every code to be declared once.

use serde::Serialize;
use strum::{EnumMessage, IntoEnumIterator};

use crate::catalogue::CatalogueProblem;
use crate::evaluation::SchemeProblem;
use crate::form::FieldFlaw;
use crate::formula::FormulaProblem;
use crate::ledger::LedgerProblem;
use crate::org::OrgProblem;
use crate::quality::Flaw;
use crate::{InputProblem, Problem, Severity};

/// One problem code as its module declares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemCode {
    /// The stable code (`formula.syntax`).
    pub code: &'static str,
    /// Whether it makes the input unusable (a validation rule's flaw takes the rule's own
    /// severity; its entry shows `error`).
    pub severity: Severity,
    /// The module that declares it: `input`, `formula`, `catalogue`, `org`, `ledger`,
    /// `quality`, `evaluation` or `form`.
    pub module: &'static str,
    /// What it means, in English (the declaration's own documentation).
    pub meaning: &'static str,
}

fn declared<T>(module: &'static str) -> impl Iterator<Item = ProblemCode>
where
    T: Problem + IntoEnumIterator + EnumMessage,
{
    T::iter().map(move |problem| ProblemCode {
        code: problem.code(),
        severity: problem.severity(),
        module,
        meaning: problem.get_documentation().unwrap_or_default().trim(),
    })
}

/// Every problem code, module by module in the layers' order, each in its declaration order.
///
/// ```
/// let codes = chiso::vocabulary::problems();
/// let syntax = codes.iter().find(|p| p.code == "formula.syntax").unwrap();
/// assert_eq!(syntax.module, "formula");
/// assert!(codes.iter().any(|p| p.code == "complete.missing" && p.module == "quality"));
/// ```
pub fn problems() -> Vec<ProblemCode> {
    declared::<InputProblem>("input")
        .chain(declared::<FormulaProblem>("formula"))
        .chain(declared::<CatalogueProblem>("catalogue"))
        .chain(declared::<OrgProblem>("org"))
        .chain(declared::<LedgerProblem>("ledger"))
        .chain(declared::<Flaw>("quality"))
        .chain(declared::<SchemeProblem>("evaluation"))
        .chain(declared::<FieldFlaw>("form"))
        .collect()
}

/// One code a call can fail with ([`Error::code`](crate::Error::code)), with the category
/// both bindings name their exception after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorCode {
    /// The stable code (`catalogue.invalid`).
    pub code: &'static str,
    /// Its category (`catalogue`, `data`, ...).
    pub category: crate::ErrorCategory,
    /// What it means, in English (the variant's own documentation).
    pub meaning: &'static str,
}

/// Every code a call can fail with, in the error type's order.
///
/// ```
/// let codes = chiso::vocabulary::error_codes();
/// assert!(codes.iter().any(|e| e.code == "ledger.tampered"));
/// ```
pub fn error_codes() -> Vec<ErrorCode> {
    crate::Error::iter()
        .map(|error| ErrorCode {
            code: error.code(),
            category: error.category(),
            meaning: error.get_documentation().unwrap_or_default().trim(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn every_code_is_declared_once_and_documented() {
        let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
        for problem in problems() {
            if let Some(first) = seen.insert(problem.code, problem.module) {
                panic!(
                    "{} is declared by {first} and by {}",
                    problem.code, problem.module
                );
            }
            assert!(
                !problem.meaning.is_empty(),
                "{} has no documentation",
                problem.code
            );
            let (family, word) = problem.code.split_once('.').unwrap_or_default();
            assert!(
                !family.is_empty()
                    && !word.is_empty()
                    && problem
                        .code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{} is not spelled family.word",
                problem.code
            );
        }
        assert!(
            seen.len() > 90,
            "only {} codes: a module's problems are missing",
            seen.len()
        );
    }
}
