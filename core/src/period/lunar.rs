//! The Vietnamese lunar calendar ("âm lịch"), which places Tết and the Hùng Kings'
//! commemoration among the public holidays.
//!
//! Computed by Hồ Ngọc Đức's published algorithm, the one Vietnam's calendar follows: a month
//! starts on the day of a new moon, month 11 holds the December solstice, and in a year of 13
//! months the first month without a major solar term is the leap one. Days are counted in
//! Vietnam's time zone, UTC+7, which is why Vietnam's calendar sometimes parts from China's
//! (UTC+8): Tết 2007 and 2030 fall a day earlier in Vietnam, Tết 1985 a whole month earlier.
//! The astronomy (Jean Meeus' truncated series for the new moon and the sun's longitude) is
//! done in `f64` internally; every answer is a date.
//!
//! UTC+7 is applied to every year. Before 1968 Vietnam kept UTC+8, so a historical calendar
//! printed then can differ from these dates by a day.

use std::f64::consts::PI;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

/// The lunar years converted: 1899–2200, so that every day of the Gregorian years 1900–2199
/// has its lunar date and back. Outside them the functions return `None`: the algorithm's
/// truncated series drift, and no day here needs them.
///
/// ```
/// use chiso::period::{LUNAR_YEARS, tet};
/// assert!(LUNAR_YEARS.contains(&2026));
/// assert_eq!(tet(2201), None);
/// ```
pub const LUNAR_YEARS: RangeInclusive<i32> = 1899..=2200;

/// Vietnam's time zone, in hours east of UTC: the day a new moon falls on is its local day.
const TIME_ZONE: f64 = 7.0;
/// The Julian date of the new moon of 1900-01-01 13:52 UT, from which new moons are counted.
const EPOCH_NEW_MOON: f64 = 2_415_021.076_998_695;
/// The mean length of a lunar month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// The Julian day number of 0001-12-31 BCE (proleptic Gregorian), chrono's day 0.
const JDN_OF_DAY_ZERO: i32 = 1_721_425;

/// A day of the Vietnamese lunar calendar.
///
/// `leap` marks the leap month ("tháng nhuận"), which repeats the number of the month before
/// it: in 2025 the 6th month came twice, the second time as a leap month.
///
/// ```
/// use chiso::period::{LunarDate, to_lunar};
/// use chrono::NaiveDate;
/// let day = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap();
/// assert_eq!(to_lunar(day), Some(LunarDate { year: 2025, month: 6, day: 8, leap: true }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LunarDate {
    /// The lunar year, numbered like the Gregorian year in which it mostly falls (Tết 2026
    /// starts lunar year 2026, Bính Ngọ).
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–30.
    pub day: u8,
    /// Whether the month is the year's leap month.
    pub leap: bool,
}

/// The lunar date of a Gregorian day, or `None` outside [`LUNAR_YEARS`].
///
/// ```
/// use chiso::period::{LunarDate, to_lunar};
/// use chrono::NaiveDate;
/// // The Hùng Kings' commemoration of 2026: the 10th day of the 3rd month.
/// let day = NaiveDate::from_ymd_opt(2026, 4, 26).unwrap();
/// assert_eq!(to_lunar(day), Some(LunarDate { year: 2026, month: 3, day: 10, leap: false }));
/// assert_eq!(to_lunar(NaiveDate::from_ymd_opt(2500, 1, 1).unwrap()), None);
/// ```
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let gregorian_year = date.year();
    // A lunar year is within a year of the Gregorian one; this also keeps far-off dates away
    // from the arithmetic below.
    if !(LUNAR_YEARS.start() - 1..=LUNAR_YEARS.end() + 1).contains(&gregorian_year) {
        return None;
    }
    let day = date.num_days_from_ce() + JDN_OF_DAY_ZERO;
    // The month holding the day. The estimate from the mean month can be one off either way;
    // the published code only looks one month ahead, and so gives a "day 0" on 2054-05-07 and
    // 2062-04-09, where the new moon comes more than a day after the mean.
    let mut k = floor((f64::from(day) - EPOCH_NEW_MOON) / SYNODIC_MONTH);
    while new_moon_day(k) > day {
        k -= 1;
    }
    while new_moon_day(k + 1) <= day {
        k += 1;
    }
    let month_start = new_moon_day(k);
    // The months 11 around the day: the lunar year runs from the first to the second.
    let mut a11 = month_11(gregorian_year);
    let mut b11 = a11;
    let mut year = if a11 >= month_start {
        a11 = month_11(gregorian_year - 1);
        gregorian_year
    } else {
        b11 = month_11(gregorian_year + 1);
        gregorian_year + 1
    };
    // Months since month 11 (a month is 29 or 30 days, so dividing by 29 counts them).
    let since_11 = (month_start - a11) / 29;
    let mut month = since_11 + 11;
    let mut leap = false;
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        if since_11 >= leap_offset {
            month = since_11 + 10;
            leap = since_11 == leap_offset;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && since_11 < 4 {
        year -= 1;
    }
    if !LUNAR_YEARS.contains(&year) {
        return None;
    }
    Some(LunarDate {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day - month_start + 1).ok()?,
        leap,
    })
}

