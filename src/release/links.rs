//! A file a release would write that is a symbolic link: relhook writes no file through a
//! link, so the refusal names the file the link leads to and the change that works for how
//! the file was found (`changelog.path`, a `[version] files` entry, version-file detection,
//! or Cargo.lock, which follows each Cargo.toml a release bumps).

use std::path::Path;

use super::files::version_files;
use crate::config::Config;
use crate::history::version::files::{Locator, key_as_listed};

/// Why `rel`, a symbolic link a release would write, is refused, and the fix that works
/// (`None`: `rel` itself is no link, e.g. its folder is one, which `fsx::confine` explains).
pub(super) fn refusal(config: &Config, root: &Path, rel: &Path) -> Option<(String, String)> {
    std::fs::symlink_metadata(root.join(rel))
        .ok()
        .filter(|m| m.file_type().is_symlink())?;
    let Some(target) = target(root, rel) else {
        return Some((
            "it is a symbolic link to a file outside the work tree (or to none), and relhook writes no file through a link".into(),
            outside_fix(config, root, rel),
        ));
    };
    let lead =
        format!("it is a symbolic link to `{target}`, and relhook writes no file through a link");
    let listed = config.version.files.iter().flatten().any(|f| f.path == rel);
    let fix = if rel == config.changelog.path {
        format!(
            "set `path = {}` under [changelog] in .relconfig.toml",
            crate::config::toml_text::string(&target)
        )
    } else if listed {
        format!(
            "in `[version] files` in .relconfig.toml, give its entry `path = {}`",
            crate::config::toml_text::string(&target)
        )
    } else if rel.file_name().is_some_and(|n| n == "Cargo.lock") {
        // Paths from the top, spelt so the command works pasted in any folder of the tree;
        // the copy committed, or the release refuses the tree it leaves dirty.
        let at = |p: &Path| crate::shellword::below_top(p);
        let name = rel.file_name().map(Path::new).unwrap_or(rel);
        let text = format!("copy {} in place of its link", name.display());
        let commit = crate::commit::advised::commit(&config.commit, "build", None, &text);
        format!(
            "relhook updates Cargo.lock with each Cargo.toml a release bumps, so replace the link with a copy of the file (`rm {} && cp {} {} && {commit} -- {}`), or bump no Cargo.toml (`[version] detect = false`, none in `[version] files`)",
            at(rel),
            at(Path::new(&target)),
            at(rel),
            crate::shellword::from_top(rel)
        )
    } else {
        // Found by detection: naming the target in `files` alone leaves detection finding
        // the link, so detection goes and `files` lists what it found, the link's target
        // in the link's place.
        let entries: Vec<String> = version_files(config, root)
            .iter()
            .map(|f| {
                let path = if f.path == rel {
                    target.clone()
                } else {
                    f.path.display().to_string()
                };
                entry(&path, &f.locator)
            })
            .collect();
        format!(
            "version-file detection found it and would go on finding the link, so set `[version] detect = false` and `files = [{}]` in .relconfig.toml",
            entries.join(", ")
        )
    };
    Some((lead, fix))
}

/// A link out of the work tree: a copy of the file it leads to in its place, committed, with
/// the commands that make it (none for a link that leads nowhere).
fn outside_fix(config: &Config, root: &Path, rel: &Path) -> String {
    let Some(real) = std::fs::canonicalize(root.join(rel))
        .ok()
        .filter(|p| p.is_file())
    else {
        return "replace the link with the file it stood for, and commit it".into();
    };
    let text = format!("copy {} in place of its link", rel.display());
    let commit = crate::commit::advised::commit(&config.commit, "build", None, &text);
    format!(
        "replace the link with a copy of the file it names, and commit it: `rm {link} && cp {} {link} && {commit} -- {}`",
        crate::shellword::quote(&real.display().to_string()),
        crate::shellword::from_top(rel),
        link = crate::shellword::below_top(rel),
    )
}

/// Where the link at `rel` leads inside the work tree (relative to it).
fn target(root: &Path, rel: &Path) -> Option<String> {
    let target = std::fs::read_link(root.join(rel)).ok()?;
    let joined = match rel.parent() {
        Some(dir) if target.is_relative() => dir.join(&target),
        _ => target,
    };
    let real = std::fs::canonicalize(root.join(&joined)).ok()?;
    let root = std::fs::canonicalize(root).ok()?;
    Some(real.strip_prefix(&root).ok()?.display().to_string())
}

/// One `[version] files` entry, as TOML, for the file at `path` read with `locator`.
pub(super) fn entry(path: &str, locator: &Locator) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (what, value, format) = match locator {
        Locator::TomlKey(k) => ("key", k.as_str(), !matches!(ext.as_str(), "toml" | "lock")),
        Locator::JsonKey(k) => ("key", key_as_listed(Path::new(path), k), ext != "json"),
        Locator::Pattern(p) => ("pattern", p.as_str(), false),
    };
    let format = match (format, locator) {
        (true, Locator::TomlKey(_)) => ", format = \"toml\"",
        (true, _) => ", format = \"json\"",
        (false, _) => "",
    };
    format!(
        "{{ path = {}, {what} = {}{format} }}",
        quote(path),
        quote(value)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_read_back_as_the_same_version_files() {
        let cases = [
            (
                "real/Cargo.toml",
                Locator::TomlKey("package.version".into()),
            ),
            ("real/manifest", Locator::TomlKey("package.version".into())),
            ("web/package.json", Locator::JsonKey("version".into())),
            ("pkg", Locator::JsonKey("version|packages..version".into())),
            (
                "package-lock.json",
                Locator::JsonKey("version|packages..version".into()),
            ),
            (
                "src/app/__init__.py",
                Locator::Pattern(r#"__version__\s*=\s*["']{version}["']"#.into()),
            ),
        ];
        for (path, locator) in cases {
            let text = format!("[version]\nfiles = [{}]\n", entry(path, &locator));
            let config = Config::parse(Path::new(".relconfig.toml"), &text)
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            let files = config.version.files.unwrap();
            assert_eq!(files[0].path, Path::new(path), "{text}");
            assert_eq!(files[0].locator, locator, "{text}");
        }
    }
}
