//! # chiso — chỉ số
//!
//! The one authoritative implementation of Vietnam's indicator set for monitoring, supervising
//! and evaluating the implementation of Resolution 57-NQ/TW on science, technology, innovation
//! and digital transformation (Công văn 3158-CV/VPTW, 19/6/2026).
//!
//! Portals embed this crate, data scientists import it from Python, and web forms run it as
//! WebAssembly, so every one of them computes the same numbers from the same rules.
//!
//! ## Quick start
//!
//! ```
//! use chiso::{Catalogue, Lang, catalogue::Layer};
//!
//! // The embedded default catalogue (Layer A official, Layers B and C illustrative).
//! let nq57 = Catalogue::nq57();
//! let a07 = nq57.indicator("A07").unwrap();
//! assert_eq!(a07.name.get(Lang::En), "Digital economy share of GDP");
//! assert_eq!(a07.targets[0].describe(Lang::En), "≥ 30 (national, 2030)");
//! assert_eq!(nq57.layer(Layer::A).count(), nq57.indicators.iter().filter(|i| i.layer == Layer::A).count());
//!
//! // Reading a catalogue checks everything at once; each finding has a stable code, a JSON
//! // Pointer and messages in Vietnamese and English.
//! let report = chiso::catalogue::check(r#"{"id": "x", "title": {"vi": "", "en": "X"}}"#);
//! assert!(!report.valid);
//! assert_eq!(report.findings[0].code, "json.missing_field");
//! ```
//!
//! ## The main types
//!
//! - [`Catalogue`]: a versioned indicator set, with [`Indicator`](catalogue::Indicator)s (the full
//!   passport), [`DataElement`](catalogue::DataElement)s, agencies and a group tree;
//!   [`catalogue::check`] validates, [`catalogue::diff`] compares versions,
//!   [`Catalogue::json_schema`] describes the format.
//! - [`Finding`] and [`Report`]: what validation says; [`Error`]: what a call can fail with.
//! - [`formula`]: the formula language of computed indicators: checked before it runs
//!   ([`formula::check`]), described in words ([`formula::describe`]), compiled once and
//!   evaluated over many rows ([`formula::compile`], [`Catalogue::compile_indicator`]), rolled
//!   up over time ([`formula::roll_up`]).
//! - [`Value`]: a number, yes/no, text, or missing with a reason ([`Missing`]) — never NaN.
//! - [`ledger`]: the append-only, hash-chained record of submissions, decisions and
//!   explanations, with [`ledger::Rules`] for appending under the organisation's rules.
//! - [`columns`]: the ledger as columns as of a time ([`columns::LedgerColumns`]), the read
//!   model the evaluation and the quality checks read, kept up to date entry by entry.
//! - [`org`]: the organisation tree, assignments ("giao chỉ số") and the access policy.
//! - [`quality`]: the data-quality report of a unit and period ("đúng, đủ, sạch, sống") and
//!   its 0–100 score; [`Reporting`] owns a whole set-up for portals and bindings.
//! - [`evaluation`]: scoring rules, composites, rankings with ties, progress towards targets,
//!   and the quarterly pipeline [`Reporting::evaluate`] under a declared
//!   [`Scheme`](evaluation::Scheme); [`report`]: the summary, the vi/en narrative with lineage,
//!   and the exports.
//! - [`form`]: the reporting form: [`Reporting::form`] lists what a unit fills in,
//!   [`form::check_field`] reads a field as typed (`12,5`, `1.234,5`, `12.5`; an ambiguous
//!   `1.234` refused), [`Reporting::preview`] shows a [`ledger::Filing`]'s quality and projected
//!   score before it is sent, [`Reporting::file`] appends it all or none. Its finding codes
//!   (`field.*`) are listed in the module.
//! - [`period`]: reporting periods (`2026-05`, `2026-Q2`, `2026-H1`, `2026`), the calendar and
//!   cut-off calendars, deadlines in working days and timeliness.
//!
//! ## Rules the library keeps
//!
//! - Exact decimals (`rust_decimal`) everywhere, written as JSON strings; no floating point.
//! - Bad input gets a typed finding or error, never a panic.
//! - Deterministic output: the same input gives the same bytes in Rust, Python and JavaScript.
//!
//! ## Limits
//!
//! Untrusted input is bounded, each bound with a typed error beyond it (tested just inside and
//! just beyond in `tests/limits.rs`; what each guards against is in `SECURITY.md`):
//!
//! | input | bound | code |
//! |---|---|---|
//! | any JSON document | [`MAX_INPUT_BYTES`] bytes | `input.too_large` |
//! | JSON nesting | [`MAX_JSON_DEPTH`] levels of objects and arrays | `input.too_deep` |
//! | a JSON string | [`MAX_STRING_BYTES`] bytes | `input.string_too_long` |
//! | a decimal | exact: at most 28 places, 96 bits (never rounded on reading) | `json.invalid_decimal`, `json.inexact_decimal` |
//! | a catalogue | [`catalogue::MAX_CATALOGUE_ITEMS`] indicators, data elements and rules | `input.too_many` |
//! | a filing | [`ledger::MAX_FILING_ENTRIES`] submissions and explanations | `input.too_many` |
//! | a ledger's JSON Lines | each line as a document; reading stops at [`ledger::MAX_LINE_FINDINGS`] bad lines | the lines' own codes |
//! | a formula | [`formula::MAX_FORMULA_BYTES`] bytes, [`formula::MAX_NESTING`] levels, a tree [`formula::MAX_HEIGHT`] tall | `formula.too_long`, `formula.too_deep` |
//! | a formula's numbers | exact decimals; a result beyond them is [`ValueError::Overflow`], never wrapped | `formula.number` |
//! | a form field | [`form::MAX_NUMBER_CHARS`] characters of a number, [`form::MAX_TEXT_CHARS`] of a text | `field.too_long` |
//! | codes | a letter, then letters, digits or `_`, at most 64 | `code.invalid` |
//! | periods | years [`period::MIN_YEAR`]–[`period::MAX_YEAR`] | `period.invalid` |
//! | deadlines | at most [`period::MAX_DUE_WORKING_DAYS`] working days after | `json.invalid_value` |
//! | precision | at most [`MAX_PRECISION`] places | `precision.out_of_range` |
//! | sensitivity reruns | at most [`evaluation::MAX_SENSITIVITY_RUNS`] | `scheme.out_of_range` |
//!
//! A bulk import ([`ledger::Ledger::import`], a pandas `DataFrame`) has no count of its own:
//! it is the caller's batch, already in its memory, and each row is checked before any is kept.
//!
//! ## Unicode
//!
//! Vietnamese arrives composed and decomposed. Every JSON input is read in NFC ([`nfc`]),
//! `\u` escapes included; ids passed as arguments (an actor, a unit) compare in NFC; the ledger
//! records new entries in NFC before hashing them, and reads existing ones byte for byte, since
//! their hashes cover every byte. So all output is NFC.
//!
//! ## Finding codes
//!
//! Every code a finding can carry is declared once, by the module that finds it, with its
//! severity and its messages in both languages side by side: [`InputProblem`],
//! [`formula::FormulaProblem`], [`catalogue::CatalogueProblem`], [`org::OrgProblem`],
//! [`ledger::LedgerProblem`], [`quality::Flaw`], [`evaluation::SchemeProblem`] and
//! [`form::FieldFlaw`]. [`vocabulary::problems`] lists them all; `docs/PROBLEMS.md` is the
//! table generated from it.

mod access;
pub mod catalogue;
pub mod columns;
pub mod decimal;
mod error;
pub mod evaluation;
mod finding;
pub mod form;
pub mod formula;
mod json;
pub mod ledger;
pub mod org;
mod parallel;
pub mod period;
mod problem;
pub mod progress;
pub mod quality;
pub mod report;
mod reporting;
mod resolver;
mod rounding;
mod style;
mod term;
mod text;
mod unicode;
mod value;
pub mod vocabulary;

pub use catalogue::Catalogue;
pub use decimal::MAX_PRECISION;
pub use error::{Error, ErrorCategory, InputKind};
pub use finding::{Finding, Report, Severity, Span};
pub use json::{MAX_INPUT_BYTES, MAX_JSON_DEPTH, MAX_STRING_BYTES, to_json};
pub use problem::{InputProblem, Problem};
pub use reporting::Reporting;
pub use style::Style;
pub use text::{Lang, Text};
pub use unicode::{Id, nfc};
pub use value::{Cell, Missing, Value, ValueError};
