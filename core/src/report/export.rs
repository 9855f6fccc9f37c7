//! Exports of the ranking tables: CSV for spreadsheets, SDMX-CSV for statistical exchange,
//! JSON, and an HTML table for publication. Decimals are written as published (a dot in the
//! machine formats; a decimal comma in the Vietnamese HTML).

use strum::IntoEnumIterator;

use super::ranking_table::{Cell, RankingColumn, ranking_cell, ranking_table};
use crate::evaluation::Evaluation;
use crate::term::Term;
use crate::{Lang, Style, to_json};

/// A format the ranking tables are exported in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ExportFormat {
    /// [`ranking_csv`].
    Csv,
    /// [`ranking_sdmx_csv`].
    SdmxCsv,
    /// [`ranking_json`].
    Json,
    /// [`ranking_html`].
    Html,
}

impl ExportFormat {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            ExportFormat::Csv => Text::new("CSV", "CSV"),
            ExportFormat::SdmxCsv => Text::new("SDMX-CSV", "SDMX-CSV"),
            ExportFormat::Json => Text::new("JSON", "JSON"),
            ExportFormat::Html => Text::new("Bảng HTML", "HTML table"),
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = crate::Error;

    /// `csv`, `sdmx_csv`, `json` or `html`.
    ///
    /// ```
    /// use chiso::report::ExportFormat;
    /// assert_eq!("sdmx_csv".parse::<ExportFormat>().unwrap(), ExportFormat::SdmxCsv);
    /// assert!("xlsx".parse::<ExportFormat>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::json::parse_word(s, "format")
    }
}

/// The ranking tables in `format` (`lang` is used by HTML only).
pub fn export(evaluation: &Evaluation, format: ExportFormat, lang: Lang) -> String {
    match format {
        ExportFormat::Csv => ranking_csv(evaluation),
        ExportFormat::SdmxCsv => ranking_sdmx_csv(evaluation),
        ExportFormat::Json => ranking_json(evaluation),
        ExportFormat::Html => ranking_html(evaluation, lang),
    }
}

/// The SDMX dataflow the SDMX-CSV export declares (agency, id, version).
pub const SDMX_DATAFLOW: &str = "CHISO:NQ57_RANKING(1.0)";

/// One ranking table as CSV: one row per unit and peer group, in rank order.
///
/// Columns: `peer_group, rank, unit, name_vi, name_en, score, previous_rank, movement, band,
/// quality, rank_min, rank_median, rank_max`; an empty cell is a missing number.
pub fn ranking_csv(evaluation: &Evaluation) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // A CSV is read in either language: a name takes a column for each.
    let header = RankingColumn::iter()
        .flat_map(|c| match c {
            RankingColumn::Name => vec!["name_vi".to_owned(), "name_en".to_owned()],
            c => vec![c.code().to_owned()],
        })
        .collect();
    let mut rows: Vec<Vec<String>> = vec![header];
    for (group, row) in ranking_table(evaluation) {
        let mut cells = Vec::with_capacity(13);
        for column in RankingColumn::iter() {
            match ranking_cell(evaluation, group, row, column) {
                Cell::Number(d) | Cell::Score(d, _) | Cell::Movement(d) => cells.push(show(d)),
                Cell::Code(code) => cells.push(code.to_owned()),
                Cell::Name(name) => cells.extend([name.vi.clone(), name.en.clone()]),
                Cell::Band(band) => {
                    cells.push(band.map(|b| b.number.to_string()).unwrap_or_default());
                }
            }
        }
        rows.push(cells);
    }
    write_all(&mut w, &rows)
}

/// The ranking tables as SDMX-CSV (version 1): one observation per unit, peer group and
/// measure (`SCORE`, `RANK`, `QUALITY`), dimensions `REF_AREA` (the unit), `PEER_GROUP`,
/// `TIME_PERIOD` and `MEASURE`; units without a number for a measure have no observation.
pub fn ranking_sdmx_csv(evaluation: &Evaluation) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![
        [
            "DATAFLOW",
            "REF_AREA",
            "PEER_GROUP",
            "TIME_PERIOD",
            "MEASURE",
            "OBS_VALUE",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
    ];
    let period = evaluation.period.to_string();
    for (group, row) in ranking_table(evaluation) {
        for (measure, value) in [
            ("SCORE", row.score),
            ("RANK", row.rank),
            ("QUALITY", row.quality),
        ] {
            if let Some(v) = value {
                rows.push(vec![
                    SDMX_DATAFLOW.to_owned(),
                    row.unit.clone(),
                    group.peer_group.clone(),
                    period.clone(),
                    measure.to_owned(),
                    v.normalize().to_string(),
                ]);
            }
        }
    }
    write_all(&mut w, &rows)
}

