//! `relhook changelog --rebuild` replaces the whole file: what it would lose (another tool's
//! format, uncommitted edits, lines history does not give) is refused unless `--force`.

use std::path::Path;

use super::args::ChangelogArgs;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::Changelog;
use crate::{Error, Result};

/// `--rebuild` writes a Keep a Changelog file, its release headings in the form the newest
/// release's has (conventional-changelog's): one in a format it does not write (a heading form
/// of its own below, a page of prose) would lose its every section and link, so it is replaced
/// only when asked.
pub(super) fn refuse_foreign(rel: &Path, current: &str, args: &ChangelogArgs) -> Result<()> {
    if args.stdout || args.force {
        return Ok(());
    }
    let why = match Changelog::parse(current) {
        Ok(log) if log.is_keep_a_changelog() => match log.other_form_heading() {
            // Read as releases, but written by another tool: its sections would be lost.
            Some((line, text)) if !log.rebuilt_in_its_form() => format!(
                "line {line}: `{}` is another tool's release heading, which relhook reads but does not write",
                text.trim_end()
            ),
            _ => return Ok(()),
        },
        Ok(_) => "it has no `# ` title and no `## ` release section".to_owned(),
        Err(e) => e.to_string(),
    };
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!(
            "{} is not a Keep a Changelog file ({why}), and --rebuild would replace all of it with one written from history",
            rel.display()
        ),
        "pass --force to replace it (--stdout prints the result and writes nothing)",
    )))
}

/// `--rebuild` replaces the whole file: refuse when that would lose uncommitted edits.
pub(super) fn refuse_uncommitted(
    repo: &Repo,
    rel: &Path,
    current: &str,
    args: &ChangelogArgs,
) -> Result<()> {
    if args.stdout || args.force {
        return Ok(());
    }
    let committed = repo
        .head()
        .and_then(|h| repo.file_at(h, rel).ok().flatten());
    if committed.is_some_and(|f| f.bytes == current.as_bytes()) {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} has changes that are not committed, and --rebuild rewrites the whole file; commit them first, print with --stdout, or pass --force",
        rel.display()
    )))
}

/// The file `--rebuild` writes of `current`, once none of the refusals below stands in its way.
pub(super) fn rebuilt(
    repo: &Repo,
    config: &crate::config::Config,
    rel: &Path,
    (current, args): (&Option<String>, &ChangelogArgs),
    advise: &crate::history::tags::Advise<'_>,
) -> Result<crate::history::sync::Rebuilt> {
    if let Some(cur) = current {
        refuse_unborn(repo, rel, cur, args)?;
        refuse_foreign(rel, cur, args)?;
        refuse_uncommitted(repo, rel, cur, args)?;
    }
    let mut rebuilt = crate::history::sync::rebuild(repo, config, current.as_deref(), advise)?;
    if let Some(cur) = current {
        // A CRLF file stays one: not every line changed for its line ends.
        rebuilt.text = crate::history::changelog::with_eol_of(rebuilt.text, cur);
        refuse_lost(rel, cur, &rebuilt.text, args)?;
    }
    Ok(rebuilt)
}

/// On a branch with no commit yet (`git checkout --orphan`, the old file staged) there is no
/// history to rebuild from: the bare template would replace every release section and entry,
/// `--force` or not (QA315: it did, saying only "wrote"). Refused, naming what would go.
fn refuse_unborn(repo: &Repo, rel: &Path, current: &str, args: &ChangelogArgs) -> Result<()> {
    if args.stdout || repo.head().is_some() {
        return Ok(());
    }
    let Ok(log) = Changelog::parse(current) else {
        return Ok(());
    };
    let (versions, entries) = (log.versions(), log.unreleased_entries().len());
    let mut lost = Vec::new();
    match versions.as_slice() {
        [] => {}
        [one] => lost.push(format!("1 release section ({one})")),
        all => {
            let named = all.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
            let more = match all.len() {
                ..=3 => String::new(),
                n => format!(" and {} more", n - 3),
            };
            lost.push(format!("{} release sections ({named}{more})", all.len()));
        }
    }
    match entries {
        0 => {}
        1 => lost.push("1 unreleased entry".to_owned()),
        n => lost.push(format!("{n} unreleased entries")),
    }
    if lost.is_empty() {
        return Ok(());
    }
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!(
            "HEAD has no commit yet, so --rebuild has no history to write {}'s {} from, and would replace them with the bare template",
            rel.display(),
            lost.join(" and ")
        ),
        format!(
            "keep the file (commit on this branch first), print the rebuild with --stdout, or `git rm -f {}` to start it afresh (its first entry makes it again)",
            rel.display()
        ),
    )))
}

/// `--rebuild` writes what history gives: refuse when that drops or changes lines it would not
/// write (hand-written entries and sections), naming the first of them.
pub(super) fn refuse_lost(
    rel: &Path,
    current: &str,
    rebuilt: &str,
    args: &ChangelogArgs,
) -> Result<()> {
    if args.stdout || args.force {
        return Ok(());
    }
    let lost = crate::history::sync::lost_lines(current, rebuilt);
    if lost.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = lost
        .iter()
        .take(2)
        .map(|(n, text)| format!("{}:{n} `{text}`", rel.display()))
        .collect();
    let more = match lost.len() {
        1 | 2 => String::new(),
        n => format!(" and {} more", n - 2),
    };
    let (them, are) = if lost.len() == 1 {
        ("it", "is")
    } else {
        ("them", "are")
    };
    Err(Error::Refused(Refusal::new(
        Reason::Changelog,
        format!(
            "{}{more} {are} not from history, and --rebuild would drop {them}",
            named.join(", ")
        ),
        format!(
            "keep the file (`relhook changelog --sync` adds what history lacks), print the rebuild with --stdout, or pass --force to rebuild without {them}"
        ),
    )))
}
