//! The commits a `git am` made that call for a changelog entry they do not carry: git runs
//! no post-commit for them, and amending one in the middle of the am would break the next
//! patch's context, so post-applypatch only says so, once the last patch is in. The answer is
//! `--sync`'s own (the commits its plan would add entries for), so the line never names a
//! commit that `relhook changelog --sync` then leaves alone.

use std::path::Path;

use git2::Oid;

use super::{changelog_command, plan_sync};
use crate::config::Config;
use crate::git::Repo;
use crate::history::changelog::TEMPLATE;

/// What the am left without entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unlogged {
    /// Of the am's commits, those `--sync` would add an entry for, in the am's order.
    pub commits: Vec<Oid>,
    /// The command that adds them all.
    pub command: String,
}

/// Of `made` (the commits the am made), those a sync of the changelogs they belong to would
/// add an entry for; `None` when there are none (or a plan cannot be made: doctor says why).
pub fn unlogged(repo: &Repo, config: &Config, root: &Path, made: &[Oid]) -> Option<Unlogged> {
    // The root's changelog; in a monorepo each package's too, and the root's when it has one.
    let mut targets = Vec::new();
    if config.packages.is_empty() || root.join(&config.changelog.path).exists() {
        targets.push(config.clone());
    }
    for p in &config.packages {
        targets.extend(crate::history::packages::view(config, &p.name, root).ok());
    }
    let mut lacking = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    for target in &targets {
        let path = &target.changelog.path;
        let text = std::fs::read_to_string(root.join(path)).unwrap_or_else(|_| TEMPLATE.into());
        let Ok(plan) = plan_sync(repo, target, &text) else {
            continue;
        };
        let found: Vec<Oid> = plan
            .added
            .iter()
            .filter_map(|(id, _)| Oid::from_str(id).ok())
            .filter(|id| made.contains(id))
            .collect();
        if !found.is_empty() {
            commands.push(changelog_command(target, path, "--sync"));
            lacking.extend(found);
        }
    }
    let commits: Vec<Oid> = made
        .iter()
        .copied()
        .filter(|c| lacking.contains(c))
        .collect();
    let command = match commands.as_slice() {
        [] => return None,
        [one] => one.clone(),
        _ => "relhook changelog --all".to_owned(),
    };
    Some(Unlogged { commits, command })
}
