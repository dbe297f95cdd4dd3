//! `relhook doctor`'s account of work relhook left unfinished: a half-made release or hand
//! tag, a tag made past the hooks, an interrupted transaction.

pub(super) mod version;

use super::doctor::views_of;
use crate::hooks::doctor::{self, Status};

/// Work relhook left unfinished: a release commit without its tag, an interrupted transaction.
/// `installed`: whether relhook's hooks are in place here (a tag made past them is judged);
/// `reads`: whether the work tree's changelog may be read (not beside one over the cap,
/// whose own row is said): the rows that need its content are left out, the others made.
pub(super) fn unfinished_work(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
    installed: &dyn Fn() -> bool,
    reads: bool,
) -> Vec<doctor::Check> {
    // A release at work looks half-made until it tags: doctor says it is at work instead.
    let mut out = Vec::new();
    // A release killed under another `--config` is judged, and its resume named, under it.
    let killed = super::killed_config::killed_run_view(repo);
    let ran_with = killed.as_ref().map(|(ran, _)| ran.clone());
    let advised =
        |f: &dyn Fn() -> Option<doctor::Check>| crate::git::txn::advised(ran_with.as_ref(), f);
    let run_config = killed.as_ref().map_or(config, |(_, c)| c);
    out.extend(advised(&|| {
        let half = crate::release::half_made(repo, run_config)?;
        Some(doctor::Check {
            subject: format!("release {}", half.version),
            status: Status::Invalid,
            detail: half.describe(),
            fix: Some(half.fix()),
        })
    }));
    // In a monorepo, a release of packages (`--package`, `--all`) interrupted the same way.
    let root = repo.work_tree();
    let half = root
        .as_deref()
        .and_then(|root| crate::release::packages::half_made(repo, config, root));
    // A package's hand tag killed after its release commit, the tag left on the commit before
    // it (commits made on top or not): the root's configuration does not find it, and no
    // package release was started, so it is asked of each package, as `relhook release` does.
    let misplaced = root
        .as_deref()
        .filter(|_| half.is_none())
        .and_then(|root| super::release_packages::misplaced_hand_tag(repo, root, config));
    if let Some((_, half)) = misplaced {
        out.push(doctor::Check {
            subject: format!("release {}", half.tag),
            status: Status::Invalid,
            detail: half.describe(),
            fix: Some(half.fix()),
        });
    }
    if let Some(half) = half {
        let tags: Vec<&str> = half.missing.iter().map(|(t, _)| t.as_str()).collect();
        out.push(doctor::Check {
            subject: format!("release {}", tags.join(", ")),
            status: Status::Invalid,
            detail: half.describe(),
            fix: Some(half.fix()),
        });
    }
    // A hand tag's hook interrupted: the repository's own tags, or a package's (the root's
    // configuration finds those too), then each package's still on HEAD.
    if let Some(s) = crate::tag::hand::stranded(repo, config) {
        out.push(doctor::Check {
            subject: format!("tag {}", s.tag),
            status: Status::Invalid,
            detail: crate::tag::hand::describe_stranded(&s),
            fix: Some(format!("git tag -d {}", crate::shellword::quote(&s.tag))),
        });
    }
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        out.extend(super::doctor_changelog::sectionless_tag(
            repo, &view, installed,
        ));
        let moved = super::doctor_changelog::moved_tag(repo, &view, installed);
        let moved_subject = moved.as_ref().map(|c| c.subject.clone());
        out.extend(moved);
        // Its section there, its version files behind: pre-push refuses it. Moved above its
        // release commit too, the move's fix sets the files as well (pre-push gives that one
        // fix for both): a second one would undo the first.
        let unbumped = crate::tag::hand::unbumped(repo, &view, installed)
            .filter(|u| moved_subject.as_deref() != Some(&format!("tag {}", u.tag.tag)));
        if let Some(u) = unbumped {
            out.push(doctor::Check {
                subject: format!("tag {}", u.tag.tag),
                status: Status::Invalid,
                detail: crate::tag::hand::describe_unbumped(&u),
                fix: Some(crate::tag::hand::unbumped_fix(
                    repo,
                    &u.tag.tag,
                    &u.tag.version,
                    &u.files,
                    u.tag.commit,
                )),
            });
        }
        // Below a newer release: the version was never released, the tag only goes.
        for b in crate::tag::hand::buried(repo, &view, installed) {
            out.push(doctor::Check {
                subject: format!("tag {}", b.tag),
                status: Status::Invalid,
                detail: crate::tag::hand::describe_buried(&view, &b),
                fix: Some(format!("git tag -d {}", crate::shellword::quote(&b.tag))),
            });
        }
        if let Some(u) = crate::tag::hand::unfinished(repo, &view) {
            // Its hook still at work is no interrupted release: a warning, and no fix.
            let at_work = crate::tag::hand::at_work(repo).is_some();
            out.push(doctor::Check {
                subject: format!("tag {}", u.tag),
                status: if at_work {
                    Status::Warning
                } else {
                    Status::Invalid
                },
                detail: crate::tag::hand::describe_unfinished(repo, &view, &u),
                fix: (!at_work).then(|| match crate::tag::hand::behind(repo, &view, &u) {
                    Some(b) => b.command,
                    None => crate::resume_advice::command(),
                }),
            });
        }
    }
    out.extend(am_stopped_on_changelog(repo, config));
    if let Some(crate::git::txn::Pending {
        said: what,
        fix: sync,
        remade,
        ..
    }) = crate::git::txn::pending(repo)
    {
        // Any relhook command finishes or undoes the transaction first; with a release to
        // finish as well, the one command that does both is named, not two different ones,
        // and on the release's own line when it names that command already (one fix, once).
        let resume = crate::git::txn::advised(ran_with.as_ref(), crate::resume_advice::command);
        if let Some(row) = out.iter_mut().find(|c| c.fix.as_deref() == Some(&resume)) {
            if sync.ends_with(&format!("&& {resume}")) {
                // A lock not the killed run's own stops the resume: removed first.
                row.detail = format!("{}; and {what}", row.detail);
                row.fix = Some(sync);
            } else {
                row.detail = format!(
                    "{}; and {what} (the same command sees to it first)",
                    row.detail
                );
            }
        } else {
            // A release killed before its commit: the release undoes it and is made again,
            // the fix pasted as it stands; `--sync`, which only undoes it, said beside.
            let (detail, fix) = match remade {
                _ if !out.is_empty() => (what, resume),
                Some(remade) if !sync.contains(" && ") => (
                    format!("{what}; `{remade}` undoes it and releases, `{sync}` only undoes it"),
                    remade,
                ),
                _ => (what, sync),
            };
            out.push(doctor::Check {
                subject: "transaction".into(),
                status: Status::Invalid,
                detail,
                fix: Some(fix),
            });
        }
    }
    // A temporary test worktree a killed relhook left (the next release removes it).
    for path in crate::testrun::leaked(repo) {
        let dir = path
            .parent()
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        let path = path.to_string_lossy().into_owned();
        out.push(doctor::Check {
            subject: "test worktree".into(),
            status: Status::Invalid,
            detail: format!(
                "{path} is a temporary test checkout a killed relhook left registered; the next `relhook release` removes it too"
            ),
            fix: Some(format!(
                "git worktree remove --force --force {} && rm -rf {}",
                crate::shellword::quote(&path),
                crate::shellword::quote(&dir)
            )),
        });
    }
    // Files a release edits that a sparse checkout leaves out: releases refuse here.
    let mut left_out: Vec<String> = Vec::new();
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        if let Some((paths, add)) = crate::release::left_out_of_sparse_checkout(repo, &view) {
            if !left_out.iter().any(|p| paths.contains(p)) {
                out.push(doctor::Check {
                    subject: "sparse checkout".into(),
                    status: Status::Invalid,
                    detail: format!(
                        "{} {} outside it, and a release or hand tag edits {}: both refuse here",
                        paths.join(", "),
                        if paths.len() == 1 { "is" } else { "are" },
                        if paths.len() == 1 { "it" } else { "them" }
                    ),
                    fix: Some(add),
                });
                left_out.extend(paths);
            }
        }
    }
    // A release tag whose commit left this history (amended, rebased) while its section is in
    // the changelog (the work tree's, not read beside a huge one): releases refuse.
    if reads {
        out.extend(super::doctor_left_behind::left_behind_rows(repo, config));
    }
    // Two releases of one version merged (two clones released it): no tag left behind.
    // Or not yet: the upstream holds the other clone's release of a version tagged here.
    // What the merge lost is told by the work tree's changelog: not read beside a huge one.
    let twin = match reads {
        true => crate::release::any_twin(repo, config),
        false => crate::release::fetched_twin(repo, config),
    };
    if let Some(t) = twin {
        out.push(doctor::Check {
            subject: format!("tag {}", t.tag),
            status: Status::Invalid,
            detail: t.problem,
            fix: Some(t.fix),
        });
    }
    // A release tag on its release commit rebased over changes a release made now would tell
    // (the tag moved onto it by hand): made again, before it is pushed.
    let latest = repo
        .head()
        .and_then(|h| repo.latest_release_tag(h, &config.version.tag_prefix));
    if let Some((tag, commit)) = latest {
        if let Some((detail, redo)) = crate::release::stale_tagged(repo, config, &tag, commit, true)
        {
            out.push(doctor::Check {
                subject: format!("tag {tag}"),
                status: Status::Invalid,
                detail,
                fix: Some(redo),
            });
        }
    }
    // Local changes hidden from `git status` in a file a release writes: releases refuse.
    for view in std::iter::once(config.clone()).chain(views_of(repo, config)) {
        if let Some(r) = crate::release::hidden_changes(repo, &view, "release") {
            let detail = format!("{}: releases and hand tags are refused", r.what);
            if !out.iter().any(|c| c.detail == detail) {
                out.push(doctor::Check {
                    subject: "hidden changes".into(),
                    status: Status::Invalid,
                    detail,
                    fix: r.fix,
                });
            }
        }
    }
    // A package's release commit reverted too: each package's changelog and tags.
    let views = std::iter::once(config.clone()).chain(views_of(repo, config));
    for r in views.filter_map(|v| crate::release::reverted::section_gone(repo, &v)) {
        out.push(doctor::Check {
            subject: "changelog".into(),
            status: Status::Invalid,
            detail: r.what,
            fix: r.fix,
        });
    }
    version::version_rows(repo, config, &mut out);
    if let Some(why) = crate::history::unlinted::release_message_problem(config) {
        out.push(doctor::Check {
            subject: "config".into(),
            status: Status::Invalid,
            detail: format!("{why}: releases and hand tags are refused"),
            fix: Some(crate::history::unlinted::RELEASE_MESSAGE_FIX.into()),
        });
    }
    out
}

