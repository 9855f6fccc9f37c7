//! Charts of an evaluation as SVG, drawn here in the core so that a portal, a Jupyter notebook
//! and the web form show the same picture: a peer group's ranking as horizontal bars, and one
//! unit's profile (total, layers, pillars) against its peer group's median.
//!
//! The SVG is plain text with no script and no external resource; every bar carries a `<title>`
//! (a tooltip, and what a screen reader says) and the chart an `aria-label`. Lengths are
//! computed in exact decimals, so the same evaluation draws byte-identical SVG everywhere.

use rust_decimal::Decimal;

use super::export::{escape, number};
use crate::evaluation::{Evaluation, NodeResult, UnitResult};
use crate::{Error, Id, Lang};

/// Width of the whole chart, in pixels.
const WIDTH: u32 = 760;
/// Where bars start (the labels sit to their left).
const BAR_X: u32 = 260;
/// The length of a bar scoring 1.
const BAR_LENGTH: u32 = 400;
/// Height of one row.
const ROW: u32 = 22;
/// Height of the title area.
const TOP: u32 = 48;
/// Height of the axis area under the bars.
const BOTTOM: u32 = 28;

/// Fill of each band (1 the best), and of bars with no band.
const BAND_FILLS: [&str; 4] = ["#1b7837", "#5aae61", "#f1a340", "#d6604d"];
const PLAIN_FILL: &str = "#2c6fbb";
/// The peer-group median marker.
const MEDIAN_STROKE: &str = "#222";

/// The ranking of `peer_group` as a horizontal bar chart: one bar per unit in rank order,
/// coloured by band, labelled with rank, name and score (a decimal comma in Vietnamese).
///
/// ```
/// # use chiso::{Catalogue, Reporting, evaluation::Scheme, ledger::Ledger};
/// # let reporting = Reporting::from_json(Catalogue::nq57(),
/// #     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
/// #                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}],
/// #         "peer_groups": [{"id": "tinh", "name": {"vi": "Tỉnh", "en": "Provinces"}, "members": ["DN"]}]}"#,
/// #     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
/// #     None)?;
/// let evaluation = reporting.evaluate(&Ledger::default(), "2026-Q2".parse()?,
///     "2026-07-01T00:00:00".parse().unwrap(), &Scheme::default())?;
/// let svg = chiso::report::ranking_svg(&evaluation, "tinh", chiso::Lang::Vi)?;
/// assert!(svg.starts_with("<svg") && svg.contains("1. Đồng Nai"));
/// assert!(chiso::report::ranking_svg(&evaluation, "xa", chiso::Lang::Vi).is_err());
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn ranking_svg<'i>(
    evaluation: &Evaluation,
    peer_group: impl Into<Id<'i>>,
    lang: Lang,
) -> Result<String, Error> {
    let peer_group = &*peer_group.into();
    let group = evaluation
        .rankings
        .iter()
        .find(|g| g.peer_group == peer_group)
        .ok_or_else(|| Error::InvalidArgument {
            name: "peer_group",
            value: peer_group.to_owned(),
            expected: "a peer group of the evaluation".to_owned(),
        })?;
    let title = match lang {
        Lang::Vi => format!("Xếp hạng {} — kỳ {}", group.name.vi, evaluation.period),
        Lang::En => format!("Ranking: {}, {}", group.name.en, evaluation.period),
    };
    let bars: Vec<Bar> = group
        .rows
        .iter()
        .map(|row| Bar {
            label: format!(
                "{}. {}",
                row.rank.map_or_else(|| "–".to_owned(), |r| number(r, lang)),
                row.name.get(lang)
            ),
            score: row.score,
            fill: row
                .band
                .as_ref()
                .and_then(|b| BAND_FILLS.get(b.number.checked_sub(1)? as usize))
                .copied()
                .unwrap_or(PLAIN_FILL),
            median: None,
            indent: false,
        })
        .collect();
    Ok(draw(&title, &bars, lang))
}

/// One unit's profile: its total, each layer and each pillar as bars, with the median of its
/// peer group's units on the same node marked by a vertical line.
///
/// ```
/// # use chiso::{Catalogue, Reporting, evaluation::Scheme, ledger::Ledger};
/// # let reporting = Reporting::from_json(Catalogue::nq57(),
/// #     r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"},
/// #                   {"id": "DN", "name": {"vi": "Đồng Nai", "en": "Dong Nai"}, "kind": "province", "parent": "BCD"}],
/// #         "peer_groups": [{"id": "tinh", "name": {"vi": "Tỉnh", "en": "Provinces"}, "members": ["DN"]}]}"#,
/// #     r#"[{"unit": "DN", "item": "C01", "role": "lead", "focal_officer": "can_bo_1", "from": "2026-Q1", "assigned_by": "BCD"}]"#,
/// #     None)?;
/// let evaluation = reporting.evaluate(&Ledger::default(), "2026-Q2".parse()?,
///     "2026-07-01T00:00:00".parse().unwrap(), &Scheme::default())?;
/// let svg = chiso::report::profile_svg(&evaluation, "DN", chiso::Lang::En)?;
/// assert!(svg.contains(">Total<") && svg.contains("Layer C"));
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn profile_svg<'i>(
    evaluation: &Evaluation,
    unit: impl Into<Id<'i>>,
    lang: Lang,
) -> Result<String, Error> {
    let unit = &*unit.into();
    let own = evaluation
        .units
        .iter()
        .find(|u| u.unit == unit)
        .ok_or_else(|| Error::InvalidArgument {
            name: "unit",
            value: unit.to_owned(),
            expected: "a unit of the evaluation".to_owned(),
        })?;
    let peers: Vec<&UnitResult> = evaluation
        .units
        .iter()
        .filter(|u| u.unit != own.unit && u.peer_group.is_some() && u.peer_group == own.peer_group)
        .collect();
    let title = match lang {
        Lang::Vi => format!("Hồ sơ điểm {} — kỳ {}", own.name.vi, evaluation.period),
        Lang::En => format!("Score profile: {}, {}", own.name.en, evaluation.period),
    };
    let mut bars = vec![Bar {
        label: match lang {
            Lang::Vi => "Tổng điểm".to_owned(),
            Lang::En => "Total".to_owned(),
        },
        score: own.score,
        fill: PLAIN_FILL,
        median: median(peers.iter().filter_map(|u| u.score)),
        indent: false,
    }];
    let node_bar = |node: &NodeResult, indent: bool| {
        let same = |n: &&NodeResult| n.layer == node.layer && n.pillar == node.pillar;
        Bar {
            label: node.name.get(lang).to_owned(),
            score: node.score,
            fill: if indent { "#6a9fd4" } else { PLAIN_FILL },
            median: median(peers.iter().filter_map(|u| {
                u.layers
                    .iter()
                    .chain(&u.pillars)
                    .find(same)
                    .and_then(|n| n.score)
            })),
            indent,
        }
    };
    for layer in &own.layers {
        bars.push(node_bar(layer, false));
        for pillar in own.pillars.iter().filter(|p| p.layer == layer.layer) {
            bars.push(node_bar(pillar, true));
        }
    }
    Ok(draw(&title, &bars, lang))
}

