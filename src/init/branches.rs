//! The release branches a history shows, for `init`'s `[release] branches`: the trunk, which
//! holds the stable release tags, and beside it the branches the tags say releases are made
//! from too: a pre-release line's, named after the tags it holds (`beta` for
//! `v26.0.0-beta.1`, semantic-release's channels) or, whatever its name, the one branch holding
//! the newest pre-release of a version not released yet (Vue's `minor` for `v3.6.0-rc.5`); and
//! a maintenance line's, named after it (`1.x`, `3.4`, `release-2.1`) and holding its newest
//! release, which the trunk does not. A pre-release line's branch is proposed as a channel
//! (`[release.channels]`, its identifier that of its newest pre-release: `minor = "rc"`), where
//! `relhook release` makes the line's next pre-release; the others go in `branches`.

use crate::git::{ReleaseTag, Repo};

/// The branches proposed and why (a sentence for init's output).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposed {
    /// Trunk first, then the maintenance lines (and a pre-release line whose identifier is
    /// a number, which names no channel).
    pub branches: Vec<String>,
    /// The pre-release lines' branches, each with its identifier (`[release.channels]`).
    pub channels: Vec<(String, String)>,
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
    let mut names: Vec<&String> = branches.iter().map(|(n, _)| n).collect();
    names.sort();
    names.dedup();
    names.retain(|n| **n != trunk);
    // Maintenance lines: a branch named after a line (`3.4`, `1.x`, `release-2.1`) holding its
    // newest release, one the trunk does not hold (`3.4` holds `v3.4.38`, the trunk 3.5's).
    let mut maintenance: Vec<(String, Line, ReleaseTag)> = Vec::new();
    for name in &names {
        let Some(line) = maintenance_line(name) else {
            continue;
        };
        let of_line: Vec<&ReleaseTag> = (stable.iter().copied())
            .filter(|t| line.holds(&t.version))
            .collect();
        let newest = of_line
            .iter()
            .max_by(|a, b| a.version.cmp_precedence(&b.version));
        if let (Some(held), Some(newest)) = (greatest(name, &of_line), newest)
            && held.name == newest.name
            && !trunk_holds(&held)
        {
            maintenance.push(((*name).clone(), line, held));
        }
    }
    // The pre-release lines: a branch named after the first identifier of the tags it holds
    // (semantic-release's `beta`)...
    let mut ids: Vec<String> = tags
        .iter()
        .filter_map(|t| line_id(&t.version))
        .map(str::to_owned)
        .collect();
    ids.sort();
    ids.dedup();
    let mut channels: Vec<(String, ReleaseTag)> = Vec::new();
    for id in ids.iter().filter(|id| names.contains(id)) {
        let of_line: Vec<&ReleaseTag> = (tags.iter().copied())
            .filter(|t| line_id(&t.version) == Some(id.as_str()))
            .collect();
        if let Some(t) = greatest(id, &of_line) {
            channels.push((id.clone(), t));
        }
    }
    // ...and, whatever its name, the one branch holding the newest pre-release of a version
    // not released yet that the trunk does not hold (Vue's `minor` for `v3.6.0-rc.5`).
    let newest_stable = (stable.iter()).max_by(|a, b| a.version.cmp_precedence(&b.version));
    let unreleased = |t: &&ReleaseTag| {
        !t.version.pre.is_empty()
            && newest_stable.is_none_or(|s| core(&t.version) > core(&s.version))
    };
    let mut cores: Vec<(u64, u64, u64)> = (tags.iter().copied())
        .filter(unreleased)
        .map(|t| core(&t.version))
        .collect();
    cores.sort();
    cores.dedup();
    for c in cores.into_iter().rev() {
        let newest = (tags.iter().copied())
            .filter(|t| unreleased(t) && core(&t.version) == c)
            .max_by(|a, b| a.version.cmp_precedence(&b.version));
        let Some(newest) = newest.filter(|t| !trunk_holds(t)) else {
            continue;
        };
        let covered = |n: &str| {
            maintenance.iter().any(|(m, _, _)| m == n) || channels.iter().any(|(m, _)| m == n)
        };
        if (channels.iter()).any(|(_, t)| core(&t.version) == c) {
            continue;
        }
        let holders: Vec<&String> = (names.iter().copied())
            .filter(|n| tips(n).iter().any(|&tip| repo.reaches(tip, newest.commit)))
            .collect();
        if let Some(name) = alone(&holders).filter(|n| !covered(n)) {
            channels.push((name.clone(), newest.clone()));
        }
    }
    if maintenance.is_empty() && channels.is_empty() {
        return None;
    }
    let mut proposed = vec![trunk.clone()];
    proposed.extend(maintenance.iter().map(|(n, _, _)| n.clone()));
    // A line named by a word is a channel; one numbered only (`v3.0.0-1`) stays a branch.
    let (named, numbered): (Vec<_>, Vec<_>) =
        (channels.iter()).partition(|(_, t)| line_id(&t.version).is_some());
    proposed.extend(numbered.iter().map(|(n, _)| n.clone()));
    let ids: Vec<(String, String)> = (named.iter())
        .filter_map(|(n, t)| Some((n.clone(), line_id(&t.version)?.to_owned())))
        .collect();
    let listed: Vec<String> = (proposed.iter())
        .map(|n| crate::config::toml_text::string(n))
        .collect();
    let mut held = vec![format!(
        "{trunk} holds the stable releases (`{}`)",
        trunk_tag.name
    )];
    for (name, line, t) in &maintenance {
        held.push(format!(
            "{name} the {line} releases the trunk does not hold (`{}`)",
            t.name
        ));
    }
    for (name, t) in &channels {
        // Named by its identifier where the branch is (`beta`), else by its version.
        let line = match line_id(&t.version) {
            Some(id) if id == name => id.to_owned(),
            _ => core_text(&t.version),
        };
        held.push(format!("{name} the {line} pre-releases (`{}`)", t.name));
    }
    let set: Vec<String> = (ids.iter())
        .map(|(name, id)| {
            let setting = crate::config::Channel {
                branch: name.clone(),
                id: id.clone(),
            };
            format!(" `{}`", setting.setting())
        })
        .collect();
    let channels_set = match set.is_empty() {
        true => String::new(),
        false => format!(" and `[release.channels]`{}", set.join(",")),
    };
    let mut sentence = format!(
        "set `[release] branches = [{}]`{channels_set}: the release tags show releases made there: {}",
        listed.join(", "),
        held.join(", ")
    );
    // The newest line's branch and identifier in the example.
    let newest = (named.iter())
        .filter_map(|(name, t)| Some((name, t, line_id(&t.version)?)))
        .max_by(|a, b| a.1.version.cmp_precedence(&b.1.version));
    if let Some((name, _, id)) = newest {
        sentence.push_str(&format!(
            "; on {name}, `relhook release` makes the next {id} pre-release (a stable one only with `--allow-stable`)"
        ));
    }
    Some(Proposed {
        branches: proposed,
        channels: ids,
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

/// A version's `major.minor.patch`, which orders the lines.
fn core(version: &semver::Version) -> (u64, u64, u64) {
    (version.major, version.minor, version.patch)
}

/// `3.6.0` for `3.6.0-rc.5`.
fn core_text(version: &semver::Version) -> String {
    let (major, minor, patch) = core(version);
    format!("{major}.{minor}.{patch}")
}

/// The one branch of `holders` (those holding a pre-release): the only one, or else the only
/// one whose name has no `/`, as topic branches cut from it have (`feat/x`, `renovate/x`).
fn alone<'a>(holders: &[&'a String]) -> Option<&'a String> {
    match holders {
        [one] => Some(one),
        _ => match holders
            .iter()
            .filter(|n| !n.contains('/'))
            .collect::<Vec<_>>()[..]
        {
            [one] => Some(one),
            _ => None,
        },
    }
}

