//! `chiso check`: the data-quality report ("đúng, đủ, sạch, sống") of one unit and period.

use std::path::PathBuf;

use chiso::quality::{Quality, QualityReport};
use chiso::{Lang, Text};
use clap::Args;

use crate::Failure;
use crate::catalogue::{Format, View, load_catalogue};
use crate::dataset::{DatasetArgs, as_of_or_now};
use crate::output::{print, table};

#[derive(Args)]
pub struct Command {
    /// The unit checked.
    #[arg(long)]
    unit: String,
    /// The period (`2026-Q2`, `2026-05`, ...).
    #[arg(long)]
    period: String,
    /// Judge deadlines as of this time (`YYYY-MM-DDTHH:MM:SS`, Vietnam time); now by default.
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    #[command(flatten)]
    data: DatasetArgs,
    /// The catalogue (the embedded NQ57 set by default).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    #[command(flatten)]
    view: View,
}

pub fn run(command: Command) -> Result<(), Failure> {
    let view = command.view;
    let period = command
        .period
        .parse()
        .map_err(|e| Failure::from_error(&e))?;
    let as_of = as_of_or_now(command.as_of.as_deref())?;
    let data = command.data.load()?;
    let catalogue = load_catalogue(command.catalogue.as_deref(), &view)?;
    data.check_assignments(&catalogue)?;
    let quality = Quality::new(&catalogue, &data.tree, &data.assignments, &data.calendar);
    let report = quality
        .check(&data.ledger, &command.unit, period, as_of)
        .map_err(|e| Failure::from_error(&e))?;
    match view.format {
        Format::Json => print(&(report.to_json() + "\n")),
        Format::Table => print(&render(&report, view.lang())),
    }
}

fn render(report: &QualityReport, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let style = chiso::Style::of(lang);
    let figure = |d: Option<_>| style.optional(d);
    let day = |d: chrono::NaiveDate| style.date(d);
    let moment = |at: chrono::NaiveDateTime| style.moment(at);
    let mut out = Text::new(
        format!(
            "Chất lượng dữ liệu: {} — kỳ {} (hạn {}, tính đến {})\nĐiểm: {}/100 · Đầy đủ: {}% ({}/{} chỉ tiêu)\n",
            report.unit,
            report.period,
            day(report.deadline),
            moment(report.as_of),
            figure(report.score),
            figure(report.completeness),
            report.reported,
            report.expected
        ),
        format!(
            "Data quality: {} — period {} (due {}, as of {})\nScore: {}/100 · Completeness: {}% ({}/{} items)\n",
            report.unit,
            report.period,
            day(report.deadline),
            moment(report.as_of),
            figure(report.score),
            figure(report.completeness),
            report.reported,
            report.expected
        ),
    )
    .get(lang)
    .to_owned();
    // The letters make the unit's head answerable for its data: the report names them.
    if let Some(head) = &report.head {
        let line = if vi {
            format!("Người đứng đầu đơn vị: {}\n", head.name)
        } else {
            format!("Head of the unit: {}\n", head.name)
        };
        out.push_str(&line);
    }
    let header: [&str; 4] = if vi {
        ["Tiêu chí", "Điểm /25", "Lỗi", "Cảnh báo"]
    } else {
        ["Dimension", "Points /25", "Errors", "Warnings"]
    };
    out.push_str(&table(
        &header,
        report.dimensions.iter().map(|d| {
            vec![
                d.dimension.label().get(lang).to_owned(),
                figure(d.points),
                d.errors.to_string(),
                d.warnings.to_string(),
            ]
        }),
    ));
    if report.findings.is_empty() {
        out.push_str(if vi {
            "Không có phát hiện nào.\n"
        } else {
            "No findings.\n"
        });
        return out;
    }
    let header: [&str; 4] = if vi {
        ["Chỉ tiêu", "Mã", "Mức", "Nội dung"]
    } else {
        ["Item", "Code", "Severity", "Finding"]
    };
    out.push_str(&table(
        &header,
        report.findings.iter().map(|f| {
            let severity = match (f.severity, vi) {
                (chiso::Severity::Error, true) => "lỗi",
                (chiso::Severity::Error, false) => "error",
                (chiso::Severity::Warning, true) => "cảnh báo",
                (chiso::Severity::Warning, false) => "warning",
            };
            let message = if vi { &f.message_vi } else { &f.message_en };
            vec![
                f.item.clone(),
                f.code.clone(),
                severity.to_owned(),
                message.clone(),
            ]
        }),
    ));
    out
}
