//! The reporting form ("biểu mẫu báo cáo"): what a unit fills in for a period, each field
//! checked as it is typed, and the whole filing previewed before it is sent. Web forms run
//! this through WebAssembly, so the browser and the server read a typed `12,5` the same way.
//!
//! - [`Reporting::form`](crate::Reporting::form): the assigned indicators with their fields, unit of measure, targets,
//!   evidence and explanation requirements, and the deadline.
//! - [`check_field`]: one field's text read as the item's kind of value ([`read_number`]
//!   accepts Vietnamese and English writing and refuses what could be read two ways).
//! - [`Reporting::preview`](crate::Reporting::preview): the data-quality report and the projected score and rank of a
//!   [`Filing`](crate::ledger::Filing), before it is sent.
//!
//! Each field finding (`field.*`) is declared once on [`FieldFlaw`], its code and both messages
//! together; `docs/PROBLEMS.md` lists them.

mod field;
mod flaw;
mod layout;
mod number;
mod preview;

pub use field::{FieldCheck, MAX_TEXT_CHARS, check_field};
pub use flaw::FieldFlaw;
pub use layout::{Form, FormField, FormIndicator};
pub use number::{MAX_NUMBER_CHARS, read_number, write_number, write_out_of_100, write_rounded};
pub use preview::{PREVIEW_APPROVER, Preview};
