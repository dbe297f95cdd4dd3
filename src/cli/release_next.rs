//! The last line of a release or of its resume: the one next step that works. A release tag
//! pre-push would refuse as untested gets pre-push's own way to test it first (`relhook test`
//! on HEAD; a checkout of the tag when the release commit is below HEAD); else the push. A
//! refused release ends the same way: the reason, then the one command that gets past it.

use std::io::Write;

use git2::Oid;

use super::Outcome;
use super::release_options::Rerun;
use crate::Result;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::shellword::quote;

mod push;
use push::{Push, push_command};

/// A release tag just made, as the next step needs it.
pub(super) struct Made<'a> {
    /// The tag.
    pub tag: &'a str,
    /// The configuration it is released under (a package's view in a monorepo).
    pub config: &'a Config,
    /// Whether its tests ran and passed on the release commit (and are recorded).
    pub tested: bool,
}

impl Made<'_> {
    /// Whether pre-push will refuse it as untested: not tested now, no record from before
    /// (an earlier run on the same tree), and a record required.
    pub(super) fn untested(&self, repo: &Repo, commit: Oid) -> bool {
        !self.tested
            && self.config.checks.require_tested_tags
            && !pre_push_tests(repo, self.config)
            && crate::testrun::find_for(repo, self.config, commit).is_none()
    }
}

