//! What changed between two versions of a catalogue, field by field.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Catalogue;
use crate::json;

/// The differences between two catalogue versions.
///
/// ```
/// use chiso::{Catalogue, catalogue::diff};
/// let old = Catalogue::nq57();
/// let mut new = old.clone();
/// new.version = "2026.09".into();
/// new.indicators[0].precision += 1;
/// let d = diff(&old, &new);
/// assert_eq!(d.indicators.changed[0].fields[0].path, "/precision");
/// assert_eq!(d.catalogue[0].path, "/version");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueDiff {
    /// The old version label.
    pub from_version: String,
    /// The new version label.
    pub to_version: String,
    /// Changes to the catalogue's own fields, agencies and groups.
    pub catalogue: Vec<FieldChange>,
    /// Data elements added, removed and changed.
    pub data_elements: Change,
    /// Indicators added, removed and changed.
    pub indicators: Change,
}

/// Items added, removed and changed, matched by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// Codes only in the new version, in its order.
    pub added: Vec<String>,
    /// Codes only in the old version, in its order.
    pub removed: Vec<String>,
    /// Items in both whose fields differ, in the new version's order.
    pub changed: Vec<ItemChange>,
}

/// The field changes of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    /// The item's code.
    pub code: String,
    /// What changed.
    pub fields: Vec<FieldChange>,
}

/// One value that differs: where, what it was, and what it is. A missing side was absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    /// JSON Pointer within the item (or the catalogue).
    pub path: String,
    /// The old value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

impl CatalogueDiff {
    /// Whether the two versions have the same content.
    pub fn is_empty(&self) -> bool {
        self.catalogue.is_empty() && self.data_elements.is_empty() && self.indicators.is_empty()
    }

    /// The diff as JSON (two-space indent, a final newline).
    pub fn to_json(&self) -> String {
        json::to_pretty(self)
    }
}

impl Change {
    /// Whether nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Compares two catalogue versions.
pub fn diff(old: &Catalogue, new: &Catalogue) -> CatalogueDiff {
    let mut catalogue = Vec::new();
    let (mut old_head, mut new_head) = (json::to_value(old), json::to_value(new));
    for value in [&mut old_head, &mut new_head] {
        if let Value::Object(map) = value {
            map.remove("data_elements");
            map.remove("indicators");
            map.remove("$schema");
        }
    }
    compare(
        String::new(),
        Some(&old_head),
        Some(&new_head),
        &mut catalogue,
    );
    CatalogueDiff {
        from_version: old.version.clone(),
        to_version: new.version.clone(),
        catalogue,
        data_elements: changes(&old.data_elements, &new.data_elements, |d| &d.code),
        indicators: changes(&old.indicators, &new.indicators, |i| &i.code),
    }
}

fn changes<T: Serialize>(old: &[T], new: &[T], code: impl Fn(&T) -> &String) -> Change {
    let find = |items: &'_ [T], c: &String| items.iter().find(|i| code(i) == c).map(json::to_value);
    let mut change = Change::default();
    for item in new {
        match find(old, code(item)) {
            None => change.added.push(code(item).clone()),
            Some(before) => {
                let mut fields = Vec::new();
                compare(
                    String::new(),
                    Some(&before),
                    Some(&json::to_value(item)),
                    &mut fields,
                );
                if !fields.is_empty() {
                    change.changed.push(ItemChange {
                        code: code(item).clone(),
                        fields,
                    });
                }
            }
        }
    }
    change.removed = old
        .iter()
        .filter(|i| !new.iter().any(|n| code(n) == code(i)))
        .map(|i| code(i).clone())
        .collect();
    change
}

/// Walks two JSON trees side by side, recording each leaf (or whole subtree present on one
/// side only) that differs. Object keys come sorted, so the output is deterministic.
fn compare(path: String, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                compare(
                    format!("{path}/{}", json::escape(key)),
                    a.get(key),
                    b.get(key),
                    out,
                );
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for i in 0..a.len().max(b.len()) {
                compare(format!("{path}/{i}"), a.get(i), b.get(i), out);
            }
        }
        (a, b) if a != b => out.push(FieldChange {
            path,
            old: a.cloned(),
            new: b.cloned(),
        }),
        _ => {}
    }
}
