//! A batch's rows, shared: an import of millions of rows is cut into many batch entries, and
//! each holds its run of the one vector the rows arrived in instead of a copy of it (copying
//! them was most of a national import's time, in fresh pages the kernel had to zero).

use std::ops::{Deref, DerefMut, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Submission;

/// The rows of one batch: a run of a vector shared with the other batches of its import.
/// Reads as a slice of [`Submission`]s; changing one (only a test tampering with a ledger
/// does) first gives the batch rows of its own.
///
/// ```
/// use chiso::ledger::BatchRows;
/// let rows = BatchRows::from(Vec::new());
/// assert!(rows.is_empty());
/// ```
#[derive(Clone, Default)]
pub struct BatchRows {
    all: Arc<Vec<Submission>>,
    range: Range<usize>,
}

impl BatchRows {
    /// `all` cut into the runs `ranges` (each within it), sharing it.
    pub(crate) fn cut(all: Vec<Submission>, ranges: &[Range<usize>]) -> Vec<BatchRows> {
        let all = Arc::new(all);
        ranges
            .iter()
            .map(|range| BatchRows {
                all: Arc::clone(&all),
                range: range.start.min(all.len())..range.end.min(all.len()),
            })
            .collect()
    }
}

impl From<Vec<Submission>> for BatchRows {
    fn from(rows: Vec<Submission>) -> Self {
        let range = 0..rows.len();
        BatchRows {
            all: Arc::new(rows),
            range,
        }
    }
}

impl Deref for BatchRows {
    type Target = [Submission];

    fn deref(&self) -> &[Submission] {
        self.all.get(self.range.clone()).unwrap_or_default()
    }
}

impl DerefMut for BatchRows {
    fn deref_mut(&mut self) -> &mut [Submission] {
        if Arc::get_mut(&mut self.all).is_none() {
            *self = BatchRows::from(self.to_vec());
        }
        let range = self.range.clone();
        Arc::get_mut(&mut self.all)
            .and_then(|all| all.get_mut(range))
            .unwrap_or_default()
    }
}

impl PartialEq for BatchRows {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for BatchRows {}

impl std::fmt::Debug for BatchRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for BatchRows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for BatchRows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Submission>::deserialize(deserializer).map(BatchRows::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(n: u32) -> Submission {
        serde_json::from_value(serde_json::json!({"unit": "DN", "item": "B01",
            "period": format!("2026-{n:02}"), "value": {"number": n.to_string()},
            "source": {"kind": "form"}, "submitted_by": "x",
            "submitted_at": "2026-06-02T09:00:00"}))
        .unwrap()
    }

    #[test]
    fn runs_share_one_vector_and_read_as_their_own_rows() {
        let all: Vec<Submission> = (1..=5).map(row).collect();
        let runs = BatchRows::cut(all.clone(), &[0..2, 2..5]);
        assert_eq!(&*runs[0], &all[..2]);
        assert_eq!(&*runs[1], &all[2..]);
        assert!(Arc::ptr_eq(&runs[0].all, &runs[1].all));
        assert_eq!(runs[1], BatchRows::from(all[2..].to_vec()));
        // Written as the list of its rows, and read back the same.
        let json = serde_json::to_string(&runs[1]).unwrap();
        assert_eq!(json, serde_json::to_string(&all[2..]).unwrap());
        assert_eq!(serde_json::from_str::<BatchRows>(&json).unwrap(), runs[1]);
    }

    #[test]
    fn changing_a_shared_run_leaves_the_others_as_they_were() {
        let all: Vec<Submission> = (1..=4).map(row).collect();
        let mut runs = BatchRows::cut(all.clone(), &[0..2, 2..4]);
        runs[1][0].submitted_by = "ai_do".into();
        assert_eq!(runs[1][0].submitted_by, "ai_do");
        assert_eq!(runs[1].len(), 2);
        assert_eq!(&*runs[0], &all[..2]);
        assert!(!Arc::ptr_eq(&runs[0].all, &runs[1].all));
    }
}
