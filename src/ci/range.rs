//! A plan resolved against the repository: the base found among the candidates, its merge
//! base with HEAD, the local default (upstream, last release tag, all history), an explicit
//! range, and the error naming the fix when the clone is too shallow to answer.

use git2::Oid;

use super::local::local;
use super::{Candidate, Checked, Plan, Provider, fix_for};
use crate::git::{MergeBase, Range, Repo, short_hex, short_id};
use crate::{Error, Result};

/// Resolves a plan against the repository.
/// `package_prefixes` are the packages' tag prefixes: with no release tag of the root's, a
/// local check starts at the newest package release tag HEAD reaches.
pub fn resolve(
    repo: &Repo,
    plan: &Plan,
    tag_prefix: &str,
    package_prefixes: &[&str],
) -> Result<Checked> {
    let head = repo.head();
    match plan {
        Plan::All => {
            let local_fix = fix_for(None, None);
            Ok(Checked {
                range: Range {
                    tips: head.into_iter().collect(),
                    describe: "HEAD".into(),
                    ..Range::default()
                },
                base: None,
                head,
                why: "all of HEAD's history (--all)".into(),
                source: "all",
                shallow_fix: local_fix,
                release_check: None,
            })
        }
        Plan::Local(ci_note) => Ok(local(
            repo,
            head,
            (tag_prefix, package_prefixes),
            (ci_note.as_deref(), None),
        )),
        Plan::Tag { tag, why } => Ok(local(repo, head, (tag_prefix, &[]), (Some(why), Some(tag)))),
        Plan::MergeBase {
            candidates,
            name,
            why,
            provider,
            commit_from,
        } => {
            let source = match provider {
                Some(Provider::GitHub) => "github",
                Some(Provider::GitLab) => "gitlab",
                None => "base",
            };
            let branch = candidates.iter().find_map(|c| match c {
                Candidate::Ref(r) => r.strip_prefix("refs/remotes/origin/").map(str::to_owned),
                _ => None,
            });
            let fix = fix_for(*provider, branch.as_deref());
            let Some(head) = head else {
                return Ok(Checked {
                    range: Range {
                        describe: "HEAD (no commits yet)".into(),
                        ..Range::default()
                    },
                    base: None,
                    head: None,
                    why: why.clone(),
                    source,
                    shallow_fix: fix,
                    release_check: None,
                });
            };
            let found = candidates.iter().find_map(|c| {
                let id = match c {
                    Candidate::Ref(r) => repo.ref_commit(r),
                    Candidate::Commit(h) => repo.present_commit(h),
                    Candidate::Revision(r) => repo.revision_commit(r),
                }?;
                Some((c, id))
            });
            let Some((cand, base_tip)) = found else {
                return Err(missing_base(
                    repo,
                    candidates,
                    (name, why, tag_prefix),
                    fix,
                    *commit_from,
                ));
            };
            let base = match repo.merge_base_of(base_tip, head)? {
                MergeBase::Found(b) => b,
                MergeBase::BeyondShallow => {
                    return Err(Error::IncompleteHistory {
                        message: format!(
                            "cannot check {why}: this shallow clone does not reach the merge base of `{}` and HEAD, so the commits to check are unknown",
                            cand.label()
                        ),
                        fix,
                    });
                }
                MergeBase::Unrelated => {
                    return Err(Error::IncompleteHistory {
                        message: format!(
                            "cannot check {why}: `{}` and HEAD share no history",
                            cand.label()
                        ),
                        fix: "name a base that HEAD was branched from (`--base REF`), or a range (`relhook check A..B`)".into(),
                    });
                }
            };
            // A commit the CI names is said short, as every other id on the range line.
            let base_label = match cand {
                Candidate::Commit(c) => short_hex(c).to_owned(),
                _ => cand.label(),
            };
            // A push's previous tip that is in no clone (force-pushed over): say so.
            let why = match &candidates[0] {
                Candidate::Commit(first) if !std::ptr::eq(cand, &candidates[0]) => format!(
                    "{why}; {} is not in this clone (pushed over?), so the commits not on {base_label}",
                    short_hex(first)
                ),
                _ => why.clone(),
            };
            let why = if base == base_tip {
                format!("{why}; base {base_label}")
            } else {
                format!(
                    "{why}; merge base of {base_label} ({}) and HEAD",
                    short_id(base_tip)
                )
            };
            Ok(Checked {
                range: Range {
                    tips: vec![head],
                    hidden: vec![base],
                    single: false,
                    describe: format!("{}..HEAD", short_id(base)),
                },
                base: Some(base),
                head: Some(head),
                why,
                source,
                shallow_fix: fix,
                release_check: None,
            })
        }
    }
}

