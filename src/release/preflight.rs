//! The runbook's "check before starting", before anything is planned or written: no
//! operation in progress, a clean tree, a release branch (not detached), not behind upstream.

use std::path::{Path, PathBuf};

use super::Options;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::{Error, Result};

/// The runbook's "check before starting": clean tree, allowed branch, not detached, not behind.
pub(crate) fn preflight(repo: &Repo, config: &Config, opts: &Options) -> Result<()> {
    if let Some(op) = repo.operation_in_progress() {
        return Err(Error::Refused(Refusal::new(
            Reason::OperationInProgress,
            format!("{op} is in progress"),
            match repo.operation_command() {
                Some(git) => {
                    format!("finish it (`{git} --continue`) or abort it (`{git} --abort`)")
                }
                None => "finish or abort it first".into(),
            },
        )));
    }
    // Before the clean-tree check: a FIFO where the file was, or no file where HEAD has one,
    // is no change to commit or stash (a package's changelog too: in a monorepo any of them may be released).
    let logs =
        std::iter::once(&config.changelog.path).chain(config.packages.iter().map(|p| &p.changelog));
    for rel in logs {
        if let Some(r) = super::changelog::not_a_file(repo, config, rel, None) {
            return Err(Error::Refused(r));
        }
    }
    // So is a version file relhook cannot read (a FIFO, mode 000), which fails the status read.
    if let Some(r) = super::unreadable_refusal(repo, config, "release") {
        return Err(Error::Refused(r));
    }
    if !opts.allow_dirty {
        let dirty = repo.dirty_paths(5)?;
        if let Some(r) = super::special_dirty(repo, &dirty, "release") {
            return Err(Error::Refused(r));
        }
        if !dirty.is_empty() {
            return Err(Error::Refused(Refusal::new(
                Reason::DirtyTree,
                format!("the working tree is not clean ({})", dirty.join(", ")),
                format!(
                    "{}, or pass --allow-dirty",
                    super::clean_tree_fix(repo, &dirty)
                ),
            )));
        }
    } else {
        // --allow-dirty releases beside local changes, never them: the release commit is HEAD's
        // tree and its edits (see `commit_files`); a staged change is refused all the same, as
        // the index it leaves would no longer say what the next commit adds to the release.
        let staged = repo.staged_paths(5)?;
        if !staged.is_empty() {
            return Err(Error::Refused(Refusal::new(
                Reason::DirtyTree,
                format!(
                    "staged changes ({}) would go into the release commit",
                    staged.join(", ")
                ),
                "commit them, or unstage them (`git restore --staged <path>`); --allow-dirty leaves unstaged and untracked changes out of the release",
            )));
        }
        if let Some(r) = super::settings::uncommitted(repo, config, super::settings::RELEASE)? {
            return Err(Error::Refused(r));
        }
    }
    // Said before "releasing vX.Y.Z", not as git's multi-line advice from inside the commit.
    if let Some(why) = repo.identity_unknown() {
        return Err(Error::Refused(Refusal::new(
            Reason::Identity,
            format!("git does not know who makes the release commit ({why})"),
            "`git config --global user.name \"Your Name\" && git config --global user.email you@example.com` (without --global: this repository only), then release again",
        )));
    }
    let branch = repo.branch();
    match &branch {
        // Mid bisect the branch is not what to switch to: git warns, and the bisect stays open.
        None if repo.bisecting() => {
            return Err(Error::Refused(Refusal::new(
                Reason::DetachedHead,
                "a bisect is in progress, so HEAD is detached at the commit it tests",
                "end it (`git bisect reset`), then release again",
            )));
        }
        None => {
            return Err(Error::Refused(Refusal::new(
                Reason::DetachedHead,
                "HEAD is detached",
                detached_fix(repo, config),
            )));
        }
        Some(b) if !opts.allow_branch => {
            if let Some(why) = off_release_branches(repo, config, b) {
                return Err(Error::Refused(Refusal::new(
                    Reason::Branch,
                    why,
                    "pass --allow-branch for a maintenance release",
                )));
            }
        }
        Some(_) => {}
    }
    if let Some((up, behind)) = repo.behind_upstream().filter(|(_, n)| *n > 0) {
        return Err(Error::Refused(Refusal::new(
            Reason::Behind,
            format!(
                "the branch is {} behind {up} (as last fetched)",
                crate::commit::report::plural(behind, "commit")
            ),
            format!(
                "pull first so the release includes them: `{}`, then release",
                super::pull_steps(repo, config, &up)
            ),
        )));
    }
    if let Some(why) = crate::history::unlinted::release_message_problem(config) {
        let fix = crate::history::unlinted::RELEASE_MESSAGE_FIX;
        return Err(Error::Refused(Refusal::new(
            Reason::CommitMessage,
            why,
            fix,
        )));
    }
    let path = &config.changelog.path;
    if let Some(twin) = repo.head().and_then(|h| repo.case_twin(h, path).ok()?) {
        use crate::history::changelog::{case_twin_fix, case_twin_what};
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            case_twin_what(path, &twin),
            format!(
                "{}, then release again",
                case_twin_fix(
                    path,
                    &twin,
                    &crate::history::sync::changelog_setting(config, path)
                )
            ),
        )));
    }
    if !opts.allow_unlinted {
        unlinted(repo, config)?;
    }
    Ok(())
}

