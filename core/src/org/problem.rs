//! The problems of the organisation (units and the assignments between them), each declared
//! once: the code on the variant, the messages in both languages side by side.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use crate::Text;
use crate::problem::Problem;

/// A problem found in the organisation: its units and the assignments between them.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum OrgProblem {
    /// An assigned item the catalogue no longer holds, and no indicator replaces.
    #[strum(serialize = "assignment.item_gone")]
    AssignedItemGone {
        /// The item.
        item: String,
        /// The catalogue version.
        version: String,
    },
    /// An assignment whose last period ends before its first begins.
    #[strum(serialize = "assignment.reversed")]
    AssignmentReversed {
        /// The first period.
        from: String,
        /// The last period.
        to: String,
    },
    /// An assignment overlapping an earlier one of the same unit and item.
    #[strum(serialize = "assignment.overlap")]
    AssignmentOverlap {
        /// The unit.
        unit: String,
        /// The item.
        item: String,
        /// The earlier assignment: a file's row (`/3`) or a ledger's entry (`ledger#12`).
        other: String,
    },
    /// An assignment without a focal officer of its unit.
    #[strum(serialize = "assignment.focal_officer")]
    AssignmentFocalOfficer {
        /// The focal officer named.
        person: String,
        /// The unit.
        unit: String,
    },
    /// An assignment not made by a unit above the one assigned.
    #[strum(serialize = "assignment.not_from_above")]
    AssignmentNotFromAbove {
        /// The assigning unit.
        by: String,
        /// The unit assigned.
        unit: String,
    },
    /// A unit with two heads in the organisation chart.
    #[strum(serialize = "org.two_heads")]
    TwoHeads {
        /// The unit.
        unit: String,
        /// Where its first head is.
        first: String,
    },
    /// A unit id that is not in the organisation tree.
    #[strum(serialize = "org.unknown_unit")]
    UnknownUnit {
        /// The id as written.
        unit: String,
    },
    /// A unit that is, through its parents, its own ancestor.
    #[strum(serialize = "org.cycle")]
    UnitCycle {
        /// The unit.
        unit: String,
    },
}

impl Problem for OrgProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::AssignedItemGone { item, version } => Text::new(
                format!(
                    "Chỉ số được giao `{item}` không còn trong bộ chỉ số phiên bản {version} và không có chỉ số nào khai báo thay thế nó."
                ),
                format!(
                    "The assigned item `{item}` is not in catalogue version {version}, and no indicator replaces it (`replaces`)."
                ),
            ),
            Self::UnknownUnit { unit } => Text::new(
                format!("Không có đơn vị `{unit}` trong cây tổ chức."),
                format!("There is no unit `{unit}` in the organisation tree."),
            ),
            Self::TwoHeads { unit, first } => Text::new(
                {
                    format!("Đơn vị `{unit}` có hai người đứng đầu (người thứ nhất ở {first}).")
                },
                format!("Unit `{unit}` has two heads (the first at {first})."),
            ),
            Self::AssignmentReversed { from, to } => Text::new(
                format!("Kỳ kết thúc {to} đứng trước kỳ bắt đầu {from}."),
                format!("The last period {to} comes before the first, {from}."),
            ),
            Self::AssignmentOverlap { unit, item, other } => Text::new(
                {
                    format!(
                        "`{item}` đã được giao cho `{unit}` trong cùng thời gian (xem {other})."
                    )
                },
                format!(
                    "`{item}` is already assigned to `{unit}` for some of these periods (see {other})."
                ),
            ),
            Self::AssignmentFocalOfficer { person, unit } => Text::new(
                format!(
                    "`{person}` không phải cán bộ đầu mối của `{unit}`: mỗi chỉ tiêu được giao phải gắn với một cán bộ đầu mối của đơn vị."
                ),
                format!(
                    "`{person}` is not a focal officer of `{unit}`: every assigned item is tied to one."
                ),
            ),
            Self::AssignmentNotFromAbove { by, unit } => Text::new(
                {
                    format!(
                        "`{by}` không phải đơn vị cấp trên của `{unit}` nên không được giao chỉ tiêu."
                    )
                },
                format!("`{by}` is not above `{unit}`, so it cannot assign to it."),
            ),
            Self::UnitCycle { unit } => Text::new(
                {
                    format!(
                        "Đơn vị `{unit}` là cấp trên của chính nó (vòng lặp trong cây tổ chức)."
                    )
                },
                format!("Unit `{unit}` is above itself (a loop in the organisation tree)."),
            ),
        }
    }
}
