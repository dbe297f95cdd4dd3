//! What a release says after it ends: the tracked files that still hold the old version
//! (the runbook's `grep -r`), and the one line for a release a signal stopped; the offer to
//! finish a half-made one.

use std::io::Write;

use super::Outcome;
use super::release_options::Rerun;
use crate::Result;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::txn::Recovered;

mod on_purpose;
use on_purpose::{about_a_release, is_history, is_test_source, is_vendored};

/// Says a refusal of `relhook release --resume`, after which the release commit stays. The
/// tests' refusals keep their own way past, given with `--resume`: a plain `relhook release`
/// (`--no-test` or not) refuses a half-made release.
/// `kept`: what is said of a tag left where it was (a rewritten release commit's, `v1.0.0 stays
/// on 1a2b3c4d5`), which the release commit is then not "untagged" without. `undo`: how
/// failing tests that call for a change in the code are fixed (the release commit taken out
/// first), for a release commit no remote has.
pub(super) fn refused_resume(
    r: Refusal,
    kept: Option<&str>,
    undo: Option<&str>,
    json: bool,
) -> Result<Outcome> {
    let stays = "the release commit stays";
    match r.reason {
        Reason::TestsFailed | Reason::TestsCannotStart => {
            // Said of a release undone whole; here its commit stays.
            let failed = r.what.trim_end_matches("; nothing was released");
            let what = match kept {
                Some(kept) => format!("{failed}; {stays}, and {kept}"),
                None => format!("{failed}; {stays}, untagged"),
            };
            let fix = match (r.reason, undo) {
                (Reason::TestsFailed, Some(undo)) if r.fix.is_none() => Some(undo.to_owned()),
                _ => r.fix.clone(),
            };
            let r = Refusal { what, fix, ..r };
            super::release::refused_in(&r, json, &Rerun::resuming())
        }
        // Its fix is the way back, not another try.
        Reason::PublishedTag => super::release::refused(&r, json),
        _ => {
            let fix = format!("{stays}, `{}` tries again", crate::resume_advice::command());
            super::release::refused(&Refusal::new(r.reason, r.to_string(), fix), json)
        }
    }
}

/// How failing tests of half-made release `half` are fixed when the code needs a change, which
/// no commit above the release commit brings into its tree: that commit taken out first.
/// `None` once a remote has it (then it stays).
pub(super) fn undo_to_fix(half: &crate::release::HalfMade, release: &str) -> Option<String> {
    let version = half.version.to_string();
    let left = Left {
        commit: half.commit,
        version: &version,
        // A hand tag still on the commit before goes too: the release made again tags it.
        tag: half.misplaced_tag.map(|_| half.tag.as_str()),
        at_head: half.at_head,
        pushed: half.pushed_to.is_some(),
    };
    undo_to_fix_at(&left, release)
}

/// A release commit a resume whose tests failed leaves behind.
pub(super) struct Left<'a> {
    /// The release commit.
    pub commit: git2::Oid,
    /// Its version.
    pub version: &'a str,
    /// The hand tag still on the commit before it, if any.
    pub tag: Option<&'a str>,
    /// Whether it is HEAD.
    pub at_head: bool,
    /// Whether a remote has it.
    pub pushed: bool,
}

/// [`undo_to_fix`] for release commit `left`.
pub(super) fn undo_to_fix_at(left: &Left<'_>, release: &str) -> Option<String> {
    if left.pushed {
        return None;
    }
    let untag = left.tag.map_or(String::new(), |t| {
        format!("git tag -d {} && ", crate::shellword::quote(t))
    });
    let drop = if left.at_head {
        format!("`{untag}git reset --keep HEAD~1`")
    } else {
        let short = crate::git::short_id(left.commit);
        format!("`{untag}git rebase -i {short}~1` with its `pick {short}` line made `drop {short}`")
    };
    Some(format!(
        "if the code needs a change, a fix committed above the release commit never reaches its tree: take it out ({drop}), commit the fix, then `{release} {}`; if they failed for another reason (a missing tool, a flaky test), fix that",
        left.version
    ))
}

