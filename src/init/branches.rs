//! The release branches a history shows, for `init`'s `[release] branches`: the trunk, which
//! holds the stable release tags, and beside it the branches the tags say releases are made
//! from too: one named after a pre-release line whose tags it holds (`beta` for
//! `v26.0.0-beta.1`, semantic-release's channels), and a maintenance line (`1.x`) holding
//! stable releases the trunk does not. relhook has no per-branch channel setting: a
//! pre-release there is `relhook release --pre <id>`, which the sentence says.

use crate::git::{ReleaseTag, Repo};

/// The branches proposed and why (a sentence for init's output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposed {
    /// Trunk first, then the maintenance lines, then the pre-release lines.
    pub branches: Vec<String>,
    /// What each holds, and how a pre-release is made there.
    pub sentence: String,
}

/// The release branches `repo`'s tags under `prefix` (of `tags`) show; `None` when they show
/// nothing beyond the trunk (the default, main and master, stays).
pub fn proposed(repo: &Repo, tags: &[(String, ReleaseTag)], prefix: &str) -> Option<Proposed> {
    let tags: Vec<&ReleaseTag> = tags
        .iter()
        .filter(|(p, _)| p == prefix)
        .map(|(_, t)| t)
        .collect();
    let branches = branches(repo);
    let tips = |name: &str| -> Vec<git2::Oid> {
        branches
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, at)| *at)
            .collect()
    };
    // The greatest of `of` that a branch named `name` holds.
    let greatest = |name: &str, of: &[&ReleaseTag]| {
        let tips = tips(name);
        (of.iter())
            .filter(|t| tips.iter().any(|&tip| repo.reaches(tip, t.commit)))
            .max_by(|a, b| a.version.cmp_precedence(&b.version))
            .map(|t| (*t).clone())
    };
    let stable: Vec<&ReleaseTag> = (tags.iter().copied())
        .filter(|t| t.version.pre.is_empty())
        .collect();
    // The trunk: the repository's own name for it, else main or master, else HEAD's branch,
    // where it holds a stable release.
    let mut names = repo.trunk_names();
    names.extend(["main".to_owned(), "master".to_owned()]);
    names.extend(repo.branch());
    let (trunk, trunk_tag) = names
        .iter()
        .find_map(|n| Some((n.clone(), greatest(n, &stable)?)))?;
    let trunk_holds = |t: &ReleaseTag| tips(&trunk).iter().any(|&tip| repo.reaches(tip, t.commit));
    let mut maintenance: Vec<(String, ReleaseTag)> = Vec::new();
    let mut names: Vec<&String> = branches.iter().map(|(n, _)| n).collect();
    names.sort();
    names.dedup();
    // Only asked where a name reads as one: the trunk's tags are most of them.
    for name in names
        .iter()
        .filter(|n| maintenance_name(n) && ***n != trunk)
    {
        let own: Vec<&ReleaseTag> = (stable.iter().copied())
            .filter(|t| !trunk_holds(t))
            .collect();
        if let Some(t) = greatest(name, &own) {
            maintenance.push(((*name).clone(), t));
        }
    }
    // The pre-release lines: a branch named after the first identifier of the tags it holds.
    let mut ids: Vec<String> = tags
        .iter()
        .filter_map(|t| line_id(&t.version))
        .map(str::to_owned)
        .collect();
    ids.sort();
    ids.dedup();
    let mut channels: Vec<(String, ReleaseTag)> = Vec::new();
    for id in ids.iter().filter(|id| **id != trunk && names.contains(id)) {
        let of_line: Vec<&ReleaseTag> = (tags.iter().copied())
            .filter(|t| line_id(&t.version) == Some(id.as_str()))
            .collect();
        if let Some(t) = greatest(id, &of_line) {
            channels.push((id.clone(), t));
        }
    }
    if maintenance.is_empty() && channels.is_empty() {
        return None;
    }
    let mut proposed = vec![trunk.clone()];
    proposed.extend(maintenance.iter().chain(&channels).map(|(n, _)| n.clone()));
    let listed: Vec<String> = (proposed.iter())
        .map(|n| crate::config::toml_text::string(n))
        .collect();
    let mut held = vec![format!(
        "{trunk} holds the stable releases (`{}`)",
        trunk_tag.name
    )];
    for (name, t) in &maintenance {
        held.push(format!(
            "{name} releases the trunk does not hold (`{}`)",
            t.name
        ));
    }
    for (name, t) in &channels {
        held.push(format!("{name} the {name} pre-releases (`{}`)", t.name));
    }
    let mut sentence = format!(
        "set `[release] branches = [{}]`: the release tags show releases made there: {}",
        listed.join(", "),
        held.join(", ")
    );
    // The newest line's name in the example.
    let newest = (channels.iter()).max_by(|a, b| a.1.version.cmp_precedence(&b.1.version));
    if let Some((name, _)) = newest {
        sentence.push_str(&format!(
            "; relhook has no per-branch channel setting: on {name}, `relhook release --pre {name}` makes the next {name} pre-release"
        ));
    }
    Some(Proposed {
        branches: proposed,
        sentence,
    })
}

/// Every local and remote-tracking branch, by its name without the remote (`origin/beta` is
/// `beta`), with its commit.
fn branches(repo: &Repo) -> Vec<(String, git2::Oid)> {
    let local = repo
        .branches_at("heads/*")
        .into_iter()
        .filter_map(|(n, at)| {
            let name = n.strip_prefix("heads/")?;
            Some((name.to_owned(), at))
        });
    let remote = repo
        .branches_at("remotes/*")
        .into_iter()
        .filter_map(|(n, at)| {
            let (_, name) = n.strip_prefix("remotes/")?.split_once('/')?;
            (name != "HEAD").then(|| (name.to_owned(), at))
        });
    local.chain(remote).collect()
}

/// The name of a pre-release line: the first identifier of `version`'s pre-release, when it is
/// a word (`beta` of `2.0.0-beta.3`), not a number.
fn line_id(version: &semver::Version) -> Option<&str> {
    let first = version.pre.as_str().split('.').next()?;
    (!first.is_empty() && !first.bytes().all(|b| b.is_ascii_digit())).then_some(first)
}

/// Whether `name` reads as a maintenance line: `1.x`, `v2.x`, `1.2.x`.
fn maintenance_name(name: &str) -> bool {
    let Some(numbers) = name.strip_prefix('v').unwrap_or(name).strip_suffix(".x") else {
        return false;
    };
    let parts: Vec<&str> = numbers.split('.').collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ids_and_maintenance_names() {
        let v = |s: &str| semver::Version::parse(s).unwrap();
        assert_eq!(line_id(&v("2.0.0-beta.3")), Some("beta"));
        assert_eq!(line_id(&v("2.0.0-1")), None);
        assert_eq!(line_id(&v("2.0.0")), None);
        for yes in ["1.x", "v2.x", "1.2.x"] {
            assert!(maintenance_name(yes), "{yes}");
        }
        for no in ["x", ".x", "1.2.3.x", "main", "1.x.y", "a.x"] {
            assert!(!maintenance_name(no), "{no}");
        }
    }
}
