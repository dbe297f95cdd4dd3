//! The refusal of found version files that say neither the version a release bumps from nor
//! the new one, while no other file does: nothing then says which version is the project's.
//! Every such file is named at once, with one `[version] files` line that lists them all
//! beside those already listed, so that the fix, pasted, is the whole fix; for a private
//! workspace root, whose packages are what is released, the fix is their tables instead.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::history::version::files::VersionFile;

/// The refusal for `unkept` (each file with what it says), bumped from `current` (`origin`
/// says where that comes from); `listed`: the `[version] files` entries of the files kept.
pub(super) fn refusal(
    config: &Config,
    current: &semver::Version,
    origin: &str,
    unkept: &[(&VersionFile, &str)],
    listed: &[String],
) -> Refusal {
    let said: Vec<String> = unkept
        .iter()
        .map(|(f, old)| format!("{} says {old} ({})", f.path.display(), f.locator))
        .collect();
    let what = format!(
        "{}, not {current}, {origin}: relhook bumps a version file it found by itself only from the current version",
        and_list(&said)
    );
    let mut entries = listed.to_vec();
    entries.extend(
        unkept
            .iter()
            .map(|(f, _)| super::links::entry(&f.path.display().to_string(), &f.locator)),
    );
    let (it, them, holds) = match unkept {
        [_] => ("it", "it", "holds"),
        _ => ("they", "them", "hold"),
    };
    let list = list_in_config(config, &entries, them);
    // A 0.0.0 pre-release may be kept there for good: say which fix keeps it. (semantic-release's
    // own words are left alone beside tags, see `history::version::placeholder`.)
    let placeholders = unkept.iter().all(|(_, old)| {
        semver::Version::parse(old)
            .is_ok_and(|v| super::files::is_placeholder(&v) && !v.pre.is_empty())
    });
    let fix = match &config.package {
        Some(p) => format!(
            "if {it} {holds} package {}'s version, set {them} to {current} and commit (relhook then bumps {them})",
            p.name
        ),
        None if placeholders => {
            let mut olds: Vec<&str> = Vec::new();
            for (_, old) in unkept {
                if !olds.contains(old) {
                    olds.push(old);
                }
            }
            let (is, placeholder) = match olds.len() {
                1 => ("is a placeholder", "the placeholder"),
                _ => ("are placeholders", "the placeholders"),
            };
            format!(
                "{} {is}: to have each release write its version there, {list}; to keep {placeholder}, set `[version] detect = false` there (and list any file that does hold the version)",
                and_list(&olds)
            )
        }
        None => format!(
            "if {it} {holds} the project's version, {list}, as a listed file is always bumped; if not, set `[version] detect = false` and list the files that do"
        ),
    };
    Refusal::new(Reason::VersionFile, what, fix)
}

/// `e` for a private workspace root (a yarn or changesets root at `0.0.0`, never released),
/// while no package is set up and no file listed: its packages are what is released, so the
/// fix is their tables, which `init` writes, not the root's package.json in `[version] files`.
/// With the packages' tables there already, the fix is a package's release instead.
pub(super) fn private_root(e: crate::Error, config: &Config, root: &Path) -> crate::Error {
    let crate::Error::Refused(mut r) = e else {
        return e;
    };
    if r.reason == Reason::VersionFile && private_workspace_root(config, root) {
        r.fix = Some(match config.packages.first() {
            None => init_fix(config),
            Some(p) => format!(
                "{PRIVATE}: `relhook release --package {}` releases package {} under its own tags (`--all`: every package with changes)",
                crate::shellword::quote(&p.name),
                p.name
            ),
        });
    }
    crate::Error::Refused(r)
}

/// Whether a release of the project's root (no `[version] files`) at `root` is one of a
/// private workspace root, whose packages are what is released: a version file refusal of it
/// gets [`private_root`]'s fix, and a hand tag's names no tag of the root again.
pub fn private_workspace_root(config: &Config, root: &Path) -> bool {
    config.package.is_none()
        && config.version.files.is_none()
        && crate::history::packages::private_root::releases_members(root)
}

const PRIVATE: &str = "the root package.json is private (`\"private\": true`), so the workspace's packages are what is released, not the root";

/// The refusal of a release of a private workspace root whose package.json has no version at
/// all, while no package is set up and no file listed: no file says the root is released, its
/// packages are, so the fix is the same as for a root at `0.0.0` ([`private_root`]).
pub(super) fn versionless_private_root(config: &Config, root: &Path) -> crate::Result<()> {
    let unset =
        config.package.is_none() && config.packages.is_empty() && config.version.files.is_none();
    if !unset || !crate::history::packages::private_root::versionless(root) {
        return Ok(());
    }
    let what = "the root package.json has no version and is private, with workspace packages: releasing the root would tag a release no package.json says".to_owned();
    Err(Refusal::new(Reason::VersionFile, what, init_fix(config)).into())
}

