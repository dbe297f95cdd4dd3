//! post-commit's one line when the commit's entry was not added: what did not happen, that
//! nothing was left half-done, and what adds it. A Ctrl-C, SIGTERM or SIGHUP is one such
//! stop: the hook defers them (see `interrupt`), so its amend is undone whole before HEAD
//! moves (or finished after), never left half-made with git's index lock held.

use std::io::Write;

use super::Outcome;
use crate::Error;
use crate::config::Config;
use crate::git::Repo;

/// The command that writes a missing post-commit entry into the file: a monorepo's package
/// changelogs are synced by `--all`, not by `--sync` alone.
fn sync_command(config: &Config) -> &'static str {
    if config.packages.is_empty() {
        "relhook changelog --sync"
    } else {
        "relhook changelog --sync --all"
    }
}

/// Says why post-commit added no entry (`e`) in one line, with what adds it; the exit code
/// (git ignores it): 128 + the signal that stopped it, else 2.
pub(super) fn said(err: &mut dyn Write, repo: &Repo, config: &Config, e: Error) -> Outcome {
    // A git child (a signing program) the same Ctrl-C ended fails with its own error.
    let e = crate::interrupt::instead(e, crate::history::accumulate::ADDING);
    let code = match e.interrupted() {
        Some(signal) => Outcome::Code(u8::try_from(128 + signal).unwrap_or(130)),
        None => Outcome::Code(2),
    };
    let short = repo.head().map(crate::git::short_id).unwrap_or_default();
    // Doctor names this reason later, not "post-commit did not run".
    if let (Error::Locked { path, .. }, Some(head)) = (&e, repo.head()) {
        crate::history::accumulate::lock_met::note(repo.git_dir(), head, path);
    }
    if let (Some((path, reason)), Some(head)) = (e.write_failure(), repo.head()) {
        // The file as the user knows it: from the top of the work tree, when it is there.
        let top = repo.work_tree().unwrap_or_default();
        let path = path.strip_prefix(&top).unwrap_or(path);
        let reason = format!("{}: {reason}", path.display());
        crate::history::accumulate::lock_met::note_write_error(repo.git_dir(), head, &reason);
    }
    let sync = sync_command(config);
    if let Some((rm, why)) = e.bad_journal_removal() {
        let _ = writeln!(
            err,
            "relhook: the changelog entry was not added to commit {short}: `{rm}`, then `{sync}` writes it into the file, to commit (`git add` it) with your next commit; {why} (HEAD, index and work tree are as git left them)"
        );
        return code;
    }
    // Past the file size limit the error's own "run the command again" would mean `git
    // commit`, which is done: what to run once the limit is raised is named instead.
    let (reason, then) = match e.over_file_size_limit() {
        Some(path) => (
            format!(
                "`{}` would be larger than the file size limit of this shell (`ulimit -f`)",
                path.display()
            ),
            "raise it (`ulimit -f unlimited`), then ",
        ),
        // An index relhook cannot read fails --sync the same way until it is off.
        None if e.unreadable_index_fix().is_some() => (e.to_string(), "once it is off, "),
        None => (e.to_string(), ""),
    };
    // An amend's old entry stays in the file, and `--sync` would not replace it.
    let left = format!("{reason}; index and work tree are as git left them");
    if let Some(said) = crate::history::accumulate::unrewritten_amend(repo, config, &left) {
        let _ = writeln!(err, "relhook: {said}");
        return code;
    }
    if let Some(signal) = e.interrupted() {
        let name = crate::interrupt::name(signal);
        let _ = writeln!(
            err,
            "relhook: interrupted ({name}): no changelog entry was added to commit {short}, and HEAD, index and work tree are as git left them; `{sync}` writes it into the file, to commit (`git add` it) with your next commit"
        );
        return code;
    }
    let _ = writeln!(
        err,
        "relhook: the changelog entry was not added to commit {short} ({reason}); HEAD, index and work tree are as git left them: {then}`{sync}` writes it into the file, to commit (`git add` it) with your next commit"
    );
    code
}
