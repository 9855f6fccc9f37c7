//! The fast path for arithmetic formulas: three-address code over a register file of bare
//! decimals, run for rows whose inputs are all numbers. Every operation is the one in `ops`,
//! so results cannot differ from the general evaluator; a row that leaves plain numbers (a
//! missing input, a division by zero, an overflow) falls back to it, and it says why.

use std::ops::Range;

use rust_decimal::Decimal;

use super::Function;
use super::ast::{BinaryOp, Expr, ExprKind, Shift};
use super::ops;
use crate::{Missing, Value, ValueError};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Const(usize, Decimal),
    Input(usize, usize),
    Neg(usize),
    Binary(BinaryOp, usize, usize),
    Call(Function, usize, Range<usize>),
}

/// A formula as register code: each step writes one register; the last holds the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arith {
    steps: Vec<Step>,
    /// How many registers the steps use.
    registers: usize,
    /// The next free register while building.
    next: usize,
}

impl Arith {
    /// The register code of `expr`, with references numbered by `slot`; `None` if any part of
    /// it is not arithmetic on numbers.
    pub(crate) fn build(expr: &Expr, slot: &dyn Fn(&str, Shift) -> Option<usize>) -> Option<Arith> {
        let mut arith = Arith {
            steps: Vec::new(),
            registers: 0,
            next: 0,
        };
        arith.emit(expr, slot)?;
        Some(arith)
    }

    /// Emits `expr` so that its value lands in the next free register, which is returned;
    /// registers above it are free again afterwards.
    fn emit(&mut self, expr: &Expr, slot: &dyn Fn(&str, Shift) -> Option<usize>) -> Option<usize> {
        let target = self.next;
        let step = match &expr.kind {
            ExprKind::Number(n) => Step::Const(target, *n),
            ExprKind::Reference { code, shift } => Step::Input(target, slot(code, *shift)?),
            ExprKind::Neg(e) => Step::Neg(self.emit(e, slot)?),
            ExprKind::Binary(
                op @ (BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div),
                a,
                b,
            ) => {
                self.emit(a, slot)?;
                self.next = target + 1;
                self.emit(b, slot)?;
                // The right operand sits in the register after the left; the result replaces the left.
                Step::Binary(*op, target, target + 1)
            }
            ExprKind::Call(
                function @ (Function::Sum
                | Function::Avg
                | Function::Min
                | Function::Max
                | Function::Abs
                | Function::Round
                | Function::Ln
                | Function::Exp
                | Function::Log10
                | Function::Power
                | Function::Sqrt),
                args,
            ) => {
                for (i, arg) in args.iter().enumerate() {
                    self.next = target + i;
                    self.emit(arg, slot)?;
                }
                Step::Call(*function, target, target..target + args.len())
            }
            _ => return None,
        };
        self.steps.push(step);
        self.registers = self.registers.max(self.next + 1).max(target + 1);
        self.next = target + 1;
        Some(target)
    }

    /// Evaluates rows `rows` column by column: each step runs over the whole chunk, so the
    /// cost of interpreting a step is paid once per chunk, not once per row. Register `r` of
    /// row `i` is `registers[r * len + i]` when `states` there is [`State::Number`], else the
    /// missing value or error it stands for, combined exactly as `ops` combines them (errors
    /// before missing values, left before right). `ok[i]` ends false for a row with a yes/no
    /// or text input, which the general evaluator must take.
    pub(crate) fn eval_chunk(
        &self,
        rows: Range<usize>,
        columns: &[&[Value]],
        scratch: &mut Scratch,
    ) -> usize {
        let len = rows.len();
        let Scratch {
            registers,
            states,
            ok,
        } = scratch;
        // Every register is written before it is read, so old contents need no clearing.
        let needed = self.registers.max(1) * len;
        if registers.len() < needed {
            registers.resize(needed, Decimal::ZERO);
            states.resize(needed, State::Number);
        }
        ok.clear();
        ok.resize(len, true);
        for step in &self.steps {
            match step {
                Step::Const(r, n) => {
                    range(registers, *r, len).fill(*n);
                    range(states, *r, len).fill(State::Number);
                }
                Step::Input(r, slot) => {
                    let cells = columns
                        .get(*slot)
                        .and_then(|c| c.get(rows.clone()))
                        .unwrap_or(&[]);
                    let (values, states) = (range(registers, *r, len), range(states, *r, len));
                    // A short column reads as missing, as the general evaluator reads it.
                    states
                        .iter_mut()
                        .skip(cells.len())
                        .for_each(|s| *s = State::Missing(Missing::NoData));
                    for (((value, state), good), cell) in values
                        .iter_mut()
                        .zip(states.iter_mut())
                        .zip(ok.iter_mut())
                        .zip(cells)
                    {
                        *state = match cell {
                            Value::Number(n) => {
                                *value = *n;
                                State::Number
                            }
                            Value::Missing(m) => State::Missing(*m),
                            Value::Error(e) => State::Error(*e),
                            Value::Bool(_) | Value::Text(_) => {
                                *good = false;
                                State::Number
                            }
                        };
                    }
                }
                Step::Neg(r) => {
                    for (value, state) in range(registers, *r, len)
                        .iter_mut()
                        .zip(range(states, *r, len).iter())
                    {
                        if *state == State::Number {
                            *value = ops::clean(-*value);
                        }
                    }
                }
                Step::Binary(op, a, b) => {
                    if a >= b || (b + 1) * len > registers.len() {
                        ok.fill(false); // never emitted so; refuse rather than misread
                        break;
                    }
                    let (left, right) = registers.split_at_mut(b * len);
                    let (xs, ys) = (&mut left[a * len..(a + 1) * len], &right[..len]);
                    let (left, right) = states.split_at_mut(b * len);
                    let (sx, sy) = (&mut left[a * len..(a + 1) * len], &right[..len]);
                    // One loop per operator, so each is a tight loop around one decimal routine.
                    match op {
                        BinaryOp::Add => apply(xs, ys, sx, sy, Decimal::checked_add),
                        BinaryOp::Sub => apply(xs, ys, sx, sy, Decimal::checked_sub),
                        BinaryOp::Mul => apply(xs, ys, sx, sy, Decimal::checked_mul),
                        BinaryOp::Div => apply(xs, ys, sx, sy, ops::divide),
                        _ => ok.fill(false),
                    }
                }
                Step::Call(function, r, args) => call(*function, *r, args, len, registers, states),
            }
        }
        len
    }

