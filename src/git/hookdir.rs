//! Where git runs hooks from, asked of git itself (`git rev-parse --git-path hooks`): only git
//! knows every rule (`core.hooksPath` relative or absolute, at any config level, linked
//! worktrees sharing the common dir, submodules behind a `.git` file). The `git` program is
//! run with an argument vector, never through a shell.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The hooks directory of one repository, and why it is that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksLocation {
    /// The top of the work tree.
    pub work_tree: PathBuf,
    /// The directory shared by all worktrees (`.git` of the main one).
    pub common_dir: PathBuf,
    /// Where git runs hooks from: the answer of `git rev-parse --git-path hooks`, absolute.
    pub hooks_dir: PathBuf,
    /// `core.hooksPath`, when set, and the config level that set it.
    pub hooks_path: Option<HooksPathSetting>,
}

/// A `core.hooksPath` setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksPathSetting {
    /// The value as written in the config.
    pub value: String,
    /// The level git reports (`local`, `global`, `system`, `worktree`, `command`).
    pub scope: String,
}

impl HooksLocation {
    /// Runs `git` with these arguments in the work tree (no shell).
    pub fn git(&self, args: &[&str]) -> Result<String> {
        run_git(&self.work_tree, args)
    }

    /// husky's directory, from the top of the work tree: the `.husky` that `core.hooksPath`
    /// leads into (`frontend/.husky/_` for a husky set up in a sub-directory, as husky's docs
    /// show: `cd .. && husky frontend/.husky`), else `.husky` at the top.
    pub fn husky_dir(&self) -> PathBuf {
        let named = self
            .hooks_path
            .as_ref()
            .is_some_and(|s| s.value.replace('\\', "/").contains(".husky"));
        let found = named
            .then(|| {
                self.hooks_dir
                    .ancestors()
                    .find(|a| a.file_name().is_some_and(|n| n == ".husky"))
            })
            .flatten()
            .and_then(|d| d.strip_prefix(&self.work_tree).ok())
            .filter(|d| !d.as_os_str().is_empty());
        found.map_or_else(|| PathBuf::from(".husky"), Path::to_owned)
    }

    /// The `merge` attribute git itself gives each of `paths` (relative to the work tree), in
    /// order: `unspecified`, `set`, `unset` or a driver's name, as `git check-attr` says, from
    /// every attribute file git reads (a line git cannot parse counts for nothing, as in git).
    pub fn merge_attributes(&self, paths: &[&Path]) -> Result<Vec<String>> {
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let mut args = vec!["check-attr", "-z", "merge", "--"];
        args.extend(names.iter().map(String::as_str));
        let out = self.git(&args)?;
        let fields: Vec<&str> = out.split('\0').collect();
        Ok(fields
            .chunks(3)
            .filter(|f| f.len() == 3)
            .map(|f| f[2].to_owned())
            .collect())
    }

