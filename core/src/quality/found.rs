//! A finding as the checks find it: the flaw and where, not yet worded. The full report words
//! each one in both languages; the evaluation's summary only counts them and lists its gaps,
//! and words none.

use super::flaw::FlawKind;
use super::{Dimension, Flaw, QualityFinding};
use crate::Severity;
use crate::period::Period;

/// One flaw on an item in a period, with the revision concerned. The flaw's details are kept
/// only when the findings are to be worded: an evaluation judges hundreds of thousands of
/// items, and formatting every value, period and deadline it never prints was most of what
/// its summaries allocated. Boxed when kept: a vector of them inline outgrows the allocator's
/// pages it reuses (each unit then pays for fresh, zeroed memory).
#[derive(Debug, Clone)]
pub(crate) struct Found<'q> {
    pub kind: FlawKind,
    /// The flaw with its details, in a judgement asked for in detail.
    pub flaw: Option<Box<Flaw>>,
    pub item: &'q str,
    pub period: Period,
    pub revision: Option<u64>,
}

impl Found<'_> {
    /// Its stable code.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    pub fn dimension(&self) -> Dimension {
        self.kind.dimension()
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
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

    /// The finding worded in both languages; `None` for a finding judged without its details.
    pub fn worded(&self) -> Option<QualityFinding> {
        let flaw = self.flaw.as_deref()?;
        Some(QualityFinding::new(
            flaw,
            self.item,
            self.period,
            self.revision,
        ))
    }
}