/// The refusal of `relhook release --resume` with nothing to resume. A release killed before
/// its commit was made was just undone (`recovered` says so): running it again is what
/// finishes it, not a resume, as it was asked (its journal records that: a plain `relhook
/// release` may make another version); where no journal recorded it, that is said.
pub(super) fn nothing_to_resume(recovered: Option<&Recovered>, monorepo: bool) -> Refusal {
    let undone = recovered.filter(|r| r.said.starts_with("undid an interrupted release"));
    let Some(undone) = undone else {
        let what = "nothing to resume: no release commit without its tag since the last release";
        return Refusal::bare(Reason::NothingToResume, what);
    };
    let stopped =
        "nothing to resume: the interrupted release stopped before its commit and is undone";
    let what = match undone.asked.as_deref() {
        Some(asked) => format!(
            "{stopped}; run it again: `{}`",
            crate::resume_advice::release_asked(asked)
        ),
        None if monorepo => format!(
            "{stopped}, but its journal does not record what it was asked for: run it again as you first typed it (`relhook{0} release --all`, or `relhook{0} release --package NAME`), with the version if you named one",
            crate::resume_advice::global()
        ),
        None => format!(
            "{stopped}, but its journal does not record what it was asked for: run it again as you first typed it, with the version if you named one (`relhook{} version --next` shows the one the commits call for)",
            crate::resume_advice::global()
        ),
    };
    Refusal::bare(Reason::NothingToResume, what)
}

/// How a clean tree is asked for before a resume: the release commit is tested and tagged
/// on it, or only tagged when no tests will run.
pub(super) fn tagged_on(tests: bool) -> &'static str {
    if tests {
        "the release commit is tested and tagged on a clean tree"
    } else {
        "the release commit is tagged on a clean tree"
    }
}

/// One line for a release that SIGINT, SIGTERM or SIGHUP stopped once its undo is done
/// (`left`: what stays), and the exit code a shell gives a process that signal ended.
pub(super) fn interrupted(e: &crate::Error, left: &str) -> Outcome {
    let (e, left) = match e {
        crate::Error::Unfinished {
            error,
            left,
            finish,
            ..
        } => (error.as_ref(), format!("{left}: {finish}")),
        e => (e, left.to_owned()),
    };
    let _ = writeln!(crate::cli::stream::stderr(), "relhook: release {e}: {left}");
    let code = e.interrupted().map_or(2, |s| 128 + s);
    Outcome::Code(u8::try_from(code).unwrap_or(2))
}

