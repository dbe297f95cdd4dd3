//! `relhook version`, `release`, `notes` and `test`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::{Format, NotesArgs, ReleaseArgs, VersionArgs};
use super::{Context, Outcome, write_out};
use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::Requested;
use crate::release::{self, Options, Plan};
use crate::tag::{hand, rules};
use crate::testrun::RunStatus;
use crate::{Error, Result};

fn open(ctx: &Context) -> Result<(Repo, PathBuf, Config)> {
    let repo = Repo::open(&ctx.cwd)?;
    let root = repo
        .work_tree()
        .ok_or_else(|| Error::Usage("relhook needs a work tree, not a bare repository".into()))?;
    let config = ctx.config(&root)?;
    Ok((repo, root, config))
}

/// How many deciding commits `--explain` lists before it says how many it left out.
const EXPLAIN_LIMIT: usize = 20;

/// `relhook version [--next] [--explain] [--pre ID] [--format json]`.
pub(super) fn version(ctx: &Context, args: &VersionArgs) -> Result<Outcome> {
    let (repo, root, config) = open(ctx)?;
    if args.all {
        return super::monorepo::version_all(&repo, &root, &config, args);
    }
    let config = match &args.package {
        Some(name) => crate::history::packages::view(&config, name, &root)?,
        None => config,
    };
    if !args.next && !args.explain && args.format != Format::Json {
        // The current version alone: no next version is computed, so a tag that cannot be
        // bumped (a component at u64::MAX) still has a current version.
        let (current, _) = release::current_version(&repo, &config, &root)?;
        write_out(|out| writeln!(out, "{current}"))?;
        return Ok(Outcome::Ok);
    }
    let info = release::version_info(&repo, &config, &root, &Requested::Auto, args.pre.as_deref())?;
    write_out(|out| {
        if args.format == Format::Json {
            let mut doc = super::json::VersionReport::new(&info, &config.version.tag_prefix);
            doc.package = config.package.as_ref().map(|p| p.name.as_str());
            let text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::other)?;
            return writeln!(out, "{text}");
        }
        let shown = if args.next { &info.next } else { &info.current };
        writeln!(out, "{shown}")?;
        explain(out, &info, args)
    })?;
    warn_not_understood(&info);
    Ok(Outcome::Ok)
}

/// `--explain`'s lines: where the current version comes from, the commits that decide the
/// next one, and the next one.
pub(super) fn explain(
    out: &mut dyn Write,
    info: &release::VersionInfo,
    args: &VersionArgs,
) -> std::io::Result<()> {
    {
        if args.explain {
            writeln!(
                out,
                "current: {} (from {})",
                info.current, info.current_from
            )?;
            if let Some((name, _, _)) = info.tag.as_ref().filter(|t| !t.1.pre.is_empty()) {
                writeln!(
                    out,
                    "{name} is a pre-release: the level is decided by everything since the last stable release, {}",
                    info.since()
                )?;
            }
            writeln!(
                out,
                "{} since {}; they call for a {} release:",
                crate::commit::report::plural(info.commits.len(), "commit"),
                info.since(),
                info.level()
            )?;
            let deciding: Vec<&release::Decider> = info
                .commits
                .iter()
                .filter(|c| c.calls_for == info.level())
                .collect();
            for c in deciding.iter().take(EXPLAIN_LIMIT) {
                writeln!(out, "  {} {}  ({})", c.commit, c.header, c.calls_for)?;
            }
            if deciding.len() > EXPLAIN_LIMIT {
                writeln!(
                    out,
                    "  … and {} more (`--format json` lists every commit)",
                    deciding.len() - EXPLAIN_LIMIT
                )?;
            }
            if let Some(rule) = &info.first_release_rule {
                writeln!(out, "{rule}")?;
            }
            writeln!(out, "next: {}", info.next)?;
        }
        Ok(())
    }
}

/// Says which commits were not understood (not Conventional Commits): they count as a patch,
/// never silently.
pub(super) fn warn_not_understood(info: &release::VersionInfo) {
    let odd: Vec<&release::Decider> = info.not_understood().collect();
    if odd.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "relhook: note: {} since {} {} not a Conventional Commit; each counts as a patch and gets no changelog entry:",
        crate::commit::report::plural(odd.len(), "commit"),
        info.since(),
        if odd.len() == 1 { "is" } else { "are" }
    );
    for c in odd.iter().take(EXPLAIN_LIMIT) {
        let _ = writeln!(err, "  {} {}", c.commit, c.header);
    }
    if odd.len() > EXPLAIN_LIMIT {
        let _ = writeln!(err, "  … and {} more", odd.len() - EXPLAIN_LIMIT);
    }
}

