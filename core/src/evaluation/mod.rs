//! Evaluation ("đánh giá"): scoring each indicator, combining scores, ranking units within
//! their peer groups, and judging progress towards the targets.

mod progress;
mod rank;

pub use progress::{Progress, ProgressStatus, progress};
pub use rank::{Placed, RankingRule, TiePolicy, rank};
