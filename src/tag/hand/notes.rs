//! Whether a hand tag's release would have notes, judged in `prepared`, before git writes
//! the tag: a release never has empty notes.

use std::path::{Path, PathBuf};

use semver::Version;

use super::release_command;
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::Edit;

/// Why the release commit this tag would get may not be made, judged as `relhook release
/// X.Y.Z` judges it, before the tag exists: a file it cannot write (a symlinked changelog or
/// manifest, a listed version file that does not exist), a section with no notes (nothing for
/// the changelog) or with conflict markers. Reads history since the last release once.
pub(super) fn unpublishable(repo: &Repo, config: &Config, version: &Version) -> Option<String> {
    let root = repo.work_tree()?;
    let release = release_command(config, version);
    let cannot = |e: crate::Error| {
        // A private workspace root's packages are released, not the root: its tag again
        // would be refused the same way.
        let private = matches!(&e, crate::Error::Refused(r) if r.reason == Reason::VersionFile)
            && crate::release::private_workspace_root(config, &root);
        // The release's own step (a `mkdir -p`) comes before tagging again.
        let again = match e.missing_folder_step() {
            Some(step) => format!("{step}, then tag again"),
            None if private => "then tag a package's release, not the root's".into(),
            None => "then tag again".into(),
        };
        format!(
            "its release commit cannot be made, as `{release}` cannot make it either: {e}; {again}"
        )
    };
    // A version a Python project cannot take (uv's lock cannot spell it, or it does not go
    // up in PEP 440's order): the fix is another tag, not the same release.
    if let Some(why) = crate::release::pep440::hand_tag(repo, config, &root, version) {
        return Some(why);
    }
    // A listed version file that is not there: `complete` could only withdraw the tag.
    if let Err(e) = crate::release::check_listed_exist(config, &root) {
        return Some(cannot(e));
    }
    // Unless a revert since the last release may have cancelled what Unreleased lists (a
    // revert committed with the hooks off leaves its change's entry there): then the section
    // is made below, as the release would make it.
    if unreleased_has_notes(repo, config) && !reverts_since_release(repo, config) {
        // The notes are there: only the files the release would write are left to check.
        // The found version files the release leaves alone, and its refusal when none holds
        // the current version.
        let left_alone = match crate::release::check_detected_files(repo, config, &root, version) {
            Ok(files) => files,
            Err(e) => return Some(cannot(e)),
        };
        let mut paths =
            match crate::release::files_written(repo, config, &root, version, &left_alone) {
                Ok(paths) => paths,
                Err(e) => return Some(cannot(e)),
            };
        // A lock file HEAD does not track is left alone by the release commit.
        paths.retain(|p| crate::release::untracked_lock(repo, p).is_none());
        // A detected version file (`__version__`, a README's) with hidden local changes.
        let written: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        if let Some(r) = crate::release::hidden_in(repo, &written, "tag") {
            return Some(r.to_string());
        }
        return crate::release::check_path_list(config, &root, written.iter().copied())
            .and_then(|()| crate::release::check_filters(repo, &root, written.clone()))
            .err()
            .map(cannot)
            .or_else(|| unwritable(&root, written));
    }
    // The heading's date does not change what the section holds.
    let date = crate::date::today();
    // A refusal (a version file at another version) stops the tag before it exists; what
    // cannot be read here is left to `complete` to report.
    let edits = match crate::release::edits_for(repo, config, &root, version, &date) {
        Ok(edits) => edits,
        Err(e) if e.is_refusal() => return Some(cannot(e)),
        Err(_) => return None,
    };
    let paths = edits.edits.iter().map(|e| e.path.as_path());
    if let Err(e) = crate::release::check_paths(config, &root, &edits.edits)
        .and_then(|()| crate::release::check_filters(repo, &root, paths))
    {
        return Some(cannot(e));
    }
    if let Err(e) = crate::release::hidden_in_edits(repo, &edits.edits, "tag") {
        return Some(e.to_string());
    }
    let written = edits.edits.iter().map(|e| e.path.as_path()).collect();
    if let Some(why) = unwritable(&root, written) {
        return Some(why);
    }
    if let Some(r) = reverted_only(repo, config, &edits.edits[0], version) {
        return Some(format!(
            "{} (`{release}` refuses it too); {}",
            r.what,
            r.fix.as_deref().unwrap_or_default()
        ));
    }
    let bad = crate::release::notes::unpublishable(repo, &edits.edits[0], version, config)?;
    let absent = edits.edits[0].before.is_empty();
    let (refusal, fix) = crate::release::notes::unpublishable_refusal(&bad, config, absent);
    // To tag without notes anyway (`RELHOOK_SKIP=1`) is the line under every refusal.
    Some(format!(
        "{} (`{release}` refuses it too); {fix}, then tag again",
        refusal.what,
    ))
}

