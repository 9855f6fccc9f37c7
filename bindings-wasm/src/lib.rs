//! `chiso` for browsers and Node: WebAssembly bindings of the chiso core.
//!
//! Bindings convert types and map errors, nothing more: values cross as the core's own serde
//! shapes, and errors are real JavaScript `Error` objects carrying `code`, `path`,
//! `messageVi`, `messageEn` and `findings`.

mod catalogue;
mod error;
mod evaluation;
mod formula;
mod reporting;

pub use catalogue::{Catalogue, catalogue_schema, check_catalogue, check_catalogue_json};
pub use evaluation::{
    combine_json, export_ranking, narrative, progress_json, rank_json, report_json, score_json,
};
pub use formula::{describe_period_json, parse_period, run_formula_json};
pub use reporting::{Ledger, Reporting};
