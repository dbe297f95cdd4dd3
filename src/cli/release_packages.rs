//! `relhook release --package NAME` / `--all` in a monorepo, and `--resume` of such a release.
//! The work is `release::packages`; this prints the plan and the outcome.

use std::io::Write;

use super::args::{Format, ReleaseArgs};
use super::release_next::{Made, say_next_with, say_untested};
use super::version::not_understood;
use super::{Context, Outcome, write_out};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release::packages::{self, Plan, Selection};
use crate::{Error, Result};

mod report;
mod resume;
use report::report;
use resume::resume;

/// `relhook release --package NAME… | --all [VERSION] [--pre ID] [--dry-run] …`.
pub(super) fn release(ctx: &Context, args: &ReleaseArgs) -> Result<Outcome> {
    let (repo, root, config) = ctx.open()?;
    if config.packages.is_empty() {
        return Err(Error::Usage(
            "--package and --all are for a monorepo: .relconfig.toml has no [packages.<name>] tables (`relhook init` proposes them for a workspace)".into(),
        ));
    }
    let mut opts = super::release::options(args)?;
    opts.sign |= repo.signs_tags();
    let json = args.format == Format::Json;
    // What stderr tells people beside the progress, which the JSON report carries too.
    let mut told = super::told::Told::stderr();
    let _running = match super::release::mark_running(&repo, args.dry_run) {
        Ok(mark) => mark,
        Err(why) => return super::release::refused(&why, json),
    };
    // Another relhook still writing its transaction: said as the release's refusal.
    let recovered = match super::release::recover_unless_dry(&repo, args.dry_run) {
        Err(crate::Error::Refused(r)) => return super::release::refused(&r, json),
        r => r?,
    };
    if let Some(done) = &recovered {
        super::recovered::say_recovered_to(&mut told, &repo, &root, &config, done, false);
    }
    if let Some(half) = packages::half_made(&repo, &config, &root) {
        if args.resume {
            return resume(&repo, &config, &root, &half, (&opts, json), told);
        }
        return super::release::refused(&Refusal::bare(Reason::HalfMade, half.describe()), json);
    }
    // A package's hand tag left on a commit without its section, commits made after it: the
    // release is made again from HEAD, never on top of it (as for a single project's tag).
    if let Some(s) = crate::tag::hand::stranded(&repo, &config) {
        let why = crate::tag::hand::describe_stranded(&s);
        return super::release::refused(&Refusal::bare(Reason::HalfMade, why), json);
    }
    // A package's tag made past the hook on a commit without its section: taken for released
    // though its release was never made (as for a single project's tag), so "nothing since".
    let installed = || ctx.relhook_installed();
    let chosen = |v: &Config| {
        v.package
            .as_ref()
            .is_some_and(|p| args.all || args.package.contains(&p.name))
    };
    for view in super::doctor::views_of(&repo, &config)
        .iter()
        .filter(|v| chosen(v))
    {
        if let Some(s) = crate::tag::hand::sectionless(&repo, view, &installed) {
            let why = crate::tag::hand::describe_sectionless(view, &s);
            return super::release::refused(&Refusal::bare(Reason::HalfMade, why), json);
        }
    }
    if let Some((view, half)) = misplaced_hand_tag(&repo, &root, &config) {
        if args.resume {
            return super::release::resume(&repo, &view, &root, &half, &opts, json);
        }
        return super::release::refused(&Refusal::bare(Reason::HalfMade, half.describe()), json);
    }
    // A package's hand tag still on HEAD whose hook stopped before its release commit: that
    // release is what to finish (a new one would find nothing since the tag).
    if let Some(view) = unfinished_hand_view(&repo, &root, &config) {
        if args.resume {
            return super::release::finish_hand_tag(&repo, &view, &root, &opts, json);
        }
        if let Some(u) = crate::tag::hand::unfinished(&repo, &view) {
            let why = crate::tag::hand::describe_unfinished(&repo, &view, &u);
            return super::release::refused(&Refusal::bare(Reason::HalfMade, why), json);
        }
    }
    if args.resume {
        let r = super::release_after::nothing_to_resume(recovered.as_ref(), true);
        return super::release::refused(&r, json);
    }
    let selection = if args.all {
        Selection::All
    } else {
        Selection::Named(args.package.clone())
    };
    let rerun = super::release_options::rerun_of(args, ctx.config_given());
    // `[release] channels`: each package's release is the channel's pre-release, as the
    // repository's own release is; a stable one only on purpose (`--allow-stable`).
    // Its line is said once the release is planned: a refused release says only the refusal.
    // The packages' next pre-release is judged by their own tags (after another line's, that
    // line's).
    let views: Vec<Config> = (config.packages.iter())
        .filter(|p| args.all || args.package.contains(&p.name))
        .filter_map(|p| crate::history::packages::view(&config, &p.name, &root).ok())
        .collect();
    let channel = match crate::release::channel::apply(
        (&config, (!views.is_empty()).then_some((&repo, &views[..]))),
        repo.branch().as_deref(),
        &mut opts,
        (&rerun.full, &rerun.base),
    ) {
        Ok(said) => said,
        Err(r) => return super::release::refused_in(&r, json, &rerun),
    };
    let (plan, skipped) = match packages::plan(&repo, &config, &root, &selection, &opts) {
        Ok(p) => p,
        Err(e) if e.is_refusal() => {
            return super::release::refused_in(&e.into_refusal()?, json, &rerun);
        }
        Err(e) => return Err(e),
    };
    if let Some(line) = channel {
        let _ = writeln!(told, "{line}");
    }
    let mut err = crate::cli::stream::stderr();
    for note in &plan.left_alone {
        let _ = writeln!(err, "relhook: note: {note}");
    }
    for p in &plan.packages {
        let info = p.info.as_ref();
        for line in info.map_or_else(Vec::new, |i| not_understood(i, Some(&p.name))) {
            let _ = writeln!(told, "relhook: warning: {line}");
        }
        for note in &p.left_alone {
            let _ = writeln!(err, "relhook: note: package {}: {note}", p.name);
        }
    }
    super::plan::say_skipped(&mut told, &plan, &skipped);
    if args.dry_run {
        for p in &plan.packages {
            super::plan::say_tests_cannot_start(&mut told, &p.view, &root, &opts);
        }
        if json {
            old_versions_left(&mut told, &repo, &plan, true);
            super::json::print(&report(&plan, None, told.lines()))?;
        } else {
            write_out(|out| print_plan(out, &plan, &opts))?;
            old_versions_left(&mut told, &repo, &plan, true);
        }
        return Ok(Outcome::Ok);
    }
    let _ = writeln!(err, "relhook: releasing {}", summary(&plan));
    // As for one release: a Ctrl-C past the tags waits for the report (see `release`).
    let _reported = crate::interrupt::Deferred::begin();
    match packages::execute(&repo, &root, &plan, &opts) {
        Ok(done) => {
            let tags: Vec<&str> = plan.packages.iter().map(|p| p.tag.as_str()).collect();
            let tested = tested_note(&done.tested);
            let _ = writeln!(
                err,
                "relhook: {} tagged on {} ({tested}release commit `{}`)",
                tags.join(", "),
                crate::git::short_id(done.commit),
                plan.commit_message.lines().next().unwrap_or("")
            );
            old_versions_left(&mut told, &repo, &plan, false);
            let made: Vec<Made<'_>> = plan
                .packages
                .iter()
                .map(|p| Made {
                    tag: &p.tag,
                    config: &p.view,
                    tested: done.tested.contains(&p.name),
                })
                .collect();
            say_untested(&mut told, &repo, done.commit, &made, opts.no_test);
            // Commits taken unchecked (`--allow-unlinted`): pre-push refuses them, so the push
            // advised skips it, as the single release's does.
            let unchecked = super::release_next::say_unchecked(
                &mut told,
                &repo,
                &config,
                plan.head,
                args.allow_unlinted,
            );
            // Before `next:`, which stays the last line.
            if let Some(signal) = crate::interrupt::received() {
                let tags: Vec<&str> = made.iter().map(|m| m.tag).collect();
                let _ = writeln!(
                    told,
                    "relhook: {} came once {} {} made: the release is complete",
                    crate::interrupt::name(signal),
                    tags.join(", "),
                    if tags.len() == 1 { "was" } else { "were" }
                );
            }
            say_next_with(&mut told, &repo, done.commit, &made, (true, unchecked));
            if json {
                super::json::print(&report(&plan, Some(&done), told.lines()))?;
            }
            Ok(Outcome::Ok)
        }
        Err(e) if e.is_refusal() => super::release::refused_in(&e.into_refusal()?, json, &rerun),
        Err(e) if e.interrupted().is_some() && !json => Ok(super::release_after::interrupted(
            &e,
            "undone, nothing was released",
        )),
        Err(e) if json => Err(e),
        Err(e) => {
            let why = super::release_after::not_released(
                &repo,
                e,
                packages::half_made(&repo, &config, &root).map(|h| h.describe()),
                &rerun,
            );
            let _ = writeln!(
                err,
                "relhook: error: {} not released: {why}",
                summary(&plan)
            );
            Ok(Outcome::Code(2))
        }
    }
}

