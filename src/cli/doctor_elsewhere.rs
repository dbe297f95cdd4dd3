//! `relhook doctor`'s row for a release left half-made in another worktree: a `relhook
//! release` killed after its commit where another worktree has the branch checked out. Seen
//! from here, HEAD holds no release commit; the branch there does, with no tag.

use crate::config::Config;
use crate::git::Repo;
use crate::hooks::doctor::{Check, Status};

/// One row for each other worktree whose branch ends on a half-made release (the root's or
/// packages'), its fix run there: `cd WORKTREE && relhook release --resume`. Costs, for each
/// other worktree with a branch, the first-parent walk `relhook release --resume` makes.
pub(super) fn half_made_elsewhere(config: &Config, repo: &Repo) -> Vec<Check> {
    let mut out = Vec::new();
    for (path, branch) in repo.other_worktree_branches() {
        let Ok(there) = Repo::open(&path) else {
            continue;
        };
        let shown = path.to_string_lossy();
        let go = format!("cd {}", crate::shellword::quote(&shown));
        let place = format!("branch {branch}, checked out in worktree {shown}");
        if let Some(half) = crate::release::half_made(&there, config) {
            out.push(Check {
                subject: format!("release {}", half.version),
                status: Status::Invalid,
                detail: format!("on {place}: {}", half.describe()),
                fix: Some(format!("{go} && {}", half.fix())),
            });
        } else if let Some(half) = crate::release::packages::half_made(&there, config, &path) {
            let tags: Vec<&str> = half.missing.iter().map(|(t, _)| t.as_str()).collect();
            out.push(Check {
                subject: format!("release {}", tags.join(", ")),
                status: Status::Invalid,
                detail: format!("on {place}: {}", half.describe()),
                fix: Some(format!("{go} && {}", half.fix())),
            });
        }
    }
    out
}
