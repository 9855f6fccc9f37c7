//! Numbers as officials type them: `12,5` and `1.234,5` (Vietnamese), `12.5` and `1,234.5`
//! (English), `1 234,5` (spaces between thousands). A reading that could go two ways is
//! refused with both readings named, never guessed.

use rust_decimal::Decimal;

use super::FieldFlaw;

/// The longest text read as a number, in characters: far more than 28 digits with their
/// separators, short enough that a pasted paragraph is refused at once.
pub const MAX_NUMBER_CHARS: usize = 64;

/// Reads a number typed into a form field (already trimmed, not empty).
///
/// - Digits, with an optional sign (`-`, `+` or `−`) in front.
/// - A space (also no-break and narrow no-break) only between groups of three digits.
/// - With both `.` and `,`, the last one written is the decimal mark and the other separates
///   thousands: `1.234,5` and `1,234.5` are both 1234.5.
/// - One mark used several times separates thousands: `1.234.567`.
/// - One mark used once is the decimal mark (`12,5`, `12.5`, `0,125`), except when it stands
///   after one to three digits (not a lone `0`) and before exactly three: `1.234` is 1234 to a
///   Vietnamese reader and 1.234 to an English one. With `whole` (the field takes whole
///   numbers only) it separates thousands; otherwise the reading is refused as ambiguous.
///
/// ```
/// use chiso::form::read_number;
/// let n = |s| read_number(s, false).map(|d| d.to_string());
/// assert_eq!(n("12,5").unwrap(), "12.5");
/// assert_eq!(n("1.234,5").unwrap(), "1234.5");
/// assert_eq!(n("1 234 567").unwrap(), "1234567");
/// assert_eq!(read_number("1.234", true).unwrap().to_string(), "1234");
/// assert_eq!(n("1.234").unwrap_err().code(), "field.ambiguous_number");
/// assert_eq!(n("12a").unwrap_err().code(), "field.not_a_number");
/// ```
pub fn read_number(text: &str, whole: bool) -> Result<Decimal, FieldFlaw> {
    if text.chars().count() > MAX_NUMBER_CHARS {
        return Err(FieldFlaw::TooLong {
            limit: MAX_NUMBER_CHARS,
        });
    }
    let (negative, body, body_start) = sign(text);
    let mut digits = String::with_capacity(body.len() + 1);
    let mut marks: Vec<(usize, char)> = Vec::new(); // (index in `digits`, mark)
    let mut spaces: Vec<usize> = Vec::new();
    for (at, c) in body.char_indices() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ',' => marks.push((digits.len(), c)),
            ' ' | '\u{a0}' | '\u{202f}' => spaces.push(digits.len()),
            _ => {
                let start = body_start + at;
                return Err(FieldFlaw::NotANumber {
                    found: c,
                    start,
                    end: start + c.len_utf8(),
                });
            }
        }
    }
    if digits.is_empty() {
        return Err(FieldFlaw::Malformed);
    }
    let decimal_at = decimal_mark(&digits, &marks, &spaces, whole, text)?;
    let groups: Vec<usize> = marks
        .iter()
        .map(|&(at, _)| at)
        .filter(|&at| Some(at) != decimal_at)
        .chain(spaces)
        .collect();
    let int_len = decimal_at.unwrap_or(digits.len());
    if !grouped_by_thousands(int_len, &groups) {
        return Err(FieldFlaw::Malformed);
    }
    let mut exact = String::with_capacity(digits.len() + 2);
    if negative {
        exact.push('-');
    }
    exact.push_str(if int_len == 0 {
        "0"
    } else {
        &digits[..int_len]
    });
    if let Some(at) = decimal_at {
        exact.push('.');
        exact.push_str(&digits[at..]);
    }
    Decimal::from_str_exact(&exact).map_err(|_| FieldFlaw::TooManyDigits)
}

/// The sign, the rest, and where the rest starts in `text` (bytes).
fn sign(text: &str) -> (bool, &str, usize) {
    for (prefix, negative) in [("-", true), ("\u{2212}", true), ("+", false)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (negative, rest, prefix.len());
        }
    }
    (false, text, 0)
}

/// Where the fraction starts in `digits`, if there is a decimal mark.
fn decimal_mark(
    digits: &str,
    marks: &[(usize, char)],
    spaces: &[usize],
    whole: bool,
    text: &str,
) -> Result<Option<usize>, FieldFlaw> {
    let Some(&(last_at, last)) = marks.last() else {
        return Ok(None);
    };
    let same_as_last = marks.iter().filter(|&&(_, c)| c == last).count();
    let mixed = marks.iter().any(|&(_, c)| c != last);
    if mixed {
        // The last mark is the decimal one: once, after every thousands mark.
        return if same_as_last == 1 && last_at < digits.len() {
            Ok(Some(last_at))
        } else {
            Err(FieldFlaw::Malformed)
        };
    }
    if same_as_last > 1 {
        return Ok(None); // one mark, several times: thousands
    }
    if last_at == digits.len() {
        return Err(FieldFlaw::Malformed); // `12,`
    }
    let fraction = digits.len() - last_at;
    let could_be_thousands = fraction == 3
        && (1..=3).contains(&last_at)
        && !digits.starts_with('0')
        && spaces.is_empty();
    if !could_be_thousands {
        return Ok(Some(last_at));
    }
    if whole {
        return Ok(None);
    }
    Err(FieldFlaw::Ambiguous {
        text: text.to_owned(),
        thousands: digits.to_owned(),
        decimal: format!("{}.{}", &digits[..last_at], &digits[last_at..]),
    })
}

