//! `doctor`: what is installed, what is stale, shadowed or missing, the configuration's state,
//! and the exact command that fixes each problem. Returns a [`Report`]; `cli` prints it.

use std::path::{Path, PathBuf};

use serde::Serialize;

mod directory;
mod driver_row;
mod hand_tags;
mod hooks;
mod location;
mod wiring;

use driver_row::driver_check;
pub use driver_row::package_needs_install;
pub use hand_tags::{TagHook, tag_hook};
pub use location::{hooks_turned_off, lost_in_other_worktrees, stranded_hooks_path};
use location::{relative_from_outside, stranded_check, turned_off_check};

use directory::{manager_files_check, relhook_files, shadowed_default_dir, work_tree_check};
use hooks::{hook_check, shim_left_by};
use wiring::wiring_check;

use super::install::detect_managers;
use super::{available, recognise};
use crate::Error;
use crate::config::Config;
use crate::git::HooksLocation;

/// The state of one thing doctor looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// All is well.
    Ok,
    /// Nothing installed where git looks.
    Missing,
    /// A relhook shim that calls a binary that is gone or not this one, or an older shim.
    Stale,
    /// Installed, but git will not run it (another hooks directory, another manager, or not
    /// executable).
    Shadowed,
    /// A hook relhook did not write.
    Foreign,
    /// git runs it and it cannot work: it cannot start (a `#!/bin/sh` line ending in a
    /// carriage return) or fails on every run.
    Broken,
    /// The configuration file does not load.
    Invalid,
    /// Works, but something that needs one part of it will be refused (an old version headed
    /// twice in the changelog: its notes): said, and not counted as needing a fix now.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What was looked at (`hook commit-msg`, `config`, `husky`).
    pub subject: String,
    /// Its state.
    pub status: Status,
    /// What doctor found, in one sentence.
    pub detail: String,
    /// The command (or edit) that fixes it, for anything but `ok`.
    pub fix: Option<String>,
}

/// Everything doctor found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Where git runs hooks from.
    pub hooks_dir: PathBuf,
    /// `core.hooksPath` and its config level, when set.
    pub hooks_path: Option<String>,
    /// The findings, hooks first.
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether nothing needs fixing.
    pub fn healthy(&self) -> bool {
        let fine = |c: &Check| matches!(c.status, Status::Ok | Status::Warning);
        self.checks.iter().all(fine)
    }
}

pub(super) fn check(subject: &str, status: Status, detail: String, fix: Option<String>) -> Check {
    Check {
        subject: subject.to_owned(),
        status,
        detail,
        fix,
    }
}

