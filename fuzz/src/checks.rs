//! What each fuzz target checks, on one input's bytes: the engine never panics or hangs, and
//! what it accepts survives a round trip. The fuzz targets (`fuzz_targets/`) call these under
//! libFuzzer on nightly; `core/tests/fuzz_replay.rs` replays the seeds and every crash ever
//! found (`fuzz/regressions/`) through the same functions on stable, in `make test`.

use std::sync::OnceLock;

use chiso::formula::{self, Values};
use chiso::ledger::{Filing, Ledger};
use chiso::period::{Cycle, Period, ReportingCalendar};
use chiso::{Catalogue, Lang, Missing, Reporting, Value};
use rust_decimal::Decimal;

/// The names the formula target's values go by.
const NAMES: [&str; 6] = ["x", "y", "z", "prev(x)", "last_year(x)", "b"];

/// The formula language end to end: the text up to the first NUL byte is the formula (so plain
/// formulas are seeds and dictionary words splice in), the bytes after it make six values
/// (huge, tiny, negative, missing, yes/no, text). Checking, describing and evaluating never
/// panic; a valid formula compiles, and the compiled program agrees with `run`.
pub fn formula(data: &[u8]) {
    let (text, rest) = data.split_at(data.iter().position(|&b| b == 0).unwrap_or(data.len()));
    let Ok(source) = std::str::from_utf8(text) else {
        return;
    };
    let mut chunks = rest.get(1..).unwrap_or_default().chunks(17);
    let values: Values = NAMES
        .iter()
        .map(|name| ((*name).to_owned(), value(chunks.next().unwrap_or_default())))
        .collect();
    let run = formula::run(source, &values, &values);
    if run.valid {
        let compiled = formula::compile(source, &values).expect("a valid formula compiles");
        let row: Vec<Value> = compiled
            .inputs()
            .iter()
            .map(|i| formula::input_name(&i.code, i.shift))
            .map(|name| {
                values
                    .get(&name)
                    .cloned()
                    .unwrap_or(Value::Missing(Missing::NoData))
            })
            .collect();
        let compiled = compiled.evaluate(&row);
        assert_eq!(
            Some(compiled),
            run.value,
            "compiled and run disagree on {source:?}"
        );
    }
}

/// A value from up to 17 bytes: a tag byte, then a number's 96-bit mantissa, sign and scale.
fn value(bytes: &[u8]) -> Value {
    let Some((&tag, rest)) = bytes.split_first() else {
        return Value::Missing(Missing::NoData);
    };
    match tag % 4 {
        0 | 1 => {
            let mut mantissa = [0u8; 16];
            for (to, from) in mantissa.iter_mut().zip(rest) {
                *to = *from;
            }
            let mantissa = i128::from_le_bytes(mantissa) >> 32; // 96 bits, signed
            let scale = u32::from(tag >> 2) % 29;
            Decimal::try_from_i128_with_scale(mantissa, scale)
                .map_or(Value::Missing(Missing::NotApplicable), Value::Number)
        }
        2 => Value::Bool(tag & 4 == 0),
        _ => Value::Text(String::from_utf8_lossy(rest).into_owned()),
    }
}

/// The catalogue loader and validator: `check` always answers with findings; a catalogue it
/// accepts loads, survives a JSON round trip unchanged, and compiles every formula.
pub fn catalogue(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = chiso::catalogue::check(text);
    let Ok(catalogue) = Catalogue::from_json(text) else {
        assert!(!report.valid, "from_json refused what check accepted");
        return;
    };
    assert!(report.valid, "from_json accepted what check refused");
    let again = Catalogue::from_json(&catalogue.to_json()).expect("a loaded catalogue reloads");
    assert_eq!(
        again, catalogue,
        "the JSON round trip changed the catalogue"
    );
    for indicator in &catalogue.indicators {
        if indicator.formula().is_some() {
            catalogue
                .compile_indicator(&indicator.code)
                .expect("a valid catalogue's formulas compile");
        }
    }
}