/// `relhook release [auto|major|minor|patch|X.Y.Z] ...`.
pub(super) fn release(ctx: &Context, args: &ReleaseArgs) -> Result<Outcome> {
    let (repo, root, config) = open(ctx)?;
    let opts = Options {
        requested: release::parse_requested(&args.version)?,
        pre: args.pre.clone(),
        sign: args.sign,
        allow_dirty: args.allow_dirty,
        allow_branch: args.allow_branch,
        no_test: args.no_test,
        date: std::env::var("RELHOOK_DATE")
            .ok()
            .filter(|d| d.len() == 10)
            .unwrap_or_else(crate::date::today),
    };
    let json = args.format == Format::Json;
    if let Some(done) = crate::git::txn::recover(&repo)? {
        let _ = writeln!(std::io::stderr(), "relhook: {done}");
    }
    match release::half_made(&repo, &config) {
        Some(half) if args.resume || (!json && !args.dry_run && confirm(&half)) => {
            return resume(&repo, &config, &root, &half, &opts);
        }
        Some(half) => return refused(&half.describe(), json),
        None if args.resume && hand::unfinished(&repo, &config).is_some() => {
            return finish_hand_tag(&repo, &config, &root, &opts.date, json);
        }
        None if args.resume => {
            return refused(
                "nothing to resume: no release commit without its tag since the last release",
                json,
            );
        }
        None => {}
    }
    let plan = match release::plan(&repo, &config, &root, &opts) {
        Ok(p) => p,
        Err(e) if e.is_refusal() => return refused(&e.to_string(), json),
        Err(e) => return Err(e),
    };
    warn_not_understood(&plan.info);
    if args.dry_run {
        if json {
            super::json::print(&release_report(&plan, &config, &opts, None))?;
        } else {
            write_out(|out| print_plan(out, &plan, &config, &opts))?;
        }
        return Ok(Outcome::Ok);
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "relhook: releasing {} ({} → {})",
        plan.tag, plan.info.current, plan.version
    );
    match release::execute(&repo, &config, &root, &plan, &opts) {
        Ok(done) => {
            let tested = if done.tested { "tested, " } else { "" };
            let _ = writeln!(
                err,
                "relhook: {} is tagged on {} ({tested}release commit `{}`)",
                plan.tag,
                crate::git::short_id(done.commit),
                plan.commit_message
            );
            let bumped_away = plan.version != plan.info.current;
            let left = if bumped_away {
                old_version_left(&repo, &config, &plan.info.current)
            } else {
                Vec::new()
            };
            for (path, line, text) in left {
                let _ = writeln!(
                    err,
                    "relhook: note: {path}:{line} still says {}: `{text}` (the runbook's `grep -r` check; bump it by hand, or add it to `[version] files`)",
                    plan.info.current
                );
            }
            if !done.tested && config.checks.test.is_none() && !opts.no_test {
                let _ = writeln!(
                    err,
                    "relhook: no tests ran: `[checks] test` is not set in .relconfig.toml (`relhook test` runs the evident command)"
                );
            }
            next_push(&mut err, &config, done.tested, &plan.tag);
            if json {
                super::json::print(&release_report(&plan, &config, &opts, Some(&done)))?;
            }
            Ok(Outcome::Ok)
        }
        Err(e) if e.is_refusal() => refused(&e.to_string(), json),
        Err(e) if json => Err(e),
        Err(e) => {
            // One line: what did not happen, what is left, and the command that goes on.
            let left = match release::half_made(&repo, &config) {
                Some(half) => half.describe(),
                None => "nothing was left behind (no commit, no tag, no changed file): run `relhook release` again once that is fixed".into(),
            };
            let _ = writeln!(
                err,
                "relhook: error: {} was not released: {e}; {left}",
                plan.tag
            );
            Ok(Outcome::Code(2))
        }
    }
}

/// In a terminal, offers to finish a half-made release; elsewhere says nothing and declines.
fn confirm(half: &release::HalfMade) -> bool {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return false;
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "relhook: {}", half.describe());
    let _ = write!(
        err,
        "relhook: finish it now (test and tag {})? [y/N] ",
        half.tag
    );
    let _ = err.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    matches!(answer.trim(), "y" | "Y" | "yes")
}

