//! `relhook commit`: asks for a Conventional Commit piece by piece (type from the configured
//! list, scope from the configured and recently used ones, the description with the header's
//! length shown as it is typed, a breaking change, issue references), lints the result with
//! the same linter as the hook, then runs `git commit -F -` with it and any extra arguments.
//! Questions go to stderr and answers come from stdin; both must be a terminal.
//!
//! Here: the handler, the recent scopes and the `git commit` it ends with; `ask` asks the
//! questions, `message` turns the answers into the message, `staged` says what happens when
//! git has nothing to commit, `term` (and `raw` on Unix) is the terminal.

mod ask;
mod message;
#[cfg(unix)]
mod raw;
mod staged;
mod term;

use std::io::IsTerminal;

use super::args::CommitArgs;
use super::{Context, Outcome};
use crate::commit::lint::{Input, Mode, lint_bytes};
use crate::commit::message::{Cleanup, CommentPrefix};
use crate::commit::report::{self, Palette};
use crate::git::{Range, Repo};
use crate::{Error, Result};
use ask::ask;
use term::Term;

/// How many commits back "recently used scopes" looks.
const RECENT_COMMITS: usize = 300;

/// `relhook commit [GIT ARGS]`.
pub(super) fn commit(ctx: &Context, args: &CommitArgs) -> Result<Outcome> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(Error::Usage(
            "`relhook commit` asks its questions on a terminal, and none is attached here; commit with `git commit -m \"type(scope): description\"` instead (the commit-msg hook and `relhook lint` check it)".into(),
        ));
    }
    let (repo, root, config) = ctx.open()?;
    let mut term = Term::new();
    // Nothing to commit: said before the questions, not by git after every answer.
    let extra = &args.git_args;
    if !staged::git_decides(extra) && crate::git::nothing_to_commit(&root, extra)? {
        term.say(&staged::nothing_to_commit(extra))?;
        return Ok(Outcome::Failed);
    }
    let recent = recent_scopes(&repo, &config.commit);
    let palette = Palette::new(ctx.color_err);
    loop {
        let Some(answers) = ask(&mut term, &config.commit, &recent)? else {
            term.say("relhook: nothing committed")?;
            return Ok(Outcome::Failed);
        };
        let message = answers.message();
        let input = Input {
            cleanup: Cleanup::Whitespace,
            comment: CommentPrefix::default(),
        };
        let verdict = lint_bytes(message.as_bytes(), &input, &config.commit, Mode::Hook);
        for d in &verdict.diagnostics {
            report::human(&mut term.out, d, "<message>", &palette)
                .map_err(|e| Error::io("write", "<stderr>", e))?;
        }
        term.say("")?;
        term.say("The message:")?;
        for line in message.lines() {
            term.say(&format!("  | {line}"))?;
        }
        if verdict.failed() {
            if term.confirm("It does not pass the lint. Start again?", true)? == Some(true) {
                continue;
            }
            term.say("relhook: nothing committed")?;
            return Ok(Outcome::Failed);
        }
        match term.confirm("Commit with this message?", true)? {
            Some(true) => return run_git_commit(&repo, &root, &message, extra, &mut term),
            _ => {
                term.say("relhook: nothing committed")?;
                return Ok(Outcome::Failed);
            }
        }
    }
}

/// `git commit -F - ARGS`, the message on git's stdin (in the repository's
/// `i18n.commitEncoding` when it can be, as git reads `-F`): nothing passes through a shell.
/// When git makes no commit, the message is kept and the way to commit with it said.
fn run_git_commit(
    repo: &Repo,
    root: &std::path::Path,
    message: &str,
    extra: &[String],
    term: &mut Term,
) -> Result<Outcome> {
    let message = repo.new_message(message);
    let mut args = Vec::new();
    if let Some(config) = message.config {
        args.extend(["-c".to_owned(), config.to_owned()]);
    }
    args.extend(["commit".to_owned(), "-F".into(), "-".into()]);
    args.extend(extra.iter().cloned());
    let status = crate::git::run::Git::new(root, &args)
        .stdin(&message.bytes)
        .interactive()?;
    if status != Some(0) {
        term.say(&staged::keep(repo, &message, extra)?)?;
    }
    Ok(match status {
        Some(0) => Outcome::Ok,
        Some(c) => Outcome::Code(u8::try_from(c).unwrap_or(1)),
        None => Outcome::Failed,
    })
}

/// Scopes of recent commits on HEAD, most used first; relhook's own release commits
/// (`chore(release): 1.2.0`, as `release.commit_message` makes them) are no one's scope.
fn recent_scopes(repo: &Repo, config: &crate::config::CommitConfig) -> Vec<String> {
    let Some(head) = repo.head() else {
        return Vec::new();
    };
    let range = Range {
        tips: vec![head],
        describe: "HEAD".into(),
        ..Range::default()
    };
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut seen = 0;
    let _ = repo.walk(&range, |c| {
        seen += 1;
        let message = c.text();
        let header = message.lines().next().unwrap_or("");
        if config.is_release_header(header) {
            return seen < RECENT_COMMITS;
        }
        if let Ok(h) = crate::commit::parse::header(header) {
            if let Some((scope, _)) = h.scope {
                for s in scope.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match counts.iter_mut().find(|(n, _)| n == s) {
                        Some((_, k)) => *k += 1,
                        None => counts.push((s.to_owned(), 1)),
                    }
                }
            }
        }
        seen < RECENT_COMMITS
    });
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(s, _)| s).collect()
}