/// Examines the repository's hooks, given the binary that runs doctor and the outcome of
/// loading the configuration.
pub fn diagnose(loc: &HooksLocation, binary: &Path, config: &Result<Config, Error>) -> Report {
    // No hook runs, whatever is anywhere: that alone is said, with the setting's own fix.
    if let Some(off) = turned_off_check(loc) {
        let mut report = report(loc, vec![off, config_check(config)]);
        // Where git looks for an empty setting, which `git rev-parse --git-path hooks` does not
        // say (`./`).
        if loc.hooks_path.as_ref().is_some_and(|s| s.value.is_empty()) {
            report.hooks_dir = PathBuf::from("/");
        }
        return report;
    }
    // No hook of this repository's runs, and install would write outside it: that alone too.
    if let Some(stranded) = stranded_check(loc) {
        return report(loc, vec![stranded, config_check(config)]);
    }
    let mut checks = Vec::new();
    let managers = detect_managers(loc);
    let names: Vec<&'static str> = available().map(|h| h.name).collect();
    let owner = super::managed::in_charge(loc, &managers).is_some();
    let mut elsewhere = Vec::new();
    let default = Config::default();
    let rules = &config.as_ref().unwrap_or(&default).commit;
    let mut uncommitted = Vec::new();
    for m in super::managed::consulted(loc, &managers) {
        let wirings = super::managed::survey(loc, m, &names);
        for w in &wirings {
            elsewhere.push(w.hook);
            checks.push(managed_check(loc, binary, m, w));
        }
        uncommitted.extend(manager_files_check(loc, m.manager.name(), &wirings, rules));
    }
    checks.extend(wiring::pre_commit_unreadable(loc, &managers));
    checks.extend(wiring::pre_commit_idle(loc, &managers));
    checks.extend(wiring::pre_commit_hidden(loc, &managers));
    if !owner {
        let chosen = super::chosen::chosen(loc);
        for hook in available().filter(|h| !elsewhere.contains(&h.name)) {
            checks.push(match left_out(loc, chosen.as_ref(), hook.name) {
                Some(c) => check(
                    &format!("hook {}", hook.name),
                    Status::Ok,
                    format!(
                        "left out by `relhook install --hooks {}`; `relhook install` adds it",
                        c.join(",")
                    ),
                    None,
                ),
                None => hook_check(loc, hook.name, binary),
            });
        }
    }
    checks.extend(relative_from_outside(loc));
    if let Some((detail, fix)) = lost_in_other_worktrees(loc).filter(|_| !owner) {
        checks.push(check("core.hooksPath", Status::Warning, detail, Some(fix)));
    }
    if let Some(shadow) = shadowed_default_dir(loc) {
        checks.push(shadow);
    }
    // The team's files relhook wrote or wired that git status shows: the managers', the
    // hooks directory's.
    checks.extend(uncommitted);
    checks.extend(work_tree_check(loc, rules));
    if let Some(c) = driver_check(loc, config) {
        checks.push(c);
    }
    checks.push(config_check(config));
    report(loc, checks)
}

/// One hook in a hook manager's home, as doctor judges it.
fn managed_check(
    loc: &HooksLocation,
    binary: &Path,
    m: &super::install::Detected,
    w: &super::managed::HookWiring,
) -> Check {
    match w.wiring {
        // git runs relhook's own shim: judged as one, whoever else is here.
        super::managed::Wiring::Shim { shared } => {
            shim_left_by(loc, binary, m.manager.name(), w, shared)
        }
        _ if shim_runs_before_husky(loc, m, w.hook) => {
            let mut c = hook_check(loc, w.hook, binary);
            c.detail.push_str(&format!(
                "; husky is not set up in this clone (core.hooksPath is not .husky/_), so git runs this shim, not {}",
                w.file.display()
            ));
            c
        }
        // husky not set up here: `relhook install` alone writes the call and exits 1.
        super::managed::Wiring::Missing if m.manager == super::install::Manager::Husky => {
            let mut c = wiring_check(m.manager.name(), w, &loc.work_tree);
            if let Some(fix) = super::managed::husky_unset_fix(loc) {
                c.fix = Some(fix);
            }
            c
        }
        _ => wiring_check(m.manager.name(), w, &loc.work_tree),
    }
}

/// The subset install (`chosen`) that left `hook` out on purpose, when its file is not there.
fn left_out<'a>(
    loc: &HooksLocation,
    chosen: Option<&'a Vec<String>>,
    hook: &str,
) -> Option<&'a Vec<String>> {
    chosen
        .filter(|c| !c.iter().any(|n| n == hook))
        .filter(|_| loc.hooks_dir.join(hook).symlink_metadata().is_err())
}

fn report(loc: &HooksLocation, checks: Vec<Check>) -> Report {
    Report {
        hooks_dir: loc.hooks_dir.clone(),
        hooks_path: loc
            .hooks_path
            .as_ref()
            .map(|s| format!("{} ({} config)", s.value, s.scope)),
        checks,
    }
}

