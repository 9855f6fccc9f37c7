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

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::export::fixed;
use super::summary::{GroupSummary, OffTrack, Summary};
use crate::evaluation::{Evaluation, ProgressStatus, RankingRow, UnitResult};
use crate::org::Head;
use crate::{Catalogue, Lang, Text, Value};

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
        unit.map_or_else(
            || Ok(Narrative::national(evaluation, catalogue)),
            |u| Narrative::for_unit(evaluation, catalogue, u),
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

/// A decimal as each language writes it: `0,7125` and `0.7125`.
fn num(d: Decimal) -> Text {
    Text::new(
        crate::Style::of(crate::Lang::Vi).number(d),
        crate::Style::of(crate::Lang::En).number(d),
    )
}

fn value_text(v: &Value) -> Text {
    match v {
        Value::Number(d) => num(*d),
        Value::Bool(true) => Text::new("có", "yes"),
        Value::Bool(false) => Text::new("không", "no"),
        Value::Text(t) => Text::new(t, t),
        _ => Text::new("không có số liệu", "no data"),
    }
}

/// Units named with their scores at the published precision, the word "score" before each so
/// that it never reads as a rank: "Bộ Công an (điểm 1,0000)".
fn names(rows: &[RankingRow], group: &str, places: u32) -> (String, String, Vec<String>) {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    let mut lineage = Vec::new();
    for r in rows {
        if let Some(score) = r.score {
            vi.push(format!(
                "{} (điểm {})",
                r.name.vi,
                fixed(score, places, Lang::Vi)
            ));
            en.push(format!(
                "{} (score {})",
                r.name.en,
                fixed(score, places, Lang::En)
            ));
        } else {
            vi.push(r.name.vi.clone());
            en.push(r.name.en.clone());
        }
        lineage.push(format!("unit/{}/score", r.unit));
        lineage.push(format!("rank/{group}/{}", r.unit));
    }
    (vi.join(", "), en.join(", "), lineage)
}

fn national(topic: Topic, evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
    match topic {
        Topic::Standing => national_standing(evaluation, summary),
        Topic::OffTrack => national_off_track(summary),
        Topic::DataGaps => national_gaps(summary),
        Topic::Progress => national_progress(evaluation, summary),
    }
}

fn national_standing(evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
    let period = evaluation.period;
    let places = evaluation.scheme.ranking.round_to.unwrap_or(4);
    let head = short(&evaluation.ledger_head);
    let mut out = vec![Sentence::new(
        format!(
            "Kỳ {period}: đánh giá {} đơn vị theo bộ chỉ số {} phiên bản {}, trên số liệu đã phê duyệt đến {} (sổ cái {head}).",
            summary.units, evaluation.catalogue, evaluation.catalogue_version, evaluation.as_of
        ),
        format!(
            "{period}: {} evaluated on indicator set {} version {}, from data approved by {} (ledger {head}).",
            plural(summary.units, "unit"),
            evaluation.catalogue,
            evaluation.catalogue_version,
            evaluation.as_of
        ),
        vec![format!("ledger/{}", evaluation.ledger_head)],
    )];
    for w in &evaluation.warnings {
        out.push(Sentence::new(
            format!("Lưu ý: {}", w.message_vi),
            format!("Note: {}", w.message_en),
            vec![w.code.clone()],
        ));
    }
    for g in &summary.groups {
        let id = &g.peer_group;
        if let Some(mean) = g.mean {
            let m = Text::new(fixed(mean, places, Lang::Vi), fixed(mean, places, Lang::En));
            out.push(Sentence::new(
                format!(
                    "{}: {} đơn vị được xếp hạng, điểm bình quân {}.",
                    g.name.vi, g.ranked, m.vi
                ),
                format!(
                    "{}: {} ranked, mean score {}.",
                    g.name.en,
                    plural(g.ranked, "unit"),
                    m.en
                ),
                g.top
                    .iter()
                    .chain(&g.bottom)
                    .map(|r| format!("rank/{id}/{}", r.unit))
                    .collect(),
            ));
        }
        for (rows, tied, vi_word, en_word) in [
            (&g.top, g.top_tied, "Dẫn đầu", "Top"),
            (&g.bottom, 0, "Cuối bảng", "Bottom"),
        ] {
            if !rows.is_empty() {
                let (vi, en, lineage) = names(rows, id, places);
                let more = also(rows, tied, |r| {
                    r.rank.map(|rank| {
                        let rank = num(rank);
                        (
                            format!("cùng hạng {}", rank.vi),
                            format!("also ranked {}", rank.en),
                        )
                    })
                });
                out.push(Sentence::new(
                    format!("{vi_word}: {vi}{}.", more.vi),
                    format!("{en_word}: {en}{}.", more.en),
                    lineage,
                ));
            }
        }
        out.extend(movers(g));
        if !g.unranked.is_empty() {
            out.push(Sentence::new(
                format!("Chưa xếp hạng (không có điểm): {}.", g.unranked.join(", ")),
                format!("Not ranked (no score): {}.", g.unranked.join(", ")),
                g.unranked
                    .iter()
                    .map(|u| format!("unit/{u}/score"))
                    .collect(),
            ));
        }
    }
    out
}

/// A peer group's biggest risers and fallers, each list ending with those tied with its last.
fn movers(g: &GroupSummary) -> Vec<Sentence> {
    let id = &g.peer_group;
    let mut out = Vec::new();
    for (rows, tied, vi_word, en_word) in [
        (&g.risers, g.risers_tied, "Tăng hạng", "Biggest risers"),
        (&g.fallers, g.fallers_tied, "Giảm hạng", "Biggest fallers"),
    ] {
        if rows.is_empty() {
            continue;
        }
        let vi: Vec<String> = rows.iter().map(|r| move_text(r, Lang::Vi)).collect();
        let en: Vec<String> = rows.iter().map(|r| move_text(r, Lang::En)).collect();
        let more = also(rows, tied, |r| {
            r.movement.map(|m| {
                let (word_vi, word_en) = if m > Decimal::ZERO {
                    ("tăng", "up")
                } else {
                    ("giảm", "down")
                };
                let m = num(m.abs());
                (
                    format!("cũng {word_vi} {} bậc", m.vi),
                    format!("also {word_en} {}", m.en),
                )
            })
        });
        out.push(Sentence::new(
            format!("{vi_word}: {}{}.", vi.join("; "), more.vi),
            format!("{en_word}: {}{}.", en.join("; "), more.en),
            rows.iter()
                .map(|r| format!("rank/{id}/{}", r.unit))
                .collect(),
        ));
    }
    out
}

/// The units' proposals and requests for support, as they wrote them ("kiến nghị").
fn proposals(summary: &Summary) -> Vec<Sentence> {
    summary
        .proposals
        .iter()
        .map(|p| {
            Sentence::new(
                format!(
                    "Kiến nghị – {} ({}): {}.",
                    p.name.vi,
                    p.indicator,
                    trim_stop(&p.text)
                ),
                format!(
                    "Proposal (in Vietnamese) – {} ({}): {}.",
                    p.name.en,
                    p.indicator,
                    trim_stop(&p.text)
                ),
                vec![format!("ledger/{}", p.sequence)],
            )
        })
        .collect()
}

/// Explained off-track indicators in full; the unexplained ones listed by indicator.
fn national_off_track(summary: &Summary) -> Vec<Sentence> {
    if summary.off_track.is_empty() {
        return vec![Sentence::new(
            "Không có chỉ số nào chưa đạt tiến độ.".into(),
            "No indicator is off track.".into(),
            Vec::new(),
        )];
    }
    let lineage = |rows: &[&OffTrack]| -> Vec<String> {
        rows.iter()
            .map(|o| format!("unit/{}/indicator/{}", o.unit, o.indicator))
            .collect()
    };
    let all: Vec<&OffTrack> = summary.off_track.iter().collect();
    let due = all.iter().filter(|o| o.explanation_due).count();
    let (explained, unexplained): (Vec<&OffTrack>, Vec<&OffTrack>) = all
        .iter()
        .filter(|o| o.explanation_due || o.explanation.is_some())
        .partition(|o| o.explanation.is_some());
    let mut out = vec![Sentence::new(
        format!(
            "{} lượt chỉ số chưa đạt tiến độ; {due} lượt phải giải trình, {} đã có giải trình.",
            all.len(),
            explained.len()
        ),
        format!(
            "{} off track; {due} to be explained, {} explained.",
            plural(all.len(), "unit indicator"),
            explained.len()
        ),
        lineage(&all),
    )];
    out.extend(explained.iter().map(|o| off_track_sentence(o, true)));
    let mut by_indicator: std::collections::BTreeMap<&str, Vec<&OffTrack>> =
        std::collections::BTreeMap::new();
    for o in &unexplained {
        by_indicator
            .entry(o.indicator.as_str())
            .or_default()
            .push(o);
    }
    for (indicator, rows) in by_indicator {
        let name = &rows[0].indicator_name;
        let who = |lang: Lang| -> Vec<String> {
            rows.iter()
                .map(|o| {
                    with_who(
                        o.name.get(lang),
                        &answerable(o.head.as_ref(), o.focal_officer.as_ref()),
                        lang,
                    )
                })
                .collect()
        };
        out.push(Sentence::new(
            format!(
                "Chưa giải trình – {indicator} {} ({} đơn vị): {}.",
                name.vi,
                rows.len(),
                who(Lang::Vi).join("; ")
            ),
            format!(
                "Not yet explained – {indicator} {} ({}): {}.",
                name.en,
                plural(rows.len(), "unit"),
                who(Lang::En).join("; ")
            ),
            lineage(&rows),
        ));
    }
    out.extend(proposals(summary));
    if !summary.bottlenecks.is_empty() {
        let vi: Vec<String> = summary
            .bottlenecks
            .iter()
            .map(|b| format!("{} ({})", b.bottleneck.label().vi.to_lowercase(), b.count))
            .collect();
        let en: Vec<String> = summary
            .bottlenecks
            .iter()
            .map(|b| format!("{} ({})", b.bottleneck.label().en.to_lowercase(), b.count))
            .collect();
        out.push(Sentence::new(
            format!("Điểm nghẽn được nêu: {}.", vi.join(", ")),
            format!("Bottlenecks named: {}.", en.join(", ")),
            explained
                .iter()
                .filter_map(|o| {
                    o.explanation
                        .as_ref()
                        .map(|e| format!("ledger/{}", e.sequence))
                })
                .collect(),
        ));
    }
    out
}

fn national_gaps(summary: &Summary) -> Vec<Sentence> {
    if summary.gaps.is_empty() {
        return vec![Sentence::new(
            "Không có khoảng trống dữ liệu.".into(),
            "No data gaps.".into(),
            Vec::new(),
        )];
    }
    summary
        .gaps
        .iter()
        .map(|g| {
            let label = g.code.label();
            let mut units: Vec<&str> = g.items.iter().map(|i| i.unit.as_str()).collect();
            units.dedup();
            let list = |lang: Lang| -> Vec<String> {
                g.items
                    .iter()
                    .map(|i| {
                        let when = i.period.map(|p| format!(" ({p})")).unwrap_or_default();
                        let what =
                            format!("{} – {}{when}", i.name.get(lang), i.item_name.get(lang));
                        let who = answerable(i.head.as_ref(), i.focal_officer.as_ref());
                        with_who(&what, &who, lang)
                    })
                    .collect()
            };
            Sentence::new(
                format!(
                    "{}: {} mục của {} đơn vị ({}).",
                    label.vi,
                    g.items.len(),
                    units.len(),
                    list(Lang::Vi).join("; ")
                ),
                format!(
                    "{}: {} of {} ({}).",
                    label.en,
                    plural(g.items.len(), "item"),
                    plural(units.len(), "unit"),
                    list(Lang::En).join("; ")
                ),
                units.iter().map(|u| format!("quality/{u}")).collect(),
            )
        })
        .collect()
}

fn national_progress(evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
    let total: usize = summary.progress.iter().map(|s| s.count).sum();
    let vi: Vec<String> = summary
        .progress
        .iter()
        .map(|s| format!("{} {}", s.status.label().vi.to_lowercase(), s.count))
        .collect();
    let en: Vec<String> = summary
        .progress
        .iter()
        .map(|s| format!("{} {}", s.status.label().en.to_lowercase(), s.count))
        .collect();
    let (to_vi, to_en) = match evaluation.scheme.progress_year {
        Some(year) => (
            format!("đến mục tiêu năm {year}"),
            format!("towards the {year} targets"),
        ),
        None => (
            "đến mốc mục tiêu gần nhất".to_owned(),
            "towards each indicator's next milestone".to_owned(),
        ),
    };
    let mut out = vec![Sentence::new(
        format!(
            "Tiến độ {to_vi} của {total} lượt chỉ số: {}.",
            vi.join(", ")
        ),
        format!(
            "Progress {to_en} of {}: {}.",
            plural(total, "unit indicator"),
            en.join(", ")
        ),
        Vec::new(),
    )];
    let mut worst: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for u in &evaluation.units {
        for i in u
            .indicators
            .iter()
            .filter(|i| i.progress.status == ProgressStatus::Deterioration)
        {
            worst
                .entry(i.indicator.as_str())
                .or_default()
                .push(u.unit.as_str());
        }
    }
    for (indicator, units) in worst {
        out.push(Sentence::new(
            format!(
                "Chỉ số {indicator} đi xuống ở {} đơn vị: {}.",
                units.len(),
                units.join(", ")
            ),
            format!(
                "{indicator} is deteriorating in {}: {}.",
                plural(units.len(), "unit"),
                units.join(", ")
            ),
            units
                .iter()
                .map(|u| format!("unit/{u}/indicator/{indicator}"))
                .collect(),
        ));
    }
    out
}

fn for_unit(
    topic: Topic,
    evaluation: &Evaluation,
    catalogue: &Catalogue,
    unit: &UnitResult,
) -> Vec<Sentence> {
    match topic {
        Topic::Standing => unit_standing(evaluation, unit),
        Topic::OffTrack => {
            let rows: Vec<OffTrack> = unit
                .indicators
                .iter()
                .filter_map(|i| OffTrack::of(unit, i, catalogue))
                .collect();
            if rows.is_empty() {
                return vec![Sentence::new(
                    "Không có chỉ số chưa đạt tiến độ.".into(),
                    "No indicator off track.".into(),
                    Vec::new(),
                )];
            }
            rows.iter().map(|o| off_track_sentence(o, false)).collect()
        }
        Topic::DataGaps => {
            let id = &unit.unit;
            let gaps = unit.quality.as_ref().map_or(&[][..], |q| q.gaps.as_slice());
            if gaps.is_empty() {
                return vec![Sentence::new(
                    "Không có khoảng trống dữ liệu.".into(),
                    "No data gaps.".into(),
                    vec![format!("quality/{id}")],
                )];
            }
            gaps.iter()
                .map(|g| {
                    let label = g.code.label();
                    Sentence::new(
                        format!("{}: {}.", label.vi, g.item),
                        format!("{}: {}.", label.en, g.item),
                        std::iter::once(format!("quality/{id}"))
                            .chain(g.revision.map(|r| format!("ledger/{r}")))
                            .collect(),
                    )
                })
                .collect()
        }
        Topic::Progress => unit
            .indicators
            .iter()
            .map(|i| {
                let status = i.progress.status.label();
                let ratio = i
                    .progress
                    .ratio
                    .map(num)
                    .map(|r| (format!(" (tỷ lệ {})", r.vi), format!(" (ratio {})", r.en)))
                    .unwrap_or_default();
                let v = value_text(&i.value);
                Sentence::new(
                    format!(
                        "{} = {} ({}): {}{}.",
                        i.indicator,
                        v.vi,
                        i.period,
                        status.vi.to_lowercase(),
                        ratio.0
                    ),
                    format!(
                        "{} = {} ({}): {}{}.",
                        i.indicator,
                        v.en,
                        i.period,
                        status.en.to_lowercase(),
                        ratio.1
                    ),
                    std::iter::once(format!("unit/{}/indicator/{}", unit.unit, i.indicator))
                        .chain(i.revisions.iter().map(|r| format!("ledger/{r}")))
                        .collect(),
                )
            })
            .collect(),
    }
}

fn unit_standing(evaluation: &Evaluation, unit: &UnitResult) -> Vec<Sentence> {
    let id = &unit.unit;
    let mut out = Vec::new();
    let row = evaluation
        .rankings
        .iter()
        .find_map(|r| r.rows.iter().find(|x| x.unit == *id).map(|x| (r, x)));
    let score = unit.score.map_or_else(|| Text::new("chưa có", "none"), num);
    match row {
        Some((r, x)) if x.rank.is_some() => {
            let rank = x.rank.map_or_else(|| Text::new("", ""), num);
            let n = r.rows.iter().filter(|y| y.rank.is_some()).count();
            let band = x
                .band
                .as_ref()
                .map(|b| (format!(", {}", b.label.vi), format!(", {}", b.label.en)))
                .unwrap_or_default();
            let at = format!("rank/{}/{id}", r.peer_group);
            out.push(Sentence::new(
                format!(
                    "Điểm {}, hạng {}/{} trong nhóm {}{}.",
                    score.vi, rank.vi, n, r.name.vi, band.0
                ),
                format!(
                    "Score {}, ranked {} of {} among {}{}.",
                    score.en,
                    rank.en,
                    n,
                    r.name.en.to_lowercase(),
                    band.1
                ),
                vec![format!("unit/{id}/score"), at.clone()],
            ));
            if x.movement.is_some() {
                out.push(Sentence::new(
                    format!("So với kỳ trước: {}.", move_text(x, Lang::Vi)),
                    format!("Against the previous period: {}.", move_text(x, Lang::En)),
                    vec![at.clone()],
                ));
            }
            if let Some(s) = &x.sensitivity {
                out.push(Sentence::new(
                    format!("Khi thay đổi trọng số và cách xử lý số liệu thiếu ({} phương án), thứ hạng dao động từ {} đến {} (trung vị {}).", s.runs, num(s.min).vi, num(s.max).vi, num(s.median).vi),
                    format!("Under other weights and missing-data policies ({} variants) the rank ranges from {} to {} (median {}).", s.runs, num(s.min).en, num(s.max).en, num(s.median).en),
                    vec![at],
                ));
            }
        }
        _ => out.push(Sentence::new(
            format!("Điểm {} (không thuộc nhóm xếp hạng).", score.vi),
            format!("Score {} (not in a ranked peer group).", score.en),
            vec![format!("unit/{id}/score")],
        )),
    }
    for layer in &unit.layers {
        if let Some(s) = layer.score {
            let s = num(s);
            out.push(Sentence::new(
                format!("{}: {}.", layer.name.vi, s.vi),
                format!("{}: {}.", layer.name.en, s.en),
                vec![format!("unit/{id}/score")],
            ));
        }
    }
    if let Some(score) = unit.quality.as_ref().and_then(|q| q.score) {
        let s = num(score);
        out.push(Sentence::new(
            format!("Chất lượng dữ liệu: {}/100.", s.vi),
            format!("Data quality: {}/100.", s.en),
            vec![format!("quality/{id}")],
        ));
    }
    out
}

fn off_track_sentence(o: &OffTrack, with_unit: bool) -> Sentence {
    let v = value_text(&o.value);
    let (who_vi, who_en) = if with_unit {
        (format!("{} – ", o.name.vi), format!("{} – ", o.name.en))
    } else {
        (String::new(), String::new())
    };
    let mut lineage = vec![format!("unit/{}/indicator/{}", o.unit, o.indicator)];
    let (vi_tail, en_tail) = match &o.explanation {
        Some(e) => {
            lineage.push(format!("ledger/{}", e.sequence));
            let vi_b: Vec<String> = e
                .bottlenecks
                .iter()
                .map(|b| b.label().vi.to_lowercase())
                .collect();
            let en_b: Vec<String> = e
                .bottlenecks
                .iter()
                .map(|b| b.label().en.to_lowercase())
                .collect();
            let (vi_ask, en_ask) = e.support_requested.as_deref().map_or_else(
                || (String::new(), String::new()),
                |ask| {
                    (
                        format!(". Kiến nghị: {}", trim_stop(ask)),
                        format!(". Proposals: {}", trim_stop(ask)),
                    )
                },
            );
            (
                format!(
                    " Đã giải trình: {}. Điểm nghẽn: {}. Giải pháp: {}{vi_ask}",
                    trim_stop(&e.causes),
                    vi_b.join(", "),
                    trim_stop(&e.solutions)
                ),
                format!(
                    " Explained (in Vietnamese): {}. Bottlenecks: {}. Solutions: {}{en_ask}",
                    trim_stop(&e.causes),
                    en_b.join(", "),
                    trim_stop(&e.solutions)
                ),
            )
        }
        None => (
            " Chưa giải trình".to_owned(),
            " Not yet explained".to_owned(),
        ),
    };
    let answers = answerable(o.head.as_ref(), o.focal_officer.as_ref());
    let (vi_answers, en_answers) = if answers.vi.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(" Trách nhiệm: {}.", answers.vi),
            format!(" Answerable: {}.", answers.en),
        )
    };
    Sentence::new(
        format!(
            "{who_vi}{} {} = {}{} ({}): {}.{vi_tail}.{vi_answers}",
            o.indicator,
            o.indicator_name.vi,
            v.vi,
            measure(&o.measure.vi),
            o.period,
            o.why.vi
        ),
        format!(
            "{who_en}{} {} = {}{} ({}): {}.{en_tail}.{en_answers}",
            o.indicator,
            o.indicator_name.en,
            v.en,
            measure(&o.measure.en),
            o.period,
            o.why.en
        ),
        lineage,
    )
}

