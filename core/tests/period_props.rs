//! Properties of reporting periods that must hold for every period in 1000–9999 and every
//! calendar: spelling round trips, nesting, neighbours and the tiling of days.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use chiso::period::{Calendar, Cycle, Period, ReportingCalendar};
use proptest::prelude::*;

fn any_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1000..=9999i16, 1..=12u8).prop_map(|(year, month)| Period::Month { year, month }),
        (1000..=9999i16, 1..=4u8).prop_map(|(year, quarter)| Period::Quarter { year, quarter }),
        (1000..=9999i16, 1..=2u8).prop_map(|(year, half)| Period::HalfYear { year, half }),
        (1000..=9999i16).prop_map(|year| Period::Year { year }),
    ]
}

fn any_month() -> impl Strategy<Value = Period> {
    (1000..=9999i16, 1..=12u8).prop_map(|(year, month)| Period::Month { year, month })
}

fn any_cycle() -> impl Strategy<Value = Cycle> {
    prop::sample::select(Cycle::ALL.to_vec())
}

fn any_calendar() -> impl Strategy<Value = Calendar> {
    prop_oneof![
        Just(Calendar::Calendar),
        (2..=28u32).prop_map(|day| Calendar::Cutoff { day }),
    ]
}

proptest! {
    #[test]
    fn printing_then_reading_gives_the_period_back(period in any_period()) {
        let text = period.to_string();
        prop_assert_eq!(text.parse::<Period>().unwrap(), period);
        prop_assert_eq!(text.to_lowercase().parse::<Period>().unwrap(), period);
        let json = chiso::to_json(&period);
        prop_assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), period);
    }

    #[test]
    fn constructors_accept_exactly_what_parsing_accepts(year in 900..=10_100i32, number in 0..=14u32) {
        let text = format!("{year:04}-{number:02}");
        prop_assert_eq!(Period::month(year, number).ok(), text.parse().ok());
        let text = format!("{year:04}Q{number}");
        prop_assert_eq!(Period::quarter(year, number).ok(), text.parse().ok());
    }

    #[test]
    fn every_month_lies_in_exactly_one_quarter_and_one_half(month in any_month()) {
        let year = month.year();
        for cycle in [Cycle::Quarterly, Cycle::HalfYearly] {
            // The candidates: every period of the cycle in the month's year and its neighbours.
            let from = Period::whole_year((year - 1).max(1000)).unwrap();
            let to = Period::whole_year((year + 1).min(9999)).unwrap();
            let holders: Vec<Period> = Period::range(cycle, from, to)
                .into_iter()
                .filter(|p| p.contains(&month))
                .collect();
            prop_assert_eq!(holders.len(), 1);
            prop_assert_eq!(Some(holders[0]), month.parent(cycle));
            prop_assert!(holders[0].months().contains(&month));
        }
    }

    #[test]
    fn children_cover_exactly_the_months_in_order(period in any_period(), cycle in any_cycle()) {
        let children = period.children(cycle);
        if cycle > period.cycle() {
            prop_assert!(children.is_empty());
        } else {
            let months: Vec<Period> = children.iter().flat_map(Period::months).collect();
            prop_assert_eq!(&months, &period.months());
            prop_assert!(children.windows(2).all(|w| w[0] < w[1] && w[0].next() == Some(w[1])));
            for child in &children {
                prop_assert!(period.contains(child));
                prop_assert_eq!(child.parent(period.cycle()), Some(period));
            }
        }
        let expected_len = usize::try_from(period.cycle().months()).unwrap();
        prop_assert_eq!(period.months().len(), expected_len);
    }

    #[test]
    fn previous_and_next_undo_each_other(period in any_period()) {
        if let Some(next) = period.next() {
            prop_assert_eq!(next.previous(), Some(period));
            prop_assert!(period < next);
            prop_assert_eq!(next.cycle(), period.cycle());
        } else {
            prop_assert_eq!(period.year(), 9999);
        }
        if let Some(previous) = period.previous() {
            prop_assert_eq!(previous.next(), Some(period));
        } else {
            prop_assert_eq!(period.year(), 1000);
        }
    }

    #[test]
    fn same_period_last_year_is_twelve_months_back(period in any_period()) {
        if let Some(last) = period.same_period_last_year() {
            prop_assert_eq!(last.year(), period.year() - 1);
            prop_assert_eq!(last.number(), period.number());
            prop_assert_eq!(last.cycle(), period.cycle());
        } else {
            prop_assert_eq!(period.year(), 1000);
        }
    }

    #[test]
    fn consecutive_months_tile_the_days(month in any_month(), calendar in any_calendar()) {
        let (start, end) = month.date_range(&calendar);
        prop_assert!(start <= end);
        let days = (end - start).num_days() + 1;
        prop_assert!((28..=31).contains(&days), "{} days", days);
        if let Some(next) = month.next() {
            let (next_start, _) = next.date_range(&calendar);
            prop_assert_eq!(end.succ_opt(), Some(next_start));
        }
    }

    #[test]
    fn a_period_spans_the_days_of_its_months(period in any_period(), calendar in any_calendar()) {
        let months = period.months();
        let (start, end) = period.date_range(&calendar);
        prop_assert_eq!(start, months[0].date_range(&calendar).0);
        prop_assert_eq!(end, months[months.len() - 1].date_range(&calendar).1);
        for day in [start, end] {
            prop_assert_eq!(Period::containing(day, period.cycle(), &calendar), Some(period));
        }
    }

    #[test]
    fn a_deadline_is_that_many_working_days_after_the_end(
        period in any_period(),
        calendar in any_calendar(),
        due in 0..=40u32,
        holidays in prop::collection::btree_set(0..60i64, 0..20),
    ) {
        let (_, end) = period.date_range(&calendar);
        let holidays = holidays.into_iter().map(|n| end + chrono::Duration::days(n));
        let regime = ReportingCalendar::new(calendar, due, holidays).unwrap();
        let deadline = regime.deadline(period).unwrap();
        let mut working = 0;
        let mut day = end;
        while day < deadline {
            day = day.succ_opt().unwrap();
            working += u32::from(regime.is_working_day(day));
        }
        prop_assert_eq!(working, due);
        prop_assert!(due == 0 || regime.is_working_day(deadline));
    }
}
