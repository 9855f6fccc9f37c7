//! Exact decimals as text: read without rounding ([`read_exact`]), and written fast, with the same characters as `rust_decimal`'s `Display`
//! (every digit of the scale kept, `-0` for negative zero), which every JSON output of chiso
//! uses. `rust_decimal` peels off one digit per 96-bit division; peeling nine at a time takes a
//! quarter of the divisions, which matters where a table of results is written (in
//! WebAssembly the writing cost more than the arithmetic).

use rust_decimal::Decimal;

/// The largest number of decimal places an indicator, a score or a ranking may declare.
pub const MAX_PRECISION: u32 = 12;

/// Zero without a sign: `-0` and `0` are the same number and must print the same.
#[inline]
pub(crate) fn clean_zero(n: Decimal) -> Decimal {
    if n.is_zero() && n.is_sign_negative() {
        n.abs()
    } else {
        n
    }
}

/// A decimal written as a JSON string, so that no digit is lost to floating point.
#[derive(schemars::JsonSchema)]
#[schemars(transparent)]
#[allow(dead_code)] // only its schema is used
pub(crate) struct DecimalString(#[schemars(regex(pattern = r"^-?[0-9]+(\.[0-9]+)?$"))] String);

/// Reads a decimal written plainly (`12.50`) or in scientific notation (`1.5E-7`), exactly:
/// `None` for one that exact decimals cannot hold or would have to round (`rust_decimal`'s own
/// reader rounds a 29th place away without a word). Trailing zeros after the point carry
/// nothing, so they may run past 28 places.
///
/// ```
/// use chiso::decimal::read_exact;
/// assert_eq!(read_exact("12.50").unwrap().to_string(), "12.50");
/// assert_eq!(read_exact("1E-7").unwrap().to_string(), "0.0000001");
/// assert_eq!(read_exact("0.000000000000000000000000000100").unwrap().to_string(), "0.0000000000000000000000000001");
/// assert_eq!(read_exact("0.00000000000000000000000000001"), None); // 29 places
/// assert_eq!(read_exact("1E-29"), None);
/// assert_eq!(read_exact("79228162514264337593543950336"), None); // 2^96
/// assert_eq!(read_exact("-2.5e+3").unwrap().to_string(), "-2500");
/// assert_eq!(read_exact("12,5"), None);
/// assert_eq!(read_exact("0E-70").unwrap().to_string(), "0");
/// ```
pub fn read_exact(text: &str) -> Option<Decimal> {
    let positional;
    let text = if text.contains(['e', 'E']) {
        positional = from_scientific(text)?;
        positional.as_str()
    } else {
        text
    };
    Decimal::from_str_exact(text).ok().or_else(|| {
        // Past 28 places only zeros may go; the scale written is kept whenever it fits.
        let significant = text.trim_end_matches('0').trim_end_matches('.');
        (text.contains('.') && significant.len() < text.len())
            .then(|| Decimal::from_str_exact(significant).ok())
            .flatten()
    })
}

/// `1.5E-7` written positionally (`0.00000015`), by moving the point: no arithmetic, so nothing
/// is rounded on the way. `None` when it is not scientific notation, or its exponent is beyond
/// any exact decimal.
fn from_scientific(text: &str) -> Option<String> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    let exponent: i64 = exponent.parse().ok()?;
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all = format!("{int}{fraction}");
    if all.is_empty() || !all.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Zero is zero at any exponent (`0E-70`, as Python writes a tiny zero).
    if all.bytes().all(|b| b == b'0') {
        return Some("0".to_owned());
    }
    if exponent.abs() > 64 {
        return None;
    }
    let point = i64::try_from(int.len()).ok()? + exponent;
    let at = usize::try_from(point).unwrap_or(0);
    let body = if point <= 0 {
        format!("0.{}{all}", "0".repeat(usize::try_from(-point).ok()?))
    } else if at >= all.len() {
        format!("{all}{}", "0".repeat(at - all.len()))
    } else {
        format!("{}.{}", &all[..at], &all[at..])
    };
    Some(format!("{sign}{body}"))
}

