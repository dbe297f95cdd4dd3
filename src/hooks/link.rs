//! reference-transaction as a symbolic link to relhook itself, or, where this relhook has one,
//! the small program `launcher` writes. git runs that hook on every ref update, several times
//! per commit and twice per tag; a shell in front of relhook costs more than relhook's own look
//! at the update (dash, dynamically linked, starts slower than the static relhook), and the
//! launcher starts faster than either. So where it is safe, git starts relhook (or the
//! launcher) directly (`cli::linked` does what the sh shim did before relhook starts).
//!
//! Safe because neither stops a ref update when relhook is gone: git skips a hook whose link
//! leads nowhere (`access(X_OK)` fails, nothing is said), and the launcher lets the update
//! through (saying so when relhook would have looked at it), where a `#!` line naming relhook
//! would fail every one. The other hooks, which stay shims, say that relhook is missing.
//!
//! The rest of `hooks` reads a link or a launcher through [`read`], as the text of the shim it
//! stands for ([`LINK_WORD`] on its `#!` line), so that recognising, updating and removing it
//! is the same code as for a shim.

use std::path::{Path, PathBuf};

use super::{BACKUP_SUFFIX, HOOKS, Hook};
use crate::{Error, Result};

/// What the `#!` line of the text a link stands for says after relhook's path.
pub const LINK_WORD: &str = " link:";

/// The hooks git may start through a link.
const LINKED: &[&str] = &["reference-transaction"];

/// Whether `hook` is written as a link where `binary` allows it: Unix, an absolute path to a
/// file named `relhook`, and the hook relhook replaced chained (the link cannot say "do not
/// run it": `install --force` keeps the shim).
pub(super) fn linkable(hook: &Hook, binary: &str, chain: bool) -> bool {
    cfg!(unix)
        && chain
        && LINKED.contains(&hook.name)
        && binary.starts_with('/')
        && Path::new(binary)
            .file_name()
            .is_some_and(|n| n == "relhook")
}

/// The text a link or launcher stands for (see the module doc); its first line names the
/// binary.
pub(super) fn text(hook: &Hook, path: &str) -> String {
    text_of(hook, path, super::SHIM_VERSION, THIS_BUILD)
}

/// What the third line of [`text`] says.
const THIS_BUILD: &str = "# relhook itself, or a program that starts it: git starts it without a shell, and it lets every update through when relhook is gone.";

/// [`text`] as a hook of shim format `version` wrote it, saying `note` on its third line.
fn text_of(hook: &Hook, path: &str, version: u32, note: &str) -> String {
    format!(
        "#!{path}{LINK_WORD}{name}\n{marker}{version} {name}\n{note}\nrelhook={quoted}\nchain=1\n",
        name = hook.name,
        marker = super::MARKER,
        quoted = super::sh_quote(path),
    )
}

/// The format of a link an earlier relhook wrote where this one writes the launcher: stale,
/// so that install writes the launcher.
const OLDER: u32 = super::SHIM_VERSION - 1;

/// The third line of the text a launcher stands for when it is another relhook build's (it
/// works, and install replaces it with this build's, saying why).
const ANOTHER_BUILD: &str =
    "# the launcher of another relhook build: it works, and `relhook install` writes this build's.";

/// The third line of the text a launcher stands for when it is cut short: git cannot start
/// it, so every ref update fails (doctor says so; install writes it again).
const DAMAGED: &str =
    "# a relhook launcher cut short: git cannot start it, and every ref update fails.";

/// For the text of a launcher cut short ([`DAMAGED`]): what doctor says, and the fix.
pub(super) fn damaged(text: &[u8], path: &Path) -> Option<(String, String)> {
    memchr::memmem::find(text, DAMAGED.as_bytes())?;
    Some((
        format!(
            "{} is relhook's launcher cut short: git cannot start it, so every ref update fails",
            path.display()
        ),
        "relhook install (writes the launcher again)".into(),
    ))
}

/// Why install writes a launcher again that names the same relhook: it is cut short, or
/// another build's.
pub(super) fn rewrite_reason(text: &[u8]) -> Option<&'static str> {
    let has = |note: &str| memchr::memmem::find(text, note.as_bytes()).is_some();
    if has(DAMAGED) {
        Some("it was cut short, so git could not start it")
    } else if has(ANOTHER_BUILD) {
        Some("it was another relhook build's launcher")
    } else {
        None
    }
}