/// Whether separators at `groups` (indices into the digits) split the first `int_len` digits
/// into a first group of one to three and groups of exactly three after it.
fn grouped_by_thousands(int_len: usize, groups: &[usize]) -> bool {
    let mut groups = groups.to_vec();
    groups.sort_unstable();
    let Some(&first) = groups.first() else {
        return true;
    };
    (1..=3).contains(&first)
        && groups.iter().all(|&at| at < int_len)
        && groups.windows(2).all(|w| w[1] - w[0] == 3)
        && groups.last().is_some_and(|&last| int_len - last == 3)
}

/// `value` as people read it, by the core's one writer ([`Style::grouped`](crate::Style::grouped)): thousands grouped (`.` in Vietnamese, `,` in English), the
/// decimal mark of the language, no trailing zeros.
///
/// ```
/// use chiso::{Lang, form::write_number};
/// let d = "-1234567.50".parse().unwrap();
/// assert_eq!(write_number(d, Lang::Vi), "-1.234.567,5");
/// assert_eq!(write_number(d, Lang::En), "-1,234,567.5");
/// ```
pub fn write_number(value: Decimal, lang: crate::Lang) -> String {
    crate::Style::of(lang).grouped(value)
}

/// `value` rounded half up to `places` (the one rounding of published numbers), then written
/// as [`write_number`] writes it: what a form shows of a projected number.
///
/// ```
/// use chiso::{Lang, form::write_rounded};
/// assert_eq!(write_rounded("2.345".parse().unwrap(), 2, Lang::Vi), "2,35");
/// assert_eq!(write_rounded("2.3".parse().unwrap(), 2, Lang::En), "2.3");
/// ```
pub fn write_rounded(value: Decimal, places: u32, lang: crate::Lang) -> String {
    write_number(
        crate::rounding::RoundingMode::HalfUp.round(value, places),
        lang,
    )
}

/// A score (a fraction 0–1) as the form shows it, out of 100 at two places: `0.98765` →
/// `98,77` in Vietnamese.
///
/// ```
/// use chiso::{Lang, form::write_out_of_100};
/// assert_eq!(write_out_of_100("0.98765".parse().unwrap(), Lang::Vi), "98,77");
/// assert_eq!(write_out_of_100("1".parse().unwrap(), Lang::En), "100");
/// ```
pub fn write_out_of_100(fraction: Decimal, lang: crate::Lang) -> String {
    let hundredths = fraction
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(fraction);
    write_rounded(hundredths, 2, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<String, &'static str> {
        read_number(text, false)
            .map(|d| d.to_string())
            .map_err(|f| f.code())
    }

    #[test]
    fn vietnamese_and_english_writing_agree() {
        for (text, value) in [
            ("12,5", "12.5"),
            ("12.5", "12.5"),
            ("1.234,5", "1234.5"),
            ("1,234.5", "1234.5"),
            ("1.234.567", "1234567"),
            ("1,234,567", "1234567"),
            ("1 234 567,25", "1234567.25"),
            ("1\u{a0}234", "1234"),
            ("0,125", "0.125"),
            ("0.125", "0.125"),
            ("1234,567", "1234.567"),
            (",5", "0.5"),
            ("-12,5", "-12.5"),
            ("\u{2212}3", "-3"),
            ("+7", "7"),
            ("007", "7"),
            ("12,50", "12.50"),
            ("1.2345", "1.2345"),
        ] {
            assert_eq!(read(text), Ok(value.to_owned()), "{text}");
        }
    }

    #[test]
    fn a_reading_that_could_go_two_ways_is_refused() {
        for text in ["1.234", "1,234", "12.345", "999,000", "-1.234"] {
            assert_eq!(read(text), Err("field.ambiguous_number"), "{text}");
        }
        // Whole numbers only: the mark can only separate thousands.
        assert_eq!(read_number("1.234", true).unwrap().to_string(), "1234");
        assert_eq!(read_number("12,5", true).unwrap().to_string(), "12.5");
    }

    #[test]
    fn misplaced_marks_and_foreign_characters_are_named() {
        for text in [
            "12,",
            "1.2.3",
            "1,23,456",
            "1.234,5,6",
            "12.345,6.7",
            "12 34",
            ".",
            "1 234.567,8,9",
        ] {
            assert_eq!(read(text), Err("field.malformed_number"), "{text}");
        }
        match read_number("12a5", false) {
            Err(FieldFlaw::NotANumber { found, start, end }) => {
                assert_eq!((found, start, end), ('a', 2, 3));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(read("1e5"), Err("field.not_a_number"));
        assert_eq!(read("--1"), Err("field.not_a_number"));
        assert_eq!(read(&"9".repeat(40)), Err("field.too_many_digits"));
        assert_eq!(read(&"1".repeat(65)), Err("field.too_long"));
    }

    #[test]
    fn written_numbers_read_back() {
        for text in ["0", "-0,5", "1234567,891", "1000", "12,5"] {
            let value = read_number(text, false).unwrap();
            for lang in [crate::Lang::Vi, crate::Lang::En] {
                let shown = write_number(value, lang);
                let back = read_number(&shown, false);
                // 1.000 and 1,000 are the ambiguous shape: read back as whole numbers.
                let back = back.or_else(|_| read_number(&shown, true)).unwrap();
                assert_eq!(back, value.normalize(), "{text} → {shown}");
            }
        }
    }
}
