//! The defaults, decided here once: what a call takes when its caller leaves an option out.
//! The Python package's keyword defaults are read from [`defaults`], so `help()` shows the
//! core's choice and no front door decides its own.

use serde::Serialize;

use crate::Lang;
use crate::evaluation::{CompositeMethod, MissingPolicy, RankingRule};
use crate::ledger::SubmissionOrigin;

/// Every default a front door offers its caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Defaults {
    /// How a composite combines its parts.
    pub method: CompositeMethod,
    /// How a composite treats a missing part.
    pub missing_policy: MissingPolicy,
    /// How units are ranked: ties and the places scores are rounded to first.
    pub ranking: RankingRule,
    /// The source a table's rows take when neither the table nor the call names one.
    pub source: &'static str,
    /// Who a table evaluated directly is taken as approved by.
    pub imported_by: &'static str,
    /// The language messages and reports are written in.
    pub lang: Lang,
}

/// The defaults.
///
/// ```
/// let d = chiso::vocabulary::defaults();
/// assert_eq!(d.ranking.round_to, Some(4));
/// assert_eq!(chiso::to_json(&d.method), r#""weighted_mean""#);
/// ```
pub fn defaults() -> Defaults {
    Defaults {
        method: CompositeMethod::default(),
        missing_policy: MissingPolicy::default(),
        ranking: RankingRule::default(),
        source: SubmissionOrigin::IMPORTED,
        imported_by: "chiso",
        lang: Lang::default(),
    }
}
