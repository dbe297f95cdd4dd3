//! A committed changelog whose lines end in a CR alone (classic Mac OS): post-commit reads the
//! committed copy, so a conversion of the work tree alone changes nothing until it is
//! committed. Said with the commands that convert and commit it, and the sync that then adds
//! the entries it missed.

use std::path::Path;

use crate::config::Config;
use crate::git::Repo;

/// Why this commit got no entry in `path` (from the top), committed with a lone CR on `line`:
/// the conversion and its commit, or only the commit when the work tree is converted already;
/// then `sync`, which adds the missing entries.
pub(super) fn refusal(
    repo: &Repo,
    config: &Config,
    path: &Path,
    line: usize,
    sync: &str,
) -> String {
    let converted = repo
        .work_tree()
        .and_then(|root| crate::fsx::read_regular_optional(&root.join(path)).ok()?)
        .is_some_and(|bytes| lone_cr_free(&bytes));
    let commit = commit_command(config, path);
    let what = match converted {
        true => format!(
            "{} is converted to LF line endings in the work tree but not committed, and post-commit reads the committed copy; `{commit}`",
            path.display()
        ),
        false => format!(
            "{}: relhook reads LF or CRLF; convert it and commit it: `{} && {commit}`",
            crate::error::cr_only_what(path, line),
            crate::error::to_lf_command(path)
        ),
    };
    format!("no entry added for this commit: {what}, then `{sync}` adds the missing entries")
}

/// Whether a work-tree copy has no CR alone: converted (or rewritten) since the commit.
fn lone_cr_free(bytes: &[u8]) -> bool {
    crate::history::changelog::cr_only::lone_cr_line(&String::from_utf8_lossy(bytes)).is_none()
}

/// The commit of the converted file alone (`-- :/CHANGELOG.md`: anything else staged stays
/// out), with a header the repository's commit rules let pass.
fn commit_command(config: &Config, path: &Path) -> String {
    let full = format!("convert {} to LF line endings", path.display());
    let name = path.file_name().map(|n| n.to_string_lossy());
    let short = name.map(|n| format!("convert {n} to LF line endings"));
    let texts: Vec<&str> = std::iter::once(full.as_str())
        .chain(short.as_deref())
        .collect();
    format!(
        "{} -- {}",
        crate::history::changelog::cliff_parsed::unlisted(config, ("docs", None), &texts),
        crate::shellword::from_top(path)
    )
}

#[cfg(test)]
mod tests {
    use super::lone_cr_free;

    #[test]
    fn a_converted_copy_is_told_from_one_still_cr_only() {
        assert!(!lone_cr_free(b"# C\r\r## [Unreleased]\r"));
        assert!(lone_cr_free(b"# C\n\n## [Unreleased]\n"));
        assert!(lone_cr_free(b"# C\r\n\r\n## [Unreleased]\r\n"));
    }
}
