//! Unicode normalisation. Vietnamese arrives both composed (`ệ` as one code point, what most
//! keyboards send) and decomposed (`e` + `̣` + `̂`, what macOS file names and some older input
//! methods send); the two look identical and must compare equal. chiso reads every input in
//! NFC and so writes NFC.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

/// `text` in Unicode Normalization Form C, borrowed when it already is (always for ASCII).
///
/// ```
/// let decomposed = "Vie\u{0323}\u{0302}t Nam";
/// assert_eq!(chiso::nfc(decomposed), "Việt Nam");
/// assert!(matches!(chiso::nfc("Việt Nam"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn nfc(text: &str) -> Cow<'_, str> {
    if is_normalized(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// An id a caller passes (a unit, a person, a peer group). Ids compare in NFC, as JSON input
/// is read, so an `Id` puts itself in NFC when it is made: every entry point that takes one
/// takes `impl Into<Id>`, and none can forget to (a decomposed "Đồng Nai" from a keyboard
/// that composes differently finds the same unit).
///
/// ```
/// use chiso::Id;
/// let decomposed = Id::from("Đo\u{0302}\u{0300}ng Nai");
/// assert_eq!(decomposed.as_str(), "Đồng Nai");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Id<'a>(Cow<'a, str>);

impl Id<'_> {
    /// The id, in NFC.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Id<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Id<'a> {
    fn from(id: &'a str) -> Self {
        Id(nfc(id))
    }
}

impl<'a> From<&'a String> for Id<'a> {
    fn from(id: &'a String) -> Self {
        Id(nfc(id))
    }
}

/// `value` with every text in NFC, when one was not (`None` when all were): through its JSON,
/// because NFC leaves JSON's ASCII syntax alone, so the normalised text reads back.
pub(crate) fn in_nfc<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> Option<T> {
    let text = serde_json::to_string(value).ok()?;
    match nfc(&text) {
        Cow::Borrowed(_) => None,
        Cow::Owned(normal) => serde_json::from_str(&normal).ok(),
    }
}

/// Whether `text` is already NFC: the quick check first (a single pass, no allocation), the
/// full check only when it cannot tell.
pub(crate) fn is_normalized(text: &str) -> bool {
    text.is_ascii()
        || match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => true,
            IsNormalized::No => false,
            IsNormalized::Maybe => is_nfc(text),
        }
}

/// Whether the quick check alone says `text` is NFC (no for "maybe"); ASCII is, unread.
pub(crate) fn is_quick_nfc(text: &str) -> bool {
    text.is_ascii() || matches!(is_nfc_quick(text.chars()), IsNormalized::Yes)
}

/// Normalises every string and object key in `value` to NFC; whether anything changed.
pub(crate) fn nfc_value(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if let Cow::Owned(normal) = nfc(s) {
                *s = normal;
                true
            } else {
                false
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, v| nfc_value(v) | changed),
        Value::Object(map) => {
            let mut changed = false;
            let entries = std::mem::take(map);
            for (key, mut v) in entries {
                changed |= nfc_value(&mut v);
                let key = match nfc(&key) {
                    Cow::Owned(normal) => {
                        changed = true;
                        normal
                    }
                    Cow::Borrowed(_) => key,
                };
                map.insert(key, v);
            }
            changed
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}
