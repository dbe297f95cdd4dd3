//! Where git looks for the hooks, as `core.hooksPath` makes it differ between worktrees and
//! between the folders git runs in.

use super::{Check, Status, check, shell_word};
use crate::git::HooksLocation;

/// A relative `core.hooksPath` to a directory only this worktree has (see
/// [`HooksLocation::lost_in_other_worktrees`]): what it means, and the setting that fixes it
/// (the main worktree's directory by its absolute path, which every worktree finds). From a
/// linked worktree it says that this worktree's own directory is the one git looks in.
pub fn lost_in_other_worktrees(loc: &HooksLocation) -> Option<(String, String)> {
    let dir = loc.lost_in_other_worktrees()?;
    let setting = loc.hooks_path.as_ref()?;
    let scope = match setting.scope.as_str() {
        "worktree" => "--worktree ",
        _ => "",
    };
    let (here, which) = match loc.hooks_of_main_worktree() {
        Some(_) => (
            format!(
                "so this linked worktree looks in {}, a directory of its own, and no other worktree runs what is there",
                loc.hooks_dir.display()
            ),
            "the main worktree's hooks directory by its absolute path",
        ),
        None => (
            "so a linked worktree (what `git worktree add` makes) finds no such directory and runs no hooks at all, relhook's included, and says nothing".to_owned(),
            "the same directory by its absolute path",
        ),
    };
    Some((
        format!(
            "core.hooksPath = {} is relative, and this repository tracks nothing there: git looks for it from each worktree's own top, {here}",
            setting.value
        ),
        format!(
            "`git config {scope}core.hooksPath {}` ({which}, which every worktree finds)",
            shell_word(&dir)
        ),
    ))
}

/// A `core.hooksPath` that turns every hook off (see [`HooksLocation::hooks_off`]): what it
/// does, and the command that gives this repository its hooks back, for the level that sets
/// it. An empty local one was set to clear a global one: unset, that one would count again,
/// so the fix names this repository's own hooks directory instead; a global one (`/dev/null`
/// on purpose) is every repository's, so this one's own directory comes first.
pub fn hooks_turned_off(loc: &HooksLocation) -> Option<(String, String)> {
    let off = loc.hooks_off()?;
    let s = &off.setting;
    let origin = match s.file.as_str() {
        "" => format!("{} config", s.scope),
        file => format!("{} config, {file}", s.scope),
    };
    let detail = match &off.file {
        None => format!(
            "core.hooksPath is set to the empty string ({origin}), which turns every hook off: git looks for each at the file-system root (/commit-msg) and runs none, relhook's included"
        ),
        Some(file) => format!(
            "hooks are turned off by core.hooksPath = {} ({origin}): {} is a file, not a directory, so git runs no hook, relhook's included",
            s.value,
            file.display()
        ),
    };
    let own = shell_word(&loc.default_hooks_dir());
    let fix = match (s.scope.as_str(), &off.beneath) {
        ("command", _) => "run relhook without the core.hooksPath that `git -c` or GIT_CONFIG_PARAMETERS / GIT_CONFIG_COUNT set in its environment".to_owned(),
        ("global" | "system", _) => format!(
            "`git config core.hooksPath {own}` (this repository only), or `{}` (every repository)",
            unset(loc, s)
        ),
        (scope, Some(b)) => format!(
            "`git config{} core.hooksPath {own}` (this repository's own hooks directory; unsetting it would bring back core.hooksPath = {} from your {} config)",
            if scope == "worktree" { " --worktree" } else { "" },
            b.value,
            b.scope
        ),
        (_, None) => format!("`{}`", unset(loc, s)),
    };
    Some((detail, fix))
}

/// The command that unsets setting `s` where it is written: by its level when that is the
/// level's own file, else by the file (one `include.path` brings in, `~/.config/git/config`
/// beside a `~/.gitconfig`), which `--global` or a plain unset would not touch.
fn unset(loc: &HooksLocation, s: &crate::git::HooksPathEntry) -> String {
    let file = std::path::Path::new(&s.file);
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let own = match s.scope.as_str() {
        "local" => {
            s.file == ".git/config" || loc.common_dir.join("config") == loc.work_tree.join(file)
        }
        "worktree" => s.file.ends_with("config.worktree"),
        // The file `git config --global` writes: GIT_CONFIG_GLOBAL's, else ~/.gitconfig when
        // there is one, else the XDG one.
        "global" => match std::env::var_os("GIT_CONFIG_GLOBAL") {
            Some(g) => std::path::Path::new(&g) == file,
            None => home.is_some_and(|h| {
                let dot = h.join(".gitconfig");
                let xdg = std::env::var_os("XDG_CONFIG_HOME")
                    .map_or_else(|| h.join(".config"), std::path::PathBuf::from)
                    .join("git/config");
                if dot.is_file() {
                    dot == file
                } else {
                    xdg == file
                }
            }),
        },
        _ => true,
    };
    match s.scope.as_str() {
        _ if s.file.is_empty() || !own && !file.is_file() => {
            "git config --unset core.hooksPath".to_owned()
        }
        _ if !own => format!(
            "git config --file {} --unset core.hooksPath",
            shell_word(&loc.work_tree.join(file))
        ),
        "local" => "git config --unset core.hooksPath".to_owned(),
        scope => format!("git config --{scope} --unset core.hooksPath"),
    }
}

