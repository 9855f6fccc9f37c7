//! A finding as the checks find it: the flaw and where, not yet worded. The full report words
//! each one in both languages; the evaluation's summary only counts them and lists its gaps,
//! and words none.

use super::{Dimension, Flaw, QualityFinding};
use crate::Severity;
use crate::period::Period;

/// One flaw on an item in a period, with the revision concerned. The flaw is boxed: a unit
/// has hundreds of findings, and a vector of them inline outgrows the allocator's pages it
/// reuses (each unit then pays for fresh, zeroed memory).
#[derive(Debug, Clone)]
pub(crate) struct Found<'q> {
    pub flaw: Box<Flaw>,
    pub item: &'q str,
    pub period: Period,
    pub revision: Option<u64>,
}

impl Found<'_> {
    /// Its stable code.
    pub fn code(&self) -> &'static str {
        self.flaw.code()
    }

    pub fn dimension(&self) -> Dimension {
        self.flaw.dimension()
    }

    pub fn severity(&self) -> Severity {
        self.flaw.severity()
    }

    /// The order findings are listed in: by item, period, dimension, code and revision.
    pub fn order(&self) -> (&str, Period, Dimension, &'static str, Option<u64>) {
        (
            self.item,
            self.period,
            self.dimension(),
            self.code(),
            self.revision,
        )
    }

    /// The finding worded in both languages.
    pub fn worded(&self) -> QualityFinding {
        QualityFinding::new(&self.flaw, self.item, self.period, self.revision)
    }
}
