use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// A node of the catalogue's group tree: a pillar ("trụ cột") or a sub-group within it.
/// Indicators name the group they belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Code, unique across the catalogue.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Sub-groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Group>,
}

impl Group {
    /// This group or the first group below it with the code.
    pub fn find(&self, code: &str) -> Option<&Group> {
        if self.code == code {
            return Some(self);
        }
        self.children.iter().find_map(|child| child.find(code))
    }

    /// This group and every group below it, depth first, each with its JSON pointer.
    pub(crate) fn walk<'a>(&'a self, path: &str, out: &mut Vec<(String, &'a Group)>) {
        out.push((path.to_owned(), self));
        for (i, child) in self.children.iter().enumerate() {
            child.walk(&format!("{path}/children/{i}"), out);
        }
    }
}
