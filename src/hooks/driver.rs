//! The CHANGELOG.md merge driver: `install` registers it (an attribute line in the common git
//! directory's `info/attributes`, so the work tree stays clean, and `merge.relhook-changelog.*`
//! in the repository's config; neither is versioned, so every clone runs `relhook install`);
//! `uninstall` takes both out again. A team that wants every clone to ask for the driver can
//! commit the same line to `.gitattributes`; relhook never writes that file.

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
    /// Whether the `info/attributes` line was added (or removed, on uninstall).
    pub attributes: bool,
    /// Whether `am.threeWay = true` was set (or, on uninstall, taken out again).
    pub am_three_way: bool,
}

/// Marks that relhook set `am.threeWay`, so that uninstall takes out only its own setting.
const AM_MARK: &str = "relhook.amthreeway";

/// `git am` applies patches without a three-way merge by default, so two patches that each
/// add an entry under the same heading fail on CHANGELOG.md ("patch does not apply") and the
/// merge driver never runs. With `am.threeWay`, am falls back to a three-way merge, which uses
/// the driver. Set in the repository's config unless the user already chose a value.
fn set_am_three_way(loc: &HooksLocation) -> Result<bool> {
    if loc.git(&["config", "--get", "am.threeWay"]).is_ok() {
        return Ok(false);
    }
    loc.git(&["config", "--local", "am.threeWay", "true"])?;
    loc.git(&["config", "--local", AM_MARK, "true"])?;
    Ok(true)
}

fn unset_am_three_way(loc: &HooksLocation) -> Result<bool> {
    if loc.git(&["config", "--local", "--get", AM_MARK]).is_err() {
        return Ok(false);
    }
    let ours = loc
        .git(&["config", "--local", "--get", "am.threeWay"])
        .is_ok_and(|v| v.trim() == "true");
    if ours {
        loc.git(&["config", "--local", "--unset", "am.threeWay"])?;
    }
    loc.git(&["config", "--local", "--unset", AM_MARK])?;
    // `git config --unset` leaves empty `[am]`/`[relhook]` headers behind.
    for section in ["am", "relhook"] {
        let left = loc.git(&[
            "config",
            "--local",
            "--get-regexp",
            &format!("^{section}\\."),
        ]);
        if left.is_err() {
            let _ = loc.git(&["config", "--local", "--remove-section", section]);
        }
    }
    Ok(ours)
}

/// The `.gitattributes` line for the changelog at `path` (relative, `/`-separated).
pub(super) fn attribute_line(path: &Path) -> String {
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

/// Where install puts the attribute line: `info/attributes` in the common git directory, which
/// git reads in every worktree and which is not part of the work tree, so installing leaves
/// `git status` clean (the driver's definition is per clone anyway).
pub fn info_attributes(loc: &HooksLocation) -> std::path::PathBuf {
    loc.common_dir.join("info").join("attributes")
}

/// The line a team commits to `.gitattributes` to share the attribute (optional).
pub fn shared_line(changelog: &Path) -> String {
    attribute_line(changelog)
}

pub(super) fn has_line(file: &Path, line: &str) -> bool {
    fsx::read_optional(file).ok().flatten().is_some_and(|b| {
        String::from_utf8_lossy(&b)
            .lines()
            .any(|l| l.trim() == line)
    })
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
    let attrs = info_attributes(loc);
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
        if let Some(dir) = attrs.parent() {
            std::fs::create_dir_all(dir).map_err(|e| crate::Error::io("create", dir, e))?;
        }
        fsx::write_atomic(&attrs, &bytes)?;
        done.attributes = true;
    }
    done.am_three_way = set_am_three_way(loc)?;
    Ok(done)
}

/// Takes the driver out: the config section, and the line relhook wrote into
/// `info/attributes` (the file is removed when nothing else was in it). A `.gitattributes`
/// line is the team's, committed on purpose, and is left alone.
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
    done.am_three_way = unset_am_three_way(loc)?;
    let attrs = info_attributes(loc);
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
    /// The attribute asks for it (or post-commit is installed) but this clone's config lacks
    /// it: git then silently falls back to a text merge, with conflicts.
    Missing,
    /// Registered in the config, but no attribute line names it for the changelog (neither
    /// `info/attributes` nor `.gitattributes`): git never runs it.
    NoAttribute,
    /// Registered with a binary that is gone.
    Stale(String),
    /// Not used here.
    Unused,
}

/// Reads the driver's registration and the attribute lines.
pub fn state(loc: &HooksLocation, changelog: &Path, post_commit_installed: bool) -> DriverState {
    let command = loc
        .git(&["config", "--get", &format!("merge.{DRIVER}.driver")])
        .ok();
    let line = attribute_line(changelog);
    let wanted = has_line(&info_attributes(loc), &line)
        || has_line(&loc.work_tree.join(".gitattributes"), &line);
    match command.map(|c| c.trim().to_owned()) {
        Some(c) => {
            let bin = c
                .strip_prefix('\'')
                .and_then(|r| r.split_once("' "))
                .map(|(b, _)| b.replace(r"'\''", "'"));
            match bin {
                Some(b) if !Path::new(&b).exists() => DriverState::Stale(b),
                _ if !wanted => DriverState::NoAttribute,
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