/// The ranking tables as JSON (the [`PeerRanking`]s as the evaluation holds them).
pub fn ranking_json(evaluation: &Evaluation) -> String {
    to_json(&evaluation.rankings)
}

/// A standalone HTML page with one table per peer group, in `lang`, for publication.
pub fn ranking_html(evaluation: &Evaluation, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let pick = |v: &str, e: &str| if vi { v.to_owned() } else { e.to_owned() };
    let title = pick(
        &format!("Xếp hạng kỳ {}", evaluation.period),
        &format!("Rankings, {}", evaluation.period),
    );
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>table{{border-collapse:collapse}}th,td{{border:1px solid #999;padding:2px 8px}}\
         td.n{{text-align:right}}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        if vi { "vi" } else { "en" },
        escape(&title),
        escape(&title)
    );
    let style = Style::of(lang);
    for group in &evaluation.rankings {
        out.push_str(&format!(
            "<h2>{}</h2>\n<table>\n<thead><tr>",
            escape(group.name.get(lang))
        ));
        for column in RankingColumn::shown() {
            out.push_str(&format!("<th>{}</th>", escape(column.label().get(lang))));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &group.rows {
            out.push_str("<tr>");
            for column in RankingColumn::shown() {
                let class = if column.is_number() {
                    " class=\"n\""
                } else {
                    ""
                };
                let text = match ranking_cell(evaluation, group, row, column) {
                    // A page leaves a missing number blank.
                    Cell::Number(None)
                    | Cell::Score(None, _)
                    | Cell::Movement(None)
                    | Cell::Band(None) => String::new(),
                    cell => cell.shown(&style, lang),
                };
                out.push_str(&format!("<td{class}>{}</td>", escape(&text)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str(&format!(
        "<p><small>{} {} · {} {}</small></p>\n</body>\n</html>\n",
        pick("Bộ chỉ số", "Indicator set"),
        escape(&format!(
            "{} {}",
            evaluation.catalogue, evaluation.catalogue_version
        )),
        pick("Sổ cái", "Ledger"),
        escape(&evaluation.ledger_head),
    ));
    out
}

/// A decimal as people read it in `lang`: no trailing zeros, a decimal comma in Vietnamese.
///
/// ```
/// use chiso::Lang;
/// use chiso::report::number;
/// assert_eq!(number("96.70".parse().unwrap(), Lang::Vi), "96,7");
/// assert_eq!(number("96.70".parse().unwrap(), Lang::En), "96.7");
/// ```
pub fn number(d: rust_decimal::Decimal, lang: Lang) -> String {
    crate::Style::of(lang).number(d)
}

/// A score as published: exactly `places` decimals (rounded half up), a decimal comma in
/// Vietnamese, so that 0.96 published at 4 places reads `0,9600`.
///
/// ```
/// use chiso::Lang;
/// use chiso::report::fixed;
/// assert_eq!(fixed("0.96".parse().unwrap(), 4, Lang::Vi), "0,9600");
/// assert_eq!(fixed("1".parse().unwrap(), 4, Lang::En), "1.0000");
/// ```
pub fn fixed(d: rust_decimal::Decimal, places: u32, lang: Lang) -> String {
    crate::Style::of(lang).fixed(d, places)
}

fn show(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|d| d.normalize().to_string()).unwrap_or_default()
}

fn write_all(w: &mut csv::Writer<Vec<u8>>, rows: &[Vec<String>]) -> String {
    for row in rows {
        // Writing to memory cannot fail but for a bug; a row lost would show in the tests.
        if w.write_record(row).is_err() {
            break;
        }
    }
    w.flush().ok();
    String::from_utf8(w.get_ref().clone()).unwrap_or_default()
}

/// Escapes text for HTML content and attributes.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