/// Refuses a release above commits pre-push will refuse: rewording them afterwards would
/// leave the tag on the old history, so they are reworded first.
fn unlinted(repo: &Repo, config: &Config) -> Result<()> {
    use crate::history::unlinted;
    let Some(head) = repo.head() else {
        return Ok(());
    };
    let failing = unlinted::unpublished(repo, config, head)?;
    if failing.is_empty() {
        return Ok(());
    }
    Err(Error::Refused(Refusal::new(
        Reason::Unlinted,
        unlinted::what(&failing),
        format!(
            "reword {them} before the tag exists: {}, then release again; or pass --allow-unlinted to release {them} as {} (the push then needs `--no-verify`)",
            unlinted::rebase_step(repo, &failing),
            if failing.len() == 1 {
                "it is"
            } else {
                "they are"
            },
            them = unlinted::them(&failing),
        ),
    )))
}

/// The pull that brings in what `upstream` (`origin/main`) has, naming the remote and branch:
/// a branch pushed without `-u` has no upstream, and a plain `git pull` refuses there. With
/// `--tags`: a pull that names its branch follows no tags, and a release commit it brings
/// without its tag reads as an interrupted release.
pub fn pull_command(upstream: &str) -> String {
    match upstream.split_once('/') {
        Some((remote, branch)) => format!("git pull --rebase --tags {remote} {branch}"),
        None => "git pull --rebase".to_owned(),
    }
}

/// Why `branch` is not one releases are made from (`release.branches`; empty: any branch).
/// `relhook release` and a hand tag's release commit share the rule.
pub fn off_release_branches(repo: &Repo, config: &Config, branch: &str) -> Option<String> {
    // The usual case (`main`) is told from the configuration alone, before the repository's
    // own names for its trunk are read (a hand tag asks this in its hook).
    // A channel's branch makes its pre-releases (`[release] channels`).
    if (config.release.branches.iter()).any(|b| branch_matches(b, branch))
        || config.release.channel(branch).is_some()
    {
        return None;
    }
    let branches = &release_branches(repo, config);
    let admitted = branches.iter().any(|b| branch_matches(b, branch));
    (!branches.is_empty() && !admitted).then(|| {
        // Named as they are here: a default (main, master) this repository lacks is no way on.
        let here: Vec<&str> = branches
            .iter()
            .filter(|b| is_here(repo, b))
            .map(String::as_str)
            .collect();
        match here.is_empty() {
            false => format!(
                "releases are made from {} (`release.branches`), not `{branch}`",
                here.join(", ")
            ),
            true => format!(
                "releases are made from {} (`release.branches`, none of them a branch here), not `{branch}`",
                branches.join(", ")
            ),
        }
    })
}

/// Whether `release.branches` entry `b` names a local branch (a pattern: any it matches).
fn is_here(repo: &Repo, b: &str) -> bool {
    if !b.contains('*') {
        return repo.has_local_branch(b);
    }
    repo.branches_at("heads/*")
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("heads/"))
        .any(|name| branch_matches(b, name))
}

/// `release.branches`, where the default (main, master) also names the repository's own trunk
/// (a remote's default branch, `init.defaultBranch`); where none of those is a branch here,
/// the branch it began on (`git init -b trunk`); and where that is not known either (its
/// reflog gone), the default admits any: it cannot say which is the trunk.
pub fn release_branches(repo: &Repo, config: &Config) -> Vec<String> {
    let configured = &config.release.branches;
    if *configured != crate::config::ReleaseConfig::default().branches {
        return configured.clone();
    }
    let mut names = configured.clone();
    for t in repo.trunk_names() {
        if !names.contains(&t) {
            names.push(t);
        }
    }
    if names.iter().any(|n| repo.has_local_branch(n)) {
        return names;
    }
    // None of those here: the branch the repository began on is its trunk.
    match repo.first_branch() {
        Some(first) => {
            names.push(first);
            names
        }
        None => Vec::new(),
    }
}

