//! Reporting periods: spellings, relations, calendars, deadlines, timeliness, and the golden
//! vectors in `testdata/vectors/period/` (see its `NOTES.md` for how each expectation was worked
//! out). Every expected date here was worked out by hand from the weekday of 1 January 2026
//! (a Thursday).

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::fs;
use std::path::Path;

use chiso::Error;
use chiso::period::{
    Calendar, Cycle, InvalidPeriod, Period, PeriodInfo, PublicHolidays, ReportingCalendar,
    Timeliness, describe,
};
use chrono::{NaiveDate, NaiveDateTime};

fn p(text: &str) -> Period {
    text.parse().unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

fn strings(periods: &[Period]) -> Vec<String> {
    periods.iter().map(ToString::to_string).collect()
}

fn range(period: &str, calendar: Calendar) -> (String, String) {
    let (start, end) = p(period).date_range(&calendar);
    (start.to_string(), end.to_string())
}

fn reason(text: &str) -> (String, InvalidPeriod) {
    match text.parse::<Period>() {
        Err(Error::InvalidPeriod { value, reason }) => (value, reason),
        other => panic!("{text:?}: expected InvalidPeriod, got {other:?}"),
    }
}

const CUTOFF_15: Calendar = Calendar::Cutoff { day: 15 };

// --- Spellings --------------------------------------------------------------------------------

#[test]
fn every_accepted_spelling_reads_to_the_canonical_one() {
    let cases = [
        ("2026-05", "2026-05"),
        ("202605", "2026-05"),
        ("2026-M05", "2026-05"),
        ("2026-m05", "2026-05"),
        ("2026Q2", "2026-Q2"),
        ("2026-Q2", "2026-Q2"),
        ("2026q2", "2026-Q2"),
        ("2026-q2", "2026-Q2"),
        ("2026H1", "2026-H1"),
        ("2026-H1", "2026-H1"),
        ("2026h2", "2026-H2"),
        ("2026-h2", "2026-H2"),
        ("2026S1", "2026-H1"),
        ("2026-S1", "2026-H1"),
        ("2026s2", "2026-H2"),
        ("2026", "2026"),
        ("  2026-05\n", "2026-05"),
        ("\t2026-h2 ", "2026-H2"),
        ("1000-01", "1000-01"),
        ("9999-12", "9999-12"),
    ];
    for (text, canonical) in cases {
        assert_eq!(p(text).to_string(), canonical, "{text:?}");
    }
}

#[test]
fn spellings_read_to_the_right_variant() {
    assert_eq!(
        p("202605"),
        Period::Month {
            year: 2026,
            month: 5
        }
    );
    assert_eq!(
        p("2026q2"),
        Period::Quarter {
            year: 2026,
            quarter: 2
        }
    );
    assert_eq!(
        p("2026S2"),
        Period::HalfYear {
            year: 2026,
            half: 2
        }
    );
    assert_eq!(p("2026"), Period::Year { year: 2026 });
}

#[test]
fn every_rejected_text_says_why() {
    use InvalidPeriod::{Empty, Half, Month, Quarter, Unrecognised, Year};
    let cases = [
        ("", Empty),
        ("   ", Empty),
        ("2026-13", Month(13)),
        ("2026-00", Month(0)),
        ("202613", Month(13)),
        ("2026-M13", Month(13)),
        ("2026Q5", Quarter(5)),
        ("2026-Q0", Quarter(0)),
        ("2026H3", Half(3)),
        ("2026-S0", Half(0)),
        ("0999", Year(999)),
        ("0000-01", Year(0)),
        ("0999-13", Year(999)), // the year is checked first
        ("26-05", Unrecognised),
        ("2026M05", Unrecognised), // M only after a dash
        ("2026-5", Unrecognised),  // months take two digits
        ("2026/05", Unrecognised),
        ("2026 05", Unrecognised),
        ("2026-Q12", Unrecognised),
        ("2026-W05", Unrecognised),
        ("20260", Unrecognised),
        ("2026-", Unrecognised),
        ("12026", Unrecognised),
        ("２０２６", Unrecognised), // full-width digits
        ("2026-05-01", Unrecognised),
        ("Q2 2026", Unrecognised),
    ];
    for (text, expected) in cases {
        assert_eq!(reason(text).1, expected, "{text:?}");
    }
}

#[test]
fn a_rejection_repeats_the_trimmed_text_cut_short() {
    assert_eq!(reason(" 2026-13 \n").0, "2026-13");
    let long = "x".repeat(100);
    assert_eq!(reason(&long).0, format!("{}…", "x".repeat(32)));
    let err = "2026Q5".parse::<Period>().unwrap_err();
    assert_eq!(err.code(), "period.invalid");
    assert_eq!(
        err.message_en(),
        "`2026Q5` is not a period (quarter 5 is not within 1–4): write 2026-05, 2026-Q2, 2026-H1 or 2026"
    );
    assert_eq!(
        err.message_vi(),
        "`2026Q5` không phải kỳ báo cáo (quý 5 không nằm trong 1–4): viết 2026-05, 2026-Q2, 2026-H1 hoặc 2026."
    );
}

#[test]
fn constructors_check_their_fields() {
    assert_eq!(Period::month(2026, 5).unwrap(), p("2026-05"));
    assert_eq!(Period::quarter(2026, 4).unwrap(), p("2026-Q4"));
    assert_eq!(Period::half_year(2026, 2).unwrap(), p("2026-H2"));
    assert_eq!(Period::whole_year(2026).unwrap(), p("2026"));
    let cases = [
        (Period::month(2026, 13), "2026-13", InvalidPeriod::Month(13)),
        (Period::month(2026, 0), "2026-00", InvalidPeriod::Month(0)),
        (
            Period::quarter(2026, 0),
            "2026-Q0",
            InvalidPeriod::Quarter(0),
        ),
        (
            Period::half_year(2026, 3),
            "2026-H3",
            InvalidPeriod::Half(3),
        ),
        (Period::whole_year(999), "999", InvalidPeriod::Year(999)),
        (
            Period::whole_year(10_000),
            "10000",
            InvalidPeriod::Year(10_000),
        ),
        (Period::month(-1, 1), "-1-01", InvalidPeriod::Year(-1)),
    ];
    for (result, value, reason) in cases {
        assert_eq!(
            result,
            Err(Error::InvalidPeriod {
                value: value.to_owned(),
                reason
            })
        );
    }
}

#[test]
fn accessors() {
    let q = p("2026-Q3");
    assert_eq!(
        (q.cycle(), q.year(), q.number()),
        (Cycle::Quarterly, 2026, 3)
    );
    assert_eq!(p("2026").number(), 1);
    assert_eq!(p("2026-11").cycle(), Cycle::Monthly);
    assert_eq!(p("2026-H2").cycle(), Cycle::HalfYearly);
    assert_eq!(p("2026").cycle(), Cycle::Yearly);
    assert_eq!([1, 3, 6, 12], Cycle::ALL.map(chiso::period::Cycle::months));
}

#[test]
fn labels_in_both_languages() {
    let cases = [
        ("2026-05", "Tháng 5 năm 2026", "May 2026"),
        ("2026-Q4", "Quý IV năm 2026", "Q4 2026"),
        ("2026-H1", "6 tháng đầu năm 2026", "First half of 2026"),
        ("2026-H2", "6 tháng cuối năm 2026", "Second half of 2026"),
        ("2026", "Năm 2026", "Year 2026"),
    ];
    for (text, vi, en) in cases {
        let label = p(text).label();
        assert_eq!((label.vi.as_str(), label.en.as_str()), (vi, en));
    }
}

#[test]
fn periods_travel_as_canonical_strings() {
    assert_eq!(chiso::to_json(&p("2026q2")), r#""2026-Q2""#);
    let read: Vec<Period> = serde_json::from_str(r#"["202605", "2026-S2", "2026"]"#).unwrap();
    assert_eq!(strings(&read), ["2026-05", "2026-H2", "2026"]);
    let err = serde_json::from_str::<Period>(r#""2026-13""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(r#"invalid value: string "2026-13", expected a period written 2026-05"#),
        "{err}"
    );
    assert!(serde_json::from_str::<Period>("2026").is_err());
}

#[test]
fn the_schema_is_a_string_with_a_pattern() {
    let schema = serde_json::to_value(schemars::schema_for!(Period)).unwrap();
    assert_eq!(schema["type"], "string");
    assert!(
        schema["pattern"]
            .as_str()
            .unwrap()
            .starts_with("^[1-9][0-9]{3}")
    );
    let schema = serde_json::to_value(schemars::schema_for!(ReportingCalendar)).unwrap();
    let text = schema.to_string();
    assert!(text.contains(r#""maximum":366"#), "{text}");
    assert!(text.contains(r#""minimum":2"#), "{text}");
    assert!(text.contains(r"^\\d{4}-\\d{2}-\\d{2}$"), "{text}");
}

#[test]
fn order_is_by_start_then_shorter_first() {
    let mut periods = [
        p("2026-02"),
        p("2026"),
        p("2025-12"),
        p("2026-H1"),
        p("2026-Q1"),
        p("2026-01"),
        p("2025"),
    ];
    periods.sort();
    assert_eq!(
        strings(&periods),
        [
            "2025", "2025-12", "2026-01", "2026-Q1", "2026-H1", "2026", "2026-02"
        ]
    );
}

// --- Relations --------------------------------------------------------------------------------

#[test]
fn containment() {
    assert!(p("2026").contains(&p("2026-12")));
    assert!(p("2026").contains(&p("2026-H2")));
    assert!(p("2026-H1").contains(&p("2026-Q2")));
    assert!(p("2026-Q2").contains(&p("2026-06")));
    assert!(p("2026-Q2").contains(&p("2026-Q2")));
    assert!(!p("2026-Q2").contains(&p("2026-07")));
    assert!(!p("2026-Q2").contains(&p("2026-03")));
    assert!(!p("2026-Q2").contains(&p("2026-H1")));
    assert!(!p("2026").contains(&p("2027-01")));
    assert!(!p("2026-05").contains(&p("2026-Q2")));
}

#[test]
fn children_are_the_finer_periods_inside_in_order() {
    assert_eq!(
        strings(&p("2026").children(Cycle::Quarterly)),
        ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    );
    assert_eq!(
        strings(&p("2026").children(Cycle::HalfYearly)),
        ["2026-H1", "2026-H2"]
    );
    assert_eq!(
        strings(&p("2026-H2").children(Cycle::Monthly)),
        [
            "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"
        ]
    );
    assert_eq!(
        strings(&p("2026-Q3").children(Cycle::Quarterly)),
        ["2026-Q3"]
    );
    assert!(p("2026-Q3").children(Cycle::HalfYearly).is_empty());
    assert!(p("2026-05").children(Cycle::Yearly).is_empty());
    assert_eq!(strings(&p("2026-05").months()), ["2026-05"]);
    assert_eq!(p("2026").months().len(), 12);
    assert_eq!(
        strings(&p("2026-Q4").months()),
        ["2026-10", "2026-11", "2026-12"]
    );
}

#[test]
fn parents_are_the_coarser_periods_around() {
    let nov = p("2026-11");
    assert_eq!(nov.parent(Cycle::Monthly), Some(nov));
    assert_eq!(nov.parent(Cycle::Quarterly), Some(p("2026-Q4")));
    assert_eq!(nov.parent(Cycle::HalfYearly), Some(p("2026-H2")));
    assert_eq!(nov.parent(Cycle::Yearly), Some(p("2026")));
    assert_eq!(p("2026-03").parent(Cycle::Quarterly), Some(p("2026-Q1")));
    assert_eq!(p("2026-Q3").parent(Cycle::HalfYearly), Some(p("2026-H2")));
    assert_eq!(p("2026-Q2").parent(Cycle::Monthly), None);
    assert_eq!(p("2026").parent(Cycle::HalfYearly), None);
}

#[test]
fn neighbours_cross_year_boundaries() {
    let cases = [
        ("2026-01", "2025-12", "2026-02", "2025-01"),
        ("2026-12", "2026-11", "2027-01", "2025-12"),
        ("2026-Q1", "2025-Q4", "2026-Q2", "2025-Q1"),
        ("2026-Q4", "2026-Q3", "2027-Q1", "2025-Q4"),
        ("2026-H1", "2025-H2", "2026-H2", "2025-H1"),
        ("2026-H2", "2026-H1", "2027-H1", "2025-H2"),
        ("2026", "2025", "2027", "2025"),
    ];
    for (period, previous, next, last_year) in cases {
        let period = p(period);
        assert_eq!(period.previous(), Some(p(previous)), "{period}");
        assert_eq!(period.next(), Some(p(next)), "{period}");
        assert_eq!(
            period.same_period_last_year(),
            Some(p(last_year)),
            "{period}"
        );
    }
}

#[test]
fn neighbours_stop_at_the_ends_of_the_year_range() {
    assert_eq!(p("1000-01").previous(), None);
    assert_eq!(p("1000-Q1").previous(), None);
    assert_eq!(p("1000-12").same_period_last_year(), None);
    assert_eq!(p("1000-12").previous(), Some(p("1000-11")));
    assert_eq!(p("1001-01").previous(), Some(p("1000-12")));
    assert_eq!(p("9999-12").next(), None);
    assert_eq!(p("9999-H2").next(), None);
    assert_eq!(p("9999").next(), None);
    assert_eq!(p("9999-H1").next(), Some(p("9999-H2")));
    assert_eq!(p("1000").previous(), None);
}

#[test]
fn ranges_keep_only_whole_periods() {
    assert_eq!(
        strings(&Period::range(Cycle::Quarterly, p("2026-02"), p("2026-12"))),
        ["2026-Q2", "2026-Q3", "2026-Q4"]
    );
    assert_eq!(
        strings(&Period::range(Cycle::Monthly, p("2025-Q4"), p("2026-01"))),
        ["2025-10", "2025-11", "2025-12", "2026-01"]
    );
    assert_eq!(
        strings(&Period::range(Cycle::Yearly, p("2025-H2"), p("2028-Q3"))),
        ["2026", "2027"]
    );
    assert_eq!(
        strings(&Period::range(Cycle::HalfYearly, p("2026"), p("2026"))),
        ["2026-H1", "2026-H2"]
    );
    assert!(Period::range(Cycle::Monthly, p("2026-05"), p("2026-04")).is_empty());
    assert!(Period::range(Cycle::Yearly, p("2026-Q1"), p("2026-Q3")).is_empty());
}

// --- Calendars --------------------------------------------------------------------------------

#[test]
fn calendar_periods_run_from_the_first_to_the_last_day() {
    let c = Calendar::Calendar;
    let cases = [
        ("2026-05", "2026-05-01", "2026-05-31"),
        ("2026-04", "2026-04-01", "2026-04-30"),
        ("2026-01", "2026-01-01", "2026-01-31"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2028-02", "2028-02-01", "2028-02-29"), // leap year
        ("2100-02", "2100-02-01", "2100-02-28"), // divisible by 100, not by 400
        ("2000-02", "2000-02-01", "2000-02-29"), // divisible by 400
        ("2026-Q1", "2026-01-01", "2026-03-31"),
        ("2026-Q2", "2026-04-01", "2026-06-30"),
        ("2026-H2", "2026-07-01", "2026-12-31"),
        ("2026", "2026-01-01", "2026-12-31"),
    ];
    for (period, start, end) in cases {
        assert_eq!(range(period, c), (start.into(), end.into()), "{period}");
    }
}

#[test]
fn cutoff_periods_run_from_the_15th_before_to_the_14th() {
    let cases = [
        ("2026-05", "2026-04-15", "2026-05-14"),
        ("2026-01", "2025-12-15", "2026-01-14"), // January starts the year before
        ("2028-02", "2028-01-15", "2028-02-14"),
        ("2028-03", "2028-02-15", "2028-03-14"), // spans the leap day
        ("2026-Q1", "2025-12-15", "2026-03-14"),
        ("2026-Q2", "2026-03-15", "2026-06-14"),
        ("2026-Q4", "2026-09-15", "2026-12-14"),
        ("2026-H1", "2025-12-15", "2026-06-14"),
        ("2026-H2", "2026-06-15", "2026-12-14"),
        ("2026", "2025-12-15", "2026-12-14"),
    ];
    for (period, start, end) in cases {
        assert_eq!(
            range(period, CUTOFF_15),
            (start.into(), end.into()),
            "{period}"
        );
    }
    assert_eq!(Calendar::ND09_2019, CUTOFF_15);
}

#[test]
fn other_cutoff_days() {
    let day_20 = Calendar::cutoff(20).unwrap();
    assert_eq!(
        range("2026-05", day_20),
        ("2026-04-20".into(), "2026-05-19".into())
    );
    let day_2 = Calendar::cutoff(2).unwrap();
    assert_eq!(
        range("2026-03", day_2),
        ("2026-02-02".into(), "2026-03-01".into())
    );
    let day_28 = Calendar::cutoff(28).unwrap();
    assert_eq!(
        range("2026-03", day_28),
        ("2026-02-28".into(), "2026-03-27".into())
    );
}

#[test]
fn cutoff_day_must_be_2_to_28() {
    for day in [0, 1, 29, 31] {
        assert_eq!(
            Calendar::cutoff(day),
            Err(Error::InvalidArgument {
                name: "cutoff_day",
                value: day.to_string(),
                expected: "2–28".to_owned()
            })
        );
    }
}

#[test]
fn calendars_in_json() {
    assert_eq!(
        chiso::to_json(&Calendar::Calendar),
        r#"{"kind":"calendar"}"#
    );
    assert_eq!(
        chiso::to_json(&Calendar::ND09_2019),
        r#"{"kind":"cutoff","day":15}"#
    );
    let read: Calendar = serde_json::from_str(r#"{"kind": "cutoff", "day": 20}"#).unwrap();
    assert_eq!(read, Calendar::Cutoff { day: 20 });
    let err = serde_json::from_str::<Calendar>(r#"{"kind": "cutoff", "day": 1}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("invalid value: integer `1`, expected a cut-off day within 2–28"),
        "{err}"
    );
    assert!(serde_json::from_str::<Calendar>(r#"{"kind": "cutoff"}"#).is_err());
    assert!(serde_json::from_str::<Calendar>(r#"{"kind": "cutoff", "day": 15, "x": 1}"#).is_err());
    assert!(serde_json::from_str::<Calendar>(r#"{"kind": "fiscal"}"#).is_err());
    // A day given to calendar months is a mistake, not something to ignore.
    assert!(serde_json::from_str::<Calendar>(r#"{"kind": "calendar", "day": 15}"#).is_err());
}

#[test]
fn the_period_a_date_falls_in() {
    let cases = [
        ("2026-03-14", Cycle::Quarterly, "2026-Q1", "2026-Q1"),
        ("2026-03-15", Cycle::Quarterly, "2026-Q1", "2026-Q2"),
        ("2025-12-15", Cycle::Yearly, "2025", "2026"),
        ("2025-12-14", Cycle::Monthly, "2025-12", "2025-12"),
        ("2025-12-31", Cycle::HalfYearly, "2025-H2", "2026-H1"),
        ("2026-06-14", Cycle::HalfYearly, "2026-H1", "2026-H1"),
    ];
    for (day, cycle, calendar, cutoff) in cases {
        let day = date(day);
        assert_eq!(
            Period::containing(day, cycle, &Calendar::Calendar),
            Some(p(calendar))
        );
        assert_eq!(Period::containing(day, cycle, &CUTOFF_15), Some(p(cutoff)));
    }
    // 15 December 9999 begins the cut-off year 10000, which is out of range.
    assert_eq!(
        Period::containing(date("9999-12-15"), Cycle::Yearly, &CUTOFF_15),
        None
    );
}

// --- Deadlines and timeliness -----------------------------------------------------------------

/// A calendar keeping only the `holidays` listed (the cases below were worked with those).
fn regime(calendar: Calendar, due: u32, holidays: &[&str]) -> ReportingCalendar {
    ReportingCalendar {
        public_holidays: PublicHolidays::Listed,
        ..ReportingCalendar::new(calendar, due, holidays.iter().map(|d| date(d))).unwrap()
    }
}

/// Issue 18: Vietnam's working days by default, each date below read off the 2026 calendar
/// (Tết 16–20 February and the moves of 2 January and 31 August as the Government declared;
/// the Hùng Kings' day, 10/3 lunar, on Sunday 26 April).
#[test]
fn vietnamese_working_days_by_default() {
    let vietnam = |calendar, due| ReportingCalendar::new(calendar, due, []).unwrap();
    // April 2026 ends Thursday 30 (Reunification Day); 1 May is Labour Day: Mon 4 … Fri 8.
    assert_eq!(
        vietnam(Calendar::Calendar, 5)
            .deadline(p("2026-04"))
            .unwrap(),
        date("2026-05-08")
    );
    assert_eq!(
        regime(Calendar::Calendar, 5, &[])
            .deadline(p("2026-04"))
            .unwrap(),
        date("2026-05-07")
    );
    // December 2025 ends Wednesday 31; 1 January and 2 January (moved) are off; Mon 5 … Fri 9
    // are five, and Saturday 10 January, worked in exchange, the sixth.
    let r = vietnam(Calendar::Calendar, 6);
    assert_eq!(r.deadline(p("2025-12")).unwrap(), date("2026-01-10"));
    // The Hùng Kings' Sunday is made up on Monday 27 April.
    assert!(!r.is_working_day(date("2026-04-27")));
    assert!(r.is_working_day(date("2026-04-28")));
    // A declaration of the calendar's own adds to (and for its year, replaces) those shipped.
    let own: ReportingCalendar = serde_json::from_str(
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": 1,
            "declarations": [{"year": 2027, "days_off": ["2027-04-29"]}]}"#,
    )
    .unwrap();
    assert!(!own.is_working_day(date("2027-04-29"))); // Thursday, declared off
    assert!(ReportingCalendar::default().is_working_day(date("2027-04-29")));
    // A declaration that does not hold (a Wednesday "worked in exchange") is refused by the
    // calendar's check, which every deadline runs.
    let bad = ReportingCalendar::from_json(
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": 1,
            "declarations": [{"year": 2027, "working_days": ["2027-04-28"]}]}"#,
    )
    .unwrap();
    assert_eq!(
        bad.deadline(p("2027-04")).unwrap_err().code(),
        "argument.invalid"
    );
}

#[test]
fn deadlines_skip_weekends() {
    // Q1 2026 under the cut-off ends Saturday 14 March: Monday 16, Tuesday 17.
    let r = regime(CUTOFF_15, 2, &[]);
    assert_eq!(r.deadline(p("2026-Q1")).unwrap(), date("2026-03-17"));
    // January 2026 under the cut-off ends Wednesday 14 January: Thu 15, Fri 16, Mon 19.
    let r = regime(CUTOFF_15, 3, &[]);
    assert_eq!(r.deadline(p("2026-01")).unwrap(), date("2026-01-19"));
    // May 2026 ends Sunday 31 May: Monday 1 June is the first working day.
    let r = regime(Calendar::Calendar, 1, &[]);
    assert_eq!(r.deadline(p("2026-05")).unwrap(), date("2026-06-01"));
}

#[test]
fn deadlines_skip_holidays() {
    // August 2026 ends Monday 31; Quốc khánh on Tuesday 1 and Wednesday 2 September; then
    // Thu 3, Fri 4, Mon 7, Tue 8, Wed 9.
    let r = regime(Calendar::Calendar, 5, &["2026-09-01", "2026-09-02"]);
    assert_eq!(r.deadline(p("2026-08")).unwrap(), date("2026-09-09"));
    // February 2026 under the cut-off ends Saturday 14; Tết Monday 16 – Friday 20; then
    // Mon 23 … Fri 27.
    let tet = [
        "2026-02-16",
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-02-20",
    ];
    let r = regime(CUTOFF_15, 5, &tet);
    assert_eq!(r.deadline(p("2026-02")).unwrap(), date("2026-02-27"));
    // A holiday on a Saturday changes nothing: Q1 still due Tuesday 17 March.
    let r = regime(CUTOFF_15, 2, &["2026-03-14", "2026-03-21"]);
    assert_eq!(r.deadline(p("2026-Q1")).unwrap(), date("2026-03-17"));
}

#[test]
fn zero_working_days_means_the_last_day_itself() {
    // Q2 2026 under the cut-off ends Sunday 14 June: due that very day.
    let r = regime(CUTOFF_15, 0, &["2026-06-14"]);
    assert_eq!(r.deadline(p("2026-Q2")).unwrap(), date("2026-06-14"));
}

#[test]
fn working_days() {
    let r = regime(Calendar::Calendar, 0, &["2026-09-02"]);
    assert!(r.is_working_day(date("2026-09-01"))); // Tuesday
    assert!(!r.is_working_day(date("2026-09-02"))); // holiday
    assert!(!r.is_working_day(date("2026-09-05"))); // Saturday
    assert!(!r.is_working_day(date("2026-09-06"))); // Sunday
}

#[test]
fn due_working_days_are_bounded() {
    assert!(ReportingCalendar::new(Calendar::Calendar, 366, []).is_ok());
    let too_many = Err(Error::InvalidArgument {
        name: "due_working_days",
        value: "367".to_owned(),
        expected: "0–366".to_owned(),
    });
    assert_eq!(
        ReportingCalendar::new(Calendar::Calendar, 367, []),
        too_many
    );
    let hand_built = ReportingCalendar {
        calendar: Calendar::Calendar,
        due_working_days: 367,
        holidays: [].into(),
        ..ReportingCalendar::default()
    };
    assert_eq!(
        hand_built.deadline(p("2026-05")),
        too_many.map(|_| date("2026-01-01"))
    );
    let bad_day = ReportingCalendar {
        calendar: Calendar::Cutoff { day: 31 },
        due_working_days: 5,
        holidays: [].into(),
        ..ReportingCalendar::default()
    };
    assert_eq!(
        bad_day.deadline(p("2026-05")).unwrap_err().code(),
        "argument.invalid"
    );
    assert!(describe("2026-05", &bad_day).is_err());
    // The longest allowed wait: December 2027 ends Friday the 31st; 73 whole weeks of five
    // working days from Monday 3 January 2028 use up 365, and 511 days after 3 January 2028
    // (366 of them in leap 2028) is Monday 28 May 2029, the 366th.
    let r = regime(Calendar::Calendar, 366, &[]);
    assert_eq!(r.deadline(p("2027-12")).unwrap(), date("2029-05-28"));
}

#[test]
fn reporting_calendars_in_json() {
    let text = r#"{"calendar":{"kind":"cutoff","day":15},"due_working_days":5,"holidays":["2026-09-01","2026-09-02"]}"#;
    let read: ReportingCalendar =
        serde_json::from_str(r#"{"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5, "holidays": ["2026-09-02", "2026-09-01", "2026-09-02"]}"#).unwrap();
    let kept = ["2026-09-01", "2026-09-02"].map(date);
    assert_eq!(read, ReportingCalendar::new(CUTOFF_15, 5, kept).unwrap());
    assert_eq!(chiso::to_json(&read), text);
    let no_holidays: ReportingCalendar =
        serde_json::from_str(r#"{"calendar": {"kind": "calendar"}, "due_working_days": 0}"#)
            .unwrap();
    assert!(no_holidays.holidays.is_empty());
    for bad in [
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": 367}"#,
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": -1}"#,
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": 5, "holidays": ["2026-9-2"]}"#,
        r#"{"calendar": {"kind": "calendar"}, "due_working_days": 5, "holiday": []}"#,
        r#"{"calendar": {"kind": "cutoff", "day": 29}, "due_working_days": 5}"#,
    ] {
        assert!(
            serde_json::from_str::<ReportingCalendar>(bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn each_timeliness_outcome() {
    // Q2 2026 under the cut-off ends Sunday 14 June and is due Friday 19 June.
    let r = regime(CUTOFF_15, 5, &[]);
    let q2 = p("2026-Q2");
    let later = at("2026-07-01 08:00:00");
    let cases = [
        (Some("2026-06-19 23:59:59"), later, Timeliness::OnTime),
        (Some("2026-06-15 08:00:00"), later, Timeliness::OnTime),
        (Some("2026-06-01 08:00:00"), later, Timeliness::OnTime), // early, before the period ended
        (Some("2026-06-20 00:00:00"), later, Timeliness::Late),
        (Some("2026-06-22 09:00:00"), later, Timeliness::Late),
        (None, at("2026-06-19 23:59:59"), Timeliness::NotYetDue),
        (None, at("2026-05-01 00:00:00"), Timeliness::NotYetDue),
        (None, at("2026-06-20 00:00:00"), Timeliness::Missing),
    ];
    for (submitted, now, expected) in cases {
        assert_eq!(
            r.timeliness(q2, submitted.map(at), now).unwrap(),
            expected,
            "{submitted:?} {now}"
        );
    }
    assert_eq!(chiso::to_json(&Timeliness::NotYetDue), r#""not_yet_due""#);
    assert_eq!(Timeliness::Missing.label().vi, "Quá hạn, chưa nộp");
}

// --- describe and the golden vectors ----------------------------------------------------------

#[test]
fn describe_a_month_and_a_year() {
    let r = regime(Calendar::Calendar, 5, &[]);
    let info: PeriodInfo = describe("2026-05", &r).unwrap();
    assert!(info.months.is_empty());
    assert_eq!(info.parents.quarterly, Some(p("2026-Q2")));
    assert_eq!(info.deadline, date("2026-06-05"));
    let info = describe("2026", &r).unwrap();
    assert_eq!(info.months.len(), 12);
    assert_eq!(chiso::to_json(&info.parents), "{}");
    assert_eq!(
        describe("2026-13", &r),
        Err(Error::InvalidPeriod {
            value: "2026-13".to_owned(),
            reason: InvalidPeriod::Month(13)
        })
    );
}

/// `text` without the whitespace between JSON tokens (strings kept as they are), so a
/// pretty-printed expectation compares byte for byte with compact output, field order included.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorInput {
    period: String,
    calendar: ReportingCalendar,
}

/// A failed case's output: `{"error": {code, path, message_vi, message_en, findings}}`.
#[derive(serde::Serialize)]
struct ErrorOutput {
    error: Error,
}

#[test]
fn period_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/vectors/period");
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 12, "too few cases under {}", root.display());
    let mut problems = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let input: VectorInput =
            serde_json::from_str(&fs::read_to_string(dir.join("input.json")).unwrap()).unwrap();
        let expected_text = fs::read_to_string(dir.join("expected.json")).unwrap();
        // The expectation must itself be JSON.
        serde_json::from_str::<serde_json::Value>(&expected_text).unwrap();
        let got = match describe(&input.period, &input.calendar) {
            Ok(info) => chiso::to_json(&info),
            Err(error) => chiso::to_json(&ErrorOutput { error }),
        };
        let expected = minify(&expected_text);
        if got != expected {
            problems.push(format!("{name}:\n  got      {got}\n  expected {expected}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
