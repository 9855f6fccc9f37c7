//! How numbers, dates and missing values are written for people ("cách trình bày"): one object every
//! renderer uses (messages, reports, exports, charts, the CLI), so that a Vietnamese reader
//! sees `96,7` wherever chiso writes a number, and an empty cell looks the same everywhere.
//!
//! Machine formats (JSON, CSV, SDMX-CSV) keep the decimal point: they are read by programs.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use crate::Lang;
use crate::rounding::RoundingMode;

/// The way one language writes numbers for people.
///
/// ```
/// use chiso::{Lang, Style};
/// let vi = Style::of(Lang::Vi);
/// assert_eq!(vi.number("96.70".parse().unwrap()), "96,7");
/// assert_eq!(vi.fixed("0.96".parse().unwrap(), 4), "0,9600");
/// assert_eq!(vi.optional(None), "—");
/// assert_eq!(Style::of(Lang::En).number("96.70".parse().unwrap()), "96.7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Style {
    /// The language.
    pub lang: Lang,
    /// The decimal separator: a comma in Vietnamese (TCVN practice), a point in English.
    pub decimal: char,
    /// The thousands separator of [`grouped`](Self::grouped) numbers: a point in Vietnamese, a
    /// comma in English.
    pub group: char,
    /// What an empty cell shows.
    pub missing: &'static str,
}

impl Style {
    /// The style of `lang`.
    pub const fn of(lang: Lang) -> Style {
        match lang {
            Lang::Vi => Style {
                lang,
                decimal: ',',
                group: '.',
                missing: "—",
            },
            Lang::En => Style {
                lang,
                decimal: '.',
                group: ',',
                missing: "—",
            },
        }
    }

    /// `d` without trailing zeros.
    pub fn number(&self, d: Decimal) -> String {
        self.written(&d.normalize().to_string())
    }

    /// `d` without trailing zeros, its whole part grouped by thousands: an amount as a person
    /// types and reads it in a form (`1.234.567,5`). Tables keep [`number`](Self::number), whose
    /// columns of scores and shares need no grouping.
    ///
    /// ```
    /// use chiso::{Lang, Style};
    /// let d = "-1234567.50".parse().unwrap();
    /// assert_eq!(Style::of(Lang::Vi).grouped(d), "-1.234.567,5");
    /// assert_eq!(Style::of(Lang::En).grouped(d), "-1,234,567.5");
    /// assert_eq!(Style::of(Lang::Vi).grouped("999.25".parse().unwrap()), "999,25");
    /// ```
    pub fn grouped(&self, d: Decimal) -> String {
        let plain = d.normalize().to_string();
        let (sign, unsigned) = plain
            .strip_prefix('-')
            .map_or(("", plain.as_str()), |rest| ("-", rest));
        let (int, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let mut out = String::with_capacity(plain.len() + int.len() / 3 + 1);
        out.push_str(sign);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(c);
        }
        if !fraction.is_empty() {
            out.push(self.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// `d` with exactly `places` decimals, rounded half up (a published score: `0,9600`).
    pub fn fixed(&self, d: Decimal, places: u32) -> String {
        let mut d = RoundingMode::HalfUp.round(d, places);
        d.rescale(places);
        self.written(&d.to_string())
    }

    /// `d` with the places it was written with (`0,9600`): a value as recorded.
    ///
    /// ```
    /// use chiso::{Lang, Style};
    /// assert_eq!(Style::of(Lang::Vi).exact("0.9600".parse().unwrap()), "0,9600");
    /// ```
    pub fn exact(&self, d: Decimal) -> String {
        self.written(&d.to_string())
    }

    /// A decimal a caller gives as text, its places kept: read exactly where it is an exact
    /// decimal, else shown as written in the language's decimal mark (a caller's number may
    /// hold more places than exact decimals do: a table still shows it).
    ///
    /// ```
    /// use chiso::{Lang, Style};
    /// assert_eq!(Style::of(Lang::Vi).decimal_text("0.9600"), "0,9600");
    /// let fine = format!("0.{}", "3".repeat(30));
    /// assert_eq!(Style::of(Lang::Vi).decimal_text(&fine), fine.replace('.', ","));
    /// ```
    pub fn decimal_text(&self, text: &str) -> String {
        crate::decimal::read_exact(text).map_or_else(|| self.written(text), |d| self.exact(d))
    }

    /// A yes/no as the language says it: `có` / `không`, `yes` / `no`.
    pub const fn yes_no(&self, b: bool) -> &'static str {
        match (self.lang, b) {
            (Lang::Vi, true) => "có",
            (Lang::Vi, false) => "không",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }

    /// `d`, or the missing mark.
    pub fn optional(&self, d: Option<Decimal>) -> String {
        d.map_or_else(|| self.missing.to_owned(), |d| self.number(d))
    }

    /// A date as the language writes it: `21/09/2026` in Vietnamese, `21 Sep 2026` in English.
    ///
    /// ```
    /// use chiso::{Lang, Style};
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 21).unwrap();
    /// assert_eq!(Style::of(Lang::Vi).date(day), "21/09/2026");
    /// assert_eq!(Style::of(Lang::En).date(day), "21 Sep 2026");
    /// ```
    pub fn date(&self, day: NaiveDate) -> String {
        match self.lang {
            Lang::Vi => day.format("%d/%m/%Y").to_string(),
            Lang::En => day.format("%-d %b %Y").to_string(),
        }
    }

    /// A moment as the language writes it: its [date](Self::date), then hours and minutes.
    pub fn moment(&self, at: NaiveDateTime) -> String {
        format!("{} {}", self.date(at.date()), at.format("%H:%M"))
    }

    /// A date (`YYYY-MM-DD`) or a moment (`YYYY-MM-DDTHH:MM:SS`) given as text, in this
    /// style; `None` for text that is neither.
    ///
    /// ```
    /// use chiso::{Lang, Style};
    /// assert_eq!(Style::of(Lang::Vi).iso_date("2026-10-15T08:05:00").unwrap(), "15/10/2026 08:05");
    /// assert_eq!(Style::of(Lang::En).iso_date("2026-09-21").unwrap(), "21 Sep 2026");
    /// assert_eq!(Style::of(Lang::Vi).iso_date("21/09/2026"), None);
    /// ```
    pub fn iso_date(&self, iso: &str) -> Option<String> {
        if let Ok(at) = iso.parse::<NaiveDateTime>() {
            return Some(self.moment(at));
        }
        iso.parse::<NaiveDate>().ok().map(|day| self.date(day))
    }

    /// A number already written with a decimal point (`96.7`, a formula's literal, a value as
    /// typed), in this style.
    pub fn written(&self, number: &str) -> String {
        if self.decimal == '.' {
            number.to_owned()
        } else {
            number.replace('.', &self.decimal.to_string())
        }
    }
}
