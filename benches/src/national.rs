//! A seeded national data set shaped like the country's reporting (issue 8): 34 provinces and
//! their communes (about 3,700 at full size; each province ranks its own), 30 central bodies,
//! a catalogue of 250 indicators across the three layers with formulas over data elements, every
//! Layer B and C indicator assigned to every unit, and the data elements of two quarters (the
//! evaluated one and the one before it, which the evaluation reads for movements: six monthly
//! periods, the quarters for the quarterly ones, and the last half-year and year ended for the
//! longer cycles; yes/no items as 1 or 0) with some missing, late, duplicate and outlying
//! values. At 2.6 million observations that is about 3,700 communes (the country has 3,321).

use std::fmt::Write as _;

use chiso::Catalogue;
use chiso::ledger::{Flags, Observations, Submission, SubmissionOrigin};
use chiso::org::{Assignment, Role, expand};
use chiso::period::{Cycle, Period, ReportingCalendar};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

/// The quarter a national data set is evaluated on.
pub const QUARTER: &str = "2026-Q3";
/// The quarters observed: the one before the evaluated quarter, and the evaluated one.
pub const QUARTERS: [&str; 2] = ["2026-Q2", QUARTER];
/// When the national quarter is evaluated.
pub const AS_OF: &str = "2026-10-15T00:00:00";
/// The full national size, in observations; the benches also run 0.25, 0.5 and 2 times it.
pub const FULL: usize = 2_600_000;
/// The sizes the benches measure, as fractions of [`FULL`] (quarters: 1, 2, 4, 8).
pub const SCALES: [(usize, &str); 4] = [(1, "0.25x"), (2, "0.5x"), (4, "1x"), (8, "2x")];
/// The indicators in the national catalogue.
pub const INDICATORS: usize = 250;
/// The central bodies (ministries), ranked among themselves.
pub const MINISTRIES: usize = 30;
/// The provinces, ranked among themselves; each ranks its communes.
pub const PROVINCES: usize = 34;

/// A generated data set.
pub struct National {
    /// The catalogue (JSON): NQ57's indicators repeated under fresh codes to 250.
    pub catalogue: String,
    /// The organisation chart (JSON).
    pub org: String,
    /// The assignments (JSON).
    pub assignments: String,
    /// The observations.
    pub observations: Vec<Submission>,
}

/// The set-up of a national data set: its catalogue, chart and assignments.
pub struct Setup {
    /// The catalogue (JSON): NQ57's indicators repeated under fresh codes to 250.
    pub text: String,
    /// The catalogue, read.
    pub catalogue: Catalogue,
    /// The organisation chart (JSON).
    pub org: String,
    /// Every unit's id.
    pub units: Vec<String>,
    /// Every Layer B and C indicator assigned to every unit from a period on.
    pub assignments: Vec<Assignment>,
}

/// The set-up of the national data set of about `target` observations, its assignments in
/// force from `from`: as many units as make `target` observations over [`QUARTERS`].
pub fn setup(target: usize, from: Period) -> Setup {
    let text = crate::scaled_catalogue(INDICATORS);
    let catalogue = Catalogue::from_json(&text).unwrap_or_else(|_| Catalogue::nq57());
    let items: Vec<String> = catalogue
        .indicators
        .iter()
        .filter(|i| {
            matches!(
                i.layer,
                chiso::catalogue::Layer::B | chiso::catalogue::Layer::C
            )
        })
        .map(|i| i.code.clone())
        .collect();
    let assign = |unit: &str| -> Vec<Assignment> {
        items
            .iter()
            .map(|item| Assignment {
                unit: unit.to_owned(),
                item: item.clone(),
                role: Role::Lead,
                focal_officer: format!("{unit}_dau_moi"),
                from,
                to: None,
                assigned_by: "BCD".to_owned(),
            })
            .collect()
    };
    let reported = reported(&catalogue, &assign("X"));
    let units_wanted = target / reported.len().max(1);
    let per_province = units_wanted.saturating_sub(MINISTRIES + PROVINCES) / PROVINCES;
    let (org, units) = chart(per_province.max(1));
    let assignments = units.iter().flat_map(|u| assign(u)).collect();
    Setup {
        text,
        catalogue,
        org,
        units,
        assignments,
    }
}