/// The refusal of a release of the root where only the packages are released
/// ([`packages_only`](crate::history::packages::private_root::packages_only)) and no root
/// changelog exists (`init` writes none there, post-commit starts none): it would tag the
/// private package.json's version and start a root changelog of the root's tooling commits.
/// A root changelog kept by hand says the root is released too.
pub(super) fn packages_only_root(
    repo: &crate::git::Repo,
    config: &Config,
    root: &Path,
) -> crate::Result<()> {
    let Some(why) = crate::history::packages::private_root::packages_only(config, root) else {
        return Ok(());
    };
    if std::fs::symlink_metadata(root.join(&config.changelog.path)).is_ok() {
        return Ok(());
    }
    let what = format!(
        "{why}: its packages are released, each under its own tags, and a release of the root would tag a version of its own and start a root {}",
        config.changelog.path.display()
    );
    let first = with_changes(repo, config, root).or(config.packages.first());
    let first = first.map(|p| p.name.as_str());
    let all = format!("{} --all", crate::resume_advice::release_of(None));
    // The root's own file to list: its package.json, or a virtual Cargo manifest's shared
    // version, which it has to be given first.
    let (given, file, key) = match crate::history::packages::private_root::private_npm(root) {
        true => ("", "package.json", "version"),
        false => (
            "give Cargo.toml a `[workspace.package] version`, ",
            "Cargo.toml",
            "workspace.package.version",
        ),
    };
    let fix = format!(
        "release the packages with changes: `{all}`, or one: `{}`; to release the root too, {given}list its {file} in `[version] files` in {} (`files = [{{ path = \"{file}\", key = \"{key}\" }}]`) and commit it",
        crate::resume_advice::release_with(first, None),
        crate::config::FILE_NAME
    );
    Err(Refusal::new(Reason::VersionFile, what, fix).into())
}

/// The first package with a release of its own to make (a commit since its last release
/// that calls for one), the one to name in `relhook release --package …`: not the first
/// package, which may have none (changesets' `@changesets/apply-release-plan`, QA294).
fn with_changes<'a>(
    repo: &crate::git::Repo,
    config: &'a Config,
    root: &Path,
) -> Option<&'a crate::config::Package> {
    use crate::history::version::bump::Requested;
    config.packages.iter().find(|p| {
        crate::history::packages::view(config, &p.name, root)
            .and_then(|view| super::next::version_info(repo, &view, root, &Requested::Auto, None))
            .is_ok()
    })
}

/// `init`'s tables, as the fix for a private workspace root: written, or printed beside the
/// .relconfig.toml already there (which `init` does not rewrite).
fn init_fix(config: &Config) -> String {
    let why = PRIVATE;
    match &config.source {
        None => format!(
            "{why}: `relhook init` writes {} with a `[packages.<name>]` table for each package, released under its own tags; commit it",
            crate::config::FILE_NAME
        ),
        Some(_) => format!(
            "{why}: `relhook init` prints a `[packages.<name>]` table for each package, released under its own tags: add them to {} and commit it",
            crate::config::FILE_NAME
        ),
    }
}

/// How to list `entries` (those listed already among them): a `files` line that replaces the
/// one `[version]` has, as a second `files` key is a TOML error; committed, as a release and a
/// hand tag refuse a changed .relconfig.toml.
fn list_in_config(config: &Config, entries: &[String], them: &str) -> String {
    let line = format!("files = [{}]", entries.join(", "));
    match config.version.files {
        Some(_) => format!(
            "list {them} with the others in .relconfig.toml (replace the `files` key under `[version]`, or the `[[version.files]]` tables, with `{line}`) and commit it"
        ),
        None => format!("list {them} in .relconfig.toml (`[version]` then `{line}`) and commit it"),
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::version::files::Locator;

    fn file(path: &str) -> VersionFile {
        VersionFile {
            path: path.into(),
            locator: Locator::JsonKey("version".into()),
        }
    }

    fn fix(config: &Config, unkept: &[(&VersionFile, &str)], listed: &[String]) -> String {
        let current = semver::Version::new(1, 0, 0);
        let r = refusal(
            config,
            &current,
            "the version of release tag v1.0.0",
            unkept,
            listed,
        );
        r.fix.unwrap_or_default()
    }

    #[test]
    fn every_file_is_in_one_files_line_beside_those_listed() {
        let (a, b) = (file("a.json"), file("b.json"));
        let entry = |p: &str| format!("{{ path = \"{p}\", key = \"version\" }}");
        let mut config = Config::default();
        let both = [(&a, "0.0.0-development"), (&b, "0.0.0-development")];
        let said = fix(&config, &both, &[]);
        let line = format!("files = [{}, {}]", entry("a.json"), entry("b.json"));
        assert!(
            said.starts_with("0.0.0-development is a placeholder")
                && said.contains(&format!(
                    "list them in .relconfig.toml (`[version]` then `{line}`)"
                )),
            "{said}"
        );
        // `files` is there already: the line replaces it, with what it lists first.
        config.version.files = Some(vec![a.clone()]);
        let said = fix(&config, &[(&b, "0.0.0-development")], &[entry("a.json")]);
        assert!(
            said.contains(&format!(
                "list it with the others in .relconfig.toml (replace the `files` key under `[version]`, or the `[[version.files]]` tables, with `{line}`) and commit it"
            )),
            "{said}"
        );
        // Not a placeholder: whether the files hold the version is asked.
        let said = fix(
            &Config::default(),
            &[(&a, "0.3.0"), (&b, "0.0.0-development")],
            &[],
        );
        assert!(
            said.starts_with("if they hold the project's version"),
            "{said}"
        );
    }

    #[test]
    fn files_are_named_in_one_list() {
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
