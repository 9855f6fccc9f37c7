use crate::Text;

/// The functions of the formula language. Each has one name and one meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Function {
    /// `sum(a, b, ...)`: the total.
    Sum,
    /// `avg(a, b, ...)`: the arithmetic mean.
    Avg,
    /// `min(a, b, ...)`: the smallest.
    Min,
    /// `max(a, b, ...)`: the largest.
    Max,
    /// `abs(x)`: the absolute value.
    Abs,
    /// `round(x, n)`: `x` rounded half-up to `n` decimal places (`n` a whole number 0–28).
    Round,
    /// `ln(x)`: the natural logarithm, for `x > 0`.
    Ln,
    /// `exp(x)`: `e` to the power `x`.
    Exp,
    /// `log10(x)`: the logarithm in base 10, for `x > 0`.
    Log10,
    /// `power(x, y)`: `x` to the power `y` (a negative `x` only with a whole `y`).
    Power,
    /// `sqrt(x)`: the square root, for `x ≥ 0`.
    Sqrt,
    /// `coalesce(a, b, ...)`: the first argument that is not missing.
    Coalesce,
    /// `is_missing(x)`: whether `x` is missing.
    IsMissing,
    /// `if(condition, then, else)`.
    If,
    /// `prev(code)`: the value in the previous period.
    Prev,
    /// `last_year(code)`: the value in the same period a year earlier.
    LastYear,
}

impl Function {
    /// Every function.
    pub const ALL: [Function; 16] = [
        Function::Sum,
        Function::Avg,
        Function::Min,
        Function::Max,
        Function::Abs,
        Function::Round,
        Function::Ln,
        Function::Exp,
        Function::Log10,
        Function::Power,
        Function::Sqrt,
        Function::Coalesce,
        Function::IsMissing,
        Function::If,
        Function::Prev,
        Function::LastYear,
    ];

    /// The function's name in formulas.
    pub fn name(self) -> &'static str {
        match self {
            Function::Sum => "sum",
            Function::Avg => "avg",
            Function::Min => "min",
            Function::Max => "max",
            Function::Abs => "abs",
            Function::Round => "round",
            Function::Ln => "ln",
            Function::Exp => "exp",
            Function::Log10 => "log10",
            Function::Power => "power",
            Function::Sqrt => "sqrt",
            Function::Coalesce => "coalesce",
            Function::IsMissing => "is_missing",
            Function::If => "if",
            Function::Prev => "prev",
            Function::LastYear => "last_year",
        }
    }

    /// The function named `name`.
    pub fn from_name(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How many arguments it takes: (at least, at most).
    pub fn arity(self) -> (usize, Option<usize>) {
        match self {
            Function::Sum | Function::Avg | Function::Min | Function::Max | Function::Coalesce => {
                (1, None)
            }
            Function::Abs
            | Function::Ln
            | Function::Exp
            | Function::Log10
            | Function::Sqrt
            | Function::IsMissing
            | Function::Prev
            | Function::LastYear => (1, Some(1)),
            Function::Round | Function::Power => (2, Some(2)),
            Function::If => (3, Some(3)),
        }
    }

    /// The function's name in words, for `describe`.
    pub fn label(self) -> Text {
        match self {
            Function::Sum => Text::new("tổng", "sum"),
            Function::Avg => Text::new("trung bình", "average"),
            Function::Min => Text::new("nhỏ nhất", "minimum"),
            Function::Max => Text::new("lớn nhất", "maximum"),
            Function::Abs => Text::new("giá trị tuyệt đối", "absolute value"),
            Function::Round => Text::new("làm tròn", "rounded"),
            Function::Ln => Text::new("lôgarit tự nhiên", "natural logarithm"),
            Function::Exp => Text::new("hàm mũ cơ số e", "exponential"),
            Function::Log10 => Text::new("lôgarit thập phân", "base-10 logarithm"),
            Function::Power => Text::new("lũy thừa", "power"),
            Function::Sqrt => Text::new("căn bậc hai", "square root"),
            Function::Coalesce => {
                Text::new("giá trị đầu tiên có số liệu trong", "first available of")
            }
            Function::IsMissing => Text::new("thiếu số liệu", "is missing"),
            Function::If => Text::new("nếu", "if"),
            Function::Prev => Text::new("kỳ trước", "previous period"),
            Function::LastYear => Text::new("cùng kỳ năm trước", "same period last year"),
        }
    }
}
