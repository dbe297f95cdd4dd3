//! Which packages a monorepo release takes, each with its version: those named
//! (`--package a --package b`), or for `--all` those with something to release (the others,
//! with nothing to release, skipped, with why). A release is refused with every package
//! refused named, not only the first (a reverted release commit of two packages refuses both,
//! and each has its own tag to delete), each with its own way on. `--all` is refused as
//! `--package` is, all or nothing: a package with something to release that cannot be
//! released as asked (a channel's pre-release below another line's, `2.0.0-beta.1` after
//! `2.0.0-rc.1`) is not left out of a release that then looks complete; the refusal names the
//! release of the others too.

use std::collections::BTreeMap;
use std::path::Path;

use super::{PackagePlan, Selection, Skipped, package_plan};
use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::packages;
use crate::release::Options;
use crate::{Error, Result};

/// The packages `selection` takes, planned at their next versions, and those `--all` skips.
pub(super) fn choose(
    repo: &Repo,
    config: &Config,
    root: &Path,
    selection: &Selection,
    opts: &Options,
) -> Result<(BTreeMap<String, PackagePlan>, Skipped)> {
    let names: Vec<String> = match selection {
        Selection::Named(n) => {
            for name in n {
                packages::find(config, name)?;
            }
            n.clone()
        }
        Selection::All => config.packages.iter().map(|p| p.name.clone()).collect(),
    };
    let mut chosen: BTreeMap<String, PackagePlan> = BTreeMap::new();
    let mut skipped = Skipped::new();
    let mut refused = Vec::new();
    // The packages skipped as none of their commits touch them: said together.
    let mut untouched = Vec::new();
    for name in &names {
        let view = packages::view(config, name, root)?;
        let info = match crate::release::package_version_info(repo, &view, root, opts, selection) {
            Ok(info) => info,
            Err(Error::Refused(why)) if nothing_to(&why) => {
                // Nothing of its own, but what its last release published requires a version
                // a sibling's hand tag has left: released as a dependent, as the hook said.
                if let Some(plan) = republished(repo, config, root, name)? {
                    chosen.insert(name.clone(), plan);
                    continue;
                }
                if *selection != Selection::All {
                    refused.push((name.clone(), why));
                    continue;
                }
                let path = view.package.as_ref().map(|p| p.path.to_string_lossy());
                let path = path.map(|p| crate::printable::visible(&p));
                if path.is_some_and(|p| why.fix == Some(crate::release::untouched_fix(&p))) {
                    untouched.push(name.clone());
                }
                skipped.push((name.clone(), why.to_string()));
                continue;
            }
            Err(Error::Refused(r)) => {
                refused.push((name.clone(), r));
                continue;
            }
            Err(e) => return Err(e),
        };
        let version = info.next.clone();
        chosen.insert(
            name.clone(),
            package_plan(name, view, info.current.clone(), version, Some(info)),
        );
    }
    if let Some(mut r) = each(refused) {
        if *selection == Selection::All {
            if let Some(them) = the_others(repo, (config, root), &chosen, opts) {
                r.fix = Some(match r.fix.take() {
                    Some(fix) => format!("{fix}; {them}"),
                    None => them,
                });
            }
        }
        return Err(Error::Refused(r));
    }
    if chosen.is_empty() {
        return Err(Error::Refused(Refusal::bare(
            Reason::NothingToRelease,
            nothing_anywhere(&skipped, &untouched),
        )));
    }
    Ok((chosen, skipped))
}

/// `name`'s release as a dependent when its last release published a workspace shorthand a
/// sibling's version has left since (`stale_shorthand`); `None` when it did not.
fn republished(
    repo: &Repo,
    config: &Config,
    root: &Path,
    name: &str,
) -> Result<Option<PackagePlan>> {
    let stale = super::stale_shorthand::stale_shorthands(repo, config, root, name)?;
    let (Some(c), Some(head)) = (stale.first(), repo.head()) else {
        return Ok(None);
    };
    let pre = super::due::identifier(&c.version);
    super::due::dependent_plan(repo, config, root, head, name, pre.as_deref()).map(Some)
}

/// Whether `why`, a package's refusal, says it has nothing to release: what `--all` leaves a
/// package out for. Any other refusal refuses `--all` as it refuses `--package`.
fn nothing_to(why: &Refusal) -> bool {
    matches!(
        why.reason,
        Reason::NothingToRelease | Reason::NothingForChangelog
    )
}

/// The release of the packages `--all` could release (`chosen`) without those refused, when
/// it is made as planned (it may bring a refused package along, as a dependent: then none is
/// named): `` `relhook release --package b` releases the others (b) ``.
fn the_others(
    repo: &Repo,
    (config, root): (&Config, &Path),
    chosen: &BTreeMap<String, PackagePlan>,
    opts: &Options,
) -> Option<String> {
    if chosen.is_empty() {
        return None;
    }
    let others: Vec<String> = chosen.keys().cloned().collect();
    let named = Selection::Named(others.clone());
    super::plan(repo, config, root, &named, opts).ok()?;
    let others: Vec<&str> = others.iter().map(String::as_str).collect();
    let release = crate::resume_advice::release_of_packages(&others, &asked(opts));
    Some(format!(
        "`{release}` releases the others ({})",
        others.join(", ")
    ))
}

