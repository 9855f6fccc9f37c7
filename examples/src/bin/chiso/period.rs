//! `chiso period show`: a period's dates, months, neighbours and deadline.

use chiso::period::{self, Calendar, ReportingCalendar};
use chiso::{Lang, Text};
use clap::{Subcommand, ValueEnum};

use crate::Failure;
use crate::catalogue::{Format, View};
use crate::output::{print, table};

#[derive(Subcommand)]
pub enum Command {
    /// Show a period (`2026-05`, `2026Q2`, `2026-S1`, `2026`, ...) under a reporting calendar.
    /// Without options: the cut-off calendar of Nghị định 09/2019 (periods end on the 14th)
    /// with reports due 5 working days after.
    Show {
        /// The period.
        period: String,
        /// How a period's days are counted.
        #[arg(long, value_enum)]
        calendar: Option<CalendarArg>,
        /// The cut-off day (2–28) of the cut-off calendar: periods start on it and end the day before.
        #[arg(long, value_name = "DAY")]
        cutoff_day: Option<u32>,
        /// Working days after a period's last day until its report is due.
        #[arg(long, value_name = "N")]
        due_days: Option<u32>,
        /// A public holiday (`YYYY-MM-DD`); repeat for several.
        #[arg(long, value_name = "DATE")]
        holiday: Vec<chrono_date::Date>,
        #[command(flatten)]
        view: View,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalendarArg {
    /// Calendar months: the 1st to the last day.
    Calendar,
    /// Administrative cut-off: the 15th of the previous month to the 14th (by default).
    Cutoff,
}

/// `YYYY-MM-DD` on the command line.
mod chrono_date {
    #[derive(Clone, Copy)]
    pub struct Date(pub chrono::NaiveDate);

    impl std::str::FromStr for Date {
        type Err = String;

        fn from_str(s: &str) -> Result<Self, Self::Err> {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Date)
                .map_err(|_| format!("`{s}`: write YYYY-MM-DD"))
        }
    }
}

pub fn run(command: Command) -> Result<(), Failure> {
    let Command::Show {
        period,
        calendar,
        cutoff_day,
        due_days,
        holiday,
        view,
    } = command;
    let defaults = ReportingCalendar::default();
    let calendar = match (calendar, cutoff_day) {
        (Some(CalendarArg::Calendar), Some(_)) => {
            let message = "--cutoff-day chỉ dùng với lịch chốt số liệu / applies to the cut-off calendar only";
            return Err(Failure::Message(message.to_owned(), 2));
        }
        (Some(CalendarArg::Calendar), None) => Calendar::Calendar,
        (_, Some(day)) => Calendar::cutoff(day).map_err(|e| Failure::from_error(&e))?,
        (Some(CalendarArg::Cutoff) | None, None) => defaults.calendar,
    };
    let due = due_days.unwrap_or(defaults.due_working_days);
    let regime = ReportingCalendar::new(calendar, due, holiday.into_iter().map(|d| d.0))
        .map_err(|e| Failure::from_error(&e))?;
    let info = period::describe(&period, &regime).map_err(|e| Failure::from_error(&e))?;
    if view.format == Format::Json {
        return print(&(chiso::to_json(&info) + "\n"));
    }
    let lang = view.lang();
    let style = chiso::Style::of(lang);
    let t = |vi: &str, en: &str| Text::new(vi, en).get(lang).to_owned();
    let show =
        |p: Option<period::Period>| p.map_or_else(|| style.missing.to_owned(), |p| p.to_string());
    let months: Vec<String> = info.months.iter().map(ToString::to_string).collect();
    let parents: Vec<String> = [
        info.parents.quarterly,
        info.parents.half_yearly,
        info.parents.yearly,
    ]
    .into_iter()
    .flatten()
    .map(|p| p.to_string())
    .collect();
    let rows = vec![
        vec![
            t("Kỳ", "Period"),
            format!("{} ({})", info.period, info.label.get(lang)),
        ],
        vec![
            t("Chu kỳ", "Cycle"),
            info.period.cycle().label().get(lang).to_owned(),
        ],
        vec![t("Từ ngày", "From"), style.date(info.start)],
        vec![t("Đến ngày", "To"), style.date(info.end)],
        vec![
            t("Các tháng", "Months"),
            if months.is_empty() {
                style.missing.to_owned()
            } else {
                months.join(", ")
            },
        ],
        vec![
            t("Thuộc kỳ", "Within"),
            if parents.is_empty() {
                style.missing.to_owned()
            } else {
                parents.join(", ")
            },
        ],
        vec![t("Kỳ trước", "Previous"), show(info.previous)],
        vec![t("Kỳ sau", "Next"), show(info.next)],
        vec![
            t("Cùng kỳ năm trước", "Same period last year"),
            show(info.same_period_last_year),
        ],
        vec![
            t(
                &format!("Hạn báo cáo ({due} ngày làm việc)"),
                &format!("Report due ({due} working days)"),
            ),
            style.date(info.deadline),
        ],
    ];
    let header = if lang == Lang::Vi {
        ["Mục", "Giá trị"]
    } else {
        ["Item", "Value"]
    };
    print(&table(&header, rows))
}
