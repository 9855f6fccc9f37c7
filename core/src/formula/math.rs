//! `ln`, `exp`, `log10`, `power` and `sqrt`: the functions composite indices need for
//! log-transformed indicators (the UNDP HDI's income index, the log treatment of skewed
//! indicators in `COINr`), exact to the decimal type.
//!
//! Each is computed in decimal floating point at [`WORKING_DIGITS`] significant digits and
//! then rounded once, half away from zero, to 28 places less one for each digit before the
//! point: 28 significant digits, which a decimal always holds (`ln(2)` has 28 places,
//! `sqrt(2)` 27, `exp(20)`, of 9 integer digits, 19). With 60 working digits against 28 kept, the result is the true value
//! correctly rounded; an exact result (`sqrt(2.25)`, `power(0.5, 29)`, `log10(1000)`) is
//! exact, ties rounding away from zero. Trailing zeros are dropped (`log10(1000)` is `3`).
//!
//! Outside a function's domain the value is missing with reason `out_of_domain`, as a
//! division by zero is: `ln(0)`, `log10(-1)`, `sqrt(-4)`, `power(-8, 0.5)`, `power(0, 0)`,
//! `power(0, -1)`. A result of 10²⁸ or more is an overflow.

use dashu_float::round::mode::HalfAway;
use dashu_float::{Context, FBig, Repr};
use dashu_int::IBig;
use rust_decimal::Decimal;

use crate::{Missing, Value, ValueError};

/// Significant digits the functions are computed to before the one rounding.
pub const WORKING_DIGITS: usize = 60;

/// The most places a decimal keeps.
const MAX_PLACES: isize = 28;

/// Beyond this, `exp` is over 10²⁸ (e⁶⁵ ≈ 1.7 × 10²⁸); below its negative, under half of the
/// last place kept (e⁻⁶⁵ ≈ 5.9 × 10⁻²⁹).
const EXP_LIMIT: i64 = 65;

type Float = FBig<HalfAway, 10>;

const OUT_OF_DOMAIN: Value = Value::Missing(Missing::OutOfDomain);
const OVERFLOW: Value = Value::Error(ValueError::Overflow);

fn context() -> Context<HalfAway> {
    Context::new(WORKING_DIGITS)
}

fn float(x: Decimal) -> Repr<10> {
    // A decimal's scale is at most 28.
    Repr::new(
        IBig::from(x.mantissa()),
        -isize::try_from(x.scale()).unwrap_or(28),
    )
}

/// `ln(x)`, for `x > 0`.
pub(crate) fn ln(x: Decimal) -> Value {
    if x <= Decimal::ZERO {
        return OUT_OF_DOMAIN;
    }
    decimal(&context().ln(&float(x)).value())
}

/// `log10(x)`, for `x > 0`: `ln(x) / ln(10)` at the working precision.
pub(crate) fn log10(x: Decimal) -> Value {
    if x <= Decimal::ZERO {
        return OUT_OF_DOMAIN;
    }
    let cx = context();
    let ten = cx.ln(&float(Decimal::TEN)).value();
    let ln = cx.ln(&float(x)).value();
    decimal(&cx.div(ln.repr(), ten.repr()).value())
}

/// `e` to the power `x`.
pub(crate) fn exp(x: Decimal) -> Value {
    if x > Decimal::from(EXP_LIMIT) {
        return OVERFLOW;
    }
    if x < Decimal::from(-EXP_LIMIT) {
        return Value::Number(Decimal::ZERO);
    }
    decimal(&context().exp(&float(x)).value())
}

/// The square root of `x ≥ 0`.
pub(crate) fn sqrt(x: Decimal) -> Value {
    if x < Decimal::ZERO {
        return OUT_OF_DOMAIN;
    }
    if x.is_zero() {
        return Value::Number(Decimal::ZERO);
    }
    decimal(&context().sqrt(&float(x)).value())
}

/// `x` to the power `y`. A whole `y` is exact up to the one rounding (a negative `x` allowed);
/// otherwise `x` must be positive and the power is `exp(y · ln x)` at the working precision.
pub(crate) fn power(x: Decimal, y: Decimal) -> Value {
    let whole = y.fract().is_zero();
    if x.is_zero() {
        return if y > Decimal::ZERO {
            Value::Number(Decimal::ZERO)
        } else {
            OUT_OF_DOMAIN
        };
    }
    if x < Decimal::ZERO && !whole {
        return OUT_OF_DOMAIN;
    }
    let cx = context();
    // The size of the result first, from y · ln|x|, so that a huge power is refused before it
    // is computed.
    let size = cx
        .mul(cx.ln(&float(x.abs())).value().repr(), &float(y))
        .value();
    let limit = Float::from(EXP_LIMIT);
    if size > limit {
        return OVERFLOW;
    }
    if size < -limit {
        return Value::Number(Decimal::ZERO);
    }
    let result = if whole {
        let exponent = IBig::from(y.trunc().mantissa() / 10i128.pow(y.scale()));
        cx.powi(&float(x), exponent).value()
    } else {
        cx.powf(&float(x), &float(y)).value()
    };
    decimal(&result)
}