/// The error for a base none of whose candidates is here. A name that no branch, tag or
/// commit has, or a CI value that is no commit id, does not exist whatever the clone's depth:
/// said so, with no advice to deepen the clone, which cannot help; one that looks like a
/// release tag's may be a tag not fetched ([`super::unfetched::maybe_tag`]).
fn missing_base(
    repo: &Repo,
    candidates: &[Candidate],
    (name, why, tag_prefix): (&str, &str, &str),
    fix: String,
    commit_from: Option<&'static str>,
) -> Error {
    let tried: Vec<String> = candidates.iter().map(Candidate::label).collect();
    let looked = tried.join(", ");
    let gone = match &candidates[0] {
        Candidate::Revision(r) => missing_name(repo, r).map(|stem| {
            let none = format!("no branch, tag or commit named `{stem}` exists here");
            match super::unfetched::maybe_tag(repo, stem, tag_prefix) {
                Some((may, fix)) => (format!("is not in this clone: {none}; {may}"), fix),
                None => (
                    format!("is not in this clone: {none}"),
                    format!("check that `{stem}` names a branch, tag or commit, or fetch it first (`git fetch origin <branch>`)"),
                ),
            }
        }),
        Candidate::Commit(c) if !full_hex(c) => commit_from.map(|from| {
            (
                format!("is not a commit id ({from}), so no clone has it"),
                "name the base instead (`relhook check --base REF`)".to_owned(),
            )
        }),
        _ => None,
    };
    if let Some((what, fix)) = gone {
        // The one name tried is the base's own: said once.
        let looked = if tried.len() > 1 {
            format!(" (looked for {looked})")
        } else {
            String::new()
        };
        return Error::IncompleteHistory {
            message: format!("cannot check {why}: the base `{name}` {what}{looked}"),
            fix,
        };
    }
    let shallow = if repo.is_shallow() {
        " (this is a shallow clone)"
    } else {
        ""
    };
    // A commit the CI's variables name, not the user: force-pushed over, it is in no
    // clone, so fetching cannot help either.
    let pushed_over = commit_from.map(|from| format!(
        "if that commit ({from}) was force-pushed over, no clone has it: name the base instead (`relhook check --base REF`)"
    ));
    let fix = match (&candidates[0], pushed_over) {
        (Candidate::Commit(_), Some(p)) if !repo.is_shallow() => p,
        // A full clone: deepening cannot help; the name is wrong or never fetched.
        _ if !repo.is_shallow() => {
            let fetch = match name.strip_prefix("origin/") {
                Some(b) => format!("git fetch origin {}", super::base_refspec(b)),
                None => "git fetch origin <branch>".to_owned(),
            };
            format!(
                "check that `{name}` names a branch, tag or commit, or fetch it first (`{fetch}`)"
            )
        }
        (Candidate::Commit(_), Some(p)) => format!("{fix}; {p}"),
        _ => fix,
    };
    Error::IncompleteHistory {
        message: format!(
            "cannot check {why}: the base `{name}` is not in this clone{shallow} (looked for {looked})"
        ),
        fix,
    }
}

/// Whether `id` is written as a whole object id (SHA-1 or SHA-256), as CI variables give them.
fn full_hex(id: &str) -> bool {
    matches!(id.len(), 40 | 64) && id.bytes().all(|b| b.is_ascii_hexdigit())
}