    /// Asks git, running in `cwd`, where hooks live. A bare repository and a directory outside
    /// any repository are errors: commit hooks only run where commits are made.
    pub fn find(cwd: &Path) -> Result<HooksLocation> {
        // `rev-parse` has no `-z`: each path is asked alone and read up to git's one line break,
        // so a path with line breaks in it (or at its end) stays whole.
        let out = run_git(
            cwd,
            &["rev-parse", "--is-bare-repository", "--git-common-dir"],
        )?;
        let (bare, common) = out
            .split_once('\n')
            .map(|(bare, rest)| (bare, one_answer(rest)))
            .ok_or_else(|| unexpected("rev-parse --git-common-dir", &out))?;
        let hooks_path = config_with_scope(cwd, "core.hooksPath")?;
        let hooks_answer = run_git(cwd, &["rev-parse", "--git-path", "hooks"])?;
        let hooks = one_answer(&hooks_answer);
        let common_dir = cwd.join(common);
        if bare == "true" {
            return Err(Error::BareRepository(normalize(&common_dir)));
        }
        let top = run_git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
            // git names a work tree whose path is not UTF-8 in bytes relhook cannot read.
            Error::GitCommand { .. } if cwd.to_str().is_none() => {
                Error::NotUtf8Path(cwd.to_path_buf())
            }
            Error::GitCommand { .. } => Error::InsideGitDir(cwd.to_path_buf()),
            other => other,
        })?;
        let work_tree = PathBuf::from(one_answer(&top));
        // A work tree apart from its git dir (`core.worktree`): later `git`s are told both.
        super::run::note_layout(&normalize(&common_dir), &work_tree);
        // A relative `core.hooksPath` is read from where git runs: from the top of the work tree
        // for a commit (git moves there), from `cwd` for a command that stays, which finds no
        // hooks outside the work tree. The work tree's view is the one to report and write.
        let relative = hooks_path
            .as_ref()
            .map(|h| PathBuf::from(&h.value))
            // `~/…` is git's to expand, from anywhere.
            .filter(|v| v.is_relative() && !v.starts_with("~") && !is_within(cwd, &work_tree));
        let hooks_dir = match relative {
            Some(rel) => normalize(&work_tree.join(rel)),
            None => normalize(&cwd.join(hooks)),
        };
        Ok(HooksLocation {
            work_tree,
            common_dir: normalize(&common_dir),
            hooks_dir,
            hooks_path,
        })
    }

    /// The `core.hooksPath` of the global or system git config (`~` expanded) that this
    /// repository's own setting of its default hooks directory hides (what install advises
    /// for this repository alone): `None` when the setting in effect names another
    /// directory, or hides none.
    pub fn shadowed_hooks_path(&self) -> Option<HooksPathSetting> {
        let own = self.hooks_path.as_ref()?;
        let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| normalize(p));
        if !matches!(own.scope.as_str(), "local" | "worktree")
            || real(&self.hooks_dir) != real(&self.default_hooks_dir())
        {
            return None;
        }
        let args = [
            "config",
            "-z",
            "--show-scope",
            "--type=path",
            "--get-all",
            "core.hooksPath",
        ];
        let text = super::run::Git::new(&self.work_tree, &args)
            .output()
            .ok()?
            .ok()
            .ok()?;
        // `scope NUL value NUL` pairs, listed from the system level up: the last one below this
        // repository's wins there.
        let fields: Vec<&str> = text.split('\0').collect();
        fields
            .chunks_exact(2)
            .rev()
            .find(|pair| matches!(pair[0], "global" | "system"))
            .map(|pair| HooksPathSetting {
                value: pair[1].to_owned(),
                scope: pair[0].to_owned(),
            })
    }

    /// A relative `core.hooksPath` read from `cwd`, outside the work tree, where commands that
    /// do not move to the top (`git tag`, `git push` with `--git-dir`) find no hooks: the
    /// setting, for doctor's warning.
    pub fn relative_from_outside(&self, cwd: &Path) -> Option<&str> {
        let setting = self.hooks_path.as_ref()?;
        let value = Path::new(&setting.value);
        (value.is_relative() && !value.starts_with("~") && !is_within(cwd, &self.work_tree))
            .then_some(setting.value.as_str())
    }

    /// Where hooks would live without `core.hooksPath`.
    pub fn default_hooks_dir(&self) -> PathBuf {
        self.common_dir.join("hooks")
    }

    /// The hooks directory, when `core.hooksPath` (or `.git/hooks` made a link, as old set-up
    /// scripts do) puts it in the work tree where `git status` shows what is written into it:
    /// the repository tracks files there (a team's `.githooks`), or does not ignore it.
    pub fn hooks_in_work_tree(&self) -> Option<WorkTreeHooks> {
        let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| normalize(p));
        let hooks = real(&self.hooks_dir);
        if hooks.starts_with(real(&self.common_dir)) {
            return None;
        }
        let rel = hooks.strip_prefix(real(&self.work_tree)).ok()?;
        // `/` between the parts: a backslash parts them on Windows alone; elsewhere it is a
        // character of a folder's name (`ho\tks`), which git names as it is.
        let parts: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        let rel = match parts.join("/") {
            r if r.is_empty() => ".".to_owned(),
            r => r,
        };
        let listed = self.git(&["--literal-pathspecs", "ls-files", "-z", "--", &rel]);
        let tracked = listed.is_ok_and(|files| !files.is_empty());
        // A file relhook would write there, as git sees it (exit 0: ignored).
        let probe = format!("{rel}/commit-msg");
        let ignored = self.git(&["check-ignore", "-q", "--", &probe]).is_ok();
        (tracked || !ignored).then_some(WorkTreeHooks { rel, tracked })
    }

    /// The one rule for the team's files, for every hook manager (a tracked hooks
    /// directory, husky, lefthook): a file is the team's when HEAD holds relhook's part of it
    /// (`ours` judges HEAD's text), however this clone's copy differs from it now (edited,
    /// its mode changed, staged); uninstall changes it only with `--shared`. What HEAD does not
    /// hold (a file not committed, or committed without relhook's part) is this clone's alone.
    /// `path` is from the top of the work tree, with `/`.
    pub fn committed_holds(&self, path: &str, ours: impl FnOnce(&str) -> bool) -> bool {
        self.committed_text(path).is_some_and(|text| ours(&text))
    }

    /// Whether `git status` shows anything under `rel` (from the top of the work tree): what
    /// install wrote into a tracked hooks directory, or an earlier install, not committed yet.
    pub fn shows_in_status(&self, rel: &str) -> bool {
        let args = ["--literal-pathspecs", "status", "--porcelain", "-z"];
        let listed = self.git(&[&args[..], &["--untracked-files=all", "--", rel]].concat());
        // Unreadable: said as if it showed, as before.
        !listed.is_ok_and(|l| l.is_empty())
    }

    /// Whether every file `git status` shows in `rel` is one HEAD has, changed (the team's
    /// committed shims, rewritten by a newer relhook): `git checkout HEAD -- <rel>` is then the
    /// undo, not `relhook uninstall`, which leaves committed hooks alone.
    pub fn shows_only_changes(&self, rel: &str) -> bool {
        let args = ["--literal-pathspecs", "status", "--porcelain", "-z"];
        let Ok(listed) = self.git(&[&args[..], &["--untracked-files=all", "--", rel]].concat())
        else {
            return false;
        };
        let entries: Vec<&str> = listed.split('\0').filter(|e| e.len() > 3).collect();
        !entries.is_empty()
            && entries
                .iter()
                .all(|e| !e.starts_with("??") && !e.starts_with('A') && !e.starts_with(" A"))
    }

    /// The text HEAD holds at `path` (from the top of the work tree, with `/`): what the team
    /// committed there. None when HEAD has no such file (or no HEAD yet).
    pub fn committed_text(&self, path: &str) -> Option<String> {
        self.git(&["cat-file", "blob", &format!("HEAD:{path}")])
            .ok()
    }
}

