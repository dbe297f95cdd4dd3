//! `core.hooksPath` and install: a hooks directory set in the global or system git config is
//! every repository's on this machine, so relhook's hooks there would lint the commits of all
//! of them and add changelog entries to each; install writes there only when told `--shared`.
//! A directory outside the repository set in its own config may be other repositories' too:
//! install says so.

use std::io::Write;

use crate::git::HooksLocation;
use crate::{Error, Result};

/// Refuses to write into a hooks directory every repository shares, unless `shared`.
pub(super) fn refuse_shared(loc: &HooksLocation, shared: bool) -> Result<()> {
    let Some(setting) = &loc.hooks_path else {
        return Ok(());
    };
    if shared || !matches!(setting.scope.as_str(), "global" | "system") {
        return Ok(());
    }
    let own = loc.default_hooks_dir();
    Err(Error::Usage(format!(
        "not installed: core.hooksPath = {} in your {} git config makes git run hooks from {} for every repository on this machine, so relhook's hooks there would lint the commits of all of them and add changelog entries to each. For this repository only: `git config core.hooksPath {}` (the hooks in {} then no longer run here), then `relhook install`; for every repository, on purpose: `relhook install --shared`",
        setting.value,
        setting.scope,
        loc.hooks_dir.display(),
        crate::hooks::sh_quote(&own.display().to_string()),
        loc.hooks_dir.display(),
    )))
}

/// Where the hooks went, when `core.hooksPath` chose it.
pub(super) fn write_hooks_path_note(
    out: &mut dyn Write,
    loc: &HooksLocation,
) -> std::io::Result<()> {
    let Some(setting) = &loc.hooks_path else {
        return Ok(());
    };
    let dir = loc.hooks_dir.display();
    match setting.scope.as_str() {
        "global" | "system" => writeln!(
            out,
            "note: core.hooksPath = {} in your {} git config replaces {} (--shared): git runs hooks from {dir} for every repository on this machine, and relhook's hooks went there",
            setting.value,
            setting.scope,
            loc.default_hooks_dir().display()
        ),
        scope => {
            writeln!(
                out,
                "note: core.hooksPath = {} ({scope} config): git runs this repository's hooks from {dir}",
                setting.value
            )?;
            let real = |p: &std::path::Path| p.canonicalize().unwrap_or_else(|_| p.to_owned());
            let hooks = real(&loc.hooks_dir);
            if hooks.starts_with(real(&loc.work_tree)) || hooks.starts_with(real(&loc.common_dir)) {
                return Ok(());
            }
            let relative = if std::path::Path::new(&setting.value).is_relative()
                && !setting.value.starts_with('~')
            {
                "; and the path is relative, so a linked worktree finds it from its own top (where there is no such directory, git runs no hooks there and says nothing)"
            } else {
                ""
            };
            writeln!(
                out,
                "warning: {dir} is outside this repository: every repository whose core.hooksPath names it runs relhook's hooks too{relative}"
            )
        }
    }
}
