//! Shared inputs for chiso's criterion benches (one bench file per scenario, public API only).

pub mod history;
pub mod national;

use chiso::Catalogue;

/// The embedded NQ57 catalogue's JSON text.
pub fn nq57_json() -> &'static str {
    Catalogue::nq57_json()
}

/// A synthetic catalogue of exactly `indicators` indicators: NQ57's indicators repeated under
/// fresh codes (with their formulas' and validation rules' references renamed to match), for
/// scaling measurements. A last, partial copy keeps only the data elements its indicators read,
/// and no validation rules (they may name an element left out).
pub fn scaled_catalogue(indicators: usize) -> String {
    let base = Catalogue::nq57();
    let mut out = base.clone();
    out.indicators.clear();
    out.data_elements.clear();
    out.validation_rules.clear();
    let per_copy = base.indicators.len().max(1);
    for copy in 0..indicators.div_ceil(per_copy) {
        let rename = |code: &str| format!("{code}_{copy}");
        let first = out.indicators.len();
        for indicator in base.indicators.iter().take(indicators - first) {
            let mut indicator = indicator.clone();
            indicator.code = rename(&indicator.code);
            if let chiso::catalogue::Method::Formula { expression, .. } = &mut indicator.method {
                *expression = rename_references(expression, &rename);
            }
            out.indicators.push(indicator);
        }
        // A partial copy keeps only the data elements its indicators read.
        let read: std::collections::HashSet<String> = out.indicators[first..]
            .iter()
            .filter_map(|i| match &i.method {
                chiso::catalogue::Method::Formula { expression, .. } => Some(expression),
                chiso::catalogue::Method::Reported { .. } => None,
            })
            .filter_map(|e| chiso::formula::references(e).ok())
            .flatten()
            .map(|r| r.name.to_owned())
            .collect();
        let whole = (copy + 1) * per_copy <= indicators;
        for element in &base.data_elements {
            let mut element = element.clone();
            element.code = rename(&element.code);
            if whole || read.contains(&element.code) {
                out.data_elements.push(element);
            }
        }
        if !whole {
            continue;
        }
        for rule in &base.validation_rules {
            let mut rule = rule.clone();
            rule.code = rename(&rule.code);
            for side in [&mut rule.left, &mut rule.right] {
                side.expression = rename_references(&side.expression, &rename);
            }
            out.validation_rules.push(rule);
        }
    }
    out.to_json()
}

fn rename_references(expression: &str, rename: &dyn Fn(&str) -> String) -> String {
    let Ok(refs) = chiso::formula::references(expression) else {
        return expression.to_owned();
    };
    let mut out = String::new();
    let mut last = 0;
    for r in refs {
        out.push_str(&expression[last..r.span.start]);
        out.push_str(&rename(r.name));
        last = r.span.end;
    }
    out.push_str(&expression[last..]);
    out
}

/// Four columns of `rows` reported values (`a`, `b`, `c`, `d`), seeded and deterministic:
/// decimals with up to two places, one value in 50 missing and one `c + d` in 1,000 zero, as
/// real submissions have gaps and empty denominators.
pub fn formula_columns(rows: usize) -> Vec<Vec<chiso::Value>> {
    use chiso::{Missing, Value};
    let mut state: u64 = 0x5eed_c150;
    let mut next = move || {
        // xorshift64*: a fixed, dependency-free sequence, the same on every machine.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    (0..4)
        .map(|column| {
            (0..rows)
                .map(|_| {
                    let r = next();
                    if r % 50 == 0 {
                        Value::Missing(Missing::NoData)
                    } else if column >= 2 && r % 1000 == 1 {
                        Value::Number(rust_decimal::Decimal::ZERO)
                    } else {
                        let cents = i64::try_from(r % 1_000_000).unwrap_or(0);
                        Value::Number(rust_decimal::Decimal::new(cents, 2))
                    }
                })
                .collect()
        })
        .collect()
}

/// The bundled sample data set (`examples/data/sample/`): its reporting set-up and ledger;
/// `None` if a file is missing or does not read (the bench then measures nothing).
pub fn sample() -> Option<(chiso::Reporting, chiso::ledger::Ledger)> {
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/../examples/data/sample/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .ok()
    };
    let reporting = chiso::Reporting::from_json(
        Catalogue::nq57(),
        &read("org.json")?,
        &read("assignments.json")?,
        Some(&read("calendar.json")?),
    )
    .ok()?;
    let ledger = chiso::ledger::Ledger::from_jsonl(&read("ledger.jsonl")?).ok()?;
    Some((reporting, ledger))
}

#[cfg(test)]
mod tests {
    #[test]
    fn scaled_catalogues_are_valid_and_sized() {
        for size in [77, 250, 300] {
            let text = super::scaled_catalogue(size);
            let report = chiso::catalogue::check(&text);
            assert!(report.findings.is_empty(), "{:?}", report.findings.first());
            let catalogue = chiso::Catalogue::from_json(&text).unwrap();
            assert_eq!(catalogue.indicators.len(), size);
        }
    }
}