/// Whether git runs relhook's own shim for `hook` although husky's files are here: husky is
/// not set up in this clone (`core.hooksPath` does not point into `.husky`), so git runs the
/// hooks directory's files, not husky's.
fn shim_runs_before_husky(loc: &HooksLocation, m: &super::install::Detected, hook: &str) -> bool {
    let husky_set_up = loc
        .hooks_path
        .as_ref()
        .is_some_and(|s| s.value.replace('\\', "/").contains(".husky"));
    let path = loc.hooks_dir.join(hook);
    let at = super::aside::moved_shim(&path).unwrap_or(path);
    m.manager == super::install::Manager::Husky
        && !husky_set_up
        && crate::hooks::link::read(at).is_ok_and(|b| recognise(&b).is_some())
}

/// The command that installs the hooks where git runs them. With `core.hooksPath` in the
/// global or system config, plain `relhook install` refuses (the directory is every
/// repository's), and so it does for a hooks directory the repository tracks (the team's
/// files) that holds none of relhook's yet: their own two ways are named instead. In a linked
/// worktree that a relative `core.hooksPath` sends to a directory of its own, install refuses
/// too: the fix names the main worktree's directory, which every worktree then runs.
pub(super) fn install_fix(loc: &HooksLocation) -> String {
    if let Some(shared) = loc.hooks_of_main_worktree() {
        // Where relhook's hooks are there already, the setting is the whole fix.
        let there = available().any(|h| {
            crate::hooks::link::read(shared.join(h.name)).is_ok_and(|b| recognise(&b).is_some())
        });
        return format!(
            "`git config core.hooksPath {}` (the main worktree's hooks directory, which every worktree then runs){}",
            shell_word(&shared),
            if there { "" } else { ", then relhook install" }
        );
    }
    let own = shell_word(&loc.default_hooks_dir());
    match &loc.hooks_path {
        Some(s) if matches!(s.scope.as_str(), "global" | "system") => format!(
            "`git config core.hooksPath {own}`, then `relhook install` (this repository only; core.hooksPath = {} in your {} config is every repository's), or `relhook install --shared` (every repository)",
            s.value, s.scope
        ),
        _ => match loc.hooks_in_work_tree().filter(|d| d.tracked) {
            Some(dir) if relhook_files(loc, &dir.rel).is_empty() => format!(
                "`relhook install --shared` (writes into {}, which this repository tracks: commit the result for the team), or for this clone only {}, then `relhook install`",
                dir.rel,
                match &loc.hooks_path {
                    Some(_) => format!("`git config core.hooksPath {own}`"),
                    None => format!("`rm {own} && mkdir {own}` (a link to it now)"),
                }
            ),
            Some(_) => format!(
                "relhook install --shared{}",
                super::chosen::install_args(loc)
            ),
            None => format!("relhook install{}", super::chosen::install_args(loc)),
        },
    }
}

/// `relhook install`, with `--shared` where the hooks directory needs it (every repository's,
/// or the team's files in the work tree): the command a fix names.
pub(super) fn install_cmd(loc: &HooksLocation) -> &'static str {
    let shared = loc
        .hooks_path
        .as_ref()
        .is_some_and(|s| matches!(s.scope.as_str(), "global" | "system"))
        || loc.hooks_in_work_tree().is_some_and(|d| d.tracked);
    if shared {
        "relhook install --shared"
    } else {
        "relhook install"
    }
}

/// The row for the work tree's `.relconfig.toml` when `--config` names another file and the
/// hooks, which cannot take `--config`, refuse it: `None` when they read it.
pub fn hooks_config_check(root: &Path) -> Option<Check> {
    let refused = Config::load(root).err()?;
    let mut row = config_check(&Err(refused));
    row.subject = format!("{} (read by the hooks)", crate::config::FILE_NAME);
    row.detail = format!(
        "{}; `--config` is not read by `git commit`, `git tag` or `git push`, whose hooks refuse every commit, tag and push until it is fixed",
        row.detail
    );
    Some(row)
}

