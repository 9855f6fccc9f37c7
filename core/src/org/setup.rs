//! What a reporting round is checked against, lent to the stages that read it: the
//! catalogue, the organisation tree, the assignments (each computed indicator's inputs
//! included), the reporting calendar and the catalogue's facts of each item.
//!
//! Each stage above the organisation (the quality checks, the evaluation, the form) takes a
//! [`Setup`] as its explicit input, never the [`Reporting`](crate::Reporting) façade that owns
//! one, so that it can be run, and tested, from its parts.

use rustc_hash::FxHashMap;

use super::{Assigned, Expanded, OrgTree};
use crate::catalogue::{Catalogue, Facts};
use crate::period::ReportingCalendar;

/// A reporting round's set-up, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setup<'a> {
    pub(crate) catalogue: &'a Catalogue,
    pub(crate) tree: &'a OrgTree,
    /// The assignments with each computed indicator's inputs, by unit.
    pub(crate) expanded: &'a Expanded,
    pub(crate) calendar: &'a ReportingCalendar,
    /// The facts of each item the checks read, derived once from the catalogue.
    pub(crate) facts: &'a FxHashMap<String, Facts>,
}

impl<'a> Setup<'a> {
    /// The catalogue.
    pub(crate) fn catalogue(&self) -> &'a Catalogue {
        self.catalogue
    }

    /// The organisation tree.
    pub(crate) fn tree(&self) -> &'a OrgTree {
        self.tree
    }

    /// Every expanded assignment.
    pub(crate) fn expanded(&self) -> impl Iterator<Item = Assigned<'a>> + use<'a> {
        self.expanded.all()
    }

    /// The expanded assignments of `unit`, in their order.
    pub(crate) fn expanded_of(&self, unit: &str) -> impl Iterator<Item = Assigned<'a>> + Clone {
        self.expanded.of(unit)
    }
}
