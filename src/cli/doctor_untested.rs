//! `relhook doctor`'s row for local release tags no remote has yet and no test record covers:
//! with `[checks] require_tested_tags` (the default), pre-push refuses them as untested, so
//! "all is well" would be wrong. Said only where pre-push is relhook's (a foreign hook refuses
//! nothing of relhook's; with none, nothing is refused), with pre-push's own fix. Only the tags a
//! `git push --follow-tags` of HEAD's branch sends, as pre-push judges them: annotated, made
//! since `relhook install`, on HEAD's line and on no commit a remote-tracking ref reaches;
//! the reach questions (two shared walks) are asked only of tags with no test record.

use crate::config::Config;
use crate::git::{PushDestination, ReleaseTag, Repo};
use crate::history::adoption::{BeforeInstall, tag_before_install};
use crate::hooks::doctor::{Check, Report, Status};
use crate::prepush::{self, Untested, Why};

/// How many tags the detail names; the rest are counted.
const NAMED: usize = 3;

/// The warning, when local release tags not pushed yet lack the test record pre-push asks for.
pub(super) fn untested_tags(repo: &Repo, config: &Config, report: &Report) -> Option<Check> {
    let relhooks = |c: &Check| !matches!(c.status, Status::Foreign | Status::Missing);
    let pre_push = report
        .checks
        .iter()
        .find(|c| c.subject.starts_with("hook pre-push"));
    if !pre_push.is_some_and(relhooks) {
        return None;
    }
    let head = repo.head()?;
    let published = repo.remote_tracking_commits("*");
    let before = BeforeInstall::noted(repo);
    let root = repo
        .work_tree()
        .unwrap_or_else(|| repo.git_dir().to_owned());
    let mut found: Vec<(Config, ReleaseTag)> = Vec::new();
    let views = std::iter::once(config.clone()).chain(super::doctor::views_of(repo, config));
    for view in views {
        let judged = |t: &ReleaseTag| {
            repo.tag_target(&t.name).is_some_and(|target| {
                target != t.commit
                    && !tag_before_install(repo, &before, &t.name, target, Some(t.commit))
            })
        };
        // Each tag judged as pre-push judges it: by its package as the tagged commit has it
        // (a release made before the package's directory moved has its record under the
        // directory it had then).
        let mut tags: Vec<(Config, ReleaseTag)> = repo
            .release_tag_candidates(&view.version.tag_prefix)
            .into_iter()
            .filter(judged)
            .map(|t| {
                let then = crate::tag::config_at(repo, config, &root, &t.name, t.commit);
                (then.unwrap_or_else(|| view.clone()), t)
            })
            .filter(|(c, _)| refused_untested(repo, c))
            .filter(|(c, t)| crate::testrun::find_for(repo, c, t.commit).is_none())
            .filter(|(_, t)| !repo.held_by_any(&published, t.commit))
            .filter(|(_, t)| repo.held_by_any(&[head], t.commit))
            .collect();
        tags.sort_by(|(_, a), (_, b)| a.version.cmp_precedence(&b.version));
        found.extend(tags);
    }
    let remote = push_remote(repo);
    let (detail, fix) = match found.as_slice() {
        [] => return None,
        [(config, t)] => {
            let r = refusal(repo, config, remote.as_deref(), t);
            let problem = r.problems.join("; ");
            (
                format!(
                    "release tag {} is on no remote yet: {problem}; pre-push refuses it untested",
                    t.name
                ),
                r.fix,
            )
        }
        several => {
            let names: Vec<&str> = several.iter().map(|(_, t)| t.name.as_str()).collect();
            let more = match names.len().saturating_sub(NAMED) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            (
                format!(
                    "{} release tags on no remote yet have no passing test record ({}{more}); pre-push refuses them untested",
                    names.len(),
                    names[..names.len().min(NAMED)].join(", ")
                ),
                several_fix(repo, remote.as_deref(), several),
            )
        }
    };
    Some(Check {
        subject: "untested release tags".into(),
        status: Status::Warning,
        detail,
        fix: Some(fix),
    })
}

