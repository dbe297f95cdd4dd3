//! The changelog merge driver's part of install: which changelogs it is registered for, and
//! what registering it did, said in a line or two however many changelogs a monorepo has.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, rel, warnings};
use crate::git::HooksLocation;
use crate::hooks::driver;

/// `items` joined, or past five the first four and how many more.
fn few(items: Vec<String>) -> String {
    match items.len() {
        n if n > 5 => format!("{}, and {} more", items[..4].join(", "), n - 4),
        _ => items.join(", "),
    }
}

/// What registering the merge driver did (nothing when it was already registered).
pub(super) fn write_driver(
    out: &mut dyn Write,
    registered: Option<&driver::Registered>,
    changelogs: &[PathBuf],
    loc: &HooksLocation,
) -> std::io::Result<()> {
    // A monorepo has a changelog per package: past a few, the lines name the first ones and
    // how many more (commitlint's 39 made one line each of 39 paths).
    let names = few(changelogs.iter().map(|c| c.display().to_string()).collect());
    if registered.is_some_and(|d| d.upgraded) {
        writeln!(
            out,
            "upgraded the {} merge driver's line in git's config (merge.{}.driver): an earlier relhook registered it without some of what the git here passes a driver (conflict labels, marker size)",
            driver::DRIVER,
            driver::DRIVER,
        )?;
    }
    // An upgrade alone registers nothing new: said in its own line above.
    if registered.is_some_and(|d| d.attributes || (d.config && !d.upgraded)) {
        let named = |c: &PathBuf| c.file_name().is_some_and(|n| n == "CHANGELOG.md");
        let lines = if changelogs.len() > 5 && changelogs.iter().all(named) {
            // One pattern shares them all (info/attributes has a line per file).
            format!("`**/CHANGELOG.md merge={}`", driver::DRIVER)
        } else {
            few(changelogs
                .iter()
                .map(|c| format!("`{}`", driver::shared_line(c)))
                .collect())
        };
        writeln!(
            out,
            "registered the {} merge driver for {names} (merge.{}.driver, and {}; neither is in the work tree)",
            driver::DRIVER,
            driver::DRIVER,
            rel(&driver::info_attributes(loc), &loc.work_tree)
        )?;
        writeln!(
            out,
            "  to share it with the team, commit {lines} in .gitattributes (each clone still runs its own `relhook install`)",
        )?;
    }
    if registered.is_some_and(|d| d.by_hand) {
        writeln!(
            out,
            "merge.{}.driver is set by hand here: left as it is (for relhook's own line: `git config --unset merge.{}.driver`, then `relhook install`)",
            driver::DRIVER,
            driver::DRIVER,
        )?;
    }
    if registered.is_some_and(|d| d.am_three_way) {
        writeln!(
            out,
            "set am.threeWay = true in this clone, so that `git am` merges {names} through the driver instead of failing on it",
        )?;
    }
    Ok(())
}

/// The changelogs the merge driver is for: the configured ones ([`configured_changelogs`]),
/// the top's CHANGELOG.md replaced by the file the project keeps its changelog in under another
/// name (HISTORY.md) where it has no CHANGELOG.md: that file is the one its merges change, and
/// relhook makes no CHANGELOG.md beside it.
pub(crate) fn changelog_paths(ctx: &Context, loc: &HooksLocation) -> Vec<PathBuf> {
    let repo = ctx.repo().ok();
    let instead =
        |path: &Path| warnings::kept_under_other_name(repo.as_ref()?, &loc.work_tree, path);
    configured_changelogs(ctx, loc)
        .into_iter()
        .map(|p| instead(&p).map_or(p, PathBuf::from))
        .collect()
}

/// The changelogs the configuration names: the repository's, then each package's (a
/// monorepo's branches add entries to those too). The default when it cannot be read:
/// installing hooks must not depend on a valid config, and doctor reports a broken one.
pub(crate) fn configured_changelogs(ctx: &Context, loc: &HooksLocation) -> Vec<PathBuf> {
    match ctx.config(&loc.work_tree) {
        Ok(c) => std::iter::once(c.changelog.path)
            .chain(c.packages.into_iter().map(|p| p.changelog))
            .collect(),
        Err(_) => vec![PathBuf::from("CHANGELOG.md")],
    }
}

/// The changelogs install registers the driver for: [`changelog_paths`] without the root's
/// where only the packages are released (a private workspace root, as changesets keeps it)
/// and no root changelog is there: none is ever written, so no merge of one is to drive (as
/// `relhook release` judges it, a root changelog kept by hand says the root is released).
pub(crate) fn kept_changelogs(ctx: &Context, loc: &HooksLocation) -> Vec<PathBuf> {
    let all = changelog_paths(ctx, loc);
    let Ok(config) = ctx.config(&loc.work_tree) else {
        return all;
    };
    let root = &config.changelog.path;
    let packages_only =
        crate::history::packages::private_root::packages_only(&config, &loc.work_tree).is_some();
    if !packages_only || std::fs::symlink_metadata(loc.work_tree.join(root)).is_ok() {
        return all;
    }
    all.into_iter().filter(|p| p != root).collect()
}
