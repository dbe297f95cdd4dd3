//! `relhook doctor`'s rows for changelogs whose releases the configuration does not find: a
//! package's changelog that is not there although the package was released (its sections are
//! elsewhere: release-plz's `changelog_path` moves one to the top), and a root whose
//! `tag_prefix` no tag has while its changelog's newest section was released under another
//! tag. Every release of them is refused; doctor says so first. And a changelog gone from
//! the work tree while HEAD keeps it (its sections are there), or deleted (or moved away) by a
//! commit.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// The changelog of `config` (the root's or a package's view) gone from the work tree while
/// HEAD has it: brought back, never committed (see `history::sync::missing`).
pub(super) fn missing_from_work_tree(repo: &Repo, config: &Config, subject: &str) -> Option<Check> {
    let (what, fix) = crate::history::sync::changelog_missing(repo, &config.changelog.path)?;
    Some(Check {
        subject: subject.to_owned(),
        status: Status::Invalid,
        detail: format!("{what}: releases and hand tags are refused until it is back"),
        fix: Some(fix),
    })
}

/// A changelog a commit deleted, with the releases' sections: not a file to start anew.
/// `folder_gone`: only one whose folder went with it, moved away or deleted (asked before the
/// row that would say to make the folder, which then leaves the changelog to a refusing sync:
/// the commit's parent has both).
pub(super) fn deleted_by_commit(
    repo: &Repo,
    config: &Config,
    subject: &str,
    folder_gone: bool,
) -> Option<Check> {
    use crate::history::sync::DeletionKind;
    let rel = &config.changelog.path;
    let folder = repo.work_tree()?.join(rel.parent().unwrap_or(rel));
    if folder_gone && folder.symlink_metadata().is_ok() {
        return None;
    }
    // As far back as a release looks.
    let gone = crate::history::sync::changelog_deleted(repo, config, rel, crate::git::Reach::Line)?;
    Some(Check {
        subject: subject.to_owned(),
        status: Status::Invalid,
        detail: format!(
            "{}: releases and hand tags are refused until {}",
            gone.what(rel),
            match gone.kind {
                DeletionKind::Moved(_) if gone.member.is_some() => "the packages are set up",
                DeletionKind::Moved(_) => "the setting names where it is",
                _ => "it is back",
            }
        ),
        fix: Some(gone.committed_fix(config, rel)),
    })
}

