//! The evaluation scheme ("phương pháp đánh giá"): everything an evaluation decides that is
//! not in the catalogue, declared once (JSON) and recorded with every result, so that a
//! published ranking can be reproduced and a change of method is visible.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::SchemeProblem;
use super::{CompositeMethod, InvalidPolicy, MissingPolicy, RankingRule};
use crate::catalogue::Layer;
use crate::decimal::MAX_PRECISION;
use crate::{Error, Finding, InputKind, Text, json};

/// How units are scored, combined, ranked and tested for stability.
///
/// ```
/// use chiso::evaluation::{CompositeMethod, Scheme};
/// // Everything has a default: a weighted mean of Layers B and C, competition ranks on
/// // scores rounded to 4 places, quartile bands, progress towards each indicator's next
/// // milestone.
/// let scheme = Scheme::from_json("{}")?;
/// assert_eq!(scheme, Scheme::default());
/// assert_eq!(scheme.method, CompositeMethod::WeightedMean);
/// assert_eq!(scheme.progress_year, None);
/// let by_2045 = Scheme::from_json(r#"{"progress_year": 2045}"#)?;
/// assert_eq!(by_2045.progress_year, Some(2045));
/// let dti = Scheme::from_json(r#"{"method": "points", "missing": "rescale"}"#)?;
/// assert_eq!(dti.method, CompositeMethod::Points);
/// assert!(Scheme::from_json(r#"{"method": "median"}"#).is_err());
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// How scores combine at every level of the tree.
    #[serde(default)]
    pub method: CompositeMethod,
    /// What a missing score does.
    #[serde(default)]
    pub missing: MissingPolicy,
    /// What a value failing an error-level rule of the catalogue does: by default it is not
    /// scored (missing, reason `invalid`).
    #[serde(default)]
    pub invalid: InvalidPolicy,
    /// Tie policy and published precision; the total is published at `round_to` places.
    #[serde(default)]
    pub ranking: RankingRule,
    /// The layers that count towards a unit's total (B and C by default: Layer A is the
    /// national steering set, reported once for the country).
    #[serde(default = "units_layers")]
    pub layers: Vec<Layer>,
    /// Weights of layers (`"a"`, `"b"`, `"c"`) or pillars (group codes) in their parent; by
    /// default each weighs the sum of its members' weights (their points under `points`), so
    /// the nested composite equals the flat one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<NodeWeight>,
    /// How ranked units are grouped into bands.
    #[serde(default)]
    pub bands: Bands,
    /// The rank-stability analysis.
    #[serde(default)]
    pub sensitivity: SensitivityRule,
    /// The year whose targets progress is judged against (a milestone: 2025, 2030, 2045); an
    /// indicator with no target of that year cannot be assessed. By default, each
    /// indicator's next milestone: the target its period is scored against, the one "off
    /// track" is always judged by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_year: Option<u16>,
}

fn units_layers() -> Vec<Layer> {
    vec![Layer::B, Layer::C]
}

impl Default for Scheme {
    fn default() -> Self {
        Scheme {
            method: CompositeMethod::default(),
            missing: MissingPolicy::default(),
            invalid: InvalidPolicy::default(),
            ranking: RankingRule::default(),
            layers: units_layers(),
            weights: Vec::new(),
            bands: Bands::default(),
            sensitivity: SensitivityRule::default(),
            progress_year: None,
        }
    }
}

/// The published places when a ranking rule ranks on exact scores.
const DEFAULT_PLACES: u32 = 4;

impl Scheme {
    /// The places scores are published (and ranks taken) at: the ranking rule's, else 4.
    pub fn published_places(&self) -> u32 {
        self.ranking.round_to.unwrap_or(DEFAULT_PLACES)
    }

    /// Reads a scheme from JSON (every field optional) and [checks](Scheme::check) it.
    pub fn from_json(text: &str) -> Result<Scheme, Error> {
        let scheme: Scheme = json::from_str(text).map_err(|f| Error::InvalidInput {
            what: InputKind::Scheme,
            findings: vec![f],
        })?;
        scheme.check()?;
        Ok(scheme)
    }

