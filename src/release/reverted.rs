//! A release whose section left the changelog while its tag stays in HEAD's history: `git
//! revert` of the release commit, or the section deleted by hand. The next release would then
//! ship that release's entries a second time, so releases, hand tags and doctor name it.

use std::path::Path;

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::changelog::{Changelog, release_version};

/// The latest release tag reachable from HEAD whose `## [X.Y.Z]` section the changelog at its
/// commit has and HEAD's has not: what is wrong, with the commit that took it out, and the two
/// ways on (the release undone: its tag goes; kept: its section comes back).
pub fn section_gone(repo: &Repo, config: &Config) -> Option<Refusal> {
    let head = repo.head()?;
    let prefix = &config.version.tag_prefix;
    let (tag, target) = repo.latest_release_tag(head, prefix)?;
    let version = Version::parse(tag.get(prefix.len()..)?).ok()?;
    let tagged = repo.peel_to_commit(target)?;
    let has = |commit, path: &Path| -> Option<bool> {
        let file = repo.file_at(commit, path).ok()??;
        // A changelog committed as a symbolic link holds the path it leads to, not sections:
        // that is said by what it is (the link), not as a section taken out.
        if file.mode == 0o120_000 {
            return None;
        }
        let text = String::from_utf8(file.bytes).ok()?;
        // The usual case, a `## [X.Y.Z]` heading still there, told without parsing the file
        // (a hand tag asks this in its hook, of a changelog that may be long).
        if text.contains(&format!("[{version}]")) {
            return Some(true);
        }
        let log = Changelog::parse(&text).ok()?;
        Some(
            log.versions()
                .iter()
                .filter_map(|v| release_version(v))
                .any(|v| v == version),
        )
    };
    let mut path = config.changelog.path.clone();
    // HEAD first: it nearly always still has the section, and then the tag's file is not read.
    if has(head, &path) != Some(false) || has(tagged, &path) != Some(true) {
        return None;
    }
    let mut gone_in = removed_by(repo, tagged, &path, &version);
    // The section may have left with its file (`git mv CHANGELOG.md pkg/CHANGELOG.md` when
    // the repository became a monorepo, a new root changelog written since): followed where
    // the commit that took it out moved it, it is still there, released.
    for _ in 0..MOVES {
        let Some(moved) = gone_in.map(|c| repo.moved_to(c, &path)) else {
            break;
        };
        if moved.iter().any(|to| has(head, to) == Some(true)) {
            return None;
        }
        let Some(to) = moved.into_iter().next() else {
            break;
        };
        gone_in = removed_by(repo, tagged, &to, &version);
        path = to;
    }
    let gone_in = gone_in.map(crate::git::short_id);
    let path = path.display();
    let by = gone_in.as_deref().map_or(String::new(), |c| {
        format!(" (commit {c} took it out: a revert of the release commit?)")
    });
    let back = gone_in.as_deref().map_or_else(
        || format!("put `## [{version}]` back into {path}"),
        |c| format!("`git revert {c}`"),
    );
    Some(Refusal::new(
        Reason::Changelog,
        format!(
            "release tag {tag} is in HEAD's history but its section `## [{version}]` is no longer in {path}{by}; a release now would ship {tag}'s entries a second time"
        ),
        format!(
            "if {tag} is undone and not published, delete its tag (`git tag -d {}`) and release again; if it stands, bring its section back ({back})",
            crate::shellword::quote(&tag)
        ),
    ))
}

/// Whether the release of `version` made by release commit `commit` was undone above it:
/// `tip`'s changelog at `path` no longer has its section (`git revert` of the release commit,
/// its tag then deleted on purpose). Such a commit is no interrupted release to finish.
pub(crate) fn undone_above(
    repo: &Repo,
    commit: git2::Oid,
    tip: git2::Oid,
    path: &std::path::Path,
    version: &Version,
) -> bool {
    commit != tip && !crate::history::sync::has_section_at(repo, tip, path, version)
}

/// How many moves of the changelog a section is followed through.
const MOVES: usize = 8;

/// The commit after `since` that took the release's section out of the file at `path`: the
/// newest commit to the file whose changelog lacks the section its first parent has. Read as
/// the parser reads release headings (`## [X.Y.Z]`, `## [X.Y.Z](url) - date`, `## X.Y.Z -
/// date`, `## vX.Y.Z`), not by one spelling: only the commits that changed the file are read.
fn removed_by(repo: &Repo, since: git2::Oid, path: &Path, version: &Version) -> Option<git2::Oid> {
    let range = format!("{since}..HEAD");
    // Taken literally: a changelog named `CHANGE*.md` is no glob.
    let shown = format!(":(literal){}", path.to_string_lossy());
    let changed = repo
        .run_git(&["log", "--format=%H", &range, "--", &shown], None)
        .ok()?;
    let has = |c| crate::history::sync::has_section_at(repo, c, path, version);
    changed
        .lines()
        .filter_map(|id| git2::Oid::from_str(id.trim()).ok())
        .find(|&c| !has(c) && repo.first_parent(c).is_some_and(has))
}
