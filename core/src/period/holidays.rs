//! Vietnam's public holidays ("ngày nghỉ lễ, Tết") as public offices keep them, so that
//! deadlines count only the days those offices work.
//!
//! Bộ luật Lao động 2019 (the Labour Code), Art. 112(1), gives eleven paid days: Tết Dương
//! lịch (1 January); Tết Âm lịch, five days; the Hùng Kings' commemoration (Giỗ Tổ Hùng Vương,
//! the 10th day of the 3rd lunar month); Reunification Day (30 April); Labour Day (1 May); and
//! National Day (2 September) with one day next to it. Art. 111(3): a holiday that falls on the
//! weekly rest day is made up on the next working day ("nghỉ bù"); public offices rest on
//! Saturday and Sunday (Quyết định 188/1999/QĐ-TTg). Art. 112(3): each year the Prime Minister
//! fixes which five days make Tết and which day joins National Day, and the Government often
//! moves a working day into a holiday, with a Saturday worked in exchange ("hoán đổi", "làm
//! bù"). A [`Declaration`] carries one year's such decisions as data; without one, the defaults
//! of [`public_holidays`] apply.
//!
//! The Code's list is applied to every year. Before 2021 the older Codes gave other lists
//! (National Day was one day). A day not yet in the Code belongs in a declaration's `days_off`:
//! 24 November, "Ngày Văn hóa Việt Nam", which Nghị quyết 80-NQ/TW (2026) makes a paid day off,
//! awaits the amendment of Art. 112.

use std::collections::BTreeSet;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{LUNAR_YEARS, from_lunar, tet};
use crate::Error;

/// How many days Tết Âm lịch gives (Art. 112(1)(b)).
const TET_DAYS: usize = 5;
/// How far a declared Tết day may lie from the first day of the lunar year: the Government's
/// choices run from about the 28th of the 12th month to the 5th of the 1st; a date further off
/// is a typing slip.
const TET_REACH: u64 = 14;

/// One year's decisions on holidays, made each year by the Prime Minister and the Government.
///
/// * `tet`: the five days of Tết Âm lịch. Left out, they are the last day of the lunar year and
///   the first four of the new one.
/// * `national_day_adjacent`: the day, 1 or 3 September, that joins National Day. Left out, it
///   is 3 September when the 2nd is a Monday or a Thursday and 1 September otherwise, which
///   joins the two days to a weekend as the Government chose in 2021–2026.
/// * `days_off`: further days off, such as a working day moved into a holiday ("hoán đổi"). A
///   compensatory day may be listed too; it counts once.
/// * `working_days`: Saturdays or Sundays worked in exchange ("làm bù").
///
/// Every date lies in `year`. Compensatory days for holidays on a weekend are worked out by
/// [`public_holidays`] and need not be listed. The declarations of 2025 and 2026 ship with
/// chiso: [`official_declarations`].
///
/// In JSON (`tet`, `national_day_adjacent`, `days_off` and `working_days` may be left out):
///
/// ```
/// use chiso::period::Declaration;
/// use chrono::NaiveDate;
/// let text = r#"{"year": 2026, "national_day_adjacent": "2026-09-01",
///                "days_off": ["2026-08-31"], "working_days": ["2026-08-22"]}"#;
/// let declaration = Declaration::from_json(text)?;
/// assert_eq!(declaration.days_off, [NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()]);
/// assert_eq!(declaration.tet, None);
/// # Ok::<(), chiso::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// The Gregorian year the decisions are for.
    pub year: i32,
    /// The five days of Tết Âm lịch, `YYYY-MM-DD`; left out, the default.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "some_days")]
    #[schemars(with = "Option<Vec<Day>>")]
    pub tet: Option<Vec<NaiveDate>>,
    /// The day, 1 or 3 September, that joins National Day; left out, the default.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "some_day")]
    #[schemars(with = "Option<Day>")]
    pub national_day_adjacent: Option<NaiveDate>,
    /// Further days off, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "days")]
    #[schemars(with = "Vec<Day>")]
    pub days_off: Vec<NaiveDate>,
    /// Saturdays or Sundays declared working days, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "days")]
    #[schemars(with = "Vec<Day>")]
    pub working_days: Vec<NaiveDate>,
}

