//! Untested release tags: the refusal that says how to get a test record, and pre-push's own
//! test run in a temporary clean worktree of the tag's commit (`[checks] run_tests_on_push`).

use git2::Oid;

use super::{Kind, Refusal, Untested};
use crate::Result;
use crate::config::Config;
use crate::git::Repo;
use crate::git::short_id;
use crate::testrun::{self, RunStatus};

/// Why a release tag counts as untested.
#[derive(Debug, Clone, Copy)]
pub enum Why<'a> {
    /// No record, and pre-push will not run the tests.
    NoRecord,
    /// pre-push would run the tests, but the push is refused for other reasons first.
    NotRun,
    /// pre-push ran the tests and they did not pass.
    Ran(&'a RunStatus),
}

/// The refusal for a release tag with no passing test record, pushed to `remote` (`None`:
/// doctor's, in a repository with no remote, where no records can be fetched). `records`:
/// whether the remote may have CI's records (false where it is known to lack the ref, where
/// their fetch could only fail).
pub fn untested_refusal(
    repo: &Repo,
    config: &Config,
    (remote, records): (Option<&str>, bool),
    u: &Untested,
    why: Why<'_>,
) -> Refusal {
    let fetchable = remote.filter(|_| records);
    let name = &u.name;
    let tree = match &config.package {
        // With what its tests build on outside the directory: a record names those too.
        Some(p) => format!(
            "{} {}{}",
            p.path.display(),
            repo.path_id(u.commit, &p.path)
                .map(short_id)
                .unwrap_or_default(),
            testrun::Depends::at(repo, config, u.commit, &p.path)
                .describe()
                .map(|d| format!(", with {d}"))
                .unwrap_or_default()
        ),
        None => repo.tree_of(u.commit).map(short_id).unwrap_or_default(),
    };
    let test = relhook_test(config);
    let runner = test_command(repo, config);
    let command = runner.as_ref().map(|(cmd, _)| cmd.clone());
    let runs = match &runner {
        Some((cmd, Some(manifest))) => format!(
            "runs `{cmd}`, evident from {manifest}; `[checks] test` in .relconfig.toml chooses another"
        ),
        Some((cmd, None)) => format!("runs `{cmd}`"),
        None => String::new(),
    };
    let fetch = fetchable
        .map(fetch_records)
        .map_or(String::new(), |f| format!(", or {f}"));
    let (problem, fix) = match (why, &command) {
        (Why::NoRecord, None) => (
            format!("no passing test record for {name}'s tree ({tree}), and no test command is configured"),
            no_command_fix(repo, config, (remote, records), name),
        ),
        // HEAD's `npm test` runs the tag's own placeholder script: testing it cannot help.
        (Why::NoRecord, Some(_)) if super::no_tests::cannot_pass(repo, config, u.commit) => (
            format!("no passing test record for {name}'s tree ({tree})"),
            super::no_tests::fix(remote.unwrap_or("<remote>"), name, true),
        ),
        (Why::NoRecord, Some(_)) => (
            format!("no passing test record for {name}'s tree ({tree})"),
            format!(
                "test it: {} ({runs}){fetch}, or let pre-push run the tests (`[checks] run_tests_on_push = true`); `[checks] require_tested_tags = false` turns the requirement off",
                quoted_test_command(repo, config, name, repo.head() == Some(u.commit))
                    .unwrap_or(format!("`{test}`"))
            ),
        ),
        (Why::NotRun, _) => (
            format!("no passing test record for {name}'s tree ({tree}); the tests were not run, since the push is refused anyway"),
            "fix the problems above; the next push runs the tests".into(),
        ),
        (Why::Ran(status @ RunStatus::CannotStart { .. }), _) => (
            status.describe(),
            "`[checks] test` is an argv list run without a shell in a clean checkout of the tag: name a program that exists there and is executable, e.g. [\"cargo\", \"test\"] or [\"sh\", \"-c\", \"make test\"]".into(),
        ),
        (Why::Ran(status), cmd) => (
            format!(
                "`{}` failed on a clean checkout of {name} ({})",
                cmd.as_deref().unwrap_or("the tests"),
                status.describe()
            ),
            format!(
                "{} does not have {name} yet: {}",
                remote.unwrap_or("the remote"),
                crate::tag::failed::way_out(repo, config, name, u.commit)
            ),
        ),
    };
    Refusal {
        kind: Kind::Untested,
        refs: vec![u.reference.clone()],
        commit: Some(u.commit),
        subject: format!("release tag {name}, untested"),
        problems: vec![problem],
        fix,
    }
}

