//! `relhook test`: the configured test command, run as the pre-push gate runs it.

use std::io::Write;

use super::args::TestArgs;
use super::{Context, Outcome};
use crate::error::{Reason, Refusal};
use crate::testrun::RunStatus;
use crate::{Error, Result};

/// `relhook test`: exits as the test command did (126/127 when it cannot start, as a shell
/// would), so that CI sees the tests' own status. Several `--tag`s are all resolved first (an
/// unknown one runs nothing), then tested in turn, each tree once, up to the first that does
/// not pass (the passes before it stay recorded).
pub(super) fn test(ctx: &Context, args: &TestArgs) -> Result<Outcome> {
    // A Ctrl-C: said at once when the test command is slow to stop.
    crate::interrupt::on_stop(super::stopping::plain);
    let package = args.package.as_deref();
    let (repo, root, config) = ctx.open()?;
    if args.tag.is_empty() {
        let head = prepare(&repo, &root, &config, package, None)?;
        return test_one(&repo, &root, package, head);
    }
    let mut targets: Vec<Target> = Vec::new();
    for tag in &args.tag {
        let target = prepare(&repo, &root, &config, package, Some(tag))?;
        match targets.iter().find(|t| t.same_record(&target)) {
            Some(first) => {
                // The record is per tree: one run's pass counts for every name of it.
                let (Some((first, _)), Some((name, _))) = (&first.tagged, &target.tagged) else {
                    continue;
                };
                if first != name {
                    let _ = writeln!(
                        crate::cli::stream::stderr(),
                        "relhook: {name} names {first}'s tree: its pass counts for both"
                    );
                }
            }
            None => targets.push(target),
        }
    }
    let names: Vec<String> = targets.iter().filter_map(Target::tag).collect();
    for (at, target) in targets.into_iter().enumerate() {
        let outcome = test_one(&repo, &root, package, target)?;
        if outcome != Outcome::Ok {
            let left = &names[at + 1..];
            if !left.is_empty() {
                let _ = writeln!(
                    crate::cli::stream::stderr(),
                    "relhook: stopped at {}: {} not tested",
                    names[at],
                    left.join(", ")
                );
            }
            return Ok(outcome);
        }
    }
    Ok(Outcome::Ok)
}

/// What one test run tests: HEAD, or a release tag and its commit, with the configuration
/// that applies there (a package's view).
struct Target {
    tagged: Option<(String, git2::Oid)>,
    config: crate::config::Config,
    argv: Vec<String>,
    /// The tree a pass is recorded for, beside the package it is recorded as.
    record: (Option<git2::Oid>, Option<String>),
}

impl Target {
    fn tag(&self) -> Option<String> {
        self.tagged.as_ref().map(|(t, _)| t.clone())
    }

    /// Whether a pass of `other` would be the same record as this one's.
    fn same_record(&self, other: &Target) -> bool {
        self.record == other.record
    }
}

/// Resolves `tag` and the configuration for it, refusing what could not be recorded, before
/// anything runs or is said of a run.
fn prepare(
    repo: &crate::git::Repo,
    root: &std::path::Path,
    config: &crate::config::Config,
    package: Option<&str>,
    tag: Option<&String>,
) -> Result<Target> {
    let tagged = match tag {
        // A bare version (`0.1.0`) names its release tag: `--package`'s, else the one there is.
        Some(tag) => {
            let prefixes = super::notes::release_prefixes(config, package);
            Some(super::notes::tag_commit(repo, tag, &prefixes)?)
        }
        None => None,
    };
    let config = match (package, &tagged) {
        (Some(name), _) => crate::history::packages::view(config, name, root)?,
        // A package's tag is tested as its package, laid out as at the tag.
        (None, Some((tag, commit))) => {
            crate::tag::config_at(repo, config, root, tag, *commit).unwrap_or(config.clone())
        }
        (None, None) => config.clone(),
    };
    if tagged.is_some() {
        use crate::release::settings;
        if let Some(r) = settings::uncommitted(repo, &config, settings::TEST_RUN)? {
            return Err(Error::Refused(r));
        }
    }
    let argv = test_argv(&config, root)?;
    let record = (
        tagged.as_ref().and_then(|(_, c)| repo.tree_of(*c)),
        config.package.as_ref().map(|p| p.name.clone()),
    );
    Ok(Target {
        tagged,
        config,
        argv,
        record,
    })
}

