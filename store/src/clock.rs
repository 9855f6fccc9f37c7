//! The store's clock: the one time an entry is judged by. Injectable, so that tests can make
//! time stand still, step back or run fast.

use chrono::{NaiveDateTime, Timelike as _};

/// Where a store reads the time it stamps on each entry (Vietnam time, to the second).
pub trait Clock: Send {
    /// Now.
    fn now(&self) -> NaiveDateTime;
}

/// Any function of no arguments is a clock: `|| "2026-07-02T08:30:00".parse().unwrap()`.
impl<F: Fn() -> NaiveDateTime + Send> Clock for F {
    fn now(&self) -> NaiveDateTime {
        self()
    }
}

/// The machine's clock, read as Vietnam time (UTC+7), as every time in the ledger is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        now_in_vietnam()
    }
}

/// Now, in Vietnam (UTC+7), to the second.
pub fn now_in_vietnam() -> NaiveDateTime {
    let utc = chrono::Utc::now().naive_utc();
    let vietnam = utc + chrono::TimeDelta::hours(7);
    vietnam.with_nanosecond(0).unwrap_or(vietnam)
}