/// `git am` stopped on a patch that changes a changelog: a patch from another clone carries
/// that clone's entry lines, which rarely apply here (`sha1 information is lacking`, when the
/// clone's file is not in this one, so `am.threeWay` cannot help). The patches apply without
/// the file, and `--sync` writes their entries.
fn am_stopped_on_changelog(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<doctor::Check> {
    let dir = repo.git_dir().join("rebase-apply");
    if !dir.join("applying").exists() {
        return None;
    }
    let patch = std::fs::read_to_string(dir.join("patch")).ok()?;
    let mut logs = vec![config.changelog.path.clone()];
    logs.extend(config.packages.iter().map(|p| p.changelog.clone()));
    let log = logs.into_iter().find(|l| {
        let l = l.to_string_lossy();
        patch.contains(&format!("diff --git a/{l} b/{l}"))
    })?;
    let shown = log.to_string_lossy();
    let excluded = crate::shellword::quote(&format!("--exclude={shown}"));
    Some(doctor::Check {
        subject: "git am".into(),
        status: Status::Warning,
        detail: format!(
            "git am stopped on a patch that changes {shown}: a patch made in another clone carries that clone's lines of it, which often do not apply here; the changes themselves apply without them, and `relhook changelog --sync` writes their entries"
        ),
        fix: Some(format!(
            "git am --abort, then git am {excluded} <the patches>, then relhook changelog --sync"
        )),
    })
}