impl Declaration {
    /// Reads one declaration from JSON (the shape above) and [checks](Self::check) it. A
    /// malformed document is [`Error::InvalidInput`] with the path of the problem.
    ///
    /// ```
    /// use chiso::period::Declaration;
    /// let err = Declaration::from_json(r#"{"year": 2026, "tet_days": []}"#).unwrap_err();
    /// assert_eq!(err.findings()[0].path, "/tet_days");
    /// ```
    pub fn from_json(text: &str) -> Result<Declaration, Error> {
        let declaration: Declaration = read(text)?;
        declaration.check()?;
        Ok(declaration)
    }

    /// Reads a JSON array of declarations, checking each and refusing two for one year (which
    /// one holds would be a guess).
    ///
    /// ```
    /// use chiso::period::Declaration;
    /// let list = Declaration::list_from_json(r#"[{"year": 2025}, {"year": 2026}]"#)?;
    /// assert_eq!(list.len(), 2);
    /// let twice = Declaration::list_from_json(r#"[{"year": 2026}, {"year": 2026}]"#);
    /// assert_eq!(twice.unwrap_err().code(), "argument.invalid");
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn list_from_json(text: &str) -> Result<Vec<Declaration>, Error> {
        let list: Vec<Declaration> = read(text)?;
        let mut years = BTreeSet::new();
        for declaration in &list {
            declaration.check()?;
            if !years.insert(declaration.year) {
                return Err(invalid(
                    "year",
                    declaration.year,
                    "one declaration per year",
                ));
            }
        }
        Ok(list)
    }

    /// Fails, naming the field, when the declaration cannot be what the Government decided:
    /// a year outside [`LUNAR_YEARS`], a date outside `year`, Tết not five distinct days
    /// within a fortnight of the lunar New Year, a National Day companion other than 1 or
    /// 3 September, a working day that is not a Saturday or Sunday, or a day both off and
    /// working.
    ///
    /// ```
    /// use chiso::period::Declaration;
    /// use chrono::NaiveDate;
    /// let mut declaration = Declaration { year: 2026, tet: None, national_day_adjacent: None,
    ///                                     days_off: vec![], working_days: vec![] };
    /// assert!(declaration.check().is_ok());
    /// declaration.national_day_adjacent = NaiveDate::from_ymd_opt(2026, 9, 4);
    /// assert_eq!(declaration.check().unwrap_err().code(), "argument.invalid");
    /// ```
    pub fn check(&self) -> Result<(), Error> {
        let year = self.year;
        let Some(new_year) = tet(year) else {
            return Err(invalid("year", year, "a year within 1899–2200"));
        };
        let in_year = |name: &'static str, day: &NaiveDate| {
            if day.year() == year {
                Ok(())
            } else {
                Err(invalid(name, day, &format!("a date in {year}")))
            }
        };
        if let Some(days) = &self.tet {
            let reach = Days::new(TET_REACH);
            let (Some(first), Some(last)) = (
                new_year.checked_sub_days(reach),
                new_year.checked_add_days(reach),
            ) else {
                return Err(invalid("year", year, "a year within 1899–2200"));
            };
            for day in days {
                in_year("tet", day)?;
                if !(first..=last).contains(day) {
                    return Err(invalid(
                        "tet",
                        day,
                        &format!("a day from {first} to {last}, near Tết ({new_year})"),
                    ));
                }
            }
            let distinct: BTreeSet<_> = days.iter().collect();
            if distinct.len() != TET_DAYS {
                return Err(invalid(
                    "tet",
                    distinct.len(),
                    "five distinct days (Labour Code 2019, Art. 112)",
                ));
            }
        }
        if let Some(day) = self.national_day_adjacent {
            let allowed = [(9, 1), (9, 3)].map(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
            if !allowed.contains(&Some(day)) {
                return Err(invalid(
                    "national_day_adjacent",
                    day,
                    &format!("{year}-09-01 or {year}-09-03"),
                ));
            }
        }
        for day in &self.days_off {
            in_year("days_off", day)?;
        }
        for day in &self.working_days {
            in_year("working_days", day)?;
            if !is_weekend(*day) {
                return Err(invalid(
                    "working_days",
                    day,
                    "a Saturday or Sunday (weekdays are working days already)",
                ));
            }
            if self.days_off.contains(day) {
                return Err(invalid("working_days", day, "a day not also in days_off"));
            }
        }
        Ok(())
    }
}

