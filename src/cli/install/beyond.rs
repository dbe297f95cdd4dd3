//! What an uninstall here would take out of more than this clone, which it does only when told
//! `--shared`: relhook's hooks in a directory the global or system git config makes every
//! repository's on this machine, and relhook's shims or calls in files the team committed (a
//! tracked hooks directory, husky's `.husky/<hook>`, lefthook's configuration). Either is
//! checked before anything is removed, so a refused uninstall changes nothing.

use crate::Error;
use crate::git::{HooksLocation, HooksPathSetting};
use crate::hooks::install::{Detected, Manager};
use crate::hooks::managed;
use crate::shellword::quote;

/// What of relhook's an uninstall here takes out of more than this clone.
pub(super) enum Beyond {
    /// relhook's hooks in the directory `core.hooksPath` in the global or system config names:
    /// every repository on this machine runs them.
    Machine(HooksPathSetting),
    /// The team's committed files.
    Team(Team),
}

/// relhook's parts in files this repository tracks, committed as the team shares them.
pub(super) struct Team {
    /// The tracked hooks directory `core.hooksPath` names (from the top) and relhook's files
    /// there, committed as they are.
    hooks: Option<(String, Vec<String>)>,
    /// The hook managers' files whose committed version calls relhook.
    calls: Vec<String>,
    /// lefthook's configuration among them.
    lefthook: Option<String>,
    /// husky's runners relhook's shims stand over since `relhook install --force` (this
    /// clone's, which a plain install puts back).
    forced: Vec<String>,
}

/// What an uninstall here would take out of more than this clone; None when it is this
/// clone's alone.
pub(super) fn beyond(loc: &HooksLocation, managers: &[Detected]) -> Option<Beyond> {
    if let Some(s) = loc
        .hooks_path
        .as_ref()
        .filter(|s| matches!(s.scope.as_str(), "global" | "system"))
        && !crate::hooks::uninstall::touched(&loc.hooks_dir).is_empty()
    {
        return Some(Beyond::Machine(s.clone()));
    }
    let hooks = committed_hooks(loc);
    let calls = managed::committed_calls(loc, managers);
    let lefthook = managers
        .iter()
        .find(|m| m.manager == Manager::Lefthook)
        .map(|m| m.evidence.to_string_lossy().replace('\\', "/"))
        .filter(|file| calls.contains(file));
    let forced = managed::forced_runners(loc, managers)
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    (hooks.is_some() || !calls.is_empty()).then_some(Beyond::Team(Team {
        hooks,
        calls,
        lefthook,
        forced,
    }))
}

/// The hooks directory this repository tracks (from the top) and relhook's files there that
/// HEAD holds as relhook's (its shims, the hooks it kept aside): the team's, which uninstall
/// would change for everyone, edited in this clone or not ([`HooksLocation::committed_holds`]).
fn committed_hooks(loc: &HooksLocation) -> Option<(String, Vec<String>)> {
    let dir = loc.hooks_in_work_tree().filter(|d| d.tracked)?;
    let committed: Vec<String> = crate::hooks::uninstall::touched(&loc.hooks_dir)
        .iter()
        .filter_map(|p| {
            let name = super::name_of(p);
            let rel = match dir.rel.as_str() {
                "." => name.clone(),
                rel => format!("{rel}/{name}"),
            };
            // A hook kept aside is install's own file, whatever it holds; a shim's committed
            // version must be relhook's shim (not the team's hook it replaced here).
            let aside = name.ends_with(crate::hooks::BACKUP_SUFFIX);
            loc.committed_holds(&rel, |text| {
                aside || crate::hooks::recognise(text.as_bytes()).is_some()
            })
            .then_some(rel)
        })
        .collect();
    (!committed.is_empty()).then_some((dir.rel, committed))
}

impl Beyond {
    /// uninstall refused, in one line: what it would change for whom, this clone's (or this
    /// repository's) own way, and the command that does it for everyone on purpose.
    pub(super) fn refusal(&self, loc: &HooksLocation) -> Error {
        match self {
            Beyond::Machine(s) => Error::Usage(format!(
                "not uninstalled: core.hooksPath = {} in your {} git config makes git run hooks from {dir} for every repository on this machine, so taking relhook's hooks out of it would stop relhook in all of them. For this repository only: `git config core.hooksPath {}` (git then runs this repository's hooks from there, not from {dir}), then `relhook uninstall` takes out the rest; for every repository, on purpose: `relhook uninstall --shared`",
                s.value,
                s.scope,
                quote(&loc.default_hooks_dir().display().to_string()),
                dir = loc.hooks_dir.display(),
            )),
            Beyond::Team(t) => t.refusal(loc),
        }
    }