/// Whether pre-push refuses an untested tag judged by `config`: not when the requirement is
/// off, nor when pre-push runs the tests itself (`run_tests_on_push` with a test command).
fn refused_untested(repo: &Repo, config: &Config) -> bool {
    let pre_push_tests =
        config.checks.run_tests_on_push && prepush::test_argv(repo, config).is_some();
    config.checks.require_tested_tags && !pre_push_tests
}

/// pre-push's refusal of tag `t`, pushed to `remote` (`None`: none to name) with no record.
fn refusal(repo: &Repo, config: &Config, remote: Option<&str>, t: &ReleaseTag) -> prepush::Refusal {
    let u = Untested {
        reference: format!("refs/tags/{}", t.name),
        name: t.name.clone(),
        commit: t.commit,
        package: config.package.as_ref().map(|p| p.name.clone()),
    };
    prepush::untested_refusal(repo, config, (remote, true), &u, Why::NoRecord)
}

/// The fix for several tags: the commands that test each, as pre-push gives them (what they
/// need first said once), where every one has a test command; else pre-push's fix for the
/// oldest of each package, to follow for each of its tags.
fn several_fix(repo: &Repo, remote: Option<&str>, tags: &[(Config, ReleaseTag)]) -> String {
    let head = repo.head();
    let steps: Option<Vec<(Option<String>, String)>> = tags
        .iter()
        .map(|(config, t)| prepush::test_tag_steps(repo, config, &t.name, head == Some(t.commit)))
        .collect();
    match steps {
        Some(steps) => {
            let mut firsts: Vec<String> = Vec::new();
            let mut commands = Vec::new();
            for (first, command) in steps {
                firsts.extend(first.filter(|f| !firsts.contains(f)));
                commands.push(command);
            }
            let first: String = firsts.iter().map(|f| format!("{f}, then ")).collect();
            format!(
                "test them: {first}`{}`; or {}",
                commands.join(" && "),
                prepush::TESTS_OFF
            )
        }
        None => by_package(repo, remote, tags),
    }
}

/// pre-push's fix for the oldest tag of each package, to follow for each of its tags: each
/// package's own (its `[packages.<name>] test` key), never the first one's; the fetch of CI's
/// records, one for them all, said once after them.
fn by_package(repo: &Repo, remote: Option<&str>, tags: &[(Config, ReleaseTag)]) -> String {
    let package = |c: &Config| c.package.as_ref().map(|p| p.name.clone());
    let mut groups: Vec<(&Config, &ReleaseTag, Vec<&str>)> = Vec::new();
    for (config, t) in tags {
        match groups
            .iter_mut()
            .find(|(c, _, _)| package(c) == package(config))
        {
            Some((_, _, names)) => names.push(&t.name),
            None => groups.push((config, t, vec![&t.name])),
        }
    }
    let mut refusals: Vec<prepush::Refusal> = groups
        .iter()
        .map(|(config, oldest, _)| refusal(repo, config, remote, oldest))
        .collect();
    if let [r] = refusals.as_slice() {
        return format!("for each, as for {}: {}", groups[0].1.name, r.fix);
    }
    let fetch = remote.and_then(|r| prepush::fetch_once(&mut refusals, r));
    let off = prepush::said_once(&mut refusals, prepush::TESTS_OFF) > 0;
    let fixes: Vec<String> = groups
        .iter()
        .zip(refusals)
        .map(|((_, oldest, names), r)| match names.as_slice() {
            [_] => format!("for {}: {}", oldest.name, r.fix),
            _ => format!(
                "for each of {}, as for {}: {}",
                names.join(", "),
                oldest.name,
                r.fix
            ),
        })
        .collect();
    let mut fix = fixes.join("; ");
    if let Some((_, fetch)) = fetch {
        fix.push_str(&format!("; or, for them all, {fetch}"));
    }
    if off {
        fix.push_str(&format!("; or {}", prepush::TESTS_OFF));
    }
    fix
}

/// The remote a push goes to, as pre-push would name it: the branch's, else the branch's
/// upstream remote, the only one or `origin` among several; `None` with no remote, or several
/// and none of those (naming `origin` would send the fetch to none), where the fetch is left out.
fn push_remote(repo: &Repo) -> Option<String> {
    match repo.push_destination() {
        PushDestination::Branch {
            remote: Some(r), ..
        } => Some(r),
        _ => repo.fetch_remote(),
    }
}
