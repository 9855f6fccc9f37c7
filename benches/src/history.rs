//! Ten years of every unit's reporting, quarter by quarter (issue 19): the national set-up
//! ([`crate::national::setup`]) with its assignments in force from the first quarter, and for
//! each quarter what each unit reports in it (its three months, the quarter itself, and the
//! half-year or year that the quarter closes), seeded by the quarter so that any quarter can be
//! generated alone. Values drift upwards a little each year, so progress has something to
//! judge; a few are missing, late, repeated or outlying, as in the national set.

use chiso::ledger::Observations;
use chiso::period::{Cycle, Period, ReportingCalendar};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rust_decimal::Decimal;

use crate::national::Setup;

/// What every unit reports in `quarter`: each reportable item assigned and the periods of it
/// that end with the quarter.
pub fn reported_in(setup: &Setup, quarter: Period) -> Vec<(String, Period)> {
    let catalogue = &setup.catalogue;
    let Some(first) = setup.units.first() else {
        return Vec::new();
    };
    let own: Vec<chiso::org::Assignment> = setup
        .assignments
        .iter()
        .filter(|a| a.unit == *first)
        .cloned()
        .collect();
    let mut out: Vec<(String, Period)> = chiso::org::expand(catalogue, &own)
        .into_iter()
        .filter(|a| catalogue.is_reportable(&a.item))
        .flat_map(|a| {
            let periods = match catalogue.cycle_of(&a.item) {
                Some(Cycle::Monthly) => quarter.children(Cycle::Monthly),
                Some(Cycle::Quarterly) => vec![quarter],
                // A longer period is reported in the quarter that closes it.
                Some(longer) => quarter
                    .parent(longer)
                    .filter(|p| quarter.next().and_then(|n| n.parent(longer)) != Some(*p))
                    .into_iter()
                    .collect(),
                None => Vec::new(),
            };
            periods.into_iter().map(move |p| (a.item.clone(), p))
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// When `quarter` is evaluated: the 15th of the month after it.
pub fn evaluated_at(quarter: Period) -> Option<chrono::NaiveDateTime> {
    let next = quarter.next()?;
    let month = (next.number() - 1) * 3 + 1;
    chrono::NaiveDate::from_ymd_opt(next.year(), month, 15)?.and_hms_opt(0, 0, 0)
}

/// The observations of every unit of `setup` in `quarter`, the `index`-th quarter of the
/// history, seeded by `seed` and the quarter.
pub fn observations(setup: &Setup, quarter: Period, index: u32, seed: u64) -> Observations {
    let reported = reported_in(setup, quarter);
    let yes_no = crate::national::yes_no(&setup.catalogue, &reported);
    let calendar = ReportingCalendar::default();
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (u64::from(index) << 32));
    let mut rows = Observations::with_capacity(setup.units.len() * reported.len() * 1005 / 1000);
    let deadlines: Vec<chrono::NaiveDate> = reported
        .iter()
        .map(|(_, p)| calendar.deadline(*p).unwrap_or_default())
        .collect();
    let year = index / 4;
    for (u, unit) in setup.units.iter().enumerate() {
        // Each unit keeps its own level over the years (seeded by the unit alone).
        let mut level_rng = ChaCha8Rng::seed_from_u64(seed ^ u as u64);
        let level = 40 + level_rng.next_u32() % 60 + 2 * year;
        let officer = format!("{unit}_dau_moi");
        for ((item, period), deadline) in reported.iter().zip(&deadlines) {
            let roll = rng.next_u32() % 1000;
            if roll < 20 {
                continue; // missing
            }
            let value = if yes_no.contains(item.as_str()) {
                Decimal::from(u32::from(roll % 3 != 0))
            } else {
                let mut value = Decimal::from(level + rng.next_u32() % 40);
                if roll >= 995 {
                    value *= Decimal::TEN; // outlying
                }
                value
            };
            let days = chrono::Days::new(if roll < 30 { 10 } else { 1 });
            let sent = if roll < 30 {
                deadline.checked_add_days(days) // late
            } else {
                deadline.checked_sub_days(days)
            };
            let at = sent.unwrap_or(*deadline).and_time(chrono::NaiveTime::MIN);
            let value = chiso::Value::Number(value);
            let repeats = if (990..995).contains(&roll) { 2 } else { 1 }; // a duplicate
            for _ in 0..repeats {
                rows.push_value(unit, item, *period, value.clone(), &officer, at);
            }
        }
    }
    rows
}
