//! The synthesised report ("báo cáo tổng hợp") of an evaluation: a structured [`Summary`], a
//! [`Narrative`] in Vietnamese and English whose every sentence names the numbers it states,
//! the exports (CSV, SDMX-CSV, JSON, HTML) and the charts (SVG). All of it is a pure function of the
//! [`Evaluation`](crate::evaluation::Evaluation): deterministic, no network.

#![allow(clippy::format_push_string)] // text building, not a hot path

mod chart;
mod export;
mod narrative;
mod ranking_table;
mod summary;

pub use chart::{profile_svg, ranking_svg};
pub use export::{
    ExportFormat, SDMX_DATAFLOW, export, fixed, number, ranking_csv, ranking_html, ranking_json,
    ranking_sdmx_csv,
};
pub use narrative::{Narrative, Section, SectionPart, Sentence, Topic};
pub use ranking_table::{Cell, RankingColumn, ranking_cell, ranking_table, ranking_table_json};
pub use summary::{
    BottleneckCount, GapCount, GroupSummary, NAMED, OffTrack, Proposal, StatusCount, Summary,
    UnitItem,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Catalogue;
use crate::evaluation::Evaluation;

/// The whole report: the summary and the national narrative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationReport {
    /// The structured summary.
    pub summary: Summary,
    /// The narrative.
    pub narrative: Narrative,
}

impl EvaluationReport {
    /// The national report of `evaluation` (made with `catalogue`, for indicator names).
    pub fn new(evaluation: &Evaluation, catalogue: &Catalogue) -> EvaluationReport {
        EvaluationReport {
            summary: Summary::new(evaluation, catalogue),
            narrative: Narrative::national(evaluation, catalogue),
        }
    }
}
