//! `relhook lint`, `relhook check` and the commit-msg hook.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use super::args::{CheckArgs, CheckFormat, CleanupArg, Format, LintArgs};
use super::lint_input::read_message;
use super::tally::Tally;
use super::written::{input_for, written_encoding};
use super::{Context, Outcome, json, write_out};
use crate::ci;
use crate::commit::lint::{Level, Mode, Rule, Verdict, lint_encoded};
use crate::commit::message::has_scissors;
use crate::commit::report::{self, Palette};
use crate::git;
use crate::{Error, Result};

/// `relhook lint [FILE|-] [--message TEXT]`.
pub(super) fn lint(ctx: &Context, args: &LintArgs) -> Result<Outcome> {
    let (raw, source, from_m) = read_message(args)?;
    let loc = ctx.locate();
    let config = ctx.config_near(loc.as_ref())?;
    let input = input_for(args.cleanup, loc.as_ref(), &raw, from_m);
    let mode = if args.strict { Mode::Check } else { Mode::Hook };
    let encoding = (!from_m)
        .then(|| written_encoding(loc.as_ref(), &raw))
        .flatten();
    let verdict = lint_encoded(&raw, encoding.as_deref(), &input, &config.commit, mode);
    match args.format {
        Format::Json => json::print(&json::LintReport {
            schema_version: json::SCHEMA_VERSION,
            message: report::MessageReport::new(&source, &verdict),
        })?,
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
    let loc = ctx.locate();
    if let Some(l) = &loc {
        if super::killed::commit_would_undo_or_take(ctx, l)? {
            return Ok(Outcome::Failed);
        }
    }
    let config = ctx.config_near(loc.as_ref())?;
    // A merge commit passes, whatever its message, as `relhook check` and pre-push skip it
    // (`ignore_merge_commits`): git keeps MERGE_HEAD while it makes one, its own (`git merge`)
    // or one concluded after a conflict (`git commit`).
    let merging = loc
        .as_ref()
        .is_some_and(|l| l.git_dir.join("MERGE_HEAD").is_file());
    if merging && config.commit.ignore_merge_commits {
        return Ok(Outcome::Ok);
    }
    let input = input_for(CleanupArg::Auto, loc.as_ref(), &raw, false);
    let encoding = written_encoding(loc.as_ref(), &raw);
    let mut verdict = lint_encoded(
        &raw,
        encoding.as_deref(),
        &input,
        &config.commit,
        Mode::Hook,
    );
    crate::history::scope_rule::staged(&ctx.cwd, &config, &mut verdict);
    // `git revert --no-commit` of a commit from before the install, then `git commit`.
    if verdict.failed()
        && (verdict.header.starts_with("Revert \"") || verdict.header.starts_with("Reapply \""))
        && let Ok(repo) = git::Repo::open(&ctx.cwd)
    {
        let text = String::from_utf8_lossy(&raw);
        crate::history::adoption::revert_of_old(&repo, &text, &mut verdict);
    }
    // Only a commit that will be made concludes a pick: a refused one leaves no note.
    if let (false, Some(l)) = (verdict.failed(), &loc) {
        git::note_concluding_pick(l, &ctx.cwd, &raw);
    }
    // Coloured, so written as it is: the report shows each quoted value itself.
    let mut err = crate::cli::stream::styled_stderr();
    // The commit template quit unedited: git would refuse it as such, and so does relhook.
    if verdict.failed() {
        let message = (raw.as_slice(), encoding.as_deref());
        if let Some(line) = super::template::unedited(&ctx.cwd, loc.as_ref(), message, &input) {
            let _ = writeln!(crate::cli::stream::stderr(), "{line}");
            return Ok(Outcome::Failed);
        }
    }
    let rewording = loc.as_ref().is_some_and(git::rewording);
    render_for_hook(
        &mut err,
        &verdict,
        (&file.display().to_string(), &path, has_scissors(&raw)),
        rewording,
        &Palette::new(ctx.color_err),
    )
    .map_err(|e| Error::io("write", "<stderr>", e))?;
    Ok(outcome(&verdict))
}

/// `RELHOOK_SKIP=1` bypasses every hook, as `--no-verify` does for git's.
pub(crate) fn skip_requested() -> bool {
    std::env::var_os("RELHOOK_SKIP").is_some_and(|v| {
        // As the shims read it: only a value that says yes skips (`false` from an .env checks).
        let v = v.to_string_lossy().to_ascii_lowercase();
        !["", "0", "false", "no", "off"].contains(&v.as_str())
    })
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

/// The commit-msg hook's report: the findings, then how to get the message back.
/// The note names the file by its absolute path: the way back works from any directory.
fn render_for_hook(
    out: &mut dyn Write,
    v: &Verdict,
    (source, absolute, scissors): (&str, &Path, bool),
    rewording: bool,
    p: &Palette,
) -> std::io::Result<()> {
    render(out, v, source, p)?;
    if !v.failed() {
        return Ok(());
    }
    let file = crate::shellword::quote(&absolute.to_string_lossy());
    report::hook_note(out, v, p, (&file, scissors, rewording))
}

/// `relhook check [RANGE] [--all] [--base REF]`.
pub(super) fn check(ctx: &Context, args: &CheckArgs) -> Result<Outcome> {
    let (repo, _root, config) = ctx.open_history()?;
    let (checked, env) = match &args.range {
        Some(spec) => (ci::explicit(&repo, spec, &config.version.tag_prefix)?, None),
        None => {
            let env = ci_env()?;
            let plan = ci::plan(&env, args.base.as_deref(), args.all);
            if args.base.is_none() && !args.all {
                ci::verify_head(&env, &repo)?;
            }
            // A package tag's pipeline goes by that package's tags (`api-v0.1.0..HEAD`).
            let package_prefix = match &plan {
                ci::Plan::Tag { tag, .. } => {
                    crate::history::packages::parse_tag(&config.packages, tag)
                        .map(|(p, _)| p.tag.prefix())
                }
                _ => None,
            };
            let prefix = package_prefix.unwrap_or(&config.version.tag_prefix);
            let packages: Vec<&str> = config.packages.iter().map(|p| p.tag.prefix()).collect();
            (ci::resolve(&repo, &plan, prefix, &packages)?, Some(env))
        }
    };
    if let Some(e) = env
        .as_ref()
        .and_then(|env| ci::upstream_empty_in_ci(env, &checked))
    {
        return Err(e);
    }
    // A base cut by a shallow boundary above commits of the range: they may be the base's.
    if let Some(found) = repo.hidden_cut(&checked.range)? {
        return Err(ci::hidden_cut_error(&checked, found));
    }
    let announce = format!(
        "relhook: checking {}: {}",
        checked.range.describe, checked.why
    );
    // A clone whose hooks git no longer runs (husky's core.hooksPath, lefthook's `.old`) gets
    // new commits unlinted: said as a release says it, where a person reads the answer.
    if args.format == CheckFormat::Text
        && let Some(line) = super::doctor::hooks_not_run(ctx)
    {
        eprintln_quiet(&line);
    }
    // A base that is HEAD itself: one line says the range is empty, in place of two.
    let empty = ci::base_is_head(&checked);
    match args.format {
        _ if empty.is_some() => {}
        CheckFormat::Text | CheckFormat::Github => write_out(|out| writeln!(out, "{announce}"))?,
        CheckFormat::Gitlab => eprintln_quiet(&announce),
        CheckFormat::Json => {}
    }
    // Commits from before `relhook install` here never met its hooks: left unjudged, as
    // pre-push leaves them, and counted. Asked for, they are judged: one commit named alone,
    // or `--all` (all of HEAD's history, as it says; with a range, all of that range).
    let mut before = if checked.range.single || args.all {
        crate::history::adoption::BeforeInstall::default()
    } else {
        crate::history::adoption::BeforeInstall::load(&repo, &checked.range.hidden)?
    };
    let boundary = if checked.range.single {
        Default::default()
    } else {
        repo.shallow_cuts()
    };
    let mut at_boundary = None;
    let palette = Palette::new(ctx.color_out);
    let err_palette = Palette::new(ctx.color_err);
    let mut tally = Tally {
        named: args.range.clone().or_else(|| checked.revspec()),
        ..Tally::default()
    };
    let mut json_commits = Vec::new();
    let mut quality = Vec::new();
    let mut io_result = Ok(());
    let progress = super::progress::Progress::start("checking");
    let mut out = crate::cli::stream::stdout();
    // The failed `fixup!`/`squash!` commits by the header they fix: `--autosquash` squashes
    // one into the oldest commit of the rebased range with that header, so the rebase starts
    // below that commit, and one whose target is not in the range is reworded instead.
    let mut targets: Vec<(String, usize)> = Vec::new();
    let mut reached = HashSet::new();
    let mut depth = 0;
    repo.walk(&checked.range, |c| {
        progress.inc();
        depth += 1;
        if boundary.contains_key(&c.id) {
            at_boundary.get_or_insert(c.id);
        }
        if !targets.is_empty() {
            // Older than the fixup (the walk is newest first): the fixup was noted before.
            let (header, fixes) = (c.header(), crate::history::unlinted::fixes);
            for (_, i) in targets.iter().filter(|(t, _)| fixes(t, c.id, &header)) {
                let base = repo.first_parent(c.id);
                let base = base.map_or("--root".to_owned(), crate::git::short_id);
                (tally.failed_at[*i].1, tally.failed_at[*i].2) = (base, depth);
                reached.insert(*i);
            }
        }
        if before.holds(&repo, &c) {
            tally.before_install += 1;
            return true;
        }
        tally.checked += 1;
        let Some(v) = crate::history::unlinted::verdict(&repo, &config, &c, c.parents) else {
            tally.ignored += 1;
            return true;
        };
        tally.ignored += usize::from(v.ignored.is_some());
        tally.failed += usize::from(v.failed());
        if v.failed() {
            let parent = repo.first_parent(c.id);
            let base = parent.map_or("--root".to_owned(), crate::git::short_id);
            tally.failed_at.push((c.id, base, depth));
        }
        // `fixup!` and `squash!` commits are squashed, not reworded.
        let squashed = v.failed()
            && v.diagnostics
                .iter()
                .all(|d| d.rule == Rule::Fixup || d.severity != Level::Error);
        if let Some(target) = crate::history::unlinted::fixup_target(&v.header).filter(|_| squashed)
        {
            let at = tally.failed_at.len() - 1;
            targets.push((target.to_owned(), at));
        }
        if v.diagnostics.is_empty() {
            return true;
        }
        let id = c.id.to_string();
        match args.format {
            CheckFormat::Json => json_commits.push((id, v)),
            CheckFormat::Text => {
                io_result = progress.suspend(|| render_commit(&mut out, &c.short, &v, &palette));
            }
            CheckFormat::Github => {
                for d in &v.diagnostics {
                    if io_result.is_ok() {
                        io_result = report::github_annotation(&mut out, &c.short, &v.header, d);
                    }
                }
            }
            CheckFormat::Gitlab => {
                quality.extend(
                    v.diagnostics
                        .iter()
                        .map(|d| report::CodeQualityIssue::new(&id, &c.short, &v.header, d)),
                );
                // People read the job log: the findings go there too, stdout is the report.
                let _ = progress.suspend(|| {
                    render_commit(
                        &mut crate::cli::stream::styled_stderr(),
                        &c.short,
                        &v,
                        &err_palette,
                    )
                });
            }
        }
        io_result.is_ok()
    })?;
    progress.finish();
    tally.to_squash = reached.len();
    io_result.map_err(|e| Error::io("write", "<stdout>", e))?;
    // In a pull or merge request's run the commits are there to be reworded before they land.
    let review = env.as_ref().is_some_and(ci::CiEnv::reviews);
    let tag = super::pushed_tag::pushed_release_tag(&repo, &config, env.as_ref());
    tally.find_published(&repo, &checked.range, review, tag)?;
    // A local release tag above them: reworded as doctor says, the tag made again after.
    if tally.failed > tally.published && !review {
        let failed: Vec<git2::Oid> = tally.failed_at.iter().map(|(id, ..)| *id).collect();
        tally.local_tags = super::doctor_unpushed::check_hint(&repo, &config, &failed);
    }
    drop(out);
    if let Some(id) = at_boundary {
        return Err(ci::boundary_error(&checked, id));
    }
    // With nothing else judged, the summary says it (in text).
    let summary_says = tally.checked == 0 && args.format == CheckFormat::Text;
    if tally.before_install > 0 && !summary_says {
        eprintln_quiet(&tally.before_install_note());
    }
    let note = env
        .filter(|_| tally.checked + tally.before_install == 0)
        .and_then(|env| ci::nothing_checked_note(&env, &checked));
    if let Some(note) = &note {
        eprintln_quiet(note);
    }
    let summary = |out: &mut dyn Write| match (&empty, &note) {
        (Some(_), Some(_)) => Ok(()), // the note said it
        (Some(line), None) => writeln!(out, "{line}"),
        (None, _) => tally.summary(out, &checked.range.describe, &palette),
    };
    match args.format {
        CheckFormat::Json => {
            let report = json::CheckReport {
                schema_version: json::SCHEMA_VERSION,
                range: json::RangeReport {
                    spec: &checked.range.describe,
                    base: checked.base.map(|b| b.to_string()),
                    head: checked.head.map(|h| h.to_string()),
                    reason: &checked.why,
                    source: checked.source,
                },
                checked: tally.checked,
                failed: tally.failed,
                ignored: tally.ignored,
                before_install: tally.before_install,
                commits: json_commits
                    .iter()
                    .map(|(id, v)| json::CommitReport::new(id, v))
                    .collect(),
            };
            json::print(&report)?;
        }
        CheckFormat::Text | CheckFormat::Github => write_out(summary)?,
        CheckFormat::Gitlab => {
            json::print(&quality)?;
            let mut err = crate::cli::stream::styled_stderr();
            let _ = summary(&mut err);
        }
    }
    Ok(if tally.failed > 0 {
        Outcome::Failed
    } else {
        Outcome::Ok
    })
}

/// The CI variables and GitHub's event payload, read once here (the library reads no
/// environment of its own).
fn ci_env() -> Result<ci::CiEnv> {
    let lookup = |k: &str| std::env::var(k).ok();
    let (event, unread) = match (lookup("GITHUB_ACTIONS"), lookup("GITHUB_EVENT_PATH")) {
        (Some(a), Some(p)) if a == "true" && !p.is_empty() => match std::fs::read_to_string(&p) {
            Ok(text) if text.trim().is_empty() => {
                eprintln_quiet(&format!(
                    "relhook: note: GITHUB_EVENT_PATH {p} is empty, so the range is chosen without GitHub's event payload; point it at the run's event file, or unset it"
                ));
                (None, Some("is empty"))
            }
            Ok(text) => (Some(text), None),
            Err(e) => {
                eprintln_quiet(&format!(
                    "relhook: note: GITHUB_EVENT_PATH {p} could not be read ({e}), so the range is chosen without GitHub's event payload; point it at the run's event file, or unset it"
                ));
                (None, Some("could not be read"))
            }
        },
        _ => (None, None),
    };
    let env = ci::CiEnv::new(lookup, event.as_deref())?;
    Ok(match unread {
        Some(why) => env.without_event(why),
        None => env,
    })
}

fn eprintln_quiet(line: &str) {
    let _ = writeln!(crate::cli::stream::stderr(), "{line}");
}

fn render_commit(
    out: &mut dyn Write,
    short: &str,
    v: &Verdict,
    p: &Palette,
) -> std::io::Result<()> {
    let mark = if v.failed() { "✗" } else { "!" };
    // The header's escape sequences shown, not acted on (`printable`).
    writeln!(
        out,
        "{mark} {short} {}",
        crate::printable::visible(&v.header)
    )?;
    for d in &v.diagnostics {
        report::human(out, d, short, p)?;
    }
    writeln!(out)
}