/// Appends `value` to `out`, exactly as `value.to_string()` writes it.
///
/// ```
/// let mut text = String::new();
/// chiso::decimal::write("-1234.5000".parse().unwrap(), &mut text);
/// assert_eq!(text, "-1234.5000");
/// ```
pub fn write(value: Decimal, out: &mut String) {
    let unpacked = value.unpack();
    let mut limbs = [unpacked.hi, unpacked.mid, unpacked.lo];
    // The digits, least significant chunk first, nine digits per chunk.
    let mut chunks = [0u32; 4];
    let mut count = 0;
    // While the mantissa needs 96 bits, divide all three limbs; once it fits in 64, one
    // division per chunk (the common case: a quotient of 28 digits leaves 64 bits after one
    // pass).
    while limbs[0] != 0 {
        let mut remainder = 0u64;
        for limb in &mut limbs {
            let current = (remainder << 32) | u64::from(*limb);
            // Both fit: current < 10^9 · 2^32, so current / 10^9 < 2^32.
            *limb = u32::try_from(current / 1_000_000_000).unwrap_or(u32::MAX);
            remainder = current % 1_000_000_000;
        }
        chunks[count] = u32::try_from(remainder).unwrap_or(0);
        count += 1;
    }
    let mut rest = (u64::from(limbs[1]) << 32) | u64::from(limbs[2]);
    while rest != 0 {
        // rest % 10^9 < 10^9 < 2^32.
        chunks[count] = u32::try_from(rest % 1_000_000_000).unwrap_or(0);
        rest /= 1_000_000_000;
        count += 1;
    }
    let mut digits = [0u8; 36];
    let mut len = 0;
    for (i, &chunk) in chunks[..count].iter().rev().enumerate() {
        let mut nine = [b'0'; 9];
        let mut rest = chunk;
        for slot in nine.iter_mut().rev() {
            // rest % 10 < 10: the cast keeps it whole.
            *slot = b'0' + u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
        }
        // The most significant chunk has no leading zeros; the others are nine digits each.
        let skip = if i == 0 {
            nine.iter().take_while(|&&d| d == b'0').count()
        } else {
            0
        };
        digits[len..len + 9 - skip].copy_from_slice(&nine[skip..]);
        len += 9 - skip;
    }
    // Sign, whole part, point and fraction, assembled as bytes and appended at once.
    let scale = value.scale() as usize;
    let mut text = [b'0'; 68];
    let mut at = 0;
    if unpacked.negative {
        text[at] = b'-';
        at += 1;
    }
    if len <= scale {
        at += 1; // the whole part is 0
        if scale > 0 {
            text[at] = b'.';
            at += 1 + scale - len; // the fraction's leading zeros
        }
    } else {
        text[at..at + len - scale].copy_from_slice(&digits[..len - scale]);
        at += len - scale;
        if scale > 0 {
            text[at] = b'.';
            at += 1;
        }
    }
    let fraction = &digits[len.saturating_sub(scale)..len];
    text[at..at + fraction.len()].copy_from_slice(fraction);
    at += fraction.len();
    // Only ASCII digits, '-' and '.' were written.
    out.push_str(std::str::from_utf8(&text[..at]).unwrap_or_default());
}

/// `value` as text, exactly as `value.to_string()`.
pub fn text(value: Decimal) -> String {
    let mut out = String::with_capacity(32);
    write(value, &mut out);
    out
}

/// What a decimal's reader says it expects, as `rust_decimal`'s own reader says it (the input
/// module reads this wording into `json.invalid_decimal`).
const EXPECTING: &str = "a Decimal type representing a fixed-point number";

/// The start of the error a decimal that would be rounded is refused with (the input module
/// reads it into `json.inexact_decimal`).
pub(crate) const INEXACT: &str = "inexact decimal: ";

/// `text` as `rust_decimal` reads it (plainly or in scientific notation), refused where that
/// would round it: the one rule every decimal read from JSON goes through.
fn read_for_serde(text: &str) -> Result<Option<Decimal>, rust_decimal::Error> {
    let read = text
        .parse::<Decimal>()
        .or_else(|_| Decimal::from_scientific(text))?;
    Ok(read_exact(text).map(|_| read))
}

/// `#[serde(with = "crate::decimal::Exact")]` on a decimal field: written by [`write`] and
/// read by [`read_for_serde`], so the field's type, not a scan of the document, keeps a 29th
/// place from being rounded away; and described as a [`DecimalString`], since schemars reads
/// the same attribute. One attribute says both.
pub(crate) struct Exact;

impl Exact {
    pub(crate) fn serialize<S: serde::Serializer>(
        value: &Decimal,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&text(*value))
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        d.deserialize_str(ExactVisitor)
    }
}

