//! Reporting periods and cycles ("kỳ báo cáo").

mod cycle;
mod invalid;

pub use cycle::Cycle;
pub use invalid::InvalidPeriod;
