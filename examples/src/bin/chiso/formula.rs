//! `chiso formula ...`: check, describe and evaluate formulas.

use std::path::PathBuf;

use chiso::formula::{self, Values};
use chiso::{Cell, Finding, Lang, Problem, Report, Text, Value};
use clap::{Args, Subcommand};

use crate::Failure;
use crate::catalogue::{Format, View, load_catalogue, read};
use crate::output::print;

#[derive(Subcommand)]
pub enum Command {
    /// Check a formula against a catalogue (the embedded NQ57 set by default).
    Check {
        /// The formula.
        expression: String,
        #[command(flatten)]
        view: View,
        #[command(flatten)]
        source: Source,
    },
    /// Show a formula in words, with names in place of codes.
    Describe {
        /// The formula.
        expression: String,
        #[command(flatten)]
        view: View,
        #[command(flatten)]
        source: Source,
    },
    /// Evaluate a formula on values: `CODE=VALUE` pairs (a decimal, `true`, `false`,
    /// `missing`, or text) or a JSON file; `prev(CODE)=…` and `last_year(CODE)=…` for other
    /// periods. Without `--catalogue`, the values name the formula's codes.
    Eval {
        /// The formula.
        expression: String,
        /// Values as `CODE=VALUE`.
        values: Vec<String>,
        /// Values as a JSON object: `{"x": {"number": "12.5"}}`.
        #[arg(long, value_name = "FILE")]
        values_file: Option<PathBuf>,
        #[command(flatten)]
        view: View,
        /// Check names and types against this catalogue file.
        #[arg(long, value_name = "FILE")]
        catalogue: Option<PathBuf>,
    },
}

#[derive(Args)]
pub struct Source {
    /// Use this catalogue file instead of the embedded NQ57 set.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
}

pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Check {
            expression,
            view,
            source,
        } => {
            let catalogue = load_catalogue(source.catalogue.as_deref(), &view)?;
            let report = formula::check(&expression, &catalogue);
            let text = match view.format {
                Format::Json => report.to_json() + "\n",
                Format::Table => findings_with_caret(&expression, &report, view.lang()),
            };
            print(&text)?;
            if report.valid {
                Ok(())
            } else {
                Err(Failure::Invalid)
            }
        }
        Command::Describe {
            expression,
            view,
            source,
        } => {
            let catalogue = load_catalogue(source.catalogue.as_deref(), &view)?;
            match formula::describe(&expression, &catalogue, view.lang()) {
                Ok(text) => print(&(text + "\n")),
                Err(error) => {
                    print(&findings_with_caret(
                        &expression,
                        &Report::new(error.findings().to_vec()),
                        view.lang(),
                    ))?;
                    Err(Failure::Invalid)
                }
            }
        }
        Command::Eval {
            expression,
            values,
            values_file,
            view,
            catalogue,
        } => {
            let mut named = match values_file {
                Some(file) => {
                    formula::values_from_json(&read(&file)?).map_err(|e| Failure::from_error(&e))?
                }
                None => Values::new(),
            };
            for pair in &values {
                let (code, value) = parse_pair(pair)?;
                named.insert(code, value);
            }
            let run = match catalogue {
                Some(file) => {
                    formula::run(&expression, &load_catalogue(Some(&file), &view)?, &named)
                }
                None => formula::run(&expression, &named, &named),
            };
            let text = match view.format {
                Format::Json => chiso::to_json(&run) + "\n",
                Format::Table if run.valid => {
                    let lang = view.lang();
                    let described = run.description.as_ref().map_or("", |d| d.get(lang));
                    format!(
                        "{described}\n= {}\n",
                        run.value
                            .as_ref()
                            .map_or_else(|| "—".to_owned(), |v| v.describe(lang))
                    )
                }
                Format::Table => findings_with_caret(
                    &expression,
                    &Report::new(run.findings.clone()),
                    view.lang(),
                ),
            };
            print(&text)?;
            if run.valid {
                Ok(())
            } else {
                Err(Failure::Invalid)
            }
        }
    }
}

/// `CODE=VALUE`: `true`, `false` and `missing` are the command line's words for a yes, a no and
/// an empty cell; any other value is read as a table's text cell is (the core's one rule: a
/// decimal is a number, and must be exact; other text is text).
fn parse_pair(pair: &str) -> Result<(String, Value), Failure> {
    let Some((code, value)) = pair.split_once('=') else {
        let message = format!("`{pair}`: viết MÃ=GIÁ_TRỊ / write CODE=VALUE");
        return Err(Failure::Message(message, 2));
    };
    let cell = match value.trim() {
        "true" => Cell::Bool(true),
        "false" => Cell::Bool(false),
        "missing" => Cell::Empty,
        v => Cell::Text(v),
    };
    let value = Value::from_cell(cell).map_err(|problem| {
        let message = problem.message();
        Failure::Message(format!("`{pair}`: {} / {}", message.vi, message.en), 2)
    })?;
    Ok((code.trim().to_owned(), value))
}

/// Each finding with the formula and a caret line under the span, as a compiler shows errors.
fn findings_with_caret(expression: &str, report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&caret(expression, finding, lang));
    }
    let summary = Text::new(
        format!("{} lỗi, {} cảnh báo.", report.errors, report.warnings),
        format!(
            "{} error(s), {} warning(s).",
            report.errors, report.warnings
        ),
    );
    out + summary.get(lang) + "\n"
}

fn caret(expression: &str, finding: &Finding, lang: Lang) -> String {
    let message = Text::new(finding.message_vi.clone(), finding.message_en.clone());
    let mut out = format!("✗ {} {}\n", finding.code, message.get(lang));
    if let Some(span) = finding.span {
        let line = expression
            .lines()
            .nth(span.line.saturating_sub(1))
            .unwrap_or("");
        let width = expression
            .get(span.start..span.end)
            .map_or(1, |s| s.chars().count().max(1));
        out.push_str(&format!(
            "  {line}\n  {}{}\n",
            " ".repeat(span.column.saturating_sub(1)),
            "^".repeat(width)
        ));
    }
    out
}