/// Whether the remote pushed to may have CI's test records: false only where it is known to
/// lack their ref (its answer, where it was asked already, or the push's own line for the
/// ref), never asked just for this.
pub fn may_have_records(asked: &super::Asked<'_>, updates: &[super::Update]) -> bool {
    asked.has_ref(testrun::NOTES_REF, updates) != Some(false)
}

/// Fetching CI's test records from `remote`, the way past an untested tag CI has tested:
/// into a ref of their own, then merged (`union` keeps every record of both sides), as a
/// plain fetch into the records ref is refused once this clone has records of its own.
fn fetch_records(remote: &str) -> String {
    format!(
        "fetch CI's records, if it publishes them (`{}`)",
        testrun::fetch_records_command(remote)
    )
}

/// Several untested release tags refused alike: the fetch of CI's records, the same for each,
/// taken out of each fix that offers it, to be said once after them (returned, with how many
/// offered it); `None`, and the fixes as they are, below two such.
pub fn fetch_once(refusals: &mut [Refusal], remote: &str) -> Option<(usize, String)> {
    let fetch = fetch_records(remote);
    let n = said_once(refusals, &fetch);
    (n > 0).then_some((n, fetch))
}

/// `clause`, a way past an untested tag the same for each (the fetch of CI's records, no
/// record required), taken out of every untested tag's fix that offers it when two or more
/// do; how many did (0: none taken out).
pub fn said_once(refusals: &mut [Refusal], clause: &str) -> usize {
    let mut offering: Vec<&mut Refusal> = refusals
        .iter_mut()
        .filter(|r| r.kind == Kind::Untested)
        .filter(|r| take_clause(&r.fix, clause).is_some())
        .collect();
    let n = offering.len();
    if n < 2 {
        return 0;
    }
    for r in &mut offering {
        r.fix = take_clause(&r.fix, clause).unwrap_or_default();
    }
    n
}

/// `fix` without `clause`, as this module joins it to what comes before (`, or …`, `; or …`);
/// `None` when it does not offer it.
fn take_clause(fix: &str, clause: &str) -> Option<String> {
    [", or ", "; or "].iter().find_map(|join| {
        let joined = format!("{join}{clause}");
        fix.contains(&joined).then(|| fix.replacen(&joined, "", 1))
    })
}

/// The ways to a release tag `name` pre-push accepts when no test command is set or evident:
/// set one and re-tag, fetch CI's records from `remote` (none without one, nor where it is
/// known to lack them: `records` false), or require none.
fn no_command_fix(
    repo: &Repo,
    config: &Config,
    (remote, records): (Option<&str>, bool),
    name: &str,
) -> String {
    let fetch = (remote.filter(|_| records))
        .map_or(String::new(), |r| format!("; or {}", fetch_records(r)));
    format!(
        "{}{fetch}; or {TESTS_OFF}",
        set_test_command(
            repo,
            config,
            remote.map(crate::shellword::quote).as_deref(),
            name
        )
    )
}

