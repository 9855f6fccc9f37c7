//! `chiso evaluate`: the main job. Catalogue → ledger snapshot → quality → formulas → scores →
//! composites → ranks → progress → report, for one period; prints the ranking tables and the
//! narrative and writes the exports.

use std::path::PathBuf;

use chiso::evaluation::{Evaluation, Scheme};
use chiso::report::{
    EvaluationReport, Narrative, RankingColumn, profile_svg, ranking_cell, ranking_csv,
    ranking_html, ranking_json, ranking_sdmx_csv, ranking_svg,
};
use chiso::{Lang, Reporting, Text, to_json};
use clap::Args;

use crate::Failure;
use crate::catalogue::{Format, View, load_catalogue, read};
use crate::dataset::{DatasetArgs, as_of_or_now};
use crate::output::{print, table};

#[derive(Args)]
pub struct Command {
    /// The period evaluated (`2026-Q2`, `2026-H1`, `2026`, ...).
    #[arg(long)]
    period: String,
    /// Approvals and deadlines as of this time (`YYYY-MM-DDTHH:MM:SS`, Vietnam time); now by
    /// default.
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    /// The data set (`--data DIR` or the single files); the bundled sample when none is given.
    #[command(flatten)]
    data: DatasetArgs,
    /// The evaluation scheme (JSON); the default one otherwise.
    #[arg(long, value_name = "FILE")]
    scheme: Option<PathBuf>,
    /// Print this unit's report (its sub-units' sections merged in) instead of the national one.
    #[arg(long)]
    unit: Option<String>,
    /// Write the exports here.
    #[arg(long, value_name = "DIR", default_value = "out")]
    out: PathBuf,
    /// The catalogue (the embedded NQ57 set by default).
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
    /// Publish the ranking, signed by this person of the steering body: writes
    /// `publication.json`, the ledger action that freezes it (append it with `chiso ledger
    /// append`). A period already published needs `--republish`.
    #[arg(long, value_name = "PERSON")]
    publish_as: Option<String>,
    /// Why a published period is published again; what moved is printed first.
    #[arg(long, value_name = "REASON", requires = "publish_as")]
    republish: Option<String>,
    #[command(flatten)]
    view: View,
}

pub fn run(command: Command) -> Result<(), Failure> {
    let view = command.view;
    let fail = |e: chiso::Error| Failure::from_error(&e);
    let period = command.period.parse().map_err(fail)?;
    let as_of = as_of_or_now(command.as_of.as_deref())?;
    let scheme = match &command.scheme {
        Some(path) => Scheme::from_json(&read(path)?).map_err(fail)?,
        None => Scheme::default(),
    };
    let data = command.data.load_or_sample()?;
    let catalogue = load_catalogue(command.catalogue.as_deref(), &view)?;
    data.check_assignments(&catalogue)?;
    let reporting = Reporting::new(catalogue, data.tree, data.assignments, data.calendar);
    let evaluation = reporting
        .evaluate(&data.ledger, period, as_of, &scheme)
        .map_err(fail)?;
    let lang = view.lang();
    if let Some(by) = &command.publish_as {
        let replacing = command.republish.as_deref();
        publish(&command.out, replacing, &evaluation, &data.ledger, by, lang)?;
    }
    let narrative = Narrative::new(&evaluation, reporting.catalogue(), command.unit.as_deref())
        .map_err(fail)?;
    let written = write_exports(
        &command.out,
        &evaluation,
        &reporting,
        command.unit.as_deref(),
    )?;
    match view.format {
        Format::Json => {
            print(&(to_json(&EvaluationReport::new(&evaluation, reporting.catalogue())) + "\n"))
        }
        Format::Table => {
            let mut out = tables(&evaluation, lang);
            out.push('\n');
            out.push_str(&narrative.render(lang));
            let done = Text::new(
                format!("\nĐã ghi {} tệp vào {}.\n", written, command.out.display()),
                format!("\nWrote {} files to {}.\n", written, command.out.display()),
            );
            out.push_str(done.get(lang));
            print(&out)
        }
    }
}

