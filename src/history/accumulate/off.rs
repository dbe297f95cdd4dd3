//! The line post-commit says with `changelog.accumulate` off: the missing entries wait for
//! `relhook changelog --sync`, unless `--sync` would refuse the file too (not Keep a
//! Changelog, not UTF-8); then the way out is to make it one relhook keeps, as doctor says.

use std::path::Path;

use super::Accumulated;
use crate::config::Config;
use crate::git::Repo;

/// Why no entry was added to `paths` (shown as `shown`) with accumulation off.
pub(super) fn notice<'a>(
    repo: &Repo,
    config: &Config,
    mut paths: impl Iterator<Item = &'a Path>,
    shown: &str,
) -> Accumulated {
    let off =
        format!("no entry added to {shown}: `changelog.accumulate` is off in .relconfig.toml");
    Accumulated::Notice(match paths.find(|p| sync_refuses(repo, p)) {
        Some(path) => format!(
            "{off}, and {} is not a Keep a Changelog file relhook can add them to; make it one (https://keepachangelog.com/en/1.1.0/), or point {} at another file",
            path.display(),
            crate::history::sync::changelog_setting(config, path)
        ),
        None => format!("{off} (`relhook changelog --sync` adds the missing entries)"),
    })
}

/// Whether `--sync` refuses the work tree's file at `path` as no changelog it keeps. A file
/// not there yet is one `--sync` makes.
fn sync_refuses(repo: &Repo, path: &Path) -> bool {
    let Some(root) = repo.work_tree() else {
        return false;
    };
    let Ok(Some(bytes)) = crate::fsx::read_optional(&root.join(path)) else {
        return false;
    };
    std::str::from_utf8(&bytes).map_or(true, |text| {
        crate::history::sync::parse_kept(repo, path, text).is_err()
    })
}