/// One bar of a chart.
struct Bar {
    label: String,
    score: Option<Decimal>,
    fill: &'static str,
    median: Option<Decimal>,
    indent: bool,
}

/// The chart: title, gridlines at quarters, bars with labels and values, the axis.
fn draw(title: &str, bars: &[Bar], lang: Lang) -> String {
    let rows = u32::try_from(bars.len()).unwrap_or(u32::MAX);
    let height = TOP + rows.saturating_mul(ROW) + BOTTOM;
    let bottom = TOP + rows.saturating_mul(ROW);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{t}\" \
         font-family=\"'Noto Sans','Segoe UI',Arial,sans-serif\" font-size=\"12\">\n\
         <title>{t}</title>\n<rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#fff\"/>\n\
         <text x=\"12\" y=\"28\" font-size=\"16\" font-weight=\"bold\" fill=\"#222\">{t}</text>\n",
        t = escape(title),
    );
    for k in 0..=4u32 {
        let x = BAR_X + BAR_LENGTH * k / 4;
        let tick = number(Decimal::from(k) / Decimal::from(4), lang);
        out.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{TOP}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"#ddd\"/>\
             <text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{tick}</text>\n",
            bottom + 16
        ));
    }
    for (k, bar) in (0u32..).zip(bars) {
        let y = TOP + k * ROW;
        let text_y = y + ROW / 2 + 4;
        let label_x = BAR_X - 8;
        let weight = if bar.indent { "normal" } else { "bold" };
        let shown = bar
            .score
            .map_or_else(|| "—".to_owned(), |s| number(s, lang));
        out.push_str(&format!(
            "<g><title>{}: {}</title>\
             <text x=\"{label_x}\" y=\"{text_y}\" text-anchor=\"end\" font-weight=\"{weight}\" fill=\"#222\">{}</text>",
            escape(&bar.label),
            escape(&shown),
            escape(&clip(&bar.label, if bar.indent { 38 } else { 33 })),
        ));
        let length = bar.score.map_or(Decimal::ZERO, length_of);
        if bar.score.is_some() {
            out.push_str(&format!(
                "<rect x=\"{BAR_X}\" y=\"{}\" width=\"{length}\" height=\"{}\" fill=\"{}\"/>",
                y + 4,
                ROW - 8,
                bar.fill
            ));
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{text_y}\" fill=\"#222\">{}</text>",
            Decimal::from(BAR_X + 6) + length,
            escape(&shown)
        ));
        if let Some(m) = bar.median {
            let x = Decimal::from(BAR_X) + length_of(m);
            out.push_str(&format!(
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{MEDIAN_STROKE}\" stroke-width=\"2\"/>",
                y + 1,
                y + ROW - 1
            ));
        }
        out.push_str("</g>\n");
    }
    if bars.iter().any(|b| b.median.is_some()) {
        let legend = match lang {
            Lang::Vi => "│ trung vị nhóm so sánh",
            Lang::En => "│ peer-group median",
        };
        out.push_str(&format!(
            "<text x=\"{}\" y=\"28\" text-anchor=\"end\" fill=\"#555\">{legend}</text>\n",
            WIDTH - 12
        ));
    }
    out.push_str("</svg>\n");
    out
}

/// A bar's length for a score 0–1 (clamped), to a tenth of a pixel.
fn length_of(score: Decimal) -> Decimal {
    (score.clamp(Decimal::ZERO, Decimal::ONE) * Decimal::from(BAR_LENGTH))
        .round_dp(1)
        .normalize()
}

/// The median of some scores (the mean of the middle two for an even count).
fn median(scores: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let mut all: Vec<Decimal> = scores.collect();
    if all.is_empty() {
        return None;
    }
    all.sort_unstable();
    let mid = all.len() / 2;
    Some(if all.len() % 2 == 1 {
        all[mid]
    } else {
        (all[mid - 1] + all[mid]) / Decimal::TWO
    })
}

/// At most `max` characters, an ellipsis marking a cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}
