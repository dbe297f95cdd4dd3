//! `relhook doctor`'s rows for release tags a rewrite left behind: a release commit amended
//! or rebased after tagging, while the work tree's changelog has its section, so the next
//! release would go below it; each with the one command that moves, retags or takes it.

use crate::hooks::doctor::{self, Status};

/// A row for each release tag whose commit left HEAD's history (amended, rebased) while its
/// section is in the work tree's changelog, which is read (never beside one over the cap).
pub(super) fn left_behind_rows(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Vec<doctor::Check> {
    let mut out = Vec::new();
    let Some(root) = repo.work_tree() else {
        return out;
    };
    let mut left = crate::release::rewritten_tag::left_behind(repo, config, &root);
    out.extend(super::doctor_midway::brought_by_merge(repo, &mut left));
    let behind: Vec<_> = left
        .into_iter()
        .map(|(tag, commit)| {
            let at = crate::release::rewritten_tag::rewritten(repo, config, &tag);
            (tag, commit, at)
        })
        .collect();
    // Each rewritten release commit (a rebase across several releases rewrites them all).
    let retags = repo
        .head()
        .map(|h| crate::release::retags_needed_from(repo, config, h))
        .unwrap_or_default();
    for (tag, commit, at) in &behind {
        // One commit that added several releases' sections (a file brought in whole) is
        // no release commit: never a fix that puts several tags on it.
        let shared = |c: &String| behind.iter().filter(|b| b.2.as_ref() == Some(c)).count() > 1;
        // The rewritten release commit is tagged again by `--resume`, with its notes.
        let retag = retags.iter().find(|r| r.tag == *tag);
        let stale = retag
            .filter(|r| r.stale.is_stale())
            .map(|r| format!("; but {}", r.fix(repo)));
        // The remote released it on the commit found, and this clone's release never left
        // here (a merge of the remote's, pulled): the remote's tag is the one to take.
        let theirs = at
            .as_ref()
            .filter(|_| retag.is_none())
            .and_then(|c| repo.revparse_commit(c).ok())
            .and_then(|c| crate::release::published_instead(repo, c, *commit));
        let fix = match (retag, &theirs) {
            (Some(r), _) => r.command(repo),
            (None, Some(remote)) => {
                let (remote, tag) = (
                    crate::shellword::quote(remote),
                    crate::shellword::quote(tag),
                );
                format!("git tag -d {tag} && git fetch {remote} tag {tag}")
            }
            (None, None) => at.as_ref().filter(|c| !shared(c)).map_or_else(
                || format!("release a version above {tag}"),
                |c| match crate::release::stale_redo_onto(repo, config, c, tag) {
                    Some((_, redo)) => redo,
                    None => crate::release::rewritten_tag::move_tag_command(repo, tag, *commit, c),
                },
            ),
        };
        // Published, the tag stays and the branch goes back to it (the fix says how).
        let way = if crate::release::back::is_command(&fix) {
            "the tag is published, so the branch goes back to it, the changes staged to commit on top"
        } else {
            "if the rewritten release commit holds that release, move the tag onto it"
        };
        // Moved onto a commit without the section (another branch's): no rewrite at all.
        let path = &config.changelog.path;
        let version = tag.get(config.version.tag_prefix.len()..);
        let version = version.and_then(|v| semver::Version::parse(v).ok());
        let moved =
            version.is_some_and(|v| !crate::history::sync::has_section_at(repo, *commit, path, &v));
        let (how, way) = match moved {
            true => (
                "which HEAD's history no longer holds, and whose changelog has no section for it either (the tag moved off its release commit?)",
                "move the tag back onto its release commit",
            ),
            false if retag.is_some_and(|r| r.theirs.is_some()) || theirs.is_some() => (
                "this clone's own release of it, which no remote has and HEAD's history no longer holds (a rebase took the remote's release of it instead)",
                "take the remote's tag for it",
            ),
            // Another clone's release, its tag fetched over this clone's: HEAD never held it.
            false if retag.is_some_and(|r| r.foreign.is_some()) => (
                "another clone's release of it, which HEAD's history never held (no branch here ever did: the remote's tag replaced this clone's, fetched over it?)",
                "keep the tag and release this clone's work above it",
            ),
            false => (
                "which HEAD's history no longer holds (its release commit amended or rebased after tagging?)",
                way,
            ),
        };
        out.push(doctor::Check {
            subject: format!("tag {tag}"),
            status: Status::Invalid,
            detail: format!(
                "{tag} is on {}, {how}, while its section is in {}: releases refuse to go below it; {way}{}",
                crate::git::short_id(*commit),
                config.changelog.path.display(),
                stale.unwrap_or_default()
            ),
            fix: Some(fix),
        });
    }
    out
}