    /// Row `i`'s result after [`eval_chunk`](Self::eval_chunk) (register 0).
    pub(crate) fn result(scratch: &Scratch, i: usize) -> Option<Value> {
        if !*scratch.ok.get(i)? {
            return None;
        }
        Some(match scratch.states.get(i)? {
            State::Number => Value::Number(*scratch.registers.get(i)?),
            State::Missing(m) => Value::Missing(*m),
            State::Error(e) => Value::Error(*e),
        })
    }
}

/// Scratch space of [`Arith::eval_chunk`], kept between chunks.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    registers: Vec<Decimal>,
    states: Vec<State>,
    ok: Vec<bool>,
}

/// What a register holds for one row: a number (in the register), or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum State {
    Number,
    Missing(Missing),
    Error(ValueError),
}

impl State {
    /// This state combined with the next operand's, as `ops` does: the first error wins, then
    /// the first missing value.
    fn then(self, next: State) -> State {
        match (self, next) {
            (State::Error(_), _) => self,
            (_, State::Error(_)) => next,
            (State::Missing(_), _) => self,
            (_, State::Missing(_)) => next,
            (State::Number, State::Number) => State::Number,
        }
    }
}

/// A call step: per row, the arguments' combined state, or the function of their numbers.
fn call(
    function: Function,
    r: usize,
    args: &Range<usize>,
    len: usize,
    registers: &mut [Decimal],
    states: &mut [State],
) {
    for i in 0..len {
        let state = args.clone().fold(State::Number, |acc, a| {
            acc.then(states.get(a * len + i).copied().unwrap_or(State::Number))
        });
        let result = if state == State::Number {
            let values = args
                .clone()
                .map(|a| registers.get(a * len + i).copied().unwrap_or_default());
            match ops::numeric_call(function, values, args.len()) {
                Value::Number(n) => {
                    if let Some(value) = registers.get_mut(r * len + i) {
                        *value = n;
                    }
                    State::Number
                }
                Value::Missing(m) => State::Missing(m),
                Value::Error(e) => State::Error(e),
                Value::Bool(_) | Value::Text(_) => State::Error(ValueError::TypeMismatch),
            }
        } else {
            state
        };
        if let Some(slot) = states.get_mut(r * len + i) {
            *slot = result;
        }
    }
}

/// Register `r` of a chunk of `len` rows.
fn range<T>(cells: &mut [T], r: usize, len: usize) -> &mut [T] {
    let start = (r * len).min(cells.len());
    let end = (start + len).min(cells.len());
    &mut cells[start..end]
}

/// `xs[i] = f(xs[i], ys[i])` where both operands are numbers; otherwise the combined state.
/// `f` gives `None` for a zero divisor (then the result is missing: division by zero) or an
/// overflow (an error).
fn apply(
    xs: &mut [Decimal],
    ys: &[Decimal],
    sx: &mut [State],
    sy: &[State],
    f: impl Fn(Decimal, Decimal) -> Option<Decimal>,
) {
    for (((x, y), state), other) in xs.iter_mut().zip(ys).zip(sx.iter_mut()).zip(sy) {
        *state = state.then(*other);
        if *state == State::Number {
            match f(*x, *y) {
                Some(v) => *x = ops::clean(v),
                None if y.is_zero() => *state = State::Missing(Missing::DivisionByZero),
                None => *state = State::Error(ValueError::Overflow),
            }
        }
    }
}