/// A unit of measure after a value: " %" as "%", others after a space; nothing for none.
fn measure(unit: &str) -> String {
    match unit.trim() {
        "" => String::new(),
        "%" => "%".to_owned(),
        other => format!(" {other}"),
    }
}

/// Who answers for an item: "người đứng đầu: X; đầu mối: Y" (each where known).
fn answerable(head: Option<&Head>, officer: Option<&Head>) -> Text {
    let mut vi = Vec::new();
    let mut en = Vec::new();
    if let Some(h) = head {
        vi.push(format!("người đứng đầu {}", h.name));
        en.push(format!("head {}", h.name));
    }
    if let Some(f) = officer {
        vi.push(format!("đầu mối {}", f.name));
        en.push(format!("focal officer {}", f.name));
    }
    Text::new(vi.join(", "), en.join(", "))
}

/// `what`, followed by who answers for it in brackets when anyone is known.
fn with_who(what: &str, who: &Text, lang: Lang) -> String {
    let who = who.get(lang);
    if who.is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({who})")
    }
}

fn trim_stop(s: &str) -> &str {
    s.trim().trim_end_matches('.')
}

fn move_text(r: &RankingRow, lang: Lang) -> String {
    let (Some(m), Some(now), Some(then)) = (r.movement, r.rank, r.previous_rank) else {
        return String::new();
    };
    let name = r.name.get(lang);
    let (now, then) = (num(now), num(then));
    match lang {
        Lang::Vi if m > Decimal::ZERO => format!(
            "{name} tăng {} bậc (từ {} lên {})",
            num(m).vi,
            then.vi,
            now.vi
        ),
        Lang::Vi if m < Decimal::ZERO => format!(
            "{name} giảm {} bậc (từ {} xuống {})",
            num(-m).vi,
            then.vi,
            now.vi
        ),
        Lang::Vi => format!("{name} giữ hạng {}", now.vi),
        Lang::En if m > Decimal::ZERO => {
            format!("{name} up {} (from {} to {})", num(m).en, then.en, now.en)
        }
        Lang::En if m < Decimal::ZERO => format!(
            "{name} down {} (from {} to {})",
            num(-m).en,
            then.en,
            now.en
        ),
        Lang::En => format!("{name} unchanged at {}", now.en),
    }
}

fn short(head: &str) -> &str {
    head.get(..12).unwrap_or(head)
}

/// `n` and the English noun, singular for one: "1 unit", "3 units".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The end of a list cut after its last row where `tied` more share that row's place: "và 3
/// đơn vị khác cùng hạng 3" / "and 3 others also ranked 3"; empty when none do.
fn also(
    rows: &[RankingRow],
    tied: usize,
    place: impl Fn(&RankingRow) -> Option<(String, String)>,
) -> Text {
    match rows.last().and_then(place) {
        Some((vi, en)) if tied > 0 => {
            let others = if tied == 1 {
                "1 other".to_owned()
            } else {
                format!("{tied} others")
            };
            Text::new(
                format!(", và {tied} đơn vị khác {vi}"),
                format!(", and {others} {en}"),
            )
        }
        _ => Text::new("", ""),
    }
}
