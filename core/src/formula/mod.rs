//! Formulas: the calculation methods of computed indicators, checked before they run and
//! evaluated in exact decimals.
//!
//! # The language
//!
//! One way to say each thing; every value is a number, a yes/no, a text, or missing.
//!
//! | form | meaning |
//! |---|---|
//! | `12`, `0.5` | decimal literals (a point, never a comma; no exponent) |
//! | `"đạt"` | a text literal (no escapes, one line) |
//! | `true`, `false` | yes/no literals |
//! | `so_ho_so`, `A07` | a data element or indicator of the catalogue, in the period evaluated |
//! | `prev(x)` | `x` in the previous period (month, quarter, half-year or year) |
//! | `last_year(x)` | `x` in the same period a year earlier |
//! | `-x`, `a + b`, `a - b`, `a * b`, `a / b` | arithmetic on numbers |
//! | `a < b`, `<=`, `>`, `>=` | comparisons of numbers (not chained: write `a < b and b < c`) |
//! | `a == b`, `a != b` | equality of two values of the same type |
//! | `not p`, `p and q`, `p or q` | logic on yes/no values (three-valued: `false and missing` is `false`) |
//! | `if(p, a, b)` | `a` when `p` is yes, `b` when no, missing when `p` is missing |
//! | `sum(…)`, `avg(…)`, `min(…)`, `max(…)` | of one or more numbers |
//! | `abs(x)`, `round(x, n)` | absolute value; `x` rounded half-up to `n` places (`n` a whole number 0–28) |
//! | `ln(x)`, `log10(x)`, `exp(x)` | logarithms (for `x > 0`) and `e` to the power `x`, to 28 significant digits |
//! | `power(x, y)`, `sqrt(x)` | `x` to the power `y` (a negative `x` only with a whole `y`); the square root of `x ≥ 0` |
//! | `coalesce(a, b, …)` | the first argument that is not missing |
//! | `is_missing(x)` | whether `x` is missing |
//!
//! Precedence, loosest first: `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`.
//!
//! Growth per year, a `%/year` target, is `100 * (x - last_year(x)) / last_year(x)`.
//!
//! # What DHIS2 taught (and this language avoids)
//!
//! - Blanks are never zero: a missing input makes the result missing unless the indicator
//!   declares another [`MissingStrategy`], or the formula says so with `coalesce`.
//! - Division by zero gives a missing value with reason `division_by_zero`, never Infinity or
//!   NaN, and a function outside its domain (`ln(0)`, `sqrt(-1)`) one with reason
//!   `out_of_domain`; a result too large for exact decimals is the error value `overflow`.
//!   `ln`, `exp`, `log10`, `power` and `sqrt` are correctly rounded, computed well beyond the
//!   28 places kept (see `math.rs`), so every front door prints the same digits.
//! - One syntax for references (a bare code), one for each function, one equality (`==`).
//! - Rounding happens once, at the indicator's declared precision, not inside each operation.
//!
//! # Checking
//!
//! [`check`] reports every problem at once, each with a stable code, the span in the formula
//! (bytes, line and column) and messages in Vietnamese and English: syntax, unknown
//! references, unknown functions, wrong numbers of arguments, type errors (text in
//! arithmetic), `round` places, and the limits ([`MAX_FORMULA_BYTES`], [`MAX_NESTING`],
//! [`MAX_HEIGHT`]). A syntax error stops the reading, so it is reported alone. Within a
//! catalogue, validation also finds cycles between indicators and names them.
//!
//! ```
//! use chiso::{Catalogue, Lang, Value, formula};
//! let nq57 = Catalogue::nq57();
//! let report = formula::check("100 * hs_tong / \"x\"", &nq57);
//! let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
//! assert_eq!(codes, ["reference.unknown_code", "formula.type"]);
//!
//! let program = formula::compile("0.1 + 0.2", &nq57).unwrap();
//! assert_eq!(program.evaluate(&[]), Value::Number("0.3".parse().unwrap()));
//! ```

mod aggregation;
mod arith;
mod ast;
mod checker;
mod compile;
mod describe;
mod function;
mod interpret;
mod lexer;
mod math;
mod missing;
mod ops;
mod parser;
mod print;
mod problem;
mod rollup;
mod run;
mod types;

