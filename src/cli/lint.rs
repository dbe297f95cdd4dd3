//! `relhook lint`, `relhook check` and the commit-msg hook.

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use super::args::{CheckArgs, CleanupArg, Format, LintArgs};
use super::{Context, Outcome, write_out};
use crate::config::Config;
use crate::git::{self, Location};
use crate::lint::{Input, Level, Mode, Verdict, lint_bytes};
use crate::message::{Cleanup, CommentPrefix};
use crate::report::{self, Palette};
use crate::{Error, Result};

/// `relhook lint [FILE|-] [--message TEXT]`.
pub(super) fn lint(ctx: &Context, args: &LintArgs) -> Result<Outcome> {
    let (raw, source, from_m) = read_message(args)?;
    let loc = git::locate(&ctx.cwd).ok();
    let config = load_config(ctx, loc.as_ref())?;
    let input = input_for(args.cleanup, loc.as_ref(), &raw, from_m);
    let mode = if args.strict { Mode::Check } else { Mode::Hook };
    let verdict = lint_bytes(&raw, &input, &config.commit, mode);
    match args.format {
        Format::Json => {
            write_out(|out| writeln!(out, "{}", report::json_value(&source, &verdict)))?
        }
        Format::Text => {
            write_out(|out| render(out, &verdict, &source, &Palette::new(ctx.color_out)))?
        }
    }
    Ok(outcome(&verdict))
}

/// `relhook hook commit-msg FILE`: the diagnostic goes to stderr and a failure aborts the commit.
pub(super) fn commit_msg_hook(ctx: &Context, file: &Path) -> Result<Outcome> {
    if skip_requested() {
        return Ok(Outcome::Ok);
    }
    let path = ctx.cwd.join(file);
    let raw = crate::fsx::read(&path)?;
    let loc = git::locate(&ctx.cwd).ok();
    let config = load_config(ctx, loc.as_ref())?;
    let input = input_for(CleanupArg::Auto, loc.as_ref(), &raw, false);
    let verdict = lint_bytes(&raw, &input, &config.commit, Mode::Hook);
    let mut err = std::io::stderr().lock();
    render(
        &mut err,
        &verdict,
        &file.display().to_string(),
        &Palette::new(ctx.color_err),
    )
    .map_err(|e| Error::io("write", "<stderr>", e))?;
    Ok(outcome(&verdict))
}

/// `RELHOOK_SKIP=1` bypasses every hook, as `--no-verify` does for git's.
pub(crate) fn skip_requested() -> bool {
    std::env::var_os("RELHOOK_SKIP").is_some_and(|v| !v.is_empty() && v != "0")
}

fn outcome(v: &Verdict) -> Outcome {
    if v.failed() {
        Outcome::Failed
    } else {
        Outcome::Ok
    }
}

fn render(out: &mut dyn Write, v: &Verdict, source: &str, p: &Palette) -> std::io::Result<()> {
    for d in &v.diagnostics {
        report::human(out, d, source, p)?;
    }
    report::summary(out, v, p)
}

fn load_config(ctx: &Context, loc: Option<&Location>) -> Result<Config> {
    let root = loc
        .and_then(|l| l.work_tree.clone())
        .unwrap_or_else(|| ctx.cwd.clone());
    ctx.config(&root)
}

/// The message bytes, a label for reports, and whether it came from `--message`.
fn read_message(args: &LintArgs) -> Result<(Vec<u8>, String, bool)> {
    if let Some(m) = &args.message {
        return Ok((m.clone().into_bytes(), "<message>".into(), true));
    }
    match args.file.as_deref() {
        Some(p) if p != Path::new("-") => {
            Ok((crate::fsx::read(p)?, p.display().to_string(), false))
        }
        Some(_) => read_stdin(),
        None if !std::io::stdin().is_terminal() => read_stdin(),
        None => Err(Error::Usage(
            "no message to lint: give a FILE, `-` for standard input, or --message TEXT".into(),
        )),
    }
}

fn read_stdin() -> Result<(Vec<u8>, String, bool)> {
    let mut raw = Vec::new();
    std::io::stdin()
        .read_to_end(&mut raw)
        .map_err(|e| Error::io("read", "<stdin>", e))?;
    Ok((raw, "<stdin>".into(), false))
}

