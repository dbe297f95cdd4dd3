//! A shim relhook wrote with lines changed by hand between relhook's own (not only added
//! below them, which [`super::appended`] finds). They run, and writing the shim again or
//! removing it would lose them: install and uninstall leave such a shim alone and say so.

use std::path::{Path, PathBuf};

use super::{HOOKS, ON_PATH, SHIM_VERSION};

/// Where a shim of this relhook's format first differs from what relhook would write there:
/// the line (from 1) and that line of the file, shortened; `None` when it is relhook's text,
/// has lines only added below it, or is of another format, whose text this relhook cannot
/// tell (install writes that one again, as it always did).
pub fn changed_inside(bytes: &[u8]) -> Option<(usize, String)> {
    let shim = super::recognise(bytes)?;
    if shim.version != SHIM_VERSION || super::link::rewrite_reason(bytes).is_some() {
        return None;
    }
    let hook = HOOKS.iter().find(|h| h.name == shim.hook)?;
    // A missing `relhook=` line is a change too: any path renders the rest to compare with.
    let binary = shim
        .binary
        .clone()
        .unwrap_or_else(|| PathBuf::from(ON_PATH));
    let ours = hook
        .render_as(&binary, shim.chain, shim.created_dir, shim.direct)
        .ok()?;
    // CRLF line endings alone are not an edit: install writes the shim with LF (saying why).
    let theirs = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    if theirs.starts_with(&ours) {
        return None;
    }
    let (mine, relhooks): (Vec<&str>, Vec<&str>) =
        (theirs.lines().collect(), ours.lines().collect());
    let at = (0..mine.len().max(relhooks.len())).find(|&i| mine.get(i) != relhooks.get(i))?;
    let text = mine
        .get(at)
        .map_or("(the file ends here)".to_owned(), |l| shown(l.trim()));
    Some((at + 1, text))
}

/// What install and uninstall say of a shim [`changed_inside`] found changed.
pub fn changed_note(line: usize, text: &str) -> String {
    format!("lines relhook did not write inside its shim, from line {line} (`{text}`)")
}

/// `line` as shown in a terminal: at most 60 characters, control bytes (an escape sequence
/// written into the file) written out.
pub(super) fn shown(line: &str) -> String {
    let short: String = line
        .chars()
        .take(60)
        .map(|c| match c.is_control() {
            true => c.escape_default().collect(),
            false => String::from(c),
        })
        .collect();
    if line.chars().count() > 60 {
        format!("{short}…")
    } else {
        short
    }
}

/// What to do with lines added below the shim at `path` (paths shown by `shown`) so that the
/// next `relhook install` settles. Where relhook already keeps a hook there, a hook of the
/// user's in the shim's place would only be refused beside it: the lines go into the kept hook, which the shim runs (a shim installed with
/// `--force` runs none: uninstall puts the kept hook back, and install then runs it).
pub fn appended_fix(path: &Path, shown: impl Fn(&Path) -> String) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let when = super::kept_runs(name.as_deref().unwrap_or_default());
    let backup = super::install::backup_path(path);
    let (file, kept) = (shown(path), shown(&backup));
    if backup.symlink_metadata().is_err() {
        return format!(
            "replace {file} with a hook of your own that holds them (for git-lfs's: `git lfs update --force`), then run `relhook install` again: it keeps that hook as {kept} and runs it {when}"
        );
    }
    let then = match super::left_out(path) {
        Some(_) => format!(
            "then run `relhook uninstall` and `relhook install` (the shim, installed with --force, does not run {kept}; installed again, it runs it {when})"
        ),
        None => format!("then run `relhook install` again (the shim runs {kept} {when})"),
    };
    format!(
        "move them into {kept}, the hook relhook keeps beside the shim, and delete them from {file}; {then}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_line_put_between_relhooks_is_found_and_relhooks_own_text_is_not() {
        for hook in HOOKS {
            let shim = hook
                .render(Path::new("/usr/local/bin/relhook"), true, true)
                .unwrap();
            assert_eq!(changed_inside(shim.as_bytes()), None, "{}", hook.name);
            let crlf = shim.replace('\n', "\r\n");
            assert_eq!(changed_inside(crlf.as_bytes()), None, "{}", hook.name);
            let below = format!("{shim}echo below\n");
            assert_eq!(changed_inside(below.as_bytes()), None, "{}", hook.name);
            let Some(at) = shim.find("\nchain=") else {
                continue;
            };
            let inside = format!("{}\necho mine{}", &shim[..at], &shim[at..]);
            let (line, text) = changed_inside(inside.as_bytes()).unwrap();
            assert_eq!(text, "echo mine", "{}", hook.name);
            assert_eq!(inside.lines().nth(line - 1), Some("echo mine"));
        }
    }
}
