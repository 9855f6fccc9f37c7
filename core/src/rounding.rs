use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a computed value is rounded to its declared precision ("quy tắc làm tròn").
///
/// Rounding happens once, at the indicator's precision; `half_up` (0.5 away from zero), the
/// rule of official Vietnamese tables, is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Halves away from zero: 2.5 → 3, −2.5 → −3 (the default).
    #[default]
    HalfUp,
    /// Halves to the even neighbour (banker's rounding): 2.5 → 2, 3.5 → 4.
    HalfEven,
    /// Halves toward zero: 2.5 → 2.
    HalfDown,
    /// Always toward zero (truncate): 2.9 → 2.
    Down,
    /// Always away from zero: 2.1 → 3.
    Up,
    /// Always toward negative infinity.
    Floor,
    /// Always toward positive infinity.
    Ceiling,
}

impl RoundingMode {
    /// Rounds `value` to `precision` decimal places with this rule.
    ///
    /// ```
    /// use chiso::catalogue::RoundingMode;
    /// use rust_decimal::Decimal;
    /// let x: Decimal = "0.6325".parse().unwrap();
    /// assert_eq!(RoundingMode::HalfUp.round(x, 3).to_string(), "0.633");
    /// assert_eq!(RoundingMode::HalfEven.round(x, 3).to_string(), "0.632");
    /// ```
    pub fn round(self, value: Decimal, precision: u32) -> Decimal {
        let strategy = match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::HalfDown => RoundingStrategy::MidpointTowardZero,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
        };
        // A negative value that rounds to zero is zero, not "-0.00".
        crate::decimal::clean_zero(value.round_dp_with_strategy(precision, strategy))
    }
}
