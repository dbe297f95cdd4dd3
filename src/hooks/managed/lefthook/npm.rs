//! How a project with a package.json gets lefthook from npm: where package.json already lists
//! lefthook, adding it again is no fix (its packages are just not installed), so the advice is
//! to install them; with the package manager whose lock file is there.

use std::path::Path;

/// The command that puts lefthook in `top`'s node_modules.
pub(super) fn install_command(top: &Path) -> String {
    let manager = if top.join("pnpm-lock.yaml").is_file() {
        "pnpm"
    } else if top.join("yarn.lock").is_file() {
        "yarn"
    } else {
        "npm"
    };
    if lists_lefthook(top) {
        return format!("{manager} install");
    }
    match manager {
        "pnpm" => "pnpm add --save-dev lefthook",
        "yarn" => "yarn add --dev lefthook",
        _ => "npm install --save-dev lefthook",
    }
    .to_owned()
}

/// Whether `top`'s package.json names lefthook (npm's package, or its scoped twin) among
/// the packages its install brings.
fn lists_lefthook(top: &Path) -> bool {
    let Some(text) = crate::fsx::regular_text(&top.join("package.json")) else {
        return false;
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return false;
    };
    ["dependencies", "devDependencies", "optionalDependencies"]
        .iter()
        .filter_map(|k| json.get(k).and_then(serde_json::Value::as_object))
        .any(|d| d.contains_key("lefthook") || d.contains_key("@evilmartians/lefthook"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn a_listed_lefthook_is_installed_not_added_with_the_lock_s_manager() {
        let listed = r#"{"devDependencies": {"lefthook": "^1.6.0"}}"#;
        let dir = at(&[("package.json", listed)]);
        assert_eq!(install_command(dir.path()), "npm install");
        let dir = at(&[("package.json", listed), ("pnpm-lock.yaml", "")]);
        assert_eq!(install_command(dir.path()), "pnpm install");
        let scoped = r#"{"dependencies": {"@evilmartians/lefthook": "1"}}"#;
        let dir = at(&[("package.json", scoped), ("yarn.lock", "")]);
        assert_eq!(install_command(dir.path()), "yarn install");
    }

    #[test]
    fn an_unlisted_lefthook_is_added() {
        let dir = at(&[]);
        assert_eq!(
            install_command(dir.path()),
            "npm install --save-dev lefthook"
        );
        let other = r#"{"devDependencies": {"lefthook-extra": "1"}, "name": "lefthook"}"#;
        let dir = at(&[("package.json", other), ("yarn.lock", "")]);
        assert_eq!(install_command(dir.path()), "yarn add --dev lefthook");
        let dir = at(&[("package.json", "{not json"), ("pnpm-lock.yaml", "")]);
        assert_eq!(install_command(dir.path()), "pnpm add --save-dev lefthook");
    }
}