/// Decides how git will clean this message. Only reads git's config when the message has a
/// line that could be a comment, keeping the common case to no file reads at all.
fn input_for(arg: CleanupArg, loc: Option<&Location>, raw: &[u8], from_m: bool) -> Input {
    let fixed = match arg {
        CleanupArg::Auto => None,
        CleanupArg::Strip => Some(Cleanup::Strip),
        CleanupArg::Whitespace => Some(Cleanup::Whitespace),
        CleanupArg::Scissors => Some(Cleanup::Scissors),
        CleanupArg::Verbatim => Some(Cleanup::Verbatim),
    };
    let may_have_comments = raw
        .split(|b| *b == b'\n')
        .any(|l| l.first().is_some_and(|b| b.is_ascii_punctuation()));
    let settings = if may_have_comments {
        git::message_settings(loc)
    } else {
        git::MessageSettings::default()
    };
    let cleanup = fixed.or(settings.cleanup).unwrap_or_else(|| {
        if editor_session(from_m) {
            Cleanup::Strip
        } else {
            Cleanup::Whitespace
        }
    });
    Input {
        cleanup,
        comment: match settings.comment {
            CommentPrefix::Fixed(c) if c.is_empty() => CommentPrefix::default(),
            other => other,
        },
    }
}

/// Whether git opened an editor for this message: git exports `GIT_EDITOR=:` to hooks when it
/// did not (`-m`, `-F`, picks). Outside a hook, a file counts as edited and `--message` as `-m`.
fn editor_session(from_m: bool) -> bool {
    match std::env::var_os("GIT_EDITOR") {
        Some(e) => e != ":",
        None => !from_m,
    }
}

/// `relhook check [RANGE]`.
pub(super) fn check(ctx: &Context, args: &CheckArgs) -> Result<Outcome> {
    let repo = git::Repo::open(&ctx.cwd)?;
    let root = repo.work_tree().unwrap_or_else(|| ctx.cwd.clone());
    let config = ctx.config(&root)?;
    let range = match &args.range {
        Some(spec) => repo.resolve(spec)?,
        None => repo.default_range(&config.version.tag_prefix)?,
    };
    let input = Input {
        cleanup: Cleanup::Stored,
        comment: CommentPrefix::default(),
    };
    let palette = Palette::new(ctx.color_out);
    let mut tally = Tally::default();
    let mut json_commits = Vec::new();
    let mut io_result = Ok(());
    let mut out = std::io::stdout().lock();
    repo.walk(&range, |c| {
        tally.checked += 1;
        if c.parents > 1 && config.commit.ignore_merge_commits {
            tally.ignored += 1;
            return true;
        }
        let v = lint_bytes(&c.message, &input, &config.commit, Mode::Check);
        tally.ignored += usize::from(v.ignored.is_some());
        tally.failed += usize::from(v.failed());
        if v.diagnostics.is_empty() {
            return true;
        }
        match args.format {
            Format::Json => {
                let mut j = report::json_value(&c.short, &v);
                j["commit"] = c.id.to_string().into();
                json_commits.push(j);
            }
            Format::Text => io_result = render_commit(&mut out, &c.short, &v, &palette),
        }
        io_result.is_ok()
    })?;
    io_result.map_err(|e| Error::io("write", "<stdout>", e))?;
    drop(out);
    write_out(|out| match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::json!({
                "range": range.describe,
                "checked": tally.checked,
                "failed": tally.failed,
                "ignored": tally.ignored,
                "commits": json_commits,
            })
        ),
        Format::Text => tally.summary(out, &range.describe, &palette),
    })?;
    Ok(if tally.failed > 0 {
        Outcome::Failed
    } else {
        Outcome::Ok
    })
}

fn render_commit(
    out: &mut dyn Write,
    short: &str,
    v: &Verdict,
    p: &Palette,
) -> std::io::Result<()> {
    let mark = if v.failed() { "✗" } else { "!" };
    writeln!(out, "{mark} {short} {}", v.header)?;
    for d in &v.diagnostics {
        report::human(out, d, short, p)?;
    }
    writeln!(out)
}

#[derive(Default)]
struct Tally {
    checked: usize,
    failed: usize,
    ignored: usize,
}

impl Tally {
    fn summary(&self, out: &mut dyn Write, range: &str, _p: &Palette) -> std::io::Result<()> {
        if self.checked == 0 {
            return writeln!(out, "nothing to check in {range}");
        }
        let verdict = if self.failed == 0 {
            "all pass".to_owned()
        } else {
            format!("{} failed", self.failed)
        };
        writeln!(
            out,
            "checked {} in {range}: {verdict} ({} ignored)",
            report::plural(self.checked, "commit"),
            self.ignored
        )?;
        if self.failed > 0 {
            writeln!(
                out,
                "hint: reword them with `git rebase -i` (mark them `reword`), then push again"
            )?;
        }
        Ok(())
    }
}

#[allow(dead_code)]
fn _level_is_used(_: Level) {}
