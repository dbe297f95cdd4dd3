//! A subset install (`relhook install --hooks commit-msg,pre-push`) is remembered in the
//! clone's git config (`relhook.hooks`): doctor then reports the others as left out on purpose,
//! not missing, and its fixes install the same subset. A plain install (all the hooks) and
//! `relhook uninstall` forget it.

use super::{Hook, available};
use crate::Result;
use crate::git::HooksLocation;

const KEY: &str = "relhook.hooks";

/// Records `hooks` as the clone's choice, or forgets the choice when they are all of them.
pub fn remember(loc: &HooksLocation, hooks: &[&Hook]) -> Result<()> {
    if available().all(|a| hooks.iter().any(|h| h.name == a.name)) {
        return forget(loc);
    }
    let list = hooks.iter().map(|h| h.name).collect::<Vec<_>>().join(",");
    loc.git(&["config", "--local", KEY, &list]).map(|_| ())
}

/// Forgets the choice (nothing to do when there is none).
pub fn forget(loc: &HooksLocation) -> Result<()> {
    if chosen(loc).is_some() {
        loc.git(&["config", "--local", "--unset-all", KEY])?;
    }
    Ok(())
}

/// The hooks a subset install chose, as recorded; `None` when every hook was installed.
pub fn chosen(loc: &HooksLocation) -> Option<Vec<String>> {
    let value = loc.git(&["config", "--local", "--get", KEY]).ok()?;
    let names: Vec<String> = value
        .trim()
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// ` --hooks a,b` for a command that installs again, when a subset was chosen.
pub fn install_args(loc: &HooksLocation) -> String {
    chosen(loc).map_or_else(String::new, |c| format!(" --hooks {}", c.join(",")))
}
