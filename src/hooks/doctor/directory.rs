//! The hooks directory itself, apart from each hook: relhook's files in it that `git status`
//! shows, and relhook's shims left in `.git/hooks` where `core.hooksPath` sends git elsewhere;
//! and the hook manager's files install wired relhook into that `git status` shows.

use super::{Check, Status, check, same_file, shell_word};
use crate::git::HooksLocation;
use crate::hooks::{available, recognise};
use crate::shellword::{from_top, ignore_folder};
use std::path::Path;

/// relhook's shims and the hooks it keeps beside them in the hooks directory, as paths from
/// the top of the work tree (the directory's is `rel`).
pub(super) fn relhook_files(loc: &HooksLocation, rel: &str) -> Vec<String> {
    let mut files = Vec::new();
    for hook in available() {
        let path = loc.hooks_dir.join(hook.name);
        if crate::hooks::link::read(&path).is_ok_and(|b| recognise(&b).is_some()) {
            files.push(format!("{rel}/{}", hook.name));
        }
        if crate::hooks::install::backup_path(&path)
            .symlink_metadata()
            .is_ok()
        {
            files.push(format!(
                "{rel}/{}{}",
                hook.name,
                crate::hooks::BACKUP_SUFFIX
            ));
        }
    }
    files
}

/// relhook's files in a hooks directory in the work tree that `git status` shows: releases and
/// hand tags refuse that tree until they are committed (or, untracked, ignored).
/// The commits advised pass the repository's `rules`.
pub(super) fn work_tree_check(
    loc: &HooksLocation,
    rules: &crate::config::CommitConfig,
) -> Option<Check> {
    let m = |text: &str| crate::commit::advised::commit(rules, "chore", None, text);
    let dir = loc.hooks_in_work_tree()?;
    let ours = relhook_files(loc, &dir.rel);
    if ours.is_empty() {
        return None;
    }
    let status = shown_by_status(loc, &ours)?;
    let shown: Vec<&str> = status.iter().map(String::as_str).collect();
    let rel = &dir.rel;
    let changed = dir.tracked && loc.shows_only_changes(rel);
    // The directory as words of the commands below (the prose says it as it is), named from
    // the top: they may be pasted in a folder below it.
    let (word, ignore) = (from_top(Path::new(rel)), ignore_folder(rel));
    let (why, fix) = if changed {
        (
            "this repository tracks it".to_owned(),
            format!(
                "git add {word} && {} (the team's clones run them too), or git checkout HEAD -- {word} (puts the committed ones back)",
                m("update relhook's hooks")
            ),
        )
    } else if dir.tracked {
        (
            "this repository tracks it".to_owned(),
            format!(
                "git add {word} && {} (the team's clones run them too), or relhook uninstall (puts the team's hooks back)",
                m("run relhook's hooks")
            ),
        )
    } else {
        let exclude = loc.common_dir.join("info").join("exclude");
        let exclude = exclude.strip_prefix(&loc.work_tree).unwrap_or(&exclude);
        (
            "git does not ignore it".to_owned(),
            format!(
                "{ignore} >> {} (this clone only), or git add {word} && git commit (for the team)",
                crate::shellword::below_top(exclude)
            ),
        )
    };
    // Names as git took them (a line break in one): shown on the row's one line.
    let shown: Vec<String> = shown.iter().map(|s| crate::printable::visible(s)).collect();
    let few = match shown.len() {
        0 => return None,
        n if n > 4 => format!("{}, and {} more", shown[..3].join(", "), n - 3),
        _ => shown.join(", "),
    };
    Some(check(
        "hooks directory",
        Status::Invalid,
        format!(
            "relhook's hooks in {} {}, and {why}: `git status` shows {few}, so releases and hand tags are refused",
            crate::printable::visible(rel),
            if changed {
                "differ from the ones committed"
            } else {
                "are not committed"
            }
        ),
        Some(fix),
    ))
}