/// The one line after a release: test it first when pre-push will want a record, else push.
fn next_push(err: &mut dyn Write, config: &Config, tested: bool, tag: &str) {
    let _ = if !tested && config.checks.require_tested_tags {
        writeln!(
            err,
            "next: relhook test   (pre-push refuses a release tag with no test record), then git push --follow-tags"
        )
    } else {
        writeln!(
            err,
            "next: git push --follow-tags   (or: git push origin HEAD {tag})"
        )
    };
}

/// `relhook release --resume` after a hand tag whose hook was interrupted before its release
/// commit: make that commit and move the tag onto it, as the hook would have.
fn finish_hand_tag(
    repo: &Repo,
    config: &Config,
    root: &Path,
    date: &str,
    json: bool,
) -> Result<Outcome> {
    let Some(u) = hand::unfinished(repo, config) else {
        return refused("nothing to resume", json);
    };
    match hand::complete(repo, config, root, &u, date)? {
        Some(done) => {
            hand::clear_marker(repo);
            let _ = writeln!(
                std::io::stderr(),
                "relhook: {} now points at release commit {} ({} updated); `relhook notes {}` prints its notes",
                u.tag,
                crate::git::short_id(done.commit),
                done.files.join(", "),
                u.tag
            );
            Ok(Outcome::Ok)
        }
        None => refused(&hand::describe_unfinished(config, &u), json),
    }
}

/// `relhook release --resume`: tags the release commit an interrupted release left.
fn resume(
    repo: &Repo,
    config: &Config,
    root: &std::path::Path,
    half: &release::HalfMade,
    opts: &Options,
) -> Result<Outcome> {
    let dirty = repo.dirty_paths(5)?;
    if half.at_head && !opts.allow_dirty && !dirty.is_empty() {
        return refused(
            &format!(
                "the working tree is not clean ({}); the release commit is tested and tagged on a clean tree: commit or stash first",
                dirty.join(", ")
            ),
            false,
        );
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "relhook: finishing the release of {} (commit {})",
        half.version,
        crate::git::short_id(half.commit)
    );
    match release::resume(repo, config, root, half, opts) {
        Ok(done) => {
            let tested = if done.tested { "tested, " } else { "" };
            let _ = writeln!(
                err,
                "relhook: {} is tagged on {} ({tested}release finished)",
                half.tag,
                crate::git::short_id(done.commit)
            );
            next_push(&mut err, config, done.tested, &half.tag);
            Ok(Outcome::Ok)
        }
        Err(e) if e.is_refusal() => refused(
            &format!("{e}; the release commit stays, `relhook release --resume` tries again"),
            false,
        ),
        Err(e) => Err(e),
    }
}

/// Tracked files that still hold the old version as a whole version, outside the changelog:
/// what the runbook's `grep -r "<old>" .` after the bump finds. At most 20 lines.
fn old_version_left(
    repo: &crate::git::Repo,
    config: &Config,
    old: &impl std::fmt::Display,
) -> Vec<(String, usize, String)> {
    let old = old.to_string();
    let changelog = config.changelog.path.to_string_lossy().replace('\\', "/");
    let Ok(listed) = repo.run_git(&["grep", "-l", "-I", "-F", "-e", &old], None) else {
        return Vec::new();
    };
    let Some(root) = repo.work_tree() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Lock files pin dependencies, whose versions may equal the old one by chance.
    let locks = [
        "Cargo.lock",
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "poetry.lock",
        "pnpm-lock.yaml",
    ];
    let is_lock = |p: &str| {
        locks
            .iter()
            .any(|l| p == *l || p.ends_with(&format!("/{l}")))
    };
    for path in listed.lines().filter(|p| *p != changelog && !is_lock(p)) {
        let Ok(text) = std::fs::read_to_string(root.join(path)) else {
            continue;
        };
        for (line, found) in crate::history::version::files::leftovers(&text, &old) {
            out.push((path.to_owned(), line, found));
        }
    }
    out.truncate(20);
    out
}

fn refused(why: &str, json: bool) -> Result<Outcome> {
    let _ = writeln!(std::io::stderr(), "relhook: release refused: {why}");
    if let Some(way) = way_past(why) {
        let _ = writeln!(std::io::stderr(), "next: {way}");
    }
    if json {
        super::json::print(&super::json::ErrorReport::refused(why))?;
    }
    Ok(Outcome::Failed)
}

