//! `relhook hook pre-push REMOTE URL`: reads git's update lines, asks `prepush` what is wrong,
//! runs the tests of untested release tags when `[checks] run_tests_on_push` says so, and
//! prints one report of every refusal (exit 1 blocks the push).

use std::io::{IsTerminal, Read, Write};

use owo_colors::OwoColorize;

use super::lint::skip_requested;
use super::{Context, Outcome};
use crate::git::Repo;
use crate::prepush::{self, Inspection, Refusal, Why};
use crate::{Error, Result};

/// The hook's entry point. `url` is only for messages: git passes the URL twice when pushing
/// to a URL rather than a named remote.
pub(super) fn pre_push_hook(
    ctx: &Context,
    remote: Option<&str>,
    url: Option<&str>,
) -> Result<Outcome> {
    if skip_requested() {
        let value = std::env::var("RELHOOK_SKIP").unwrap_or_default();
        let _ = writeln!(
            crate::cli::stream::stderr(),
            "relhook: pre-push checks skipped (RELHOOK_SKIP={value})"
        );
        return Ok(Outcome::Ok);
    }
    let pre_commit = std::env::var("PRE_COMMIT_REMOTE_NAME").ok();
    let Some(remote) = remote.or(pre_commit.as_deref()) else {
        return Err(Error::Usage(
            "`relhook hook pre-push` needs the remote git passes it: `relhook hook pre-push REMOTE URL`".into(),
        ));
    };
    let pre_commit_url = std::env::var("PRE_COMMIT_REMOTE_URL").ok();
    let url = url.or(pre_commit_url.as_deref()).map(redacted);
    let url = url.as_deref();
    // A push to a URL names the URL as the remote: every message says it without its secret.
    let raw_remote = remote;
    let remote = redacted(remote);
    let remote = remote.as_str();
    let mut input = String::new();
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        stdin
            .lock()
            .read_to_string(&mut input)
            .map_err(|e| Error::io("read", "<stdin>", e))?;
    }
    let repo = ctx.repo()?;
    if input.trim().is_empty() && pre_commit.is_some() {
        if own_shim_installed(ctx) {
            // relhook's own pre-push shim sees every pushed ref (tags too) and checks them.
            return Ok(Outcome::Ok);
        }
        input = pre_commit_update(&repo).unwrap_or_default();
    }
    let updates = prepush::parse_updates(&input)?;
    // Every check asks the remote (and each other remote) once at most: each connection may
    // ask for an SSH key's passphrase again. As git named it, a URL keeps its credentials.
    let asked = prepush::Asked::new(&repo, raw_remote, remote);
    let updates = prepush::with_unsaid_deletions(&repo, &asked, updates)?;
    if updates.is_empty() {
        // Everything is up to date (git still runs the hook).
        return Ok(Outcome::Ok);
    }
    let (root, config) = ctx.history_config(&repo)?;
    let hook = prepush::HandTagHook::new(|| tag_hook_missing(ctx));
    // A post-commit hook here (relhook's, or a hook manager's that calls it), as doctor tells
    // whether commits get their changelog entries as they are made.
    let post_commit = ctx
        .hooks()
        .is_ok_and(|l| l.hooks_dir.join("post-commit").is_file());
    let mut found = prepush::inspect(&repo, &config, &asked, &updates, (&hook, post_commit))?;
    // No verdict on what a partial clone could not fetch (it would be read as absent).
    repo.all_fetched()?;
    let mut err = crate::cli::stream::stderr();
    let mut tested_now = Vec::new();
    // Where the remote is known to lack CI's records, their fetch is not offered.
    let to = (Some(remote), prepush::may_have_records(&asked, &updates));
    if !found.untested.is_empty() {
        // A Ctrl-C during the tests: said at once when the test command is slow to stop.
        crate::interrupt::on_stop(super::stopping::then_refusing);
        let untested = std::mem::take(&mut found.untested);
        let refused_already = !found.refusals.is_empty();
        let total = untested.len();
        for (k, u) in untested.iter().enumerate() {
            // A package's tag: its own test command, recorded for its directory's tree.
            let config = match &u.package {
                Some(p) => crate::history::packages::view(&config, p, &root)?,
                None => config.clone(),
            };
            // As `relhook test` runs it: `[checks] test`, else the evident command, said.
            let Some((argv, evident)) = prepush::test_argv(&repo, &config) else {
                let r = prepush::untested_refusal(&repo, &config, to, u, Why::NoRecord);
                found.refusals.push(r);
                continue;
            };
            let argv = &argv;
            let evident = evident.map_or_else(String::new, |m| format!(", evident from {m}"));
            if refused_already {
                let r = prepush::untested_refusal(&repo, &config, to, u, Why::NotRun);
                found.refusals.push(r);
                continue;
            }
            let of = if total > 1 {
                format!(" ({} of {total})", k + 1)
            } else {
                String::new()
            };
            let _ = writeln!(
                err,
                "relhook: testing {}{of} in a clean checkout… (`{}`{evident})",
                u.name,
                crate::testrun::shown(argv)
            );
            let started = std::time::Instant::now();
            let status = match prepush::test_in_clean_checkout(&repo, &config, u.commit, argv) {
                Err(e) if e.interrupted().is_some() => {
                    let _ = writeln!(
                        err,
                        "relhook: pre-push {e} {}: its temporary worktree is removed and nothing was pushed",
                        u.name
                    );
                    let code = e.interrupted().map_or(2, |s| 128 + s);
                    return Ok(Outcome::Code(u8::try_from(code).unwrap_or(2)));
                }
                status => status?,
            };
            if status.passed() {
                let _ = writeln!(
                    err,
                    "relhook: {} passed in {}s; test record written",
                    u.name,
                    started.elapsed().as_secs()
                );
                tested_now.push(u.name.clone());
            } else {
                let r = prepush::untested_refusal(&repo, &config, to, u, Why::Ran(&status));
                found.refusals.push(r);
            }
        }
    }
    let color = ctx.color_err;
    for note in &found.notes {
        let _ = writeln!(err, "relhook: note: {note}");
    }
    if found.tags_before_install > 0 {
        let n = found.tags_before_install;
        let _ = writeln!(
            err,
            "relhook: note: {} from before `relhook install` here {} not judged (made before it, on commits from before it)",
            crate::commit::report::plural(n, "release tag"),
            if n == 1 { "was" } else { "were" }
        );
    }
    if found.unlinted_before_install > 0 {
        let _ = writeln!(
            err,
            "relhook: note: {} from before `relhook install` here {} not linted ({} never met its commit-msg hook)",
            crate::commit::report::plural(found.unlinted_before_install, "commit"),
            if found.unlinted_before_install == 1 {
                "was"
            } else {
                "were"
            },
            if found.unlinted_before_install == 1 {
                "it"
            } else {
                "they"
            }
        );
    }
    if found.refusals.is_empty() {
        summary(&mut err, &found, &tested_now);
        if !super::changelog::quiet() {
            super::prepush_behind::left_behind(&mut err, &found.tags_left_behind, remote);
            for line in found.slips_left_behind.iter().chain(&found.entryless) {
                let _ = writeln!(err, "relhook: {line}");
            }
            super::prepush_behind::old_left_behind(&mut err, found.old_tags_left_behind, remote);
        }
        return Ok(Outcome::Ok);
    }
    let all: Vec<&prepush::Update> = updates.iter().collect();
    let push = prepush::push_command(&repo, remote, &all);
    // Several untested tags: CI's records are one fetch for them all, said once after them.
    let fetch = prepush::fetch_once(&mut found.refusals, remote).map(|(n, fetch)| {
        format!("Tested in CI? For the {n} untested release tags above, {fetch}")
    });
    report(&found, (remote, url), fetch.as_deref(), &push, color)
        .map_err(|e| Error::io("write", "<stderr>", e))?;
    Ok(Outcome::Failed)
}

