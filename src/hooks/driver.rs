//! The CHANGELOG.md merge driver: `install` registers it (a `.gitattributes` line, which is
//! versioned, and `merge.relhook-changelog.*` in the repository's config, which is not and so
//! must be written in every clone); `uninstall` takes both out again.

use std::path::Path;

use crate::git::HooksLocation;
use crate::{Result, fsx};

/// The driver's name in `.gitattributes` and in git's config.
pub const DRIVER: &str = "relhook-changelog";

/// What registering changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Registered {
    /// Whether the git config entries were written or changed.
    pub config: bool,
    /// Whether a `.gitattributes` line was added (the user should commit it).
    pub attributes: bool,
}

/// The `.gitattributes` line for the changelog at `path` (relative, `/`-separated).
fn attribute_line(path: &Path) -> String {
    let p = path.to_string_lossy().replace('\\', "/");
    // Attribute patterns treat spaces as separators; a path with spaces is quoted.
    let p = if p.contains(' ') {
        format!("\"{p}\"")
    } else {
        p
    };
    format!("/{p} merge={DRIVER}")
}

/// The driver command git runs (through its shell): the binary's path single-quoted, then git's
/// placeholders, which are temporary file names git makes itself.
fn driver_command(binary: &Path) -> String {
    let bin = binary.to_string_lossy().replace('\'', r"'\''");
    format!("'{bin}' hook merge-changelog %O %A %B %P")
}

/// Registers the driver for the changelog at `changelog` (relative to the work tree).
pub fn register(loc: &HooksLocation, binary: &Path, changelog: &Path) -> Result<Registered> {
    let mut done = Registered::default();
    let command = driver_command(binary);
    let current = loc
        .git(&[
            "config",
            "--local",
            "--get",
            &format!("merge.{DRIVER}.driver"),
        ])
        .ok()
        .map(|s| s.trim_end().to_owned());
    if current.as_deref() != Some(command.as_str()) {
        loc.git(&[
            "config",
            "--local",
            &format!("merge.{DRIVER}.name"),
            "relhook: union of CHANGELOG.md Unreleased entries",
        ])?;
        loc.git(&[
            "config",
            "--local",
            &format!("merge.{DRIVER}.driver"),
            &command,
        ])?;
        done.config = true;
    }
    let attrs = loc.work_tree.join(".gitattributes");
    let line = attribute_line(changelog);
    let existing = fsx::read_optional(&attrs)?.unwrap_or_default();
    let text = String::from_utf8_lossy(&existing);
    if !text.lines().any(|l| l.trim() == line) {
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        let mut bytes = existing.clone();
        if !bytes.is_empty() && !bytes.ends_with(b"\n") {
            bytes.extend_from_slice(eol.as_bytes());
        }
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(eol.as_bytes());
        fsx::write_atomic(&attrs, &bytes)?;
        done.attributes = true;
    }
    Ok(done)
}

/// Takes the driver out: the config section, and the `.gitattributes` line relhook writes
/// (the file is removed when nothing else was in it).
pub fn unregister(loc: &HooksLocation, changelog: &Path) -> Result<Registered> {
    let mut done = Registered::default();
    if loc
        .git(&[
            "config",
            "--local",
            "--get",
            &format!("merge.{DRIVER}.driver"),
        ])
        .is_ok()
    {
        loc.git(&[
            "config",
            "--local",
            "--remove-section",
            &format!("merge.{DRIVER}"),
        ])?;
        done.config = true;
    }
    let attrs = loc.work_tree.join(".gitattributes");
    let Some(existing) = fsx::read_optional(&attrs)? else {
        return Ok(done);
    };
    let line = attribute_line(changelog);
    let text = String::from_utf8_lossy(&existing).into_owned();
    let kept: Vec<&str> = text
        .split_inclusive('\n')
        .filter(|l| l.trim() != line)
        .collect();
    if kept.len() != text.split_inclusive('\n').count() {
        let rest = kept.concat();
        if rest.trim().is_empty() {
            std::fs::remove_file(&attrs).map_err(|e| crate::Error::io("remove", &attrs, e))?;
        } else {
            fsx::write_atomic(&attrs, rest.as_bytes())?;
        }
        done.attributes = true;
    }
    Ok(done)
}

/// How the merge driver stands in this clone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriverState {
    /// Registered, and its binary exists.
    Ok,
    /// `.gitattributes` asks for it (or post-commit is installed) but this clone's config lacks
    /// it: git then silently falls back to a text merge, with conflicts.
    Missing,
    /// Registered with a binary that is gone.
    Stale(String),
    /// Not used here.
    Unused,
}

/// Reads the driver's registration and the attribute line.
pub fn state(loc: &HooksLocation, changelog: &Path, post_commit_installed: bool) -> DriverState {
    let command = loc
        .git(&["config", "--get", &format!("merge.{DRIVER}.driver")])
        .ok();
    let attrs = fsx::read_optional(&loc.work_tree.join(".gitattributes"))
        .ok()
        .flatten()
        .unwrap_or_default();
    let wanted = String::from_utf8_lossy(&attrs)
        .lines()
        .any(|l| l.trim() == attribute_line(changelog));
    match command.map(|c| c.trim().to_owned()) {
        Some(c) => {
            let bin = c
                .strip_prefix('\'')
                .and_then(|r| r.split_once("' "))
                .map(|(b, _)| b.replace(r"'\''", "'"));
            match bin {
                Some(b) if !Path::new(&b).exists() => DriverState::Stale(b),
                _ => DriverState::Ok,
            }
        }
        None if wanted || post_commit_installed => DriverState::Missing,
        None => DriverState::Unused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_and_line_are_quoted() {
        assert_eq!(
            driver_command(Path::new("/opt/it's/relhook")),
            r"'/opt/it'\''s/relhook' hook merge-changelog %O %A %B %P"
        );
        assert_eq!(
            attribute_line(Path::new("CHANGELOG.md")),
            "/CHANGELOG.md merge=relhook-changelog"
        );
        assert_eq!(
            attribute_line(Path::new("docs/My Changes.md")),
            "/\"docs/My Changes.md\" merge=relhook-changelog"
        );
    }
}