/// The releases a maintenance branch's name says it carries: a major (`1.x`) or a minor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    major: u64,
    minor: Option<u64>,
}

impl std::fmt::Display for Line {
    /// `1.x`, `3.4.x`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.minor {
            Some(minor) => write!(f, "{}.{minor}.x", self.major),
            None => write!(f, "{}.x", self.major),
        }
    }
}

impl Line {
    fn holds(self, version: &semver::Version) -> bool {
        version.major == self.major && self.minor.is_none_or(|m| version.minor == m)
    }
}

/// The line `name` reads as: `1.x`, `v2.x`, `1.2.x`, `3.4`, `v3.4`, each also after
/// `release-` or `release/` (`release-2.1`); `None` for any other name.
fn maintenance_line(name: &str) -> Option<Line> {
    let name = ["release-", "release/"]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    let name = name.strip_prefix('v').unwrap_or(name);
    let number = |p: &str| {
        (!p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    };
    let parts: Vec<&str> = name.split('.').collect();
    match parts[..] {
        [major, "x"] => Some(Line {
            major: number(major)?,
            minor: None,
        }),
        [major, minor] | [major, minor, "x"] => Some(Line {
            major: number(major)?,
            minor: Some(number(minor)?),
        }),
        _ => None,
    }
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
        let line = |major, minor| Some(Line { major, minor });
        for (yes, want) in [
            ("1.x", line(1, None)),
            ("v2.x", line(2, None)),
            ("1.2.x", line(1, Some(2))),
            ("3.4", line(3, Some(4))),
            ("v3.4", line(3, Some(4))),
            ("release-2.1", line(2, Some(1))),
            ("release/2.1.x", line(2, Some(1))),
        ] {
            assert_eq!(maintenance_line(yes), want, "{yes}");
        }
        for no in [
            "x", ".x", "1.2.3.x", "main", "1.x.y", "a.x", "3", "1.2.3", "3.", "release-", "vv1.x",
        ] {
            assert_eq!(maintenance_line(no), None, "{no}");
        }
        assert!(line(3, Some(4)).unwrap().holds(&v("3.4.38")));
        assert!(!line(3, Some(4)).unwrap().holds(&v("3.5.0")));
        assert!(line(1, None).unwrap().holds(&v("1.9.3")));
    }
}