/// Writes `publication.json`, the action publishing `evaluation` signed by `by`; a period
/// already published is republished only with a reason, after what moved is printed.
fn publish(
    out_dir: &std::path::Path,
    republish: Option<&str>,
    evaluation: &Evaluation,
    ledger: &chiso::ledger::Ledger,
    by: &str,
    lang: Lang,
) -> Result<(), Failure> {
    let replaces = match ledger.publication_of(evaluation.period, None) {
        None => None,
        Some((sequence, published)) => {
            let mut out = String::new();
            for m in evaluation.moved_since(published, ledger) {
                let show = |d| chiso::Style::of(lang).optional(d);
                let revisions: Vec<String> = m.revisions.iter().map(ToString::to_string).collect();
                let (rank, score, data) = match lang {
                    Lang::Vi => ("hạng", "điểm", "số liệu mới: mục"),
                    Lang::En => ("rank", "score", "new data: entries"),
                };
                out.push_str(&format!(
                    "{} ({}): {rank} {} → {}, {score} {} → {}; {data} {}\n",
                    m.unit,
                    m.peer_group,
                    show(m.published_rank),
                    show(m.rank),
                    show(m.published_score),
                    show(m.score),
                    revisions.join(", ")
                ));
            }
            print(&out)?;
            let Some(reason) = republish else {
                return Err(Failure::Message(
                    format!(
                        "Kỳ {} đã công bố (mục {sequence}): công bố lại cần --republish \"lý do\".\n{} was published already (entry {sequence}): republishing needs --republish \"reason\".",
                        evaluation.period, evaluation.period
                    ),
                    2,
                ));
            };
            Some((sequence, reason))
        }
    };
    let now = as_of_or_now(None)?;
    let action = evaluation.publication(by, now, replaces);
    std::fs::create_dir_all(out_dir)
        .and_then(|()| std::fs::write(out_dir.join("publication.json"), to_json(&action) + "\n"))
        .map_err(|e| Failure::Message(format!("{}: {e}", out_dir.display()), 3))
}

/// The ranking tables, one per peer group: the core's ranking table, its shown columns, each
/// cell written as the language writes it.
fn tables(evaluation: &Evaluation, lang: Lang) -> String {
    let style = chiso::Style::of(lang);
    let labels: Vec<Text> = RankingColumn::shown().map(RankingColumn::label).collect();
    let header: Vec<&str> = labels.iter().map(|l| l.get(lang)).collect();
    let mut out = String::new();
    for group in &evaluation.rankings {
        out.push_str(&format!(
            "\n{} — {}\n",
            group.name.get(lang),
            evaluation.period
        ));
        let rows = group.rows.iter().map(|row| {
            RankingColumn::shown()
                .map(|column| ranking_cell(evaluation, group, row, column).shown(&style, lang))
                .collect()
        });
        out.push_str(&table(&header, rows));
    }
    out
}

/// Writes every export into `dir`; returns how many files. With `unit`, the narrative is that
/// unit's (its sub-units' sections merged in) and its profile chart is added.
fn write_exports(
    dir: &std::path::Path,
    evaluation: &Evaluation,
    reporting: &Reporting,
    unit: Option<&str>,
) -> Result<usize, Failure> {
    let catalogue = reporting.catalogue();
    let narrative =
        Narrative::new(evaluation, catalogue, unit).map_err(|e| Failure::from_error(&e))?;
    let mut files = vec![
        ("evaluation.json".to_owned(), to_json(evaluation)),
        (
            "report.json".to_owned(),
            to_json(&EvaluationReport::new(evaluation, catalogue)),
        ),
        ("ranking.csv".to_owned(), ranking_csv(evaluation)),
        ("ranking.sdmx.csv".to_owned(), ranking_sdmx_csv(evaluation)),
        ("ranking.json".to_owned(), ranking_json(evaluation)),
        (
            "ranking.vi.html".to_owned(),
            ranking_html(evaluation, Lang::Vi),
        ),
        (
            "ranking.en.html".to_owned(),
            ranking_html(evaluation, Lang::En),
        ),
        ("narrative.vi.md".to_owned(), narrative.render(Lang::Vi)),
        ("narrative.en.md".to_owned(), narrative.render(Lang::En)),
    ];
    if let Some(unit) = unit {
        let svg = profile_svg(evaluation, unit, Lang::Vi).map_err(|e| Failure::from_error(&e))?;
        files.push((format!("profile.{unit}.svg"), svg));
    }
    // One bar chart per peer group (Vietnamese: what is published).
    for group in &evaluation.rankings {
        let svg = ranking_svg(evaluation, &group.peer_group, Lang::Vi)
            .map_err(|e| Failure::from_error(&e))?;
        files.push((format!("ranking.{}.svg", group.peer_group), svg));
    }
    let cannot = |e: std::io::Error| {
        Failure::Message(
            format!("Không ghi được / cannot write {}: {e}", dir.display()),
            3,
        )
    };
    std::fs::create_dir_all(dir).map_err(cannot)?;
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).map_err(cannot)?;
    }
    Ok(files.len())
}