/// The days public offices are off in `year` for holidays: the eleven days of the Labour Code
/// (whatever weekday they fall on), a compensatory weekday for each that falls on a Saturday or
/// Sunday, and `declaration`'s further days off, less its working days. Without a declaration
/// (or with one for another year, which is not used) Tết and the day next to National Day are
/// the defaults described at [`Declaration`].
///
/// Empty outside [`LUNAR_YEARS`], where Tết cannot be placed: a list without it would pass for
/// a whole one. Two holidays on one day count once; the Code gives no rule for it.
///
/// ```
/// use chiso::period::public_holidays;
/// use chrono::NaiveDate;
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let off = public_holidays(2026, None);
/// assert!(off.contains(&day(2, 16)) && off.contains(&day(2, 20))); // Tết: 29 Chạp to mùng 4
/// assert!(off.contains(&day(4, 26))); // the Hùng Kings, a Sunday,
/// assert!(off.contains(&day(4, 27))); // made up on Monday
/// assert!(off.contains(&day(9, 1)) && off.contains(&day(9, 2)));
/// ```
pub fn public_holidays(year: i32, declaration: Option<&Declaration>) -> BTreeSet<NaiveDate> {
    let declaration = declaration.filter(|d| d.year == year);
    let Some(holidays) = statutory(year, declaration) else {
        return BTreeSet::new();
    };
    let mut off = holidays.clone();
    // In date order, so that two weekend holidays take the next two free weekdays.
    for holiday in holidays.into_iter().filter(|&day| is_weekend(day)) {
        let free = holiday
            .iter_days()
            .skip(1)
            .find(|day| !is_weekend(*day) && !off.contains(day));
        off.extend(free);
    }
    if let Some(declaration) = declaration {
        off.extend(&declaration.days_off);
        for day in &declaration.working_days {
            off.remove(day);
        }
    }
    off.retain(|day| day.year() == year);
    off
}

/// The Saturdays and Sundays that public offices work in `year` by `declaration` ("làm bù"),
/// traded for a weekday off. A deadline counts them as working days. Empty without a
/// declaration for `year`.
///
/// ```
/// use chiso::period::{official_declarations, working_weekend_days};
/// use chrono::NaiveDate;
/// let declared = official_declarations();
/// let worked = working_weekend_days(2026, declared.iter().find(|d| d.year == 2026));
/// assert!(worked.contains(&NaiveDate::from_ymd_opt(2026, 1, 10).unwrap())); // for 2 January
/// ```
pub fn working_weekend_days(year: i32, declaration: Option<&Declaration>) -> BTreeSet<NaiveDate> {
    declaration
        .filter(|d| d.year == year)
        .map(|d| {
            d.working_days
                .iter()
                .copied()
                .filter(|&day| day.year() == year && is_weekend(day))
                .collect()
        })
        .unwrap_or_default()
}

/// The [public holidays](public_holidays) of every year in `years`, each under the last of
/// `declarations` for that year (so a caller's own can follow and override
/// [`official_declarations`]): the set to merge into a
/// [`ReportingCalendar`](super::ReportingCalendar)'s `holidays`. Years outside [`LUNAR_YEARS`]
/// add nothing.
///
/// A declared working Saturday is not a working day to [`ReportingCalendar`](
/// super::ReportingCalendar), which rests every weekend; see
/// [`vietnamese_working_weekend_days`].
///
/// ```
/// use chiso::period::{Calendar, Period, ReportingCalendar, official_declarations, vietnamese_holidays};
/// use chrono::NaiveDate;
/// let holidays = vietnamese_holidays(2025..=2026, &official_declarations());
/// let regime = ReportingCalendar::new(Calendar::ND09_2019, 5, holidays)?;
/// // February 2026 is cut off on Saturday the 14th; Tết shuts offices 16–20 February, so the
/// // fifth working day is Friday the 27th rather than the 20th.
/// assert_eq!(regime.deadline(Period::month(2026, 2)?)?, NaiveDate::from_ymd_opt(2026, 2, 27).unwrap());
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn vietnamese_holidays(
    years: RangeInclusive<i32>,
    declarations: &[Declaration],
) -> BTreeSet<NaiveDate> {
    each_year(years, declarations, public_holidays)
}