/// The test command `config` runs, else the one the project's manifest makes evident (said),
/// else an error naming the key to set.
fn test_argv(config: &crate::config::Config, root: &std::path::Path) -> Result<Vec<String>> {
    if let Some(argv) = &config.checks.test {
        return Ok(argv.clone());
    }
    let mut err = crate::cli::stream::stderr();
    let Some((argv, manifest)) = crate::init::evident_test_command(root) else {
        if crate::init::npm_placeholder_test(root) {
            let _ = writeln!(
                err,
                "relhook: the `test` script of package.json is `npm init`'s placeholder, which always fails: write your tests into it first"
            );
        }
        let package = config.package.as_ref().map(|p| p.path.as_path());
        let example = crate::init::example_test_command(root, package);
        return Err(Error::NoTestCommand(
            config.test_key(),
            crate::init::toml_argv(&example),
            root.join(crate::config::FILE_NAME).exists(),
        ));
    };
    let _ = writeln!(
        err,
        "relhook: `{key}` is not set; {manifest} makes `{}` the evident test command (set `{key}` in .relconfig.toml to choose another)",
        crate::testrun::shown(&argv),
        key = config.test_key()
    );
    Ok(argv)
}

/// `relhook test` (`--package` as `package` names it) of HEAD, or of the release tag
/// `target` names.
fn test_one(
    repo: &crate::git::Repo,
    root: &std::path::Path,
    package: Option<&str>,
    target: Target,
) -> Result<Outcome> {
    let Target {
        tagged,
        config,
        argv,
        ..
    } = target;
    let argv = &argv[..];
    let mut err = crate::cli::stream::stderr();
    if let Some((tag, commit)) = &tagged {
        return test_tag(repo, &config, tag, *commit, argv);
    }
    let head = repo.head().ok_or_else(|| {
        Error::Refused(Refusal::new(
            Reason::NoCommits,
            "no commits yet",
            "nothing to record",
        ))
    })?;
    let dirty = repo.dirty_or_hidden_paths(5)?;
    let _ = writeln!(err, "relhook: running `{}`", crate::testrun::shown(argv));
    let status = crate::testrun::run_status(argv, root)?;
    if let RunStatus::CannotStart { reason, .. } = &status {
        let _ = writeln!(err, "relhook: {reason}; nothing recorded");
        // An example of the project's ecosystem, unless that is the command that failed.
        let package = config.package.as_ref().map(|p| p.path.as_path());
        let example = Some(crate::init::example_test_command(root, package))
            .filter(|e| e != argv)
            .map(|e| format!("{} or ", crate::init::toml_argv(&e)))
            .unwrap_or_default();
        let _ = writeln!(
            err,
            "hint: `{}` in .relconfig.toml is an argv list run without a shell, e.g. {example}[\"sh\", \"-c\", \"make test\"]",
            config.test_key()
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    if !status.passed() {
        let _ = writeln!(
            err,
            "relhook: tests failed ({}); nothing recorded",
            status.describe()
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    if !dirty.is_empty() {
        let _ = writeln!(
            err,
            "relhook: tests passed, but the working tree has changes ({}): not recorded, since they are not HEAD's tree",
            crate::printable::list(&dirty)
        );
        // The usual first time: `[checks] test` was just written and not committed yet.
        if dirty.iter().any(|p| p == crate::config::FILE_NAME) {
            let _ = writeln!(
                err,
                "hint: commit {} (the test command belongs to the tree it tests), then run `{}` again; a release tag made before that commit: `git tag -d` it and tag again",
                crate::config::FILE_NAME,
                again(package)
            );
        } else if let Ok(new) = repo.untracked_paths(6)
            && !new.is_empty()
            && new.len() == dirty.len()
        {
            // Only new files (build output of an earlier run, `__pycache__/`): what to do
            // with each, as after a run that leaves them.
            let _ = writeln!(
                err,
                "hint: {}; then run `{}` again",
                crate::testrun::leftovers::advice(&new, None, &config.commit),
                again(package)
            );
        }
        return Ok(Outcome::Failed);
    }
    // A full disk: the pass is said, not lost in the write error.
    let rec = crate::testrun::record_for(repo, &config, head, argv)
        .map_err(|e| not_recorded(e, package, None))?;
    let _ = writeln!(
        err,
        "relhook: tests passed; recorded for tree {}{} in {} ({})",
        crate::git::short_hex(&rec.tree),
        built_on(repo, &config, head),
        crate::testrun::NOTES_REF,
        publish_clause(repo),
    );
    // Build output the project does not ignore (a first `target/`, `Cargo.lock`,
    // `__pycache__/`) would make the next push of a release tag, and the next record, refuse.
    let left = repo.dirty_paths(6)?;
    if !left.is_empty() {
        let mut paths = crate::printable::list(&left[..left.len().min(5)]);
        if left.len() > 5 {
            paths.push_str(", …");
        }
        // New files are build output (or a lock file not committed yet); a tracked file the
        // tests changed (a snapshot, codegen) is no use in .gitignore: it is restored or
        // committed.
        let new: Vec<String> = repo
            .untracked_paths(50)?
            .into_iter()
            .filter(|p| left.contains(p))
            .collect();
        let changed: Vec<String> = left
            .iter()
            .filter(|p| !new.contains(p))
            .map(|p| crate::shellword::from_top(std::path::Path::new(p)))
            .collect();
        let mut fixes = Vec::new();
        if !new.is_empty() {
            let tag = release_tag_at(repo, &config, head);
            fixes.push(crate::testrun::leftovers::advice(
                &new,
                (tag.as_deref()).map(|t| crate::testrun::leftovers::Tag::of(repo, t)),
                &config.commit,
            ));
        }
        if !changed.is_empty() {
            fixes.push(format!(
                "restore what they changed (`git checkout -- {}`), or commit it and test again",
                changed.join(" ")
            ));
        }
        let fix = fixes.join("; ");
        let what = match (new.is_empty(), changed.is_empty()) {
            (false, true) => "left files git does not ignore",
            (true, false) => "changed tracked files",
            _ => "changed tracked files and left files git does not ignore",
        };
        let _ = writeln!(
            err,
            "relhook: warning: the tests {what} ({paths}); pre-push refuses to publish a release from a tree with them: {fix}"
        );
    }
    Ok(Outcome::Ok)
}

/// The command the user ran, to run again: a plain `relhook test` records the whole tree,
/// which does not count for a package's tag (`--package`). A `--tag` run never gets here: it
/// tests a clean checkout, where no build output is left behind.
fn again(package: Option<&str>) -> String {
    match package {
        Some(p) => format!("relhook test --package {}", crate::shellword::quote(p)),
        None => "relhook test".to_owned(),
    }
}

/// The error of a pass whose record could not be written: it says the tests passed, and the
/// command that runs them again to record it (`tag`: the `--tag` tested).
fn not_recorded(error: Error, package: Option<&str>, tag: Option<&str>) -> Error {
    let mut again = again(package);
    if let Some(tag) = tag {
        again.push_str(&format!(" --tag {}", crate::shellword::quote(tag)));
    }
    Error::NotRecorded {
        error: Box::new(error),
        again,
    }
}

/// A release tag on `head` (the greatest), whose tag a lock file's fix makes again.
fn release_tag_at(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    head: git2::Oid,
) -> Option<String> {
    repo.release_tag_candidates(&config.version.tag_prefix)
        .into_iter()
        .filter(|t| t.commit == head)
        .max_by(|a, b| a.version.cmp_precedence(&b.version))
        .map(|t| t.name)
}

/// `relhook test --tag`: `argv` on a clean checkout of `commit` in a temporary worktree (the
/// work tree, HEAD and the branch untouched), a pass recorded for the tag's tree.
fn test_tag(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    tag: &str,
    commit: git2::Oid,
    argv: &[String],
) -> Result<Outcome> {
    let mut err = crate::cli::stream::stderr();
    let _ = writeln!(
        err,
        "relhook: running `{}` on a clean checkout of {tag}",
        crate::testrun::shown(argv)
    );
    let status = crate::prepush::run_in_clean_checkout(repo, config, commit, argv)?;
    if let RunStatus::CannotStart { reason, .. } = &status {
        let _ = writeln!(err, "relhook: {reason}; nothing recorded");
        let _ = writeln!(
            err,
            "hint: `{}` in .relconfig.toml is an argv list run without a shell in a clean checkout of the tag, e.g. [\"sh\", \"-c\", \"make test\"]",
            config.test_key()
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    if !status.passed() {
        let _ = writeln!(
            err,
            "relhook: tests failed on {tag} ({}); nothing recorded",
            status.describe()
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    crate::testrun::record_for(repo, config, commit, argv).map_err(|e| {
        not_recorded(
            e,
            config.package.as_ref().map(|p| p.name.as_str()),
            Some(tag),
        )
    })?;
    let _ = writeln!(
        err,
        "relhook: tests passed; recorded for {tag}'s tree in {} ({})",
        crate::testrun::NOTES_REF,
        publish_clause(repo),
    );
    Ok(Outcome::Ok)
}

/// What a package's record names beside its directory's tree: ` (crates/api, with crates/util
/// 1a2b3c4d5, Cargo.lock 6e7f8a9b0)`; nothing for the whole tree's.
fn built_on(repo: &crate::git::Repo, config: &crate::config::Config, commit: git2::Oid) -> String {
    let Some(p) = &config.package else {
        return String::new();
    };
    let with = crate::testrun::Depends::at(repo, config, commit, &p.path)
        .describe()
        .map(|d| format!(", with {d}"))
        .unwrap_or_default();
    format!(" ({}{with})", p.path.display())
}

/// How a record is published, in the parentheses after "recorded ... in <ref>": to where a
/// push of HEAD's branch goes (its push remote or upstream's, else remote.pushDefault, else
/// the only remote), as the release's own next steps name it; on no branch (a bisect, a tag
/// checked out) the only remote. Among several with none of those, `origin` is no more than a
/// guess, so the command names `<remote>` and says how to pick one; with no remote there is
/// nowhere to publish it, said so: a command naming one would fail pasted.
fn publish_clause(repo: &crate::git::Repo) -> String {
    use crate::git::PushDestination;
    use crate::shellword::quote;
    let remote = match repo.push_destination() {
        PushDestination::Branch {
            remote: Some(r),
            guessed: false,
            ..
        } => r,
        PushDestination::NoRemote { .. } => return NO_REMOTE.to_owned(),
        _ => match repo.remote_names().as_slice() {
            [] => return NO_REMOTE.to_owned(),
            [only] => only.clone(),
            several => {
                let command = crate::testrun::publish_records_command("<remote>");
                let mut names: Vec<String> =
                    several.iter().map(|r| format!("`{}`", quote(r))).collect();
                names.sort();
                return format!(
                    "publish: `{}`, <remote> one of {}; `git config remote.pushDefault <remote>` makes it the default",
                    command.replace(&quote("<remote>"), "<remote>"),
                    names.join(", ")
                );
            }
        },
    };
    format!(
        "publish: `{}`",
        crate::testrun::publish_records_command(&remote)
    )
}

/// [`publish_clause`] in a repository with no remote.
const NO_REMOTE: &str = "this repository has no remote to publish it to";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_to_run_again_keeps_the_flags_given() {
        assert_eq!(again(None), "relhook test");
        assert_eq!(again(Some("core")), "relhook test --package core");
        assert_eq!(again(Some("my app")), "relhook test --package 'my app'");
    }

    #[test]
    fn a_record_not_written_says_the_pass_and_the_command_that_records_it() {
        let full = || {
            Error::io(
                "write",
                "x",
                std::io::Error::other("No space left on device"),
            )
        };
        assert_eq!(
            not_recorded(full(), None, None).to_string(),
            "the tests passed, but their record could not be written (cannot write `x`: No space left on device); once that is fixed, `relhook test` runs them again and records the pass"
        );
        let said = not_recorded(full(), Some("api"), Some("api v1.0.0")).to_string();
        assert!(
            said.ends_with("`relhook test --package api --tag 'api v1.0.0'` runs them again and records the pass"),
            "{said}"
        );
    }
}