/// About `target` observations (never fewer than one commune per province), from `seed`.
pub fn national(target: usize, seed: u64) -> National {
    let from: Period = "2026-Q1".parse().unwrap_or_else(|_| unreachable!());
    let Setup {
        text,
        catalogue,
        org,
        units,
        assignments,
    } = setup(target, from);
    let one: Vec<Assignment> = assignments
        .iter()
        .filter(|a| units.first().is_some_and(|u| *u == a.unit))
        .cloned()
        .collect();
    let reported = reported(&catalogue, &one);
    let yes_no = yes_no(&catalogue, &reported);
    let calendar = ReportingCalendar::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);

    let mut observations = Vec::with_capacity(units.len() * reported.len());
    for unit in &units {
        let level = 40 + rng.next_u32() % 60;
        for (item, period) in &reported {
            let roll = rng.next_u32() % 1000;
            if roll < 20 {
                continue; // missing
            }
            // A yes/no item as a table carries it: 1 or 0 (two units in three say yes).
            let value = if yes_no.contains(item.as_str()) {
                chiso::Value::Number(Decimal::from(u32::from(roll % 3 != 0)))
            } else {
                let mut value = Decimal::from(level + rng.next_u32() % 40);
                if roll >= 995 {
                    value *= Decimal::TEN; // outlying
                }
                chiso::Value::Number(value)
            };
            let deadline = calendar.deadline(*period).unwrap_or_default();
            let sent = if roll < 30 {
                deadline.checked_add_days(chrono::Days::new(10)) // late
            } else {
                deadline.checked_sub_days(chrono::Days::new(1))
            };
            let submitted_at = sent.unwrap_or(deadline).and_time(chrono::NaiveTime::MIN);
            let submission = Submission {
                unit: unit.clone(),
                item: item.clone(),
                period: *period,
                value,
                measure: None,
                flags: Flags::default(),
                source: SubmissionOrigin::Form,
                evidence: Vec::new(),
                submitted_by: format!("{unit}_dau_moi"),
                submitted_at,
                comment: None,
                corrects: None,
            };
            if (990..995).contains(&roll) {
                observations.push(submission.clone()); // duplicate
            }
            observations.push(submission);
        }
    }
    National {
        catalogue: text,
        org,
        assignments: chiso::to_json(&assignments),
        observations,
    }
}

