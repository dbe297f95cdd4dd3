//! `relhook release`: the plan, the release itself, `--resume` of a half-made one.

use std::io::Write;

use super::args::{Format, ReleaseArgs};
use super::plan::{Said, no_tests, print_plan, release_report};
use super::release_after::{interrupted, say_old_version_left};
pub(super) use super::release_hand::finish_hand_tag;
use super::release_next::{Made, say_next_with, say_untested};
pub(super) use super::release_next::{refused, refused_in};
pub(super) use super::release_options::options;
pub(super) use super::release_resume::{resume, resumed};
use super::{Context, Outcome, write_out};
use crate::Result;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::release;
use crate::tag::hand;

/// `relhook release [auto|major|minor|patch|X.Y.Z] ...`.
pub(super) fn release(ctx: &Context, args: &ReleaseArgs) -> Result<Outcome> {
    // A Ctrl-C during the tests: said at once when the test command is slow to stop.
    crate::interrupt::on_stop(super::stopping::then_undoing);
    // Found missing at the tag, git would cost a release commit made and undone.
    if !crate::git::run::program_found() {
        return Err(crate::Error::GitNotFound {
            release: true,
            dry_run: args.dry_run,
        });
    }
    // A release killed under another `--config`: finished under its own, before anything
    // here recovers it (its tag and tests are that file's).
    if let Some(r) = ctx
        .repo()
        .ok()
        .and_then(|r| super::killed_config::refusal(&r))
    {
        return refused(&r, args.format == Format::Json);
    }
    // Replace refs git follows: the release would be of a history `git log` does not show.
    // A dry run, which writes nothing, shows its plan under the note `Context::repo` prints.
    if !args.dry_run
        && let Some(why) = ctx
            .repo()
            .ok()
            .and_then(|r| super::replaced::refusal(&r, false))
    {
        let why = Refusal::bare(Reason::ReplacedHistory, why);
        return refused(&why, args.format == Format::Json);
    }
    // A `core.sharedRepository` value git refuses: git writes nothing here, so the release
    // is refused first, before it marks itself running or says what it releases.
    if !args.dry_run
        && let Ok(r) = ctx.repo()
    {
        r.writable()?;
    }
    if args.all || !args.package.is_empty() {
        return super::release_packages::release(ctx, args);
    }
    // A package release interrupted after its commit: finished by --resume, named otherwise.
    if super::release_packages::has_half_made(ctx) {
        return super::release_packages::release(ctx, args);
    }
    let (repo, root, config) = ctx.open()?;
    let mut opts = options(args)?;
    // git signs the tag under `tag.gpgSign`: the plan and the report say so.
    opts.sign |= repo.signs_tags();
    let json = args.format == Format::Json;
    // What stderr tells people beside the progress, which the JSON report carries too.
    let mut told = super::told::Told::stderr();
    if let Some(line) = (!json).then(|| super::doctor::hooks_not_run(ctx)).flatten() {
        let _ = writeln!(crate::cli::stream::stderr(), "{line}");
    }
    let _running = match mark_running(&repo, args.dry_run) {
        Ok(mark) => mark,
        Err(why) => return refused(&why, json),
    };
    // Another relhook still writing its transaction: said as the release's refusal.
    let recovered = match recover_unless_dry(&repo, args.dry_run) {
        Err(crate::Error::Refused(r)) => return refused(&r, json),
        r => r?,
    };
    if let Some(done) = &recovered {
        if args.resume {
            super::recovered::say_recovered_resuming(&repo, &root, &config, &done.said);
        } else {
            super::recovered::say_recovered_to(&mut told, &repo, &root, &config, done, false);
        }
    }
    if !args.dry_run {
        crate::git::txn::sweep_temporaries(&repo);
    }
    let installed = || ctx.relhook_installed();
    match release::half_made(&repo, &config) {
        Some(half)
            if args.resume
                || (!json
                    && !args.dry_run
                    && super::release_after::confirm(&half, &config, &opts)) =>
        {
            return resume(&repo, &config, &root, &half, &opts, json);
        }
        Some(half) => return refused(&Refusal::bare(Reason::HalfMade, half.describe()), json),
        // A hand tag left on a commit without its section: its release is what to finish,
        // not a new one (which would find nothing since that tag).
        // Commits made after it: the release is made again from HEAD, never on top of it
        // (the next version would take its entries, and its version would never ship).
        None if let Some(s) = hand::stranded(&repo, &config) => {
            let why = hand::describe_stranded(&s);
            return refused(&Refusal::bare(Reason::HalfMade, why), json);
        }
        None if let Some(s) = hand::sectionless(&repo, &config, &installed) => {
            let why = hand::describe_sectionless(&config, &s);
            return refused(&Refusal::bare(Reason::HalfMade, why), json);
        }
        // Moved above its release commit: "nothing since" it would be untrue.
        None if let Some(m) = crate::tag::later::moved(&repo, &config, &installed) => {
            let why = format!("{}: {}", m.why, m.back.said());
            return refused(&Refusal::bare(Reason::HalfMade, why), json);
        }
        // A package's hand tag killed after its release commit, left on the commit before.
        None if let Some((view, half)) =
            super::release_packages::misplaced_hand_tag(&repo, &root, &config) =>
        {
            if args.resume {
                return resume(&repo, &view, &root, &half, &opts, json);
            }
            return refused(&Refusal::bare(Reason::HalfMade, half.describe()), json);
        }
        None => match hand::unfinished(&repo, &config) {
            Some(_) if args.resume => {
                return finish_hand_tag(&repo, &config, &root, &opts, json);
            }
            Some(u) => {
                let why = hand::describe_unfinished(&repo, &config, &u);
                return refused(&Refusal::bare(Reason::HalfMade, why), json);
            }
            None if args.resume => {
                // Release commits reworded or rebased after tagging (a rebase across several
                // releases rewrites them all): each tagged again there, the oldest first.
                let retags = repo
                    .head()
                    .map(|h| release::retags_needed_from(&repo, &config, h))
                    .unwrap_or_default();
                let mut halves = Vec::new();
                for r in retags.iter().rev() {
                    let Some(half) = r.to_resume(&repo) else {
                        // Published, a copy, or stale: another fix, named.
                        let why = format!("{}; {}", r.problem(), r.fix(&repo));
                        return refused(&Refusal::bare(Reason::HalfMade, why), json);
                    };
                    halves.push(half);
                }
                if !halves.is_empty() {
                    for half in &halves {
                        let outcome = resume(&repo, &config, &root, half, &opts, json)?;
                        if !matches!(outcome, Outcome::Ok) {
                            return Ok(outcome);
                        }
                    }
                    return Ok(Outcome::Ok);
                }
                if let Some(view) =
                    super::release_packages::unfinished_hand_view(&repo, &root, &config)
                {
                    return finish_hand_tag(&repo, &view, &root, &opts, json);
                }
                let monorepo = !config.packages.is_empty();
                let r = super::release_after::nothing_to_resume(recovered.as_ref(), monorepo);
                return refused(&r, json);
            }
            None => {}
        },
    }
    // A release commit rewritten after tagging, whose tag names the commit it replaced: a
    // release above it would publish it untagged, so its tag is made again first (a version
    // named on the command line included).
    if let Some(r) = repo
        .head()
        .and_then(|h| release::retag_needed_from(&repo, &config, h))
    {
        let why = format!("{}; {}", r.problem(), r.fix(&repo));
        return refused(&Refusal::bare(Reason::HalfMade, why), json);
    }
    // Two releases of the last version merged: one's entries are in no section, and a
    // release now would ship without them (or find nothing to release). Or not merged yet,
    // the other in the upstream: the pull the release needs would clobber the tag.
    if let Some(t) = release::any_twin(&repo, &config) {
        let why = format!("{}; {}", t.problem, t.advice());
        return refused(&Refusal::bare(Reason::HalfMade, why), json);
    }
    // The retry a refusal or an error names: the version asked for, not the one relhook picks.
    let rerun = super::release_options::rerun_of(args, ctx.config_given());
    // `[release] channels`: on a channel's branch, its pre-release unless asked otherwise.
    // Its line is said once the release is planned: a refused release says only the refusal.
    let channel = match release::channel::apply(
        (&config, Some((&repo, std::slice::from_ref(&config)))),
        repo.branch().as_deref(),
        &mut opts,
        (&rerun.full, &rerun.base),
    ) {
        Ok(said) => said,
        Err(r) => return refused_in(&r, json, &rerun),
    };
    let plan = match release::plan(&repo, &config, &root, &opts) {
        Ok(p) => p,
        Err(e) => return refused_in(&e.into_refusal()?, json, &rerun),
    };
    if let Some(line) = channel {
        let _ = writeln!(told, "{line}");
    }
    repo.all_fetched()?;
    for (_, note) in &plan.left_alone {
        let _ = writeln!(crate::cli::stream::stderr(), "relhook: note: {note}");
    }
    let said = Said::of_plan(&repo, (&config, &root), &plan, &opts);
    said.print(&mut told);
    if args.dry_run {
        let err = &mut crate::cli::stream::stderr();
        super::plan::say_tests_cannot_start(err, &config, &root, &opts);
        if !json {
            write_out(|out| print_plan(out, &plan, (&config, &root), &opts))?;
        }
        // What the real run would note after tagging, said before anything is made: each
        // file as the plan leaves it.
        if plan.version != plan.info.current {
            let planned: Vec<(String, &[u8])> = plan
                .edits
                .iter()
                .map(|e| {
                    (
                        e.path.to_string_lossy().replace('\\', "/"),
                        e.after.as_slice(),
                    )
                })
                .collect();
            let old = plan.info.current.to_string();
            say_old_version_left(&mut told, &repo, &config, &old, &planned, true);
        }
        if json {
            let report = release_report(&plan, (&config, &root), (&opts, told.lines()), None);
            super::json::print(&report)?;
        }
        return Ok(Outcome::Ok);
    }
    let mut err = crate::cli::stream::stderr();
    let from = if plan.info.tag.is_none() && plan.info.current == plan.version {
        format!("first release; {}", plan.info.current_from)
    } else if plan.info.former_prefix.is_some() {
        // The release it follows is not under `tag_prefix`: named, not left to be guessed.
        let moves = plan.info.transition(&plan.version);
        format!("{moves}, {}", plan.info.current_from)
    } else {
        plan.info.transition(&plan.version)
    };
    let _ = writeln!(err, "relhook: releasing {} ({from})", plan.tag);
    // Past the tag, a Ctrl-C must not cut the report of a release that is made (exit 130 and
    // half a line would read as a release undone): noted, and said once the report is out.
    let _reported = crate::interrupt::Deferred::begin();
    match release::execute(&repo, &config, &root, &plan, &opts) {
        Ok(done) => {
            // A signal test's pause: the release made, its report not yet out.
            let _ = crate::git::txn::failpoint("release-tagged");
            let tested = if done.tested { "tested, " } else { "" };
            let _ = writeln!(
                err,
                "relhook: {} is tagged on {} ({tested}release commit `{}`)",
                plan.tag,
                crate::git::short_id(done.commit),
                plan.commit_message
            );
            super::release_after::say_journal_left(&mut told, &repo);
            if plan.version != plan.info.current {
                let old = plan.info.current.to_string();
                say_old_version_left(&mut told, &repo, &config, &old, &[], false);
            }
            let made = Made {
                tag: &plan.tag,
                config: &config,
                tested: done.tested,
            };
            if opts.no_test {
                // Skipped on purpose: said as a package's release and `--resume` say it, when
                // pre-push will refuse the tag for it (`next:` then names `relhook test`).
                say_untested(
                    &mut told,
                    &repo,
                    done.commit,
                    std::slice::from_ref(&made),
                    true,
                );
            } else if let Some(why) = (!done.tested)
                .then(|| no_tests(&config, &root, &opts))
                .flatten()
            {
                let _ = writeln!(err, "relhook: no tests ran: {why}");
            }
            let unchecked = super::release_next::say_unchecked(
                &mut told,
                &repo,
                &config,
                plan.head,
                args.allow_unlinted,
            );
            // Before `next:`, which stays the last line.
            if let Some(signal) = crate::interrupt::received() {
                let _ = writeln!(
                    told,
                    "relhook: {} came once {} was made: the release is complete",
                    crate::interrupt::name(signal),
                    plan.tag
                );
            }
            say_next_with(&mut told, &repo, done.commit, &[made], (true, unchecked));
            if json {
                let report = (&opts, told.lines());
                let report = release_report(&plan, (&config, &root), report, Some(&done));
                super::json::print(&report)?;
            }
            Ok(Outcome::Ok)
        }
        Err(e) if e.is_refusal() => refused_in(&e.into_refusal()?, json, &rerun),
        Err(e) if e.interrupted().is_some() && !json => {
            Ok(interrupted(&e, "undone, nothing was released"))
        }
        Err(e) if json => Err(e),
        Err(e) => {
            // One line: what did not happen, what is left, and the command that goes on.
            let why = super::release_after::not_released(
                &repo,
                e,
                release::half_made(&repo, &config).map(|h| h.describe()),
                &rerun,
            );
            let _ = writeln!(err, "relhook: error: {} was not released: {why}", plan.tag);
            Ok(Outcome::Code(2))
        }
    }
}

