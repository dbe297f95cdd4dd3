//! Why `--sync` would add entries doctor finds missing: how their commits got none.

use crate::config::Config;
use crate::git::Repo;
use crate::history::sync::SyncPlan;

/// Doctor's line for the commits `plan` adds entries for: with no file yet (`missing`, a
/// project that kept its notes elsewhere), said as what `sync` creates; else with why they
/// have none.
pub(super) fn detail(
    repo: &Repo,
    config: &Config,
    plan: &SyncPlan,
    missing: bool,
    sync: &str,
) -> String {
    let shown = config.changelog.path.display();
    let commits = crate::commit::report::plural(plan.added.len(), "commit");
    if missing {
        format!(
            "there is no {shown} yet, and {commits} since the last release call for an entry: `{sync}` creates it with them (the releases before it stay out of it)"
        )
    } else {
        format!(
            "{shown} has no entry for {commits} since the last release that call for one ({})",
            why_missed(repo, config, plan)
        )
    }
}

/// Why post-commit gave these commits no entry: the file each stored was not one it adds
/// entries to (post-commit said so, and left it), or post-commit did not run.
fn why_missed(repo: &Repo, config: &Config, plan: &SyncPlan) -> String {
    let path = &config.changelog.path;
    // Merged in with an older line's release: listed in its section, new on this line.
    if let Some((_, tag)) = plan.older_line.first() {
        let n = plan.older_line.len();
        let others = plan.added.len() - n;
        let rest = match others {
            0 => String::new(),
            n => format!(", and {n} made while relhook's post-commit did not run"),
        };
        return format!(
            "{} shipped by {tag} on an older line and merged in: listed in its section, still unreleased on this line{rest}",
            if n == 1 {
                "1 was".to_owned()
            } else {
                format!("{n} were")
            },
        );
    }
    let added = &plan.added;
    let unkept = added
        .iter()
        .filter(|(id, _)| {
            git2::Oid::from_str(id).is_ok_and(|c| crate::history::sync::unkept_at(repo, c, path))
        })
        .count();
    let shown = path.display();
    let not_run = "relhook's post-commit did not run: before `relhook install`, killed, or skipped";
    match unkept {
        0 => format!("made while {not_run}"),
        n if n == added.len() => {
            format!("made while {shown} was not a Keep a Changelog file")
        }
        n => format!(
            "{n} made while {shown} was not a Keep a Changelog file, the others while {not_run}"
        ),
    }
}
