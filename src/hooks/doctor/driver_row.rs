//! Doctor's merge driver row: whether git sends the changelogs to relhook's driver (the root's,
//! or in a monorepo with no root changelog the packages'), and the packages a later install
//! has to add.

use std::path::{Path, PathBuf};

use super::{Check, Status, check};
use crate::Error;
use crate::config::Config;
use crate::git::HooksLocation;
use crate::hooks::driver::DriverState;

pub(super) fn driver_check(loc: &HooksLocation, config: &Result<Config, Error>) -> Option<Check> {
    let changelog = config.as_ref().map_or_else(
        |_| PathBuf::from("CHANGELOG.md"),
        |c| c.changelog.path.clone(),
    );
    let post_commit = loc.hooks_dir.join("post-commit").is_file();
    let subject = "merge driver";
    let fix = Some("relhook install".to_owned());
    let judged = config
        .as_ref()
        .map_or_else(|_| changelog.clone(), |c| driven_changelog(loc, c));
    let elsewhere = crate::hooks::driver::line_elsewhere(loc);
    let mut found = match crate::hooks::driver::state(loc, &judged, post_commit) {
        DriverState::Unused => return None,
        DriverState::Ok => match &packages_without_driver(loc, config)[..] {
            [] => check(subject, Status::Ok, driven(loc, config, &changelog), None),
            // Every one: `relhook install` adds all their lines at once.
            lacking => {
                let named: Vec<String> = lacking
                    .iter()
                    .map(|(name, path)| format!("package {name}'s {}", path.display()))
                    .collect();
                let (has, they) = if lacking.len() == 1 {
                    ("has", "it conflicts")
                } else {
                    ("have", "they conflict")
                };
                check(
                    subject,
                    Status::Missing,
                    format!(
                        "{} {has} no attribute line for the driver (a package added after `relhook install`): git merges {} as text, and {they} whenever two branches add entries",
                        named.join(", "),
                        if lacking.len() == 1 { "it" } else { "them" },
                    ),
                    fix,
                )
            }
        },
        DriverState::Missing => check(
            subject,
            Status::Missing,
            format!(
                "`merge.{}.driver` is not configured in this clone: git falls back to a text merge and {} conflicts whenever two branches add entries",
                crate::hooks::driver::DRIVER,
                judged.display()
            ),
            fix,
        ),
        DriverState::NoAttribute => check(
            subject,
            Status::Missing,
            format!(
                "`merge.{}.driver` is configured but no attribute line git reads applies it to {} (`git check-attr merge -- {}` does not name it; the line is `{}`, in {} or .gitattributes): git never runs it",
                crate::hooks::driver::DRIVER,
                judged.display(),
                // check-attr takes no `:/` pathspec: the top's path works in any folder.
                crate::shellword::below_top(&judged),
                crate::hooks::driver::shared_line(&judged),
                crate::hooks::driver::info_attributes(loc).display()
            ),
            fix.clone(),
        ),
        DriverState::Outdated {
            labels,
            marker_size,
        } => check(
            subject,
            Status::Stale,
            outdated(labels, marker_size, &judged),
            fix,
        ),
        DriverState::Stale(bin) => check(
            subject,
            Status::Stale,
            format!("the driver runs {bin}, which no longer exists"),
            fix,
        ),
    };
    if let Some((scope, file)) = elsewhere {
        let config = match scope {
            "other" => "a config file outside this clone's".to_owned(),
            s => format!("git's {s} config"),
        };
        found.detail = format!(
            "{}; the driver line git reads is in {config} ({file}), not this clone's, which `relhook install` writes and `relhook uninstall` takes out: they leave that one alone",
            found.detail
        );
    }
    Some(found)
}

