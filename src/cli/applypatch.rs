//! `relhook hook post-applypatch`: git runs no post-commit for the commits `git am` (and `git
//! rebase --apply`) makes, so a patch made where relhook did not run brings a commit without
//! its changelog entry. Amending it during the am would break the next patch's context, so
//! the hook only says it, in one line, once the am's last patch is in (git has no hook at the
//! end of an am: each patch's commit is noted until then; an am whose last patch is skipped
//! is said by reference-transaction, see [`am_ended`]). git runs no commit-msg for a patch
//! either: a commit whose message the lint refuses gets a line there too. It never fails and
//! never writes into the work tree: git ignores this hook's exit, and the am goes on.

use std::io::Write;
use std::path::Path;

use super::{Context, Outcome};
use crate::Result;
use crate::config::Config;
use crate::git::{Applying, Repo};
use crate::history::sync::{Unlogged, unlogged};
use crate::history::unlinted::Failing;

pub(super) fn post_applypatch_hook(ctx: &Context) -> Result<Outcome> {
    if super::lint::skip_requested() {
        return Ok(Outcome::Ok);
    }
    // Whatever goes wrong here is no reason to disturb the am: doctor names such commits too.
    let Ok((repo, root, config)) = ctx.open() else {
        return Ok(Outcome::Ok);
    };
    let (Some(applying), Some(head)) = (repo.applying(), repo.head()) else {
        return Ok(Outcome::Ok);
    };
    if !applying.note(head) || !applying.is_last() {
        return Ok(Outcome::Ok);
    }
    say_end((&repo, &root, &config), &applying);
    Ok(Outcome::Ok)
}

/// The reference-transaction hook's part: an am that ends without committing its last patch
/// (`git am --skip` of it) runs no post-applypatch then, so its commits are said here, once.
pub(super) fn am_ended(ctx: &Context) {
    if let Ok(loc) = crate::git::locate(&ctx.cwd)
        && crate::git::am_ends_unapplied(&loc.git_dir)
        && let Ok((repo, root, config)) = ctx.open()
        && let Some(applying) = repo.applying()
    {
        say_end((&repo, &root, &config), &applying);
    }
}

/// Says which of the commits the am noted lack their entry or fail the lint, and takes the
/// note out.
fn say_end((repo, root, config): (&Repo, &Path, &Config), applying: &Applying) {
    let made = applying.noted();
    applying.forget();
    for line in unlinted_lines(repo, config, applying, &made) {
        let _ = writeln!(crate::cli::stream::stderr(), "{line}");
    }
    if let Some(found) = unlogged(repo, config, root, &made) {
        let subject = |id| {
            let text = repo.commit_text(id).unwrap_or_default();
            text.lines().next().unwrap_or("").trim().to_owned()
        };
        if let Some(line) = said(applying, &found, subject) {
            let _ = writeln!(crate::cli::stream::stderr(), "{line}");
        }
    }
}

/// A line for each commit the am made whose message the lint refuses: commit-msg never saw
/// it, and the first word of it would otherwise be a refused push. A `git rebase --apply`
/// replays commits told when they were made, and is left alone (as post-commit leaves a
/// rebase's steps). The last patch's commit is HEAD, which an amend rewords; an earlier one
/// takes a rebase from below the oldest of them, the one base for every line.
fn unlinted_lines(
    repo: &Repo,
    config: &Config,
    applying: &Applying,
    made: &[git2::Oid],
) -> Vec<String> {
    if applying.rebasing {
        return Vec::new();
    }
    let failing = crate::history::unlinted::applied(repo, config, made);
    let head = repo.head();
    let earlier: Vec<&Failing> = failing.iter().filter(|f| Some(f.id) != head).collect();
    let base = earlier.first().map(|f| f.parent);
    let rebase = base.map(|base| {
        let from = base.map_or("--root".to_owned(), crate::git::short_id);
        let ids: Vec<String> = earlier.iter().map(|f| crate::git::short_id(f.id)).collect();
        let all = if ids.len() > 1 {
            " (one rebase rewords them all)"
        } else {
            ""
        };
        format!(
            "reword it with `git rebase -i {from}` and mark {} `reword`{all}",
            ids.join(", ")
        )
    });
    let amend = "reword it with `git commit --amend`".to_owned();
    failing
        .iter()
        .map(|f| {
            let header: String = (f.header.chars())
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let problem = f.problems.first().map_or("", String::as_str);
            let how = match Some(f.id) == head {
                true => &amend,
                false => rebase.as_ref().unwrap_or(&amend),
            };
            format!(
                "relhook: {} \"{header}\" came through {} and fails the commit lint ({problem}); pre-push refuses it; {how}",
                crate::git::short_id(f.id),
                applying.command()
            )
        })
        .collect()
}

/// The one line: the commit by its id and subject, or how many, naming the first.
fn said(
    applying: &Applying,
    found: &Unlogged,
    subject: impl Fn(git2::Oid) -> String,
) -> Option<String> {
    let (how, after) = (applying.command(), after(applying));
    let command = &found.command;
    Some(match found.commits.as_slice() {
        [] => return None,
        [one] => format!(
            "relhook: {} {} came through {how}: no entry added; {after}, `{command}` adds it",
            crate::git::short_id(*one),
            subject(*one)
        ),
        [first, ..] => format!(
            "relhook: {} commits came through {how} without the changelog entries they call for (the first: {} {}): none added; {after}, `{command}` adds them",
            found.commits.len(),
            crate::git::short_id(*first),
            subject(*first)
        ),
    })
}

/// When to run the command: once the am (or rebase) is over, which may still stop on a patch.
fn after(applying: &Applying) -> &'static str {
    if applying.rebasing {
        "after the rebase"
    } else {
        "after the am"
    }
}