/// Why a tag made by hand makes no release here (git does not run relhook's
/// reference-transaction hook, as doctor finds it), or `None` where it does.
fn tag_hook_missing(ctx: &Context) -> Option<prepush::Unhooked> {
    use crate::hooks::doctor::TagHook;
    let loc = ctx.hooks().ok()?;
    let binary = super::install::current_exe().ok()?;
    match crate::hooks::doctor::tag_hook(&loc, &binary) {
        TagHook::Runs => None,
        TagHook::LeftOut => Some(prepush::Unhooked::LeftOut),
        TagHook::Missing(fix) => Some(prepush::Unhooked::Missing(fix)),
    }
}

/// Whether relhook's own pre-push shim is installed (also as pre-commit's `.legacy` hook, which
/// pre-commit runs before its own hooks).
fn own_shim_installed(ctx: &Context) -> bool {
    let Ok(loc) = ctx.hooks() else {
        return false;
    };
    ["pre-push", "pre-push.legacy"].iter().any(|name| {
        std::fs::read(loc.hooks_dir.join(name))
            .ok()
            .and_then(|b| crate::hooks::recognise(&b))
            .is_some()
    })
}

/// The pre-commit framework reads git's update lines itself and hands its hooks the first
/// pushed ref through the environment: rebuilds that one line (`PRE_COMMIT_LOCAL_BRANCH`,
/// `PRE_COMMIT_TO_REF`, `PRE_COMMIT_REMOTE_BRANCH`, `PRE_COMMIT_FROM_REF`, a commit the remote
/// has). It names no other ref, so tags pushed with a branch are not seen this way: relhook's
/// own pre-push shim sees them.
fn pre_commit_update(repo: &Repo) -> Option<String> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let local_ref = var("PRE_COMMIT_LOCAL_BRANCH")?;
    let remote_ref = var("PRE_COMMIT_REMOTE_BRANCH")?;
    let resolve = |spec: &str| repo.revision_commit(spec);
    let local = var("PRE_COMMIT_TO_REF")
        .and_then(|r| resolve(&r))
        .or_else(|| resolve(&local_ref))?;
    let from = var("PRE_COMMIT_FROM_REF")
        .and_then(|r| resolve(&r))
        .unwrap_or_else(git2::Oid::zero);
    Some(format!("{local_ref} {local} {remote_ref} {from}\n"))
}