/// What an earlier relhook's line lacks of what the git here passes a driver, and what that
/// does to a conflict it leaves in `changelog`: git's conflict labels (git 2.44 and later),
/// and its marker size (`%L`, which a git before 2.44 passes too).
fn outdated(labels: bool, marker_size: bool, changelog: &Path) -> String {
    let file = changelog.display();
    let marked = format!(
        "a conflict it leaves in {file} after a cherry-pick, revert, am or stash pop is marked `ours` and `theirs`, not as git marks it"
    );
    let sized =
        "its markers are 7 characters long whatever the `conflict-marker-size` attribute sets";
    match (labels, marker_size) {
        (true, true) => format!(
            "its line predates git's conflict labels (`%S %X %Y`, git 2.44) and marker size (`%L`): {marked}, and {sized}"
        ),
        (true, false) => {
            format!("its line predates git's conflict labels (`%S %X %Y`, git 2.44): {marked}")
        }
        _ => format!(
            "its line predates git's conflict marker size (`%L`): in a conflict it leaves in {file}, {sized}"
        ),
    }
}

/// The first package whose changelog no attribute line sends to the merge driver.
/// A package (by name) whose changelog lacks the merge driver's attribute line although
/// relhook's hooks and driver are installed here: `relhook install` adds it. For `relhook
/// init`, which writes packages into a configuration the install came before.
pub fn package_needs_install(loc: &HooksLocation, config: &Config) -> Option<(String, PathBuf)> {
    let post_commit = loc.hooks_dir.join("post-commit").is_file();
    match crate::hooks::driver::state(loc, &driven_changelog(loc, config), post_commit) {
        DriverState::Ok => {}
        _ => return None,
    }
    let changelogs: Vec<&Path> = (config.packages.iter())
        .map(|p| p.changelog.as_path())
        .collect();
    let first = *crate::hooks::driver::not_applied(loc, &changelogs).first()?;
    config
        .packages
        .iter()
        .find(|p| p.changelog == first)
        .map(|p| (p.name.clone(), p.changelog.clone()))
}

/// The changelog whose attribute line says whether the driver is set up: the root's, or in a
/// monorepo with no root changelog and no line for one (a private workspace root, as
/// changesets keeps it, for which install registers none) the first package's.
fn driven_changelog(loc: &HooksLocation, config: &Config) -> PathBuf {
    let root = &config.changelog.path;
    let unkept = || {
        std::fs::symlink_metadata(loc.work_tree.join(root)).is_err()
            && !crate::hooks::driver::not_applied(loc, &[root.as_path()]).is_empty()
    };
    match config.packages.first() {
        Some(p) if unkept() => p.changelog.clone(),
        _ => root.clone(),
    }
}

/// Each package (name, changelog) whose changelog no attribute line sends to the driver.
/// The changelogs the driver merges: the root's where there is one, and the packages' (a
/// monorepo with no root changelog, as changesets keeps it, is not said to have one).
fn driven(loc: &HooksLocation, config: &Result<Config, Error>, changelog: &Path) -> String {
    let packages = config.as_ref().map_or(0, |c| c.packages.len());
    let root = loc.work_tree.join(changelog).exists();
    match (root, packages) {
        (_, 0) => format!("{} merges without changelog conflicts", changelog.display()),
        (true, 1) => format!(
            "{} and the package's changelog merge without changelog conflicts",
            changelog.display()
        ),
        (true, n) => format!(
            "{} and the {n} packages' changelogs merge without changelog conflicts",
            changelog.display()
        ),
        (false, 1) => "the package's changelog merges without changelog conflicts".to_owned(),
        (false, n) => format!("the {n} packages' changelogs merge without changelog conflicts"),
    }
}

fn packages_without_driver(
    loc: &HooksLocation,
    config: &Result<Config, Error>,
) -> Vec<(String, PathBuf)> {
    let Ok(config) = config else {
        return Vec::new();
    };
    let changelogs: Vec<&Path> = config
        .packages
        .iter()
        .map(|p| p.changelog.as_path())
        .collect();
    let lacking = crate::hooks::driver::not_applied(loc, &changelogs);
    config
        .packages
        .iter()
        .filter(|p| lacking.contains(&p.changelog.as_path()))
        .map(|p| (p.name.clone(), p.changelog.clone()))
        .collect()
}
