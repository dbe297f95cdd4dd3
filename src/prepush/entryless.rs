//! Pushed commits whose changelog entry is missing (made with `RELHOOK_SKIP=1`, or while
//! post-commit did not run): one warning line, never a refusal, as the next release adds them.
//! Found by the plan `relhook changelog --sync` and doctor use (commits whose type calls for
//! no entry, and those listed already, are not in it), over HEAD's unreleased commits alone.

use std::collections::HashSet;

use git2::Oid;

use crate::config::Config;
use crate::git::{Range, Repo};

/// Planned only over this many unreleased commits, as post-commit's own note: a longer range
/// is `--sync`'s to walk, not every push's.
const LIMIT: usize = 500;

/// Commits named on the line; more are counted.
const NAMED: usize = 3;

/// The note for a push whose entries could not be checked: a shallow clone whose history
/// holds no release tag cannot tell which commits are unreleased.
const UNCHECKED: &str = "note: the changelog-entry check was not made: this clone is shallow and holds no release tag; `git fetch --tags --unshallow` makes it possible";

/// The lines for the commits of `new_here` (those new to the remote): the warning (`warning:
/// …`) for those `configs`' changelogs lack an entry for, with the command that adds them, and
/// one note (`note: …`) when a changelog could not be checked; none when every one is listed.
pub(super) fn warning(repo: &Repo, configs: &[Config], new_here: &HashSet<Oid>) -> Vec<String> {
    if new_here.is_empty() || repo.work_tree().is_none() {
        return Vec::new();
    }
    let mut missing: Vec<Oid> = Vec::new();
    let mut commands: Vec<String> = Vec::new();
    let mut unchecked = false;
    for config in configs {
        let Some(lacking) = lacking(repo, config, new_here) else {
            // Limited only where a pushed commit would have an entry: a push of `chore:`
            // and `ci:` commits alone was checked in full.
            unchecked |= any_calls_for_entry(repo, config, new_here);
            continue;
        };
        if lacking.is_empty() {
            continue;
        }
        let path = &config.changelog.path;
        commands.push(crate::history::sync::changelog_command(
            config, path, "--sync",
        ));
        for id in lacking {
            if !missing.contains(&id) {
                missing.push(id);
            }
        }
    }
    let note = unchecked.then(|| UNCHECKED.to_owned());
    let command = match commands.as_slice() {
        [] => return note.into_iter().collect(),
        [one] => one.clone(),
        _ => "relhook changelog --sync --all".to_owned(),
    };
    let mut named: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|id| {
            let header = repo.stored_commit(*id).map(|c| c.header());
            let subject = header.unwrap_or_default();
            format!(
                "{} {}",
                crate::git::short_id(*id),
                crate::printable::visible(&subject)
            )
        })
        .collect();
    if missing.len() > NAMED {
        named.push("…".to_owned());
    }
    let n = missing.len();
    let warning = format!(
        "warning: {} {} no changelog entry ({}); `{command}` adds {} (else the next release does)",
        crate::commit::report::plural(n, "pushed commit"),
        if n == 1 { "has" } else { "have" },
        named.join(", "),
        if n == 1 { "it" } else { "them" },
    );
    std::iter::once(warning).chain(note).collect()
}

/// The commits of `new_here` whose entry `--sync` would add to `config`'s changelog as the
/// work tree has it (what the advice, pasted, acts on), oldest first; `None` when this
/// clone is too shallow to tell which commits are unreleased.
fn lacking(repo: &Repo, config: &Config, new_here: &HashSet<Oid>) -> Option<Vec<Oid>> {
    let top = repo.work_tree()?;
    // A monorepo's root changelog is optional: none, nothing to add to.
    let path = top.join(&config.changelog.path);
    let root_of_monorepo = config.package.is_none() && !config.packages.is_empty();
    if root_of_monorepo && !path.is_file() {
        return Some(Vec::new());
    }
    if !crate::history::accumulate::unreleased_within(repo, config, LIMIT)
        || !sends_unreleased(repo, config, new_here)
    {
        return Some(Vec::new());
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        // Not made yet, as doctor reads it: what `--sync` creates it with.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && repo.ever_installed() => {
            crate::history::changelog::TEMPLATE.to_owned()
        }
        Err(_) => return Some(Vec::new()),
    };
    let plan = match crate::history::sync::plan_sync(repo, config, &text) {
        Ok(plan) => plan,
        Err(crate::error::Error::IncompleteHistory { .. }) if repo.is_shallow() => return None,
        Err(_) => return Some(Vec::new()),
    };
    let mut out: Vec<Oid> = Vec::new();
    for (id, _) in &plan.added {
        let Ok(id) = Oid::from_str(id) else { continue };
        if new_here.contains(&id) && !out.contains(&id) {
            out.push(id);
        }
    }
    Some(out)
}

/// Whether a commit of `new_here` would have an entry in `config`'s changelog by its message
/// (a revert may take one out, so it counts as one); one relhook cannot read counts too.
fn any_calls_for_entry(repo: &Repo, config: &Config, new_here: &HashSet<Oid>) -> bool {
    new_here.iter().any(|id| {
        let Some(commit) = repo.stored_commit(*id) else {
            return true;
        };
        let text = commit.text();
        let header = text.lines().next().unwrap_or("");
        header.starts_with("Revert \"")
            || header.starts_with("revert")
            || crate::history::changelog::cliff_parsed::entry_for_commit(
                &text,
                Some(*id),
                &config.changelog,
                None,
            )
            .is_some()
    })
}

/// Whether a commit of `new_here` is unreleased on HEAD: a push of releases alone (their
/// tags with the branch) has none, and reads no changelog for this.
fn sends_unreleased(repo: &Repo, config: &Config, new_here: &HashSet<Oid>) -> bool {
    let Some(head) = repo.head() else {
        return false;
    };
    let released = repo.latest_release_tag(head, &config.version.tag_prefix);
    let range = Range {
        tips: vec![head],
        hidden: released.map(|(_, at)| at).into_iter().collect(),
        ..Range::default()
    };
    let (mut sends, mut walked) = (false, 0);
    let _ = repo.walk(&range, |c| {
        walked += 1;
        sends = new_here.contains(&c.id);
        !sends && walked < LIMIT
    });
    sends
}