/// An explicit range as the user gave it; a revision beyond a shallow clone's boundary
/// (`HEAD^1` at depth 1) is named as that, with the fix, instead of libgit2's "parent 0 does
/// not exist"; a name that may be a tag not fetched (under `tag_prefix`), with the fetch.
pub fn explicit(repo: &Repo, spec: &str, tag_prefix: &str) -> Result<Checked> {
    let range = match repo.resolve(spec) {
        Ok(r) => r,
        // A name that is no commit id and steps to no ancestor (`nonexist`, a mistyped
        // branch) is unknown whatever the clone's depth: said as in a full clone, unless it
        // looks like a release tag's, which the clone may not have fetched.
        Err(e @ Error::Range { .. }) if unknown_name(repo, spec) => {
            let stem = sides(spec).into_iter().find_map(|s| missing_name(repo, s));
            let Some((stem, (may, fix))) =
                stem.and_then(|n| Some((n, super::unfetched::maybe_tag(repo, n, tag_prefix)?)))
            else {
                return Err(e);
            };
            return Err(Error::IncompleteHistory {
                message: format!(
                    "cannot resolve `{spec}`: no branch, tag or commit named `{stem}` exists here; {may}"
                ),
                fix,
            });
        }
        Err(Error::Range { reason, .. }) if repo.is_shallow() => {
            return Err(Error::IncompleteHistory {
                message: format!(
                    "cannot resolve `{spec}`: {}",
                    not_fetched(repo, spec, &reason)
                ),
                fix: fix_for(None, None),
            });
        }
        Err(e) => return Err(e),
    };
    Ok(Checked {
        base: range.hidden.first().copied(),
        head: range.tips.first().copied(),
        why: if range.single {
            "that commit alone (a single revision was given)".into()
        } else {
            "the range given".into()
        },
        source: "explicit",
        shallow_fix: fix_for(None, None),
        release_check: None,
        range,
    })
}

/// Whether an end of `spec` that does not resolve is a plain name (no commit id), or steps
/// (`~`, `^`) from one: a branch or tag that is not here, not history a shallow clone lacks.
fn unknown_name(repo: &Repo, spec: &str) -> bool {
    sides(spec)
        .into_iter()
        .any(|s| repo.revision_commit(s).is_none() && missing_name(repo, s).is_some())
}

/// The ends of range `spec` (`A..B`, `A...B`), or the one revision.
fn sides(spec: &str) -> Vec<&str> {
    match spec.split_once("...").or_else(|| spec.split_once("..")) {
        Some((a, b)) => vec![a, b],
        None => vec![spec],
    }
}

/// The name `side` starts with (before any `~`/`^` step) when nothing here has it: not a
/// commit id (which may be history a shallow clone did not fetch), not a `:/text` search.
fn missing_name<'a>(repo: &Repo, side: &'a str) -> Option<&'a str> {
    let stem = side.split(['~', '^']).next().unwrap_or(side);
    let hex = stem.len() >= 4 && stem.bytes().all(|b| b.is_ascii_hexdigit());
    let name = !stem.is_empty() && !hex && !stem.starts_with(':');
    (name && repo.revision_commit(stem).is_none()).then_some(stem)
}

/// Which end of `spec` a shallow clone cannot resolve, in words: libgit2's "parent 0 does not
/// exist" for `HEAD^1` at depth 1 names neither the revision nor the boundary.
fn not_fetched(repo: &Repo, spec: &str, reason: &str) -> String {
    let missing = sides(spec)
        .into_iter()
        .find(|s| !s.is_empty() && repo.revision_commit(s).is_none());
    match missing {
        Some(side) if reason.contains("parent") => {
            let what = if side.contains('~') {
                "an ancestor"
            } else {
                "a parent"
            };
            format!("`{side}` names {what} that this shallow clone did not fetch")
        }
        Some(side) => {
            format!("`{side}` names history that this shallow clone did not fetch ({reason})")
        }
        None => format!("it names history that this shallow clone did not fetch ({reason})"),
    }
}

/// The error for a walk that reached a shallow clone's boundary at `commit`: the commits
/// below it were never fetched, so the range is not known to be complete.
pub fn boundary_error(checked: &Checked, commit: Oid) -> Error {
    Error::IncompleteHistory {
        message: format!(
            "cannot check {}: the walk reached commit {} at this shallow clone's boundary, and the commits below it were not fetched",
            checked.range.describe,
            short_id(commit)
        ),
        fix: checked.shallow_fix.clone(),
    }
}

/// The error for a range whose base's history is cut by a shallow clone's boundary above a
/// commit the walk reached: that commit may be on the base as well as new, so judging it (and
/// the commits like it) as the range's would fail or pass commits the range did not bring.
pub fn hidden_cut_error(checked: &Checked, found: crate::git::HiddenCut) -> Error {
    Error::IncompleteHistory {
        message: format!(
            "cannot check {}: the base's history stops at this shallow clone's boundary (commit {}), so relhook cannot tell whether commit {} is new or already on the base",
            checked.range.describe,
            short_id(found.cut),
            short_id(found.commit)
        ),
        fix: checked.shallow_fix.clone(),
    }
}
