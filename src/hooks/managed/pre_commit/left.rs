//! pre-commit's hook script that relhook keeps (`<hook>.relhook-orig`) and runs after its own
//! part, left behind by pre-commit. `pre-commit uninstall` removes a hook only when it is its own
//! script (its `_uninstall_hook_script`), so for the hooks relhook's shim stands in front of it
//! removes nothing, and its kept scripts go on running pre-commit through relhook's shims. It is
//! told here from what pre-commit did leave: its configuration gone, or the hook types it installs
//! (`default_install_hook_types`, else `pre-commit`) no longer its script where relhook is not
//! in front of them.

use super::yaml::Doc;
use crate::git::HooksLocation;
use crate::hooks::aside::is_pre_commit_script;
use crate::hooks::install::backup_path;

/// Why the kept `<hook>.relhook-orig`, pre-commit's script, outlived pre-commit here; `None`
/// while pre-commit is still installed (or it is not pre-commit's script).
pub fn left_behind(loc: &HooksLocation, hook: &str) -> Option<String> {
    let kept = backup_path(&loc.hooks_dir.join(hook));
    if !is_pre_commit_script(&kept) {
        return None;
    }
    let script = super::read_text(&kept);
    let config = config_of(&script);
    let text = crate::hooks::link::read_optional(&loc.work_tree.join(&config))
        .ok()
        .flatten();
    let Some(text) = text else {
        return Some(format!(
            "its configuration {config} is gone (pre-commit refuses to run without it)"
        ));
    };
    let types = install_types(&String::from_utf8_lossy(&text));
    if !types.iter().any(|t| t == hook) {
        return None;
    }
    // The types `pre-commit uninstall` reaches: those relhook keeps no script of.
    let reached: Vec<&String> = types
        .iter()
        .filter(|t| {
            backup_path(&loc.hooks_dir.join(t))
                .symlink_metadata()
                .is_err()
        })
        .collect();
    let uninstalled = !reached.is_empty()
        && reached
            .iter()
            .all(|t| !is_pre_commit_script(&loc.hooks_dir.join(t)));
    uninstalled.then(|| {
        "`pre-commit uninstall` removed pre-commit's other hooks and left this one, since relhook's shim stands in its place".to_owned()
    })
}

/// The configuration file the script runs pre-commit with (`--config=` in its templated
/// arguments, else pre-commit's default), relative to the work tree.
fn config_of(script: &str) -> String {
    script
        .lines()
        .filter(|l| l.trim_start().starts_with("ARGS=("))
        .flat_map(|l| l.split([' ', '(', ')']))
        .find_map(|w| w.strip_prefix("--config="))
        .map(|c| c.trim_matches(['\'', '"']).to_owned())
        .unwrap_or_else(|| ".pre-commit-config.yaml".to_owned())
}

/// The hook types plain `pre-commit install` and `pre-commit uninstall` handle.
fn install_types(text: &str) -> Vec<String> {
    let listed = Doc::parse(text).ok().and_then(|doc| {
        let root = doc.root()?;
        let node = doc.get(root, "default_install_hook_types")?;
        doc.items(node)
            .map(|n| doc.scalar(n).map(str::to_owned))
            .collect::<Option<Vec<_>>>()
    });
    listed
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| vec!["pre-commit".to_owned()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_config_the_script_names() {
        let s = "ARGS=(hook-impl --config=ci/pc.yaml --hook-type=commit-msg)\n";
        assert_eq!(config_of(s), "ci/pc.yaml");
        assert_eq!(config_of("ARGS=(hook-impl)\n"), ".pre-commit-config.yaml");
    }

    #[test]
    fn reads_the_install_types() {
        let t = "default_install_hook_types: [pre-commit, commit-msg]\nrepos: []\n";
        assert_eq!(install_types(t), ["pre-commit", "commit-msg"]);
        assert_eq!(install_types("repos: []\n"), ["pre-commit"]);
    }
}
