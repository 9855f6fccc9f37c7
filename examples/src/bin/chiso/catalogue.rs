//! `chiso catalogue ...`: list, show, validate, diff, schema.

use std::path::{Path, PathBuf};

use chiso::catalogue::{self, CatalogueDiff, Layer};
use chiso::{Catalogue, Lang, Report, Text};
use clap::{Args, Subcommand, ValueEnum};

use crate::Failure;
use crate::output::{print, table};
use crate::words::term;

#[derive(Subcommand)]
pub enum Command {
    /// List indicators.
    List {
        /// Only this layer.
        #[arg(long, value_parser = term::<Layer>())]
        layer: Option<Layer>,
        #[command(flatten)]
        view: View,
        #[command(flatten)]
        source: Source,
    },
    /// Show one indicator's passport.
    Show {
        /// Indicator code, such as A07.
        code: String,
        #[command(flatten)]
        view: View,
        #[command(flatten)]
        source: Source,
    },
    /// Check a catalogue file and print every finding (exit 2 if any is an error).
    Validate {
        /// The catalogue (JSON).
        file: PathBuf,
        #[command(flatten)]
        view: View,
    },
    /// Compare two catalogue versions, field by field.
    Diff {
        /// The old version (JSON).
        old: PathBuf,
        /// The new version (JSON).
        new: PathBuf,
        #[command(flatten)]
        view: View,
    },
    /// Print the JSON Schema of the catalogue format.
    Schema,
}

#[derive(Args)]
pub struct View {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Language of the output.
    #[arg(long, value_parser = term::<Lang>(), default_value = <&'static str>::from(Lang::default()))]
    pub lang: Lang,
}

impl View {
    /// The output language.
    pub fn lang(&self) -> Lang {
        self.lang
    }
}

#[derive(Args)]
pub struct Source {
    /// Use this catalogue file instead of the embedded NQ57 set.
    #[arg(long, value_name = "FILE")]
    catalogue: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Table,
    /// For programs: chiso's JSON.
    Json,
}

pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::List {
            layer,
            view,
            source,
        } => list(&load(&source, &view)?, layer, &view),
        Command::Show { code, view, source } => show(&load(&source, &view)?, &code, &view),
        Command::Validate { file, view } => validate(&file, &view),
        Command::Diff { old, new, view } => diff(&old, &new, &view),
        Command::Schema => print(&Catalogue::json_schema()),
    }
}

