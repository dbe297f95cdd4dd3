//! Monorepo commands: `relhook version --all`, and the `[packages.*]` tables `relhook init`
//! proposes. Per-package work itself goes through `history::packages::view`.

use std::io::Write;
use std::path::Path;

use super::args::{Format, VersionArgs};
use super::{Outcome, json, write_out};
use crate::config::Config;
use crate::git::Repo;
use crate::history::packages;
use crate::history::version::bump::Requested;
use crate::release;
use crate::{Error, Result};

/// `relhook version --all [--next] [--explain] [--format json]`: every package, in name
/// order; a package with nothing to release says so instead of a next version.
pub(super) fn version_all(
    repo: &Repo,
    root: &Path,
    config: &Config,
    args: &VersionArgs,
) -> Result<Outcome> {
    if config.packages.is_empty() {
        return Err(Error::Usage(
            "--all is for a monorepo: .relconfig.toml has no [packages.<name>] tables (`relhook init` proposes them for a workspace)".into(),
        ));
    }
    packages::confine_all(config, root)?;
    let json = args.format == Format::Json;
    // What stderr says beside the answer, which the JSON report carries too.
    let mut told = super::told::Told::stderr();
    // `--pre rc` asks about the next versions, as `version --pre rc` does.
    let next = args.next || args.pre.is_some();
    if !next && !args.explain && !json {
        let mut lines = Vec::new();
        let mut refused = Vec::new();
        for p in &config.packages {
            let view = packages::view(config, &p.name, root)?;
            // One package's unreadable version file hides no other's: its line says so.
            match release::current_version(repo, &view, root) {
                Ok((current, _)) => lines.push(format!("{} {current}", p.name)),
                Err(Error::Refused(why)) => {
                    lines.push(format!("{} ? (its release is refused)", p.name));
                    refused.push(why);
                }
                Err(e) => return Err(e),
            }
        }
        write_out(|out| lines.iter().try_for_each(|l| writeln!(out, "{l}")))?;
        return Ok(say_refused(&mut told, &refused));
    }
    // `[release] channels`: on a channel's branch each package's next version is the
    // channel's pre-release, as `release --all` makes it there, and said once.
    let channel = (args.pre.is_none())
        .then(|| release::channel::for_version(config, repo.branch().as_deref()))
        .flatten();
    if let Some((_, line)) = &channel {
        let _ = writeln!(told, "{line}");
    }
    let pre = args.pre.clone().or(channel.as_ref().map(|c| c.0.clone()));
    // Each package's next version, or why it has none: (current, where from, why).
    let mut found = Vec::new();
    // Packages whose release is refused, as `release --all` refuses them: said, and exit 1.
    let mut refused = Vec::new();
    // The next version's tag that another line holds, by package: skipped, and said.
    let mut taken = std::collections::BTreeMap::new();
    // The refusal a package's next version meets, by package, said by `--explain` and JSON
    // as `version --package` says it (`--next` refuses the package instead).
    let mut flagged = std::collections::BTreeMap::new();
    for p in &config.packages {
        let view = packages::view(config, &p.name, root)?;
        if let Some(why) = release::packages::released_at_root(repo, config, &view, root) {
            let (current, from) = readable(release::current_version(repo, &view, root))?;
            refused.push(why.clone());
            found.push((p, view, Err((current, from, why))));
            continue;
        }
        match release::version_info(repo, &view, root, &Requested::Auto, pre.as_deref()) {
            Ok(mut info) => {
                super::version::warn_not_understood(&mut told, &info, Some(&p.name));
                // As `version --package` answers: past a tag another line already has.
                if let Some(t) = super::version_taken::skip_taken(repo, &view, &mut info) {
                    taken.insert(p.name.clone(), t);
                }
                // As `release --all` does: a release with nothing for its notes is none.
                let date = crate::date::today();
                let nothing = release::nothing_for_notes(repo, &view, root, &info, &date);
                // As `version --next` and the release: a version a Python package's release
                // refuses by PEP 440, or one below a version file (which the release never
                // writes down), is refused, with the version it advises.
                let declined = nothing
                    .is_none()
                    .then(|| {
                        release::pep440::next_refused(repo, &view, root, &info.next)
                            .or_else(|| release::above_files_refused(repo, &view, root, &info.next))
                    })
                    .flatten();
                match (nothing, declined) {
                    (Some(why), _) => {
                        found.push((p, view, Err((Some(info.current), info.current_from, why))))
                    }
                    (None, Some(why)) if next => {
                        refused.push(why.clone());
                        found.push((p, view, Err((Some(info.current), info.current_from, why))));
                    }
                    (None, why) => {
                        flagged.extend(why.map(|w| (p.name.clone(), w)));
                        found.push((p, view, Ok(info)))
                    }
                }
            }
            Err(Error::Refused(why)) => {
                let (current, from) = readable(release::current_version(repo, &view, root))?;
                // A refusal other than "nothing to release" (its version files unreadable, a
                // section no tag names) is said, and fails the answer, as `release --all`'s.
                let nothing = matches!(
                    why.reason,
                    crate::error::Reason::NothingToRelease
                        | crate::error::Reason::NothingForChangelog
                );
                if current.is_none() || !nothing {
                    refused.push(why.clone());
                }
                found.push((p, view, Err((current, from, why))));
            }
            Err(e) => return Err(e),
        }
    }
    // As `release --all` plans them: packages with nothing of their own whose requirement on
    // a released one moves get a patch release (its preview must not leave them out).
    let due = if next || args.explain || json {
        dependents_due(repo, config, root, pre, &mut refused)
    } else {
        Default::default()
    };
    if json {
        let packages = found
            .iter()
            .map(|(p, view, result)| match result {
                Ok(info) => {
                    let mut doc = json::VersionReport::new(info, view);
                    doc.package = Some(&p.name);
                    doc.taken = taken.get(&p.name).map(|t| t.tag.clone());
                    doc.refused = flagged.get(&p.name).map(json::RefusedNext::new);
                    doc.channel = channel.as_ref().map(|c| c.0.clone());
                    json::PackageVersion::Next(doc)
                }
                Err((current, from, why)) => {
                    let due = due.get(&p.name);
                    json::PackageVersion::Nothing(json::NothingToRelease {
                        package: &p.name,
                        current: shown(current),
                        current_from: from,
                        next: due.map(|(v, _)| v.to_string()),
                        reason: due.map_or_else(|| why.to_string(), |(_, w)| w.clone()),
                    })
                }
            })
            .collect();
        say_taken(&mut told, &found, &taken);
        let outcome = say_refused(&mut told, &refused);
        let told = told.lines();
        json::print(&json::PackagesVersionReport {
            schema_version: json::SCHEMA_VERSION,
            packages,
            notes: told.notes,
            warnings: told.warnings,
        })?;
        return Ok(outcome);
    }
    let mut text: Vec<u8> = Vec::new();
    for (p, view, result) in &found {
        match result {
            Ok(info) => {
                if flagged.contains_key(&p.name) {
                    // Never shown as a version to come: its release refuses it (said below).
                    let _ = writeln!(text, "{} {} (its release is refused)", p.name, info.current);
                } else if info.tag.is_none() && info.current == info.next {
                    // Never released: the first release is the version its files hold.
                    let _ = writeln!(text, "{} {} (first release)", p.name, info.next);
                } else {
                    let _ = writeln!(text, "{} {} -> {}", p.name, info.current, info.next);
                }
                if args.explain {
                    let skipped = taken.get(&p.name);
                    let command = view.release_command();
                    let declined = (flagged.get(&p.name), command.as_str());
                    let _ = super::version::explain(&mut text, info, args, skipped, declined);
                    let _ = writeln!(text);
                }
            }
            Err((current, _, why)) if refused.contains(why) => {
                let _ = writeln!(
                    text,
                    "{} {} (its release is refused)",
                    p.name,
                    shown(current)
                );
            }
            Err((current, _, _)) if due.contains_key(&p.name) => {
                let (next, why) = &due[&p.name];
                // Never released: its first release is the version its files hold already.
                if current.as_ref() == Some(next) {
                    let _ = writeln!(text, "{} {next} (first release; {why})", p.name);
                } else {
                    let _ = writeln!(text, "{} {} -> {next} ({why})", p.name, shown(current));
                }
            }
            Err((current, _, why)) => {
                let _ = writeln!(text, "{} {} (nothing to release)", p.name, shown(current));
                if args.explain {
                    let _ = writeln!(text, "{why}\n");
                }
            }
        }
    }
    write_out(|out| out.write_all(&text))?;
    say_taken(&mut told, &found, &taken);
    Ok(say_refused(&mut told, &refused))
}