pub use aggregation::Aggregation;
pub use ast::{BinaryOp, Expr, ExprKind, Shift};
pub use compile::{Compiled, Evaluator, Input};
pub use function::Function;
pub use interpret::interpret;
pub use lexer::{LexError, Reference, Token, TokenKind, references, tokenize};
pub use missing::{EvaluationOrder, MissingStrategy};
pub use problem::{Expected, FormulaProblem};
pub use rollup::roll_up;
pub use run::{FormulaRun, Values, input_name, run, values_from_json};
pub use types::{Context, Type};

use crate::{Error, Finding, Lang, Report, Span};

/// The longest formula accepted, in bytes.
pub const MAX_FORMULA_BYTES: usize = 4096;
/// The deepest nesting of brackets, calls, `not` and unary minus accepted.
pub const MAX_NESTING: usize = 32;
/// The tallest expression tree accepted (long chains such as `a + b + … + z` count too).
pub const MAX_HEIGHT: usize = 256;

/// A formula read and checked: the tree, its type (`None` if unknown), and every finding.
pub(crate) struct Analysis {
    pub(crate) expr: Option<Expr>,
    pub(crate) result: Option<Type>,
    pub(crate) findings: Vec<Finding>,
}

/// Reads and checks `source`, with findings at `path` (a JSON Pointer, or `""`).
pub(crate) fn analyse(source: &str, context: &dyn Context, path: &str) -> Analysis {
    let locate = |(problem, span): parser::Located| {
        Finding::new(&problem, path).with_span(Span::locate(source, span.start, span.end))
    };
    match parser::parse(source) {
        Err(located) => Analysis {
            expr: None,
            result: None,
            findings: vec![locate(located)],
        },
        Ok((expr, mut problems)) => {
            let result = checker::check(&expr, context, &mut problems);
            problems.sort_by_key(|(_, span)| (span.start, span.end));
            let findings = problems.into_iter().map(locate).collect();
            Analysis {
                expr: Some(expr),
                result,
                findings,
            }
        }
    }
}

/// Reads a formula into its tree, checking only its grammar: the syntax, the functions and
/// their numbers of arguments (not names or types, which need a [`Context`]).
///
/// ```
/// let expr = chiso::formula::parse("(a+b)*2").unwrap();
/// assert_eq!(expr.to_string(), "(a + b) * 2");
/// assert_eq!(chiso::formula::parse("median(a)").unwrap_err().findings()[0].code, "formula.unknown_function");
/// ```
pub fn parse(source: &str) -> Result<Expr, Error> {
    let locate = |(problem, span): parser::Located| {
        Finding::new(&problem, "").with_span(Span::locate(source, span.start, span.end))
    };
    match parser::parse(source) {
        Ok((expr, problems)) if problems.is_empty() => Ok(expr),
        Ok((_, problems)) => Err(Error::InvalidFormula {
            findings: problems.into_iter().map(locate).collect(),
        }),
        Err(located) => Err(Error::InvalidFormula {
            findings: vec![locate(located)],
        }),
    }
}

/// Checks `source` against `context` and reports every finding; never fails.
pub fn check(source: &str, context: &dyn Context) -> Report {
    Report::new(analyse(source, context, "").findings)
}

/// Checks and compiles `source`; fails with every finding if it does not pass.
pub fn compile(source: &str, context: &dyn Context) -> Result<Compiled, Error> {
    let analysis = analyse(source, context, "");
    match analysis.expr {
        Some(expr) if analysis.findings.iter().all(|f| !f.is_error()) => {
            Ok(Compiled::new(&expr, analysis.result))
        }
        _ => Err(Error::InvalidFormula {
            findings: analysis.findings,
        }),
    }
}

/// `source` in words, with names in place of codes.
///
/// ```
/// use chiso::{Catalogue, Lang, formula};
/// let nq57 = Catalogue::nq57();
/// let text = formula::describe("100 * (A07 - last_year(A07)) / last_year(A07)", &nq57, Lang::En).unwrap();
/// assert_eq!(
///     text,
///     "100 × ([Digital economy share of GDP] − [Digital economy share of GDP] (same period last year)) \
///      ÷ [Digital economy share of GDP] (same period last year)"
/// );
/// ```
pub fn describe(source: &str, context: &dyn Context, lang: Lang) -> Result<String, Error> {
    let analysis = analyse(source, context, "");
    match analysis.expr {
        Some(expr) if analysis.findings.iter().all(|f| !f.is_error()) => {
            Ok(describe::describe(&expr, context, lang))
        }
        _ => Err(Error::InvalidFormula {
            findings: analysis.findings,
        }),
    }
}