fn config_check(config: &Result<Config, Error>) -> Check {
    match config {
        Ok(Config { source: None, .. }) => check(
            "config",
            Status::Ok,
            format!("no {}: the defaults apply", crate::config::FILE_NAME),
            None,
        ),
        Ok(Config {
            source: Some(path), ..
        }) => check(
            "config",
            Status::Ok,
            format!("{} is valid", path.display()),
            None,
        ),
        Err(e) => check(
            "config",
            Status::Invalid,
            // Its way on is the fix line's, not said twice.
            match e {
                Error::ConfigLinkedOutside { fix, .. } => {
                    let said = e.to_string();
                    said.strip_suffix(&format!(": {fix}")).unwrap_or(&said).to_owned()
                }
                Error::ConfigLinkBroken { fix, .. } => {
                    let said = e.to_string();
                    said.strip_suffix(&format!("; {fix}")).unwrap_or(&said).to_owned()
                }
                _ => e.to_string(),
            },
            Some(match e {
                Error::Config {
                    path, line, column, ..
                } => format!("edit {}:{line}:{column}", path.display()),
                // `--config` naming a file that is not there: nothing to make readable.
                Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                    "name a file that exists (`--config PATH`), or leave `--config` out to use .relconfig.toml".into()
                }
                Error::ConfigNotAFile { .. } => e.hint().unwrap_or_default(),
                Error::ConfigLinkedOutside { fix, .. } => fix.clone(),
                Error::ConfigLinkBroken { fix, .. } => fix.clone(),
                _ => "make the file readable, or remove it to use the defaults".into(),
            }),
        ),
    }
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A path as one shell word for a fix the user pastes (`shellword::quote`: a control
/// character in it is spelt out, never printed as a stand-in).
pub(super) fn shell_word(path: &Path) -> String {
    crate::shellword::quote(&path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hooks::install::{Options, install};

    fn setup() -> (tempfile::TempDir, HooksLocation, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let loc = HooksLocation {
            work_tree: tmp.path().to_owned(),
            common_dir: tmp.path().join(".git"),
            hooks_dir: tmp.path().join(".git/hooks"),
            hooks_path: None,
        };
        git2::Repository::init(tmp.path()).unwrap();
        let binary = tmp.path().join("relhook");
        std::fs::write(&binary, "").unwrap();
        crate::hooks::install::set_executable(&binary).unwrap();
        (tmp, loc, binary)
    }

    fn statuses(r: &Report) -> Vec<Status> {
        r.checks.iter().map(|c| c.status).collect()
    }

    #[test]
    fn missing_then_healthy_then_stale() {
        let (_tmp, loc, binary) = setup();
        let defaults = Ok(Config::default());
        let r = diagnose(&loc, &binary, &defaults);
        let mut expected = vec![Status::Missing; available().count()];
        expected.push(Status::Ok);
        assert_eq!(statuses(&r), expected);
        assert!(!r.healthy());
        let opts = Options {
            hooks: available().collect(),
            force: false,
            binary: &binary,
        };
        install(&loc, &opts).unwrap();
        let r = diagnose(&loc, &binary, &defaults);
        assert!(
            r.checks
                .iter()
                .any(|c| c.subject == "merge driver" && c.status == Status::Missing)
        );
        crate::hooks::driver::register(&loc, &binary, Path::new("CHANGELOG.md")).unwrap();
        assert!(diagnose(&loc, &binary, &defaults).healthy());
        std::fs::remove_file(&binary).unwrap();
        let r = diagnose(&loc, &binary, &defaults);
        assert_eq!(r.checks[0].status, Status::Stale);
        assert_eq!(r.checks[0].fix.as_deref(), Some("relhook install"));
    }

    #[test]
    fn config_error_is_reported_with_its_location() {
        let (_tmp, loc, binary) = setup();
        let bad = Config::parse(Path::new(".relconfig.toml"), "[commit]\nbogus = 1\n");
        let r = diagnose(&loc, &binary, &bad);
        let c = r.checks.last().unwrap();
        assert_eq!(c.status, Status::Invalid);
        assert!(c.detail.contains("unknown field `bogus`"), "{}", c.detail);
        assert_eq!(c.fix.as_deref(), Some("edit .relconfig.toml:2:1"));
    }
}
