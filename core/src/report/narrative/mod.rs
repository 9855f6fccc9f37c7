//! The narrative ("báo cáo thuyết minh"), in Vietnamese and English, written from the
//! evaluation alone (deterministic, no network). Every sentence carries the ids of the numbers
//! it states, so a reader (or a portal) can trace each one:
//!
//! | id | the number |
//! |---|---|
//! | `unit/HN/score` | a unit's total score |
//! | `rank/tinh_thanh/HN` | its rank (and movement) in a peer group |
//! | `unit/HN/indicator/B05` | an indicator's value, score and progress |
//! | `quality/HN` | a unit's data-quality report |
//! | `ledger/123` | a ledger entry: a revision or an explanation |
//!
//! A unit's report has the same sections as the national one; the sections of the units
//! below it follow its own, section by section, each under the unit's name.

mod national;
mod unit;
mod words;

use national::national;
use unit::for_unit;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::summary::Summary;
use crate::evaluation::{Evaluation, UnitResult};
use crate::{Catalogue, Id, Lang, Text};

/// A narrative: sections, each with one part per unit it speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Its title.
    pub title: Text,
    /// A unit's narrative: the unit's head, who answers for it, where the chart names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<crate::org::Head>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// What a section is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// Overall standing, the top and bottom, the movers.
    Standing,
    /// Off-track indicators, their explanations and bottlenecks.
    OffTrack,
    /// Data gaps: missing, late, without evidence.
    DataGaps,
    /// Progress towards the targets.
    Progress,
}

impl Topic {
    const ALL: [Topic; 4] = [
        Topic::Standing,
        Topic::OffTrack,
        Topic::DataGaps,
        Topic::Progress,
    ];

    fn heading(self) -> Text {
        match self {
            Topic::Standing => Text::new("Kết quả và xếp hạng", "Scores and rankings"),
            Topic::OffTrack => Text::new(
                "Chỉ số chưa đạt tiến độ và giải trình",
                "Off-track indicators and explanations",
            ),
            Topic::DataGaps => Text::new("Khoảng trống dữ liệu", "Data gaps"),
            Topic::Progress => {
                Text::new("Tiến độ đến năm mục tiêu", "Progress towards the targets")
            }
        }
    }
}

/// A section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What it is about.
    pub topic: Topic,
    /// Its heading.
    pub heading: Text,
    /// The text of each unit it speaks for (the whole set first, in a national report).
    pub parts: Vec<SectionPart>,
}

/// One unit's text within a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionPart {
    /// The unit (absent for the national text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

/// One sentence and the ids of the numbers it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sentence {
    /// In Vietnamese.
    pub vi: String,
    /// In English.
    pub en: String,
    /// The ids of its numbers (see the [module](self) docs).
    pub lineage: Vec<String>,
}

impl Sentence {
    fn new(vi: String, en: String, lineage: Vec<String>) -> Self {
        Sentence { vi, en, lineage }
    }
}

impl Narrative {
    /// The national narrative of `evaluation`.
    pub fn national(evaluation: &Evaluation, catalogue: &Catalogue) -> Narrative {
        let summary = Summary::new(evaluation, catalogue);
        let period = evaluation.period.to_string();
        let sections = Topic::ALL
            .into_iter()
            .map(|topic| Section {
                topic,
                heading: topic.heading(),
                parts: vec![SectionPart {
                    unit: None,
                    name: None,
                    sentences: national(topic, evaluation, &summary),
                }],
            })
            .collect();
        Narrative {
            title: Text::new(
                format!("Báo cáo đánh giá kỳ {period}"),
                format!("Evaluation report, {period}"),
            ),
            head: None,
            sections,
        }
    }

    /// The national narrative, or with `unit` that unit's ([`for_unit`](Narrative::for_unit)).
    pub fn new(
        evaluation: &Evaluation,
        catalogue: &Catalogue,
        unit: Option<&str>,
    ) -> Result<Narrative, crate::Error> {
        unit.map(Id::from).map_or_else(
            || Ok(Narrative::national(evaluation, catalogue)),
            |u| Narrative::for_unit(evaluation, catalogue, &u),
        )
    }

    /// The narrative of `unit`, with the sections of every evaluated unit below it merged
    /// in, section by section, each under its name; an `argument.invalid` error for a unit
    /// the evaluation does not hold.
    pub fn for_unit(
        evaluation: &Evaluation,
        catalogue: &Catalogue,
        unit: &str,
    ) -> Result<Narrative, crate::Error> {
        let own = evaluation
            .units
            .iter()
            .find(|u| u.unit == unit)
            .ok_or_else(|| crate::Error::InvalidArgument {
                name: "unit",
                value: unit.to_owned(),
                expected: "a unit of the evaluation".to_owned(),
            })?;
        let mut units = vec![own];
        units.extend(below(evaluation, unit));
        let sections = Topic::ALL
            .into_iter()
            .map(|topic| Section {
                topic,
                heading: topic.heading(),
                parts: units
                    .iter()
                    .map(|u| SectionPart {
                        unit: Some(u.unit.clone()),
                        name: Some(u.name.clone()),
                        sentences: for_unit(topic, evaluation, catalogue, u),
                    })
                    .collect(),
            })
            .collect();
        let period = evaluation.period.to_string();
        Ok(Narrative {
            title: Text::new(
                format!("Báo cáo đánh giá kỳ {period}: {}", own.name.vi),
                format!("Evaluation report, {period}: {}", own.name.en),
            ),
            head: own.head.clone(),
            sections,
        })
    }

    /// The narrative as Markdown text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = format!("# {}\n", self.title.get(lang));
        if let Some(head) = &self.head {
            let label = Text::new("Người đứng đầu đơn vị", "Head of the unit");
            out.push_str(&format!("\n{}: {}\n", label.get(lang), head.name));
        }
        for section in &self.sections {
            out.push_str(&format!("\n## {}\n", section.heading.get(lang)));
            for part in &section.parts {
                if let Some(name) = &part.name
                    && section.parts.len() > 1
                {
                    out.push_str(&format!("\n### {}\n", name.get(lang)));
                }
                out.push('\n');
                for s in &part.sentences {
                    let text = match lang {
                        Lang::Vi => &s.vi,
                        Lang::En => &s.en,
                    };
                    out.push_str(&format!("- {text}\n"));
                }
            }
        }
        out
    }
}

/// Evaluated units whose ancestors include `unit`, depth first by id.
fn below<'e>(evaluation: &'e Evaluation, unit: &str) -> Vec<&'e UnitResult> {
    let mut out = Vec::new();
    for child in evaluation
        .units
        .iter()
        .filter(|u| u.parent.as_deref() == Some(unit))
    {
        out.push(child);
        out.extend(below(evaluation, &child.unit));
    }
    out
}
