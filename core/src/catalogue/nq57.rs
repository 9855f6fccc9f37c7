//! The embedded default catalogue: Resolution 57-NQ/TW's indicator set.

use super::Catalogue;

/// The catalogue text, compiled into the library.
const NQ57_JSON: &str = include_str!("../../data/nq57.json");

impl Catalogue {
    /// The NQ57 indicator set: Layer A holds every 2030 and 2045 target of Resolution 57-NQ/TW
    /// and its action programme (Nghị quyết 03/NQ-CP, Annex I) as published; Layers B and C are
    /// an illustrative set (`status: illustrative`) standing in for the official lists, which are
    /// not public. Replace it with [`Catalogue::from_json`] when the official set is at hand.
    ///
    /// # Panics
    ///
    /// Never: the embedded text is fixed at compile time and the test suite checks it parses.
    ///
    /// ```
    /// use chiso::{Catalogue, catalogue::Layer};
    /// let nq57 = Catalogue::nq57();
    /// assert!(nq57.layer(Layer::A).count() >= 30);
    /// ```
    pub fn nq57() -> Catalogue {
        // The embedded text is checked by the test suite (`tests/nq57.rs`): it always parses.
        // Read through the same decoder as every other catalogue, so a WebAssembly build
        // carries one copy of the catalogue's decoding code, not two.
        #[allow(clippy::expect_used)]
        crate::json::from_str(NQ57_JSON).expect("the embedded NQ57 catalogue is valid JSON")
    }

    /// The embedded NQ57 catalogue as the JSON text it was compiled from.
    pub fn nq57_json() -> &'static str {
        NQ57_JSON
    }
}
