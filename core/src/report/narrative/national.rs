//! The national report's sentences: the standing of each peer group, who moved, proposals,
//! the indicators off track, the data gaps and progress towards the targets.

use super::words::{
    also, answerable, move_text, names, num, off_track_sentence, plural, short, trim_stop, with_who,
};
use super::{Sentence, Topic};
use crate::Lang;
use crate::Text;
use crate::evaluation::Evaluation;
use crate::evaluation::ProgressStatus;
use crate::report::export::fixed;
use crate::report::summary::GroupSummary;
use crate::report::summary::OffTrack;
use crate::report::summary::Summary;
use rust_decimal::Decimal;

pub(super) fn national(topic: Topic, evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
    match topic {
        Topic::Standing => national_standing(evaluation, summary),
        Topic::OffTrack => national_off_track(summary),
        Topic::DataGaps => national_gaps(summary),
        Topic::Progress => national_progress(evaluation, summary),
    }
}

pub(super) fn national_standing(evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
    let period = evaluation.period;
    let places = evaluation.published_places();
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
pub(super) fn movers(g: &GroupSummary) -> Vec<Sentence> {
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
pub(super) fn proposals(summary: &Summary) -> Vec<Sentence> {
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
pub(super) fn national_off_track(summary: &Summary) -> Vec<Sentence> {
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

pub(super) fn national_gaps(summary: &Summary) -> Vec<Sentence> {
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

pub(super) fn national_progress(evaluation: &Evaluation, summary: &Summary) -> Vec<Sentence> {
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
