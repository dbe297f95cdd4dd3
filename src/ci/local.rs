//! The local range of `relhook check` (no CI base): the branch's upstream, else the last
//! release tag (in a monorepo with none of the root's, the newest package release tag), else
//! all of HEAD's history.

use git2::Oid;

use super::{Checked, fix_for};
use crate::git::{Range, Repo};

/// The range outside CI: upstream..HEAD, else last release tag..HEAD, else all history. For
/// a tag's pipeline (`except`: the tag, HEAD's own) the release tag before it.
pub(super) fn local(
    repo: &Repo,
    head: Option<Oid>,
    (tag_prefix, package_prefixes): (&str, &[&str]),
    (ci_note, except): (Option<&str>, Option<&str>),
) -> Checked {
    let note = |s: String| match ci_note {
        Some(n) => format!("{n}, so {s}"),
        None => s,
    };
    let fix = fix_for(None, None);
    let Some(head) = head else {
        return Checked {
            range: Range {
                describe: "HEAD (no commits yet)".into(),
                ..Range::default()
            },
            base: None,
            head: None,
            why: note("no commits yet".into()),
            source: "history",
            shallow_fix: fix,
            release_check: None,
        };
    };
    // In CI the upstream is what was just pushed (actions/checkout fetches it): "since the
    // upstream" would check nothing and pass. CI that names no usable base goes by releases.
    let upstream = repo.head_upstream().filter(|_| ci_note.is_none());
    if let Some((name, up)) = upstream {
        return Checked {
            range: Range {
                tips: vec![head],
                hidden: vec![up],
                single: false,
                describe: format!("{name}..HEAD"),
            },
            base: Some(up),
            head: Some(head),
            why: note(format!("the branch's upstream `{name}`")),
            source: "upstream",
            shallow_fix: fix,
            release_check: None,
        };
    }
    // A monorepo whose releases are all the packages' (`a-v1.0.0`): every commit a pushed
    // release tag reaches is published, whichever package it released.
    let root_tag = repo.latest_release_tag_except(head, tag_prefix, except);
    let package_tag = root_tag
        .is_none()
        .then(|| newest_package_tag(repo, head, package_prefixes))
        .flatten();
    if let Some((tag, at)) = package_tag {
        let why = note(match ci_note {
            Some(_) => format!("the commits since the last release tag `{tag}`, a package's"),
            None => format!("the last release tag `{tag}`, a package's (no upstream)"),
        });
        return since_tag(head, (&tag, at), why, fix, None);
    }
    if let Some((tag, at)) = root_tag {
        // HEAD at that tag (a tag's build): the release tag before it starts what it brought.
        let release_check = (at == head && except.is_none()).then(|| {
            match repo.latest_release_tag_except(head, tag_prefix, Some(&tag)) {
                Some((before, _)) => {
                    format!(
                        "relhook check {}",
                        crate::shellword::quote(&format!("{before}..HEAD"))
                    )
                }
                None => "relhook check --all".to_owned(),
            }
        });
        // "No upstream" is a local branch's reason; in CI the note says why no base.
        let why = note(match (except, ci_note) {
            (Some(_), _) => format!("the commits since the release tag before it, `{tag}`"),
            (None, Some(_)) => format!("the commits since the last release tag `{tag}`"),
            (None, None) => format!("the last release tag `{tag}` (no upstream)"),
        });
        return since_tag(head, (&tag, at), why, fix, release_check);
    }
    Checked {
        range: Range {
            tips: vec![head],
            describe: "HEAD".into(),
            ..Range::default()
        },
        base: None,
        head: Some(head),
        why: note(match (except, ci_note) {
            (Some(t), _) => format!("all of HEAD's history (no release tag before `{t}`)"),
            (None, Some(_)) => "all of HEAD's history (no release tag)".into(),
            (None, None) => "all of HEAD's history (no upstream and no release tag)".into(),
        }),
        source: "history",
        shallow_fix: fix,
        release_check: None,
    }
}

/// The commits since release tag `tag` (on `at`) up to `head`.
fn since_tag(
    head: Oid,
    (tag, at): (&str, Oid),
    why: String,
    shallow_fix: String,
    release_check: Option<String>,
) -> Checked {
    Checked {
        range: Range {
            tips: vec![head],
            hidden: vec![at],
            single: false,
            describe: format!("{tag}..HEAD"),
        },
        base: Some(at),
        head: Some(head),
        why,
        source: "tag",
        shallow_fix,
        release_check,
    }
}

/// Of each package's newest release tag HEAD reaches, the one nearest HEAD: the one whose
/// commit reaches every other's (on diverged lines, the first package's).
fn newest_package_tag(repo: &Repo, head: Oid, prefixes: &[&str]) -> Option<(String, Oid)> {
    let found: Vec<(String, Oid)> = prefixes
        .iter()
        .filter_map(|p| repo.latest_release_tag_except(head, p, None))
        .collect();
    let above = |(_, at): &&(String, Oid)| {
        found
            .iter()
            .all(|(_, other)| other == at || repo.reaches(*at, *other))
    };
    found.iter().find(above).or(found.first()).cloned()
}