impl schemars::JsonSchema for Exact {
    fn inline_schema() -> bool {
        DecimalString::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        DecimalString::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        DecimalString::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        DecimalString::json_schema(generator)
    }
}

/// [`Exact`] for an optional decimal field (`#[serde(default, with =
/// "crate::decimal::ExactOption")]`): `null`, or an empty string as `rust_decimal` reads one,
/// is none.
pub(crate) struct ExactOption;

impl ExactOption {
    #[allow(clippy::ref_option)] // serde's `with` lends the field as it is
    pub(crate) fn serialize<S: serde::Serializer>(
        value: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => s.serialize_str(&text(*value)),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_option(ExactOptionVisitor)
    }
}

impl schemars::JsonSchema for ExactOption {
    fn inline_schema() -> bool {
        <Option<DecimalString>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Option<DecimalString>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Option<DecimalString>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<DecimalString>>::json_schema(generator)
    }

    // schemars' own hooks for `Option<T>` (hidden, but what its derive asks of a field type):
    // delegated so that an optional decimal is described exactly as `Option<DecimalString>`.
    fn _schemars_private_non_optional_json_schema(
        generator: &mut schemars::SchemaGenerator,
    ) -> schemars::Schema {
        <Option<DecimalString>>::_schemars_private_non_optional_json_schema(generator)
    }

    fn _schemars_private_is_option() -> bool {
        true
    }
}

struct ExactVisitor;

impl serde::de::Visitor<'_> for ExactVisitor {
    type Value = Decimal;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(EXPECTING)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Decimal, E> {
        match read_for_serde(text) {
            Ok(Some(value)) => Ok(value),
            Ok(None) => Err(E::custom(format_args!("{INEXACT}{text}"))),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Str(text), &self)),
        }
    }
}

struct ExactOptionVisitor;

impl<'de> serde::de::Visitor<'de> for ExactOptionVisitor {
    type Value = Option<Decimal>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(EXPECTING)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<Decimal>, E> {
        Ok(None)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<Decimal>, D::Error> {
        d.deserialize_str(self)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Option<Decimal>, E> {
        if text.is_empty() {
            return Ok(None);
        }
        match read_for_serde(text) {
            Ok(Some(value)) => Ok(Some(value)),
            Ok(None) => Err(E::custom(format_args!("{INEXACT}{text}"))),
            Err(e) => Err(E::custom(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// The type holds decimals exact on every path, even one that never passes the input
    /// module (here `serde_json` directly): a 29th place is refused, not rounded away.
    #[test]
    fn a_decimal_field_refuses_what_it_would_round_however_it_is_read() {
        #[derive(serde::Deserialize, Debug)]
        struct Field {
            #[serde(with = "super::Exact")]
            #[allow(dead_code)] // read only to be refused
            x: Decimal,
            #[serde(default, with = "super::ExactOption")]
            y: Option<Decimal>,
        }
        let err = serde_json::from_str::<Field>(r#"{"x": "0.00000000000000000000000000001"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(super::INEXACT), "{err}");
        let err =
            serde_json::from_str::<Field>(r#"{"x": "1", "y": "-0.00000000000000000000000000005"}"#)
                .unwrap_err()
                .to_string();
        assert!(err.starts_with(super::INEXACT), "{err}");
        let read: Field = serde_json::from_str(r#"{"x": "1.5E-7", "y": ""}"#).unwrap();
        assert_eq!((read.x.to_string().as_str(), read.y), ("0.00000015", None));
    }

    #[test]
    fn edges_match_display() {
        for text in [
            "0",
            "-0",
            "0.00",
            "-0.000",
            "1",
            "-1",
            "0.5",
            "0.0001",
            "1000000000",
            "999999999",
            "1000000000.000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7.9228162514264337593543950335",
            "12.50",
        ] {
            let d: Decimal = text.parse().unwrap();
            assert_eq!(super::text(d), d.to_string(), "{text}");
        }
        // Negative zero, as arithmetic makes it.
        let z = Decimal::ZERO * Decimal::NEGATIVE_ONE;
        assert_eq!(super::text(z), z.to_string());
    }

    proptest! {
        #[test]
        fn every_decimal_is_written_as_rust_decimal_writes_it(d in any::<Decimal>()) {
            prop_assert_eq!(super::text(d), d.to_string());
        }

        #[test]
        fn from_parts(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), negative in any::<bool>(), scale in 0u32..=28) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(super::text(d), d.to_string());
        }
    }
}