/// The files of `manager` that call relhook (`wirings`, from the top of the work tree) that
/// `git status` shows, as `relhook install` leaves them: hand tags and releases refuse the
/// tree until they are committed. A warning: every hook works in this clone meanwhile.
pub(super) fn manager_files_check(
    loc: &HooksLocation,
    manager: &str,
    wirings: &[crate::hooks::managed::HookWiring],
    rules: &crate::config::CommitConfig,
) -> Option<Check> {
    use crate::hooks::managed::Wiring;
    let mut files: Vec<String> = Vec::new();
    for w in wirings {
        // Files that call relhook, in the work tree (relhook's own shims are judged apart).
        let calls = !matches!(
            w.wiring,
            Wiring::Missing | Wiring::Manual { .. } | Wiring::Shim { .. }
        );
        let rel = w.file.strip_prefix(&loc.work_tree).unwrap_or(&w.file);
        let shown = rel.display().to_string();
        if calls && rel.is_relative() && !files.contains(&shown) {
            files.push(shown);
        }
    }
    if files.is_empty() {
        return None;
    }
    let status = shown_by_status(loc, &files)?;
    let shown: Vec<&str> = status.iter().map(String::as_str).collect();
    if shown.is_empty() {
        return None;
    }
    let words: Vec<String> = shown.iter().map(|f| from_top(Path::new(f))).collect();
    let few = match shown.len() {
        n if n > 4 => format!("{}, and {} more", shown[..3].join(", "), n - 3),
        _ => shown.join(", "),
    };
    let message = format!("run relhook's hooks through {manager}");
    let (call, it, it_is) = match shown.len() {
        1 => ("calls", "it", "it is"),
        _ => ("call", "them", "they are"),
    };
    Some(check(
        &format!("{manager} files"),
        Status::Warning,
        format!(
            "{few} {call} relhook for {manager}, and `git status` shows {it}: releases and hand tags are refused until {it_is} committed (the team's clones run relhook then too)"
        ),
        Some(format!(
            "git add {} && {}",
            words.join(" "),
            crate::commit::advised::commit(rules, "chore", None, &message)
        )),
    ))
}

/// Where `relhook install` writes for hooks run from `dir`: husky's runners in `.husky/_`
/// are husky's own, so install wires relhook into the `.husky/<hook>` files beside them.
fn writes(dir: &Path) -> String {
    let husky = dir.file_name().is_some_and(|n| n == "_")
        && dir
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == ".husky");
    match dir.parent() {
        Some(top) if husky => format!("wires relhook into husky's hook files in {}", top.display()),
        _ => format!("writes into {}", dir.display()),
    }
}

/// relhook shims left in `.git/hooks` while `core.hooksPath` sends git elsewhere.
pub(super) fn shadowed_default_dir(loc: &HooksLocation) -> Option<Check> {
    let setting = loc.hooks_path.as_ref()?;
    let default = loc.default_hooks_dir();
    if same_file(&default, &loc.hooks_dir) {
        return None;
    }
    let stranded: Vec<_> = available()
        .filter(|h| {
            let here = crate::hooks::link::read(default.join(h.name)).ok();
            let there = crate::hooks::link::read(loc.hooks_dir.join(h.name)).ok();
            here.as_deref().and_then(recognise).is_some()
                && there.as_deref().and_then(recognise).is_none()
        })
        .map(|h| h.name)
        .collect();
    if stranded.is_empty() {
        return None;
    }
    Some(check(
        "core.hooksPath",
        Status::Shadowed,
        format!(
            "relhook's {} in {} never {}: core.hooksPath = {} ({} config) makes git run hooks from {}",
            stranded.join(", "),
            default.display(),
            if stranded.len() == 1 { "runs" } else { "run" },
            setting.value,
            setting.scope,
            loc.hooks_dir.display()
        ),
        Some(match setting.scope.as_str() {
            "global" | "system" => format!(
                "`git config core.hooksPath {}` (this repository only), or `git config --{} --unset core.hooksPath`",
                shell_word(&default),
                setting.scope
            ),
            _ => format!(
                "relhook install ({}), or `git config --{} --unset core.hooksPath`",
                writes(&loc.hooks_dir),
                setting.scope
            ),
        }),
    ))
}

/// Which of `files` (paths from the top) `git status` shows: changed, or untracked even in an
/// untracked folder. `None` when git cannot say.
fn shown_by_status(loc: &HooksLocation, files: &[String]) -> Option<Vec<String>> {
    let mut args = vec!["--literal-pathspecs", "status", "--porcelain", "-z"];
    args.extend(["--untracked-files=all", "--"]);
    args.extend(files.iter().map(String::as_str));
    let status = loc.git(&args).ok()?;
    Some(
        status
            .split('\0')
            .filter_map(|e| e.get(3..).filter(|p| files.iter().any(|f| f == p)))
            .map(str::to_owned)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn husky_runners_are_wired_through_their_hook_files() {
        assert_eq!(
            writes(Path::new("/r/.husky/_")),
            "wires relhook into husky's hook files in /r/.husky"
        );
        assert_eq!(
            writes(Path::new("/r/.githooks")),
            "writes into /r/.githooks"
        );
        assert_eq!(writes(Path::new("/r/_")), "writes into /r/_");
    }
}
