//! `relhook doctor`: the hooks' health from the library's diagnosis, plus work relhook left
//! unfinished (a half-made release or hand tag, an interrupted transaction), as text or JSON.

use super::args::{DoctorArgs, Format};
use super::install::current_exe;
use super::{Context, Outcome, write_shown};
use crate::hooks::doctor::{self, Status};
use crate::{Error, Result};

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
    // A changelog too large to read: said in one line, before any check reads it, and the
    // checks that would read it left out; the others go on.
    let huge = match (&repo, &config) {
        (Ok(repo), Ok(config)) => super::huge_changelog::refuse(repo, config, "check it").err(),
        _ => None,
    };
    let unworkable = repo
        .as_ref()
        .err()
        .and_then(|_| crate::git::unworkable(&ctx.cwd));
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
                    _ => format!(
                        "remove the {} table",
                        crate::config::toml_text::package_table(&p.name)
                    ),
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
            // The changelog too large to read: its row, in place of the changelog's checks.
            let huge = huge.map(Error::into_refusal).transpose()?;
            if let Some(refusal) = &huge {
                report.checks.push(doctor::Check {
                    subject: "changelog".into(),
                    status: Status::Invalid,
                    detail: refusal.what.clone(),
                    fix: refusal.fix.clone(),
                });
            }
            // A release at work writes the changelog, the version files, its commit, tag and
            // test record as it goes: midway, none of them is judged (one line says why), and
            // neither are the commits and tags it releases. A release left unfinished is
            // finished first: its tag's test comes after.
            let at_work = crate::release::running::other(repo);
            let finishing = match at_work {
                Some(pid) => {
                    report.checks.push(doctor::Check {
                        subject: "release".into(),
                        status: Status::Warning,
                        detail: crate::release::running::describe(pid),
                        fix: None,
                    });
                    true
                }
                // The rows of the release state that read the changelog are left out beside
                // its row; the others are made.
                None => release_state(repo, config, &loc, &mut report, huge.is_some()),
            };
            // What a killed relhook left in the git dir, no running relhook's.
            report
                .checks
                .extend(super::doctor_temporaries::leftovers(repo));
            // Every release refused where git cannot sign what it signs.
            report
                .checks
                .extend(super::doctor_signing::cannot_sign(repo, config));
            if at_work.is_none() {
                // Commits pre-push will refuse: no "all is well" while they wait to be pushed.
                report
                    .checks
                    .extend(super::doctor_unpushed::unpushed_unlinted(repo, config));
            }
            // And release tags it will refuse as untested.
            if !finishing {
                let untested = super::doctor_untested::untested_tags(repo, config, &report);
                report.checks.extend(untested);
            }
            // A revert or cherry-pick stopped on the changelog: the way on, as the hook said it.
            report
                .checks
                .extend(super::changelog::stopped_check(repo, config, &ctx.cwd));
            // While git is stopped, no fix that rewrites history, and one way on for a
            // changelog both sides released a version in.
            super::doctor_midway::settle(repo, config, &mut report.checks);
        }
        // A format relhook cannot work in at all: said once, with no hook row to send the
        // user to an install that refuses, and `relhook uninstall` only where there is
        // something of relhook's to remove.
        (Err(e), _) if e.unreadable_index_fix().is_none() && unworkable.is_some() => {
            let installs = |c: &doctor::Check| {
                c.subject.starts_with("hook ")
                    || c.fix.as_deref().is_some_and(|f| f.starts_with("relhook install"))
            };
            report.checks.retain(|c| !installs(c));
            let present = super::install::relhook_present(&loc);
            report.checks.push(doctor::Check {
                subject: "repository".into(),
                status: Status::Invalid,
                detail: format!(
                    "relhook cannot work in this repository: {}{}",
                    unworkable.as_deref().unwrap_or_default(),
                    if present {
                        ", and relhook's hooks here fail on every commit and tag"
                    } else {
                        ""
                    }
                ),
                fix: present.then(|| "relhook uninstall".into()),
            });
        }
        // A file of git's that relhook may not read (an index of mode 000): that file, and
        // who may change it, not a format to uninstall relhook for.
        (Err(Error::Io { path, source, .. }), _) => report.checks.push(doctor::Check {
            subject: "repository".into(),
            status: Status::Invalid,
            detail: format!(
                "relhook cannot read `{}` ({source}), so its hooks fail on every commit and tag",
                path.display()
            ),
            fix: (source.kind() == std::io::ErrorKind::PermissionDenied)
                .then(|| crate::error::permission_step(path)),
        }),
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
    // Under `--config`, the hooks still read .relconfig.toml: one they refuse is said, and
    // no advice to commit it.
    if ctx.config_given().is_some()
        && let Some(refused) = doctor::hooks_config_check(&loc.work_tree)
    {
        report.checks.retain(|c| c.subject != "config file");
        report.checks.push(refused);
    }
    write_shown(|out| match args.format {
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
            let shown = crate::printable::visible;
            writeln!(
                out,
                "hooks directory: {}",
                shown(&report.hooks_dir.display().to_string())
            )?;
            if let Some(p) = &report.hooks_path {
                writeln!(out, "core.hooksPath: {}", shown(p))?;
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
                // Checks quote config values and file names: shown, never obeyed.
                writeln!(
                    out,
                    "{mark:>8}  {}: {}",
                    shown(&c.subject),
                    shown(&c.detail)
                )?;
                if let Some(fix) = c.fix.as_deref().map(crate::printable::lines) {
                    let (first, rest) = fix.split_once('\n').unwrap_or((&fix, ""));
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
            } else if unworkable.is_some() && report.checks.iter().all(|c| c.fix.is_none()) {
                writeln!(out, "relhook cannot work in this repository (see above)")
            } else if let Some(fix) = super::doctor_one_fix::one_fix(&report.checks) {
                let all = super::doctor_one_fix::all_or_but_warnings(&report.checks, &fix);
                writeln!(
                    out,
                    "something needs fixing: `{fix}` fixes {all} (see `fix:` above)"
                )
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

/// The rows about the repository's release state (its changelogs, version files, unfinished
/// work, locks, stranded tags), which a release at work changes as it goes. Whether a release
/// is left unfinished (then finished first, and its tag's test comes after).
fn release_state(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    loc: &crate::git::HooksLocation,
    report: &mut doctor::Report,
    huge: bool,
) -> bool {
    // The changelog too large to read (`huge`, said in its own row): the rows that read it
    // are left out, the others made.
    let reads = !huge;
    // A partial clone: the files the rows below read at the newest releases, fetched at once.
    crate::release::prefetched::newest_releases(repo, config);
    // A changelog relhook cannot keep, the root's or a package's: every entry and
    // release would be refused.
    if reads {
        report
            .checks
            .extend(super::doctor_changelog::changelog_checks(repo, config));
        // Entries a lost commit called for, which `--sync` keeps and a release would ship.
        report
            .checks
            .extend(super::doctor_dropped::dropped_row(repo, config));
        // A published release that lists no entry for a commit under it: added by hand.
        report
            .checks
            .extend(super::doctor_unlisted::unlisted_row(repo, config));
    }
    let installed = || super::install::relhook_present(loc);
    let missing = super::doctor_released::missing_package_changelogs(
        repo,
        config,
        &report.checks,
        &installed,
    );
    report.checks.extend(missing);
    if !report.checks.iter().any(|c| c.subject == "changelog") {
        let elsewhere = super::doctor_released::root_released_elsewhere(repo, config);
        report.checks.extend(elsewhere);
    }
    let renamed = super::doctor_released::packages_released_elsewhere(repo, config);
    report.checks.extend(renamed);
    if reads {
        report
            .checks
            .extend(super::doctor_changelog::repeated_versions(repo, config));
        report
            .checks
            .extend(super::doctor_changelog::undated_newest(repo, config));
    }
    report.checks.extend(super::passed_over::row(repo, config));
    // Unfinished work is told by the changelog's sections too: beside a huge one, by the
    // rest alone.
    let mut unfinished = super::doctor_unfinished::unfinished_work(repo, config, &installed, reads);
    unfinished.extend(super::doctor_elsewhere::half_made_elsewhere(config, repo));
    let files = super::doctor_files::unwritable_release_file(repo, config);
    // A listed file out of the work tree stops `relhook version` too: the files' row
    // says so with the fix, in place of the version's. A version stopped by something
    // else (tags under another prefix) keeps its own row: two problems, two fixes.
    let by_files = || {
        repo.work_tree()
            .is_some_and(|root| crate::release::stopped_by_files(repo, config, &root))
    };
    if files.is_some() && by_files() {
        unfinished.retain(|c| c.subject != "version");
    }
    // Unfinished work (a tag with no release commit, a release or transaction cut
    // short) leaves the version files behind the newest tag: its row is the cause,
    // and the files' row, which would send the user to the config, waits for it. The
    // version's own row is no such work: the files' row goes beside it.
    let work = |c: &doctor::Check| c.subject != "version" && c.status != Status::Warning;
    if unfinished.iter().all(|c| c.status == Status::Warning) {
        // A one-project workspace's packages a release left behind: only when the
        // files are otherwise sound, as the same row.
        let behind = || {
            super::doctor_workspace::members_left_behind(repo, config)
                .or_else(|| super::doctor_workspace::crates_left_behind(repo, config))
        };
        report.checks.extend(files.or_else(behind));
    } else if !unfinished.iter().any(work) {
        report.checks.extend(files);
    }
    let finishing = unfinished.iter().any(|c| c.status == Status::Invalid);
    report.checks.extend(unfinished);
    // A release section written by hand and not tagged yet: a release under way, said.
    if !finishing && reads {
        let awaiting = super::doctor_awaiting::awaiting_tag(repo, config);
        report.checks.extend(awaiting);
    }
    // A version file bumped past every tag with no section for it, when nothing else said so.
    let files_said = report.checks.iter().any(|c| c.subject == "version files");
    if !finishing && reads && !files_said {
        let ahead = super::doctor_ahead::version_ahead(repo, config);
        report.checks.extend(ahead);
    }
    // A package's published `workspace:*` a sibling's hand tag left behind: its release named.
    if !finishing && reads {
        report
            .checks
            .extend(super::doctor_workspace::shorthands_behind(repo, config));
    }
    let locks = super::doctor_files::old_locks(repo, &report.checks);
    report.checks.extend(locks);
    report
        .checks
        .extend(super::doctor_git_locks::young_top_locks(repo));
    // A release a reset dropped: its tag, if never pushed, gives the version back.
    // A changelog not committed (a `--sync` result), or the settings: the next release
    // refuses them.
    if !finishing {
        if reads {
            let uncommitted =
                super::doctor_uncommitted::uncommitted_changelogs(repo, config, report);
            report.checks.extend(uncommitted);
        }
        let settings = super::doctor_settings::uncommitted_settings(repo, config);
        report.checks.extend(settings);
        report
            .checks
            .extend(super::doctor_stranded::stranded_tags(repo, config));
    }
    finishing
}