/// The way from a detached HEAD to a release: the release branch that holds HEAD's commit (a
/// tag or a commit checked out), else a branch of its own for the commits made there, which
/// `git switch` to a release branch alone would leave behind.
fn detached_fix(repo: &Repo, config: &Config) -> String {
    let names: Vec<String> = release_branches(repo, config)
        .into_iter()
        .filter(|b| !b.contains('*') && repo.has_local_branch(b))
        .collect();
    let holds = |b: &String| match (repo.ref_target(&format!("refs/heads/{b}")), repo.head()) {
        (Some(tip), Some(head)) => tip == head || repo.reaches(tip, head),
        _ => false,
    };
    match (names.iter().find(|b| holds(b)), names.first()) {
        (Some(b), _) => format!("`git switch {b}` (it holds HEAD's commit), then release again"),
        (None, Some(b)) => format!(
            "HEAD's commits are on no release branch (`git switch {b}` alone would leave them behind): `git switch -c <name>`, then `git switch {b} && git merge <name>`, then release again"
        ),
        (None, None) => {
            "`git switch -c <name>` puts HEAD's commits on a branch; then release again".into()
        }
    }
}

/// Whether `branch` is one `pattern` of `release.branches` names: a `*` stands for any run of
/// characters but `/`, as in git's ref patterns (`release/*` is `release/1.x`, not
/// `release/1.x/fix`); everything else is itself.
pub fn branch_matches(pattern: &str, branch: &str) -> bool {
    crate::config::branch_matches(pattern, branch)
}

/// Refuses, before anything is planned or written, a test command that would not start here
/// (its program not installed): the release would only fail at its tests, after its commit.
/// `--dry-run` runs no tests: it notes it instead ([`tests_cannot_start`]).
pub(crate) fn tests_start(config: &Config, root: &std::path::Path, opts: &Options) -> Result<()> {
    match tests_cannot_start(config, root) {
        Some(r) if !opts.no_test && !opts.dry_run => Err(Error::Refused(r)),
        _ => Ok(()),
    }
}

/// Why `config`'s test command would not start here, with the fix, as the release's refusal.
pub fn tests_cannot_start(config: &Config, root: &std::path::Path) -> Option<Refusal> {
    let argv = config.checks.test.as_ref()?;
    let Some(crate::testrun::RunStatus::CannotStart { reason, code }) =
        crate::testrun::cannot_start(argv, root)
    else {
        return None;
    };
    let program = argv.first().map_or("", String::as_str);
    let first = if code == 127 {
        format!("install `{program}` (or put it on PATH)")
    } else {
        format!("make `{program}` executable")
    };
    Some(Refusal::new(
        Reason::TestsCannotStart,
        reason,
        format!(
            // Committed: the release refuses a .relconfig.toml left uncommitted.
            "{first}, or commit `{}` in .relconfig.toml, set to a test command that runs here (an argv list)",
            config.test_key()
        ),
    ))
}

/// The files a release of `config` edits that a sparse checkout leaves out of the work tree
/// (its changelog, its version files, and where version files are detected the manifests at
/// the top), as a refusal with the command that brings them in: the release reads them from
/// the work tree and must not take them for missing.
pub fn outside_sparse_checkout(repo: &crate::git::Repo, config: &Config) -> Option<Refusal> {
    let (paths, add) = left_out_of_sparse_checkout(repo, config)?;
    let (it, verb) = if paths.len() == 1 {
        ("it", "is")
    } else {
        ("them", "are")
    };
    Some(Refusal::new(
        Reason::SparseCheckout,
        format!(
            "{} {verb} outside the sparse checkout, and the release edits {it}",
            paths.join(", ")
        ),
        format!("`{add}` brings {it} in"),
    ))
}

/// The files of [`outside_sparse_checkout`], and the `git sparse-checkout add` command that
/// brings them in.
pub fn left_out_of_sparse_checkout(
    repo: &crate::git::Repo,
    config: &Config,
) -> Option<(Vec<String>, String)> {
    let files = read_and_written(config, false);
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    repo.left_out_of_sparse_checkout(&files)
}

