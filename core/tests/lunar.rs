//! The lunar calendar against its independent oracle: `testdata/calendar/lunar.json`, written
//! by `testdata/calendar/lunar_oracle.py` from the published rules (month 11 holds the
//! solstice, the first month without a major term is leap), not from the Rust. For every
//! Gregorian year 1990–2060: Tết, the Hùng Kings' day, the leap month, every month of the
//! lunar year (first day and length) and the lunar date of the 1st and 15th of each month.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::fs;
use std::path::Path;

use chiso::period::{LunarDate, from_lunar, tet, to_lunar};
use chrono::NaiveDate;
use serde_json::Value;

fn date(value: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(value.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn number<T: TryFrom<i64>>(value: &Value) -> T {
    T::try_from(value.as_i64().unwrap()).ok().unwrap()
}

#[test]
fn every_row_of_the_oracle_agrees() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/calendar/lunar.json");
    let rows: Vec<Value> = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(rows.len(), 71, "one row per year 1990–2060");
    let mut compared = 0;
    for (row, year) in rows.iter().zip(1990..) {
        assert_eq!(number::<i32>(&row["year"]), year);
        assert_eq!(tet(year), Some(date(&row["tet"])), "Tết {year}");
        assert_eq!(
            from_lunar(year, 3, 10, false),
            Some(date(&row["hung_kings"])),
            "Hùng Kings {year}"
        );
        let months = row["months"].as_array().unwrap();
        let mut leap_months = Vec::new();
        for month in months {
            let [number_, leap, first, length] = month.as_array().unwrap().as_slice() else {
                panic!("a month is [number, leap, first day, length]: {month}");
            };
            let (m, leap, first, length) = (
                number::<u8>(number_),
                leap.as_bool().unwrap(),
                date(first),
                number::<u8>(length),
            );
            if leap {
                leap_months.push(m);
            }
            let what = format!("{year} month {m}{}", if leap { " (leap)" } else { "" });
            assert_eq!(from_lunar(year, m, 1, leap), Some(first), "{what}");
            let last = first + chrono::Days::new(u64::from(length) - 1);
            assert_eq!(from_lunar(year, m, length, leap), Some(last), "{what}");
            assert_eq!(from_lunar(year, m, length + 1, leap), None, "{what}");
            let lunar = |day| LunarDate {
                year,
                month: m,
                day,
                leap,
            };
            assert_eq!(to_lunar(first), Some(lunar(1)), "{what}");
            assert_eq!(to_lunar(last), Some(lunar(length)), "{what}");
            compared += 1;
        }
        let leap_month = row["leap_month"].as_i64().map(|m| u8::try_from(m).unwrap());
        assert_eq!(leap_months.first().copied(), leap_month, "{year}");
        assert!(months.len() == 12 + usize::from(leap_month.is_some()));
        for (day, expected) in row["days"].as_object().unwrap() {
            let [y, m, d, leap] = expected.as_array().unwrap().as_slice() else {
                panic!("a lunar date is [year, month, day, leap]: {expected}");
            };
            let expected = LunarDate {
                year: number(y),
                month: number(m),
                day: number(d),
                leap: leap.as_bool().unwrap(),
            };
            let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
            assert_eq!(to_lunar(day), Some(expected), "{day}");
            compared += 1;
        }
    }
    // 71 years of 12 or 13 months and 24 days each.
    assert!(compared > 71 * (12 + 24), "{compared} compared");
}
