//! The JSON Schema behind the package's TypeScript types is the one the core's types give.

#[test]
fn the_committed_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/types/schema.json");
    let now = chiso_wasm::types_schema();
    if std::env::var_os("CHISO_BLESS").is_some() {
        std::fs::write(path, &now).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == now,
        "types/schema.json is stale: run `CHISO_BLESS=1 cargo test -p chiso-wasm --test types`, then `make types`"
    );
}