/// The command that gets past a refusal whose own text names none (every refusal on the
/// release path ends with one).
fn way_past(why: &str) -> Option<&'static str> {
    if why.starts_with("the test command") {
        Some(
            "`relhook release --no-test` releases without running the tests, or set `[checks] test` in .relconfig.toml to your project's test command (an argv list, e.g. [\"python3\", \"-m\", \"pytest\"])",
        )
    } else if why.starts_with("the tests failed") {
        Some(
            "fix them (`relhook test` runs them alone), then `relhook release`; or `relhook release --no-test` to release untested (pre-push then asks for `relhook test` before the tag leaves)",
        )
    } else if why.contains("behind") && why.contains("pull first") {
        Some("`git pull --rebase`, then `relhook release`")
    } else if why.contains("is in progress; finish or abort it first") {
        Some(
            "finish it (`git rebase --continue`, `git merge --continue`) or abort it (`--abort`), then `relhook release`",
        )
    } else if why.contains("already exists; a released tag is never reused") {
        Some(
            "`relhook release X.Y.Z` with a version above it, or `relhook release` to take the next one",
        )
    } else if why.contains("is not greater than") {
        Some(
            "name a greater version (`relhook release X.Y.Z`), or let relhook choose: `relhook release`",
        )
    } else if why.contains("changed since the release was planned") || why.contains("HEAD moved") {
        Some("`relhook release` again")
    } else {
        None
    }
}

fn release_report<'a>(
    plan: &'a Plan,
    config: &Config,
    opts: &Options,
    done: Option<&release::Done>,
) -> super::json::ReleaseReport<'a> {
    super::json::ReleaseReport {
        schema_version: super::json::SCHEMA_VERSION,
        dry_run: done.is_none(),
        tag: &plan.tag,
        version: plan.version.to_string(),
        previous: plan.info.current.to_string(),
        previous_from: &plan.info.current_from,
        head: plan.head.to_string(),
        commit_message: &plan.commit_message,
        tag_message: &plan.tag_message,
        tests: config.checks.test.clone().filter(|_| !opts.no_test),
        signed: opts.sign || config.release.sign,
        edits: plan
            .edits
            .iter()
            .map(|e| {
                let name = e.path.display().to_string();
                let before = String::from_utf8_lossy(&e.before);
                let after = String::from_utf8_lossy(&e.after);
                let diff = similar::TextDiff::from_lines(before.as_ref(), after.as_ref())
                    .unified_diff()
                    .context_radius(2)
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string();
                super::json::EditReport { path: name, diff }
            })
            .collect(),
        release_commit: done.map(|d| d.commit.to_string()),
        tested: done.map(|d| d.tested),
    }
}

fn print_plan(
    out: &mut dyn Write,
    plan: &Plan,
    config: &Config,
    opts: &Options,
) -> std::io::Result<()> {
    writeln!(
        out,
        "release {} ({} → {}, {})",
        plan.tag, plan.info.current, plan.version, plan.info.current_from
    )?;
    writeln!(out, "commit: {}", plan.commit_message)?;
    match (&config.checks.test, opts.no_test) {
        (Some(t), false) => writeln!(out, "tests: {} on the release commit", t.join(" "))?,
        _ => writeln!(out, "tests: none (`[checks] test` not set, or --no-test)")?,
    }
    let signed = if opts.sign || config.release.sign {
        "signed "
    } else {
        ""
    };
    writeln!(out, "tag: {signed}annotated {}, message:", plan.tag)?;
    for line in plan.tag_message.lines() {
        writeln!(out, "    {line}")?;
    }
    for e in &plan.edits {
        let before = String::from_utf8_lossy(&e.before);
        let after = String::from_utf8_lossy(&e.after);
        let name = e.path.display().to_string();
        let diff = similar::TextDiff::from_lines(before.as_ref(), after.as_ref());
        write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header(&format!("a/{name}"), &format!("b/{name}"))
        )?;
    }
    writeln!(out, "(dry run: nothing was written)")
}