/// [`hooks_turned_off`] as doctor's finding: relhook's hooks in the repository's own hooks
/// directory (installed before) are shadowed, and come back with the fix; else install follows.
pub(super) fn turned_off_check(loc: &HooksLocation) -> Option<Check> {
    let (detail, fix) = hooks_turned_off(loc)?;
    let own = loc.default_hooks_dir();
    let kept = crate::hooks::available().any(|h| {
        crate::hooks::link::read(own.join(h.name))
            .is_ok_and(|b| crate::hooks::recognise(&b).is_some())
    });
    Some(if kept {
        check(
            "core.hooksPath",
            Status::Shadowed,
            format!(
                "{detail}, so relhook's hooks in {} never run",
                own.display()
            ),
            Some(fix),
        )
    } else {
        let fix = format!("{fix}, then relhook install");
        check("core.hooksPath", Status::Missing, detail, Some(fix))
    })
}

/// A relative `core.hooksPath` read from outside the work tree (GIT_DIR and GIT_WORK_TREE set):
/// commands that stay there find no hooks.
pub(super) fn relative_from_outside(loc: &HooksLocation) -> Option<Check> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let value = loc.relative_from_outside(&cwd)?;
    let detail = format!(
        "core.hooksPath is relative ({value}) and {} is outside the work tree: git commands that stay here (a `git tag`, a `git push` with GIT_DIR or --git-dir) look for {value} here and run no hook, so hand tags are neither checked nor released",
        cwd.display()
    );
    let fix = format!(
        "run git from inside the work tree (cd {})",
        shell_word(&loc.work_tree)
    );
    Some(check("core.hooksPath", Status::Warning, detail, Some(fix)))
}

/// A stranded `core.hooksPath` (see [`HooksLocation::stranded_hooks_path`]): what it means,
/// and the setting that points it at this repository's own hooks directory, the form install
/// advises (unset, a global setting beneath would count again; `relhook install` as it stands
/// would create the old folder outside the repository, or write into the other one).
pub fn stranded_hooks_path(loc: &HooksLocation) -> Option<(String, String)> {
    let stranded = loc.stranded_hooks_path()?;
    let s = loc.hooks_path.as_ref()?;
    let value = crate::printable::visible(&s.value);
    let detail = match stranded {
        crate::git::Stranded::Missing => format!(
            "core.hooksPath = {value} ({} config) names a folder that does not exist, outside this repository (set before the repository was moved?): git runs no hook here, relhook's included, and says nothing",
            s.scope
        ),
        crate::git::Stranded::Other(git_dir) => format!(
            "core.hooksPath = {value} ({} config) is the hooks folder of another repository ({}; set before this one was copied or moved?): git runs that repository's hooks for this one's commits, and `relhook install` would write there",
            s.scope,
            crate::printable::visible(&git_dir.display().to_string())
        ),
    };
    let own = loc.default_hooks_dir();
    let mut entries = loc.hooks_path_entries();
    entries.pop();
    let beneath = entries
        .pop()
        .map(|b| {
            format!(
                "; unsetting it would bring back core.hooksPath = {} from your {} config",
                crate::printable::visible(&b.value),
                b.scope
            )
        })
        .unwrap_or_default();
    let kept = crate::hooks::available().any(|h| {
        crate::hooks::link::read(own.join(h.name))
            .is_ok_and(|b| crate::hooks::recognise(&b).is_some())
    });
    let fix = format!(
        "`git config{} core.hooksPath {}` (this repository's own hooks folder{beneath}){}",
        if s.scope == "worktree" {
            " --worktree"
        } else {
            ""
        },
        shell_word(&own),
        if kept { "" } else { ", then `relhook install`" }
    );
    Some((detail, fix))
}

/// [`stranded_hooks_path`] as doctor's finding: relhook's hooks in this repository's own hooks
/// folder (they moved with it) are shadowed, and run again with the fix; else it is missing.
pub(super) fn stranded_check(loc: &HooksLocation) -> Option<Check> {
    let (detail, fix) = stranded_hooks_path(loc)?;
    let status = if fix.ends_with("`relhook install`") {
        Status::Missing
    } else {
        Status::Shadowed
    };
    Some(check("core.hooksPath", status, detail, Some(fix)))
}
