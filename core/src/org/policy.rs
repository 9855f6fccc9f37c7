//! The access policy: who may assign, submit, approve, return and read, from the tree and the
//! assignments. Every refusal says why.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Assigned, Assignment, Denial, Duty, Expanded, OrgTree, Person};
use crate::period::Period;
use crate::{Error, Id};

/// An action a unit wants to take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// Give an item to a unit.
    Assign {
        /// The assignment proposed.
        assignment: Assignment,
    },
    /// Report a value of `item` for `period` as `unit`.
    Submit {
        /// The unit reported for.
        unit: String,
        /// The item.
        item: String,
        /// The period.
        #[schemars(with = "String")]
        period: Period,
    },
    /// Approve or return a submission of `unit`.
    Decide {
        /// The unit whose submission it is.
        unit: String,
        /// The person who submitted it, when known: never the one who decides on it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        submitted_by: Option<String>,
    },
    /// Read `unit`'s values.
    Read {
        /// The unit read.
        unit: String,
    },
}

impl Request {
    /// Reads a request from JSON; a problem is [`Error::InvalidInput`] with its path.
    ///
    /// ```
    /// let r = chiso::org::Request::from_json(r#"{"action": "read", "unit": "DN"}"#).unwrap();
    /// assert_eq!(r, chiso::org::Request::Read { unit: "DN".into() });
    /// ```
    pub fn from_json(text: &str) -> Result<Request, Error> {
        crate::json::from_str(text).map_err(|finding| Error::InvalidInput {
            what: crate::InputKind::Request,
            findings: vec![finding],
        })
    }
}

/// A refusal as portals show it: the reason's fields and the reason in both languages.
///
/// ```
/// use chiso::org::{Denial, Refusal};
/// let json = chiso::to_json(&Refusal::from(&Denial::NotAbove));
/// assert!(json.starts_with(r#"{"reason":"not_above","message_vi":"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// The reason.
    #[serde(flatten)]
    pub denial: Denial,
    /// In Vietnamese.
    pub message_vi: String,
    /// In English.
    pub message_en: String,
}

impl From<&Denial> for Refusal {
    fn from(denial: &Denial) -> Self {
        let label = denial.label();
        Refusal {
            denial: denial.clone(),
            message_vi: label.vi,
            message_en: label.en,
        }
    }
}

// Written by hand: derived, the flattened reason beside the two messages is a union and an
// object side by side, which TypeScript declares as two types (`Refusal` and `Refusal1`). Here
// each reason's object carries the messages itself, so a refusal is one tagged union.
impl JsonSchema for Refusal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Refusal".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = Denial::json_schema(generator);
        let message = |lang: &str| serde_json::json!({ "type": "string", "description": lang });
        if let Some(reasons) = schema
            .get_mut("oneOf")
            .and_then(serde_json::Value::as_array_mut)
        {
            for reason in reasons {
                if let Some(properties) = reason
                    .get_mut("properties")
                    .and_then(serde_json::Value::as_object_mut)
                {
                    properties.insert("message_vi".into(), message("In Vietnamese."));
                    properties.insert("message_en".into(), message("In English."));
                }
                if let Some(required) = reason
                    .get_mut("required")
                    .and_then(serde_json::Value::as_array_mut)
                {
                    required.extend(["message_vi".into(), "message_en".into()]);
                }
            }
        }
        schema.insert(
            "description".into(),
            "A refusal as portals show it: the reason's fields and the reason in both languages."
                .into(),
        );
        schema
    }
}

/// The tree and the assignments in force: the facts the policy decides on.
#[derive(Debug, Clone)]
pub struct Policy<'a> {
    tree: &'a OrgTree,
    assignments: InForce<'a>,
    /// Those a ledger made, beside the file's (kept apart so that neither is copied).
    more: &'a [Assignment],
}