/// `relhook notes [TAG]`.
pub(super) fn notes(ctx: &Context, args: &NotesArgs) -> Result<Outcome> {
    let (repo, _root, config) = open(ctx)?;
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused("no commits yet".into()))?;
    let tag = match &args.tag {
        Some(t) => t.clone(),
        None => repo
            .latest_release_tag(head, &config.version.tag_prefix)
            .map(|t| t.0)
            .ok_or_else(|| {
                Error::Usage("no release tag is reachable from HEAD; name one".into())
            })?,
    };
    let commit = repo
        .revparse_commit(&format!("refs/tags/{tag}^{{commit}}"))
        .map_err(|e| match e {
            Error::Range { reason, .. } => Error::Range {
                range: tag.clone(),
                reason,
            },
            e => e,
        })?;
    let version = tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(&tag);
    let path = config.changelog.path.display().to_string();
    let from_file = repo
        .file_at(commit, &config.changelog.path)?
        .and_then(|file| {
            release::notes::from_changelog_text(&String::from_utf8_lossy(&file.bytes), version)
        });
    let notes = match from_file {
        Some(n) => n,
        None => {
            let (n, since) = release::notes::from_history(&repo, &config, &tag)?;
            let _ = writeln!(
                std::io::stderr(),
                "relhook: note: {path} at {tag} has no section for {version}; these notes are built from the commits since {since}"
            );
            n
        }
    };
    if args.format == Format::Json {
        super::json::print(&super::json::NotesReport {
            schema_version: super::json::SCHEMA_VERSION,
            tag: &tag,
            version,
            commit: commit.to_string(),
            notes: &notes,
        })?;
    } else {
        write_out(|out| out.write_all(notes.as_bytes()))?;
    }
    Ok(Outcome::Ok)
}