/// How release tag `name` (on `commit`), which has no test record, gets the one pre-push
/// asks for: the test command run on it, or with no test command the refusal's own advice,
/// never a `relhook test` that cannot run. `records`: as for [`untested_refusal`].
pub fn record_step(
    repo: &Repo,
    config: &Config,
    (remote, records): (&str, bool),
    name: &str,
    commit: Oid,
) -> String {
    let at_head = repo.head() == Some(commit);
    if super::no_tests::cannot_pass(repo, config, commit) {
        return super::no_tests::fix(remote, name, false);
    }
    match quoted_test_command(repo, config, name, at_head) {
        Some(command) => format!("{command} (it has no test record)"),
        None => format!(
            "pre-push refuses it untested and no test command is configured: {}",
            no_command_fix(repo, config, (Some(remote), records), name)
        ),
    }
}

/// `relhook test` for what `config` releases: `--package NAME` in a package's view.
fn relhook_test(config: &Config) -> String {
    match &config.package {
        Some(p) => format!(
            "relhook test --package {}",
            crate::shellword::quote(&p.name)
        ),
        None => "relhook test".to_owned(),
    }
}

/// The test command `relhook test` runs for `config`, and the manifest that made it evident
/// when none is configured; `None` when there is neither.
fn test_command(repo: &Repo, config: &Config) -> Option<(String, Option<&'static str>)> {
    test_argv(repo, config).map(|(argv, manifest)| (testrun::shown(&argv), manifest))
}

/// The test command a release tag is tested with, as `relhook test` runs it: `[checks] test`,
/// else the one evident from the project's manifest (`cargo test` for a Cargo.toml), with it.
pub fn test_argv(repo: &Repo, config: &Config) -> Option<(Vec<String>, Option<&'static str>)> {
    if let Some(argv) = &config.checks.test {
        return Some((argv.clone(), None));
    }
    let (argv, manifest) = crate::init::evident_test_command(&repo.work_tree()?)?;
    Some((argv, Some(manifest)))
}

/// The other way past an untested release tag: no test record required.
pub const TESTS_OFF: &str = "commit `[checks] require_tested_tags = false`";

/// The steps that give release tag `name` a test record when no test command is set or
/// evident: set one where it counts for the tag (a package's own `test` key), with an example
/// for the project, re-tag so that the tag's tree has it, and test. `remote`: where the tag
/// goes, as a shell word, named in the push that sends it untested (else `<remote>`).
pub fn set_test_command(repo: &Repo, config: &Config, remote: Option<&str>, name: &str) -> String {
    // The package's folder of today: a view of an older release has the one it was
    // released from, which may be another package's now.
    let package = config.package.as_ref().map(|p| {
        let today = config.packages.iter().find(|t| t.name == p.name);
        today.map_or(p.path.as_path(), |t| t.path.as_path())
    });
    let root = repo.work_tree();
    let example = root
        .as_ref()
        .map(|root| crate::init::example_test_command(root, package))
        .unwrap_or_else(|| vec![crate::init::NO_TEST_COMMAND.into()]);
    // `npm test` would run `npm init`'s placeholder, which fails on purpose: the tag's tree
    // has no tests to run, so the tests come first, in a release of their own.
    let dir = root
        .as_ref()
        .map(|r| r.join(package.unwrap_or(std::path::Path::new(""))));
    if dir.is_some_and(|d| crate::init::npm_placeholder_test(&d)) {
        return format!(
            "{}: write your tests into that script for the next release, and push this one untested on purpose (`{}`)",
            super::no_tests::no_tests_to_run(&[name]),
            super::on_purpose_push(remote.unwrap_or("<remote>"), &[name])
        );
    }
    // Without the file, `relhook init` writes it, with the test command it can tell.
    let file = match root.is_some_and(|r| r.join(crate::config::FILE_NAME).exists()) {
        true => ".relconfig.toml",
        false => ".relconfig.toml (`relhook init` writes it)",
    };
    // `--tag` tests the tag's own tree with HEAD's command: the tag stays where it is.
    format!(
        "commit `{} = {}` (an argv list: your project's test command) in {file}, then `relhook test --tag {}` (tests {name}'s tree with it)",
        config.test_key(),
        crate::init::toml_argv(&example),
        crate::shellword::quote(name)
    )
}

