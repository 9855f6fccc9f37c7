use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// A unit of the organisation tree: a steering body, ministry, province, commune, party
/// committee or department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Identifier, unique in the tree.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What kind of body it is.
    pub kind: UnitKind,
    /// The unit it reports to; none for a root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The units merged to form it ("hợp nhất"), kept in the tree for their history: where the
    /// unit has no value of its own for a period before the merger, an evaluation scores it on
    /// the mean of theirs (the DTI 2024 precedent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<String>,
}

/// What kind of body a unit is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum UnitKind {
    /// A steering committee or central office ("Ban Chỉ đạo", "Văn phòng").
    Central,
    /// A ministry or ministry-level agency ("bộ, cơ quan ngang bộ").
    Ministry,
    /// A province or centrally-run city ("tỉnh, thành phố").
    Province,
    /// A commune or ward ("xã, phường, đặc khu").
    Commune,
    /// A party committee or organisation ("cấp ủy, tổ chức đảng").
    PartyCommittee,
    /// A department of a ministry or province ("sở, ban, ngành").
    Department,
    /// Any other body.
    Other,
}

impl UnitKind {
    /// Its name in both languages (as the [vocabulary](crate::vocabulary) lists it).
    pub fn label(self) -> crate::Text {
        use crate::Text;
        match self {
            UnitKind::Central => Text::new("Cơ quan Trung ương", "Central body"),
            UnitKind::Ministry => Text::new("Bộ, cơ quan ngang bộ", "Ministry"),
            UnitKind::Province => Text::new("Tỉnh, thành phố", "Province or city"),
            UnitKind::Commune => Text::new("Xã, phường, đặc khu", "Commune or ward"),
            UnitKind::PartyCommittee => Text::new("Cấp ủy, tổ chức đảng", "Party committee"),
            UnitKind::Department => Text::new("Sở, ban, ngành", "Department"),
            UnitKind::Other => Text::new("Đơn vị khác", "Other body"),
        }
    }
}

/// A named set of units ranked against each other (ministries apart from provinces).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeerGroup {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: Text,
    /// The member units' ids.
    pub members: Vec<String>,
}
