//! `relhook changelog`, the post-commit hook and the CHANGELOG.md merge driver.

use std::io::Write;
use std::path::Path;

use super::args::{ChangelogArgs, Format};
use super::lint::skip_requested;
use super::{Context, Outcome, write_out};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::accumulate::{Accumulated, post_commit};
use crate::history::changelog::{TEMPLATE, changesets};
use crate::history::sync::plan_sync_releasing;
use crate::{Error, Result};

/// `relhook changelog [--sync|--rebuild] [--stdout] [--package NAME | --all]`.
pub(super) fn changelog(ctx: &Context, args: &ChangelogArgs) -> Result<Outcome> {
    let (repo, root, config) = ctx.open()?;
    // What stderr says, which the JSON report carries too.
    let mut told = super::told::Told::stderr();
    if !args.stdout {
        // Said as `--sync`'s own line, before a recovery would wait for that run.
        at_work::refuse_while_written(&repo, args)?;
        if let Some(done) = crate::git::txn::recover_full(&repo)? {
            // The root's `--sync` follows and says an amend's line (a rebuild says none).
            let syncing = !args.rebuild && !args.all && args.package.is_none();
            super::recovered::say_recovered_to(&mut told, &repo, &root, &config, &done, syncing);
        }
        crate::git::txn::sweep_temporaries(&repo);
    }
    let (args, views) = views::chosen(&mut told, &root, config, args)?;
    let args = &args;
    let mut docs = Vec::new();
    let mut written = Vec::new();
    for view in &views {
        let doc = one_changelog(&repo, &root, view, args, (&mut written, &mut told))?;
        docs.extend(doc);
    }
    // Several files written (`--all`): one commit for them all, not one per file.
    if let (false, Some(view)) = (written.is_empty(), views.first()) {
        let _ = writeln!(
            told,
            "next: {}",
            next::commit_command(&repo, &written, args.rebuild, view)
        );
    }
    if args.format != Format::Json {
        return Ok(Outcome::Ok);
    }
    let (told, schema_version) = (told.lines(), super::json::SCHEMA_VERSION);
    if args.all {
        let changelogs = docs;
        let report = super::json::ChangelogsReport {
            schema_version,
            changelogs,
        };
        super::json::print(&super::told::SaidNext::new(report, told))?;
    } else if let Some(report) = docs.pop() {
        super::json::print(&super::told::SaidNext::new(report, told))?;
    }
    Ok(Outcome::Ok)
}

