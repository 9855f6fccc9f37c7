//! The documents generated from the core's registries: `docs/PROBLEMS.md` (every problem code)
//! and the vocabulary half of `docs/GLOSSARY.md` (every word of every public enumeration, in
//! both languages). Each test fails when the file differs from what the registry says;
//! `CHISO_BLESS=1 cargo test -p chiso --test docs` writes them again.

#![allow(clippy::expect_used)] // tests: a failed expect is a failed test

use std::fmt::Write as _;
use std::path::PathBuf;

use chiso::Severity;
use chiso::vocabulary::{error_codes, problems, vocabulary};

/// Where the generated half of the glossary begins; what is above it is written by hand.
const GENERATED: &str =
    "<!-- generated from chiso::vocabulary::vocabulary(); do not edit below -->\n";

fn docs(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name)
}

fn held_to(name: &str, written: &str, wanted: &str) {
    if std::env::var_os("CHISO_BLESS").is_some() {
        std::fs::write(docs(name), wanted).expect("docs/ is writable");
        return;
    }
    assert!(
        written == wanted,
        "docs/{name} is not what the registry says: run CHISO_BLESS=1 cargo test -p chiso --test docs"
    );
}

fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

#[test]
fn the_problem_table_is_the_registry() {
    let mut wanted = String::from(
        "# Problem codes\n\n\
         Every code a finding can carry, generated from `chiso::vocabulary::problems()` by \
         `core/tests/docs.rs` (do not edit). Each code is declared once, by the module that \
         finds it, with its messages in Vietnamese and English beside it. Codes never change \
         meaning once released.\n\n\
         | code | severity | module | meaning |\n|---|---|---|---|\n",
    );
    for problem in problems() {
        let severity = match problem.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(
            wanted,
            "| `{}` | {severity} | {} | {} |",
            problem.code,
            problem.module,
            cell(problem.meaning)
        );
    }
    wanted.push_str(
        "\n## Error codes\n\n\
         What a call fails with (`chiso::Error::code`), generated from \
         `chiso::vocabulary::error_codes()`; the category names the Python exception and the \
         JavaScript `Error` alike (`data` is `DataError`).\n\n\
         | code | category | meaning |\n|---|---|---|\n",
    );
    for error in error_codes() {
        let category: &str = error.category.into();
        let _ = writeln!(
            wanted,
            "| `{}` | {category} | {} |",
            error.code,
            cell(error.meaning)
        );
    }
    let written = std::fs::read_to_string(docs("PROBLEMS.md")).unwrap_or_default();
    held_to("PROBLEMS.md", &written, &wanted);
}

#[test]
fn the_glossary_lists_every_word_of_the_vocabulary() {
    let written = std::fs::read_to_string(docs("GLOSSARY.md")).unwrap_or_default();
    let (by_hand, _) = written
        .split_once(GENERATED)
        .expect("docs/GLOSSARY.md has its generated half");
    let mut wanted = format!("{by_hand}{GENERATED}");
    for words in vocabulary() {
        let _ = write!(
            wanted,
            "\n### {} — {} (`{}`)\n\n| code | tiếng Việt | English |\n|---|---|---|\n",
            words.meaning.vi, words.meaning.en, words.name
        );
        for word in &words.words {
            let _ = writeln!(
                wanted,
                "| `{}` | {} | {} |",
                word.code,
                cell(&word.label.vi),
                cell(&word.label.en)
            );
        }
    }
    held_to("GLOSSARY.md", &written, &wanted);
}
