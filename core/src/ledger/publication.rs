//! Publication ("công bố"): a period's ranking made public is frozen in the ledger, so that the
//! ranking shown later, and every "previous rank" and movement computed from it, is the one
//! published, not a recomputation that a late revision has silently changed.
//!
//! A publication holds the ranking (each peer group's units, ranks and scores), its hash, the
//! ledger head it was computed on, the catalogue version and the scheme. Once a period is
//! published it is closed: a later submission for it, or for a period within it (a month of a
//! published quarter), is accepted only as a correction naming the publication it would change
//! (`corrects`). Recomputing a published period is an explicit republication that names the
//! publication it replaces and why.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::period::Period;

/// A period's ranking as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// The period ranked.
    #[schemars(with = "String")]
    pub period: Period,
    /// The time the evaluation read the ledger as of.
    #[schemars(with = "String")]
    pub as_of: NaiveDateTime,
    /// The ledger's head when the ranking was computed: the publication follows it directly.
    pub ledger_head: String,
    /// The catalogue's id.
    pub catalogue: String,
    /// Its version.
    pub catalogue_version: String,
    /// The evaluation scheme, as recorded with the result.
    pub scheme: serde_json::Value,
    /// Each peer group's ranking.
    pub rankings: Vec<PublishedRanking>,
    /// SHA-256 of the rankings' canonical JSON ([`Publication::hash`]).
    pub ranking_hash: String,
    /// The publication of the same period this one replaces (a republication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<u64>,
    /// Why it was republished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Who published, for the steering body.
    pub by: String,
    /// When.
    #[schemars(with = "String")]
    pub at: NaiveDateTime,
}

/// One peer group's published ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedRanking {
    /// The peer group.
    pub peer_group: String,
    /// Its units in rank order.
    pub rows: Vec<PublishedRow>,
}

/// One unit's published place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedRow {
    /// The unit.
    pub unit: String,
    /// Its rank; absent when unranked (no score).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::decimal::ExactOption"
    )]
    pub rank: Option<Decimal>,
    /// Its published score; absent when it has none.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::decimal::ExactOption"
    )]
    pub score: Option<Decimal>,
}

impl Publication {
    /// The hash of `rankings`: SHA-256 of their compact JSON, in lowercase hex.
    ///
    /// ```
    /// use chiso::ledger::{Publication, PublishedRanking, PublishedRow};
    /// let row = PublishedRow { unit: "DN".into(), rank: Some(1.into()), score: Some(1.into()) };
    /// let rankings = vec![PublishedRanking { peer_group: "tinh".into(), rows: vec![row] }];
    /// // sha256 of {"peer_group":"tinh","rows":[{"unit":"DN","rank":"1","score":"1"}]} in a list
    /// assert_eq!(Publication::hash(&rankings).len(), 64);
    /// ```
    pub fn hash(rankings: &[PublishedRanking]) -> String {
        hex::encode(Sha256::digest(crate::to_json(&rankings).as_bytes()))
    }

    /// The rank `unit` was published at, in `peer_group`.
    pub fn rank_of(&self, peer_group: &str, unit: &str) -> Option<Decimal> {
        self.rankings
            .iter()
            .find(|r| r.peer_group == peer_group)?
            .rows
            .iter()
            .find(|row| row.unit == unit)?
            .rank
    }
}
