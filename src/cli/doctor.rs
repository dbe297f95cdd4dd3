//! `relhook doctor`: the hooks' health from the library's diagnosis, plus work relhook left
//! unfinished (a half-made release or hand tag, an interrupted transaction), as text or JSON.

use super::args::{DoctorArgs, Format};
use super::install::current_exe;
use super::{Context, Outcome, write_out};
use crate::hooks::doctor::{self, Status};
use crate::{Error, Result};

/// Work relhook left unfinished: a release commit without its tag, an interrupted transaction.
fn unfinished_work(repo: &crate::git::Repo, config: &crate::config::Config) -> Vec<doctor::Check> {
    let mut out = Vec::new();
    // A release at work looks half-made until it tags: said as it is, not as interrupted.
    if let Some(pid) = crate::release::running::other(repo) {
        out.push(doctor::Check {
            subject: "release".into(),
            status: Status::Warning,
            detail: crate::release::running::describe(pid),
            fix: None,
        });
        return out;
    }
    if let Some(half) = crate::release::half_made(repo, config) {
        out.push(doctor::Check {
            subject: format!("release {}", half.version),
            status: Status::Invalid,
            detail: half.describe(),
            fix: Some(half.fix()),
        });
    }
    // In a monorepo, a release of packages (`--package`, `--all`) interrupted the same way.
    let root = repo.work_tree();
    let half = root
        .as_deref()
        .and_then(|root| crate::release::packages::half_made(repo, config, root));
    if let Some(half) = half {
        let tags: Vec<&str> = half.missing.iter().map(|(t, _)| t.as_str()).collect();
        out.push(doctor::Check {
            subject: format!("release {}", tags.join(", ")),
            status: Status::Invalid,
            detail: half.describe(),
            fix: Some(half.fix()),
        });
    }
    // A hand tag's hook interrupted: the repository's own tags, or a package's (the root's
    // configuration finds those too), then each package's still on HEAD.
    if let Some(s) = crate::tag::hand::stranded(repo, config) {
        out.push(doctor::Check {
            subject: format!("tag {}", s.tag),
            status: Status::Invalid,
            detail: crate::tag::hand::describe_stranded(&s),
            fix: Some(format!("git tag -d {}", crate::shellword::quote(&s.tag))),
        });
    }
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        out.extend(super::doctor_changelog::sectionless_tag(repo, &view));
        if let Some(u) = crate::tag::hand::unfinished(repo, &view) {
            out.push(doctor::Check {
                subject: format!("tag {}", u.tag),
                status: Status::Invalid,
                detail: crate::tag::hand::describe_unfinished(&view, &u),
                fix: Some("relhook release --resume".into()),
            });
        }
    }
    if let Some(crate::git::txn::Pending {
        said: what,
        fix: sync,
        ..
    }) = crate::git::txn::pending(repo)
    {
        // Any relhook command finishes or undoes the transaction first; with a release to
        // finish as well, the one command that does both is named, not two different ones.
        let fix = if out.is_empty() {
            sync
        } else {
            "relhook release --resume".to_owned()
        };
        out.push(doctor::Check {
            subject: "transaction".into(),
            status: Status::Invalid,
            detail: what,
            fix: Some(fix),
        });
    }
    // A temporary test worktree a killed relhook left (the next test checkout removes it).
    for path in crate::testrun::leaked(repo) {
        let dir = path
            .parent()
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        let path = path.to_string_lossy().into_owned();
        out.push(doctor::Check {
            subject: "test worktree".into(),
            status: Status::Invalid,
            detail: format!(
                "{path} is a temporary test checkout a killed relhook left registered; the next test run in a checkout removes it too"
            ),
            fix: Some(format!(
                "git worktree remove --force --force {} && rm -rf {}",
                crate::shellword::quote(&path),
                crate::shellword::quote(&dir)
            )),
        });
    }
    // Files a release edits that a sparse checkout leaves out: releases refuse here.
    let mut left_out: Vec<String> = Vec::new();
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        if let Some((paths, add)) = crate::release::left_out_of_sparse_checkout(repo, &view) {
            if !left_out.iter().any(|p| paths.contains(p)) {
                out.push(doctor::Check {
                    subject: "sparse checkout".into(),
                    status: Status::Invalid,
                    detail: format!(
                        "{} {} outside it, and a release or hand tag edits {}: both refuse here",
                        paths.join(", "),
                        if paths.len() == 1 { "is" } else { "are" },
                        if paths.len() == 1 { "it" } else { "them" }
                    ),
                    fix: Some(add),
                });
                left_out.extend(paths);
            }
        }
    }
    // A release tag whose commit left this history (amended, rebased) while its section is in
    // the changelog: the next release would go below it, so releases refuse.
    if let Some(root) = repo.work_tree() {
        let behind: Vec<_> = crate::release::above::left_behind(repo, config, &root)
            .into_iter()
            .map(|(tag, commit)| {
                let at = crate::release::above::rewritten(repo, config, &tag);
                (tag, commit, at)
            })
            .collect();
        // Each rewritten release commit (a rebase across several releases rewrites them all).
        let retags = repo
            .head()
            .map(|h| crate::release::retags_needed_from(repo, config, h))
            .unwrap_or_default();
        for (tag, commit, at) in &behind {
            // One commit that added several releases' sections (a file brought in whole) is
            // no release commit: never a fix that puts several tags on it.
            let shared = |c: &String| behind.iter().filter(|b| b.2.as_ref() == Some(c)).count() > 1;
            // The rewritten release commit is tagged again by `--resume`, with its notes.
            let retag = retags.iter().find(|r| r.tag == *tag);
            let stale = retag
                .filter(|r| r.stale.is_stale())
                .map(|r| format!("; but {}", r.fix(repo)));
            let fix = match retag {
                Some(r) => r.command(repo),
                None => at.as_ref().filter(|c| !shared(c)).map_or_else(
                    || format!("release a version above {tag}"),
                    |c| match crate::release::stale_redo_onto(repo, config, c, tag) {
                        Some((_, redo)) => redo,
                        None => crate::release::above::move_tag_command(repo, tag, *commit, c),
                    },
                ),
            };
            // Published, the tag stays and the branch goes back to it (the fix says how).
            let way = if fix.starts_with("git reset --keep") {
                "the tag is published, so the branch goes back to it"
            } else {
                "if the rewritten release commit holds that release, move the tag onto it"
            };
            out.push(doctor::Check {
                subject: format!("tag {tag}"),
                status: Status::Invalid,
                detail: format!(
                    "{tag} is on {}, which HEAD's history no longer holds (its release commit amended or rebased after tagging?), while its section is in {}: releases refuse to go below it; {way}{}",
                    crate::git::short_id(*commit),
                    config.changelog.path.display(),
                    stale.unwrap_or_default()
                ),
                fix: Some(fix),
            });
        }
    }
    // A release tag on its release commit rebased over changes a release made now would tell
    // (the tag moved onto it by hand): made again, before it is pushed.
    let latest = repo
        .head()
        .and_then(|h| repo.latest_release_tag(h, &config.version.tag_prefix));
    if let Some((tag, commit)) = latest {
        if let Some((detail, redo)) = crate::release::stale_tagged(repo, config, &tag, commit, true)
        {
            out.push(doctor::Check {
                subject: format!("tag {tag}"),
                status: Status::Invalid,
                detail,
                fix: Some(redo),
            });
        }
    }
    // Local changes hidden from `git status` in a file a release writes: releases refuse.
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        if let Some(r) = crate::release::hidden_changes(repo, &view, "release") {
            let detail = format!("{}: releases and hand tags are refused", r.what);
            if !out.iter().any(|c| c.detail == detail) {
                out.push(doctor::Check {
                    subject: "hidden changes".into(),
                    status: Status::Invalid,
                    detail,
                    fix: r.fix,
                });
            }
        }
    }
    if let Some(r) = crate::release::reverted::section_gone(repo, config) {
        out.push(doctor::Check {
            subject: "changelog".into(),
            status: Status::Invalid,
            detail: r.what,
            fix: r.fix,
        });
    }
    // What stops `relhook version` and every release here (tags of another scheme, `0.1.0`
    // where they are `v0.1.0`; a version file no SemVer reads): said before a release trips on it.
    if let Some(root) = repo.work_tree() {
        for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
            if let Err(e) = crate::release::current_version(repo, &view, &root) {
                let subject = match &view.package {
                    Some(p) => format!("version of {}", p.name),
                    None => "version".into(),
                };
                out.push(doctor::Check {
                    subject,
                    status: Status::Invalid,
                    detail: format!("{e}: `relhook version` and releases stop here"),
                    fix: e.hint(),
                });
            }
            // A package's tags missing where the root's tag released its version.
            if let Some(r) = crate::release::packages::released_at_root(repo, config, &view, &root)
                && let Some(p) = &view.package
            {
                out.push(doctor::Check {
                    subject: format!("package {}", p.name),
                    status: Status::Invalid,
                    detail: format!("{}; its release is refused", r.what),
                    fix: r.fix,
                });
            }
        }
    }
    if let Some(why) = crate::history::unlinted::release_message_problem(config) {
        out.push(doctor::Check {
            subject: "config".into(),
            status: Status::Invalid,
            detail: format!("{why}: releases and hand tags are refused"),
            fix: Some(crate::history::unlinted::RELEASE_MESSAGE_FIX.into()),
        });
    }
    out
}

