//! An indicator's formula, compiled with everything the catalogue declares around it: the
//! missing-value strategy, how it rolls up, and the one rounding at its precision.

use super::{Aggregation, Catalogue, Method, RoundingMode, ValueType};
use crate::formula::{
    Compiled, Context, EvaluationOrder, MissingStrategy, Shift, Type, compile, roll_up,
};
use crate::{Error, Lang, Value};

/// A computed indicator, ready to evaluate over many units and periods.
///
/// ```
/// use chiso::{Catalogue, Value};
/// let nq57 = Catalogue::nq57();
/// let a14 = nq57.compile_indicator("A14").unwrap();
/// assert_eq!(a14.formula().inputs().len(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct IndicatorFormula {
    code: String,
    compiled: Compiled,
    numeric: Vec<bool>,
    aggregations: Vec<Aggregation>,
    precision: u32,
    rounding: RoundingMode,
    missing: MissingStrategy,
    evaluation: EvaluationOrder,
}

impl Catalogue {
    /// Compiles the formula of indicator `code`, against this catalogue's names and types.
    pub fn compile_indicator(&self, code: &str) -> Result<IndicatorFormula, Error> {
        let indicator = self.indicator(code).ok_or_else(|| Error::UnknownCode {
            code: code.to_owned(),
        })?;
        let Method::Formula {
            expression,
            missing,
            evaluation,
            ..
        } = &indicator.method
        else {
            return Err(Error::InvalidArgument {
                name: "indicator",
                value: code.to_owned(),
                expected: "an indicator computed by a formula".to_owned(),
            });
        };
        let compiled = compile(expression, self)?;
        let numeric = compiled
            .inputs()
            .iter()
            .map(|i| Context::type_of(self, &i.code) == Some(Type::Number))
            .collect();
        // Indicators carry no aggregation of their own: as inputs over time they are averaged.
        let aggregations = compiled
            .inputs()
            .iter()
            .map(|i| {
                self.data_element(&i.code)
                    .map_or(Aggregation::Average, |d| d.aggregation)
            })
            .collect();
        Ok(IndicatorFormula {
            code: code.to_owned(),
            compiled,
            numeric,
            aggregations,
            precision: indicator.precision,
            rounding: indicator.rounding,
            missing: *missing,
            evaluation: *evaluation,
        })
    }
}

impl IndicatorFormula {
    /// The indicator's code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The compiled formula (its [`inputs`](Compiled::inputs) give the slot order).
    pub fn formula(&self) -> &Compiled {
        &self.compiled
    }

    /// The value for one unit and period: `inputs[i]` is input `i`. The missing strategy is
    /// applied, the formula evaluated, and a number rounded once, at the declared precision.
    pub fn evaluate(&self, inputs: &[Value]) -> Value {
        self.round(self.unrounded(inputs))
    }

    /// The value over a longer period from its shorter ones: `periods[k][i]` is input `i` in
    /// the k-th shorter period (for a shifted input, the k-th shorter period of the shifted
    /// longer period). Inputs are rolled up by their data elements' aggregation and then the
    /// formula is evaluated (a ratio of sums), or, if the indicator declares it, the formula is
    /// evaluated in each shorter period and the results averaged.
    pub fn evaluate_over(&self, periods: &[Vec<Value>]) -> Value {
        if periods.is_empty() {
            // No shorter period at all is no data, whatever the strategy says about gaps.
            return Value::Missing(crate::Missing::NoData);
        }
        let value = match self.evaluation {
            EvaluationOrder::AggregateThenEvaluate => {
                let rolled: Vec<Value> = (0..self.compiled.inputs().len())
                    .map(|i| {
                        let column: Vec<Value> = periods
                            .iter()
                            .map(|p| {
                                p.get(i)
                                    .cloned()
                                    .unwrap_or(Value::Missing(crate::Missing::NoData))
                            })
                            .collect();
                        roll_up(self.aggregations[i], &column, self.missing)
                    })
                    .collect();
                self.unrounded(&rolled)
            }
            EvaluationOrder::EvaluateThenAverage => {
                let each: Vec<Value> = periods.iter().map(|p| self.unrounded(p)).collect();
                roll_up(
                    Aggregation::Average,
                    &each,
                    MissingStrategy::SkipIfAnyMissing,
                )
            }
        };
        self.round(value)
    }

    /// Whether any input reads another period (`prev`, `last_year`).
    pub fn reads_other_periods(&self) -> bool {
        self.compiled
            .inputs()
            .iter()
            .any(|i| i.shift != Shift::Current)
    }

    fn unrounded(&self, inputs: &[Value]) -> Value {
        let numeric = |i: usize| self.numeric.get(i).copied().unwrap_or(false);
        match self.missing.apply(inputs, &numeric) {
            Some(applied) => self.compiled.evaluate(&applied),
            None => Value::Missing(crate::Missing::NoData),
        }
    }

    fn round(&self, value: Value) -> Value {
        match value {
            Value::Number(n) => Value::Number(self.rounding.round(n, self.precision)),
            other => other,
        }
    }
}

/// A catalogue's data elements and indicators.
impl Context for Catalogue {
    fn type_of(&self, code: &str) -> Option<Type> {
        self.data_element(code)
            .map(|d| d.value_type)
            .or_else(|| self.indicator(code).map(|i| i.value_type))
            .map(ValueType::formula_type)
    }

    fn name_of(&self, code: &str, lang: Lang) -> Option<String> {
        self.data_element(code)
            .map(|d| &d.name)
            .or_else(|| self.indicator(code).map(|i| &i.name))
            .map(|name| name.get(lang).to_owned())
    }
}
