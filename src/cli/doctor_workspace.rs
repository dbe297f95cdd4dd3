//! `relhook doctor`'s row for a workspace released as one project whose packages a release
//! left at the version before: their package.json files are no version files of the root
//! (none listed in `[version] files`), so each release only noted them, and the published
//! packages still say the old version; and a Cargo root with a version of its own whose
//! release leaves the `[workspace.package] version` its member crates inherit.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The warning, with the `[version] files` entries to add, when the root's newest release
/// left every package of its npm, yarn or pnpm workspace at one older release's version.
pub(super) fn members_left_behind(repo: &Repo, config: &Config) -> Option<Check> {
    if !config.packages.is_empty() {
        return None;
    }
    let root = repo.work_tree()?;
    let (current, _) = crate::release::current_version(repo, config, &root).ok()?;
    let prefix = &config.version.tag_prefix;
    let tag = format!("{prefix}{current}");
    repo.tag_target(&tag)?;
    let files = crate::release::version_files(config, &root);
    let listed = |p: &std::path::Path| files.iter().any(|f| f.path == p);
    let current = current.to_string();
    let (old, manifests) =
        crate::history::packages::npm_lockstep::left_behind(&root, &current, &listed)?;
    // Released as the one project before: the packages' version was the root's.
    repo.tag_target(&format!("{prefix}{old}"))?;
    let paths: Vec<String> = manifests
        .iter()
        .map(|m| m.to_string_lossy().replace('\\', "/"))
        .collect();
    let entries: Vec<String> = paths
        .iter()
        .map(|p| {
            let path = serde_json::Value::from(p.as_str());
            format!("  {{ path = {path}, key = \"version\" }},")
        })
        .collect();
    Some(Check {
        subject: "version files".into(),
        status: Status::Warning,
        detail: format!(
            "the release of {current} ({tag}) left {} at {old}: the workspace is released as one project, but its packages' package.json files are not in `[version] files`, so no release bumps them",
            paths.join(", ")
        ),
        fix: Some(format!(
            "set their \"version\" to {current}, add them under .relconfig.toml's [version] (beside any `files` entries there), and commit both: each release then bumps them with the root\nfiles = [\n{}\n]",
            entries.join("\n")
        )),
    })
}

/// The warning, with the `files` line that bumps them with the root, when the root's next
/// release would leave the `[workspace.package] version` that member crates inherit at another
/// version than the root crate's.
pub(super) fn crates_left_behind(repo: &Repo, config: &Config) -> Option<Check> {
    let root = repo.work_tree()?;
    let (current, _) = crate::release::current_version(repo, config, &root).ok()?;
    let next = crate::history::version::above::next_patch(&current);
    let (detail, fix) = crate::release::shared_version_left(repo, config, &root, &next)?;
    Some(Check {
        subject: "version files".into(),
        status: Status::Warning,
        detail,
        fix: Some(fix),
    })
}

/// A warning for each package whose last release published a workspace shorthand on a
/// sibling (`workspace:*`) as a version that sibling has left since (its hand tag released it
/// alone), with the release it needs: what the reference-transaction hook said when that tag
/// was made, judged the same way (`release::packages::stale_shorthands`).
pub(super) fn shorthands_behind(repo: &Repo, config: &Config) -> Vec<Check> {
    let Some(root) = repo.work_tree() else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for p in &config.packages {
        let stale = crate::release::packages::stale_shorthands(repo, config, &root, &p.name);
        let Some(c) = stale.ok().and_then(|s| s.into_iter().next()) else {
            continue;
        };
        let Some((old, _)) = &c.published else {
            continue;
        };
        rows.push(Check {
            subject: format!("package {}", p.name),
            status: Status::Warning,
            detail: format!(
                "{} requires {} as `{}` in {}, published by its last release as `{old}`, which {} {} does not meet: its published copy still requires the old version",
                p.name,
                c.dependency,
                c.before,
                c.file.display(),
                c.dependency,
                c.version
            ),
            fix: Some(format!(
                "`relhook release --package {}` releases it",
                crate::shellword::quote(&p.name)
            )),
        });
    }
    rows
}
