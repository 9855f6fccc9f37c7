//! Evaluation ("đánh giá"): scoring each indicator, combining scores, ranking units within
//! their peer groups, judging progress towards the targets, and the whole quarterly pipeline
//! ([`Reporting::evaluate`](crate::Reporting::evaluate)).

mod composite;
mod evaluate;
mod gap;
mod invalid;
mod problem;
mod publish;
mod quick;
mod rank;
mod request;
mod result;
mod scheme;
mod score;
mod sensitivity;
mod tree;

pub use composite::{CompositeMethod, MissingPolicy, Part, combine};
pub(crate) use evaluate::evaluate;
pub use gap::{Gap, GapKind};
pub use invalid::InvalidPolicy;
pub use problem::SchemeProblem;
pub use publish::Moved;
pub use rank::{Placed, RankingRule, TiePolicy, rank};
pub use request::{combine_json, progress_json, rank_json, score_json};
pub use result::{
    BandPlace, Evaluation, ExplanationRef, IndicatorResult, NodeResult, Origin, PeerRanking,
    QualitySummary, RankRange, RankingRow, UnitResult,
};
pub use scheme::{Band, Bands, MAX_SENSITIVITY_RUNS, NodeWeight, Scheme, SensitivityRule};
pub use score::score_value;
// Progress and the one "off track" live below both the evaluation and the quality checks.
pub use crate::catalogue::target_for;
pub use crate::progress::{
    BASELINE_PERIODS, Progress, ProgressStatus, Standing, baseline, progress, progress_target,
    standing, yearly_pace,
};
