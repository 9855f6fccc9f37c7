//! The ranking table: the one layout of a peer group's ranking that every renderer writes
//! (CSV, HTML, the terminal, Python's tables), its columns declared once, in order, each with
//! its key and its heading in both languages, and each row's cells typed. A renderer only
//! chooses how to write a cell for its medium (a decimal comma on a page, the plain decimal
//! in a CSV, a `Decimal` in Python).
//!
//! ```
//! use chiso::report::{RankingColumn, ranking_table};
//! use chiso::vocabulary::Term;
//! assert_eq!(RankingColumn::Rank.code(), "rank");
//! assert_eq!(RankingColumn::Rank.label().vi, "Hạng");
//! let shown: Vec<&str> = RankingColumn::shown().map(|c| c.code()).collect();
//! assert_eq!(shown[..3], ["rank", "name", "score"]);
//! ```

use rust_decimal::Decimal;
use serde::Serialize;
use strum::IntoEnumIterator;

use crate::evaluation::{BandPlace, Evaluation, PeerRanking, RankingRow};
use crate::{Lang, Style, Text};

/// A column of the ranking table, in the table's order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, strum::EnumIter, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum RankingColumn {
    /// The peer group ranked.
    PeerGroup,
    /// The unit's rank (ties share one).
    Rank,
    /// The unit's code.
    Unit,
    /// The unit's name.
    Name,
    /// Its score, rounded to the published places.
    Score,
    /// Its published rank of the previous period.
    PreviousRank,
    /// Places gained (positive) or lost since then.
    Movement,
    /// Its quantile band.
    Band,
    /// Its data-quality score.
    Quality,
    /// The best rank the sensitivity reruns (other weights drawn) gave it.
    RankMin,
    /// The median of those ranks.
    RankMedian,
    /// The worst of them.
    RankMax,
}

impl RankingColumn {
    /// The column's heading in both languages (as the [vocabulary](crate::vocabulary) lists
    /// it).
    pub fn label(self) -> Text {
        let (vi, en) = match self {
            RankingColumn::PeerGroup => ("Nhóm so sánh", "Peer group"),
            RankingColumn::Rank => ("Hạng", "Rank"),
            RankingColumn::Unit => ("Mã đơn vị", "Unit code"),
            RankingColumn::Name => ("Đơn vị", "Unit"),
            RankingColumn::Score => ("Điểm", "Score"),
            RankingColumn::PreviousRank => ("Hạng kỳ trước", "Previous rank"),
            RankingColumn::Movement => ("Thay đổi", "Movement"),
            RankingColumn::Band => ("Nhóm", "Band"),
            RankingColumn::Quality => ("Chất lượng dữ liệu", "Data quality"),
            RankingColumn::RankMin => ("Hạng cao nhất", "Best rank"),
            RankingColumn::RankMedian => ("Hạng trung vị", "Median rank"),
            RankingColumn::RankMax => ("Hạng thấp nhất", "Worst rank"),
        };
        Text::new(vi, en)
    }

    /// Whether its cells are numbers (a movement is the signed number of places).
    pub fn is_number(self) -> bool {
        !matches!(
            self,
            RankingColumn::PeerGroup
                | RankingColumn::Unit
                | RankingColumn::Name
                | RankingColumn::Band
        )
    }

    /// The columns a published table shows a reader (a page, the terminal): the peer group
    /// is the table's title; the unit's code and the median rank are for data users.
    pub fn shown() -> impl Iterator<Item = RankingColumn> {
        RankingColumn::iter().filter(|c| {
            !matches!(
                c,
                RankingColumn::PeerGroup | RankingColumn::Unit | RankingColumn::RankMedian
            )
        })
    }
}

