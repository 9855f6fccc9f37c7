//! `chiso` for browsers and Node: WebAssembly bindings of the chiso core.
//!
//! Bindings convert types and map errors, nothing more: values cross as the core's own serde
//! shapes, and errors are real JavaScript `Error` objects carrying `code`, `path`,
//! `messageVi`, `messageEn` and `findings`.

mod catalogue;
mod chart;
mod error;
mod evaluation;
mod form;
mod formula;
mod reporting;
mod types;
mod vocabulary;

pub use catalogue::{Catalogue, catalogue_schema, check_catalogue, check_catalogue_json};
pub use chart::{profile_svg, ranking_svg};
pub use error::{is_chiso_error, panic_for_tests};
pub use evaluation::{
    combine_json, export_ranking, narrative, progress_json, rank_json, report_json, score_json,
};
pub use form::{read_number, write_date, write_number, write_out_of_100, write_value};
pub use formula::{
    Formula, deadline, describe_period_json, parse_period, run_formula_json, timeliness,
};
pub use reporting::{Ledger, Reporting};
pub use types::schema as types_schema;
pub use vocabulary::vocabulary;