/// Whether `relhook release --resume` (no `--package`) should finish a monorepo release.
pub(super) fn has_half_made(ctx: &Context) -> bool {
    ctx.open()
        .is_ok_and(|(repo, root, config)| packages::half_made(&repo, &config, &root).is_some())
}

/// In a monorepo, the view of the package whose hand tag's hook was interrupted before its
/// release commit (see `tag::hand::unfinished`), for `relhook release --resume`.
pub(super) fn unfinished_hand_view(
    repo: &Repo,
    root: &std::path::Path,
    config: &Config,
) -> Option<Config> {
    config
        .packages
        .iter()
        .filter_map(|p| crate::history::packages::view(config, &p.name, root).ok())
        .find(|v| crate::tag::hand::unfinished(repo, v).is_some())
}

/// In a monorepo, the view of the package whose hand tag's hook was killed after its release
/// commit, the tag left on the commit before it, with that half-made release.
pub(super) fn misplaced_hand_tag(
    repo: &Repo,
    root: &std::path::Path,
    config: &Config,
) -> Option<(Config, crate::release::HalfMade)> {
    config.packages.iter().find_map(|p| {
        let view = crate::history::packages::view(config, &p.name, root).ok()?;
        let half = crate::release::half_made(repo, &view)?;
        half.misplaced_tag.is_some().then_some((view, half))
    })
}