/// The file's assignments: a list, or expanded and found by unit.
#[derive(Debug, Clone, Copy)]
enum InForce<'a> {
    Listed(&'a [Assignment]),
    Expanded(&'a Expanded),
}

impl<'a> Policy<'a> {
    /// The policy over `tree` and `assignments`.
    pub fn new(tree: &'a OrgTree, assignments: &'a [Assignment]) -> Self {
        Policy {
            tree,
            assignments: InForce::Listed(assignments),
            more: &[],
        }
    }

    /// The policy over `tree`, the `expanded` assignments and `more` in force beside them.
    pub(crate) fn over(tree: &'a OrgTree, expanded: &'a Expanded, more: &'a [Assignment]) -> Self {
        Policy {
            tree,
            assignments: InForce::Expanded(expanded),
            more,
        }
    }

    /// Every assignment of `unit` in force.
    fn in_force<'u>(&'u self, unit: &'u str) -> impl Iterator<Item = Assigned<'a>> + 'u {
        let listed = move |list: &'a [Assignment]| {
            list.iter()
                .filter(move |a| a.unit == unit)
                .map(|a| Assigned {
                    given: a,
                    item: &a.item,
                })
        };
        let (list, expanded) = match self.assignments {
            InForce::Listed(list) => (Some(listed(list)), None),
            InForce::Expanded(expanded) => (None, Some(expanded.of(unit))),
        };
        list.into_iter()
            .flatten()
            .chain(expanded.into_iter().flatten())
            .chain(listed(self.more))
    }

    /// Whether `actor` may make `request`; a refusal is [`Error::Denied`] with the reason.
    pub fn check<'i>(&self, actor: impl Into<Id<'i>>, request: &Request) -> Result<(), Error> {
        let actor = &*actor.into();
        self.decide(actor, request).map_err(|reason| Error::Denied {
            actor: actor.to_owned(),
            reason,
        })
    }

    fn decide(&self, actor: &str, request: &Request) -> Result<(), Denial> {
        if self.tree.has_persons() {
            let person = self
                .tree
                .person(actor)
                .ok_or_else(|| Denial::UnknownPerson {
                    person: actor.to_owned(),
                })?;
            return self.decide_as(person, request);
        }
        // A chart without persons (an older file): the actor is a unit.
        self.known(actor)?;
        match request {
            Request::Submit { unit, item, period } => {
                self.known(unit)?;
                if actor != unit {
                    return Err(Denial::NotOwnUnit);
                }
                self.assigned(unit, item, *period)
            }
            Request::Decide { unit, .. } => {
                self.known(unit)?;
                if self.tree.is_ancestor(actor, unit) {
                    Ok(())
                } else {
                    Err(Denial::NotAbove)
                }
            }
            Request::Read { unit } => {
                self.known(unit)?;
                if self.tree.is_within(unit, actor) {
                    Ok(())
                } else {
                    Err(Denial::OutsideSubtree)
                }
            }
            Request::Assign { assignment } => {
                self.known(&assignment.unit)?;
                if !self.tree.is_ancestor(actor, &assignment.unit)
                    || assignment.assigned_by != actor
                {
                    return Err(Denial::NotBelow);
                }
                self.holds(actor, &assignment.item)
            }
        }
    }

    /// The rules for a person: their unit's place in the tree, and their duties.
    fn decide_as(&self, person: &Person, request: &Request) -> Result<(), Denial> {
        let own = person.unit.as_str();
        let needs = |duty: Duty| {
            if person.has(duty) {
                Ok(())
            } else {
                Err(Denial::MissingDuty { duty })
            }
        };
        match request {
            Request::Submit { unit, item, period } => {
                self.known(unit)?;
                if own != unit {
                    return Err(Denial::NotOwnUnit);
                }
                needs(Duty::FocalOfficer)?;
                self.assigned(unit, item, *period)
            }
            Request::Decide { unit, submitted_by } => {
                self.known(unit)?;
                needs(Duty::Approver)?;
                if !self.tree.is_ancestor(own, unit) {
                    return Err(Denial::NotAbove);
                }
                if submitted_by.as_deref() == Some(person.id.as_str()) {
                    return Err(Denial::OwnSubmission);
                }
                Ok(())
            }
            Request::Read { unit } => {
                self.known(unit)?;
                if self.tree.is_within(unit, own) {
                    Ok(())
                } else {
                    Err(Denial::OutsideSubtree)
                }
            }
            Request::Assign { assignment } => {
                self.known(&assignment.unit)?;
                needs(Duty::Approver)?;
                let by = assignment.assigned_by.as_str();
                if own != by && !self.tree.acts_for(own, by) {
                    return Err(Denial::NotForUnit);
                }
                if !self.tree.is_ancestor(by, &assignment.unit) {
                    return Err(Denial::NotBelow);
                }
                self.holds(by, &assignment.item)
            }
        }
    }

    fn assigned(&self, unit: &str, item: &str, period: Period) -> Result<(), Denial> {
        let assigned = self
            .in_force(unit)
            .any(|a| a.item == item && a.covers(period));
        if assigned {
            Ok(())
        } else {
            Err(Denial::NotAssigned)
        }
    }

    /// A unit assigns only items it holds (a root holds every item).
    fn holds(&self, unit: &str, item: &str) -> Result<(), Denial> {
        let is_root = self.tree.unit(unit).is_some_and(|u| u.parent.is_none());
        let holds = self.in_force(unit).any(|a| a.item == item);
        if is_root || holds {
            Ok(())
        } else {
            Err(Denial::NotHeld)
        }
    }

    fn known(&self, unit: &str) -> Result<(), Denial> {
        match self.tree.unit(unit) {
            Some(_) => Ok(()),
            None => Err(Denial::UnknownUnit {
                unit: unit.to_owned(),
            }),
        }
    }
}
