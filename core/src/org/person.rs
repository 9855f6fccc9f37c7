//! Persons ("cán bộ") and what they answer for: the letters tie every assigned indicator to the
//! head of the unit ("người đứng đầu") and a focal officer ("cán bộ đầu mối"), and a decision
//! to someone entitled to make it. An actor is a person, never a unit.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Duty;

/// A person of the organisation, belonging to one unit, with the duties they hold there.
///
/// ```
/// use chiso::org::{Duty, Person};
/// let p: Person = serde_json::from_str(r#"{"id": "dn_dau_moi", "name": "Trần Thị B",
///     "unit": "DN", "duties": ["focal_officer"]}"#).unwrap();
/// assert!(p.has(Duty::FocalOfficer) && !p.has(Duty::Approver));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Identifier, unique among persons (the account a portal maps a login to).
    pub id: String,
    /// Full name, as printed in reports.
    pub name: String,
    /// The unit the person belongs to.
    pub unit: String,
    /// What the person does there.
    pub duties: Vec<Duty>,
}

impl Person {
    /// Whether the person holds `duty` (the head holds every duty but viewing only).
    pub fn has(&self, duty: Duty) -> bool {
        self.duties.contains(&duty) || (duty != Duty::Viewer && self.duties.contains(&Duty::Head))
    }
}

/// An office that acts for a unit in assigning (a steering committee's standing office, "văn
/// phòng thường trực"): its approvers assign as if they were the unit's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delegation {
    /// The office.
    pub office: String,
    /// The unit it acts for.
    pub acts_for: String,
}

/// The head of a unit as a report names them ("người đứng đầu"): who answers for the unit's
/// indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Head {
    /// The person's identifier.
    pub person: String,
    /// Their full name.
    pub name: String,
}

impl From<&Person> for Head {
    fn from(person: &Person) -> Self {
        Head {
            person: person.id.clone(),
            name: person.name.clone(),
        }
    }
}