/// One cell of the ranking table, typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'e> {
    /// A number (a rank, a quality score), missing when the unit has none.
    Number(Option<Decimal>),
    /// A score, shown at the published places.
    Score(Option<Decimal>, u32),
    /// A code.
    Code(&'e str),
    /// A name in both languages.
    Name(&'e Text),
    /// A quantile band, if the scheme bands the ranking.
    Band(Option<&'e BandPlace>),
    /// Places gained or lost, if the previous period ranked the unit.
    Movement(Option<Decimal>),
}

impl Cell<'_> {
    /// The cell as a page or the terminal shows it in `style`'s language: numbers as the
    /// language writes them, a band by its name, a movement as `▲ 2`, `▼ 1` or `=`, and
    /// nothing as the style's sign for missing.
    pub fn shown(&self, style: &Style, lang: Lang) -> String {
        let missing = || style.missing.to_owned();
        match *self {
            Cell::Number(d) => style.optional(d),
            Cell::Score(d, places) => d.map_or_else(missing, |d| style.fixed(d, places)),
            Cell::Code(code) => code.to_owned(),
            Cell::Name(name) => name.get(lang).to_owned(),
            Cell::Band(band) => band.map_or_else(missing, |b| b.label.get(lang).to_owned()),
            Cell::Movement(None) => missing(),
            Cell::Movement(Some(m)) if m > Decimal::ZERO => format!("▲ {}", style.number(m)),
            Cell::Movement(Some(m)) if m < Decimal::ZERO => format!("▼ {}", style.number(-m)),
            Cell::Movement(Some(_)) => "=".to_owned(),
        }
    }
}

/// The cell of `column` for `row` of `group` of `evaluation`.
pub fn ranking_cell<'e>(
    evaluation: &Evaluation,
    group: &'e PeerRanking,
    row: &'e RankingRow,
    column: RankingColumn,
) -> Cell<'e> {
    let range = row.sensitivity.as_ref();
    match column {
        RankingColumn::PeerGroup => Cell::Code(&group.peer_group),
        RankingColumn::Rank => Cell::Number(row.rank),
        RankingColumn::Unit => Cell::Code(&row.unit),
        RankingColumn::Name => Cell::Name(&row.name),
        RankingColumn::Score => Cell::Score(row.score, evaluation.published_places()),
        RankingColumn::PreviousRank => Cell::Number(row.previous_rank),
        RankingColumn::Movement => Cell::Movement(row.movement),
        RankingColumn::Band => Cell::Band(row.band.as_ref()),
        RankingColumn::Quality => Cell::Number(row.quality),
        RankingColumn::RankMin => Cell::Number(range.map(|r| r.min)),
        RankingColumn::RankMedian => Cell::Number(range.map(|r| r.median)),
        RankingColumn::RankMax => Cell::Number(range.map(|r| r.max)),
    }
}

/// Every row of every peer group, in the evaluation's order, with its group.
pub fn ranking_table(evaluation: &Evaluation) -> impl Iterator<Item = (&PeerRanking, &RankingRow)> {
    evaluation
        .rankings
        .iter()
        .flat_map(|g| g.rows.iter().map(move |r| (g, r)))
}

/// The ranking table as JSON for a front door that builds its own table object (Python):
/// `{"columns": [{"key", "number", "label"}], "rows": [[…]]}`, a number as a decimal string
/// (or `null`), a name and a band in `lang`, a movement as its signed number.
pub fn ranking_table_json(evaluation: &Evaluation, lang: Lang) -> String {
    #[derive(Serialize)]
    struct Column {
        key: &'static str,
        number: bool,
        label: Text,
    }
    #[derive(Serialize)]
    struct Table {
        columns: Vec<Column>,
        rows: Vec<Vec<Option<String>>>,
    }
    let columns = RankingColumn::iter()
        .map(|c| Column {
            key: c.into(),
            number: c.is_number(),
            label: c.label(),
        })
        .collect();
    let rows = ranking_table(evaluation)
        .map(|(group, row)| {
            RankingColumn::iter()
                .map(|c| match ranking_cell(evaluation, group, row, c) {
                    Cell::Number(d) | Cell::Score(d, _) | Cell::Movement(d) => {
                        d.map(crate::decimal::text)
                    }
                    Cell::Code(code) => Some(code.to_owned()),
                    Cell::Name(name) => Some(name.get(lang).to_owned()),
                    Cell::Band(band) => band.map(|b| b.label.get(lang).to_owned()),
                })
                .collect()
        })
        .collect();
    crate::to_json(&Table { columns, rows })
}
