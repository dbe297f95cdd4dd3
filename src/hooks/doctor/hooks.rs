//! One hook: relhook's shim in the hooks directory git runs (and the hook it chains), or
//! relhook's call in a hook manager's file.

use std::path::Path;

use super::{Check, Status, check, same_file, shell_word};
use crate::git::HooksLocation;
use crate::hooks::install::{backup_path, is_executable};
use crate::hooks::{SHIM_VERSION, available, crlf, recognise};

/// relhook's own shim, which a hook manager leaves in the hooks directory (lefthook writes only
/// the hooks its configuration has a section for): judged as any shim, and said whose it is.
pub(super) fn shim_left_by(
    loc: &HooksLocation,
    binary: &Path,
    manager: &str,
    w: &crate::hooks::managed::HookWiring,
    shared: bool,
) -> Check {
    let mut c = hook_check(loc, w.hook, binary);
    let file = w.file.display();
    c.detail.push_str(&if shared {
        format!(
            "; {file} calls relhook too, and {manager} runs that once `{manager} install` puts its own hook here"
        )
    } else {
        format!(
            "; {manager} leaves it alone ({file} has no {} section)",
            crate::hooks::managed::LefthookFormat::of(&w.file).section_name(w.hook)
        )
    });
    c
}

pub(super) fn hook_check(loc: &HooksLocation, name: &str, binary: &Path) -> Check {
    let subject = format!("hook {name}");
    let path = loc.hooks_dir.join(name);
    let install = Some(super::install_fix(loc));
    if path.symlink_metadata().is_err() {
        return check(
            &subject,
            Status::Missing,
            format!("no {name} hook in {}", loc.hooks_dir.display()),
            install,
        );
    }
    // pre-commit moved relhook's shim to `<hook>.legacy` and runs it: it is judged there. The
    // hook relhook chains keeps its name beside the hook's (`backup`).
    let backup = backup_path(&path);
    let aside = crate::hooks::aside::moved_shim(&path);
    let hook_path = path.clone();
    let path = aside.clone().unwrap_or(path);
    let bytes = crate::hooks::link::read(&path).unwrap_or_default();
    let Some(shim) = recognise(&bytes) else {
        return foreign_check(&subject, &path, name, loc);
    };
    if let Some(legacy) = aside
        .is_none()
        .then(|| crate::hooks::aside::fragile(&path, &backup))
        .flatten()
    {
        return check(
            &subject,
            Status::Stale,
            format!(
                "the next `pre-commit install` moves relhook's shim onto {}, over the hook of yours there",
                legacy.display()
            ),
            Some(
                "relhook install (moves relhook's shim there and keeps your hook beside it)".into(),
            ),
        );
    }
    if let Some((what, fix)) = crate::hooks::link::damaged(&bytes, &path) {
        return check(&subject, Status::Broken, what, Some(fix));
    }
    if let Some(c) = crlf::find(&bytes, true) {
        return check(
            &subject,
            Status::Broken,
            format!(
                "{}: {}",
                c.describe(&path.display().to_string()),
                c.costs(name)
            ),
            Some("relhook install (writes relhook's shim again, with LF line endings)".into()),
        );
    }
    if let Some((line, text)) = crate::hooks::appended(&bytes) {
        return check(
            &subject,
            Status::Shadowed,
            format!(
                "{} has {}, {}",
                path.display(),
                crate::hooks::added_below(&path, line, &text),
                crate::hooks::APPENDED_WHY.trim_end_matches('.')
            ),
            Some(crate::hooks::edited::appended_fix(&hook_path, |p| {
                shell_word(p)
            })),
        );
    }
    if let Some((line, text)) = crate::hooks::edited::changed_inside(&bytes) {
        // Those lines run; only install and uninstall are held back by them.
        return check(
            &subject,
            Status::Warning,
            format!(
                "{} has {}: `relhook install` and `relhook uninstall` leave it alone",
                path.display(),
                crate::hooks::edited::changed_note(line, &text)
            ),
            Some(format!(
                "keep what you need of it elsewhere, `rm {}`, then relhook install",
                shell_word(&hook_path)
            )),
        );
    }
    if shim.version < SHIM_VERSION {
        return check(
            &subject,
            Status::Stale,
            format!(
                "shim v{} is older than this relhook's v{SHIM_VERSION}",
                shim.version
            ),
            install,
        );
    }
    match &shim.binary {
        // A shared hooks directory's shim: relhook on PATH, whichever it is on this machine.
        Some(b) if b.as_os_str() == crate::hooks::ON_PATH => {
            if !crate::hooks::aside::on_path(crate::hooks::ON_PATH) {
                return check(
                    &subject,
                    Status::Broken,
                    "it looks for relhook on PATH (a shared hooks directory), and there is none there: it skips its checks".into(),
                    Some("put relhook on PATH".into()),
                );
            }
        }
        Some(b) if !b.is_file() => {
            return check(
                &subject,
                Status::Stale,
                if shim.linked && !path.is_symlink() {
                    format!(
                        "it starts `{}`, which no longer exists: ref updates go on, and each tag made by hand says it was not checked",
                        b.display()
                    )
                } else if shim.linked {
                    format!(
                        "it is a link to `{}`, which no longer exists: git skips it without a word, and tags made by hand are not checked",
                        b.display()
                    )
                } else if shim.direct {
                    format!(
                        "it starts `{}`, which no longer exists: git says \"cannot exec\" after each commit (the commit is made, without its changelog entry)",
                        b.display()
                    )
                } else {
                    format!(
                        "it calls `{}`, which no longer exists (it falls back to relhook on PATH, or skips the check)",
                        b.display()
                    )
                },
                install,
            );
        }
        Some(b) if !same_file(b, binary) => {
            return check(
                &subject,
                Status::Stale,
                format!(
                    "it calls `{}`, not this relhook (`{}`)",
                    b.display(),
                    binary.display()
                ),
                install,
            );
        }
        None => {
            return check(
                &subject,
                Status::Stale,
                "it records no relhook binary".into(),
                install,
            );
        }
        Some(_) => {}
    }
    if !is_executable(&path) {
        return check(
            &subject,
            Status::Shadowed,
            format!("{} is not executable, so git skips it", path.display()),
            Some(format!("chmod +x {}", shell_word(&path))),
        );
    }
    if let Some(c) = crlf::chained(&hook_path) {
        let first = format!(
            "{}, the hook relhook runs {},",
            backup.display(),
            crate::hooks::kept_runs(name)
        );
        return check(
            &subject,
            Status::Broken,
            format!("{}: {}", c.describe(&first), c.costs(name)),
            Some(format!(
                "{} (converts it to LF line endings)",
                crlf::convert_command(&backup)
            )),
        );
    }
    if let Some(why) = shim
        .chain
        .then(|| crate::hooks::managed::pre_commit_left_behind(loc, name))
        .flatten()
    {
        return check(
            &subject,
            Status::Warning,
            format!(
                "{} is pre-commit's {name} hook, which relhook's shim still runs {}, though {why}",
                backup.display(),
                crate::hooks::kept_runs(name)
            ),
            Some(format!("rm {}", shell_word(&backup))),
        );
    }
    let chained = if shim.chain && backup.exists() {
        format!(
            "; runs {} {}",
            backup.display(),
            crate::hooks::kept_runs(name)
        )
    } else {
        String::new()
    };
    let detail = match &aside {
        Some(legacy) => format!(
            "pre-commit's {name} hook runs relhook's shim, kept as {}{chained}",
            legacy.display()
        ),
        None => format!("installed in {}{chained}", loc.hooks_dir.display()),
    };
    check(&subject, Status::Ok, detail, None)
}

