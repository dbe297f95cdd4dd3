//! What `relhook commit` says around git's commit: before the questions, that nothing would
//! be committed (one line, at once, not after every answer); after a commit git did not make,
//! where the message is kept and the command that commits with it.

use crate::Result;
use crate::git::{NewMessage, Repo};
use crate::shellword::quote;

/// The file the message is kept in when git did not commit, in the worktree's git dir.
const KEPT: &str = "RELHOOK_COMMIT_EDITMSG";

/// Whether git may commit with `args` though nothing is staged, or stages at commit time, so
/// that its dry run cannot tell: `--amend`, `--allow-empty`, `--fixup=amend:`/`reword:`
/// (empty commits), `-p`/`--patch`, `--interactive`.
pub(super) fn git_decides(args: &[String]) -> bool {
    for a in args {
        if a == "--" {
            return false;
        }
        if let Some(long) = a.strip_prefix("--") {
            let name = long.split('=').next().unwrap_or("");
            let empty_fixup = ["fixup=amend:", "fixup=reword:"]
                .iter()
                .any(|p| long.starts_with(p));
            if matches!(name, "amend" | "allow-empty" | "patch" | "interactive") || empty_fixup {
                return true;
            }
        } else if let Some(short) = a.strip_prefix('-') {
            // Bundled short options (`-ap`), up to the first that takes a value (`-m…`).
            for c in short.chars() {
                if c == 'p' {
                    return true;
                }
                if "mFcCtSu".contains(c) {
                    break;
                }
            }
        }
    }
    false
}

/// The line that says nothing would be committed with `args`, before any question.
pub(super) fn nothing_to_commit(args: &[String]) -> String {
    if args.is_empty() {
        return "relhook: nothing to commit, so nothing is asked: nothing is staged; stage changes with `git add <path>` first, or run `relhook commit -a` to commit every change to tracked files".to_owned();
    }
    let shown: Vec<String> = args.iter().map(|a| quote(a)).collect();
    format!(
        "relhook: nothing to commit, so nothing is asked: `git commit {}` finds no change to commit (a new file needs `git add <path>` first)",
        shown.join(" ")
    )
}

/// Keeps `message` (as it went to git) in the git dir after a commit git did not make, and
/// returns the line that says where, with the command that commits with it and `args`.
pub(super) fn keep(repo: &Repo, message: &NewMessage, args: &[String]) -> Result<String> {
    let path = repo.git_dir().join(KEPT);
    crate::fsx::write_atomic(&path, &message.bytes)?;
    let file = quote(&path.to_string_lossy());
    let mut command = vec!["git".to_owned()];
    if let Some(config) = message.config {
        command.extend(["-c".to_owned(), config.to_owned()]);
    }
    command.extend(["commit".to_owned(), "-F".into(), file.clone()]);
    command.extend(args.iter().map(|a| quote(a)));
    Ok(format!(
        "relhook: nothing committed; the message is kept in {file}: once git's complaint above is dealt with, `{}` commits with it",
        command.join(" ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn git_decides_where_an_empty_or_interactive_commit_is_fine() {
        for a in [
            &["--amend"][..],
            &["--allow-empty"],
            &["-p"],
            &["-ap"],
            &["--patch"],
            &["--interactive"],
            &["--fixup=reword:HEAD"],
            &["-S", "--amend"],
        ] {
            assert!(git_decides(&args(a)), "{a:?}");
        }
        for a in [
            &[][..],
            &["-a"],
            &["--allow-empty-message"],
            &["-mp"],
            &["--fixup=HEAD"],
            &["--", "-p"],
            &["src/p.rs"],
        ] {
            assert!(!git_decides(&args(a)), "{a:?}");
        }
    }

    #[test]
    fn the_refusal_names_the_arguments_given() {
        assert!(nothing_to_commit(&[]).contains("nothing is staged"));
        let with = nothing_to_commit(&args(&["-a"]));
        assert!(with.contains("`git commit -a` finds no change"), "{with}");
    }
}
