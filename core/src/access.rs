//! The words of the access policy: what a person does in their unit ([`Duty`]) and why a
//! request is refused ([`Denial`]). They sit at the base, below the organisation that decides
//! requests, because the one error type carries a refusal ([`Error::Denied`](crate::Error::Denied)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// What a person does in their unit ("chức trách").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// The head of the unit ("người đứng đầu"): answers for every indicator assigned to it,
    /// and may do what a focal officer and an approver do.
    Head,
    /// Reports and explains the unit's values ("cán bộ đầu mối").
    FocalOfficer,
    /// Approves or returns the values of units below, and assigns to them ("lãnh đạo phê duyệt").
    Approver,
    /// Reads only ("xem").
    Viewer,
}

impl Duty {
    /// The duty's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Duty::Head => Text::new("người đứng đầu", "head"),
            Duty::FocalOfficer => Text::new("cán bộ đầu mối", "focal officer"),
            Duty::Approver => Text::new("người phê duyệt", "approver"),
            Duty::Viewer => Text::new("người xem", "viewer"),
        }
    }
}

/// Why a request is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Denial {
    /// The acting or named unit is not in the tree.
    UnknownUnit {
        /// The id.
        unit: String,
    },
    /// A unit may report only for itself.
    // The default only fills the error registry's blank examples.
    #[default]
    NotOwnUnit,
    /// The item is not assigned to the unit for that period.
    NotAssigned,
    /// Only a unit above may approve or return; never the submitting unit itself.
    NotAbove,
    /// A unit may assign only to units below it.
    NotBelow,
    /// A unit may assign only items it holds itself (a root holds every item).
    NotHeld,
    /// A unit may read only itself and the units below it.
    OutsideSubtree,
    /// The actor is not a person of the organisation chart (which names persons, so every
    /// actor must be one).
    UnknownPerson {
        /// The id given.
        person: String,
    },
    /// The person does not hold the duty the action needs.
    MissingDuty {
        /// The duty needed.
        duty: Duty,
    },
    /// A person never decides on their own submission.
    OwnSubmission,
    /// The person assigns in the name of a unit that is neither theirs nor one their office
    /// acts for by delegation.
    NotForUnit,
    /// The action is signed by someone other than the person acting (`submitted_by`, `by`).
    SignedByAnother {
        /// The name the action carries.
        signed: String,
    },
}

impl Denial {
    /// The reason in both languages.
    pub fn label(&self) -> crate::Text {
        use crate::Text;
        match self {
            Denial::UnknownUnit { unit } => Text::new(
                format!("không có đơn vị `{unit}`"),
                format!("there is no unit `{unit}`"),
            ),
            Denial::NotOwnUnit => Text::new(
                "chỉ được báo cáo cho chính đơn vị mình",
                "a unit reports only for itself",
            ),
            Denial::NotAssigned => Text::new(
                "chỉ tiêu chưa được giao cho đơn vị trong kỳ này",
                "the item is not assigned to the unit for this period",
            ),
            Denial::NotAbove => Text::new(
                "chỉ đơn vị cấp trên được phê duyệt hoặc trả lại, không phải chính đơn vị gửi",
                "only a unit above may approve or return, never the submitting unit",
            ),
            Denial::NotBelow => Text::new(
                "chỉ được giao cho đơn vị cấp dưới",
                "a unit assigns only to units below it",
            ),
            Denial::NotHeld => Text::new(
                "chỉ được giao chỉ tiêu mà đơn vị mình đang giữ",
                "a unit assigns only items it holds itself",
            ),
            Denial::OutsideSubtree => Text::new(
                "chỉ được xem đơn vị mình và cấp dưới",
                "a unit reads only itself and the units below it",
            ),
            Denial::UnknownPerson { person } => Text::new(
                format!("không có cán bộ `{person}` trong sơ đồ tổ chức"),
                format!("there is no person `{person}` in the organisation chart"),
            ),
            Denial::MissingDuty { duty } => {
                let duty = duty.label();
                Text::new(
                    format!("thao tác này cần chức trách {}", duty.vi),
                    format!("this needs the duty of {}", duty.en),
                )
            }
            Denial::OwnSubmission => Text::new(
                "không ai được phê duyệt hoặc trả lại số liệu do chính mình gửi",
                "no one approves or returns their own submission",
            ),
            Denial::NotForUnit => Text::new(
                "chỉ được giao chỉ tiêu nhân danh đơn vị mình hoặc đơn vị được ủy quyền",
                "a person assigns only in the name of their unit or one it acts for by delegation",
            ),
            Denial::SignedByAnother { signed } => Text::new(
                format!("thao tác ghi tên `{signed}`, không phải người đang thực hiện"),
                format!("the action is signed `{signed}`, not by the person acting"),
            ),
        }
    }
}