fn list(catalogue: &Catalogue, layer: Option<Layer>, view: &View) -> Result<(), Failure> {
    let lang = view.lang;
    let chosen: Vec<_> = catalogue
        .indicators
        .iter()
        .filter(|i| layer.is_none_or(|l| i.layer == l))
        .collect();
    if view.format == Format::Json {
        return print(&to_json(&chosen)?);
    }
    let header = words(
        lang,
        &[
            ("Mã", "Code"),
            ("Tên chỉ số", "Indicator"),
            ("Đơn vị", "Unit"),
            ("Chỉ tiêu", "Targets"),
            ("Chu kỳ", "Cycle"),
            ("Chủ trì", "Lead"),
        ],
    );
    let rows = chosen.iter().map(|i| {
        vec![
            i.code.clone(),
            i.name.get(lang).to_owned(),
            i.unit.get(lang).to_owned(),
            i.targets
                .iter()
                .map(|t| t.describe(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            i.cycle.label().get(lang).to_owned(),
            i.responsibility.lead_agency.clone(),
        ]
    });
    let count = Text::new(
        format!("{} chỉ số.", chosen.len()),
        format!("{} indicators.", chosen.len()),
    );
    print(&format!("{}{}\n", table(&header, rows), count.get(lang)))
}

fn show(catalogue: &Catalogue, code: &str, view: &View) -> Result<(), Failure> {
    let lang = view.lang;
    let Some(indicator) = catalogue.indicator(code) else {
        let error = chiso::Error::UnknownCode {
            code: code.to_owned(),
        };
        return Err(Failure::Message(
            format!("{} / {}", error.message_vi(), error.message_en()),
            2,
        ));
    };
    if view.format == Format::Json {
        return print(&to_json(indicator)?);
    }
    let header = words(lang, &[("Trường", "Field"), ("Nội dung", "Content")]);
    let rows = catalogue
        .passport(indicator, lang)
        .into_iter()
        .map(|line| vec![line.label, line.value]);
    print(&table(&header, rows))
}

fn validate(file: &Path, view: &View) -> Result<(), Failure> {
    let report = catalogue::check(&read(file)?);
    let text = match view.format {
        Format::Json => report.to_json() + "\n",
        Format::Table => findings_text(&report, file, view.lang),
    };
    print(&text)?;
    if report.valid {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}

fn diff(old: &Path, new: &Path, view: &View) -> Result<(), Failure> {
    let (old, new) = (load_file(old, view)?, load_file(new, view)?);
    let diff = catalogue::diff(&old, &new);
    match view.format {
        Format::Json => print(&diff.to_json()),
        Format::Table => print(&diff_text(&diff, view.lang)),
    }
}

/// The catalogue named by `--catalogue`, or the embedded NQ57 set.
fn load(source: &Source, view: &View) -> Result<Catalogue, Failure> {
    load_catalogue(source.catalogue.as_deref(), view)
}

/// The catalogue in `file`, or the embedded NQ57 set.
pub fn load_catalogue(file: Option<&Path>, view: &View) -> Result<Catalogue, Failure> {
    match file {
        None => Ok(Catalogue::nq57()),
        Some(file) => load_file(file, view),
    }
}

/// Reads and validates a catalogue file; on findings, prints them and fails with `Invalid`.
fn load_file(file: &Path, view: &View) -> Result<Catalogue, Failure> {
    match Catalogue::from_json(&read(file)?) {
        Ok(catalogue) => Ok(catalogue),
        Err(error) => {
            print(&findings_text(
                &Report::new(error.findings().to_vec()),
                file,
                view.lang,
            ))?;
            Err(Failure::Invalid)
        }
    }
}

pub fn read(file: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(file).map_err(|e| {
        Failure::Message(
            format!("Không đọc được tệp / cannot read {}: {e}", file.display()),
            3,
        )
    })
}

fn findings_text(report: &Report, file: &Path, lang: Lang) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let mark = if f.is_error() { "✗" } else { "!" };
        let place = f
            .span
            .map(|s| format!(" ({}:{})", s.line, s.column))
            .unwrap_or_default();
        let path = if f.path.is_empty() { "/" } else { &f.path };
        let message = Text::new(f.message_vi.clone(), f.message_en.clone());
        out.push_str(&format!(
            "{mark} {} {path}{place}\n  {}\n",
            f.code,
            message.get(lang)
        ));
    }
    let summary = Text::new(
        format!(
            "{}: {} lỗi, {} cảnh báo.",
            file.display(),
            report.errors,
            report.warnings
        ),
        format!(
            "{}: {} error(s), {} warning(s).",
            file.display(),
            report.errors,
            report.warnings
        ),
    );
    out + summary.get(lang) + "\n"
}

fn diff_text(diff: &CatalogueDiff, lang: Lang) -> String {
    let mut out = format!("{} → {}\n", diff.from_version, diff.to_version);
    let value = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .map_or_else(|| "∅".to_owned(), ToString::to_string)
    };
    for change in &diff.catalogue {
        out.push_str(&format!(
            "~ {}: {} → {}\n",
            change.path,
            value(&change.old),
            value(&change.new)
        ));
    }
    for (kind, items) in [
        (
            Text::new("chỉ tiêu dữ liệu", "data element"),
            &diff.data_elements,
        ),
        (Text::new("chỉ số", "indicator"), &diff.indicators),
    ] {
        let kind = kind.get(lang);
        for code in &items.added {
            out.push_str(&format!("+ {kind} {code}\n"));
        }
        for code in &items.removed {
            out.push_str(&format!("- {kind} {code}\n"));
        }
        for item in &items.changed {
            for change in &item.fields {
                out.push_str(&format!(
                    "~ {kind} {}{}: {} → {}\n",
                    item.code,
                    change.path,
                    value(&change.old),
                    value(&change.new)
                ));
            }
        }
    }
    if diff.is_empty() {
        out.push_str(Text::new("Không có thay đổi.\n", "No changes.\n").get(lang));
    }
    out
}

fn words(lang: Lang, pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    pairs
        .iter()
        .map(|&(vi, en)| if lang == Lang::Vi { vi } else { en })
        .collect()
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|json| json + "\n")
        .map_err(|e| Failure::Message(e.to_string(), 70))
}