/// A package's changelog missing from the work tree, though a tag released the package (when
/// no other changelog row names it: a commit that deleted it is named there; nor a tag made
/// past the hook before the file was written, which its own row names).
pub(super) fn missing_package_changelogs(
    repo: &Repo,
    config: &Config,
    taken: &[Check],
    installed: &dyn Fn() -> bool,
) -> Vec<Check> {
    let (Some(root), Some(head)) = (repo.work_tree(), repo.head()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for view in super::doctor::views_of(repo, config) {
        let Some(p) = &view.package else { continue };
        let subject = format!("changelog of package {}", p.name);
        if taken.iter().any(|c| c.subject == subject) || root.join(&view.changelog.path).exists() {
            continue;
        }
        let Some((tag, _)) = repo.latest_release_tag(head, &view.version.tag_prefix) else {
            continue;
        };
        if crate::tag::hand::sectionless(repo, &view, installed).is_some() {
            continue;
        }
        let path = view.changelog.path.display();
        out.push(Check {
            subject,
            status: Status::Warning,
            detail: format!(
                "package {}'s changelog {path} does not exist, though {tag} released it: the sections of its releases are elsewhere, and its release is refused",
                p.name
            ),
            fix: Some(format!(
                "if another file holds its sections (release-plz's `changelog_path`), point `changelog` in {} at it (the root's CHANGELOG.md cannot be: then remove the table, and `relhook init` in a copy proposes the layout); else `relhook changelog --rebuild --package {}` writes it from history; commit it",
                crate::config::toml_text::package_table(&p.name),
                p.name
            )),
        });
    }
    out
}

/// The root's changelog's newest section released under a tag of another form, while no tag
/// has the root's `tag_prefix`.
pub(super) fn root_released_elsewhere(repo: &Repo, config: &Config) -> Option<Check> {
    let root = repo.work_tree()?;
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    // Tags of the other usual prefix: the version row says it, with the fix.
    if repo.latest_release_tag(head, prefix).is_some()
        || super::doctor_unfinished::version::version_row_names_tags(repo, config)
    {
        return None;
    }
    let path = &config.changelog.path;
    let bytes =
        crate::fsx::read_regular_optional(&crate::fsx::confine(&root, path).ok()?).ok()??;
    let log = crate::history::sync::parsed(repo, &String::from_utf8(bytes).ok()?)?;
    let greatest = crate::release::above::greatest_of(&log)?;
    let (tag, other) = crate::release::above::released_as(repo, config, head, &greatest)?;
    let owner = config
        .packages
        .iter()
        .find(|p| p.tag.prefix() == other)
        .map(|p| p.name.clone());
    let fix = match owner {
        Some(name) => format!(
            "the root's changelog holds package {name}'s releases: remove {} and set `tag_prefix = {}` under [version], with its manifest in `[version] files` (what `relhook init` proposes for this layout)",
            crate::config::toml_text::package_table(&name),
            crate::config::toml_text::string(&other)
        ),
        None => format!(
            "set `tag_prefix = {}` under [version] in .relconfig.toml",
            crate::config::toml_text::string(&other)
        ),
    };
    Some(Check {
        subject: "changelog".into(),
        status: Status::Warning,
        detail: format!(
            "`{}` in {} was released as tag {tag}, and no tag has the root's tag_prefix `{prefix}`: the root's release is refused",
            crate::history::changelog::quoted_heading(Some(&log), &greatest.to_string()),
            path.display()
        ),
        fix: Some(fix),
    })
}

/// Each package whose changelog's newest section was released under a tag of another form
/// (its table renamed since: `core-v1.0.0` where its tags are now `kernel-v…`), while no tag
/// has its own form: its release is refused (`release::above`), so said before it trips.
pub(super) fn packages_released_elsewhere(repo: &Repo, config: &Config) -> Vec<Check> {
    let (Some(root), Some(head)) = (repo.work_tree(), repo.head()) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for view in super::doctor::views_of(repo, config) {
        let Some(p) = &view.package else { continue };
        if repo
            .latest_release_tag(head, &view.version.tag_prefix)
            .is_some()
        {
            continue;
        }
        let path = &view.changelog.path;
        let Some(text) = crate::fsx::confine(&root, path)
            .ok()
            .and_then(|f| crate::fsx::read_regular_optional(&f).ok().flatten())
            .and_then(|b| String::from_utf8(b).ok())
        else {
            continue;
        };
        let Some(log) = crate::history::sync::parsed(repo, &text) else {
            continue;
        };
        let Some(greatest) = crate::release::above::greatest_of(&log) else {
            continue;
        };
        let Some((tag, other)) = crate::release::above::released_as(repo, &view, head, &greatest)
        else {
            continue;
        };
        let heading = crate::history::changelog::quoted_heading(Some(&log), &greatest.to_string());
        // A tag of the root's form: the root's release of a changelog moved into the package
        // since (the repository became a monorepo), not a package renamed (QA292).
        if let Some((what, fix)) = crate::release::packages::moved_from_root(
            repo,
            &view,
            (&heading, &greatest),
            (&tag, &other),
        ) {
            rows.push(Check {
                subject: format!("package {}", p.name),
                status: Status::Warning,
                detail: format!("{what}: its release is refused"),
                fix: Some(fix),
            });
            continue;
        }
        if other == config.version.tag_prefix {
            continue;
        }
        rows.push(Check {
            subject: format!("package {}", p.name),
            status: Status::Warning,
            detail: format!(
                "`{heading}` in {} was released as tag {tag}, and no tag is named as {}'s are (`{}{greatest}`): its release is refused",
                path.display(),
                p.name,
                view.version.tag_prefix
            ),
            fix: Some(format!(
                "if its tags were renamed since, name them as before in .relconfig.toml: `tag = {}` in {}",
                crate::config::toml_text::string(&format!("{other}{{version}}")),
                crate::config::toml_text::package_table(&p.name)
            )),
        });
    }
    rows
}