/// Each package's view of the configuration (none outside a work tree).
pub(super) fn views_of(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Vec<crate::config::Config> {
    let Some(root) = repo.work_tree() else {
        return Vec::new();
    };
    config
        .packages
        .iter()
        .filter_map(|p| crate::history::packages::view(config, &p.name, &root).ok())
        .collect()
}

/// One line when relhook's hooks are installed here but git does not run them (a hook manager
/// set up after relhook pointed `core.hooksPath` elsewhere, or moved the shims aside): a
/// release says so, as the commits it releases were neither linted nor logged as they were made.
pub(super) fn hooks_not_run(ctx: &Context) -> Option<String> {
    let loc = ctx.hooks().ok()?;
    let binary = current_exe().ok()?;
    let report = doctor::diagnose(&loc, &binary, &ctx.config(&loc.work_tree));
    let relied_on = |s: &str| {
        s == "core.hooksPath"
            || s.starts_with("hook commit-msg")
            || s.starts_with("hook post-commit")
    };
    // A manager that moved relhook's shim aside (lefthook keeps it as `<hook>.old` and never
    // runs it): its own hook calls no relhook, and the shim is still there, unrun.
    let moved_aside = |c: &doctor::Check| {
        let (hook, via) = c.subject.strip_prefix("hook ")?.split_once(" (via ")?;
        let aside = format!("{hook}.old");
        let bytes = std::fs::read(loc.hooks_dir.join(&aside)).ok()?;
        crate::hooks::recognise(&bytes)?;
        let manager = via.trim_end_matches(')');
        (c.status == Status::Missing).then(|| {
            format!(
                "{manager} moved relhook's {hook} hook aside to {aside}, which git does not run"
            )
        })
    };
    let (detail, fix) = report
        .checks
        .iter()
        .filter(|c| relied_on(&c.subject))
        .find_map(|c| {
            let detail = match c.status {
                Status::Shadowed => c.detail.clone(),
                _ => moved_aside(c)?,
            };
            Some((detail, c.fix.clone()))
        })?;
    let fix = fix.map(|f| format!("; fix: {f}")).unwrap_or_default();
    Some(format!(
        "relhook: warning: git does not run relhook's hooks here ({detail}), so commits are neither linted nor logged as they are made{fix}"
    ))
}

/// `relhook doctor [--format json]`.
pub(super) fn doctor(ctx: &Context, args: &DoctorArgs) -> Result<Outcome> {
    let loc = ctx.hooks()?;
    let config = ctx.config(&loc.work_tree);
    let binary = current_exe()?;
    let mut report = doctor::diagnose(&loc, &binary, &config);
    // A repository relhook cannot read (a SHA-256 or reftable one, a sparse index) makes
    // every hook fail: that is said here, not "all is well".
    let repo = ctx
        .repo()
        .and_then(|repo| repo.check_index().map(|()| repo));
    // A package whose folder is gone (deleted in a commit) stops each of its entries: the
    // configuration parses, but cannot be used.
    if let Ok(config) = &config {
        let mut unusable = Vec::new();
        for p in &config.packages {
            if let Err(e) = crate::history::packages::confine(p, &loc.work_tree) {
                unusable.push(p.name.clone());
                let fix = match &e {
                    Error::Config {
                        path, line, column, ..
                    } => format!("edit {}:{line}:{column}", path.display()),
                    _ => format!("remove the [packages.{}] table", p.name),
                };
                report.checks.push(doctor::Check {
                    subject: format!("package {}", p.name),
                    status: Status::Invalid,
                    detail: e.to_string(),
                    fix: Some(fix),
                });
            }
        }
        // The file parses, but is not valid as a whole: no "is valid" beside an INVALID package.
        if !unusable.is_empty() {
            if let Some(c) = report.checks.iter_mut().find(|c| c.subject == "config") {
                c.status = Status::Invalid;
                c.detail = format!(
                    "{} parses, but package {} cannot be used (below)",
                    c.detail.trim_end_matches(" is valid"),
                    unusable.join(", ")
                );
            }
        }
    }
    match (&repo, &config) {
        (Ok(repo), Ok(config)) => {
            // A changelog relhook cannot keep, the root's or a package's: every entry and
            // release would be refused.
            report
                .checks
                .extend(super::doctor_changelog::changelog_checks(repo, config));
            report
                .checks
                .extend(super::doctor_changelog::repeated_versions(repo, config));
            report
                .checks
                .extend(super::doctor_files::unwritable_release_file(repo, config));
            report.checks.extend(unfinished_work(repo, config));
            report.checks.extend(super::doctor_files::old_locks(repo));
            // A revert or cherry-pick stopped on the changelog: the way on, as the hook said it.
            report
                .checks
                .extend(super::changelog::stopped_check(repo, config, &ctx.cwd));
        }
        (Err(e), _) => report.checks.push(doctor::Check {
            subject: "repository".into(),
            status: Status::Invalid,
            detail: format!(
                "relhook cannot read it ({e}; libgit2, which relhook reads it with, knows no SHA-256 objects, reftable refs or sparse index), so its hooks fail on every commit and tag"
            ),
            // An index format that git can turn off: that fix keeps relhook.
            fix: Some(e.unreadable_index_fix().unwrap_or("relhook uninstall").into()),
        }),
        _ => {}
    }
    write_out(|out| match args.format {
        Format::Json => {
            let doc = super::json::DoctorReport {
                schema_version: super::json::SCHEMA_VERSION,
                healthy: report.healthy(),
                report: &report,
            };
            let text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::other)?;
            writeln!(out, "{text}")
        }
        Format::Text => {
            writeln!(out, "hooks directory: {}", report.hooks_dir.display())?;
            if let Some(p) = &report.hooks_path {
                writeln!(out, "core.hooksPath: {p}")?;
            }
            for c in &report.checks {
                let mark = match c.status {
                    Status::Ok => "ok",
                    Status::Missing => "MISSING",
                    Status::Stale => "STALE",
                    Status::Shadowed => "SHADOWED",
                    Status::Foreign => "FOREIGN",
                    Status::Broken => "BROKEN",
                    Status::Invalid => "INVALID",
                    Status::Warning => "WARNING",
                };
                writeln!(out, "{mark:>8}  {}: {}", c.subject, c.detail)?;
                if let Some(fix) = &c.fix {
                    let (first, rest) = fix.split_once('\n').unwrap_or((fix, ""));
                    writeln!(out, "{:>8}  fix: {first}", "")?;
                    if !rest.is_empty() {
                        // Lines to paste, as they are (their indentation is the file's, as
                        // install prints them), set off by blank lines.
                        writeln!(out, "\n{}", rest.trim_end_matches('\n'))?;
                        writeln!(out)?;
                    }
                }
            }
            let warned = report.checks.iter().any(|c| c.status == Status::Warning);
            if report.healthy() && warned {
                writeln!(out, "nothing needs fixing now (see the warning above)")
            } else if report.healthy() {
                writeln!(out, "all is well")
            } else {
                writeln!(out, "something needs fixing (see `fix:` above)")
            }
        }
    })?;
    Ok(if report.healthy() {
        Outcome::Ok
    } else {
        Outcome::Failed
    })
}
