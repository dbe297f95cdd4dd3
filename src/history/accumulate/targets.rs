//! Which changelogs one commit's entry goes to (each package it belongs to, and the root
//! changelog when it is the root project's: `packages::roots`), and the line said when a
//! monorepo's root changelog is missing.

use std::path::{Path, PathBuf};

use git2::Oid;

use super::Accumulated;
use crate::Result;
use crate::config::Config;
use crate::git::{Reach, ReflogTop, Repo};
use crate::history::changelog::entry::NewEntry;

/// A changelog the commit's entry goes to, with the entries of the commit before and after
/// an amend that belong there.
pub(super) struct Target {
    pub(super) path: PathBuf,
    pub(super) old: Option<NewEntry>,
    pub(super) new: Option<NewEntry>,
    /// Whether a missing file is created (the root changelog of a monorepo is not).
    pub(super) create: bool,
    /// Why an amend takes the entry out of here while its message still calls for one: the
    /// commit's files moved to another package (or out of every package), said so.
    pub(super) moved: Option<String>,
}

/// The changelogs to edit: `changelog.path` without packages; else each package the commit
/// (or, for an amend, the commit it replaces) belongs to, and the root changelog for a commit
/// of the root project (of no package, or changing root files too). `Err`: a package that
/// cannot be used, said as a refusal.
pub(super) fn targets(
    repo: &Repo,
    config: &Config,
    top: &ReflogTop,
    amend: bool,
    (old_entry, new_entry): (Option<NewEntry>, Option<NewEntry>),
) -> Result<std::result::Result<Vec<Target>, Accumulated>> {
    if config.packages.is_empty() {
        return Ok(Ok(vec![Target {
            path: config.changelog.path.clone(),
            old: old_entry,
            new: new_entry,
            create: true,
            moved: None,
        }]));
    }
    use crate::history::packages::attribute;
    let message = |id: Oid| repo.commit_text(id).unwrap_or_default();
    let now = attribute(repo, config, top.new, &message(top.new))?;
    let before = if amend {
        Some(attribute(repo, config, top.old, &message(top.old))?)
    } else {
        None
    };
    let root = repo.work_tree();
    let mut out = Vec::new();
    let new_message = message(top.new);
    let (mut any_new, mut scoped) = (false, false);
    // Whose the commit's files are, after an amend and before it (for `moved`).
    let (mut owners_now, mut owners_before) = (Vec::new(), Vec::new());
    for p in &config.packages {
        let mut is_new = now.packages.contains(&p);
        let was = before.as_ref().is_some_and(|b| b.packages.contains(&p));
        // An amend carries the entry the commit it replaces got: a package whose only change
        // is then its own changelog is no longer touched (its entry moves out).
        if amend && is_new && !crate::history::packages::names_scope(p, &new_message) {
            let changed = repo.changed_paths(top.new, &[p.path.as_path()])?;
            is_new = changed.iter().any(|c| *c != p.changelog);
        }
        any_new |= is_new;
        scoped |= crate::history::packages::names_scope(p, &new_message);
        if is_new {
            owners_now.push(format!("package {}'s", p.name));
        }
        if was {
            owners_before.push(format!("package {}'s", p.name));
        }
        if !is_new && !was {
            continue;
        }
        if let Some(root) = &root
            && let Err(e) = crate::history::packages::confine(p, root)
        {
            return Ok(Err(Accumulated::Refused(format!("no entry added: {e}"))));
        }
        out.push(Target {
            path: p.changelog.clone(),
            old: old_entry.clone().filter(|_| was),
            new: new_entry.clone().filter(|_| is_new),
            create: true,
            moved: None,
        });
    }
    // The amend's recount above may leave no package: the rule is asked again with it.
    // Root files count only when they are the root project's own (`roots::changes_code`).
    let outside = now.code && any_new;
    let root_now = crate::history::packages::roots::is_roots(scoped, any_new, outside);
    // A commit of no package, while a package cannot be used (its folder gone, or outside the
    // work tree): whether the commit is that package's cannot be told, so it is said.
    if !any_new
        && new_entry.is_some()
        && let Some(root) = &root
        && let Err(e) = crate::history::packages::confine_all(config, root)
    {
        return Ok(Err(Accumulated::Refused(format!(
            "no entry added: {e} (`relhook doctor` says how to fix it)"
        ))));
    }
    let root_before = before.as_ref().is_some_and(|b| b.root);
    let root = config.changelog.path.display();
    if root_now && !any_new {
        owners_now.push(format!("the repository's, whose changelog {root}"));
    } else {
        if root_now {
            owners_now.push("the repository's".into());
        }
        if let [one] = owners_now.as_mut_slice() {
            one.push_str(", whose changelog");
        } else {
            owners_now.push("whose changelogs".into());
        }
    }
    if root_before {
        owners_before.push("the repository's".into());
    }
    // Only the owners the commit lost are named as lost (a root file amended out of a
    // commit of the root's and a package's leaves the package's).
    let gone: Vec<&String> = owners_before
        .iter()
        .filter(|o| !owners_now.iter().any(|n| n.starts_with(o.as_str())))
        .collect();
    let lost = match gone.as_slice() {
        [] => owners_before.join(", "),
        some => some
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let moved = format!(
        "the commit's files are no longer {lost} but {} {} its entry now",
        owners_now.join(", "),
        if owners_now.len() == 1 { "has" } else { "have" }
    );
    if root_now || root_before {
        out.push(Target {
            path: config.changelog.path.clone(),
            old: old_entry.filter(|_| root_before),
            new: new_entry.clone().filter(|_| root_now),
            create: false,
            moved: None,
        });
    }
    // The entry leaves a changelog whose package no longer has the commit's files, unless
    // a scope the amend changed moved it (then the message did).
    let old_message = if amend {
        message(top.old)
    } else {
        String::new()
    };
    let same_scopes = config.packages.iter().all(|p| {
        crate::history::packages::names_scope(p, &old_message)
            == crate::history::packages::names_scope(p, &new_message)
    });
    for t in out
        .iter_mut()
        .filter(|t| t.old.is_some() && t.new.is_none())
    {
        t.moved = (same_scopes && new_entry.is_some()).then(|| moved.clone());
    }
    Ok(Ok(out))
}

/// The one line for a monorepo commit of the root's (`head`) whose entry has no root changelog
/// to go to (a monorepo's root changelog is never created by post-commit); `wanted`: the
/// changelogs the commit's entry goes to, the root's among them.
pub(super) fn no_root_changelog(
    (repo, config, head): (&Repo, &Config, Oid),
    path: &std::path::Path,
    wanted: &[std::path::PathBuf],
) -> String {
    let sync = crate::history::sync::changelog_command(config, path, "--sync");
    // There but never committed (`relhook init` wrote it): it exists, it only lacks a commit.
    let root = repo.work_tree();
    if root.is_some_and(|r| r.join(path).symlink_metadata().is_ok()) {
        let add = crate::shellword::from_top(path);
        return format!(
            "no entry added: {} is not committed yet; `git add {add} && git commit`, then `{sync}` adds this one",
            path.display()
        );
    }
    // The amend suggested keeps the commit's type and `!`, which decide the section and bump.
    let message = repo.commit_text(head).unwrap_or_default();
    let whose = if wanted.iter().any(|w| w != path) {
        "the commit changes the root project's files besides a package's"
    } else {
        "the commit changes no package's files"
    };
    let create = match root_kept_out(repo, config, path) {
        Some(why) => why,
        None if path == std::path::Path::new("CHANGELOG.md") => {
            "`relhook init` writes it, then `relhook changelog --sync` adds this entry".into()
        }
        None => "create it with a `## [Unreleased]` heading, then `relhook changelog --sync` adds this entry".into(),
    };
    let scoped = config.packages.iter().find(|p| !p.scopes.is_empty());
    let header = message.lines().next().map(crate::commit::parse::header);
    let package = match (scoped, header) {
        (Some(p), Some(Ok(h))) => format!(
            "; if the change is a package's, amend it with that package's scope (`git commit --amend -m \"{}({}){}: ...\"`)",
            h.ty,
            p.scopes[0],
            if h.bang { "!" } else { "" }
        ),
        (Some(p), _) => format!(
            "; if the change is a package's, amend it with that package's scope (`{}`)",
            p.scopes[0]
        ),
        (None, _) => String::new(),
    };
    format!(
        "no entry added: {whose}, and the root changelog {} does not exist: {create}{package}",
        path.display()
    )
}

/// Why `relhook init` writes no root changelog at `path` (as it says), for a root commit's
/// line: a root never released (a private package.json), or a file a commit deleted with
/// what it held (brought back, not started anew), or moved to be a package's.
fn root_kept_out(repo: &Repo, config: &Config, path: &Path) -> Option<String> {
    if let Some(why) = repo
        .work_tree()
        .and_then(|top| crate::history::packages::private_root::unreleased(&top))
    {
        return Some(format!("{why}, and relhook makes none for it"));
    }
    let gone = crate::history::sync::changelog_deleted(repo, config, path, Reach::Line)?;
    let package = config.packages.iter().find(|p| {
        matches!(&gone.kind, crate::history::sync::DeletionKind::Moved(to) if *to == p.changelog)
    });
    let sync = crate::history::sync::changelog_command(config, path, "--sync");
    Some(match package {
        Some(p) => format!(
            "{}, and its releases are package {}'s now",
            gone.what(path),
            p.name
        ),
        None => format!(
            "{}; {}, then `{sync}` adds this entry",
            gone.what(path),
            gone.restore(config, path)
        ),
    })
}

/// A package's name as the scope of a commit of no package: where its entry went, said
/// ([`scope_names_a_package`]) when the root changelog is among `targets`.
pub(super) fn scope_note(
    repo: &Repo,
    config: &Config,
    head: Oid,
    targets: &[Target],
) -> Option<String> {
    // Only for a commit that is the root's alone: one a package has too changes its files.
    let root_entry = !config.packages.is_empty()
        && targets
            .iter()
            .filter(|t| t.new.is_some())
            .all(|t| t.path == config.changelog.path)
        && targets
            .iter()
            .any(|t| t.new.is_some() && t.path == config.changelog.path);
    let message = root_entry.then(|| repo.commit_text(head).unwrap_or_default())?;
    scope_names_a_package(config, &message)
}

/// The line for a monorepo commit whose entry goes to the root changelog while its scope is a
/// package's name (or its folder's): DESIGN.md routes an entry by the paths a commit changes,
/// and by a package's `scopes` only where they are set, so `feat(api): x` changing only root
/// files is the repository's. Said, with the setting that sends such commits to the package.
fn scope_names_a_package(config: &Config, message: &str) -> Option<String> {
    let scope = crate::history::packages::scope_of(message)?;
    let (word, p) = scope.split(',').map(str::trim).find_map(|word| {
        let named = |p: &&crate::config::Package| {
            p.name == word || p.path.file_name().is_some_and(|n| n == word)
        };
        config.packages.iter().find(named).map(|p| (word, p))
    })?;
    let table = crate::config::toml_text::package_table(&p.name);
    let quoted = crate::config::toml_text::string(word);
    let setting = if p.scopes.is_empty() {
        format!("add `scopes = [{quoted}]` to {table}")
    } else {
        format!("add {quoted} to `scopes` in {table}")
    };
    Some(format!(
        "the scope `{word}` names package {}, but the commit changes nothing under {}, so its entry is the repository's (root changelog {}); to send commits of scope `{word}` to {}'s changelog, {setting} in .relconfig.toml",
        p.name,
        p.path.display(),
        config.changelog.path.display(),
        p.name
    ))
}

/// A file that stopped the commit's entries (`said`) stopped those of the other changelogs
/// it called for too: said, with the command that adds them all once the file is fixed.
pub(super) fn others_stopped(said: Accumulated, stopper: &Path, wanted: &[PathBuf]) -> Accumulated {
    let others: Vec<String> = wanted
        .iter()
        .filter(|p| p.as_path() != stopper)
        .map(|p| p.display().to_string())
        .collect();
    if others.is_empty() {
        return said;
    }
    let also = format!(
        "so {} got no entry either (a commit's entries go into all its changelogs or none): once that is fixed, `relhook changelog --sync --all` adds them",
        others.join(", ")
    );
    match said {
        Accumulated::Notice(s) => Accumulated::Notice(format!("{s}; {also}")),
        Accumulated::Refused(s) => Accumulated::Refused(format!("{s}; {also}")),
        other => other,
    }
}
