//! When a period's report is due, and whether it came in on time: reports fall due a set number
//! of working days after the period's last day, and the on-time rate is one of the measures a
//! reporting system is itself judged by.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use schemars::JsonSchema;
use serde::de::{Error as _, Unexpected};
use serde::{Deserialize, Deserializer, Serialize};

use super::{
    Calendar, Declaration, Period, official_declarations, public_holidays, working_weekend_days,
};
use crate::{Error, Text};

/// The most working days a report may be given after its period ends: a year and a day, far
/// beyond any real reporting regime, and a bound that keeps the day-by-day search short.
pub const MAX_DUE_WORKING_DAYS: u32 = 366;

/// A reporting regime's calendar: how periods are cut, how long units have to report, and the
/// days that are not working days.
///
/// Working days are Vietnam's for public offices by default ([`PublicHolidays::Vietnam`]):
/// Monday to Friday less the public holidays of the Labour Code, Tết and the Hùng Kings' day
/// computed from the lunar calendar, weekend holidays made up on the next working day, and each
/// year's declared changes ([`Declaration`]: those shipped, [`official_declarations`], and the
/// calendar's own, which win for their year), a Saturday declared worked counting as a working
/// day. `holidays` lists further days off.
///
/// In JSON:
/// `{"calendar": {"kind": "cutoff", "day": 15}, "due_working_days": 5, "holidays": ["2026-11-24"],
/// "declarations": [{"year": 2027, "days_off": ["2027-04-30"]}]}` (`holidays`, `declarations`
/// and `public_holidays`, `"vietnam"` or `"listed"`, may be left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportingCalendar {
    /// How the days of each period are counted.
    pub calendar: Calendar,
    /// How many working days after the period's last day the report is due, 0–366; 0 means
    /// on the last day itself.
    #[serde(deserialize_with = "due_working_days")]
    #[schemars(range(max = 366))]
    pub due_working_days: u32,
    /// Public holidays ("ngày nghỉ lễ, Tết"): days that are not working days even when they fall
    /// on a weekday. Saturdays and Sundays never are. Written as `YYYY-MM-DD`, in date order.
    #[serde(default, with = "holidays")]
    #[schemars(with = "BTreeSet<holidays::Day>")]
    pub holidays: BTreeSet<NaiveDate>,
    /// Which public holidays are kept besides those listed.
    #[serde(default, skip_serializing_if = "PublicHolidays::is_vietnam")]
    pub public_holidays: PublicHolidays,
    /// The Government's yearly decisions on holidays, over those shipped for the same year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declarations: Vec<Declaration>,
}

/// Which public holidays a [`ReportingCalendar`] keeps besides the days it lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublicHolidays {
    /// Vietnam's, computed for every year, with the declared changes.
    #[default]
    Vietnam,
    /// Only the days listed in `holidays` (Saturdays and Sundays always rest).
    Listed,
}

impl PublicHolidays {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_vietnam(&self) -> bool {
        *self == PublicHolidays::Vietnam
    }
}

/// Without a declaration of its own, every calendar keeps the same days for a year: worked out
/// once per process (a national quality check asks for thousands of deadlines, each a lunar
/// computation otherwise).
static SHIPPED: OnceLock<Mutex<HashMap<i32, Arc<Year>>>> = OnceLock::new();

/// The days off and the weekend days worked of one year.
struct Year {
    number: i32,
    off: BTreeSet<NaiveDate>,
    worked: BTreeSet<NaiveDate>,
}

impl Year {
    /// Vietnam's days of `year` under `declaration`.
    fn of(year: i32, declaration: Option<&Declaration>) -> Year {
        Year {
            number: year,
            off: public_holidays(year, declaration),
            worked: working_weekend_days(year, declaration),
        }
    }
}

/// The administrative practice of Nghị định 09/2019/NĐ-CP: the cut-off calendar with periods
/// ending on the 14th, and reports due five working days after, Vietnam's public holidays kept.
/// A starting point only: set the due days and any further days your unit keeps.
impl Default for ReportingCalendar {
    fn default() -> Self {
        ReportingCalendar {
            calendar: Calendar::ND09_2019,
            due_working_days: 5,
            holidays: BTreeSet::new(),
            public_holidays: PublicHolidays::Vietnam,
            declarations: Vec::new(),
        }
    }
}

