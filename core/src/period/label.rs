//! A period's name as people write it in reports, in Vietnamese and English.

use super::Period;
use crate::Text;

/// English month names, January first.
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Roman numerals, as Vietnamese documents number quarters ("Quý II").
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    /// The period's name: "Tháng 5 năm 2026" / "May 2026", "Quý II năm 2026" / "Q2 2026",
    /// "6 tháng đầu năm 2026" / "First half of 2026", "Năm 2026" / "Year 2026".
    ///
    /// ```
    /// use chiso::{Lang, period::Period};
    /// let q2 = Period::quarter(2026, 2)?;
    /// assert_eq!(q2.label().get(Lang::Vi), "Quý II năm 2026");
    /// assert_eq!(q2.label().get(Lang::En), "Q2 2026");
    /// # Ok::<(), chiso::Error>(())
    /// ```
    pub fn label(&self) -> Text {
        match *self {
            Period::Month { year, month } => Text::new(
                format!("Tháng {month} năm {year}"),
                format!("{} {year}", pick(&MONTHS_EN, month)),
            ),
            Period::Quarter { year, quarter } => Text::new(
                format!("Quý {} năm {year}", pick(&ROMAN, quarter)),
                format!("Q{quarter} {year}"),
            ),
            Period::HalfYear { year, half: 1 } => Text::new(
                format!("6 tháng đầu năm {year}"),
                format!("First half of {year}"),
            ),
            Period::HalfYear { year, .. } => Text::new(
                format!("6 tháng cuối năm {year}"),
                format!("Second half of {year}"),
            ),
            Period::Year { year } => Text::new(format!("Năm {year}"), format!("Year {year}")),
        }
    }
}

/// The `number`-th word (from 1), clamped into the list so a hand-built period cannot panic.
fn pick(words: &[&'static str], number: u8) -> &'static str {
    let index = usize::from(number.saturating_sub(1));
    words
        .get(index)
        .or(words.last())
        .copied()
        .unwrap_or_default()
}