    /// The scheme `text` declares, or the default one when there is none: what a front door
    /// passes on for an optional scheme argument.
    ///
    /// ```
    /// use chiso::evaluation::Scheme;
    /// assert_eq!(Scheme::from_optional_json(None)?, Scheme::default());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn from_optional_json(text: Option<&str>) -> Result<Scheme, Error> {
        text.map_or_else(|| Ok(Scheme::default()), Scheme::from_json)
    }

    /// Refuses settings the evaluation cannot take, each with its path: no layer, a negative
    /// weight, more than [`MAX_SENSITIVITY_RUNS`] reruns, a spread outside 0 to under 1 (a
    /// weight must stay positive), a ranking precision over 12 places, bands not from the
    /// highest down, a progress year outside 2000–2100.
    pub fn check(&self) -> Result<(), Error> {
        let mut findings = Vec::new();
        let mut out = |field: &'static str, path: String, vi: &str, en: &str| {
            findings.push(Finding::new(
                &SchemeProblem::SchemeOutOfRange {
                    field,
                    expected: Text::new(vi, en),
                },
                path,
            ));
        };
        if self.layers.is_empty() {
            out(
                "layers",
                "/layers".into(),
                "ít nhất một tầng",
                "at least one layer",
            );
        }
        for (i, w) in self.weights.iter().enumerate() {
            if w.weight.is_sign_negative() {
                out(
                    "weight",
                    format!("/weights/{i}/weight"),
                    "số không âm",
                    "0 or more",
                );
            }
        }
        if self.sensitivity.runs > MAX_SENSITIVITY_RUNS {
            out(
                "runs",
                "/sensitivity/runs".into(),
                "từ 0 đến 1000",
                "0 to 1,000",
            );
        }
        if self.sensitivity.spread.is_sign_negative() || self.sensitivity.spread >= Decimal::ONE {
            out(
                "spread",
                "/sensitivity/spread".into(),
                "từ 0 đến dưới 1",
                "0 to under 1",
            );
        }
        if self.ranking.round_to.is_some_and(|p| p > MAX_PRECISION) {
            out(
                "round_to",
                "/ranking/round_to".into(),
                "từ 0 đến 12",
                "0 to 12",
            );
        }
        if let Bands::Thresholds { bands } = &self.bands
            && bands.windows(2).any(|w| w[1].at_least >= w[0].at_least)
        {
            out(
                "bands",
                "/bands/bands".into(),
                "xếp từ cao xuống thấp",
                "listed from the highest down",
            );
        }
        if self
            .progress_year
            .is_some_and(|year| !(2000..=2100).contains(&year))
        {
            out(
                "progress_year",
                "/progress_year".into(),
                "từ 2000 đến 2100",
                "2000 to 2100",
            );
        }
        if findings.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidInput {
                what: InputKind::Scheme,
                findings,
            })
        }
    }

    /// The declared weight of a layer or pillar, if any.
    pub(crate) fn weight_of(&self, node: &str) -> Option<Decimal> {
        self.weights
            .iter()
            .find(|w| w.node == node)
            .map(|w| w.weight)
    }
}

/// A declared weight of a layer or pillar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeWeight {
    /// A layer (`"b"`) or a top-level group code (`"CHINH_PHU_SO"`).
    pub node: String,
    /// Its weight (a decimal string, 0 or more).
    #[serde(with = "crate::decimal::Exact")]
    pub weight: Decimal,
}

/// How ranked units are grouped for publication.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Bands {
    /// Four groups by rank: band ⌊4 (rank − 1) / n⌋ + 1 of `n` ranked units, so the first
    /// quarter of the places is band 1 (ranks 1–9 of 34); tied units share their rank's band.
    #[default]
    Quartiles,
    /// Declared score thresholds, highest first: a unit is in the first band whose
    /// `at_least` its published score reaches; below all of them, in none.
    Thresholds {
        /// The bands, highest first.
        bands: Vec<Band>,
    },
}

/// One declared band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The lowest published score in the band (a fraction 0–1, as a decimal string).
    #[serde(with = "crate::decimal::Exact")]
    pub at_least: Decimal,
    /// Its name ("Nhóm 1", "Tốt", ...).
    pub label: Text,
}

/// How rank stability is tested: `runs` reruns with every weight scaled by a factor drawn
/// uniformly from `1 ± spread` (a seeded, portable generator, so every binding draws the same
/// factors), plus one rerun under each other missing-data policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SensitivityRule {
    /// Reruns with perturbed weights (0 turns the analysis off; at most 1,000).
    #[serde(default = "fifty")]
    pub runs: u32,
    /// The largest relative change of a weight (`"0.2"` is ± 20 %).
    #[serde(default = "one_fifth", with = "crate::decimal::Exact")]
    pub spread: Decimal,
    /// The generator's seed.
    #[serde(default = "seed_57")]
    pub seed: u64,
    /// Whether the other missing-data policies are tried too.
    #[serde(default = "yes")]
    pub missing_policies: bool,
}

/// The most reruns a scheme may ask for (bounds the work of hostile input).
pub const MAX_SENSITIVITY_RUNS: u32 = 1_000;

fn fifty() -> u32 {
    50
}

fn one_fifth() -> Decimal {
    Decimal::new(2, 1)
}

fn seed_57() -> u64 {
    57
}

#[allow(clippy::unnecessary_wraps)]
fn yes() -> bool {
    true
}

impl Default for SensitivityRule {
    fn default() -> Self {
        SensitivityRule {
            runs: fifty(),
            spread: one_fifth(),
            seed: seed_57(),
            missing_policies: true,
        }
    }
}
