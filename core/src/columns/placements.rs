//! Where each revision went, by sequence number. Revisions are read in the ledger's order, so
//! their numbers arrive rising and are kept in a vector searched by halves: a map of a
//! national ledger's millions of revisions took twice the memory and rehashed as it grew. A
//! number that does not rise (only a hand-built ledger has one) is kept in a map beside it.

use rustc_hash::FxHashMap;

/// Values by sequence number, for numbers that mostly arrive rising.
#[derive(Debug, Clone)]
pub(super) struct Placements<T> {
    rising: Vec<(u64, T)>,
    others: FxHashMap<u64, T>,
}

impl<T> Default for Placements<T> {
    fn default() -> Self {
        Placements {
            rising: Vec::new(),
            others: FxHashMap::default(),
        }
    }
}

impl<T: Copy> Placements<T> {
    /// Room for `more` numbers.
    pub fn reserve(&mut self, more: usize) {
        self.rising.reserve(more);
    }

    /// Records `value` for `sequence`, replacing what it had.
    pub fn insert(&mut self, sequence: u64, value: T) {
        match self.rising.last() {
            Some((last, _)) if *last >= sequence => {
                self.others.insert(sequence, value);
            }
            _ => self.rising.push((sequence, value)),
        }
    }

    /// The value of `sequence`, the last recorded for it.
    pub fn get(&self, sequence: u64) -> Option<T> {
        if let Some(value) = self.others.get(&sequence) {
            return Some(*value);
        }
        if let Some((last, value)) = self.rising.last()
            && *last == sequence
        {
            return Some(*value); // the revision just read, decided at once in a batch
        }
        self.rising
            .binary_search_by_key(&sequence, |(s, _)| *s)
            .ok()
            .and_then(|i| self.rising.get(i))
            .map(|(_, value)| *value)
    }
}

#[cfg(test)]
mod tests {
    use super::Placements;

    #[test]
    fn numbers_rising_or_not_read_back_as_a_map_would() {
        let mut placed = Placements::default();
        let mut map = std::collections::HashMap::new();
        for (sequence, value) in [(1, 'a'), (3, 'b'), (7, 'c'), (5, 'd'), (3, 'e'), (9, 'f')] {
            placed.insert(sequence, value);
            map.insert(sequence, value);
        }
        placed.insert(5, 'g');
        map.insert(5, 'g');
        for sequence in 0..12 {
            assert_eq!(
                placed.get(sequence),
                map.get(&sequence).copied(),
                "{sequence}"
            );
        }
    }
}