/// The files among `written` (what the release plan writes, and only those) that the
/// release commit could not replace, in one line with the commands that let it through:
/// `committed` would fail on them once git has made the tag, and take the tag back.
fn unwritable(root: &Path, written: Vec<&Path>) -> Option<String> {
    let found: Vec<(String, String)> = written
        .into_iter()
        .filter_map(|rel| {
            let why = crate::fsx::unwritable(root, rel)?;
            Some(crate::fsx::unwritable_what_fix(rel, &why))
        })
        .collect();
    unwritable_line(&found, "relhook cannot write the release commit")
}

/// Files a release commit cannot write (`found`: what each is, its fix) in one line: what
/// they are, `so` what cannot be done, then their fixes, each said once.
pub(super) fn unwritable_line(found: &[(String, String)], so: &str) -> Option<String> {
    if found.is_empty() {
        return None;
    }
    let whats: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    let mut fixes: Vec<&str> = found.iter().map(|(_, f)| f.as_str()).collect();
    fixes.dedup();
    Some(format!(
        "{}, so {so}; {}, then tag again",
        whats.join(", "),
        fixes.join(", ")
    ))
}

/// The refusal of a release whose section comes out empty though Unreleased lists entries:
/// each is a change reverted since the last release by a commit that never met the hook (the
/// release's sync takes such entries out, as the change never shipped). `prepared` judges it
/// when a revert is among the commits since the last release, and `complete` again (the file
/// may have changed in between); it names the command that takes the stale entries out.
pub(super) fn reverted_only(
    repo: &Repo,
    config: &Config,
    edit: &Edit,
    version: &Version,
) -> Option<Refusal> {
    let path = &config.changelog.path;
    let empty = crate::release::notes::unpublishable(repo, edit, version, config);
    if !matches!(empty, Some(crate::release::notes::Unpublishable::Empty(_))) {
        return None;
    }
    let before = std::str::from_utf8(&edit.before).ok()?;
    let listed = crate::history::sync::parse(path, before)
        .ok()?
        .unreleased_entries();
    let first = listed.iter().find(|e| !e.text.trim().is_empty())?;
    let more = match listed.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Some(Refusal::new(
        Reason::NothingToRelease,
        format!(
            "nothing to release: what `## [Unreleased]` in {} lists (`- {}`{more}) was reverted since the last release by a commit that never met the hook, so the `## [{version}]` section would be empty",
            path.display(),
            crate::history::changelog::one_line(&first.text),
        ),
        format!(
            "`relhook changelog --sync` takes the reverted entries out of {} (commit that); tag again once a `feat:` or `fix:` commit gives the release something to say",
            path.display()
        ),
    ))
}

/// Whether a commit since the last release reverts one (git's `Revert "…"` or `Reapply
/// "…"`, or a `revert:` commit): one walk of the unreleased commits' messages, made for a
/// release-looking tag only.
fn reverts_since_release(repo: &Repo, config: &Config) -> bool {
    let Some(head) = repo.head() else {
        return false;
    };
    let last = repo.latest_release_tag(head, &config.version.tag_prefix);
    let range = crate::git::Range {
        tips: vec![head],
        hidden: last.map(|(_, at)| at).into_iter().collect(),
        ..crate::git::Range::default()
    };
    let mut found = false;
    // Unread, history could hold one: the section is then made to see.
    let walked = repo.walk(&range, |c| {
        let header = c.header();
        found = c.parents < 2
            && (crate::commit::parse::is_revert_header(&header)
                || header.starts_with("Reapply \""));
        !found
    });
    found || walked.is_err()
}

/// Whether Unreleased in the (clean) work tree already holds an entry, and the file no conflict
/// markers: the section cannot then come out empty, and history since the last release need not
/// be read to know it (a sync adds entries; the rare one it takes out, a revert committed with
/// the hooks off, is caught again by `complete` before the release commit is made).
fn unreleased_has_notes(repo: &Repo, config: &Config) -> bool {
    let Some(root) = repo.work_tree() else {
        return false;
    };
    let Ok(Some(bytes)) = crate::fsx::read_optional(&root.join(&config.changelog.path)) else {
        return false;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return false;
    };
    crate::history::changelog::conflict_markers(text).is_none()
        && crate::history::sync::parsed(repo, text).is_some_and(|log| {
            log.unkept_because().is_none()
                && log
                    .unreleased_entries()
                    .iter()
                    .any(|e| !e.text.trim().is_empty())
        })
}