/// Syncs or rebuilds one changelog (the configuration's, or a package view's), saying what
/// it did to `err`; with `--format json`, its report.
fn one_changelog(
    repo: &Repo,
    root: &Path,
    config: &Config,
    args: &ChangelogArgs,
    (written, err): (&mut Vec<next::Written>, &mut dyn Write),
) -> Result<Option<super::json::ChangelogReport>> {
    let rel = config.changelog.path.clone();
    // relhook reads the file from the work tree: one a sparse checkout leaves out is not
    // missing, and is not written afresh.
    if let Some((_, add)) = repo.left_out_of_sparse_checkout(&[rel.as_path()]) {
        return Err(Error::Refused(Refusal::new(
            Reason::SparseCheckout,
            format!("{} is outside the sparse checkout", rel.display()),
            format!("`{add}` brings it in; then run this again"),
        )));
    }
    // The work tree's copy of a file git has not merged yet is one side of it, or markers:
    // entries written there would be merged over, or into, the conflict.
    if repo.conflicts().iter().any(|c| c.path == rel) {
        return Err(Error::Refused(Refusal::new(
            Reason::Changelog,
            format!(
                "{} is in conflict ({} stopped on it)",
                rel.display(),
                repo.stopped_on_conflict()
            ),
            "resolve it and `git add` it (git status says how), then run this again",
        )));
    }
    standing::refuse_unkept_path(repo, root, config, args)?;
    let json = args.format == Format::Json;
    // A refusal of tags under another prefix names the versions as `relhook release` would
    // make them: what the commits call for, and a first release from the version files.
    let advise = crate::history::tags::Advise {
        above: &crate::release::version_above_former(repo, config, root),
        first: &|| crate::release::first_version(config, root),
    };
    // Planned without a lock (it reads history), applied under the index lock only if HEAD
    // and the file are still what the plan read: a commit landing in between (its
    // post-commit adds its own entry) makes the plan stale, and it is made again.
    for _ in 0..5 {
        let head = repo.head();
        let current = read_current(root, &rel)?;
        let reading = super::progress::Progress::spinner("reading history for the changelog");
        // What a rebuild says of the release sections it kept as written, or left out.
        // And the release sections a rebuild kept as written (an untagged one gets its own line).
        // And the commits a sync writes no entry for, not being Conventional Commits.
        let (mut said, mut kept, mut odd) = (Vec::new(), Vec::new(), None);
        let (text, added, gone, moved, amended, landed) = if args.rebuild {
            let rebuilt =
                super::rebuild_guard::rebuilt(repo, config, &rel, (&current, args), &advise)?;
            (said, kept) = (rebuilt_words::said(&rel, &rebuilt), rebuilt.kept);
            let gone = Default::default();
            (rebuilt.text, vec![], gone, vec![], vec![], vec![])
        } else {
            let base = current.clone().unwrap_or_else(|| TEMPLATE.to_owned());
            conflicted::refuse_markers(&rel, &base)?;
            let mut p = plan_sync_releasing(repo, config, &base, (None, &advise))?;
            let gone = taken_out::Gone::of(&mut p);
            odd = Some(std::mem::take(&mut p.no_entry));
            (p.text, p.added, gone, p.moved, p.amended, p.landed)
        };
        reading.finish();
        repo.all_fetched()?;
        // A changelog is not made while it would have no entry (its first entry makes it, as
        // post-commit does): an empty skeleton to commit is no sync.
        let unmade = !args.rebuild && current.is_none() && added.is_empty() && text == TEMPLATE;
        let changed = current.as_deref() != Some(text.as_str()) && !unmade;
        let mut edited = false;
        if changed && !args.stdout {
            // The user's own edits not staged: the commit advised must not take them too.
            edited = repo.unstaged_changes(&rel)?;
            let mut txn = repo.transaction("changelog --sync")?;
            if repo.head() != head || read_current(root, &rel)? != current {
                continue;
            }
            txn.write_file(&rel, text.as_bytes())?;
            txn.commit()?;
        }
        rebuilt_words::say_unborn(repo, config, args.rebuild && !json, err);
        if !args.stdout {
            // Each entry as the file writes it: its bullet marker (`-`, `*`), its scope's style.
            let log = crate::history::changelog::Changelog::parse(&text).ok();
            let m = log.as_ref().map_or('-', |l| l.marker());
            let style = log.map(|l| l.entry_style()).unwrap_or_default();
            for (commit, e) in &added {
                let short = crate::git::short_hex(commit);
                let text = crate::history::changelog::one_line(&style.apply(&e.text));
                let _ = writeln!(err, "relhook: {short}: `{m} {text}` under {}", e.section);
            }
            for line in gone.said(m, &style) {
                let _ = writeln!(err, "relhook: {line}");
            }
            for (commit, old, e) in &moved {
                let e = &crate::history::changelog::entry::NewEntry {
                    text: style.apply(&e.text),
                    ..e.clone()
                };
                let done = crate::history::sync::moved_said(m, old, e);
                let _ = writeln!(err, "relhook: {}: {done}", crate::git::short_hex(commit));
            }
            for l in &landed {
                let _ = writeln!(err, "relhook: {}", l.said(m, true));
            }
            for said in amended.iter().filter_map(|s| s.said(&rel, true)) {
                let _ = writeln!(err, "relhook: {said}");
            }
            let created = changed && current.is_none();
            // A rebuild lists no entries as it goes: its text tells whether history had any.
            let nothing = match args.rebuild {
                true => text.trim_end() == TEMPLATE.trim_end(),
                false => added.is_empty(),
            };
            if unmade {
                let _ = writeln!(err, "relhook: {}", skipped::unmade(repo, config, &rel));
            } else if created && nothing {
                // Not "up to date" and then "wrote": the file did not exist.
                let _ = writeln!(
                    err,
                    "relhook: created {}; history has no entry for it yet",
                    rel.display()
                );
            } else if created && args.rebuild {
                for line in rebuilt_words::created(&rel, &said) {
                    let _ = writeln!(err, "relhook: {line}");
                }
            } else {
                let none = added.is_empty() && gone.is_empty() && moved.is_empty();
                // Entries HEAD's file lists and the work tree's lacks: not up to date.
                let lacks =
                    !args.rebuild && uncommitted::lacking(repo, config, &text, &advise, err);
                if !args.rebuild && none && landed.is_empty() && !lacks {
                    let _ = writeln!(err, "relhook: {} is up to date with history", rel.display());
                }
                let untagged = rebuilt_words::untagged(repo, config, &kept, changed, args.force);
                for line in said.iter().chain(&untagged) {
                    let _ = writeln!(err, "relhook: {line}");
                }
                // A rebuild that changes nothing says so: silence reads as a rebuild not run.
                if args.rebuild && !changed {
                    let _ = writeln!(
                        err,
                        "relhook: {} is already what history rebuilds; nothing rewritten",
                        rel.display()
                    );
                }
                if changed {
                    // A changesets file's first write: what it did to the file, said once.
                    let was = current.as_deref().filter(|_| !args.rebuild);
                    if let Some(said) = was.and_then(|c| changesets::first_write(config, &rel, c)) {
                        let _ = writeln!(err, "relhook: {}: {said}", rel.display());
                    }
                    let _ = writeln!(err, "relhook: wrote {}", rel.display());
                }
            }
            if changed {
                written.push(next::Written {
                    rel: rel.clone(),
                    edited,
                });
            }
        }
        // Said of each changelog: named when it is a package's, or one of several.
        if let Some(odd) = &odd {
            let named = args.all || args.package.is_some();
            no_entry::say(odd, config, (&rel, named), err);
        }
        // No preview of a file `--sync` would not write: said as `--sync` says it.
        if args.stdout && !json && unmade {
            let _ = writeln!(err, "relhook: {}", skipped::unmade(repo, config, &rel));
        } else if args.stdout && !json {
            write_out(|out| out.write_all(text.as_bytes()))?;
        }
        if !json {
            return Ok(None);
        }
        let report = super::json::ChangelogReport {
            schema_version: super::json::SCHEMA_VERSION,
            path: rel.display().to_string(),
            mode: if args.rebuild { "rebuild" } else { "sync" },
            changed,
            written: changed && !args.stdout,
            added: (added.iter())
                .map(|(commit, e)| super::json_replaced::added(commit, e))
                .collect(),
            replaced: super::json_replaced::replaced(&moved),
            content: args.stdout.then_some(text),
        };
        return Ok(Some(report));
    }
    Err(Error::KeptChanging(rel.to_path_buf()))
}