/// Tracked files that still hold the old version as a whole version, outside the changelog:
/// what the runbook's `grep -r "<old>" .` after the bump finds. At most 20 lines.
/// Lines of tracked files that still say `old` (at most 20), in a package's view those of
/// its directory; `planned` gives the text some files will have (a dry run's edits), read
/// instead of the file.
pub(super) fn old_version_left(
    repo: &crate::git::Repo,
    config: &Config,
    old: &impl std::fmt::Display,
    planned: &[(String, &[u8])],
) -> Vec<(String, usize, String)> {
    let old = old.to_string();
    let changelog = config.changelog.path.to_string_lossy().replace('\\', "/");
    // A package's release: the files of its own directory.
    let within = config
        .package
        .as_ref()
        .map(|p| p.path.to_string_lossy().replace('\\', "/"));
    let Ok(found) = repo.tracked_files_containing(&old, within.as_deref()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // relhook's own configuration holds settings (`initial`), never the released version.
    let settings = |p: &str| p == crate::config::FILE_NAME;
    // The root's release: a package's directory holds that package's version, not the root's.
    let packages: Vec<String> = (config.package.is_none().then_some(&config.packages))
        .into_iter()
        .flatten()
        .map(|p| format!("{}/", p.path.to_string_lossy().replace('\\', "/")))
        .collect();
    for file in found.iter().filter(|f| {
        let p = f.path.as_str();
        p != changelog
            && !is_history(p)
            && !about_a_release(p)
            && !crate::testrun::leftovers::is_lock_file(p)
            && !settings(p)
            && !is_vendored(p)
            && !is_test_source(p)
            && !packages.iter().any(|dir| p.starts_with(dir.as_str()))
    }) {
        let bytes = planned
            .iter()
            .find(|(p, _)| *p == file.path)
            .map_or(file.bytes.as_slice(), |(_, after)| after);
        let text = String::from_utf8_lossy(bytes);
        for (line, found) in crate::history::version::files::file_leftovers(&file.path, &text, &old)
        {
            out.push((file.path.clone(), line, found));
        }
    }
    out.truncate(20);
    out
}

/// Says each line [`old_version_left`] finds, after a release (`dry`: before it, as the plan
/// leaves the files).
pub(super) fn say_old_version_left(
    err: &mut dyn Write,
    repo: &crate::git::Repo,
    config: &Config,
    old: &str,
    planned: &[(String, &[u8])],
    dry: bool,
) {
    let says = if dry { "would still say" } else { "still says" };
    let mut left = old_version_left(repo, config, &old, planned);
    // A workspace released as one leaves each package's manifest at the old version: one
    // note for them all, naming where the entries to add are printed.
    let own_version = |(path, _, text): &(String, usize, String)| {
        let name = path.rsplit('/').next().unwrap_or(path);
        let key = text.trim_start();
        match name {
            // Pretty-printed or on one line (`{"name":"a","version":"1.0.0"}`).
            "package.json" => text
                .match_indices("\"version\"")
                .any(|(i, k)| text[i + k.len()..].trim_start().starts_with(':')),
            "Cargo.toml" | "pyproject.toml" => {
                key.starts_with("version") && !key.starts_with("version.")
            }
            _ => false,
        }
    };
    let manifests: Vec<String> = (left.iter().filter(|l| own_version(l)))
        .map(|(p, _, _)| p.clone())
        .collect();
    if manifests.len() > 1 {
        left.retain(|l| !own_version(l));
        let named = match manifests.len() {
            n if n > 3 => format!(
                "{}, and {} more",
                crate::printable::list(&manifests[..3]),
                n - 3
            ),
            _ => crate::printable::list(&manifests),
        };
        let _ = writeln!(
            err,
            "relhook: note: {} package manifests {} {old} as their own version: {named} (the runbook's `grep -r` check; to bump them with each release add them to `[version] files`: `relhook doctor` prints the entries)",
            manifests.len(),
            if dry { "would still say" } else { "still say" }
        );
    }
    // One note a file: its first line quoted, the others' numbers after it (a package.json
    // naming the version for each platform's binary is one place to look, not seven).
    let mut i = 0;
    while let Some((path, line, text)) = left.get(i) {
        let more: Vec<String> = (left[i + 1..].iter())
            .take_while(|(p, _, _)| p == path)
            .map(|(_, l, _)| l.to_string())
            .collect();
        i += 1 + more.len();
        let also = match more.len() {
            0 => String::new(),
            1 => format!(", and so does line {}", more[0]),
            _ => format!(", and so do lines {}", more.join(", ")),
        };
        // A tracked file's name and line: shown, never obeyed (an ESC or `\r` in either).
        let (path, text) = (
            crate::printable::visible(path),
            crate::printable::visible(text),
        );
        let _ = writeln!(
            err,
            "relhook: note: {path}:{line} {says} {old}: `{text}`{also} (the runbook's `grep -r` check; bump it by hand, or add it to `[version] files`)"
        );
    }
}

/// The pre-release text a stable release of `version` does not carry (see
/// `Changelog::uncarried_text`), said as one note; `None` when there is none.
pub(super) fn uncarried(
    repo: &crate::git::Repo,
    root: &std::path::Path,
    config: &crate::config::Config,
    version: &semver::Version,
) -> Option<String> {
    let bytes = crate::fsx::read_optional(&root.join(&config.changelog.path)).ok()??;
    let log = crate::history::sync::parsed(repo, &String::from_utf8_lossy(&bytes))?;
    let left = log.uncarried_text(&version.to_string());
    (!left.is_empty()).then(|| {
        format!(
            "{version} carries its pre-releases' entries, not their other text: {}",
            left.join("; ")
        )
    })
}

/// Why a release failed, in one line: the error, then what is left and the command that goes
/// on. An error that says what it left ([`crate::Error::Unfinished`]: its undo failed) names
/// the commands that finish or drop it already: the half-made release is not described again.
/// `again`: the release command as given, which the retry repeats.
/// A failed step whose undo failed too (the warnings above name it) left its journal: the
/// retry undoes the rest first, so it is named, never "nothing was left behind".
pub(super) fn not_released(
    repo: &crate::git::Repo,
    e: crate::Error,
    half: Option<String>,
    again: &Rerun,
) -> String {
    match (e, half) {
        (e @ crate::Error::Unfinished { .. }, _) => e.to_string(),
        (e, Some(half)) => format!("{e}; {half}"),
        (e, None) if crate::git::txn::undo_left(repo) => format!(
            "{e}; undoing what it wrote failed too (the warnings above say where), and the next relhook command that writes undoes the rest: run `{}` again once that is fixed",
            again.full
        ),
        (e, None) => format!(
            "{e}; nothing was left behind (no commit, no tag, no changed file): run `{}` again once that is fixed",
            again.full
        ),
    }
}

/// In a terminal, offers to finish a half-made release; elsewhere says nothing and declines.
pub(super) fn confirm(
    half: &crate::release::HalfMade,
    config: &Config,
    opts: &crate::release::Options,
) -> bool {
    use std::io::IsTerminal;
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return false;
    }
    let mut err = crate::cli::stream::stderr();
    let _ = writeln!(err, "relhook: {}", half.describe());
    let does = if resume_tests(config, opts) {
        "test and tag"
    } else {
        "tag"
    };
    let _ = write!(err, "relhook: finish it now ({does} {})? [y/N] ", half.tag);
    let _ = err.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    matches!(answer.trim(), "y" | "Y" | "yes")
}