/// What one unit with `assignments` reports in the two quarters: each item and period once.
fn reported(catalogue: &Catalogue, assignments: &[Assignment]) -> Vec<(String, Period)> {
    expand(catalogue, assignments)
        .into_iter()
        .filter(|a| catalogue.is_reportable(&a.item))
        .flat_map(|a| {
            let cycle = catalogue.cycle_of(&a.item);
            QUARTERS.iter().flat_map(move |q| {
                let quarter: Period = q.parse().unwrap_or_else(|_| unreachable!());
                // Longer cycles report the last half-year or year ended by the quarter.
                let periods = match cycle {
                    Some(Cycle::Monthly) => quarter.children(Cycle::Monthly),
                    Some(Cycle::Quarterly) => vec![quarter],
                    Some(longer) => quarter
                        .parent(longer)
                        .and_then(|p| p.previous())
                        .into_iter()
                        .collect(),
                    None => Vec::new(),
                };
                let item = a.item.clone();
                periods.into_iter().map(move |p| (item.clone(), p))
            })
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The reported items whose value is yes or no.
pub(crate) fn yes_no<'r>(
    catalogue: &Catalogue,
    reported: &'r [(String, Period)],
) -> std::collections::HashSet<&'r str> {
    reported
        .iter()
        .map(|(item, _)| item.as_str())
        .filter(|item| {
            let kind = catalogue
                .indicator(item)
                .map(|i| i.value_type)
                .or_else(|| catalogue.data_element(item).map(|d| d.value_type));
            kind == Some(chiso::catalogue::ValueType::YesNo)
        })
        .collect()
}

/// The organisation chart (JSON) of [`MINISTRIES`] central bodies and [`PROVINCES`] provinces
/// with `per_province` communes each, with one peer group of the ministries, one of the
/// provinces and one per province's communes; and every unit's id.
fn chart(per_province: usize) -> (String, Vec<String>) {
    let mut org = String::from(
        r#"{"units": [{"id": "BCD", "name": {"vi": "Ban Chỉ đạo", "en": "Steering committee"}, "kind": "central"}"#,
    );
    let mut groups = String::new();
    let mut units = Vec::new();
    let mut ministries = Vec::new();
    for m in 1..=MINISTRIES {
        let ministry = format!("B{m:02}");
        let _ = write!(
            org,
            r#", {{"id": "{ministry}", "name": {{"vi": "Bộ {m}", "en": "Ministry {m}"}}, "kind": "ministry", "parent": "BCD"}}"#
        );
        ministries.push(format!("\"{ministry}\""));
        units.push(ministry);
    }
    let mut provinces = Vec::new();
    for p in 1..=PROVINCES {
        let province = format!("P{p:02}");
        let _ = write!(
            org,
            r#", {{"id": "{province}", "name": {{"vi": "Tỉnh {p}", "en": "Province {p}"}}, "kind": "province", "parent": "BCD"}}"#
        );
        let mut communes = Vec::new();
        for c in 1..=per_province {
            let commune = format!("{province}X{c:03}");
            let _ = write!(
                org,
                r#", {{"id": "{commune}", "name": {{"vi": "Xã {c} tỉnh {p}", "en": "Commune {c}, province {p}"}}, "kind": "commune", "parent": "{province}"}}"#
            );
            communes.push(format!("\"{commune}\""));
            units.push(commune);
        }
        let _ = write!(
            groups,
            r#"{{"id": "xa_{province}", "name": {{"vi": "Xã tỉnh {p}", "en": "Communes of province {p}"}}, "members": [{}]}}, "#,
            communes.join(", ")
        );
        provinces.push(format!("\"{province}\""));
        units.push(province);
    }
    let _ = write!(
        org,
        r#"], "peer_groups": [{groups}{{"id": "bo", "name": {{"vi": "Bộ, ngành", "en": "Ministries"}}, "members": [{}]}}, {{"id": "tinh", "name": {{"vi": "Tỉnh", "en": "Provinces"}}, "members": [{}]}}]}}"#,
        ministries.join(", "),
        provinces.join(", ")
    );
    (org, units)
}

/// The observations as CSV (the columns a `DataFrame` of observations has).
pub fn observations_csv(observations: &[Submission]) -> String {
    let mut out = String::from("unit,item,period,value,submitted_at,submitted_by\n");
    for s in observations {
        let value = match &s.value {
            chiso::Value::Number(d) => d.to_string(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            s.unit,
            s.item,
            s.period,
            value,
            s.submitted_at.format("%Y-%m-%dT%H:%M:%S"),
            s.submitted_by
        );
    }
    out
}

/// Reads [`observations_csv`] back, straight into the columns an import takes (a row is
/// never a [`Submission`] of its own strings), sized for its rows.
pub fn read_observations_csv(text: &str) -> Observations {
    let mut rows = Observations::with_capacity(text.bytes().filter(|&b| b == b'\n').count());
    for line in text.lines().skip(1) {
        let mut fields = line.split(',');
        let (Some(unit), Some(item), Some(period), Some(value), Some(at), Some(by), None) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let (Ok(period), Ok(at)) = (period.parse(), at.parse()) else {
            continue;
        };
        let Ok(value) = chiso::Value::from_cell(chiso::Cell::Text(value)) else {
            continue;
        };
        rows.push_value(unit, item, period, value, by, at);
    }
    rows
}

/// This process's peak resident memory so far (`VmHWM` in `/proc/self/status`), on Linux.
pub fn peak_rss_bytes() -> Option<u64> {
    status_bytes("VmHWM:")
}

/// The process's resident memory now (Linux), in bytes: what a stage keeps once it is done.
pub fn rss_bytes() -> Option<u64> {
    status_bytes("VmRSS:")
}

/// The CPU time this process has used so far (Linux, every thread), as (user, system) seconds,
/// to the kernel's tick (10 ms): steadier than wall time on a shared machine, and the system
/// part is mostly the kernel zeroing fresh pages.
pub fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces), from field 3 (state).
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split_whitespace().skip(11); // utime is field 14
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user / TICKS_PER_SECOND, system / TICKS_PER_SECOND))
}

