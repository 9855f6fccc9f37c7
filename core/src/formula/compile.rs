//! Compile once, evaluate many: a checked formula becomes a flat postfix program whose
//! references are slot numbers, so evaluating a row is a loop over a few operations with no
//! string lookups (and no allocation, but for cloning text values).

use super::Function;
use super::arith::{Arith, Scratch};
use super::ast::{BinaryOp, Expr, ExprKind, Shift};
use super::ops;
use crate::{Missing, Value};

/// One input a compiled formula reads: a code in the current or a shifted period.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Input {
    /// The data element or indicator.
    pub code: String,
    /// Which period.
    pub shift: Shift,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    Push(Value),
    Input(usize),
    Neg,
    Not,
    Binary(BinaryOp),
    Call(Function, usize),
}

/// A checked formula, compiled. Build it with [`compile`](super::compile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    inputs: Vec<Input>,
    ops: Vec<Op>,
    result: Option<super::Type>,
    max_stack: usize,
    /// The same formula as a tree over bare decimals, when it is plain arithmetic.
    arith: Option<Arith>,
}

impl Compiled {
    pub(crate) fn new(expr: &Expr, result: Option<super::Type>) -> Self {
        let mut program = Compiled {
            inputs: Vec::new(),
            ops: Vec::new(),
            result,
            max_stack: 0,
            arith: None,
        };
        program.emit(expr, 0);
        let slot = |code: &str, shift: Shift| {
            program
                .inputs
                .iter()
                .position(|i| i.code == code && i.shift == shift)
        };
        program.arith = Arith::build(expr, &slot);
        program
    }

    /// Emits `expr`'s operations; `depth` is the stack height before it, to size the stack.
    fn emit(&mut self, expr: &Expr, depth: usize) {
        self.max_stack = self.max_stack.max(depth + 1);
        match &expr.kind {
            ExprKind::Number(n) => self.ops.push(Op::Push(Value::Number(*n))),
            ExprKind::Text(t) => self.ops.push(Op::Push(Value::Text(t.clone()))),
            ExprKind::Bool(b) => self.ops.push(Op::Push(Value::Bool(*b))),
            ExprKind::Reference { code, shift } => {
                let input = Input {
                    code: code.clone(),
                    shift: *shift,
                };
                let slot = if let Some(slot) = self.inputs.iter().position(|i| *i == input) {
                    slot
                } else {
                    self.inputs.push(input);
                    self.inputs.len() - 1
                };
                self.ops.push(Op::Input(slot));
            }
            ExprKind::Neg(e) => {
                self.emit(e, depth);
                self.ops.push(Op::Neg);
            }
            ExprKind::Not(e) => {
                self.emit(e, depth);
                self.ops.push(Op::Not);
            }
            ExprKind::Binary(op, a, b) => {
                self.emit(a, depth);
                self.emit(b, depth + 1);
                self.ops.push(Op::Binary(*op));
            }
            // Never compiled: a formula with an invalid call does not pass the checker.
            ExprKind::Invalid { .. } => self
                .ops
                .push(Op::Push(Value::Error(crate::ValueError::TypeMismatch))),
            ExprKind::Call(function, args) => {
                for (i, arg) in args.iter().enumerate() {
                    self.emit(arg, depth + i);
                }
                self.ops.push(Op::Call(*function, args.len()));
            }
        }
    }

    /// The inputs, in slot order: [`evaluate`](Self::evaluate) takes one value per input.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// The type of the result, when the checker could tell (it cannot when every input it
    /// depends on was given as missing).
    pub fn result_type(&self) -> Option<super::Type> {
        self.result
    }

    /// Evaluates with `values[i]` for input `i`; an absent value reads as missing (`no_data`).
    pub fn evaluate(&self, values: &[Value]) -> Value {
        self.evaluator().evaluate(values)
    }

    /// An evaluator that keeps its stack between rows: the fast way to evaluate many rows.
    pub fn evaluator(&self) -> Evaluator<'_> {
        Evaluator {
            program: self,
            stack: Vec::with_capacity(self.max_stack),
            scratch: Scratch::default(),
        }
    }
}

/// Rows evaluated together on the arithmetic fast path: small enough that a chunk's
/// registers stay in the L1/L2 cache, large enough to amortise interpreting each step.
const CHUNK: usize = 256;

