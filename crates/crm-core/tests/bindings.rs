//! The UI's TypeScript bindings are generated from the Rust types; this test
//! fails when `ui/src/lib/bindings.ts` is stale. Regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p crm-core --test bindings`.

use std::path::PathBuf;

#[test]
fn typescript_bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let generated = crm_core::commands::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("write bindings.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p crm-core --test bindings`"
    );
}

/// Two Rust types of the same name (say `Direction` of calls and of payments) would become one
/// TypeScript name declared twice: every exported name must be unique.
#[test]
fn every_typescript_type_has_its_own_name() {
    let generated = crm_core::commands::typescript();
    let mut seen = std::collections::BTreeSet::new();
    for line in generated.lines() {
        if let Some(rest) = line.strip_prefix("export type ") {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            assert!(seen.insert(name.clone()), "two types are named {name} in the bindings");
        }
    }
    assert!(seen.len() > 100, "the bindings declare {} types", seen.len());
}