/// The Gregorian day of a lunar date, or `None` when there is no such day: a year outside
/// [`LUNAR_YEARS`], a month outside 1–12, `leap` for a month that is not that year's leap
/// month, or a day past the month's 29 or 30.
///
/// ```
/// use chiso::period::from_lunar;
/// use chrono::NaiveDate;
/// // Mid-autumn 2025: the 15th of the 8th month.
/// assert_eq!(from_lunar(2025, 8, 15, false), NaiveDate::from_ymd_opt(2025, 10, 6));
/// // 2025's leap month was the 6th, not the 8th.
/// assert_eq!(from_lunar(2025, 8, 15, true), None);
/// assert_eq!(from_lunar(2025, 6, 1, true), NaiveDate::from_ymd_opt(2025, 7, 25));
/// ```
pub fn from_lunar(year: i32, month: u8, day: u8, leap: bool) -> Option<NaiveDate> {
    if !LUNAR_YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let month = i32::from(month);
    let (a11, b11) = if month < 11 {
        (month_11(year - 1), month_11(year))
    } else {
        (month_11(year), month_11(year + 1))
    };
    // Months after month 11, before counting a leap month.
    let mut offset = (month - 11).rem_euclid(12);
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        // The leap month repeats the number of the month before it. (The published code
        // writes `leap_offset - 2`, which misnames a leap 12th month as 0; none falls in
        // 1899–2200, but this form has no such gap.)
        let leap_month = (leap_offset + 9).rem_euclid(12) + 1;
        if leap && month != leap_month {
            return None;
        }
        if leap || offset >= leap_offset {
            offset += 1;
        }
    } else if leap {
        return None;
    }
    let k = floor(0.5 + (f64::from(a11) - EPOCH_NEW_MOON) / SYNODIC_MONTH);
    let start = new_moon_day(k + offset);
    let length = new_moon_day(k + offset + 1) - start;
    if i32::from(day) > length {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(start + i32::from(day) - 1 - JDN_OF_DAY_ZERO)
}

/// Tết Nguyên Đán of a lunar year: the first day of its first month, or `None` outside
/// [`LUNAR_YEARS`].
///
/// ```
/// use chiso::period::tet;
/// use chrono::NaiveDate;
/// assert_eq!(tet(2026), NaiveDate::from_ymd_opt(2026, 2, 17));
/// // A month before China's New Year of 1985 (20 February).
/// assert_eq!(tet(1985), NaiveDate::from_ymd_opt(1985, 1, 21));
/// ```
pub fn tet(year: i32) -> Option<NaiveDate> {
    from_lunar(year, 1, 1, false)
}

/// `x` rounded down to a whole number. Every caller passes a day number or a count of lunar
/// months within the supported years (at most a few million), far inside `i32`.
#[allow(clippy::cast_possible_truncation)]
fn floor(x: f64) -> i32 {
    x.floor() as i32
}

/// The Julian date (UT) of the `k`-th new moon after the one of 1900-01-01 (Meeus).
fn new_moon(k: i32) -> f64 {
    let k = f64::from(k);
    let t = k / 1236.85; // Julian centuries since 1900 January 0.5
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    let m = 359.224_2 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3; // sun's anomaly
    let mpr = 306.025_3 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3; // moon's
    let f = 21.296_4 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3; // latitude
    let mut c1 = (0.173_4 - 0.000_393 * t) * (m * dr).sin() + 0.002_1 * (2.0 * dr * m).sin();
    c1 = c1 - 0.406_8 * (mpr * dr).sin() + 0.016_1 * (dr * 2.0 * mpr).sin();
    c1 -= 0.000_4 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.010_4 * (dr * 2.0 * f).sin() - 0.005_1 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.007_4 * (dr * (m - mpr)).sin() + 0.000_4 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.000_4 * (dr * (2.0 * f - m)).sin() - 0.000_6 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.001_0 * (dr * (2.0 * f - mpr)).sin() + 0.000_5 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd + c1 - delta_t
}