/// A hook relhook did not write. install keeps one as `<hook>.relhook-orig`; when that name is
/// taken it refuses rather than lose either (unless the two are the same bytes), so the fix
/// names the file to move. Where relhook's other shims are still there, another tool wrote
/// this one over relhook's (`git lfs install --force`): said so, with what no longer happens.
fn foreign_check(subject: &str, path: &Path, name: &str, loc: &HooksLocation) -> Check {
    let (dir, install) = (loc.hooks_dir.as_path(), super::install_cmd(loc));
    let backup = backup_path(path);
    let (p, b) = (path.display(), backup.display());
    let bytes = crate::hooks::link::read(path).unwrap_or_default();
    let gone = available().any(|h| {
        h.name != name && {
            let other = dir.join(h.name);
            let at = crate::hooks::aside::moved_shim(&other).unwrap_or(other);
            crate::hooks::link::read(at).is_ok_and(|o| recognise(&o).is_some())
        }
    });
    let now = format!(
        "relhook's {name} shim is gone ({}): {p} is {}",
        lost(name),
        crate::hooks::aside::whose(&bytes)
    );
    let (detail, fix) = if backup.symlink_metadata().is_err() {
        let detail = if gone {
            now
        } else {
            format!("{p} was not written by relhook")
        };
        let when = crate::hooks::kept_runs(name);
        let fix = format!("{install} (keeps it as {b} and runs it {when})");
        (detail, fix)
    } else if crate::hooks::link::read(&backup).is_ok_and(|k| k == bytes) {
        (
            format!("{now} again, the same as {b}, kept when relhook installed"),
            format!(
                "{install} (puts relhook's shim back; {b} still runs {})",
                crate::hooks::kept_runs(name)
            ),
        )
    } else {
        let (p_word, b_word) = (shell_word(path), shell_word(&backup));
        (
            format!(
                "{p} was not written by relhook, and {b} (the hook relhook kept when it installed) is there too"
            ),
            format!(
                "either merge {p_word} into {b_word} and delete {p_word}, or move {b_word} out of the way; then {install} (it runs the hook that remains {})",
                crate::hooks::kept_runs(name)
            ),
        )
    };
    check(subject, Status::Foreign, detail, Some(fix))
}

/// What relhook no longer does when its shim for `hook` is gone.
pub(super) fn lost(hook: &str) -> &'static str {
    match hook {
        "commit-msg" => "commit messages are not checked",
        "post-commit" => "commits get no changelog entry",
        "pre-push" => "pushes are not checked",
        "post-applypatch" => "a `git am` does not say which of its commits lack an entry",
        _ => "hand tags are not checked or turned into releases",
    }
}
