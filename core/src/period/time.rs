//! Moments: reports are stamped and judged in local (Vietnam) time, to the second.

use chrono::{NaiveDate, NaiveDateTime};

use crate::Error;

/// Reads a moment written `YYYY-MM-DDTHH:MM:SS` (or a day `YYYY-MM-DD`, meaning its start).
///
/// ```
/// use chiso::period::parse_time;
/// assert_eq!(parse_time("2026-10-15")?, parse_time("2026-10-15T00:00:00")?);
/// assert_eq!(parse_time("15/10/2026").unwrap_err().code(), "argument.invalid");
/// # Ok::<(), chiso::Error>(())
/// ```
pub fn parse_time(text: &str) -> Result<NaiveDateTime, Error> {
    text.parse::<NaiveDateTime>()
        .or_else(|_| {
            text.parse::<NaiveDate>()
                .map(|d| d.and_time(chrono::NaiveTime::MIN))
        })
        .map_err(|_| Error::InvalidArgument {
            name: "time",
            value: text.chars().take(64).collect(),
            expected: "YYYY-MM-DDTHH:MM:SS or YYYY-MM-DD".to_owned(),
        })
}