/// The sun's apparent longitude at Julian date `jd`, in radians within [0, 2π) (Meeus).
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0; // Julian centuries since 2000-01-01 12:00 UT
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - PI * 2.0 * (l / (PI * 2.0)).floor()
}

/// The Julian day number of the local day on which the `k`-th new moon falls.
fn new_moon_day(k: i32) -> i32 {
    floor(new_moon(k) + 0.5 + TIME_ZONE / 24.0)
}

/// Which 30° sign the sun is in (0 from the March equinox, 9 from the December solstice) at
/// the local midnight that starts day `day`.
fn sun_sign(day: i32) -> i32 {
    floor(sun_longitude(f64::from(day) - 0.5 - TIME_ZONE / 24.0) / PI * 6.0)
}

/// The first day (Julian day number) of month 11 of lunar year `year`, the month holding the
/// December solstice.
fn month_11(year: i32) -> i32 {
    // The Julian day number of 31 December of `year` (chrono's day count of that day is
    // 365 a year plus the leap days), and the new moon about then, counted from 1900.
    let december_31 = 365 * year + year.div_euclid(4) - year.div_euclid(100)
        + year.div_euclid(400)
        + JDN_OF_DAY_ZERO;
    let k = floor(f64::from(december_31 - 2_415_021) / SYNODIC_MONTH);
    let day = new_moon_day(k);
    if sun_sign(day) >= 9 {
        // That month starts after the solstice: month 11 is the one before.
        new_moon_day(k - 1)
    } else {
        day
    }
}

