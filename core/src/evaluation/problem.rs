//! The problems of a scoring scheme, each declared once: the code on the variant, the messages
//! in both languages side by side.

use strum::{EnumIter, EnumMessage, IntoStaticStr};

use crate::Text;
use crate::problem::Problem;

/// A problem found in a scoring scheme.
#[derive(Debug, Clone, PartialEq, Eq, IntoStaticStr, EnumIter, EnumMessage)]
#[non_exhaustive]
pub enum SchemeProblem {
    /// An evaluation scheme's setting outside what it can take.
    #[strum(serialize = "scheme.out_of_range")]
    SchemeOutOfRange {
        /// The setting.
        field: &'static str,
        /// What it can take, in both languages.
        expected: crate::Text,
    },
}

impl Problem for SchemeProblem {
    fn code(&self) -> &'static str {
        self.into()
    }

    #[allow(clippy::too_many_lines)] // one arm per problem, both languages side by side
    fn message(&self) -> Text {
        match self {
            Self::SchemeOutOfRange { field, expected } => Text::new(
                {
                    format!(
                        "Thiết lập `{field}` của phương pháp đánh giá phải là {}.",
                        expected.vi
                    )
                },
                format!("The evaluation scheme's `{field}` must be {}.", expected.en),
            ),
        }
    }
}
