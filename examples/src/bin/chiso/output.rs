//! Writing to the terminal: tables, and a clean exit when the reader goes away (`| head`).

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::Failure;

/// Writes `text` to standard output. A closed pipe is not an error worth reporting.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Writes one line to standard error.
pub fn error_line(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// A table with `header`, wrapped to 120 columns, ending in a newline.
pub fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120);
    table.set_header(header.to_vec());
    for row in rows {
        table.add_row(row);
    }
    format!("{table}\n")
}