impl ReportingCalendar {
    /// Reads a reporting calendar from JSON (the shape above), with the same checks as
    /// [`new`](Self::new); a problem is [`Error::InvalidInput`] with its path.
    ///
    /// ```
    /// use chiso::period::ReportingCalendar;
    /// let calendar = ReportingCalendar::from_json(r#"{"calendar": {"kind": "calendar"}, "due_working_days": 3}"#).unwrap();
    /// assert_eq!(calendar.due_working_days, 3);
    /// let err = ReportingCalendar::from_json(r#"{"calendar": {"kind": "cutoff", "day": 40}, "due_working_days": 3}"#).unwrap_err();
    /// assert_eq!(err.findings()[0].path, "/calendar/day");
    /// ```
    pub fn from_json(text: &str) -> Result<ReportingCalendar, Error> {
        let what = crate::InputKind::ReportingCalendar;
        crate::json::from_str(text).map_err(|finding| Error::InvalidInput {
            what,
            findings: vec![finding],
        })
    }

    /// A reporting calendar keeping Vietnam's public holidays and the days listed, checking
    /// that the cut-off day is within 2–28 and that `due_working_days` is at most
    /// [`MAX_DUE_WORKING_DAYS`].
    pub fn new(
        calendar: Calendar,
        due_working_days: u32,
        holidays: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<ReportingCalendar, Error> {
        let regime = ReportingCalendar {
            calendar,
            due_working_days,
            holidays: holidays.into_iter().collect(),
            public_holidays: PublicHolidays::Vietnam,
            declarations: Vec::new(),
        };
        regime.check()?;
        Ok(regime)
    }

    /// Fails when a field is out of range (which only a hand-built value can be: the
    /// constructor and the JSON reader refuse one).
    pub fn check(&self) -> Result<(), Error> {
        self.calendar.check()?;
        for declaration in &self.declarations {
            declaration.check()?;
        }
        if self.due_working_days > MAX_DUE_WORKING_DAYS {
            return Err(Error::InvalidArgument {
                name: "due_working_days",
                value: self.due_working_days.to_string(),
                expected: "0–366".to_owned(),
            });
        }
        Ok(())
    }

    /// Whether `date` is a working day: Monday to Friday and not a holiday, or a weekend day
    /// declared worked.
    ///
    /// ```
    /// use chiso::period::ReportingCalendar;
    /// use chrono::NaiveDate;
    /// let vietnam = ReportingCalendar::default();
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// assert!(!vietnam.is_working_day(day(2, 17))); // Tết, mùng 1
    /// assert!(!vietnam.is_working_day(day(4, 27))); // the Hùng Kings' Sunday, made up
    /// assert!(vietnam.is_working_day(day(1, 10))); // a Saturday worked for 2 January
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.working(date, &self.year(date.year()))
    }

    /// Whether `date` is a working day, `year` being its year's days.
    fn working(&self, date: NaiveDate, year: &Year) -> bool {
        if year.worked.contains(&date) {
            return true;
        }
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.holidays.contains(&date)
            && !year.off.contains(&date)
    }

    /// The public holidays and weekend days worked of `year`, by this calendar's rule.
    fn year(&self, year: i32) -> Arc<Year> {
        if self.public_holidays == PublicHolidays::Listed {
            return Arc::new(Year {
                number: year,
                off: BTreeSet::new(),
                worked: BTreeSet::new(),
            });
        }
        if let Some(own) = self.declarations.iter().rev().find(|d| d.year == year) {
            return Arc::new(Year::of(year, Some(own)));
        }
        let cache = SHIPPED.get_or_init(Mutex::default);
        let mut cache = cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Arc::clone(cache.entry(year).or_insert_with(|| {
            let shipped = official_declarations();
            Arc::new(Year::of(year, shipped.iter().find(|d| d.year == year)))
        }))
    }