/// Whether a resume runs the tests: a test command is set and `--no-test` is not
/// given (a hand tag's release too: the hook runs none, its resume does).
pub(super) fn resume_tests(config: &Config, opts: &crate::release::Options) -> bool {
    config.checks.test.is_some() && !opts.no_test
}

/// What a resume that stopped leaves: the release commit, and a hand tag still where it was.
pub(super) fn left_behind(half: &crate::release::HalfMade) -> String {
    match half.misplaced_tag {
        Some(_) => format!(
            "the release commit stays, and {} stays on the commit before it, as it was (no test record)",
            half.tag
        ),
        None => {
            "the release commit stays and nothing else was left behind (no tag, no test record)"
                .to_owned()
        }
    }
}

/// A resume that failed with an error (not a refusal): one line, as for a release undone at
/// this step, of what did not happen and what stays.
pub(super) fn not_resumed(
    err: &mut dyn std::io::Write,
    half: &crate::release::HalfMade,
    e: &crate::Error,
) -> Outcome {
    let e = e.to_string().lines().collect::<Vec<_>>().join(" ");
    let _ = writeln!(
        err,
        "relhook: error: {} was not released: {e}; {}: `{}` finishes it once that is fixed",
        half.tag,
        left_behind(half),
        crate::resume_advice::command()
    );
    Outcome::Code(2)
}

/// The journal of the release commit's transaction, left because its removal failed: one
/// line with the command that removes it (the next relhook command would otherwise take the
/// release for interrupted).
pub(super) fn say_journal_left(err: &mut dyn Write, repo: &crate::git::Repo) {
    if let Some((rm, why)) = crate::git::txn::journal_left(repo) {
        let _ = writeln!(
            err,
            "relhook: warning: the release is made, but its journal could not be removed ({why}): `{rm}`"
        );
    }
}