/// The binary a text from [`text`] links to.
fn target(text: &str) -> Option<&str> {
    text.lines()
        .next()?
        .strip_prefix("#!")?
        .split_once(LINK_WORD)
        .map(|(path, _)| path)
}

/// The hook whose name `file` carries: `reference-transaction`, or a name a hook manager moved
/// it to (`reference-transaction.legacy`), but never the hook relhook keeps aside.
pub fn linked_hook(file: &str) -> Option<&'static str> {
    if file.ends_with(BACKUP_SUFFIX) {
        return None;
    }
    LINKED.iter().copied().find(|name| {
        file == *name
            || file
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// The text of the shim a link or launcher relhook wrote stands for; `None` for anything else
/// (another file, another tool's link).
fn link_text(path: &Path) -> Option<String> {
    let meta = path.symlink_metadata().ok()?;
    let name = linked_hook(path.file_name()?.to_str()?)?;
    let hook = HOOKS.iter().find(|h| h.name == name)?;
    if meta.file_type().is_symlink() {
        let to = std::fs::read_link(path).ok()?;
        let to = to.to_str()?;
        // Stale where this relhook would write the launcher instead (not for a path too long
        // for it).
        let version = if super::launcher::render(to).is_some() {
            OLDER
        } else {
            super::SHIM_VERSION
        };
        return linkable(hook, to, true).then(|| text_of(hook, to, version, THIS_BUILD));
    }
    // A launcher is a few kilobytes: what lies beyond the first megabyte is never read (text
    // appended to one is named from its start, a launcher padded past it is still one).
    if !meta.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).ok()?, 1 << 20),
        &mut bytes,
    )
    .ok()?;
    let found = super::launcher::relhook_of(&bytes)?;
    // Appended bytes (`echo … >>`, as to a sh hook) never run, and would go with the next
    // install: they follow this build's shim text, where install and doctor look for lines
    // added by hand (install then refuses to write over them). So they decide the note first.
    let note = if found.appended.is_empty() && found.damaged {
        DAMAGED
    } else if found.current || !found.appended.is_empty() {
        THIS_BUILD
    } else {
        ANOTHER_BUILD
    };
    linkable(hook, &found.relhook, true).then(|| {
        text_of(hook, &found.relhook, super::SHIM_VERSION, note)
            + &String::from_utf8_lossy(&found.appended)
    })
}

/// A hook file's bytes; for a link or launcher relhook wrote, the text of the shim it stands
/// for (never relhook's own megabytes).
pub fn read(path: impl AsRef<Path>) -> std::io::Result<Vec<u8>> {
    let path = path.as_ref();
    match link_text(path) {
        Some(text) => Ok(text.into_bytes()),
        None => std::fs::read(path),
    }
}

/// [`read`], `None` when there is no file.
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    match link_text(path) {
        Some(text) => Ok(Some(text.into_bytes())),
        None => crate::fsx::read_optional(path),
    }
}

/// Writes `text` at `path`: the launcher or link it stands for, or the file. Either replaces
/// what was there in one rename. Where no link can be made (a file system without them), the
/// sh shim.
pub(super) fn write(path: &Path, text: &str) -> Result<()> {
    let file = |text: &[u8]| crate::fsx::write_atomic_with_mode(path, text, Some(0o755));
    let Some(to) = target(text) else {
        return file(text.as_bytes());
    };
    if let Some(launcher) = super::launcher::render(to) {
        return file(&launcher);
    }
    let Err(linking) = link_atomic(path, Path::new(to)) else {
        return Ok(());
    };
    let hook = text
        .lines()
        .next()
        .and_then(|l| l.split_once(LINK_WORD))
        .and_then(|(_, name)| HOOKS.iter().find(|h| h.name == name));
    match hook.map(|h| h.render_as(Path::new(to), true, false, false)) {
        Some(Ok(shim)) => file(shim.as_bytes()),
        _ => Err(linking),
    }
}

#[cfg(unix)]
fn link_atomic(path: &Path, to: &Path) -> Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp: PathBuf = path.with_file_name(format!(
        "{}{}-link-{name}",
        crate::fsx::BESIDE_PREFIX,
        std::process::id()
    ));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(to, &tmp).map_err(|e| Error::io("create", &tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io("replace", path, e)
    })
}