    /// What `--shared` did beyond this clone, in one line.
    pub(super) fn note(&self, loc: &HooksLocation) -> String {
        match self {
            Beyond::Machine(s) => format!(
                "note: uninstall --shared took relhook's hooks out of {}, which core.hooksPath = {} in your {} git config makes every repository on this machine run: none of them runs relhook's hooks now",
                loc.hooks_dir.display(),
                s.value,
                s.scope
            ),
            Beyond::Team(t) => t.note(loc),
        }
    }
}

impl Team {
    /// Every tracked file relhook's uninstall changes.
    fn files(&self) -> Vec<&str> {
        let shims = self.hooks.iter().flat_map(|(_, f)| f);
        shims.chain(&self.calls).map(String::as_str).collect()
    }

    /// What to `git add -A` for the team's commit: the hooks directory, the managers' files,
    /// named from the top (the command may be pasted in a folder below it).
    fn to_commit(&self) -> Vec<String> {
        let dir = self.hooks.iter().map(|(dir, _)| dir);
        let top = |p: &String| crate::shellword::from_top(std::path::Path::new(p));
        dir.chain(&self.calls).map(top).collect()
    }

    fn refusal(&self, loc: &HooksLocation) -> Error {
        let mut what = Vec::new();
        let mut this_clone = Vec::new();
        if let Some((dir, files)) = &self.hooks {
            let (value, scope) = loc
                .hooks_path
                .as_ref()
                .map_or(("", "local"), |s| (s.value.as_str(), s.scope.as_str()));
            what.push(format!(
                "relhook's hooks in {dir} ({}) are committed, and this repository tracks them (core.hooksPath = {value})",
                files.join(", ")
            ));
            let unset = match scope {
                "local" => "git config --unset core.hooksPath".to_owned(),
                scope => format!("git config --{scope} --unset core.hooksPath"),
            };
            this_clone.push(format!(
                "`{unset}` (git then runs no hook of {dir} here, the team's own included; or RELHOOK_SKIP=1 for one command)"
            ));
        }
        if !self.calls.is_empty() {
            what.push(format!(
                "relhook's calls in {} are committed, and this repository tracks them",
                self.calls.join(", ")
            ));
            if self.hooks.is_none() {
                this_clone.push("RELHOOK_SKIP=1 skips relhook for one command".to_owned());
            }
            if let Some(file) = &self.lefthook {
                this_clone.push(format!(
                    "skip the `relhook` commands in {} (lefthook's `skip` option)",
                    local_lefthook(file)
                ));
            }
        }
        // relhook's shims over husky's runners are this clone's, and named: left by a refused
        // uninstall, they would read as relhook's leftovers.
        let forced = match self.forced.as_slice() {
            [] => String::new(),
            runners => format!(
                ". In this clone `relhook install --force` wrote relhook's own shims over husky's runners ({}): `relhook install` puts those back",
                runners.join(", ")
            ),
        };
        Error::Usage(format!(
            "not uninstalled: {}: taking them out here would change the team's files, and committed, remove relhook for the whole team. For this clone only: {}; for the whole team, on purpose: `relhook uninstall --shared`, then commit {}{forced}",
            what.join("; "),
            this_clone.join(", or "),
            self.to_commit().join(" and ")
        ))
    }

    fn note(&self, loc: &HooksLocation) -> String {
        let kept: Vec<&str> = [".relconfig.toml", ".gitattributes"]
            .into_iter()
            .filter(|f| loc.work_tree.join(f).exists())
            .collect();
        let kept = match kept.as_slice() {
            [] => String::new(),
            [name] => format!(" ({name} left as it is)"),
            names => format!(" ({} left as they are)", names.join(" and ")),
        };
        format!(
            "note: uninstall --shared changed the team's files, which this repository tracks ({}): commit that (`git add -A {}`, then `git commit`), and no clone of the team runs relhook's hooks any more; until then `git status` shows the change{kept}",
            self.files().join(", "),
            self.to_commit().join(" ")
        )
    }
}

/// lefthook's per-clone file beside `config` (`lefthook.yml` → `lefthook-local.yml`), which
/// lefthook reads over it and teams keep out of the repository.
fn local_lefthook(config: &str) -> String {
    match config.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem}-local.{ext}"),
        _ => "lefthook-local.yml".to_owned(),
    }
}
