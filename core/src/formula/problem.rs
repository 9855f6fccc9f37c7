//! The problems of a formula (its syntax, names and types), each declared once: the code on
//! the variant, the messages in both languages side by side.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use crate::Text;
use crate::problem::Problem;

/// A problem found in a formula: its syntax, its names and its types.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum FormulaProblem {
    /// A formula refers to a code that is neither a data element nor an indicator.
    #[strum(serialize = "reference.unknown_code")]
    UnknownReference {
        /// The name as written.
        name: String,
    },
    /// A formula contains a character or literal that cannot be read.
    #[strum(serialize = "formula.syntax")]
    FormulaSyntax {
        /// The offending text.
        found: String,
    },
    /// A formula is empty.
    #[strum(serialize = "formula.empty")]
    FormulaEmpty,
    /// A formula is longer than the limit.
    #[strum(serialize = "formula.too_long")]
    FormulaTooLong {
        /// Its length in bytes.
        length: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A formula nests deeper than the limit.
    #[strum(serialize = "formula.too_deep")]
    FormulaTooDeep {
        /// The limit.
        limit: usize,
    },
    /// A token where another was expected (or the formula ended too soon).
    #[strum(serialize = "formula.unexpected")]
    FormulaUnexpected {
        /// The token found (empty at the end of the formula).
        found: String,
        /// What would have fitted.
        expected: Expected,
    },
    /// A number too large (or too precise) for exact decimals.
    #[strum(serialize = "formula.number")]
    FormulaNumber {
        /// The number as written.
        text: String,
    },
    /// A call of a function the language does not have.
    #[strum(serialize = "formula.unknown_function")]
    FormulaUnknownFunction {
        /// The name as written.
        name: String,
    },
    /// A function called with the wrong number of arguments.
    #[strum(serialize = "formula.arity")]
    FormulaArity {
        /// The function.
        function: String,
        /// How many it takes (`2`, `1+`).
        expected: String,
        /// How many it got.
        found: usize,
    },
    /// `prev` or `last_year` around something other than a code.
    #[strum(serialize = "formula.period_argument")]
    FormulaPeriodArgument {
        /// The function.
        function: String,
    },
    /// An operand of the wrong type.
    #[strum(serialize = "formula.type")]
    FormulaType {
        /// The operator or function.
        operation: String,
        /// The type it needs.
        expected: crate::formula::Type,
        /// The type it got.
        found: crate::formula::Type,
    },
    /// `round`'s places are not a whole number 0–28 written out.
    #[strum(serialize = "formula.round_places")]
    FormulaRoundPlaces,
    /// A formula's result does not fit its indicator's value type.
    #[strum(serialize = "formula.result_type")]
    FormulaResultType {
        /// The type the indicator needs.
        expected: crate::formula::Type,
        /// The type the formula gives.
        found: crate::formula::Type,
    },
}