#[cfg(not(unix))]
fn link_atomic(path: &Path, _to: &Path) -> Result<()> {
    Err(Error::io(
        "link",
        path,
        std::io::Error::from(std::io::ErrorKind::Unsupported),
    ))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn rt() -> &'static Hook {
        HOOKS
            .iter()
            .find(|h| h.name == "reference-transaction")
            .unwrap()
    }

    #[test]
    fn a_launcher_or_link_reads_as_the_shim_it_stands_for() {
        let dir = tempfile::tempdir().unwrap();
        let hook = dir.path().join("reference-transaction");
        let text = rt()
            .render(Path::new("/opt/bin/relhook"), true, false)
            .unwrap();
        assert!(text.starts_with("#!/opt/bin/relhook link:reference-transaction\n"));
        write(&hook, &text).unwrap();
        let meta = hook.symlink_metadata().unwrap();
        if super::super::launcher::available() {
            assert!(meta.is_file() && meta.len() < 1 << 20);
        } else {
            assert_eq!(
                std::fs::read_link(&hook).unwrap(),
                Path::new("/opt/bin/relhook")
            );
        }
        assert_eq!(read(&hook).unwrap(), text.as_bytes());
        let shim = super::super::recognise(&read(&hook).unwrap()).unwrap();
        assert_eq!(shim.binary.as_deref(), Some(Path::new("/opt/bin/relhook")));
        assert!(shim.chain && shim.direct && shim.linked);
        assert_eq!(shim.version, super::super::SHIM_VERSION);
        // Moved aside by a hook manager, still relhook's; kept aside by relhook, never.
        let legacy = dir.path().join("reference-transaction.legacy");
        std::fs::rename(&hook, &legacy).unwrap();
        assert_eq!(read(&legacy).unwrap(), text.as_bytes());
        let kept = dir.path().join("reference-transaction.relhook-orig");
        std::fs::rename(&legacy, &kept).unwrap();
        assert!(link_text(&kept).is_none());
        std::fs::remove_file(&kept).unwrap();
        // A link to relhook is relhook's too: an older install's where a launcher is written.
        std::os::unix::fs::symlink("/opt/bin/relhook", &hook).unwrap();
        let linked = super::super::recognise(&read(&hook).unwrap()).unwrap();
        assert_eq!(
            linked.binary.as_deref(),
            Some(Path::new("/opt/bin/relhook"))
        );
        let stale = super::super::launcher::available();
        assert_eq!(linked.version < super::super::SHIM_VERSION, stale);
        // A link to a relhook whose path no launcher can hold stays current.
        std::fs::remove_file(&hook).unwrap();
        let long = format!("/{}/relhook", "d".repeat(4080));
        std::os::unix::fs::symlink(&long, &hook).unwrap();
        let linked = super::super::recognise(&read(&hook).unwrap()).unwrap();
        assert_eq!(linked.version, super::super::SHIM_VERSION);
        // Another tool's link, or a link to a file that is not relhook, is not relhook's.
        std::fs::remove_file(&hook).unwrap();
        std::os::unix::fs::symlink("/usr/bin/true", &hook).unwrap();
        assert!(link_text(&hook).is_none());
        // No temporary is left beside it.
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }

    #[test]
    fn only_a_chained_absolute_relhook_is_linked() {
        let render = |path: &str, chain: bool| {
            rt().render(Path::new(path), chain, false)
                .unwrap()
                .contains(LINK_WORD)
        };
        assert!(render("/usr/local/bin/relhook", true));
        assert!(!render("/usr/local/bin/relhook", false));
        assert!(!render("relhook", true));
        assert!(!render("/usr/local/bin/relhook-dev", true));
        // The other hooks never are.
        for hook in HOOKS.iter().filter(|h| h.name != "reference-transaction") {
            let text = hook
                .render(Path::new("/usr/local/bin/relhook"), true, false)
                .unwrap();
            assert!(!text.contains(LINK_WORD), "{}", hook.name);
        }
        assert_eq!(
            linked_hook("reference-transaction.legacy"),
            Some("reference-transaction")
        );
        assert_eq!(linked_hook("reference-transaction.relhook-orig"), None);
        assert_eq!(linked_hook("reference-transactions"), None);
    }
}