/// A hooks directory in the work tree whose files `git status` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkTreeHooks {
    /// Its path from the top of the work tree, with `/`.
    pub rel: String,
    /// Whether the repository tracks files in it (the team's hooks), rather than only not
    /// ignoring it.
    pub tracked: bool,
}

/// `git config --show-scope --get KEY`: `None` when unset.
fn config_with_scope(cwd: &Path, key: &str) -> Result<Option<HooksPathSetting>> {
    let args = ["config", "-z", "--show-scope", "--get", key];
    let out = super::run::Git::new(cwd, &args).output()?;
    if out.status == Some(1) {
        return Ok(None);
    }
    let text = out.ok()?;
    // `scope NUL value NUL`: a value's own line breaks, even at its end, are part of it.
    let (scope, value) = text
        .strip_suffix('\0')
        .and_then(|t| t.split_once('\0'))
        .ok_or_else(|| unexpected("config -z --show-scope", &text))?;
    Ok(Some(HooksPathSetting {
        value: value.to_owned(),
        scope: scope.to_owned(),
    }))
}

/// One path answered by git, without the one line break git ends it with (a path's own line
/// breaks, even at its end, stay).
fn one_answer(out: &str) -> &str {
    out.strip_suffix('\n').unwrap_or(out)
}

/// Runs git and returns its standard output; "not a git repository" becomes
/// [`Error::NotARepository`], and a repository git refuses as another user's is said as every
/// command says it, with git's `safe.directory` command.
fn run_git(cwd: &Path, args: &[&str]) -> Result<String> {
    let out = super::run::Git::new(cwd, args).output()?;
    if !out.success() && out.stderr.contains("not a git repository") {
        return Err(Error::NotARepository(cwd.to_owned()));
    }
    if !out.success()
        && let Some(refused) = super::run::untrusted(&out.stderr, "its owner is another user")
    {
        return Err(refused);
    }
    out.ok()
}

fn unexpected(args: &str, out: &str) -> Error {
    Error::GitCommand {
        args: args.to_owned(),
        status: Some(0),
        stderr: format!("unexpected output: {out:?}"),
    }
}

/// Drops `.` components and folds `dir/..` where `dir` is a plain name, without touching the
/// file system (so a path that does not exist yet is fine, and symlinks are not resolved).
pub(super) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether `dir` is `top` or below it (symbolic links resolved).
fn is_within(dir: &Path, top: &Path) -> bool {
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
    real(dir).starts_with(real(top))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a hooks directory in the work tree that git shows counts: tracked (the team's), or
    /// not ignored; `.git/hooks`, an ignored directory and one outside the work tree do not.
    #[test]
    fn a_hooks_directory_git_status_would_show_is_found() {
        use crate::git::testing::git;
        let tmp = tempfile::tempdir().unwrap();
        let top = tmp.path().canonicalize().unwrap();
        git(&top, &["init", "-q"]);
        let at = |rel: &str| HooksLocation {
            work_tree: top.clone(),
            common_dir: top.join(".git"),
            hooks_dir: top.join(rel),
            hooks_path: Some(HooksPathSetting {
                value: rel.to_owned(),
                scope: "local".to_owned(),
            }),
        };
        assert_eq!(at(".git/hooks").hooks_in_work_tree(), None);
        assert_eq!(at("../elsewhere").hooks_in_work_tree(), None);
        let untracked = WorkTreeHooks {
            rel: ".githooks".to_owned(),
            tracked: false,
        };
        assert_eq!(at(".githooks").hooks_in_work_tree(), Some(untracked));
        std::fs::write(top.join(".gitignore"), "/.githooks/\n").unwrap();
        assert_eq!(at(".githooks").hooks_in_work_tree(), None, "ignored");
        std::fs::create_dir(top.join(".githooks")).unwrap();
        std::fs::write(top.join(".githooks/pre-push"), "#!/bin/sh\n").unwrap();
        git(&top, &["add", "-f", ".githooks/pre-push"]);
        let tracked = WorkTreeHooks {
            rel: ".githooks".to_owned(),
            tracked: true,
        };
        assert_eq!(at(".githooks").hooks_in_work_tree(), Some(tracked));
    }

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(
            normalize(Path::new("/r/sub/../.git/./hooks")),
            PathBuf::from("/r/.git/hooks")
        );
        assert_eq!(normalize(Path::new("../x")), PathBuf::from("../x"));
    }
}