    /// The day `period`'s report is due: the `due_working_days`-th working day after the
    /// period's last day (or that last day itself when `due_working_days` is 0, whatever day of
    /// the week it is).
    ///
    /// Fails only on a hand-built calendar with a field out of range (see
    /// [`ReportingCalendar::check`]).
    ///
    /// ```
    /// use chiso::period::{Calendar, Period, ReportingCalendar};
    /// use chrono::NaiveDate;
    /// let regime = ReportingCalendar::new(Calendar::Calendar, 5, [])?;
    /// // August 2026 ends on Monday the 31st; 1 and 2 September are National Day's holidays,
    /// // so the fifth working day after is Wednesday the 9th.
    /// let due = regime.deadline(Period::month(2026, 8)?)?;
    /// assert_eq!(due, NaiveDate::from_ymd_opt(2026, 9, 9).unwrap());
    /// // Under the cut-off calendar, February 2026 ends on Saturday the 14th; Tết closes offices
    /// // 16–20 February, so its report is due on Friday the 27th, not the 20th.
    /// let nd09 = ReportingCalendar::new(Calendar::ND09_2019, 5, [])?;
    /// let due = nd09.deadline(Period::month(2026, 2)?)?;
    /// assert_eq!(due, NaiveDate::from_ymd_opt(2026, 2, 27).unwrap());
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn deadline(&self, period: Period) -> Result<NaiveDate, Error> {
        self.check()?;
        let (_, mut day) = period.date_range(&self.calendar);
        let mut left = self.due_working_days;
        let mut year = self.year(day.year());
        // Each step either counts a working day or passes a weekend day or a holiday, so the
        // search ends after at most about 1.4 × (366 + the number of holidays) days.
        while left > 0 {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if day.year() != year.number {
                year = self.year(day.year());
            }
            if self.working(day, &year) {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// Whether `period`'s report, submitted at `submitted_at` (or not yet), is on time as of
    /// `now`. Times are local (Vietnam, UTC+7) and only their dates matter: a report submitted
    /// any time on the deadline day is on time, even if before the period ended.
    ///
    /// ```
    /// use chiso::period::{Calendar, Period, ReportingCalendar, Timeliness};
    /// use chrono::NaiveDate;
    /// let regime = ReportingCalendar::new(Calendar::ND09_2019, 5, [])?;
    /// let q2 = Period::quarter(2026, 2)?; // ends Sunday 14 June, due Friday 19 June
    /// let at = |d: u32| NaiveDate::from_ymd_opt(2026, 6, d).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// assert_eq!(regime.timeliness(q2, Some(at(19)), at(30))?, Timeliness::OnTime);
    /// assert_eq!(regime.timeliness(q2, Some(at(22)), at(30))?, Timeliness::Late);
    /// assert_eq!(regime.timeliness(q2, None, at(19))?, Timeliness::NotYetDue);
    /// assert_eq!(regime.timeliness(q2, None, at(20))?, Timeliness::Missing);
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn timeliness(
        &self,
        period: Period,
        submitted_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Result<Timeliness, Error> {
        Ok(Timeliness::by(self.deadline(period)?, submitted_at, now))
    }
}

impl Timeliness {
    /// [`ReportingCalendar::timeliness`] against a `deadline` already worked out (a unit's
    /// checks judge every item of a period against the one deadline).
    pub(crate) fn by(
        deadline: NaiveDate,
        submitted_at: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Self {
        match submitted_at {
            Some(at) if at.date() <= deadline => Timeliness::OnTime,
            Some(_) => Timeliness::Late,
            None if now.date() <= deadline => Timeliness::NotYetDue,
            None => Timeliness::Missing,
        }
    }
}

/// Whether a period's report came in on time (the government task-tracking words: done on time,
/// done late, overdue).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Timeliness {
    /// Submitted on or before the deadline day.
    OnTime,
    /// Submitted after the deadline day.
    Late,
    /// Not submitted, and the deadline day has passed.
    Missing,
    /// Not submitted, and the deadline day has not passed yet.
    NotYetDue,
}

impl Timeliness {
    /// The outcome's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Timeliness::OnTime => Text::new("Đúng hạn", "On time"),
            Timeliness::Late => Text::new("Trễ hạn", "Late"),
            Timeliness::Missing => Text::new("Quá hạn, chưa nộp", "Overdue, not submitted"),
            Timeliness::NotYetDue => Text::new("Chưa đến hạn", "Not yet due"),
        }
    }
}

/// Reads a number of working days, refusing one above [`MAX_DUE_WORKING_DAYS`].
fn due_working_days<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let days = u32::deserialize(deserializer)?;
    if days <= MAX_DUE_WORKING_DAYS {
        Ok(days)
    } else {
        Err(D::Error::invalid_value(
            Unexpected::Unsigned(u64::from(days)),
            &"a number of working days within 0–366",
        ))
    }
}

/// Holidays as a list of `YYYY-MM-DD` strings.
mod holidays {
    use std::collections::BTreeSet;

    use chrono::NaiveDate;
    use schemars::JsonSchema;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A holiday, `YYYY-MM-DD`.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(transparent)]
    #[schemars(inline)]
    pub(super) struct Day(
        #[serde(with = "crate::json::date")]
        #[schemars(with = "String", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
        NaiveDate,
    );

    pub(super) fn serialize<S: Serializer>(
        days: &BTreeSet<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(days.iter().map(|&day| Day(day)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeSet<NaiveDate>, D::Error> {
        let days = Vec::<Day>::deserialize(deserializer)?;
        Ok(days.into_iter().map(|Day(day)| day).collect())
    }
}