/// The period parser: a period writes back as text that reads to it, and its relations
/// (parents, children, neighbours, last year, deadline) never panic at the calendar's ends.
pub fn period(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(period) = text.parse::<Period>() else {
        return;
    };
    let written = period.to_string();
    assert_eq!(
        written.parse::<Period>().ok(),
        Some(period),
        "{text:?} wrote {written:?}"
    );
    for cycle in [
        Cycle::Monthly,
        Cycle::Quarterly,
        Cycle::HalfYearly,
        Cycle::Yearly,
    ] {
        let _ = period.parent(cycle);
        for child in period.children(cycle) {
            assert!(
                period.contains(&child),
                "{period} does not contain its child {child}"
            );
        }
    }
    if let Some(previous) = period.previous() {
        assert_eq!(
            previous.next(),
            Some(period),
            "{period}'s previous has another next"
        );
    }
    let _ = period.same_period_last_year();
    let _ = chiso::period::describe(text, &ReportingCalendar::default());
}

/// Ledger JSON Lines: reading fails with findings or gives a ledger whose verification never
/// panics, which writes back and reads again to the same entries and the same verdict.
pub fn ledger(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(ledger) = Ledger::from_jsonl(text) else {
        return;
    };
    let verification = ledger.verify(None);
    let again = Ledger::from_jsonl(&ledger.to_jsonl()).expect("a written ledger reads back");
    assert_eq!(
        again.entries(),
        ledger.entries(),
        "the JSONL round trip changed entries"
    );
    assert_eq!(
        again.verify(None),
        verification,
        "the round trip changed the verdict"
    );
}

/// The bundled sample's set-up: the embedded catalogue, 54 units and their assignments.
fn sample() -> &'static Reporting {
    static SAMPLE: OnceLock<Reporting> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let org = include_str!("../../examples/data/sample/org.json");
        let assignments = include_str!("../../examples/data/sample/assignments.json");
        Reporting::from_json(Catalogue::nq57(), org, assignments, None).expect("the sample loads")
    })
}

/// A unit's filing, under the organisation's rules: appended all together or refused with
/// the ledger untouched, and what is appended verifies. Filed by the unit it names (how a form
/// files) and by the root, which reports for no one.
pub fn filing(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(filing) = Filing::from_json(text) else {
        return;
    };
    let reporting = sample();
    let named = filing.submissions.first().map(|s| s.unit.as_str());
    for actor in named.into_iter().chain(["BCD"]) {
        let mut ledger = Ledger::default();
        match reporting.file(&mut ledger, actor, &filing) {
            Ok(sequences) => {
                let sent = filing.submissions.len() + filing.explanations.len();
                assert_eq!(
                    sequences.len(),
                    sent,
                    "not every part of the filing was appended"
                );
                assert!(
                    ledger.verify(None).valid,
                    "an appended filing does not verify"
                );
            }
            Err(_) => assert!(ledger.entries().is_empty(), "a refused filing left entries"),
        }
    }
}

/// The field validator the web form calls on every keystroke: two bytes pick the item (or an
/// unknown code) and whether the number must be whole, the rest is the typed text. It is read
/// or refused, never a panic; a whole reading, written back in either language, never reads
/// as a different number (it may be refused as ambiguous, as `1.234` is).
pub fn field(data: &[u8]) {
    let [which, flags, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let whole = flags & 1 == 1;
    let catalogue = sample().catalogue();
    let code = catalogue
        .indicators
        .iter()
        .map(|i| i.code.as_str())
        .chain(catalogue.data_elements.iter().map(|d| d.code.as_str()))
        .nth(usize::from(*which))
        .unwrap_or("KHONG_CO");
    let _ = chiso::form::check_field(catalogue, code, text);
    // A whole-number field refuses fractions in `check_field`, so only whole readings go back.
    let Ok(number) = chiso::form::read_number(text, whole) else {
        return;
    };
    if whole && !number.fract().is_zero() {
        return;
    }
    for lang in [Lang::Vi, Lang::En] {
        let written = chiso::form::write_number(number, lang);
        if let Ok(again) = chiso::form::read_number(&written, whole) {
            assert_eq!(again, number, "{text:?} wrote {written:?}");
        }
    }
}