/// The [declared working weekend days](working_weekend_days) of every year in `years`, each
/// under the last of `declarations` for that year.
///
/// ```
/// use chiso::period::{official_declarations, vietnamese_working_weekend_days};
/// let worked = vietnamese_working_weekend_days(2025..=2026, &official_declarations());
/// let days: Vec<String> = worked.iter().map(ToString::to_string).collect();
/// assert_eq!(days, ["2025-04-26", "2026-01-10", "2026-08-22"]);
/// ```
pub fn vietnamese_working_weekend_days(
    years: RangeInclusive<i32>,
    declarations: &[Declaration],
) -> BTreeSet<NaiveDate> {
    each_year(years, declarations, working_weekend_days)
}

/// The Government's declarations that ship with chiso, checked against the published texts:
///
/// * 2025: Tết 27–31 January (28 Chạp to mùng 3), Văn phòng Chính phủ 8726/VPCP-KGVX of
///   26 November 2024; 2 May moved off for Saturday 26 April (the same decision); 1 September
///   with National Day, Thông báo 6150/TB-BLĐTBXH (2024).
/// * 2026: 2 January moved off for Saturday 10 January, 12729/VPCP-KGVX of 25 December 2025;
///   Tết 16–20 February (29 Chạp to mùng 4), 1 September with National Day, and 31 August
///   moved off for Saturday 22 August, the Prime Minister's decision conveyed by Văn phòng
///   Chính phủ in October 2025.
///
/// Other years use the defaults until their declaration is added.
///
/// ```
/// use chiso::period::{official_declarations, public_holidays};
/// use chrono::NaiveDate;
/// let declared = official_declarations();
/// let y2025 = declared.iter().find(|d| d.year == 2025);
/// let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
/// // By default Tết 2025 would end on Saturday 1 February, made up on Monday the 3rd; the
/// // Prime Minister chose 27–31 January instead.
/// assert!(public_holidays(2025, None).contains(&day(2, 3)));
/// assert!(!public_holidays(2025, y2025).contains(&day(2, 3)));
/// assert!(public_holidays(2025, y2025).contains(&day(1, 27)));
/// ```
pub fn official_declarations() -> Vec<Declaration> {
    vec![
        Declaration {
            year: 2025,
            tet: Some(TET_2025.to_vec()),
            national_day_adjacent: Some(date(2025, 9, 1)),
            days_off: vec![date(2025, 5, 2)],
            working_days: vec![date(2025, 4, 26)],
        },
        Declaration {
            year: 2026,
            tet: Some(TET_2026.to_vec()),
            national_day_adjacent: Some(date(2026, 9, 1)),
            days_off: vec![date(2026, 1, 2), date(2026, 8, 31)],
            working_days: vec![date(2026, 1, 10), date(2026, 8, 22)],
        },
    ]
}

const TET_2025: [NaiveDate; 5] = [
    date(2025, 1, 27),
    date(2025, 1, 28),
    date(2025, 1, 29),
    date(2025, 1, 30),
    date(2025, 1, 31),
];
const TET_2026: [NaiveDate; 5] = [
    date(2026, 2, 16),
    date(2026, 2, 17),
    date(2026, 2, 18),
    date(2026, 2, 19),
    date(2026, 2, 20),
];

/// A date written in the source; used in constants, so a wrong one fails the build.
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

/// The Labour Code's eleven days for `year`, or `None` outside [`LUNAR_YEARS`].
fn statutory(year: i32, declaration: Option<&Declaration>) -> Option<BTreeSet<NaiveDate>> {
    if !LUNAR_YEARS.contains(&year) {
        return None;
    }
    let day = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let new_year = tet(year)?;
    let mut days = BTreeSet::new();
    if let Some(declared) = declaration.and_then(|d| d.tet.as_ref()) {
        days.extend(declared);
    } else {
        days.insert(new_year.pred_opt()?);
        days.extend(new_year.iter_days().take(TET_DAYS - 1));
    }
    days.insert(from_lunar(year, 3, 10, false)?);
    let national_day = day(9, 2)?;
    let adjacent = match declaration.and_then(|d| d.national_day_adjacent) {
        Some(declared) => declared,
        None => match national_day.weekday() {
            Weekday::Mon | Weekday::Thu => national_day.succ_opt()?,
            _ => national_day.pred_opt()?,
        },
    };
    days.extend([day(1, 1)?, day(4, 30)?, day(5, 1)?, national_day, adjacent]);
    Some(days)
}

