//! Codes interned once: each unit id or item code gets a dense number the first time it is
//! seen, so the columns hold and compare numbers, and a string is hashed once per lookup at
//! the edge, never per cell.

use rustc_hash::FxHashMap;

/// A code's number among the [`Codes`] that interned it.
pub type CodeId = u32;

/// Codes and their numbers, both ways.
#[derive(Debug, Clone, Default)]
pub struct Codes {
    names: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, CodeId>,
}

impl Codes {
    /// The number of `code`, if it was interned.
    pub fn id(&self, code: &str) -> Option<CodeId> {
        self.ids.get(code).copied()
    }

    /// The number of `code`, interning it the first time.
    pub fn intern(&mut self, code: &str) -> CodeId {
        if let Some(&id) = self.ids.get(code) {
            return id;
        }
        // More than four billion distinct codes cannot come from one ledger in memory.
        let id = CodeId::try_from(self.names.len()).unwrap_or(CodeId::MAX);
        self.names.push(code.into());
        self.ids.insert(code.into(), id);
        id
    }

    /// The code numbered `id` (empty for a number never given).
    pub fn name(&self, id: CodeId) -> &str {
        usize::try_from(id)
            .ok()
            .and_then(|i| self.names.get(i))
            .map_or("", |name| name)
    }

    /// How many codes are interned.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::Codes;

    #[test]
    fn a_code_keeps_its_number_and_reads_back() {
        let mut codes = Codes::default();
        let dn = codes.intern("DN");
        let hn = codes.intern("HN");
        assert_ne!(dn, hn);
        assert_eq!(codes.intern("DN"), dn);
        assert_eq!(codes.id("HN"), Some(hn));
        assert_eq!(codes.id("HP"), None);
        assert_eq!(codes.name(hn), "HN");
        assert_eq!(codes.name(99), "");
        assert_eq!(codes.len(), 2);
    }
}
