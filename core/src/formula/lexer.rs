use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A decimal literal: digits, optionally a point and more digits (`12`, `0.5`).
    Number,
    /// A name: a data element or indicator code, a function, or a keyword (`and`, `or`, `not`).
    Ident,
    /// A text literal in double quotes.
    Text,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `,`
    Comma,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

/// A token and the bytes of the formula it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is (byte offsets).
    pub span: Range<usize>,
}

/// Something in a formula that is not a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    /// Where it is (byte offsets).
    pub span: Range<usize>,
    /// The offending text.
    pub found: String,
}

/// A code a formula refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'a> {
    /// The code as written.
    pub name: &'a str,
    /// Where it is (byte offsets).
    pub span: Range<usize>,
}

/// Words that are operators, not references.
const KEYWORDS: [&str; 5] = ["and", "or", "not", "true", "false"];

/// Splits a formula into tokens, skipping white space.
pub fn tokenize(src: &str) -> Result<Vec<Token>, LexError> {
    let bytes = src.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let kind = match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => {
                i = skip_digits(bytes, i);
                if bytes.get(i) == Some(&b'.') {
                    if !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                        return Err(error(src, start, i + 1));
                    }
                    i = skip_digits(bytes, i + 1);
                }
                TokenKind::Number
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
                {
                    i += 1;
                }
                TokenKind::Ident
            }
            b'"' => {
                let close = src[i + 1..].find(['"', '\n']).map(|j| i + 1 + j);
                match close {
                    Some(j) if bytes[j] == b'"' => i = j + 1,
                    _ => return Err(error(src, start, close.unwrap_or(src.len()))),
                }
                TokenKind::Text
            }
            b'<' | b'>' | b'=' | b'!' => {
                let double = bytes.get(i + 1) == Some(&b'=');
                i += if double { 2 } else { 1 };
                match (b, double) {
                    (b'<', false) => TokenKind::Lt,
                    (b'<', true) => TokenKind::Le,
                    (b'>', false) => TokenKind::Gt,
                    (b'>', true) => TokenKind::Ge,
                    (b'=', true) => TokenKind::Eq,
                    (b'!', true) => TokenKind::Ne,
                    _ => return Err(error(src, start, i)),
                }
            }
            _ => {
                i += 1;
                match b {
                    b'+' => TokenKind::Plus,
                    b'-' => TokenKind::Minus,
                    b'*' => TokenKind::Star,
                    b'/' => TokenKind::Slash,
                    b'(' => TokenKind::LParen,
                    b')' => TokenKind::RParen,
                    b',' => TokenKind::Comma,
                    _ => return Err(error(src, start, start + 1)),
                }
            }
        };
        tokens.push(Token {
            kind,
            span: start..i,
        });
    }
    Ok(tokens)
}

/// Every code a formula refers to, in order of appearance (repeats included): the names that
/// are neither keywords nor followed by `(` (function calls).
pub fn references(src: &str) -> Result<Vec<Reference<'_>>, LexError> {
    let tokens = tokenize(src)?;
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let name = &src[token.span.clone()];
        let is_call = tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::LParen);
        if token.kind == TokenKind::Ident && !is_call && !KEYWORDS.contains(&name) {
            out.push(Reference {
                name,
                span: token.span.clone(),
            });
        }
    }
    Ok(out)
}

fn skip_digits(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// An error covering `start..end`, widened to whole characters.
fn error(src: &str, start: usize, end: usize) -> LexError {
    let mut end = end.min(src.len()).max(start);
    while !src.is_char_boundary(end) {
        end += 1;
    }
    LexError {
        span: start..end,
        found: src[start..end].to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        tokenize(src)
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn reads_numbers_names_and_operators() {
        use TokenKind::*;
        assert_eq!(
            kinds("100*(a_1 + 0.5)>=b != \"x\""),
            [
                Number, Star, LParen, Ident, Plus, Number, RParen, Ge, Ident, Ne, Text
            ]
        );
    }

    #[test]
    fn rejects_what_is_not_a_token_with_its_span() {
        let err = tokenize("a + đ").err();
        assert_eq!(
            err,
            Some(LexError {
                span: 4..6,
                found: "đ".into()
            })
        );
        assert_eq!(tokenize("1. + a").err().map(|e| e.span), Some(0..2));
        assert_eq!(tokenize("a = b").err().map(|e| e.found), Some("=".into()));
        assert_eq!(tokenize("\"open").err().map(|e| e.span), Some(0..5));
    }

    #[test]
    fn references_skip_functions_and_keywords() {
        let refs = references("if(x > 0 and not y, sum(x, z), 0)").unwrap_or_default();
        let names: Vec<&str> = refs.iter().map(|r| r.name).collect();
        assert_eq!(names, ["x", "y", "x", "z"]);
    }
}
