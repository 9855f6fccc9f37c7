//! The fast path for arithmetic formulas: three-address code over a register file of bare
//! decimals, run for rows whose inputs are all numbers. Every operation is the one in `ops`,
//! so results cannot differ from the general evaluator; a row that leaves plain numbers (a
//! missing input, a division by zero, an overflow) falls back to it, and it says why.

use std::ops::Range;

use rust_decimal::Decimal;

use super::Function;
use super::ast::{BinaryOp, Expr, ExprKind, Shift};
use super::ops;
use crate::Value;

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
                | Function::Round),
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
    /// cost of interpreting a step is paid once per chunk, not once per row. `registers` is
    /// scratch space; `ok[i]` ends false for a row that left plain numbers (its register
    /// value is then meaningless and the general evaluator must take the row).
    pub(crate) fn eval_chunk(
        &self,
        rows: Range<usize>,
        columns: &[&[Value]],
        registers: &mut Vec<Decimal>,
        ok: &mut Vec<bool>,
    ) -> usize {
        let len = rows.len();
        // Every register is written before it is read, so old contents need no clearing.
        let needed = self.registers.max(1) * len;
        if registers.len() < needed {
            registers.resize(needed, Decimal::ZERO);
        }
        ok.clear();
        ok.resize(len, true);
        for step in &self.steps {
            match step {
                Step::Const(r, n) => column(registers, *r, len).fill(*n),
                Step::Input(r, slot) => {
                    let cells = columns
                        .get(*slot)
                        .and_then(|c| c.get(rows.clone()))
                        .unwrap_or(&[]);
                    let registers = column(registers, *r, len);
                    // A short column leaves its last rows off the fast path.
                    ok.iter_mut()
                        .skip(cells.len())
                        .for_each(|good| *good = false);
                    for ((value, good), cell) in registers.iter_mut().zip(ok.iter_mut()).zip(cells)
                    {
                        match cell {
                            Value::Number(n) => *value = *n,
                            _ => *good = false,
                        }
                    }
                }
                Step::Neg(r) => column(registers, *r, len).iter_mut().for_each(|v| *v = -*v),
                Step::Binary(op, a, b) => {
                    if a >= b || (b + 1) * len > registers.len() {
                        ok.fill(false); // never emitted so; refuse rather than misread
                        break;
                    }
                    let (left, right) = registers.split_at_mut(b * len);
                    let (xs, ys) = (&mut left[a * len..], &right[..len]);
                    // One loop per operator, so each is a tight loop around one decimal routine.
                    match op {
                        BinaryOp::Add => apply(xs, ys, ok, Decimal::checked_add),
                        BinaryOp::Sub => apply(xs, ys, ok, Decimal::checked_sub),
                        BinaryOp::Mul => apply(xs, ys, ok, Decimal::checked_mul),
                        BinaryOp::Div => apply(xs, ys, ok, ops::divide),
                        _ => ok.fill(false),
                    }
                }
                Step::Call(function, r, args) => {
                    for (i, good) in ok.iter_mut().enumerate() {
                        let values = args
                            .clone()
                            .map(|a| registers.get(a * len + i).copied().unwrap_or_default());
                        match ops::numeric_call(*function, values, args.len()).as_number() {
                            Some(v) => {
                                if let Some(slot) = registers.get_mut(r * len + i) {
                                    *slot = v;
                                }
                            }
                            None => *good = false,
                        }
                    }
                }
            }
        }
        len
    }
}

/// Register `r` of a chunk of `len` rows.
fn column(registers: &mut [Decimal], r: usize, len: usize) -> &mut [Decimal] {
    let start = (r * len).min(registers.len());
    let end = (start + len).min(registers.len());
    &mut registers[start..end]
}

/// `xs[i] = f(xs[i], ys[i])` for the rows still on the fast path; a row whose result is not a
/// plain number leaves it.
fn apply(
    xs: &mut [Decimal],
    ys: &[Decimal],
    ok: &mut [bool],
    f: impl Fn(Decimal, Decimal) -> Option<Decimal>,
) {
    for ((x, y), good) in xs.iter_mut().zip(ys).zip(ok.iter_mut()) {
        match f(*x, *y) {
            Some(v) => *x = v,
            None => *good = false,
        }
    }
}
