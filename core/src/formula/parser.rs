//! Recursive-descent parser: tokens to an [`Expr`] tree, with bounded nesting.

use std::ops::Range;

use rust_decimal::Decimal;

use super::FormulaProblem;
use super::ast::{BinaryOp, Expr, ExprKind, Shift};
use super::lexer::{Token, TokenKind, tokenize};
use super::problem::Expected;
use super::{Function, MAX_FORMULA_BYTES, MAX_NESTING};

/// A problem and the bytes of the formula it is about.
pub(crate) type Located = (FormulaProblem, Range<usize>);

/// Parses `src`. A syntax error stops the parse (one finding); problems that leave the tree
/// usable (an unknown function, a wrong number of arguments) are collected and parsing goes on,
/// so the checker can report everything else too.
pub(crate) fn parse(src: &str) -> Result<(Expr, Vec<Located>), Located> {
    if src.len() > MAX_FORMULA_BYTES {
        return Err((
            FormulaProblem::FormulaTooLong {
                length: src.len(),
                limit: MAX_FORMULA_BYTES,
            },
            0..src.len(),
        ));
    }
    if src.trim().is_empty() {
        return Err((FormulaProblem::FormulaEmpty, 0..src.len()));
    }
    let tokens =
        tokenize(src).map_err(|e| (FormulaProblem::FormulaSyntax { found: e.found }, e.span))?;
    let mut parser = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
        problems: Vec::new(),
    };
    let expr = parser.expression()?;
    if let Some(token) = parser.peek() {
        return Err(parser.unexpected(token.clone(), Expected::OperatorOrEnd));
    }
    if expr.height() > super::MAX_HEIGHT {
        let problem = FormulaProblem::FormulaTooDeep {
            limit: super::MAX_HEIGHT,
        };
        return Err((problem, 0..src.len()));
    }
    Ok((expr, parser.problems))
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    problems: Vec<Located>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn peek_kind(&self) -> Option<TokenKind> {
        self.peek().map(|t| t.kind)
    }

    fn text(&self, token: &Token) -> &str {
        &self.src[token.span.clone()]
    }

    fn is_word(&self, word: &str) -> bool {
        self.peek()
            .is_some_and(|t| t.kind == TokenKind::Ident && self.text(t) == word)
    }

    fn unexpected(&self, token: Token, expected: Expected) -> Located {
        let found = self.text(&token).to_owned();
        (
            FormulaProblem::FormulaUnexpected { found, expected },
            token.span,
        )
    }

    fn end(&self, expected: Expected) -> Located {
        (
            FormulaProblem::FormulaUnexpected {
                found: String::new(),
                expected,
            },
            self.src.len()..self.src.len(),
        )
    }

    fn next_or(&mut self, expected: Expected) -> Result<Token, Located> {
        let token = self.peek().cloned().ok_or_else(|| self.end(expected))?;
        self.pos += 1;
        Ok(token)
    }

    /// Enters one level of nesting, refusing to go deeper than [`MAX_NESTING`].
    fn enter(&mut self, at: &Range<usize>) -> Result<(), Located> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err((
                FormulaProblem::FormulaTooDeep { limit: MAX_NESTING },
                at.clone(),
            ));
        }
        Ok(())
    }

    fn expression(&mut self) -> Result<Expr, Located> {
        self.binary_level(0)
    }

    /// Left-associative levels, loosest first: `or`, `and`; comparisons (not chained) sit
    /// below `not`; then `+ -`, then `* /`.
    fn binary_level(&mut self, level: usize) -> Result<Expr, Located> {
        match level {
            0 | 1 => {
                let word = if level == 0 { "or" } else { "and" };
                let op = if level == 0 {
                    BinaryOp::Or
                } else {
                    BinaryOp::And
                };
                let mut left = self.binary_level(level + 1)?;
                while self.is_word(word) {
                    self.pos += 1;
                    let right = self.binary_level(level + 1)?;
                    left = binary(op, left, right);
                }
                Ok(left)
            }
            2 => {
                if self.is_word("not") {
                    let token = self.next_or(Expected::Expression)?;
                    self.enter(&token.span)?;
                    let inner = self.binary_level(2)?;
                    self.depth -= 1;
                    let span = token.span.start..inner.span.end;
                    return Ok(Expr {
                        kind: ExprKind::Not(Box::new(inner)),
                        span,
                    });
                }
                self.comparison()
            }
            _ => self.arithmetic(level),
        }
    }

    fn comparison(&mut self) -> Result<Expr, Located> {
        let left = self.arithmetic(3)?;
        let op = match self.peek_kind() {
            Some(TokenKind::Lt) => BinaryOp::Lt,
            Some(TokenKind::Le) => BinaryOp::Le,
            Some(TokenKind::Gt) => BinaryOp::Gt,
            Some(TokenKind::Ge) => BinaryOp::Ge,
            Some(TokenKind::Eq) => BinaryOp::Eq,
            Some(TokenKind::Ne) => BinaryOp::Ne,
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.arithmetic(3)?;
        if let Some(token) = self.peek().filter(|t| is_comparison(t.kind)).cloned() {
            // `a < b < c` reads differently to different people: say it with `and`.
            return Err(self.unexpected(token, Expected::AndBetweenComparisons));
        }
        Ok(binary(op, left, right))
    }

    fn arithmetic(&mut self, level: usize) -> Result<Expr, Located> {
        let (ops, next): (&[(TokenKind, BinaryOp)], _) = if level == 3 {
            (
                &[
                    (TokenKind::Plus, BinaryOp::Add),
                    (TokenKind::Minus, BinaryOp::Sub),
                ],
                4,
            )
        } else {
            (
                &[
                    (TokenKind::Star, BinaryOp::Mul),
                    (TokenKind::Slash, BinaryOp::Div),
                ],
                5,
            )
        };
        let operand = |p: &mut Self| {
            if next == 4 {
                p.arithmetic(4)
            } else {
                p.unary()
            }
        };
        let mut left = operand(self)?;
        while let Some(&(_, op)) = ops.iter().find(|(kind, _)| Some(*kind) == self.peek_kind()) {
            self.pos += 1;
            let right = operand(self)?;
            left = binary(op, left, right);
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, Located> {
        if self.peek_kind() == Some(TokenKind::Minus) {
            let token = self.next_or(Expected::Expression)?;
            self.enter(&token.span)?;
            let inner = self.unary()?;
            self.depth -= 1;
            let span = token.span.start..inner.span.end;
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(inner)),
                span,
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, Located> {
        let token = self.next_or(Expected::Operand)?;
        let span = token.span.clone();
        let text = self.text(&token).to_owned();
        let kind = match token.kind {
            TokenKind::Number => match Decimal::from_str_exact(&text) {
                Ok(n) => ExprKind::Number(n),
                Err(_) => return Err((FormulaProblem::FormulaNumber { text }, span)),
            },
            TokenKind::Text => ExprKind::Text(text[1..text.len() - 1].to_owned()),
            TokenKind::LParen => {
                self.enter(&span)?;
                let inner = self.expression()?;
                self.depth -= 1;
                let close = self.next_or(Expected::Close)?;
                if close.kind != TokenKind::RParen {
                    return Err(self.unexpected(close, Expected::Close));
                }
                return Ok(Expr {
                    kind: inner.kind,
                    span: span.start..close.span.end,
                });
            }
            TokenKind::Ident if self.peek_kind() == Some(TokenKind::LParen) => {
                return self.call(token);
            }
            TokenKind::Ident => match text.as_str() {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "and" | "or" | "not" => return Err(self.unexpected(token, Expected::Expression)),
                _ => ExprKind::Reference {
                    code: text,
                    shift: Shift::Current,
                },
            },
            _ => return Err(self.unexpected(token, Expected::Operand)),
        };
        Ok(Expr { kind, span })
    }

    fn call(&mut self, name: Token) -> Result<Expr, Located> {
        let open = self.next_or(Expected::Open)?;
        self.enter(&open.span)?;
        let mut args = Vec::new();
        if self.peek_kind() != Some(TokenKind::RParen) {
            loop {
                args.push(self.expression()?);
                if self.peek_kind() == Some(TokenKind::Comma) {
                    self.pos += 1;
                } else {
                    break;
                }
            }
        }
        let close = self.next_or(Expected::CommaOrClose)?;
        if close.kind != TokenKind::RParen {
            return Err(self.unexpected(close, Expected::CommaOrClose));
        }
        self.depth -= 1;
        let span = name.span.start..close.span.end;
        let text = self.text(&name).to_owned();
        let Some(function) = Function::from_name(&text) else {
            self.problems.push((
                FormulaProblem::FormulaUnknownFunction { name: text.clone() },
                name.span,
            ));
            return Ok(Expr {
                kind: ExprKind::Invalid { name: text, args },
                span,
            });
        };
        let (least, most) = function.arity();
        if args.len() < least || most.is_some_and(|m| args.len() > m) {
            let expected = match most {
                Some(m) if m == least => least.to_string(),
                Some(m) => format!("{least}–{m}"),
                None => format!("{least}+"),
            };
            let problem = FormulaProblem::FormulaArity {
                function: text.clone(),
                expected,
                found: args.len(),
            };
            self.problems.push((problem, span.clone()));
            return Ok(Expr {
                kind: ExprKind::Invalid { name: text, args },
                span,
            });
        }
        if let Function::Prev | Function::LastYear = function {
            let shift = if function == Function::Prev {
                Shift::Previous
            } else {
                Shift::LastYear
            };
            if let [
                Expr {
                    kind:
                        ExprKind::Reference {
                            code,
                            shift: Shift::Current,
                        },
                    ..
                },
            ] = args.as_slice()
            {
                return Ok(Expr {
                    kind: ExprKind::Reference {
                        code: code.clone(),
                        shift,
                    },
                    span,
                });
            }
            self.problems.push((
                FormulaProblem::FormulaPeriodArgument {
                    function: text.clone(),
                },
                span.clone(),
            ));
            return Ok(Expr {
                kind: ExprKind::Invalid { name: text, args },
                span,
            });
        }
        Ok(Expr {
            kind: ExprKind::Call(function, args),
            span,
        })
    }
}

fn is_comparison(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Lt
            | TokenKind::Le
            | TokenKind::Gt
            | TokenKind::Ge
            | TokenKind::Eq
            | TokenKind::Ne
    )
}

fn binary(op: BinaryOp, left: Expr, right: Expr) -> Expr {
    let span = left.span.start..right.span.end;
    Expr {
        kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
        span,
    }
}
