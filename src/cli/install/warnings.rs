//! What `relhook install` says once the hooks are written: what would make them refuse or
//! skip every commit here (a configuration they cannot read, an index libgit2 cannot read, a
//! changelog that is no Keep a Changelog file), so that it is not found out at the first commit.

use std::io::Write;

use crate::Error;
use crate::cli::Context;

/// Says, as warnings, what stops the hooks just installed from doing their work.
pub(super) fn after_install(ctx: &Context) {
    if let Some(root) = ctx.locate().and_then(|l| l.work_tree)
        && let Some(said) = simple_git_hooks(&root)
    {
        let _ = writeln!(crate::cli::stream::stderr(), "relhook: warning: {said}");
    }
    // Installed all the same (the file may be made one later), but not silently.
    match ctx.open() {
        Ok((repo, _, config)) => {
            // An index libgit2 cannot read (a split or sparse index): every hook would say it.
            if let Err(e) = repo.check_index() {
                let _ = writeln!(
                    crate::cli::stream::stderr(),
                    "relhook: warning: {e}: commits get no changelog entries and hand tags are refused until then (`relhook doctor` checks it)"
                );
            }
            if let Some((what, fix)) = crate::tag::hand::changelog_case_twin(&repo, &config) {
                let _ = writeln!(
                    crate::cli::stream::stderr(),
                    "relhook: warning: {what}: {fix}"
                );
            } else if let Some(other) = (repo.work_tree())
                .and_then(|top| kept_under_other_name(&repo, &top, &config.changelog.path))
            {
                // The merge driver is registered for that file; the hooks wait for the setting.
                use crate::history::changelog::other_name::{other_name_fix, other_name_what};
                let _ = writeln!(
                    crate::cli::stream::stderr(),
                    "relhook: warning: {}: post-commit adds no entries to it until you {}",
                    other_name_what(&other),
                    other_name_fix(&other)
                );
            } else if let Some(why) = crate::tag::hand::unkept_changelog(&repo, &config) {
                let _ = writeln!(
                    crate::cli::stream::stderr(),
                    "relhook: warning: {why}: {}",
                    crate::history::changelog::UNKEPT_COSTS
                );
            }
        }
        // The hooks read the configuration on every commit: one they cannot read refuses them.
        Err(e @ Error::Config { .. }) => {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: warning: {e}: the hooks refuse every commit until that line is fixed (`relhook doctor` checks it)"
            );
        }
        // A configuration relhook refuses to read (a link to nothing, or to a file outside
        // the repository, as the hooks refuse it): the same, said once.
        Err(
            e @ (Error::UnsafePath { .. }
            | Error::ConfigLinkBroken { .. }
            | Error::ConfigLinkedOutside { .. }),
        ) => {
            let _ = writeln!(
                crate::cli::stream::stderr(),
                "relhook: warning: {e}: the hooks refuse every commit until it is fixed (`relhook doctor` checks it)"
            );
        }
        Err(_) => {}
    }
}

/// simple-git-hooks, set up in package.json (`"simple-git-hooks"`, which a `postinstall`
/// runs): each run writes the hooks it names over relhook's, and deletes the git hooks it does
/// not name unless `preserveUnused` keeps them. relhook's hooks it would take or delete.
fn simple_git_hooks(root: &std::path::Path) -> Option<String> {
    let text = crate::fsx::read_regular_optional(&root.join("package.json")).ok()??;
    let doc: serde_json::Value = serde_json::from_slice(&text).ok()?;
    let hooks = doc.get("simple-git-hooks")?.as_object()?;
    let ours = [
        "commit-msg",
        "post-commit",
        "pre-push",
        "reference-transaction",
        "post-applypatch",
    ];
    let kept = |h: &str| match hooks.get("preserveUnused") {
        Some(serde_json::Value::Bool(all)) => *all,
        Some(serde_json::Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(h)),
        _ => false,
    };
    let taken: Vec<&str> = (ours.into_iter())
        .filter(|h| {
            (hooks.get(*h).and_then(|c| c.as_str())).is_some_and(|c| !c.contains("relhook"))
        })
        .collect();
    let deleted: Vec<&str> = (ours.into_iter())
        .filter(|h| !hooks.contains_key(*h) && !kept(h))
        .collect();
    if taken.is_empty() && deleted.is_empty() {
        return None;
    }
    let mut what = Vec::new();
    let mut fix = Vec::new();
    if !taken.is_empty() {
        what.push(format!("writes its {} over relhook's", taken.join(", ")));
        fix.push(format!(
            "add relhook's call to its command (`<its command> && relhook hook {}{}`)",
            taken[0],
            if taken[0] == "commit-msg" { " $1" } else { "" }
        ));
    }
    if !deleted.is_empty() {
        what.push(format!(
            "deletes relhook's {}, which it does not name",
            deleted.join(", ")
        ));
        fix.push("set `\"preserveUnused\": true` in it".to_owned());
    }
    Some(format!(
        "package.json sets up simple-git-hooks, which, each time it runs (`npx simple-git-hooks`, often a `postinstall`), {}: {}, then run it (`relhook doctor` checks the hooks)",
        what.join(" and "),
        fix.join(", and ")
    ))
}

/// The changelog HEAD keeps under another name (HISTORY.md) where the changelog `path` (the
/// top's CHANGELOG.md) is in neither HEAD nor the work tree at `top`, as post-commit and doctor
/// find it.
pub(super) fn kept_under_other_name(
    repo: &crate::git::Repo,
    top: &std::path::Path,
    path: &std::path::Path,
) -> Option<String> {
    if top.join(path).symlink_metadata().is_ok() {
        return None;
    }
    crate::history::sync::kept_under_other_name(repo, repo.head()?, path)
        .ok()
        .flatten()
}
