//! Writes a seeded national data set: `national OBSERVATIONS DIR` → `DIR/org.json`,
//! `DIR/catalogue.json`, `DIR/assignments.json`, `DIR/observations.csv`. OBSERVATIONS may be a
//! multiple of the full national size instead (`0.25x`, `1x`, `2x`).

#![allow(clippy::print_stdout, clippy::print_stderr)] // a bench tool: printing is its output

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let size = args
        .get(1)
        .and_then(|n| chiso_benches::national::size_of(n));
    let (Some(target), Some(dir)) = (size, args.get(2)) else {
        eprintln!("usage: national OBSERVATIONS DIR");
        return ExitCode::from(2);
    };
    let data = chiso_benches::national::national(target, 57);
    let dir = std::path::Path::new(dir);
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join("catalogue.json"), &data.catalogue))
        .and_then(|()| std::fs::write(dir.join("org.json"), &data.org))
        .and_then(|()| std::fs::write(dir.join("assignments.json"), &data.assignments))
        .and_then(|()| {
            let csv = chiso_benches::national::observations_csv(&data.observations);
            std::fs::write(dir.join("observations.csv"), csv)
        });
    match written {
        Ok(()) => {
            println!(
                "{} observations in {}",
                data.observations.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