/// What the release asked for besides its packages and the flags advice repeats, each word
/// with a space before it (` 2.0.0 --pre rc --allow-stable`): the others' release makes what
/// this one would have. The channel's own pre-release is left out: its branch makes it as is.
fn asked(opts: &Options) -> String {
    use crate::history::version::bump::{Level, Requested};
    let mut asked = match &opts.requested {
        Requested::Auto => String::new(),
        Requested::Level(Level::Major) => " major".to_owned(),
        Requested::Level(Level::Minor) => " minor".to_owned(),
        Requested::Level(Level::Patch) => " patch".to_owned(),
        Requested::Exact(v) => format!(" {v}"),
    };
    let own =
        |pre: &String| (opts.channel.as_ref()).is_some_and(|u| !u.departs && u.channel.id == *pre);
    if let Some(pre) = opts.pre.as_ref().filter(|p| !own(p)) {
        asked.push_str(&format!(" --pre {}", crate::shellword::quote(pre)));
    }
    if opts.allow_stable {
        asked.push_str(" --allow-stable");
    }
    asked
}

/// How many packages a grouped line names before "and N more".
const NAMED: usize = 3;

/// Why `--all` has nothing to release: that first, then each reason once, the packages
/// none of whose commits since their tag touch them in one line (in changesets' clone, 17 of
/// 20), every other package with its own reason.
fn nothing_anywhere(skipped: &Skipped, untouched: &[String]) -> String {
    let mut lines = vec!["nothing to release in any package".to_owned()];
    if untouched.len() > 1 {
        let more = match untouched.len().saturating_sub(NAMED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        lines.push(format!(
            "{} packages have nothing to release, as no commit since their last tag touches their folder: {}{more}; a `feat:` or `fix:` commit that touches a package's folder makes one",
            untouched.len(),
            untouched[..untouched.len().min(NAMED)].join(", ")
        ));
    }
    let alone = |n: &String| untouched.len() < 2 || !untouched.contains(n);
    for (n, why) in skipped.iter().filter(|(n, _)| alone(n)) {
        lines.push(format!("{n}: {why}"));
    }
    format!("{}: {}", lines[0], lines[1..].join("; "))
}

/// The one refusal for `refused` (each package's, in the order named), which keeps them, each
/// with its own fix, for `--format json`: a single one keeps its fix; several are said one
/// after the other, each with its own. Where each names its own,
/// the last one's is the refusal's fix: the release's generic way past (`relhook release
/// --package a --package b` again, for a version relhook chose) would name the very command
/// refused.
fn each(refused: Vec<(String, Refusal)>) -> Option<Refusal> {
    let reason = refused.first()?.1.reason;
    if let [(name, r)] = &refused[..] {
        return Some(Refusal {
            what: format!("{name}: {}", r.what),
            packages: refused.clone(),
            ..r.clone()
        });
    }
    let (last, before) = refused.split_last()?;
    match &last.1.fix {
        Some(fix) if before.iter().all(|(_, r)| r.fix.is_some()) => {
            let mut said: Vec<String> = before.iter().map(|(n, r)| format!("{n}: {r}")).collect();
            said.push(format!("{}: {}", last.0, last.1.what));
            Some(Refusal {
                reason,
                what: said.join("; "),
                fix: Some(fix.clone()),
                packages: refused.clone(),
            })
        }
        _ => {
            let said: Vec<String> = refused.iter().map(|(n, r)| format!("{n}: {r}")).collect();
            Some(Refusal {
                packages: refused.clone(),
                ..Refusal::bare(reason, said.join("; "))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refused_package_is_named() {
        let r = |what: &str, fix: &str| Refusal::new(Reason::Changelog, what, fix);
        assert_eq!(each(Vec::new()), None);
        let one = each(vec![("a".into(), r("gone", "fix a"))]).unwrap();
        assert_eq!(
            (one.what.as_str(), one.fix.as_deref()),
            ("a: gone", Some("fix a"))
        );
        let two = each(vec![
            ("a".into(), r("gone", "fix a")),
            ("b".into(), r("gone too", "fix b")),
        ])
        .unwrap();
        assert_eq!(two.to_string(), "a: gone; fix a; b: gone too; fix b");
        assert_eq!(two.reason, Reason::Changelog);
        // Each with its own fix: the refusal has one, so no generic way is added.
        assert_eq!(two.fix.as_deref(), Some("fix b"));
        let bare = Refusal::bare(Reason::Changelog, "gone too");
        let three = each(vec![("a".into(), r("gone", "fix a")), ("b".into(), bare)]).unwrap();
        assert_eq!(
            (three.to_string().as_str(), three.fix),
            ("a: gone; fix a; b: gone too", None)
        );
    }
}
