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
//! | code | finding |
//! |---|---|
//! | `field.not_a_number` | a character that has no place in a number (its span given) |
//! | `field.malformed_number` | a thousands separator or decimal mark in the wrong place |
//! | `field.ambiguous_number` | `1.234` or `1,234`: thousands or a decimal (both readings named) |
//! | `field.too_many_digits` | beyond exact decimals (28 significant digits) |
//! | `field.too_long` | longer than [`MAX_NUMBER_CHARS`] (a number) or [`MAX_TEXT_CHARS`] (a text) |
//! | `field.out_of_range` | a value the item's type does not allow (a fraction of a count) |
//! | `field.not_yes_no` | not an answer to a yes/no question |

mod field;
mod flaw;
mod layout;
mod number;
mod preview;

pub use field::{FieldCheck, MAX_TEXT_CHARS, check_field};
pub use flaw::FieldFlaw;
pub use layout::{Form, FormField, FormIndicator};
pub use number::{MAX_NUMBER_CHARS, read_number, write_number};
pub use preview::{PREVIEW_APPROVER, Preview};
