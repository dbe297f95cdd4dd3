//! A `[version] files` key with an empty part (`package.`, `.`, `.package.version`,
//! `package..version`): a part that is empty names no TOML key, so the release would stop
//! at "TOML key `package.` not found", far from the line to fix. JSON keeps an empty part
//! between dots (npm's lock names its root package `packages..version`), never at an end.

/// The fault of `key` (each of its `|` alternatives) for the version file at `path` in
/// `format` when a part of it is empty where no file can have that key.
pub(super) fn empty_part(path: &str, key: &str, format: &str) -> Option<String> {
    let (json, kind) = match format {
        "toml" | "lock" => (false, "TOML"),
        "json" => (true, "JSON"),
        // Any other format is refused for having a key at all.
        _ => return None,
    };
    let alt = key.split('|').map(str::trim).find(|alt| {
        let ends = alt.starts_with('.') || alt.ends_with('.');
        ends || (!json && alt.contains(".."))
    })?;
    let what = if alt.chars().all(|c| c == '.') {
        "is only dots"
    } else if alt.starts_with('.') {
        "starts with a dot"
    } else if alt.ends_with('.') {
        "ends with a dot"
    } else {
        "has two dots in a row"
    };
    let example = if json { "version" } else { "package.version" };
    Some(format!(
        "`version.files`: `{path}`: `key = \"{key}\"` {what}, and an empty part of a dotted key names no {kind} key; name the dotted key that holds the version (e.g. `key = \"{example}\"`)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_part_is_refused_where_no_file_has_it() {
        for key in [
            "package.",
            ".",
            ".package.version",
            "package..version",
            "a|b.",
        ] {
            assert!(empty_part("Cargo.toml", key, "toml").is_some(), "{key}");
        }
        let said = empty_part("Cargo.toml", "package.", "toml").unwrap();
        assert!(
            said.contains("`key = \"package.\"` ends with a dot"),
            "{said}"
        );
        assert!(said.contains("names no TOML key"), "{said}");
        for key in ["package.version", "version", "a|b"] {
            assert_eq!(empty_part("Cargo.toml", key, "toml"), None, "{key}");
        }
        // npm's lock: the root package's key is `""`, between two dots.
        assert_eq!(empty_part("a.json", "packages..version", "json"), None);
        assert!(empty_part("a.json", "version.", "json").is_some());
        assert!(empty_part("a.json", ".", "json").is_some());
        assert_eq!(empty_part("v.txt", "package.", "text"), None);
    }
}