fn each_year(
    years: RangeInclusive<i32>,
    declarations: &[Declaration],
    per_year: fn(i32, Option<&Declaration>) -> BTreeSet<NaiveDate>,
) -> BTreeSet<NaiveDate> {
    // Only years with a lunar calendar contribute, which also bounds the loop.
    let first = (*years.start()).max(*LUNAR_YEARS.start());
    let last = (*years.end()).min(*LUNAR_YEARS.end());
    (first..=last)
        .flat_map(|year| per_year(year, declarations.iter().rev().find(|d| d.year == year)))
        .collect()
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

fn invalid(name: &'static str, value: impl std::fmt::Display, expected: &str) -> Error {
    Error::InvalidArgument {
        name,
        value: value.to_string(),
        expected: expected.to_owned(),
    }
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    crate::json::from_str(text).map_err(|finding| Error::InvalidInput {
        what: crate::InputKind::ReportingCalendar,
        findings: vec![finding],
    })
}

/// A holiday, `YYYY-MM-DD`.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(inline)]
struct Day(
    #[serde(with = "crate::json::date")]
    #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    NaiveDate,
);

/// Lists of days as `YYYY-MM-DD` strings.
mod days {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Day;

    pub(super) fn serialize<S: Serializer>(days: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(|&day| Day(day)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Ok(Vec::<Day>::deserialize(d)?
            .into_iter()
            .map(|Day(day)| day)
            .collect())
    }
}

/// An optional list of days.
mod some_days {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Day;

    #[allow(clippy::ref_option)] // serde's `with` passes a reference to the field
    pub(super) fn serialize<S: Serializer>(
        days: &Option<Vec<NaiveDate>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match days {
            Some(days) => super::days::serialize(days, s),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<NaiveDate>>, D::Error> {
        let days = Option::<Vec<Day>>::deserialize(d)?;
        Ok(days.map(|days| days.into_iter().map(|Day(day)| day).collect()))
    }
}

/// An optional day.
mod some_day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Day;

    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference to the field
    pub(super) fn serialize<S: Serializer>(
        day: &Option<NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => crate::json::date::serialize(day, s),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Day>::deserialize(d)?.map(|Day(day)| day))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn days(texts: &[&str]) -> BTreeSet<NaiveDate> {
        texts.iter().map(|text| day(text)).collect()
    }

    fn official(year: i32) -> Declaration {
        official_declarations()
            .into_iter()
            .find(|d| d.year == year)
            .unwrap()
    }

    fn blank(year: i32) -> Declaration {
        Declaration {
            year,
            tet: None,
            national_day_adjacent: None,
            days_off: vec![],
            working_days: vec![],
        }
    }

    /// 2026 as announced: New Year on Thursday with Friday 2 January moved off (Saturday
    /// 10 January worked); Tết 16–20 February; the Hùng Kings on Sunday 26 April, made up on
    /// Monday 27; 30 April and 1 May on Thursday and Friday; National Day on Wednesday with
    /// Tuesday 1 September, and Monday 31 August moved off (Saturday 22 August worked).
    #[test]
    fn the_year_2026_as_declared() {
        let declaration = official(2026);
        assert_eq!(
            public_holidays(2026, Some(&declaration)),
            days(&[
                "2026-01-01",
                "2026-01-02",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-02-20",
                "2026-04-26",
                "2026-04-27",
                "2026-04-30",
                "2026-05-01",
                "2026-08-31",
                "2026-09-01",
                "2026-09-02",
            ])
        );
        assert_eq!(
            working_weekend_days(2026, Some(&declaration)),
            days(&["2026-01-10", "2026-08-22"])
        );
    }

    /// 2025 as announced: New Year on Wednesday; Tết 27–31 January; the Hùng Kings on Monday
    /// 7 April; 30 April to 4 May with Friday 2 May moved off (Saturday 26 April worked);
    /// National Day on Tuesday with Monday 1 September.
    #[test]
    fn the_year_2025_as_declared() {
        let declaration = official(2025);
        assert_eq!(
            public_holidays(2025, Some(&declaration)),
            days(&[
                "2025-01-01",
                "2025-01-27",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-04-07",
                "2025-04-30",
                "2025-05-01",
                "2025-05-02",
                "2025-09-01",
                "2025-09-02",
            ])
        );
        assert_eq!(
            working_weekend_days(2025, Some(&declaration)),
            days(&["2025-04-26"])
        );
    }

    /// Without a declaration, Tết 2025 is 29 Chạp (Tuesday 28 January) to mùng 4 (Saturday
    /// 1 February), the Saturday made up on Monday 3 February.
    #[test]
    fn the_year_2025_by_default() {
        assert_eq!(
            public_holidays(2025, None),
            days(&[
                "2025-01-01",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-02-01",
                "2025-02-03",
                "2025-04-07",
                "2025-04-30",
                "2025-05-01",
                "2025-09-01",
                "2025-09-02",
            ])
        );
        assert!(working_weekend_days(2025, None).is_empty());
    }

    /// The default day beside National Day gives the days off the Government chose in
    /// 2021–2026 (under the 2019 Code): 2–3 September 2021 (Thursday, Friday), 1–2 September
    /// 2022 (Thursday, Friday), 1 September 2023 and Monday 4 for Saturday 2, 2–3 September
    /// 2024 (Monday, Tuesday), 1–2 September 2025 and 2026.
    #[test]
    fn national_day_defaults_follow_practice() {
        let around = |year: i32| -> BTreeSet<NaiveDate> {
            public_holidays(year, None)
                .into_iter()
                .filter(|d| d.month() == 9 || (d.month() == 8 && d.day() == 31))
                .collect()
        };
        assert_eq!(around(2021), days(&["2021-09-02", "2021-09-03"]));
        assert_eq!(around(2022), days(&["2022-09-01", "2022-09-02"]));
        assert_eq!(
            around(2023),
            days(&["2023-09-01", "2023-09-02", "2023-09-04"])
        );
        assert_eq!(around(2024), days(&["2024-09-02", "2024-09-03"]));
        assert_eq!(around(2025), days(&["2025-09-01", "2025-09-02"]));
        assert_eq!(around(2026), days(&["2026-09-01", "2026-09-02"]));
    }

    /// 30 April and 1 May 2022 fell on Saturday and Sunday: made up on Monday 2 and Tuesday
    /// 3 May, as in 2022.
    #[test]
    fn two_weekend_holidays_take_the_next_two_weekdays() {
        let may: BTreeSet<_> = public_holidays(2022, None)
            .into_iter()
            .filter(|d| (d.month(), d.day()) >= (4, 30) && d.month() <= 5)
            .collect();
        assert_eq!(
            may,
            days(&["2022-04-30", "2022-05-01", "2022-05-02", "2022-05-03"])
        );
    }

    #[test]
    fn a_declaration_for_another_year_is_not_used() {
        let declaration = official(2026);
        assert_eq!(
            public_holidays(2025, Some(&declaration)),
            public_holidays(2025, None)
        );
        assert!(working_weekend_days(2025, Some(&declaration)).is_empty());
    }

    #[test]
    fn declared_working_days_win() {
        let mut declaration = blank(2026);
        declaration.working_days = vec![day("2026-04-26")];
        // A Sunday holiday declared worked: still made up on Monday, but itself not off.
        let off = public_holidays(2026, Some(&declaration));
        assert!(!off.contains(&day("2026-04-26")));
        assert!(off.contains(&day("2026-04-27")));
    }

    #[test]
    fn outside_the_lunar_years_there_is_nothing() {
        assert!(public_holidays(1898, None).is_empty());
        assert!(public_holidays(2201, None).is_empty());
        assert!(public_holidays(i32::MIN, None).is_empty());
        assert!(!public_holidays(1899, None).is_empty());
        assert!(!public_holidays(2200, None).is_empty());
        // A whole i32 of years ends at once: only 1899–2200 are visited.
        let all = vietnamese_holidays(i32::MIN..=i32::MAX, &[]);
        assert_eq!(all.first().map(Datelike::year), Some(1899));
        assert_eq!(all.last().map(Datelike::year), Some(2200));
        let (from, to) = (2030, 2020);
        assert!(vietnamese_holidays(from..=to, &[]).is_empty());
    }

    /// Every year gives eleven weekdays off, however many holidays fall on a weekend; only in
    /// 1947, when the Hùng Kings' day fell on 30 April, do two holidays share a day.
    #[test]
    fn every_year_gives_eleven_weekdays_off() {
        for year in LUNAR_YEARS {
            let off = public_holidays(year, None);
            let weekdays = off.iter().filter(|d| !is_weekend(**d)).count();
            assert_eq!(weekdays, if year == 1947 { 10 } else { 11 }, "{year}");
        }
        assert_eq!(from_lunar(1947, 3, 10, false), Some(day("1947-04-30")));
    }

    #[test]
    fn later_declarations_override_earlier_ones() {
        let mut mine = blank(2026);
        mine.days_off = vec![day("2026-12-31")];
        let mut declarations = official_declarations();
        declarations.push(mine);
        let off = vietnamese_holidays(2026..=2026, &declarations);
        assert!(off.contains(&day("2026-12-31")));
        assert!(!off.contains(&day("2026-01-02")));
        assert!(vietnamese_working_weekend_days(2026..=2026, &declarations).is_empty());
    }

    #[test]
    fn official_declarations_pass_their_checks_and_round_trip() {
        let declared = official_declarations();
        for declaration in &declared {
            declaration.check().unwrap();
        }
        let text = serde_json::to_string(&declared).unwrap();
        assert_eq!(Declaration::list_from_json(&text).unwrap(), declared);
        assert!(text.starts_with(r#"[{"year":2025,"tet":["2025-01-27","#));
    }

    #[test]
    fn checks_name_the_field() {
        let field = |declaration: &Declaration| match declaration.check() {
            Err(Error::InvalidArgument { name, .. }) => name,
            other => panic!("expected an invalid argument, got {other:?}"),
        };
        let mut d = blank(2026);
        d.year = 2300;
        assert_eq!(field(&d), "year");

        let mut d = blank(2026);
        d.tet = Some(TET_2026[..4].to_vec());
        assert_eq!(field(&d), "tet");
        d.tet = Some([&TET_2026[..4], &TET_2026[..1]].concat());
        assert_eq!(field(&d), "tet");
        d.tet = Some([&TET_2026[..4], &[day("2026-03-20")]].concat());
        assert_eq!(field(&d), "tet");
        d.tet = Some(TET_2025.to_vec());
        assert_eq!(field(&d), "tet");

        let mut d = blank(2026);
        d.national_day_adjacent = Some(day("2026-09-02"));
        assert_eq!(field(&d), "national_day_adjacent");
        d.national_day_adjacent = Some(day("2025-09-01"));
        assert_eq!(field(&d), "national_day_adjacent");

        let mut d = blank(2026);
        d.days_off = vec![day("2027-01-01")];
        assert_eq!(field(&d), "days_off");

        let mut d = blank(2026);
        d.working_days = vec![day("2026-08-24")]; // a Monday
        assert_eq!(field(&d), "working_days");
        d.working_days = vec![day("2027-01-02")];
        assert_eq!(field(&d), "working_days");
        d.working_days = vec![day("2026-08-22")];
        d.days_off = vec![day("2026-08-22")];
        assert_eq!(field(&d), "working_days");
    }

    #[test]
    fn json_problems_have_paths() {
        let err =
            Declaration::from_json(r#"{"year": 2026, "days_off": ["2026-8-31"]}"#).unwrap_err();
        assert_eq!(err.findings()[0].path, "/days_off/0");
        let err = Declaration::from_json(r#"{"tet": []}"#).unwrap_err();
        assert_eq!(err.findings()[0].code, "json.missing_field");
        let err =
            Declaration::list_from_json(r#"[{"year": 2026}, {"year": 2026, "x": 1}]"#).unwrap_err();
        assert_eq!(err.findings()[0].path, "/1/x");
        let err = Declaration::from_json(r#"{"year": 2026, "tet": ["2026-02-16"]}"#).unwrap_err();
        assert_eq!(err.code(), "argument.invalid");
        let read = Declaration::from_json(r#"{"year": 2026, "tet": null}"#).unwrap();
        assert_eq!(read, blank(2026));
    }
}
