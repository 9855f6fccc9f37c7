//! Organisation: the tree of units, the peer groups they are ranked in, the assignment of
//! items to units ("giao chỉ số"), and the access policy that follows from them.

mod assignment;
mod assignment_check;
mod expand;
mod expanded;
mod person;
mod policy;
mod problem;
mod setup;
mod tree;
mod unit;

pub use crate::access::{Denial, Duty};
pub use assignment::{Assignment, Role, assignments_from_json};
pub use assignment_check::check_assignments;
pub(crate) use assignment_check::{Earlier, assignment_findings};
pub use expand::expand;
pub(crate) use expanded::{Assigned, Expanded};
pub use person::{Delegation, Head, Person};
pub use policy::{Policy, Refusal, Request};
pub use problem::OrgProblem;
pub(crate) use setup::Setup;
pub use tree::{OrgChart, OrgTree};
pub use unit::{PeerGroup, Unit, UnitKind};
