//! Progress towards a target ("tiến độ") and the one definition of "off track" ("chưa đạt
//! tiến độ"): the pace achieved since a baseline against the pace the target needs
//! ([`progress`]), and where a value stands by it ([`standing`]). The evaluation and the
//! quality checks (explanations) both read this module, so they can never disagree.

mod pace;
mod track;

pub use pace::{Progress, ProgressStatus, progress};
pub use track::{BASELINE_PERIODS, Standing, baseline, progress_target, standing, yearly_pace};
pub(crate) use track::{judged, pace};