/// Marks this release at work (a dry run only looks), or refuses while another one is: it may
/// be testing its release commit, which neither a second release nor `--resume` may take.
/// A killed relhook's transaction finished or undone, as every release does first; a dry
/// run, which writes nothing, leaves it and is refused in one line naming what sees to it.
pub(super) fn recover_unless_dry(
    repo: &Repo,
    dry_run: bool,
) -> Result<Option<crate::git::txn::Recovered>> {
    if !dry_run {
        return crate::git::txn::recover_full(repo);
    }
    match crate::git::txn::at_work::left_for_dry_run(repo)? {
        None => Ok(None),
        Some(p) => {
            // A release whose commit was made is finished by its resume: no plan is left.
            let fix = if p.fix.contains("release --resume") {
                format!(
                    "a dry run writes nothing: `{}` finishes that release",
                    p.fix
                )
            } else {
                // This dry run again, as given: "a dry run" named no command (QA306).
                let asked = crate::resume_advice::asked().unwrap_or_default();
                let again = crate::resume_advice::release_asked(&asked);
                format!(
                    "a dry run writes nothing: `{}` sees to it (as a release does first), then `{again} --dry-run` shows the plan",
                    p.fix
                )
            };
            Err(crate::Error::Refused(Refusal::new(
                Reason::Interrupted,
                p.said,
                fix,
            )))
        }
    }
}

pub(super) fn mark_running(
    repo: &Repo,
    dry_run: bool,
) -> std::result::Result<Option<release::running::Running>, Refusal> {
    if dry_run {
        let pid = release::running::at_work(repo);
        return pid.map_or(Ok(None), |pid| {
            Err(Refusal::bare(
                Reason::ReleaseRunning,
                release::running::describe(pid),
            ))
        });
    }
    let running = release::running::begin(repo)?;
    // The test checkout a killed release left (in the system's temporary folder) goes now,
    // not only when a later release tests in a checkout again.
    crate::testrun::sweep_leaked(repo);
    Ok(running)
}