/// `api-v1.3.0 (1.2.0 → 1.3.0), cli-v0.4.1 (0.4.0 → 0.4.1, requires api 1.3.0)`.
fn summary(plan: &Plan) -> String {
    plan.packages
        .iter()
        .map(|p| {
            // One requirement moved in `dependencies` and `peerDependencies` is said once.
            let mut why: Vec<String> = p
                .because
                .iter()
                .map(|c| format!(", requires {} {}", c.dependency, c.version))
                .collect();
            why.sort();
            why.dedup();
            let from = if p.current == p.version {
                "first release".to_owned()
            } else {
                format!("{} → {}", p.current, p.version)
            };
            format!("{} ({from}{})", p.tag, why.concat())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_plan(
    out: &mut dyn Write,
    plan: &Plan,
    opts: &crate::release::Options,
) -> std::io::Result<()> {
    let no_test = opts.no_test;
    // An explicit level is what the release does, whatever the commits call for.
    let asked = match opts.requested {
        crate::history::version::bump::Requested::Level(l) => Some(match l {
            crate::history::version::bump::Level::Major => "major",
            crate::history::version::bump::Level::Minor => "minor",
            crate::history::version::bump::Level::Patch => "patch",
        }),
        _ => None,
    };
    writeln!(out, "release plan (dry run: nothing is written)")?;
    for p in &plan.packages {
        let why = match &p.info {
            Some(_) if asked.is_some() => format!("{}, as asked", asked.unwrap_or_default()),
            Some(info) => match info.lowered_below_one(&p.current, &p.version) {
                Some((made, called)) => format!(
                    "{made} since {}: {called}, which below 1.0.0 makes a {made} release",
                    info.since()
                ),
                None => format!("{} since {}", info.level(), info.since()),
            },
            None if !p.version.pre.is_empty() => {
                "pre-release: a requirement on a dependency's pre-release".to_owned()
            }
            None if !p.current.pre.is_empty() => {
                "stable, ending its pre-releases: a dependency's requirement changed".to_owned()
            }
            None => "patch: a dependency's requirement changed".to_owned(),
        };
        match &p.info {
            // Never a silent `1.0.0 → 1.0.0`: a first release tags the version already there.
            Some(info) if info.tag.is_none() && p.current == p.version => writeln!(
                out,
                "  {}: {} (first release, the version already there: {}; {why})",
                p.tag, p.version, info.current_from
            )?,
            _ => writeln!(out, "  {}: {} → {} ({why})", p.tag, p.current, p.version)?,
        }
        for c in &p.because {
            writeln!(out, "    {}", c.entry())?;
        }
        match (&p.view.checks.test, no_test) {
            (_, true) => writeln!(out, "    tests: none (--no-test)")?,
            (Some(t), false) => writeln!(
                out,
                "    tests: {} on the release commit",
                crate::testrun::shown(t)
            )?,
            (None, false) => writeln!(out, "    tests: none (`{}` is not set)", p.view.test_key())?,
        }
    }
    // The root project is released on its own: the entry waits in its Unreleased.
    for c in &plan.root {
        writeln!(
            out,
            "  also: {} (the root project's: under `## [Unreleased]` in its changelog, for its next release)",
            c.entry()
        )?;
    }
    for (c, why) in &plan.root_kept {
        writeln!(out, "  also: {} ({why})", c.entry())?;
    }
    for c in &plan.elsewhere {
        writeln!(
            out,
            "  also: {} (no package of its own: nothing of it is released)",
            c.entry()
        )?;
    }
    // Its header: the tags it lists below one that counts them are the plan's already.
    writeln!(
        out,
        "  commit: {}",
        plan.commit_message.lines().next().unwrap_or("")
    )?;
    // As the release commit makes them: from HEAD's files, not the work tree's.
    for e in &plan.committed {
        writeln!(out)?;
        write!(out, "{}", super::plan::edit_diff(e))?;
    }
    Ok(())
}

/// The runbook's `grep -r` after the bump, per package within its own directory: each line
/// that still says (or, for a dry run, would still say) the package's old version.
fn old_versions_left(err: &mut dyn Write, repo: &crate::git::Repo, plan: &Plan, dry: bool) {
    let planned: Vec<(String, &[u8])> = if dry {
        plan.edits
            .iter()
            .map(|e| {
                let path = e.path.to_string_lossy().replace('\\', "/");
                (path, e.after.as_slice())
            })
            .collect()
    } else {
        Vec::new()
    };
    let says = if dry { "would still say" } else { "still says" };
    for p in plan.packages.iter().filter(|p| p.version != p.current) {
        for (path, line, text) in
            super::release_after::old_version_left(repo, &p.view, &p.current, &planned)
        {
            let _ = writeln!(
                err,
                "relhook: note: {}:{line} {says} {} ({} is released as {}): `{}` (the runbook's `grep -r` check; bump it by hand)",
                crate::printable::visible(&path),
                p.current,
                p.name,
                p.version,
                crate::printable::visible(&text)
            );
        }
    }
}

/// `tested: a, b; ` for the packages whose tests ran, before what the line says next.
fn tested_note(tested: &[String]) -> String {
    if tested.is_empty() {
        String::new()
    } else {
        format!("tested: {}; ", tested.join(", "))
    }
}