impl Problem for FormulaProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::UnknownReference { name } => Text::new(
                format!(
                    "Công thức tham chiếu `{name}`, không phải chỉ tiêu dữ liệu hay chỉ số nào."
                ),
                format!(
                    "The formula refers to `{name}`, which is neither a data element nor an indicator."
                ),
            ),
            Self::FormulaSyntax { found } => Text::new(
                format!("Công thức có ký tự không đọc được: `{found}`."),
                format!("The formula contains something that cannot be read: `{found}`."),
            ),
            Self::FormulaEmpty => Text::new("Công thức đang để trống.", "The formula is empty."),
            Self::FormulaTooLong { length, limit } => Text::new(
                format!("Công thức dài {length} byte, vượt giới hạn {limit} byte."),
                format!("The formula is {length} bytes long, over the limit of {limit}."),
            ),
            Self::FormulaTooDeep { limit } => Text::new(
                format!("Công thức lồng nhau quá sâu (tối đa {limit} mức)."),
                format!("The formula nests too deeply (at most {limit} levels)."),
            ),
            Self::FormulaUnexpected { found, expected } if found.is_empty() => Text::new(
                format!("Công thức kết thúc quá sớm; cần {}.", expected.words().vi),
                {
                    format!(
                        "The formula ends too soon; expected {}.",
                        expected.words().en
                    )
                },
            ),
            Self::FormulaUnexpected { found, expected } => Text::new(
                format!("Gặp `{found}` nhưng cần {}.", expected.words().vi),
                {
                    format!(
                        "Found `{found}` where {} was expected.",
                        expected.words().en
                    )
                },
            ),
            Self::FormulaNumber { text } => Text::new(
                format!("Số `{text}` vượt quá phạm vi số thập phân chính xác."),
                format!("The number `{text}` is beyond the range of exact decimals."),
            ),
            Self::FormulaUnknownFunction { name } => Text::new(
                format!(
                    "Không có hàm `{name}`; các hàm: sum, avg, min, max, abs, round, coalesce, \
                 is_missing, if, prev, last_year."
                ),
                format!(
                    "There is no function `{name}`; the functions are: sum, avg, min, max, abs, round, \
                 coalesce, is_missing, if, prev, last_year."
                ),
            ),
            Self::FormulaArity {
                function,
                expected,
                found,
            } => Text::new(
                {
                    format!("Hàm `{function}` cần {expected} đối số nhưng nhận {found}.")
                },
                {
                    format!(
                        "Function `{function}` takes {expected} argument(s) but was given {found}."
                    )
                },
            ),
            Self::FormulaPeriodArgument { function } => Text::new(
                {
                    format!("Hàm `{function}` chỉ nhận một mã chỉ tiêu dữ liệu hoặc chỉ số.")
                },
                format!("Function `{function}` takes a single data element or indicator code."),
            ),
            Self::FormulaType {
                operation,
                expected,
                found,
            } => Text::new(
                format!(
                    "`{operation}` cần giá trị kiểu {} nhưng gặp kiểu {}.",
                    expected.label().vi,
                    found.label().vi
                ),
                format!(
                    "`{operation}` needs a {} value but got a {} value.",
                    expected.label().en,
                    found.label().en
                ),
            ),
            Self::FormulaRoundPlaces => Text::new(
                {
                    "Số chữ số thập phân của `round` phải là số nguyên từ 0 đến 28 viết trực tiếp."
                        .to_owned()
                },
                {
                    "The places of `round` must be a whole number from 0 to 28, written out."
                        .to_owned()
                },
            ),
            Self::FormulaResultType { expected, found } => Text::new(
                format!(
                    "Công thức cho kết quả kiểu {} nhưng chỉ số cần kiểu {}.",
                    found.label().vi,
                    expected.label().vi
                ),
                format!(
                    "The formula gives a {} value but the indicator holds {} values.",
                    found.label().en,
                    expected.label().en
                ),
            ),
        }
    }
}

/// What the parser expected where it found something else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Expected {
    /// After a whole expression.
    #[default]
    OperatorOrEnd,
    /// A chained comparison (`a < b < c`).
    AndBetweenComparisons,
    /// Where an operand must start.
    Expression,
    /// The start of an operand.
    Operand,
    /// `)`.
    Close,
    /// `(` after a function's name.
    Open,
    /// Between a call's arguments.
    CommaOrClose,
}

impl Expected {
    /// In both languages.
    pub fn words(self) -> Text {
        let (vi, en) = match self {
            Expected::OperatorOrEnd => (
                "một phép toán hoặc kết thúc công thức",
                "an operator or the end of the formula",
            ),
            Expected::AndBetweenComparisons => (
                "`and` giữa hai phép so sánh",
                "`and` between two comparisons",
            ),
            Expected::Expression => ("một biểu thức", "an expression"),
            Expected::Operand => (
                "một số, một mã, một hàm hoặc `(`",
                "a number, a code, a function or `(`",
            ),
            Expected::Close => ("`)`", "`)`"),
            Expected::Open => ("`(`", "`(`"),
            Expected::CommaOrClose => ("`,` hoặc `)`", "`,` or `)`"),
        };
        Text::new(vi, en)
    }
}
