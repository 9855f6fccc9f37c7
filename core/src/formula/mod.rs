//! Formulas: the calculation methods of computed indicators.
//!
//! This release reads formulas into tokens, enough to find every code a formula refers to so
//! the catalogue can check its references. The parser, checker and exact-decimal evaluator
//! build on the same tokens.
//!
//! ```
//! use chiso::formula::references;
//! let refs = references("100 * sum(online, by_post) / total").unwrap();
//! let names: Vec<&str> = refs.iter().map(|r| r.name).collect();
//! assert_eq!(names, ["online", "by_post", "total"]);
//! ```

mod lexer;

pub use lexer::{LexError, Reference, Token, TokenKind, references, tokenize};