/// `relhook test`: exits as the test command did (126/127 when it cannot start, as a shell
/// would), so that CI sees the tests' own status.
pub(super) fn test(ctx: &Context) -> Result<Outcome> {
    let (repo, root, config) = open(ctx)?;
    let mut err = std::io::stderr().lock();
    let evident;
    let argv = match &config.checks.test {
        Some(argv) => argv,
        None => {
            let Some((argv, manifest)) = crate::init::evident_test_command(&root) else {
                return Err(Error::Usage(
                    "no test command: set `[checks] test = [\"cargo\", \"test\"]` (an argv list: your project's test command) in .relconfig.toml"
                        .into(),
                ));
            };
            let _ = writeln!(
                err,
                "relhook: `[checks] test` is not set; {manifest} makes `{}` the evident test command (set `[checks] test` in .relconfig.toml to choose another)",
                argv.join(" ")
            );
            evident = argv;
            &evident
        }
    };
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused("no commits yet: nothing to record".into()))?;
    let dirty = repo.dirty_paths(5)?;
    let _ = writeln!(err, "relhook: running `{}`", argv.join(" "));
    let status = crate::testrun::run_status(argv, &root)?;
    if let RunStatus::CannotStart { reason, .. } = &status {
        let _ = writeln!(err, "relhook: {reason}; nothing recorded");
        let _ = writeln!(
            err,
            "hint: `[checks] test` in .relconfig.toml is an argv list run without a shell, e.g. [\"cargo\", \"test\"] or [\"sh\", \"-c\", \"make test\"]"
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    if !status.passed() {
        let _ = writeln!(
            err,
            "relhook: tests failed ({}); nothing recorded",
            status.describe()
        );
        return Ok(Outcome::Code(status.exit_code()));
    }
    if !dirty.is_empty() {
        let _ = writeln!(
            err,
            "relhook: tests passed, but the working tree has changes ({}): not recorded, since they are not HEAD's tree",
            dirty.join(", ")
        );
        return Ok(Outcome::Failed);
    }
    let rec = crate::testrun::record(&repo, head, argv)?;
    let _ = writeln!(
        err,
        "relhook: tests passed; recorded for tree {} in {} (publish: `git push origin {}`)",
        crate::git::short_hex(&rec.tree),
        crate::testrun::NOTES_REF,
        crate::testrun::NOTES_REF
    );
    // Build output the project does not ignore (a first `target/`, `Cargo.lock`,
    // `__pycache__/`) would make the next push of a release tag, and the next record, refuse.
    let left = repo.dirty_paths(6)?;
    if !left.is_empty() {
        let mut paths = left[..left.len().min(5)].join(", ");
        if left.len() > 5 {
            paths.push_str(", …");
        }
        let _ = writeln!(
            err,
            "relhook: warning: the tests left files git does not ignore ({paths}); pre-push refuses to publish a release from a tree with them: add them to .gitignore (or commit them)"
        );
    }
    Ok(Outcome::Ok)
}

/// `relhook hook reference-transaction STATE`: runs on every ref update, so anything but the
/// creation of a release tag by `git tag` returns before any file is read.
/// Where relhook cannot tell `git tag` from `git fetch` (no `/proc`), says once per clone that
/// a new release-looking tag was not turned into a release, why, and what to run instead.
fn hand_tag_unchecked_once(ctx: &Context, created: &[hand::Update]) {
    let Ok((_, _, config)) = open(ctx) else {
        return;
    };
    let Some(tag) = created
        .iter()
        .find(|u| rules::is_release_like(&config, &u.tag))
    else {
        return;
    };
    let Ok(loc) = crate::git::HooksLocation::find(&ctx.cwd) else {
        return;
    };
    let marker = loc.common_dir.join("relhook-hand-tags-unchecked");
    if marker.exists() {
        return;
    }
    let version = tag
        .tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(&tag.tag);
    let _ = writeln!(
        std::io::stderr(),
        "relhook: note: if you made {0} by hand, it was not turned into a release commit: on this platform relhook cannot tell `git tag` from `git fetch` (it reads that from /proc, which only Linux has). Instead: `git tag -d {0} && relhook release {version}`; pre-push still refuses a release tag whose commit lacks its changelog section. (Said once per clone.)",
        tag.tag
    );
    let _ = std::fs::write(
        &marker,
        b"relhook said once that hand tags are not checked here\n",
    );
}

pub(super) fn reference_transaction(ctx: &Context, state: &str) -> Result<Outcome> {
    if super::lint::skip_requested() || !(state == "prepared" || state == "committed") {
        return Ok(Outcome::Ok);
    }
    let mut raw = Vec::new();
    let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut raw);
    let input = String::from_utf8_lossy(&raw);
    if !input.contains(" refs/tags/") {
        return Ok(Outcome::Ok);
    }
    let created = hand::created_tags(&input);
    if created.is_empty() {
        return Ok(Outcome::Ok);
    }
    if !hand::from_git_tag() {
        if state == "committed" && !hand::can_tell_git_tag() {
            hand_tag_unchecked_once(ctx, &created);
        }
        return Ok(Outcome::Ok);
    }
    let mut err = std::io::stderr().lock();
    let (repo, root, config) = match open(ctx) {
        Ok(x) => x,
        Err(e) => {
            // A broken configuration must not stop git from making tags.
            let _ = writeln!(err, "relhook: warning: tag not checked: {e}");
            return Ok(Outcome::Ok);
        }
    };
    let releases = created
        .iter()
        .filter(|u| rules::is_release_like(&config, &u.tag));
    if state == "prepared" {
        let mut refused = false;
        let releases: Vec<_> = releases.collect();
        if !releases.is_empty() {
            if let Err(e) = repo.wait_for_index_lock() {
                let _ = writeln!(
                    err,
                    "relhook: refusing tag {}: the release commit cannot be made now ({e}); try again in a moment",
                    releases[0].tag
                );
                return Ok(Outcome::Failed);
            }
        }
        for u in releases {
            for why in hand::refusals(&repo, &config, u) {
                refused = true;
                let _ = writeln!(err, "relhook: refusing tag {}: {why}", u.tag);
            }
        }
        if refused {
            let _ = writeln!(err, "relhook: to tag anyway: RELHOOK_SKIP=1 git tag ...");
        }
        return Ok(if refused {
            Outcome::Failed
        } else {
            Outcome::Ok
        });
    }
    let date = std::env::var("RELHOOK_DATE")
        .ok()
        .filter(|d| d.len() == 10)
        .unwrap_or_else(crate::date::today);
    for u in releases {
        // Named until the tag is finished or withdrawn: a hook killed in between leaves it,
        // and `relhook release --resume` finishes that tag (see `hand::unfinished`).
        let marker = hand::Marker::new(&repo, &u.tag);
        let result = hand::complete(&repo, &config, &root, u, &date);
        drop(marker);
        match result {
            Ok(Some(done)) => {
                let _ = writeln!(
                    err,
                    "relhook: {} now points at release commit {} ({} updated); `relhook notes {}` prints its notes",
                    u.tag,
                    crate::git::short_id(done.commit),
                    done.files.join(", "),
                    u.tag
                );
            }
            Ok(None) => {}
            Err(e) => {
                // Exit codes are ignored here (git-hook-facts §3.12): the tag is withdrawn
                // rather than left on a commit without its section.
                let version = u
                    .tag
                    .strip_prefix(config.version.tag_prefix.as_str())
                    .unwrap_or(&u.tag);
                let gone = match hand::withdraw(&repo, u) {
                    Ok(()) => "was removed",
                    Err(_) => "is left on a commit without its section (delete it: `git tag -d`)",
                };
                let _ = writeln!(
                    err,
                    "relhook: tag {} {gone}: its release commit could not be made ({e}); `relhook release {version}` makes both",
                    u.tag
                );
            }
        }
    }
    Ok(Outcome::Ok)
}