/// The files a release of `config` reads and may write, known without reading them: its
/// changelog, its `[version] files`, the manifests at the top where version files are detected,
/// and (`lock`) Cargo.lock.
fn read_and_written(config: &Config, lock: bool) -> Vec<PathBuf> {
    let mut files = vec![config.changelog.path.clone()];
    files.extend(
        config
            .version
            .files
            .iter()
            .flatten()
            .map(|f| f.path.clone()),
    );
    if config.version.detect {
        files.extend(crate::history::version::files::manifest_paths());
    }
    if lock {
        files.push(PathBuf::from("Cargo.lock"));
    }
    files
}

/// Local changes hidden from `git status` (`git update-index --skip-worktree` or
/// `--assume-unchanged`) in a file a release of `config` reads and writes: the release reads
/// the work tree's file and would commit them, though the tree looks clean. A refusal naming
/// the file and the flag to clear, ending "then `again` again" (`release`, `tag`).
pub fn hidden_changes(repo: &Repo, config: &Config, again: &str) -> Option<Refusal> {
    let files = read_and_written(config, true);
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    hidden_in(repo, &files, again)
}

/// [`hidden_changes`] among `files`, the paths a release writes.
pub fn hidden_in(repo: &Repo, files: &[&Path], again: &str) -> Option<Refusal> {
    let hidden = repo.hidden_changes(files);
    let (what, fix) = describe_hidden(&hidden)?;
    Some(Refusal::new(
        Reason::HiddenChanges,
        what,
        format!("{fix}, then {again} again"),
    ))
}

/// Refuses edits of files with local changes hidden from `git status` (`git update-index
/// --skip-worktree`, `--assume-unchanged`): each edit starts from the work tree's file, so the
/// release commit would carry them. Every file a release writes, detected ones included.
/// The refusal ends "then `again` again" (`release`, `tag`).
pub fn hidden_in_edits(
    repo: &Repo,
    edits: &[crate::history::version::files::Edit],
    again: &str,
) -> Result<()> {
    let paths: Vec<&Path> = edits.iter().map(|e| e.path.as_path()).collect();
    match hidden_in(repo, &paths, again) {
        Some(r) => Err(Error::Refused(r)),
        None => Ok(()),
    }
}

/// What [`hidden_in`] says about `hidden` files (none: `None`): the problem, and the command
/// that shows the changes to git again (to commit or drop).
fn describe_hidden(hidden: &[crate::git::Hidden]) -> Option<(String, String)> {
    if hidden.is_empty() {
        return None;
    }
    let paths: Vec<&str> = hidden.iter().map(|h| h.path.as_str()).collect();
    let mut flags: Vec<&str> = Vec::new();
    if hidden.iter().any(|h| h.skip_worktree) {
        flags.push("skip-worktree");
    }
    if hidden.iter().any(|h| h.assume_unchanged) {
        flags.push("assume-unchanged");
    }
    let set: Vec<String> = flags
        .iter()
        .map(|f| format!("`git update-index --{f}`"))
        .collect();
    let clear: Vec<String> = flags.iter().map(|f| format!("--no-{f}")).collect();
    let words: Vec<String> = paths.iter().map(|p| crate::shellword::quote(p)).collect();
    let has = if hidden.len() == 1 { "has" } else { "have" };
    Some((
        format!(
            "{} {has} local changes hidden from git status ({}), and a release would commit them",
            paths.join(", "),
            set.join(", ")
        ),
        format!(
            "`git update-index {} {}` and commit or drop them",
            clear.join(" "),
            words.join(" ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::branch_matches;

    #[test]
    fn a_star_matches_within_one_path_component() {
        assert!(branch_matches("main", "main"));
        assert!(!branch_matches("main", "main2"));
        assert!(branch_matches("release/*", "release/1.x"));
        assert!(branch_matches("release/*", "release/"));
        assert!(!branch_matches("release/*", "release/1.x/fix"));
        assert!(!branch_matches("release/*", "release"));
        assert!(!branch_matches("release/*", "hotfix/release/1.x"));
        assert!(branch_matches("v*-maint", "v1.2-maint"));
        assert!(!branch_matches("v*-maint", "v1/2-maint"));
        assert!(branch_matches("*/*", "a/b"));
        assert!(branch_matches("*", "topic"));
        assert!(!branch_matches("*", "a/b"));
        assert!(branch_matches("rel*se/**", "release/x"));
    }
}
