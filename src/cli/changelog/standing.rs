//! What `changelog --sync` and `--rebuild` refuse before reading history: a changelog path
//! the work tree holds as no file (a FIFO, a directory), and a project whose changelog HEAD
//! keeps under the name in another letter case (`changelog.md`), beside which post-commit
//! makes no second one, and neither does `--sync`; and a changelog gone from the work tree
//! while HEAD keeps it, which is no file to start afresh (see `history::sync::missing`), nor
//! is one a commit deleted, for `--sync` (see `history::sync::deleted`); nor a CHANGELOG.md
//! beside the changelog kept under another name (HISTORY.md).

use crate::cli::args::ChangelogArgs;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// Refuses, in the words post-commit, a release and a hand tag use, when the changelog at
/// `config`'s path is no file, would be a second one beside its case twin, or is missing
/// while HEAD has it (unless `--rebuild --force` or `--stdout` of a rebuild, asked to write
/// it afresh from history or to write nothing).
pub(super) fn refuse_unkept_path(
    repo: &Repo,
    root: &std::path::Path,
    config: &Config,
    args: &ChangelogArgs,
) -> Result<()> {
    let rel = &config.changelog.path;
    if let Some((what, fix)) = crate::history::sync::changelog_not_a_file(repo, config, rel) {
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            format!("{what}, so relhook wrote no changelog"),
            format!("{fix}, then run this again"),
        )));
    }
    // `--sync` would start a file afresh with the unreleased entries alone (or write none),
    // and its `git commit` would then delete every release section.
    let afresh = args.rebuild && (args.force || args.stdout);
    if let Some((what, fix)) = crate::history::sync::changelog_missing(repo, rel)
        && !afresh
    {
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            format!("{what}, so relhook wrote no changelog"),
            format!("{fix}, then run this again"),
        )));
    }
    if !args.rebuild {
        refuse_deleted(repo, root, config)?;
    }
    // No CHANGELOG.md beside the project's changelog kept as HISTORY.md, as post-commit makes
    // none (a rebuild to standard output writes nothing).
    if rel == std::path::Path::new("CHANGELOG.md")
        && !args.stdout
        && root.join(rel).symlink_metadata().is_err()
        && let Some(other) =
            crate::history::changelog::other_name::kept_under_other_name_on_disk(root)
    {
        use crate::history::changelog::other_name::{other_name_fix, other_name_what};
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            other_name_what(&other),
            format!("{}, then run this again", other_name_fix(&other)),
        )));
    }
    let Some((what, fix)) = crate::tag::hand::changelog_case_twin(repo, config) else {
        return Ok(());
    };
    // A file the work tree has under the configured name is the user's own (post-commit says
    // to commit it), unless it is the twin itself, opened by a case-insensitive file system.
    let here = root.join(rel);
    if here.symlink_metadata().is_ok() {
        let twin = repo
            .head()
            .and_then(|h| repo.case_twin(h, rel).ok().flatten())
            .map(|t| root.join(t));
        let same = twin.is_some_and(|t| {
            crate::fsx::file_id(&t).is_some()
                && crate::fsx::file_id(&t) == crate::fsx::file_id(&here)
        });
        if !same {
            return Ok(());
        }
    }
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        what,
        format!("{fix}, then run this again"),
    )))
}

/// `--sync` of a changelog a commit deleted would start a new file of the entries since alone
/// (the releases' sections and the entries listed before gone), and advise committing it.
fn refuse_deleted(repo: &Repo, root: &std::path::Path, config: &Config) -> Result<()> {
    let rel = &config.changelog.path;
    if root.join(rel).symlink_metadata().is_ok() {
        return Ok(());
    }
    // As far back as a release looks.
    let Some(gone) =
        crate::history::sync::changelog_deleted(repo, config, rel, crate::git::Reach::Line)
    else {
        return Ok(());
    };
    let fix = match gone.kind {
        crate::history::sync::DeletionKind::Moved(_) => {
            format!("{}, then run this again", gone.restore(config, rel))
        }
        _ => format!(
            "{}, then run this again (it adds the entries since); or `{}` writes it again from history",
            gone.restore(config, rel),
            crate::history::sync::changelog_command(config, rel, "--rebuild")
        ),
    };
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!("{}, so relhook wrote no changelog", gone.what(rel)),
        fix,
    )))
}
