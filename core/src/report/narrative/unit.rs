//! A unit's report: its own standing and the same sections as the national one, for it.

use super::words::{move_text, num, off_track_sentence, value_text};
use super::{Sentence, Topic};
use crate::Catalogue;
use crate::Lang;
use crate::Text;
use crate::evaluation::Evaluation;
use crate::evaluation::UnitResult;
use crate::report::summary::OffTrack;

pub(super) fn for_unit(
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

pub(super) fn unit_standing(evaluation: &Evaluation, unit: &UnitResult) -> Vec<Sentence> {
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
