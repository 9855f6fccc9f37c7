use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Text;

/// The governance layer an indicator belongs to ("lớp chỉ số"), per Công văn 3158-CV/VPTW.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Layer {
    /// Lớp A: steering at central level (national strategic indicators).
    A,
    /// Lớp B: management at ministry, sector and locality level.
    B,
    /// Lớp C: in-depth monitoring by field; units analyse and explain these when off track.
    C,
}

impl Layer {
    /// The three layers in order.
    pub const ALL: [Layer; 3] = [Layer::A, Layer::B, Layer::C];

    /// The layer as the catalogue writes it (`a`, `b`, `c`).
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::A => "a",
            Layer::B => "b",
            Layer::C => "c",
        }
    }

    /// The layer's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Layer::A => Text::new(
                "Lớp A – chỉ đạo ở cấp Trung ương",
                "Layer A – central steering",
            ),
            Layer::B => Text::new(
                "Lớp B – quản trị ở cấp bộ, ngành, địa phương",
                "Layer B – ministry, sector and locality management",
            ),
            Layer::C => Text::new(
                "Lớp C – theo dõi chuyên sâu theo lĩnh vực",
                "Layer C – in-depth monitoring by field",
            ),
        }
    }
}

impl std::str::FromStr for Layer {
    type Err = crate::Error;

    /// Reads a layer as the catalogue writes it (`a`, `b`, `c`).
    ///
    /// ```
    /// use chiso::catalogue::Layer;
    /// assert_eq!("b".parse::<Layer>().unwrap(), Layer::B);
    /// assert_eq!("d".parse::<Layer>().unwrap_err().code(), "argument.invalid");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::json::parse_word(s, "layer")
    }
}