/// The command that gives release tag `name` the test record pre-push asks for: `relhook
/// test` when the tag is on HEAD and its test program is here, else `relhook test --tag` (a
/// clean checkout of the tag with this checkout's test command, which the tag's own tree may
/// lack); `None` when no test command is set or evident.
pub fn test_tag_command(repo: &Repo, config: &Config, name: &str, at_head: bool) -> Option<String> {
    let (first, test) = test_tag_steps(repo, config, name, at_head)?;
    Some(match first {
        Some(first) => format!("{first}, then {test}"),
        None => test,
    })
}

/// [`test_tag_command`] with the command alone in backticks: a step that comes first
/// (installing the test program) is words, not part of what to run.
fn quoted_test_command(repo: &Repo, config: &Config, name: &str, at_head: bool) -> Option<String> {
    let (first, test) = test_tag_steps(repo, config, name, at_head)?;
    Some(match first {
        Some(first) => format!("{first}, then `{test}`"),
        None => format!("`{test}`"),
    })
}

/// [`test_tag_command`] in two parts: what comes first (installing a test program that is
/// not here), said once before several such commands, and the command itself.
pub fn test_tag_steps(
    repo: &Repo,
    config: &Config,
    name: &str,
    at_head: bool,
) -> Option<(Option<String>, String)> {
    match at_head {
        true => match test_steps(repo, config, relhook_test(config))? {
            // The test program is not here: choosing another is a commit of .relconfig.toml,
            // which moves HEAD off the tag, so `--tag` (the tag's tree) is what still works.
            (Some(_), _) => test_tags_steps(repo, config, &[name]),
            steps => Some(steps),
        },
        false => test_tags_steps(repo, config, &[name]),
    }
}

/// [`test_tag_steps`] for several release tags below HEAD: one `relhook test --tag` that tests
/// them all, in turn.
pub fn test_tags_steps(
    repo: &Repo,
    config: &Config,
    names: &[&str],
) -> Option<(Option<String>, String)> {
    let quoted: Vec<String> = names.iter().map(|n| crate::shellword::quote(n)).collect();
    test_steps(
        repo,
        config,
        format!("relhook test --tag {}", quoted.join(" ")),
    )
}

/// `test`, after what must come first when the test program is not here.
fn test_steps(repo: &Repo, config: &Config, test: String) -> Option<(Option<String>, String)> {
    let (argv, _) = test_argv(repo, config)?;
    // A test program not installed here (`pytest` for a Python project): `relhook test` could
    // only fail, so installing it (or choosing another) comes first.
    let program = argv.first().map_or("", String::as_str);
    let missing = repo
        .work_tree()
        .and_then(|root| testrun::cannot_start(&argv, &root));
    let first = match missing {
        Some(testrun::RunStatus::CannotStart { code: 127, .. }) => Some(format!(
            "install `{program}` (it is not on PATH) or commit `{}` in .relconfig.toml, set to a test command that runs here",
            config.test_key()
        )),
        _ => None,
    };
    Some((first, test))
}

/// Runs `argv` on a clean checkout of `commit` in a temporary worktree (removed afterwards,
/// whatever happens) and records a pass.
pub fn test_in_clean_checkout(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    argv: &[String],
) -> Result<RunStatus> {
    let status = run_in_clean_checkout(repo, config, commit, argv)?;
    if status.passed() {
        testrun::record_for(repo, config, commit, argv)?;
    }
    Ok(status)
}

/// [`test_in_clean_checkout`] without the record: for a caller that says a pass whose record
/// cannot be written as a pass.
pub fn run_in_clean_checkout(
    repo: &Repo,
    config: &Config,
    commit: Oid,
    argv: &[String],
) -> Result<RunStatus> {
    use crate::release::settings;
    if let Some(r) = settings::uncommitted(repo, config, settings::TEST_RUN)? {
        return Err(crate::Error::Refused(r));
    }
    let checkout = testrun::Checkout::of(repo, commit)?;
    let status = testrun::run_status(argv, checkout.path())?;
    drop(checkout);
    Ok(status)
}