/// `sysconf(_SC_CLK_TCK)` on Linux, fixed at 100 by its user-space ABI.
const TICKS_PER_SECOND: f64 = 100.0;

/// A size `/proc/self/status` gives in KiB under `field`, in bytes.
fn status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The sizes a national bench measures, as (label, observations): under `cargo bench`, the four
/// of [`SCALES`] or those named in `CHISO_BENCH_SIZES` (`0.25x,1x`); under
/// `cargo test --benches` (which runs each bench once, as `make test` does) the smallest data
/// set the generator makes (one commune a province, about 63,000 observations).
pub fn bench_sizes() -> Vec<(String, usize)> {
    let measuring = std::env::args().any(|a| a == "--bench");
    if !measuring {
        return vec![("test".to_owned(), 0)];
    }
    match std::env::var("CHISO_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|l| Some((l.trim().to_owned(), size_of(l)?)))
            .collect(),
        Err(_) => SCALES
            .iter()
            .map(|(quarters, label)| ((*label).to_owned(), quarters * FULL / 4))
            .collect(),
    }
}

/// A size: a number of observations (`250000`), or a multiple of [`FULL`] (`0.25x`).
pub fn size_of(label: &str) -> Option<usize> {
    use rust_decimal::prelude::ToPrimitive;
    let label = label.trim();
    match label.strip_suffix('x') {
        Some(times) => (times.parse::<Decimal>().ok()? * Decimal::from(FULL)).to_usize(),
        None => label.parse().ok(),
    }
}

/// A national data set made ready for the stage benches: its set-up, and the ledger its
/// observations make (each submitted and approved at the evaluation time, hash-chained).
pub struct Ready {
    /// The catalogue, tree and assignments.
    pub reporting: chiso::Reporting,
    /// The observations imported.
    pub observations: Vec<Submission>,
    /// The ledger they made.
    pub ledger: chiso::ledger::Ledger,
    /// The quarter evaluated.
    pub period: Period,
    /// When it is evaluated.
    pub as_of: chrono::NaiveDateTime,
}

impl Ready {
    /// About `target` observations, seeded as the `national` tool seeds them; `None` if the
    /// generated set-up does not read (a bug in the generator).
    pub fn new(target: usize) -> Option<Ready> {
        let data = national(target, 57);
        let catalogue = Catalogue::from_json(&data.catalogue).ok()?;
        let reporting =
            chiso::Reporting::from_json(catalogue, &data.org, &data.assignments, None).ok()?;
        let as_of: chrono::NaiveDateTime = AS_OF.parse().ok()?;
        let mut ledger = chiso::ledger::Ledger::default();
        ledger
            .import(data.observations.clone(), Some(&approval_at(as_of)))
            .ok()?;
        Some(Ready {
            reporting,
            observations: data.observations,
            ledger,
            period: QUARTER.parse().ok()?,
            as_of,
        })
    }

    /// The approval every observation gets.
    pub fn approval(&self) -> chiso::ledger::Approval {
        approval_at(self.as_of)
    }

    /// The quarter evaluated under the default scheme (the input of the later stages' benches).
    pub fn evaluate(&self) -> Option<chiso::evaluation::Evaluation> {
        self.reporting
            .evaluate(
                &self.ledger,
                self.period,
                self.as_of,
                &chiso::evaluation::Scheme::default(),
            )
            .ok()
    }

    /// The criterion throughput: observations.
    pub fn elements(&self) -> u64 {
        self.observations.len() as u64
    }
}

/// The importer's approval at `at`.
fn approval_at(at: chrono::NaiveDateTime) -> chiso::ledger::Approval {
    chiso::ledger::Approval {
        by: "chiso".to_owned(),
        at,
    }
}