/// One line on success, only when releases go out (plain branch pushes stay quiet).
/// The releases in version order (git sends refs in text order: v0.10.0 before v0.9.0); more
/// than [`LISTED`] of one scheme as a range with a count of each test state.
fn summary(err: &mut dyn Write, found: &Inspection, tested_now: &[String]) {
    if found.release_tags.is_empty() {
        return;
    }
    let mut tags: Vec<(&str, &str)> = found
        .release_tags
        .iter()
        .map(|(name, recorded)| {
            let how = if tested_now.contains(name) {
                "tested just now"
            } else if *recorded {
                "tested"
            } else {
                "no test record required"
            };
            (name.as_str(), how)
        })
        .collect();
    tags.sort_by_cached_key(|(name, _)| version_order(name));
    let prefix = |name: &str| version_order(name).0;
    let releasing = match (tags.first(), tags.last()) {
        (Some(first), Some(last)) if tags.len() > LISTED && prefix(first.0) == prefix(last.0) => {
            let mut states: Vec<(&str, usize)> = Vec::new();
            for (_, how) in &tags {
                match states.iter_mut().find(|(h, _)| h == how) {
                    Some((_, n)) => *n += 1,
                    None => states.push((how, 1)),
                }
            }
            let states = match states.as_slice() {
                [(how, _)] => (*how).to_owned(),
                _ => states
                    .iter()
                    .map(|(how, n)| format!("{n} {how}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            format!("{} tags, {} to {} ({states})", tags.len(), first.0, last.0)
        }
        _ => tags
            .iter()
            .map(|(name, how)| format!("{name} ({how})"))
            .collect::<Vec<_>>()
            .join(", "),
    };
    // History from before the install is counted in its own note above, not as checked.
    let checked = match (found.commits_checked, found.unlinted_before_install) {
        (0, 0) => "no commit new to the remote".to_owned(),
        (0, _) => "no commit new to the remote made since `relhook install`".to_owned(),
        // Unasked, the remote may hold some of them on refs this clone does not know.
        (n, _) => format!(
            "{}{} checked",
            crate::commit::report::plural(n, "commit"),
            if found.counted_with_answer {
                " new to the remote"
            } else {
                ""
            }
        ),
    };
    let _ = writeln!(
        err,
        "relhook: pre-push ok: {checked}; releasing {releasing}"
    );
}

/// Releases named one by one on the success line; more go as a range.
const LISTED: usize = 6;

/// A tag's sort key: the text before its version (`v`, `api-v`), then the version (SemVer
/// order: 1.0.0-rc.1 before 1.0.0); a name with no version sorts by its text.
fn version_order(name: &str) -> (String, Option<semver::Version>) {
    match crate::git::version_suffix(name) {
        Some((prefix, v)) => (prefix.to_owned(), Some(v)),
        None => (name.to_owned(), None),
    }
}

/// The refusals, on stderr as it is: coloured, each quoted value shown by `refusal` itself;
/// `fetch`: the fetch of CI's records, said once after several untested tags; `push`: the
/// refused push, past pre-push.
fn report(
    found: &Inspection,
    (remote, url): (&str, Option<&str>),
    fetch: Option<&str>,
    push: &str,
    color: bool,
) -> std::io::Result<()> {
    let err = &mut crate::cli::stream::styled_stderr();
    let whom = crate::printable::visible(&match url {
        Some(u) if u != remote => format!("{remote} ({u})"),
        _ => remote.to_owned(),
    });
    let head = format!(
        "relhook: push to {whom} refused: {}",
        crate::commit::report::plural(found.refusals.len(), "problem")
    );
    if color {
        writeln!(err, "{}", head.red().bold())?;
    } else {
        writeln!(err, "{head}")?;
    }
    let (shown, rest) = found.shown();
    for r in shown {
        refusal(err, r, color)?;
    }
    if let Some(line) = rest {
        writeln!(err)?;
        writeln!(err, "{line}")?;
    }
    if let Some(fetch) = fetch {
        writeln!(err)?;
        writeln!(err, "{}", crate::printable::visible(fetch))?;
    }
    writeln!(err)?;
    // Shown, never obeyed by the terminal: the refs and the remote come from the push.
    let push = crate::printable::visible(push);
    writeln!(
        err,
        "Nothing was pushed. To push anyway, on purpose: `{push}`"
    )
}

fn refusal(err: &mut dyn Write, r: &Refusal, color: bool) -> std::io::Result<()> {
    writeln!(err)?;
    let commit = r
        .commit
        .map(|c| format!(" {}", crate::git::short_id(c)))
        .unwrap_or_default();
    // Ref names, subjects and file names are shown, never obeyed by the terminal.
    let shown = crate::printable::visible;
    let line = format!(
        "✗ {}{commit} {}",
        shown(&r.refs.join(", ")),
        shown(&r.subject)
    );
    if color {
        writeln!(err, "{}", line.bold())?;
    } else {
        writeln!(err, "{line}")?;
    }
    for p in &r.problems {
        writeln!(err, "    - {}", crate::printable::lines(p))?;
    }
    if color {
        writeln!(
            err,
            "    {} {}",
            "fix:".cyan().bold(),
            crate::printable::lines(&r.fix)
        )
    } else {
        writeln!(err, "    fix: {}", crate::printable::lines(&r.fix))
    }
}

/// `url` without the user and password of `scheme://user:password@host/…` (a CI token), as git
/// says it; anything else as it is (a remote's name, `git@host:path`, whose user is no secret).
fn redacted(url: &str) -> String {
    let Some(at) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let authority_end = url[at..].find('/').map_or(url.len(), |i| at + i);
    match url[at..authority_end].rfind('@') {
        Some(i) => format!("{}{}", &url[..at], &url[at + i + 1..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{redacted, version_order};

    #[test]
    fn tags_sort_by_scheme_then_version() {
        let mut tags = vec![
            "v0.10.0",
            "web-v1.0.0",
            "v0.9.0",
            "v1.0.0",
            "v1.0.0-rc.1",
            "nightly",
            "api-2.0.0",
            "v1.0.0-rc.10",
            "v1.0.0-rc.2",
        ];
        tags.sort_by_cached_key(|t| version_order(t));
        assert_eq!(
            tags,
            [
                "api-2.0.0",
                "nightly",
                "v0.9.0",
                "v0.10.0",
                "v1.0.0-rc.1",
                "v1.0.0-rc.2",
                "v1.0.0-rc.10",
                "v1.0.0",
                "web-v1.0.0"
            ]
        );
    }

    #[test]
    fn credentials_leave_urls_and_nothing_else_changes() {
        for (url, shown) in [
            (
                "https://u:tok@example.com/x.git",
                "https://example.com/x.git",
            ),
            (
                "https://tok@example.com:8443/a@b",
                "https://example.com:8443/a@b",
            ),
            ("https://example.com/x.git", "https://example.com/x.git"),
            ("git@github.com:o/r.git", "git@github.com:o/r.git"),
            ("origin", "origin"),
            ("ssh://git@host/r", "ssh://host/r"),
        ] {
            assert_eq!(redacted(url), shown);
        }
    }
}