/// Evaluates one compiled formula over many rows, reusing its stack.
///
/// ```
/// use chiso::{Value, formula};
/// let names: formula::Values = [("a".to_owned(), Value::Number(1.into())), ("b".to_owned(), Value::Number(1.into()))].into();
/// let program = formula::compile("100 * a / b", &names).unwrap();
/// let mut evaluator = program.evaluator();
/// let row = [Value::Number(1.into()), Value::Number(4.into())];
/// assert_eq!(evaluator.evaluate(&row), Value::Number(25.into()));
/// let zero = [Value::Number(1.into()), Value::Number(0.into())];
/// assert_eq!(evaluator.evaluate(&zero), Value::Missing(chiso::Missing::DivisionByZero));
/// ```
#[derive(Debug)]
pub struct Evaluator<'a> {
    program: &'a Compiled,
    stack: Vec<Value>,
    scratch: Scratch,
}

impl Evaluator<'_> {
    /// Evaluates one row: `values[i]` is input `i`.
    pub fn evaluate(&mut self, values: &[Value]) -> Value {
        self.run(|slot| values.get(slot))
    }

    /// Evaluates every row of columnar inputs: `columns[i][row]` is input `i` in that row;
    /// a short or absent column reads as missing. Results are appended to `out`.
    ///
    /// ```
    /// use chiso::{Value, formula};
    /// let names: formula::Values = [("a".to_owned(), Value::Number(0.into()))].into();
    /// let double = formula::compile("2 * a", &names).unwrap();
    /// let a = [Value::Number(1.into()), Value::Number(5.into())];
    /// let mut out = Vec::new();
    /// double.evaluator().evaluate_columns(&[&a], &mut out);
    /// assert_eq!(out, [Value::Number(2.into()), Value::Number(10.into())]);
    /// ```
    pub fn evaluate_columns(&mut self, columns: &[&[Value]], out: &mut Vec<Value>) {
        let rows = columns.iter().map(|c| c.len()).max().unwrap_or(0);
        // One column per input slot, looked up once rather than on every row.
        let slots: Vec<&[Value]> = (0..self.program.inputs.len())
            .map(|i| columns.get(i).copied().unwrap_or(&[]))
            .collect();
        let cell = |slot: usize, row: usize| slots.get(slot).and_then(|c| c.get(row));
        out.reserve(rows);
        let Some(arith) = &self.program.arith else {
            for row in 0..rows {
                let value = self.run(|slot| cell(slot, row));
                out.push(value);
            }
            return;
        };
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut start = 0;
        while start < rows {
            let end = (start + CHUNK).min(rows);
            arith.eval_chunk(start..end, &slots, &mut scratch);
            for i in 0..end - start {
                // Rows with a yes/no or text input go the general way.
                let value = Arith::result(&scratch, i)
                    .unwrap_or_else(|| self.run(|slot| cell(slot, start + i)));
                out.push(value);
            }
            start = end;
        }
        self.scratch = scratch;
    }

    fn run<'v>(&mut self, input: impl Fn(usize) -> Option<&'v Value>) -> Value {
        let stack = &mut self.stack;
        stack.clear();
        for op in &self.program.ops {
            match op {
                Op::Push(value) => stack.push(value.clone()),
                Op::Input(slot) => stack.push(
                    input(*slot)
                        .cloned()
                        .unwrap_or(Value::Missing(Missing::NoData)),
                ),

                Op::Neg => {
                    if let Some(top) = stack.last_mut() {
                        *top = ops::negate(top);
                    }
                }
                Op::Not => {
                    if let Some(top) = stack.last_mut() {
                        *top = ops::not(top);
                    }
                }
                Op::Binary(op) => {
                    if let (Some(b), Some(a)) = (stack.pop(), stack.last_mut()) {
                        *a = ops::binary(*op, a, &b);
                    }
                }
                Op::Call(function, argc) => {
                    let start = stack.len().saturating_sub(*argc);
                    let result = ops::call(*function, &stack[start..]);
                    stack.truncate(start);
                    stack.push(result);
                }
            }
        }
        stack.pop().unwrap_or(Value::Missing(Missing::NoData))
    }
}
