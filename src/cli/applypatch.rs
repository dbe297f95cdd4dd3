//! `relhook hook post-applypatch`: git runs no post-commit for the commits `git am` (and `git
//! rebase --apply`) makes, so a patch made where relhook did not run brings a commit without
//! its changelog entry. Amending it during the am would break the next patch's context, so
//! the hook only says it, in one line, once the am's last patch is in (git has no hook at the
//! end of an am: each patch's commit is noted until then; an am whose last patch is skipped
//! is said by reference-transaction, see [`am_ended`]). It never fails and never writes into
//! the work tree: git ignores this hook's exit, and the am goes on.

use std::io::Write;
use std::path::Path;

use super::{Context, Outcome};
use crate::Result;
use crate::config::Config;
use crate::git::{Applying, Repo};
use crate::history::sync::{Unlogged, unlogged};

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
    say_unlogged((&repo, &root, &config), &applying);
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
        say_unlogged((&repo, &root, &config), &applying);
    }
}

/// Says which of the commits the am noted lack their entry, and takes the note out.
fn say_unlogged((repo, root, config): (&Repo, &Path, &Config), applying: &Applying) {
    let made = applying.noted();
    applying.forget();
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
