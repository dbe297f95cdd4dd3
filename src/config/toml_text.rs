//! Names and strings written into TOML text that a user pastes into .relconfig.toml (init's
//! tables, the settings a hint names). Formatted by toml_edit, so a package name that is not
//! a bare key (`@m/b`) comes out quoted, and any character escaped, as TOML requires.

/// A TOML key: bare when it can be (`api`), quoted otherwise (`"@m/b"`).
pub fn key(name: &str) -> String {
    toml_edit::Key::new(name).display_repr().into_owned()
}

/// A TOML basic or literal string holding `text`, quotes and escapes included.
pub fn string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

/// The table header of a package, `[packages.api]`, `[packages."@m/b"]`.
pub fn package_table(name: &str) -> String {
    format!("[packages.{}]", key(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_bare_keys_are_quoted() {
        assert_eq!(package_table("api"), "[packages.api]");
        assert_eq!(package_table("core_lib-2"), "[packages.core_lib-2]");
        assert_eq!(package_table("@m/b"), "[packages.\"@m/b\"]");
        assert_eq!(key("a.b"), "\"a.b\"");
        let quoted = key("a\"b");
        let parsed: toml::Table = toml::from_str(&format!("{quoted} = 1")).unwrap();
        assert!(parsed.contains_key("a\"b"), "{quoted}");
        let s = string("x\"y\\z{version}");
        let parsed: toml::Table = toml::from_str(&format!("k = {s}")).unwrap();
        assert_eq!(parsed["k"].as_str(), Some("x\"y\\z{version}"), "{s}");
    }
}
