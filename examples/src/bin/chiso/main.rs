//! `chiso`: the command-line front door to the chiso engine.
//!
//! Exit status: 0 on success, 2 when the input is invalid (every finding is printed), 3 when a
//! file cannot be read or written. A panic would be a bug; it is caught and reported with 70,
//! so scripts never see Rust's 101.

#![allow(clippy::format_push_string)] // output building, not a hot path

mod catalogue;
mod check;
mod dataset;
mod evaluate;
mod formula;
mod ledger;
mod output;
mod period;
mod store;
mod words;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// chiso — chỉ số: the Resolution 57-NQ/TW indicator set, computed the same way everywhere.
#[derive(Parser)]
#[command(name = "chiso", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Work with an indicator catalogue (the embedded NQ57 set by default).
    #[command(subcommand)]
    Catalogue(catalogue::Command),
    /// Check, describe and evaluate formulas.
    #[command(subcommand)]
    Formula(formula::Command),
    /// Reporting periods: dates, months, deadlines.
    #[command(subcommand)]
    Period(period::Command),
    /// The ledger of submissions: append, verify, snapshot, export.
    #[command(subcommand)]
    Ledger(ledger::Command),
    /// The data-quality report of a unit for a period ("đúng, đủ, sạch, sống").
    Check(check::Command),
    /// The main job: score, combine, rank and report a period (the bundled sample by default).
    Evaluate(evaluate::Command),
}

/// How a command failed, which decides the exit status.
pub enum Failure {
    /// The input is invalid; the findings were printed.
    Invalid,
    /// A message for standard error, and the exit status.
    Message(String, u8),
}

impl Failure {
    /// A core error for standard error, in both languages, with exit status 2; when it has
    /// more than one finding, every one follows with its path and code.
    pub fn from_error(error: &chiso::Error) -> Self {
        let mut text = format!("{}\n{}", error.message_vi(), error.message_en());
        if error.findings().len() > 1 {
            for f in error.findings() {
                text.push_str(&format!(
                    "\n  {} [{}] {} / {}",
                    f.path, f.code, f.message_vi, f.message_en
                ));
            }
        }
        Failure::Message(text, 2)
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Message(format!("Lỗi ghi kết quả / cannot write output: {error}"), 3)
    }
}

/// mimalloc: the evaluation allocates millions of small values across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = std::panic::catch_unwind(|| match cli.command {
        Command::Catalogue(command) => catalogue::run(command),
        Command::Formula(command) => formula::run(command),
        Command::Period(command) => period::run(command),
        Command::Ledger(command) => ledger::run(command),
        Command::Check(command) => check::run(command),
        Command::Evaluate(command) => evaluate::run(command),
    });
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Failure::Invalid)) => ExitCode::from(2),
        Ok(Err(Failure::Message(message, status))) => {
            output::error_line(&message);
            ExitCode::from(status)
        }
        Err(_) => ExitCode::from(70),
    }
}