/// Says, one line each, which tags pre-push will refuse as untested and why.
pub(super) fn say_untested(
    err: &mut dyn Write,
    repo: &Repo,
    commit: Oid,
    made: &[Made<'_>],
    no_test: bool,
) {
    say_why_untested(err, repo, commit, made, NotRun::Release { no_test });
}

/// [`say_untested`] for a release tagged by hand (`git tag -a`), which runs no tests whatever
/// is set: a key left unset is no reason.
pub(super) fn say_untested_by_hand(
    err: &mut dyn Write,
    repo: &Repo,
    commit: Oid,
    made: &[Made<'_>],
) {
    say_why_untested(err, repo, commit, made, NotRun::ByHand);
}

/// Why a release's tests did not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotRun {
    /// `relhook release` or its resume (`--no-test` given or not).
    Release { no_test: bool },
    /// A release tagged by hand.
    ByHand,
}

fn say_why_untested(
    err: &mut dyn Write,
    repo: &Repo,
    commit: Oid,
    made: &[Made<'_>],
    not_run: NotRun,
) {
    for m in made.iter().filter(|m| m.untested(repo, commit)) {
        let why = match not_run {
            NotRun::Release { no_test: true } => "--no-test".to_owned(),
            NotRun::ByHand if crate::prepush::test_argv(repo, m.config).is_none() => {
                "a release tagged by hand runs no tests, and no test command is set or evident"
                    .to_owned()
            }
            // What the `next:` line's `relhook test` runs, when the key is not set.
            NotRun::Release { .. } if m.config.checks.test.is_none() => {
                let evident = match crate::prepush::test_argv(repo, m.config) {
                    Some((argv, Some(manifest))) => format!(
                        "; `relhook test` runs `{}`, evident from {manifest}",
                        crate::testrun::shown(&argv)
                    ),
                    _ => String::new(),
                };
                format!(
                    "`{}` is not set in .relconfig.toml{evident}",
                    m.config.test_key()
                )
            }
            _ => "a release tagged by hand runs no tests".to_owned(),
        };
        let _ = writeln!(err, "relhook: {} was not tested ({why})", m.tag);
    }
}

/// Released on purpose (`allow`: `--allow-unlinted`) over commits pre-push refuses, from
/// `head` as it was before: said, as its push is one on purpose too (true: it must be).
pub(super) fn say_unchecked(
    err: &mut dyn Write,
    repo: &Repo,
    config: &crate::config::Config,
    head: Oid,
    allow: bool,
) -> bool {
    let unchecked = allow
        && crate::history::unlinted::unpublished(repo, config, head).is_ok_and(|f| !f.is_empty());
    if unchecked {
        let _ = writeln!(
            err,
            "relhook: note: pre-push refuses the commits this release took unchecked (--allow-unlinted), so the push below skips it (`--no-verify`), on purpose; or reword them first (`relhook check` names them)"
        );
    }
    unchecked
}

/// Prints `next: …` for the tags made on release commit `commit` (`at_head`: it is HEAD).
pub(super) fn say_next(
    err: &mut dyn Write,
    repo: &Repo,
    commit: Oid,
    made: &[Made<'_>],
    at_head: bool,
) {
    say_next_with(err, repo, commit, made, (at_head, false));
}

/// [`say_next`], where `unchecked`: the release took commits pre-push refuses, so its push
/// skips pre-push, on purpose.
pub(super) fn say_next_with(
    err: &mut dyn Write,
    repo: &Repo,
    commit: Oid,
    made: &[Made<'_>],
    (at_head, unchecked): (bool, bool),
) {
    let untested: Vec<&Made<'_>> = made.iter().filter(|m| m.untested(repo, commit)).collect();
    let older = super::release_older::older_untested(repo, commit, made);
    let Push {
        add,
        command: push,
        remote,
        head,
        why,
        set_upstream,
    } = push_command(repo);
    let on_purpose_flag = |c: String| match unchecked {
        true => c.replacen("git push ", "git push --no-verify ", 1),
        false => c,
    };
    let push = on_purpose_flag(push);
    // A tag no test can pass goes first, untested on purpose: the push then passes pre-push.
    let untestable: Vec<&str> = older.untestable.iter().map(String::as_str).collect();
    let on_purpose = (!untestable.is_empty()).then(|| {
        crate::prepush::on_purpose_push(remote.as_deref().unwrap_or("origin"), &untestable)
    });
    // A step that names the remote (npm's placeholder test: the tag pushed alone, on
    // purpose) comes after the remote is added, so adding it comes first of all then.
    let first_add = add.clone();
    let mut push = [add, on_purpose, Some(push)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" && ");
    let untestable = match untestable.as_slice() {
        [] => String::new(),
        names => format!(
            "; {}: pushed first, untested on purpose (or commit `[checks] require_tested_tags = false` instead)",
            crate::prepush::no_tests_to_run(names)
        ),
    };
    // pre-push refuses a release tag on HEAD pushed from a dirty tree (what the tests left
    // behind, or what --allow-dirty let stay), so the clean-up comes before the push.
    if let Some(paths) = at_head.then(|| left_in_tree(repo)).flatten() {
        let _ = writeln!(
            err,
            "relhook: the working tree has changes the release does not include ({paths}); pre-push refuses a release tag on HEAD from a dirty tree"
        );
        let new = repo.untracked_paths(6).unwrap_or_default();
        let dirty = repo.dirty_paths(6).unwrap_or_default();
        // A FIFO where a file is tracked: git can neither commit nor stash it.
        push = if let Some(advice) = crate::release::special_advice(repo, &dirty) {
            format!("{advice}, then {push}")
        } else if !new.is_empty() && new.len() == dirty.len() {
            // Only new files (what the tests left): the steps for each kind.
            let advice = match made.first() {
                Some(m) => crate::testrun::leftovers::advice(
                    &new,
                    Some(crate::testrun::leftovers::Tag::of(repo, m.tag)),
                    &m.config.commit,
                ),
                None => crate::testrun::leftovers::advice(&new, None, &Config::default().commit),
            };
            format!("{advice}; then {push}")
        } else if paths.split(", ").any(|p| p == ".relconfig.toml") {
            // relhook's own configuration is never build output.
            format!(
                "commit or restore {paths} (`.relconfig.toml` is relhook's configuration, which every clone's hooks read), then {push}"
            )
        } else if new.is_empty() {
            // Changed tracked files (what --allow-dirty kept): never build output, and not
            // to be thrown away.
            format!("commit or stash {paths}, then {push}")
        } else {
            format!(
                "commit or stash {paths} (`git stash -u`: plain `git stash` leaves new files), or put new build output in .gitignore, then {push}"
            )
        };
    }
    // The reason a push names its remote is said only where nothing else is.
    if untested.is_empty() && older.tested.is_empty() {
        if !untestable.is_empty() {
            let _ = writeln!(
                err,
                "next: {push}   (pre-push refuses a release tag with no test record{untestable})"
            );
            return;
        }
        let mut notes = Vec::new();
        if let ([one], Some(remote)) = (made, &remote) {
            notes.push(on_purpose_flag(format!(
                "or: git push {set_upstream}{remote} {head} {}",
                quote(one.tag)
            )));
        }
        notes.extend(why);
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("   ({})", notes.join("; "))
        };
        let _ = writeln!(err, "next: {push}{notes}");
        return;
    }
    // Tested by pre-push's own command where there is a test command; else the steps that
    // set one (and the way to go without).
    let mut steps = Vec::new();
    let mut names_remote = false;
    let (mut firsts, mut commands): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let mut first_once = |first: Option<String>| {
        firsts.extend(first.filter(|f| !firsts.contains(f)));
    };
    // Named after a release that may be tested itself: why is said (it goes with the push).
    let why_older = match older.tested.len() {
        0 => "",
        1 => "; the older release tag it tests, not pushed yet, goes with this push",
        _ => "; the older release tags it tests, not pushed yet, go with this push",
    };
    let older = older
        .command
        .map(|(first, command)| {
            first_once(first);
            command
        })
        .into_iter()
        .collect::<Vec<_>>();
    for m in &untested {
        match crate::prepush::test_tag_steps(repo, m.config, m.tag, at_head) {
            Some((first, command)) => {
                first_once(first);
                commands.push(command);
            }
            None => {
                let to = remote.as_deref().or(first_add.as_ref().map(|_| "origin"));
                let set = crate::prepush::set_test_command(repo, m.config, to, m.tag);
                names_remote |= set.contains("git push ");
                steps.push(match made {
                    [_] => format!("{set}; or {}", crate::prepush::TESTS_OFF),
                    _ => format!("for {} (no test command is set or evident), {set}", m.tag),
                });
            }
        }
    }
    // The older tags first: the push sends them with the new one (`--follow-tags`).
    commands.splice(0..0, older);
    if !commands.is_empty() {
        // What the commands need (a test program installed) is said once, before them.
        let first = firsts
            .iter()
            .map(|f| format!("{f}, then "))
            .collect::<String>();
        steps.insert(0, format!("{first}{}", commands.join(" && ")));
    }
    if made.len() > 1 && steps.len() > usize::from(!commands.is_empty()) {
        steps.push(format!("or {}", crate::prepush::TESTS_OFF));
    }
    let add_first = match first_add.filter(|_| names_remote) {
        Some(add) => {
            push = push.replacen(&format!("{add} && "), "", 1);
            format!("{add}, then ")
        }
        None => String::new(),
    };
    let _ = writeln!(
        err,
        "next: {add_first}{}, then {push}   (pre-push refuses a release tag with no test record{why_older}{untestable})",
        steps.join("; ")
    );
}

/// Whether pre-push tests an untested release tag itself (`[checks] run_tests_on_push` with
/// a test command set or evident): it then refuses none as untested.
pub(super) fn pre_push_tests(repo: &Repo, config: &Config) -> bool {
    config.checks.run_tests_on_push && crate::prepush::test_argv(repo, config).is_some()
}

/// The paths (at most five named) that make the working tree dirty, as pre-push sees it.
/// How many paths make the tree dirty (at most six, as [`left_in_tree`] reads them).
fn left_in_tree(repo: &Repo) -> Option<String> {
    repo.work_tree()?;
    let dirty = repo.dirty_paths(6).ok()?;
    if dirty.is_empty() {
        return None;
    }
    let mut paths = crate::printable::list(&dirty[..dirty.len().min(5)]);
    if dirty.len() > 5 {
        paths.push_str(", …");
    }
    Some(paths)
}

/// Says a refused release: the reason, then the `next:` line that gets past it.
pub(super) fn refused(r: &Refusal, json: bool) -> Result<Outcome> {
    refused_in(r, json, &Rerun::plain("relhook release"))
}

/// [`refused`] for a refusal of `rerun` (the release command as given, which `--no-test`
/// is added to where not given).
pub(super) fn refused_in(r: &Refusal, json: bool, again: &Rerun) -> Result<Outcome> {
    let (rerun, untested) = (&again.full, again.with("--no-test"));
    // A test command that would not start: its fix (the key it is set in) goes into the
    // `next:` line, after the way round it.
    let (shown, way) = match (r.reason, &r.fix) {
        (Reason::TestsCannotStart, Some(fix)) => (
            r.what.clone(),
            Some(format!(
                "`{untested}` releases without running the tests, or {fix}"
            )),
        ),
        (Reason::TestsCannotStart, None) => (
            r.to_string(),
            Some(format!(
                "`{untested}` releases without running the tests, or set the test command in .relconfig.toml to one that runs here (an argv list)"
            )),
        ),
        // The release command as given (`--all`, `--package P`), not the root's.
        (Reason::TestsFailed, fix) => (
            r.what.clone(),
            Some(format!(
                "{}, then `{rerun}`; or `{untested}` to release untested (pre-push then asks for a test record before the tag leaves)",
                again.configured(
                    fix.as_deref()
                        .unwrap_or("fix them (`relhook test` runs them alone)")
                )
            )),
        ),
        // The operation's own commands, then the release again.
        (Reason::OperationInProgress, Some(fix)) => {
            (r.what.clone(), Some(format!("{fix}, then `{rerun}`")))
        }
        // A refusal naming its own way past (a version above a released one) needs no other.
        (Reason::NotGreater | Reason::Behind, Some(_)) => (r.to_string(), None),
        _ => (r.to_string(), way_past(r.reason, again)),
    };
    let _ = writeln!(
        crate::cli::stream::stderr(),
        "relhook: release refused: {shown}"
    );
    if let Some(way) = way {
        let _ = writeln!(crate::cli::stream::stderr(), "next: {way}");
    }
    if json {
        super::json::print(&super::json::ErrorReport::refused(r))?;
    }
    Ok(Outcome::Failed)
}

/// The command that gets past a refusal whose own text names none (every refusal on the
/// release path ends with one), for the release command as given (`rerun`: a package's is
/// `relhook release --package P`; a greater version is named in it without the one given).
fn way_past(reason: Reason, rerun: &Rerun) -> Option<String> {
    let (base, full) = (&rerun.base, &rerun.full);
    Some(match reason {
        Reason::NotGreater => {
            format!("name a greater version (`{base} X.Y.Z`), or let relhook choose: `{base}`")
        }
        Reason::ChangedSincePlan => format!("`{full}` again"),
        _ => return None,
    })
}
