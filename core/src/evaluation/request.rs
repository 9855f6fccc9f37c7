//! The evaluation's building blocks as JSON in, JSON out: what the Python and JavaScript
//! bindings call, and what the golden vectors exercise, so that every front door shares one
//! reading of the inputs and one spelling of the outputs.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    CompositeMethod, MissingPolicy, Part, Placed, Progress, ProgressStatus, RankingRule, combine,
    progress, rank, score_value,
};
use crate::catalogue::{Catalogue, Scoring, Target};
use crate::period::Period;
use crate::{Error, InputKind, Value, json, to_json};

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    json::from_str(text).map_err(|f| Error::InvalidInput {
        what: InputKind::EvaluationRequest,
        findings: vec![f],
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreRequest {
    indicator: String,
    #[serde(default)]
    rule: Option<Scoring>,
    value: Value,
    year: u16,
    #[serde(default, with = "decimals")]
    peers: Vec<Decimal>,
}

#[derive(Serialize)]
struct Scored {
    #[serde(with = "crate::decimal::ExactOption")]
    fraction: Option<Decimal>,
}

/// Scores a value: `{"indicator": "B05", "rule": {...}?, "value": {"number": "68"},
/// "year": 2026, "peers": ["60", "70"]?}` → `{"fraction": "0.8"}` (`null` when it cannot be
/// scored). The rule is the indicator's own unless given; the fraction is exact, normalised.
///
/// ```
/// let nq57 = chiso::Catalogue::nq57();
/// let out = chiso::evaluation::score_json(&nq57,
///     r#"{"indicator": "B05", "value": {"number": "68"}, "year": 2026}"#)?;
/// assert_eq!(out, r#"{"fraction":"0.8"}"#);
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn score_json(catalogue: &Catalogue, request: &str) -> Result<String, Error> {
    let r: ScoreRequest = read(request)?;
    let indicator = catalogue
        .indicator(&r.indicator)
        .ok_or_else(|| Error::InvalidArgument {
            name: "indicator",
            value: r.indicator.clone(),
            expected: "an indicator of the catalogue".to_owned(),
        })?;
    let fraction = r
        .rule
        .or_else(|| indicator.scoring_rule())
        .and_then(|rule| score_value(indicator, &rule, &r.value, r.year, &r.peers))
        .map(|d| d.normalize());
    Ok(to_json(&Scored { fraction }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CombineRequest {
    #[serde(default)]
    method: CompositeMethod,
    #[serde(default)]
    missing: MissingPolicy,
    parts: Vec<PartJson>,
    #[serde(default)]
    round_to: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartJson {
    #[serde(default = "one", with = "crate::decimal::Exact")]
    weight: Decimal,
    #[serde(default = "one", with = "crate::decimal::Exact")]
    points: Decimal,
    #[serde(default, with = "crate::decimal::ExactOption")]
    fraction: Option<Decimal>,
}

fn one() -> Decimal {
    Decimal::ONE
}

/// Combines parts: `{"method": "points", "missing": "zero", "parts": [{"weight": "1",
/// "points": "100", "fraction": "0.5"}, ...], "round_to": 4?}` → `{"fraction": "0.4667"}`,
/// rounded half up when `round_to` is given (else exact, normalised).
///
/// ```
/// let out = chiso::evaluation::combine_json(r#"{"method": "points", "round_to": 4, "parts": [
///     {"points": "100", "fraction": "0.5"}, {"points": "200", "fraction": "0.8"}, {"points": "150"}]}"#)?;
/// assert_eq!(out, r#"{"fraction":"0.4667"}"#); // (50 + 160 + 0) / 450
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn combine_json(request: &str) -> Result<String, Error> {
    let r: CombineRequest = read(request)?;
    if r.round_to.is_some_and(|p| p > crate::MAX_PRECISION) {
        return Err(Error::InvalidArgument {
            name: "round_to",
            value: r.round_to.unwrap_or_default().to_string(),
            expected: "0 to 12 places".to_owned(),
        });
    }
    let parts: Vec<Part> = r
        .parts
        .iter()
        .map(|p| Part {
            weight: p.weight,
            points: p.points,
            fraction: p.fraction,
        })
        .collect();
    let fraction = combine(r.method, &parts, r.missing).map(|f| {
        r.round_to
            .map_or(f, |p| crate::catalogue::RoundingMode::HalfUp.round(f, p))
            .normalize()
    });
    Ok(to_json(&Scored { fraction }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RankRequest {
    scores: Vec<UnitScore>,
    #[serde(default)]
    rule: RankingRule,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitScore {
    unit: String,
    #[serde(default, with = "crate::decimal::ExactOption")]
    score: Option<Decimal>,
}

/// Ranks units: `{"scores": [{"unit": "HN", "score": "0.7125"}, ...], "rule": {"ties":
/// "competition", "round_to": 4}?}` → the [`Placed`] list, as [`rank`] returns it.
///
/// ```
/// let out = chiso::evaluation::rank_json(r#"{"scores": [{"unit": "A", "score": "0.5"},
///     {"unit": "B", "score": "0.7"}]}"#)?;
/// assert_eq!(out, r#"[{"unit":"B","score":"0.7","rank":"1"},{"unit":"A","score":"0.5","rank":"2"}]"#);
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn rank_json(request: &str) -> Result<String, Error> {
    let r: RankRequest = read(request)?;
    if r.rule.round_to.is_some_and(|p| p > crate::MAX_PRECISION) {
        return Err(Error::InvalidArgument {
            name: "round_to",
            value: r.rule.round_to.unwrap_or_default().to_string(),
            expected: "0 to 12 places".to_owned(),
        });
    }
    let scores: Vec<(String, Option<Decimal>)> =
        r.scores.into_iter().map(|s| (s.unit, s.score)).collect();
    let placed: Vec<Placed> = rank(&scores, r.rule)
        .into_iter()
        .map(|p| Placed {
            score: p.score.map(|d| d.normalize()),
            rank: p.rank.map(|d| d.normalize()),
            ..p
        })
        .collect();
    Ok(to_json(&placed))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressRequest {
    target: Target,
    baseline: Observation,
    latest: Observation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Observation {
    period: Period,
    #[serde(with = "crate::decimal::Exact")]
    value: Decimal,
}

/// Judges progress: `{"target": {"comparator": ">=", "value": "80", "scope": "national",
/// "year": 2030}, "baseline": {"period": "2025", "value": "40"}, "latest": {"period": "2026",
/// "value": "45"}}` → the [`Progress`].
///
/// ```
/// let out = chiso::evaluation::progress_json(r#"{"target": {"comparator": ">=", "value": "80",
///     "scope": "national", "year": 2030}, "baseline": {"period": "2025", "value": "40"},
///     "latest": {"period": "2026", "value": "45"}}"#)?;
/// assert_eq!(out, r#"{"status":"needs_acceleration","ratio":"0.6250"}"#);
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn progress_json(request: &str) -> Result<String, Error> {
    let r: ProgressRequest = read(request)?;
    let judged = r.target.goal().map_or(
        Progress {
            status: ProgressStatus::CannotAssess,
            ratio: None,
            target: None,
        },
        |goal| {
            progress(
                &goal,
                r.target.year,
                (r.baseline.period, r.baseline.value),
                (r.latest.period, r.latest.value),
            )
        },
    );
    Ok(to_json(&judged))
}

/// A list of decimal strings.
mod decimals {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        let strings: Vec<String> = Vec::deserialize(d)?;
        strings
            .iter()
            .map(|s| s.parse().map_err(serde::de::Error::custom))
            .collect()
    }
}