/// `value` rounded half away from zero to the places a decimal keeps for it.
fn decimal(value: &Float) -> Value {
    let repr = value.repr();
    let (significand, exponent) = (repr.significand(), repr.exponent());
    if significand.is_zero() {
        return Value::Number(Decimal::ZERO);
    }
    // Digits before the point: the value is below 10^before.
    let digits = isize::try_from(repr.digits()).unwrap_or(isize::MAX);
    let before = digits.saturating_add(exponent).max(0);
    let places = MAX_PLACES - before;
    if places < 0 {
        return OVERFLOW;
    }
    // value = significand · 10^exponent; kept = round(value · 10^places).
    let shift = exponent + places;
    let kept = if shift >= 0 {
        significand * IBig::from(10u8).pow(shift.unsigned_abs())
    } else {
        let unit = IBig::from(10u8).pow(shift.unsigned_abs());
        let (quotient, remainder) = (significand / &unit, significand % &unit);
        // Half away from zero: a remainder of at least half the unit carries.
        let twice = &remainder * IBig::from(2);
        if twice >= unit || -twice >= unit {
            quotient + remainder.signum()
        } else {
            quotient
        }
    };
    let (Ok(mantissa), Ok(scale)) = (i128::try_from(kept), u32::try_from(places)) else {
        return OVERFLOW;
    };
    match Decimal::try_from_i128_with_scale(mantissa, scale) {
        Ok(n) => Value::Number(super::ops::clean(n.normalize())),
        Err(_) => OVERFLOW,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn shown(v: Value) -> String {
        match v {
            Value::Number(x) => x.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn known_values_to_28_places() {
        // ln 2 = 0.69314718055994530941723212145817…: the 29th place is 8, so the 28th rounds
        // up from 4 to 5 (rust_decimal's own ln gives …1216).
        assert_eq!(shown(ln(n("2"))), "0.6931471805599453094172321215");
        assert_eq!(shown(ln(n("0.5"))), "-0.6931471805599453094172321215");
        // √2 = 1.41421356237309504880168872420969…: one digit before the point, 27 places.
        assert_eq!(shown(sqrt(n("2"))), "1.414213562373095048801688724");
        // e³ = 20.0855369231876677409285296545817…: two digits before the point, 26 places.
        assert_eq!(shown(exp(n("3"))), "20.08553692318766774092852965");
        assert_eq!(shown(log10(n("1000"))), "3");
        assert_eq!(shown(sqrt(n("2.25"))), "1.5");
        assert_eq!(shown(power(n("1.1"), n("2"))), "1.21");
        assert_eq!(shown(power(n("-2"), n("3"))), "-8");
        assert_eq!(shown(power(n("4"), n("-0.5"))), "0.5");
        // 0.5²⁹ = 0.00000000186264514923095703125 exactly: 29 places ending in 5, a tie at the
        // 28th, rounded away from zero.
        assert_eq!(
            shown(power(n("0.5"), n("29"))),
            "0.0000000018626451492309570313"
        );
    }

    #[test]
    fn outside_the_domain_is_missing_and_too_large_is_overflow() {
        for v in [
            ln(n("0")),
            ln(n("-1")),
            log10(n("0")),
            sqrt(n("-4")),
            power(n("-8"), n("0.5")),
            power(n("0"), n("0")),
            power(n("0"), n("-1")),
        ] {
            assert_eq!(v, OUT_OF_DOMAIN);
        }
        assert_eq!(exp(n("66")), OVERFLOW);
        assert_eq!(exp(n("1000000")), OVERFLOW);
        assert_eq!(power(n("10"), n("28")), OVERFLOW);
        assert_eq!(power(n("10"), n("1000000000")), OVERFLOW);
        assert_eq!(shown(exp(n("-1000"))), "0");
        assert_eq!(
            shown(power(n("10"), n("27"))),
            "1000000000000000000000000000"
        );
    }
}
