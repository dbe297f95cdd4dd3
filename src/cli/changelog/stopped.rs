//! A `git revert` stopped because the reverted commit created the changelog (post-commit made
//! it in that commit) and later commits changed it: git's revert would delete the file, so it
//! stops on a modify/delete conflict, which no merge driver sees. git writes REVERT_HEAD as it
//! stops, and the reference-transaction hook sees that: relhook says in one line how to keep
//! the file and go on (post-commit then gives the revert its own edit of it).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::Context;
use crate::git::Conflict;

/// Says how to go on when the revert that just stopped left a changelog "deleted by them";
/// silent otherwise (another file's conflict, a clean `git revert --no-commit`), and on any
/// doubt (git goes on whatever this hook does).
pub(in crate::cli) fn stopped_revert(ctx: &Context) {
    let Ok(repo) = ctx.repo() else { return };
    let conflicts = repo.conflicts();
    if conflicts.is_empty() {
        return;
    }
    let Ok((_, config)) = ctx.history_config(&repo) else {
        return;
    };
    let changelogs: Vec<PathBuf> = std::iter::once(config.changelog.path)
        .chain(config.packages.into_iter().map(|p| p.changelog))
        .collect();
    let prefix = std::env::var_os("GIT_PREFIX").is_some_and(|p| !p.is_empty());
    if let Some(line) = way_on(&conflicts, &changelogs, prefix) {
        let _ = writeln!(crate::cli::stream::stderr(), "relhook: {line}");
    }
}

/// The line for `conflicts` (the index after the stop): the changelogs among them that the
/// revert deletes while HEAD changed them (base and ours, no theirs), and the command that
/// keeps them, with `git revert --continue` when nothing else is in conflict. `in_subfolder`:
/// the user runs git below the top of the work tree, so the paths are given from the top.
fn way_on(conflicts: &[Conflict], changelogs: &[PathBuf], in_subfolder: bool) -> Option<String> {
    let deleted = |c: &&Conflict| c.stages == [true, true, false] && changelogs.contains(&c.path);
    let kept: Vec<&Path> = conflicts
        .iter()
        .filter(deleted)
        .map(|c| c.path.as_path())
        .collect();
    if kept.is_empty() {
        return None;
    }
    let shown: Vec<String> = kept.iter().map(|p| p.display().to_string()).collect();
    let words: Vec<String> = kept
        .iter()
        .map(|p| {
            let p = p.display().to_string();
            shell_word(&if in_subfolder { format!(":/{p}") } else { p })
        })
        .collect();
    let words = words.join(" ");
    let keep = format!("git checkout --ours {words} && git add {words}");
    let others = conflicts.len() > kept.len();
    let (command, then) = if others {
        (
            keep,
            ", then resolve the other conflicts and `git revert --continue`",
        )
    } else {
        (format!("{keep} && git revert --continue"), "")
    };
    Some(format!(
        "{}: the reverted commit created it, so the revert would delete it with every entry added since; keep it (relhook then writes the revert's own change to it): `{command}`{then}",
        shown.join(", ")
    ))
}

/// `s` as one word for sh: as it is when nothing in it is special, else single-quoted.
fn shell_word(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c))
    {
        s.to_owned()
    } else {
        crate::hooks::sh_quote(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(path: &str, stages: [bool; 3]) -> Conflict {
        Conflict {
            path: PathBuf::from(path),
            stages,
        }
    }

    #[test]
    fn only_a_changelog_the_revert_deletes_is_spoken_of() {
        let logs = [PathBuf::from("CHANGELOG.md"), PathBuf::from("pkg/a b.md")];
        let deleted = conflict("CHANGELOG.md", [true, true, false]);
        let line = way_on(std::slice::from_ref(&deleted), &logs, false).unwrap();
        assert!(
            line.ends_with(": `git checkout --ours CHANGELOG.md && git add CHANGELOG.md && git revert --continue`"),
            "{line}"
        );
        // Run below the top of the work tree: the paths from the top; a blank quoted.
        let both = [deleted.clone(), conflict("pkg/a b.md", [true, true, false])];
        let line = way_on(&both, &logs, true).unwrap();
        assert!(line.starts_with("CHANGELOG.md, pkg/a b.md: "), "{line}");
        assert!(
            line.contains("`git checkout --ours :/CHANGELOG.md ':/pkg/a b.md' && git add"),
            "{line}"
        );
        // Another file in conflict: the user resolves it before going on.
        let more = [deleted.clone(), conflict("src/a.rs", [true, true, true])];
        let line = way_on(&more, &logs, false).unwrap();
        assert!(
            line.ends_with("`git checkout --ours CHANGELOG.md && git add CHANGELOG.md`, then resolve the other conflicts and `git revert --continue`"),
            "{line}"
        );
        // Not relhook's: a changelog deleted on HEAD's side, in a content conflict, another file.
        for other in [
            conflict("CHANGELOG.md", [true, false, true]),
            conflict("CHANGELOG.md", [true, true, true]),
            conflict("NEWS.md", [true, true, false]),
        ] {
            assert_eq!(way_on(&[other], &logs, false), None);
        }
    }
}
