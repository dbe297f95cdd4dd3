//! [`Context`]: what every command gets (where it runs, colour), and the one way a handler
//! opens the repository and loads the configuration. A command that needs a work tree uses
//! [`Context::open`], and every such command refuses a bare repository with the same error
//! ([`Error::BareRepository`]); a command that needs less says so by what it calls:
//! [`Context::open_history`] (history only: a bare repository is fine), [`Context::repo`]
//! then [`Context::history_config`] (pre-push reads its input before the configuration),
//! [`Context::locate`] and [`Context::config_near`] (lint, the commit-msg hook and `init` also
//! run outside any repository), [`Context::hooks`] (install, uninstall, doctor: the hooks
//! directory).

use std::path::{Path, PathBuf};

use super::Cli;
use crate::config::Config;
use crate::git::{HooksLocation, Location, Repo};
use crate::{Error, Result};

/// What every command gets: where it runs, colour, and how to load the configuration.
pub(crate) struct Context {
    pub(super) cwd: PathBuf,
    config_override: Option<PathBuf>,
    pub(super) color_out: bool,
    pub(super) color_err: bool,
}

impl Context {
    pub(super) fn new(cli: &Cli) -> Result<Context> {
        let cwd = std::env::current_dir().map_err(|e| Error::io("read", ".", e))?;
        let ctx = Context {
            config_override: cli.config.as_ref().map(|p| cwd.join(p)),
            color_out: super::use_color(cli.color, &std::io::stdout()),
            color_err: super::use_color(cli.color, &std::io::stderr()),
            cwd,
        };
        // Every `--resume` the command advises repeats what it was given (see `resume_advice`).
        let flags = match &cli.command {
            super::args::Command::Release(a) => super::release_options::flags_of(a),
            _ => Vec::new(),
        };
        crate::resume_advice::note(ctx.config_given(), &flags);
        // What a release asked for, which its journal records: made again as asked.
        if let super::args::Command::Release(a) = &cli.command
            && !a.resume
        {
            crate::resume_advice::note_asked(&super::release_options::asked_of(a));
        }
        Ok(ctx)
    }

    /// Opens the repository around the working directory, its work tree and its
    /// configuration: what every command that acts on a work tree starts with. A bare
    /// repository is refused (the same error for every command).
    pub(super) fn open(&self) -> Result<(Repo, PathBuf, Config)> {
        let repo = self.repo()?;
        let root = repo
            .work_tree()
            // As the hooks' lookup names it (no trailing `/`): one message for every command.
            .ok_or_else(|| Error::BareRepository(repo.git_dir().components().collect()))?;
        let config = self.config(&root)?;
        Ok((repo, root, config))
    }

    /// [`Context::open`] for a command that reads only history (`check`): a bare repository
    /// is allowed, its configuration read from the working directory.
    pub(super) fn open_history(&self) -> Result<(Repo, PathBuf, Config)> {
        let repo = self.repo()?;
        let (root, config) = self.history_config(&repo)?;
        Ok((repo, root, config))
    }

    /// The repository around the working directory, nothing else yet. A killed release's
    /// record is noted: every resume advised repeats its `--config` and flags.
    pub(super) fn repo(&self) -> Result<Repo> {
        let repo = Repo::open(&self.cwd)?;
        super::replaced::note_once(&repo);
        if let Some(ran) = crate::git::txn::killed_release(&repo) {
            let config = ran.config.as_ref().map(Option::as_deref);
            crate::resume_advice::note_ran(config, &ran.flags);
        }
        Ok(repo)
    }

    /// The top of `repo`'s work tree (the working directory in a bare repository) and the
    /// configuration there.
    pub(super) fn history_config(&self, repo: &Repo) -> Result<(PathBuf, Config)> {
        let root = repo.work_tree().unwrap_or_else(|| self.cwd.clone());
        let config = self.config(&root)?;
        Ok((root, config))
    }

    /// Where the repository around the working directory is, when there is one: for the
    /// commands that also run outside any repository.
    pub(super) fn locate(&self) -> Option<Location> {
        crate::git::locate(&self.cwd).ok()
    }

    /// The configuration at the top of the work tree `loc` names, else in the working
    /// directory (outside a repository, or in a bare one).
    pub(super) fn config_near(&self, loc: Option<&Location>) -> Result<Config> {
        let root = loc
            .and_then(|l| l.work_tree.clone())
            .unwrap_or_else(|| self.cwd.clone());
        self.settings(&root)
    }

    /// The hooks directory of the repository around the working directory (a bare
    /// repository is refused, as [`Context::open`] refuses it).
    pub(super) fn hooks(&self) -> Result<HooksLocation> {
        HooksLocation::find(&self.cwd)
    }

    /// Whether relhook's hooks are in place in the repository around the working directory.
    pub(super) fn relhook_installed(&self) -> bool {
        self.hooks()
            .is_ok_and(|loc| super::install::relhook_present(&loc))
    }

    /// The `--config` file as given (relative to the working directory when it was), for
    /// the commands advice repeats.
    pub(super) fn config_given(&self) -> Option<&Path> {
        let path = self.config_override.as_deref()?;
        Some(path.strip_prefix(&self.cwd).unwrap_or(path))
    }

    /// Loads the configuration for the repository whose top is `root` (`--config` wins).
    /// The `commit_parsers` of the work tree's `cliff.toml` come with it.
    pub(super) fn config(&self, root: &Path) -> Result<Config> {
        let mut config = self.settings(root)?;
        config.changelog.cliff = crate::config::cliff::load(root).map(std::sync::Arc::new);
        Ok(config)
    }

    /// [`Context::config`] without `cliff.toml`, which only changelog entries read: the lint
    /// (the commit-msg hook, on every commit) does not parse it.
    fn settings(&self, root: &Path) -> Result<Config> {
        match &self.config_override {
            Some(path) => Config::load_file(path, true),
            None => Config::load(root),
        }
    }
}