/// How many months after the month 11 starting on day `a11` the leap month comes: the first
/// month whose start and end see the sun in the same sign (no major term). Only meaningful
/// when 13 months separate this month 11 from the next.
fn leap_month_offset(a11: i32) -> i32 {
    let k = floor((f64::from(a11) - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
    let mut i = 1;
    let mut sign = sun_sign(new_moon_day(k + i));
    loop {
        let last = sign;
        i += 1;
        sign = sun_sign(new_moon_day(k + i));
        if sign == last || i >= 14 {
            return i - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[allow(clippy::unnecessary_wraps)] // compared with what `to_lunar` returns
    fn lunar(year: i32, month: u8, day: u8, leap: bool) -> Option<LunarDate> {
        Some(LunarDate {
            year,
            month,
            day,
            leap,
        })
    }

    /// Tết from Vietnam's published calendars. 1968, 1969, 2007 and 2030 are a day before
    /// China's New Year, 1985 a month before (the cases that show UTC+7 is applied).
    #[test]
    fn tet_matches_the_published_calendar() {
        let published = [
            (1968, "1968-01-29"),
            (1969, "1969-02-16"),
            (1985, "1985-01-21"),
            (2007, "2007-02-17"),
            (2020, "2020-01-25"),
            (2021, "2021-02-12"),
            (2022, "2022-02-01"),
            (2023, "2023-01-22"),
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
            (2028, "2028-01-26"),
            (2029, "2029-02-13"),
            (2030, "2030-02-02"),
        ];
        for (year, date) in published {
            assert_eq!(tet(year), Some(day(date)), "Tết {year}");
            assert_eq!(to_lunar(day(date)), lunar(year, 1, 1, false));
        }
    }

    #[test]
    fn hung_kings_day_is_the_10th_of_the_3rd_month() {
        for (year, date) in [
            (2023, "2023-04-29"),
            (2024, "2024-04-18"),
            (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ] {
            assert_eq!(from_lunar(year, 3, 10, false), Some(day(date)), "{year}");
            assert_eq!(to_lunar(day(date)), lunar(year, 3, 10, false));
        }
    }

    /// Leap months of the published calendar: 2020 (4th), 2023 (2nd), 2025 (6th), and the
    /// 11th month of 2033 that the algorithm's shortcuts must not miss.
    #[test]
    fn leap_months() {
        assert_eq!(from_lunar(2020, 4, 1, true), Some(day("2020-05-23")));
        assert_eq!(from_lunar(2023, 2, 1, true), Some(day("2023-03-22")));
        assert_eq!(from_lunar(2025, 6, 1, true), Some(day("2025-07-25")));
        assert_eq!(to_lunar(day("2025-08-01")), lunar(2025, 6, 8, true));
        assert!(from_lunar(2033, 11, 1, true).is_some());
        // The months after a leap month keep their numbers.
        assert_eq!(from_lunar(2025, 7, 15, false), Some(day("2025-09-06"))); // Vu Lan
        assert_eq!(from_lunar(2025, 8, 15, false), Some(day("2025-10-06"))); // Mid-autumn
        // No leap month in 2026, nor a leap 5th in 2025.
        for month in 1..=12 {
            assert_eq!(from_lunar(2026, month, 1, true), None);
        }
        assert_eq!(from_lunar(2025, 5, 1, true), None);
    }

    /// The Government's holiday notices give lunar dates beside the Gregorian ones: Tết 2025
    /// ran from the 26th of the 12th month (25 January) to the 5th of the 1st (2 February),
    /// Tết 2026 from the 27th (14 February) to the 6th (22 February), with no 30th that year.
    #[test]
    fn dates_named_in_holiday_notices() {
        assert_eq!(to_lunar(day("2025-01-25")), lunar(2024, 12, 26, false));
        assert_eq!(to_lunar(day("2025-02-02")), lunar(2025, 1, 5, false));
        assert_eq!(to_lunar(day("2026-02-14")), lunar(2025, 12, 27, false));
        assert_eq!(to_lunar(day("2026-02-22")), lunar(2026, 1, 6, false));
        assert_eq!(from_lunar(2025, 12, 29, false), Some(day("2026-02-16")));
        assert_eq!(from_lunar(2025, 12, 30, false), None);
    }

    /// Where the new moon comes more than a day after the mean one, the month holding the day
    /// is the one before the estimate (the published code gives a "day 0" here).
    #[test]
    fn late_new_moons() {
        assert_eq!(to_lunar(day("2054-05-07")), lunar(2054, 3, 30, false));
        assert_eq!(to_lunar(day("2054-05-08")), lunar(2054, 4, 1, false));
        let before = to_lunar(day("2062-04-09")).unwrap();
        assert!(before.day == 29 || before.day == 30);
        assert_eq!(to_lunar(day("2062-04-10")).map(|d| d.day), Some(1));
    }

    #[test]
    fn out_of_range_is_none() {
        assert_eq!(tet(1898), None);
        assert_eq!(tet(2201), None);
        assert!(tet(1899).is_some() && tet(2200).is_some());
        assert_eq!(to_lunar(NaiveDate::MIN), None);
        assert_eq!(to_lunar(NaiveDate::MAX), None);
        assert_eq!(to_lunar(day("1800-06-01")), None);
        assert_eq!(to_lunar(day("2300-06-01")), None);
        assert_eq!(from_lunar(i32::MIN, 1, 1, false), None);
        assert_eq!(from_lunar(i32::MAX, 1, 1, false), None);
        assert_eq!(from_lunar(2026, 0, 1, false), None);
        assert_eq!(from_lunar(2026, 13, 1, false), None);
        assert_eq!(from_lunar(2026, 1, 0, false), None);
        assert_eq!(from_lunar(2026, 1, 31, false), None);
        assert_eq!(from_lunar(2026, u8::MAX, u8::MAX, true), None);
    }

    /// Every day of 1900–2199 converts and back; consecutive days step through the calendar
    /// one day at a time, months have 29 or 30 days, years 12 or 13 months.
    #[test]
    fn every_day_of_1900_to_2199_round_trips() {
        let mut previous = to_lunar(day("1899-12-31")).unwrap();
        let mut months_in_year = 0;
        for date in day("1900-01-01")
            .iter_days()
            .take_while(|d| d.year() < 2200)
        {
            let now = to_lunar(date).unwrap();
            assert_eq!(
                from_lunar(now.year, now.month, now.day, now.leap),
                Some(date)
            );
            if now.day == 1 {
                assert!(previous.day == 29 || previous.day == 30, "{date}");
                months_in_year += 1;
                if now.leap {
                    assert_eq!(now.month, previous.month, "{date}");
                } else if now.month == 1 {
                    assert_eq!(now.year, previous.year + 1, "{date}");
                    assert!(months_in_year == 12 || months_in_year == 13 || date.year() == 1900);
                    months_in_year = 0;
                } else {
                    assert_eq!(now.month, previous.month % 12 + 1, "{date}");
                }
            } else {
                assert_eq!(
                    (now.year, now.month, now.day, now.leap),
                    (
                        previous.year,
                        previous.month,
                        previous.day + 1,
                        previous.leap
                    ),
                    "{date}"
                );
            }
            previous = now;
        }
    }
}
