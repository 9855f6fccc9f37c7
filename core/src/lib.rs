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
//! | code | meaning |
//! |---|---|
//! | `json.syntax` | the text is not well-formed JSON (with line and column) |
//! | `json.unknown_field` | a field the format does not define |
//! | `json.missing_field` | a required field is absent |
//! | `json.unknown_variant` | a word outside the allowed list (`layer: "d"`) |
//! | `json.invalid_type` | the wrong kind of value (a number where a decimal string is expected) |
//! | `json.invalid_decimal` | a decimal not written as a string such as `"12.5"` |
//! | `json.invalid_value` | a value that cannot be read (a malformed decimal or date) |
//! | `input.too_large` | more than [`MAX_INPUT_BYTES`] bytes |
//! | `input.too_deep` | JSON nested more than [`MAX_JSON_DEPTH`] levels |
//! | `input.string_too_long` | a JSON string over [`MAX_STRING_BYTES`] bytes |
//! | `input.too_many` | a catalogue or a filing with more entries than its bound |
//! | `json.inexact_decimal` | a decimal with more digits than exact decimals hold (it would be rounded) |
//! | `text.empty` | a required text (or its `vi` / `en` form) is blank |
//! | `code.invalid` | a code is not a letter followed by letters, digits or `_` (≤ 64) |
//! | `code.duplicate` | a code used twice (indicators and data elements share one namespace) |
//! | `catalogue.no_indicators` | the catalogue has no indicator |
//! | `reference.unknown_group` | an indicator's group does not exist |
//! | `reference.unknown_agency` | a responsibility names an unknown agency |
//! | `reference.unknown_code` | a formula names neither a data element nor an indicator |
//! | `reference.self` | a formula names its own indicator |
//! | `formula.syntax` | a formula holds something that is not a token |
//! | `formula.empty` | a formula is blank |
//! | `formula.too_long`, `formula.too_deep` | beyond [`formula::MAX_FORMULA_BYTES`] or the nesting limits |
//! | `formula.unexpected` | a token where another was expected, or an early end |
//! | `formula.number` | a literal beyond exact decimals |
//! | `formula.unknown_function` | a function the language does not have |
//! | `formula.arity` | a function given the wrong number of arguments |
//! | `formula.period_argument` | `prev` / `last_year` around something other than a code |
//! | `formula.type` | an operand of the wrong type (text in arithmetic, ...) |
//! | `formula.round_places` | `round`'s places not a whole number 0–28 written out |
//! | `formula.result_type` | a formula whose result does not fit its indicator's value type |
//! | `ledger.unknown_revision` | a decision names a ledger entry that is not a submission |
//! | `ledger.already_decided` | a decision on a revision already approved or returned |
//! | `ledger.time_ahead` | a time an action claims that is later than the store's clock |
//! | `ledger.decision_before_submission` | a decision dated before its submission was received |
//! | `ledger.not_an_assignment` | a withdrawal names a ledger entry that is not an assignment |
//! | `ledger.already_withdrawn` | a withdrawal of an assignment already withdrawn |
//! | `ledger.withdrawal_extends` | a withdrawal that would make an assignment last longer |
//! | `evidence.hash` | an evidence SHA-256 that is not 64 lowercase hex digits |
//! | `ledger.wrong_cycle` | a submission for a period not of its indicator's cycle |
//! | `org.unknown_unit` | a unit id that is not in the organisation tree |
//! | `assignment.reversed` | an assignment whose last period ends before its first |
//! | `assignment.overlap` | an assignment overlapping an earlier one of the same unit and item |
//! | `assignment.focal_officer` | an assignment without a focal officer of its unit |
//! | `assignment.not_from_above` | an assignment not made by a unit above the one assigned |
//! | `org.two_heads` | a unit with two heads among the chart's persons |
//! | `org.cycle` | a unit that is, through its parents, its own ancestor |
//! | `reference.cycle` | indicators whose formulas refer to each other in a circle (named) |
//! | `target.missing_field` | a target lacks `value`, `min`/`max` or `text` for its comparator |
//! | `target.unexpected_field` | a target has a field its comparator does not use |
//! | `target.range_unordered` | a range's `min` exceeds its `max` |
//! | `target.year_out_of_range` | a milestone year outside 2000–2100 |
//! | `target.value_out_of_range` | a target no value of the type can take (ratio > 1, rank 0, ...) |
//! | `target.type_mismatch` | a numeric comparator on a text indicator |
//! | `target.duplicate` | two numeric targets for one scope and year |
//! | `weight.negative`, `max_points.negative` | negative weights or points |
//! | `precision.out_of_range` | more than 12 decimal places |
//! | `explanation.no_target` | explanation "when off track" without any target |
//! | `direction.band_without_range` | `inside_band` without a `range` target |
//! | `evidence.no_documents` | evidence required, kind of document not said |
//! | `data_element.unused` | (warning) a data element no formula uses |
//! | `rule.type_mismatch` | a validation rule compares sides its operator cannot compare |
//! | `scheme.out_of_range` | an evaluation scheme's setting it cannot take (no layers, a spread of 1 or more, ...) |

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
mod style;
mod text;
mod unicode;
mod value;
pub mod vocabulary;

pub use catalogue::Catalogue;
pub use error::{Error, ErrorCategory, InputKind};
pub use finding::{Finding, Report, Severity, Span};
pub use json::{MAX_INPUT_BYTES, MAX_JSON_DEPTH, MAX_STRING_BYTES, to_json};
pub use problem::{MAX_PRECISION, Problem};
pub use reporting::Reporting;
pub use style::Style;
pub use text::{Lang, Text};
pub use unicode::nfc;
pub use value::{Missing, Value, ValueError};
