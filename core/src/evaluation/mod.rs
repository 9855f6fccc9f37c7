//! Evaluation ("đánh giá"): scoring each indicator, combining scores, ranking units within
//! their peer groups, and judging progress towards the targets.

mod composite;
mod progress;
mod rank;
mod score;

pub use composite::{CompositeMethod, MissingPolicy, Part, combine};
pub use progress::{Progress, ProgressStatus, progress};
pub use rank::{Placed, RankingRule, TiePolicy, rank};
pub use score::{score_value, target_for};