/// A package's current version and where it was read, `None` when its version files cannot
/// be read (the refusal its release gives says why).
fn readable(
    current: Result<(semver::Version, String)>,
) -> Result<(Option<semver::Version>, String)> {
    match current {
        Ok((v, from)) => Ok((Some(v), from)),
        Err(Error::Refused(r)) => Ok((None, r.what)),
        Err(e) => Err(e),
    }
}

/// A current version as the overview shows it: `?` when it cannot be read.
fn shown(current: &Option<semver::Version>) -> String {
    current
        .as_ref()
        .map_or_else(|| "?".to_owned(), ToString::to_string)
}

/// The packages `release --all` would release only because a requirement of theirs on a
/// released package moves (`pre`: the pre-release identifier asked, or the channel's), with
/// that version and why; empty when the release would be
/// refused (its preview then says what each package's own commits call for). A refusal over
/// a requirement (a stable release on a sibling's pre-release) is no package's own: added to
/// `refused`, as `release --all` would say it.
fn dependents_due(
    repo: &Repo,
    config: &Config,
    root: &Path,
    pre: Option<String>,
    refused: &mut Vec<crate::error::Refusal>,
) -> std::collections::BTreeMap<String, (semver::Version, String)> {
    let opts = release::Options::preview(Requested::Auto, pre);
    let all = release::packages::Selection::All;
    let plan = match release::packages::plan(repo, config, root, &all, &opts) {
        Ok((plan, _)) => plan,
        Err(Error::Refused(r)) if r.reason == crate::error::Reason::Dependent => {
            if !refused.contains(&r) {
                refused.push(r);
            }
            return Default::default();
        }
        Err(_) => return Default::default(),
    };
    // A package with commits of its own is answered by them; one without (never released
    // too: a first release whose files hold the version already) by its dependencies.
    plan.packages
        .into_iter()
        .filter(|p| p.info.is_none() || !p.because.is_empty())
        .map(|p| {
            // A shorthand kept as written (`workspace:*`) changes no requirement: what it
            // publishes moves.
            let (kept, moved): (Vec<_>, Vec<_>) =
                p.because.iter().partition(|c| c.published.is_some());
            let mut on: Vec<&str> = moved.iter().map(|c| c.dependency.as_str()).collect();
            on.dedup();
            let mut publishes: Vec<String> = (kept.iter())
                .map(|c| format!("{} {}", c.dependency, c.version))
                .collect();
            publishes.dedup();
            let why = match (on.is_empty(), publishes.is_empty()) {
                (false, true) => format!("a dependency's requirement changed: {}", on.join(", ")),
                (true, false) => {
                    format!("a dependency it publishes moved: {}", publishes.join(", "))
                }
                _ => format!(
                    "a dependency's requirement changed: {}; a dependency it publishes moved: {}",
                    on.join(", "),
                    publishes.join(", ")
                ),
            };
            (p.name, (p.version, why))
        })
        .collect()
}

/// The packages whose next version's tag was taken, each said as `version --package` says it.
fn say_taken<P, E>(
    err: &mut dyn Write,
    found: &[(P, crate::config::Config, Result<release::VersionInfo, E>)],
    taken: &std::collections::BTreeMap<String, super::version_taken::Taken>,
) {
    for (_, view, result) in found {
        let name = view.package.as_ref().map(|p| &p.name);
        if let (Ok(info), Some(t)) = (result, name.and_then(|n| taken.get(n))) {
            super::version_taken::say_taken(err, view, t, &info.next);
        }
    }
}

/// Says why each of the `refused` packages' release is refused (one line each, with its fix,
/// as `relhook release --all` says it): then the answer fails, as that release does.
fn say_refused(err: &mut dyn Write, refused: &[crate::error::Refusal]) -> Outcome {
    for why in refused {
        let _ = writeln!(err, "relhook: release refused: {why}");
    }
    if refused.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Failed
    }
}
