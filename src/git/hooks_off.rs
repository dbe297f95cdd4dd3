//! `core.hooksPath` settings that turn every hook off, whatever any hooks directory holds: the
//! empty string (set to clear a global setting; git then looks for each hook at the file-system
//! root, `/commit-msg`, and runs none, while `git rev-parse --git-path hooks` says `./`), and
//! a path to a file (`/dev/null`, a common way to turn hooks off on purpose).

use std::path::PathBuf;

use super::HooksLocation;

/// One `core.hooksPath` line git reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksPathEntry {
    /// The level git reports (`local`, `global`, `system`, `worktree`, `command`).
    pub scope: String,
    /// The file that sets it, as git names it (`.git/config`); empty for the command line.
    pub file: String,
    /// The value as written.
    pub value: String,
}

/// Why git runs no hook at all in this repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksOff {
    /// The setting git uses.
    pub setting: HooksPathEntry,
    /// The file that stands where it names a directory (`/dev/null`, or a parent of the
    /// directory); `None` for the empty setting.
    pub file: Option<PathBuf>,
    /// The setting git would use with that one unset (the global one an empty local one was
    /// set to clear), if any.
    pub beneath: Option<HooksPathEntry>,
}

impl HooksLocation {
    /// The `core.hooksPath` setting that turns every hook off here, if it does.
    pub fn hooks_off(&self) -> Option<HooksOff> {
        let setting = self.hooks_path.as_ref()?;
        let file = if setting.value.is_empty() {
            None
        } else {
            // The directory, or the nearest of its parents there is (links followed): install
            // creates what is missing below a directory.
            let there = self.hooks_dir.ancestors().find(|a| a.exists())?;
            // A linked worktree's `.git` is a file: a relative path into it is that worktree's
            // alone, and the main worktree's directory the fix ([`Self::hooks_of_main_worktree`]).
            if there.is_dir() || self.hooks_of_main_worktree().is_some() {
                return None;
            }
            Some(there.to_owned())
        };
        let mut entries = self.hooks_path_entries();
        let last = entries.pop().unwrap_or_else(|| HooksPathEntry {
            scope: setting.scope.clone(),
            file: String::new(),
            value: setting.value.clone(),
        });
        Some(HooksOff {
            setting: last,
            file,
            beneath: entries.pop(),
        })
    }

    /// Every `core.hooksPath` git reads, in its order (the last one counts).
    pub fn hooks_path_entries(&self) -> Vec<HooksPathEntry> {
        let args = ["config", "-z", "--show-scope", "--show-origin", "--get-all"];
        let Ok(out) = self.git(&[&args[..], &["core.hooksPath"]].concat()) else {
            return Vec::new();
        };
        let fields: Vec<&str> = out.split('\0').collect();
        fields
            .chunks(3)
            .filter(|f| f.len() == 3)
            .map(|f| HooksPathEntry {
                scope: f[0].to_owned(),
                file: f[1].strip_prefix("file:").unwrap_or_default().to_owned(),
                value: f[2].to_owned(),
            })
            .collect()
    }
}
