//! Reporting periods and cycles ("kỳ báo cáo").

mod cycle;

pub use cycle::Cycle;