/// `relhook hook post-commit`: git ignores its exit status, so problems are reported, not fatal.
pub(super) fn post_commit_hook(ctx: &Context) -> Result<Outcome> {
    if skip_requested() {
        // Said as the shim says it (husky and lefthook run this); relhook's own git commands
        // skip in silence.
        let value = std::env::var("RELHOOK_SKIP").unwrap_or_default();
        if value != crate::git::run::SKIP_QUIETLY {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: RELHOOK_SKIP={value}: post-commit skipped{}",
                skipped::what_is_missed(ctx)
            );
        }
        return Ok(Outcome::Ok);
    }
    // A Ctrl-C (SIGTERM, SIGHUP) from here on is noted, not fatal: git ignores this hook's
    // exit and says nothing, so the amend is undone before HEAD moves, or finished after, and
    // said; never left half-made with git's index lock held (see `not_added`). Started by
    // git, the hook defers them from its first instruction already (`cli::run`).
    let _deferred = crate::interrupt::Deferred::begin();
    // git runs post-commit only where commits are made: a work tree relhook does not see is
    // said, not passed over in silence.
    let (repo, root, config) = match ctx.open() {
        Err(Error::BareRepository(dir)) => {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: no changelog entry added: relhook finds no work tree for {} (set GIT_WORK_TREE as git has it, then `relhook changelog --sync`)",
                dir.display()
            );
            return Ok(Outcome::Ok);
        }
        opened => opened?,
    };
    // A signal noted before this (`cli::run` defers them from the hook's start): nothing is
    // done, and the commit's missing entry is said as a later one says it.
    if let Some(signal) = crate::interrupt::received() {
        let e = crate::interrupt::interrupted(signal, crate::history::accumulate::ADDING);
        return Ok(not_added::said(
            &mut crate::cli::stream::stderr(),
            &repo,
            &config,
            e,
        ));
    }
    repo.cache_objects();
    // A tag's settled note is read only by the transaction that wrote it: a commit since
    // means it speaks for nothing any more (one stat when there is none).
    if repo.git_dir().join(crate::tag::hand::SETTLED).exists() {
        crate::tag::hand::note_settled(repo.git_dir(), None);
    }
    // A killed relhook's transaction is finished or undone first, and that is said (its
    // errors come again, with their message, from the transaction below). Looked for with
    // one stat: every commit runs this.
    // HEAD's reflog, read once: what the commit was, and whether it amended one.
    let mut top = repo.reflog_top();
    // The id git gave the commit, where a recovery rewrote it before this run's own rewrite.
    let mut named = None;
    if crate::git::txn::journal_path(repo.git_dir()).exists() {
        match crate::git::txn::recover_full(&repo) {
            Ok(Some(done)) => super::recovered::say_recovered(&repo, &root, &config, &done, false),
            // Another relhook still writing (waited for already): the entry is said missing.
            // Its own fix (run this again) is not a commit's: the missing entry's is said.
            Err(Error::Refused(r)) => {
                let e = Error::Refused(Refusal::bare(r.reason, r.what));
                let mut err = crate::cli::stream::stderr();
                return Ok(not_added::said(&mut err, &repo, &config, e));
            }
            _ => {}
        }
        // The recovery put the killed run's entry back into this commit (made from the index
        // from before that run): this commit is that one now.
        if let (Some(t), Some(now)) = (top.as_mut(), repo.reflog_top())
            && now.old == t.new
            && repo.head() == Some(now.new)
        {
            named = Some(t.new);
            t.new = now.new;
        }
    }
    let mut err = crate::cli::stream::stderr();
    let amend = top
        .as_ref()
        .is_some_and(|t| t.message.starts_with("commit (amend): "));
    // A commit that may end a conflict (a merge, a pick, a rebase step continued, a plain
    // commit after `merge --squash` or `stash pop`): where unresolved markers get committed.
    let concluded = top.as_ref().is_some_and(|t| {
        let m = t.message.as_str();
        // A plain commit too: `git merge --squash` and a `git stash pop` that stopped end so.
        // Only a commit that changed the file is read (a staged hand edit, not an entry).
        m.starts_with("commit: ")
            || (m.starts_with("commit (")
                && !m.starts_with("commit (amend)")
                && !m.starts_with("commit (initial)"))
            || m.starts_with("rebase (continue)")
    });
    // `git revert` (of a release commit, perhaps): its section's loss is said at once.
    let reverted = top
        .as_ref()
        .is_some_and(|t| t.message.starts_with("revert: "));
    let result = match post_commit(&repo, &config, top) {
        Ok(r) => r,
        // One line: what did not happen, that nothing was left half-done, what finishes it.
        Err(e) => return Ok(not_added::said(&mut err, &repo, &config, e)),
    };
    // The commit git made (before any amend of relhook's): whether it brought conflict
    // markers into the changelog is asked of it, and said unless refused for them below.
    let made = match &result {
        Accumulated::Changed { old, .. } => Some(*old),
        _ => repo.head(),
    };
    // What accumulate refused already says (its own line names the file and the markers).
    let refused = match &result {
        Accumulated::Refused(why) => why.clone(),
        _ => String::new(),
    };
    match result {
        Accumulated::Skipped(_) => {}
        Accumulated::Notice(why) => {
            if !quiet() {
                let _ = writeln!(err, "relhook: {why}");
            }
        }
        Accumulated::Changed {
            what,
            old,
            new,
            note,
            lint,
        } => {
            if !quiet() && old == new {
                // The file as staged was the edit's result already: nothing was rewritten.
                let _ = writeln!(
                    err,
                    "relhook: {what}; the commit already had the file so: nothing was rewritten"
                );
            } else if !quiet() {
                let _ = writeln!(
                    err,
                    "relhook: {what}; the commit is now {} (git named it {})",
                    crate::git::short_id(new),
                    crate::git::short_id(named.unwrap_or(old))
                );
            }
            if let Some(note) = note {
                let _ = writeln!(err, "relhook: warning: {note}");
            }
            if let Some(lint) = lint.filter(|_| !quiet()) {
                let _ = writeln!(err, "relhook: {lint}");
            }
        }
        Accumulated::Refused(why) => {
            let _ = writeln!(err, "relhook: warning: {why}");
        }
    }
    for said in after_commit::rewritten_releases(&repo, &config, amend, reverted) {
        let _ = writeln!(err, "relhook: warning: {said}");
    }
    if let Some(made) = made.filter(|_| concluded) {
        // The entries a commit git made took out of the file (a merge's are its sides').
        uncommitted::say_took_out(&repo, &config.changelog.path, made, &mut err);
        for said in conflicted::committed_conflicts(&repo, &config, made, &refused) {
            let _ = writeln!(err, "relhook: warning: {said}");
        }
    }
    // An interrupted hand tag this commit has moved away from: said at once, not first at
    // the next release.
    if let Some(s) = crate::tag::hand::stranded(&repo, &config) {
        let _ = writeln!(
            err,
            "relhook: warning: {}",
            crate::tag::hand::describe_stranded(&s)
        );
    } else if let Some(h) = (repo.head())
        .filter(|_| !amend)
        .and_then(|h| crate::release::half_made_under(&repo, &config, h))
    {
        // The first commit above an interrupted release: said now, not at the next release.
        let _ = writeln!(err, "relhook: warning: {}", h.describe());
    }
    Ok(Outcome::Ok)
}

/// `RELHOOK_QUIET=1` (any value but empty or `0`) silences the hooks' informational lines:
/// what post-commit added, and why a hook did not act. Warnings and refusals are always
/// printed.
pub(super) fn quiet() -> bool {
    std::env::var_os("RELHOOK_QUIET").is_some_and(|v| !v.is_empty() && v != "0")
}

mod after_commit;
mod at_work;
mod conflicted;
mod driver;
mod driver_labels;
mod next;
mod no_entry;
mod not_added;
mod rebuilt_words;
mod released_words;
mod reworded;
pub(super) use next::{Written, commit_command};
mod skipped;
mod standing;
mod stopped;
mod taken_out;
mod twice;
mod uncommitted;
use uncommitted::read_current;
mod views;
pub(super) use driver::merge_driver;
pub(super) use driver_labels::GivenLabels;
pub(super) use stopped::{NO_COMMIT_REVERT, stopped_check, stopped_pick};
pub(super) use twice::twice_stop;
