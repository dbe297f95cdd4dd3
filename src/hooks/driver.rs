//! The CHANGELOG.md merge driver: `install` registers it (an attribute line in the common git
//! directory's `info/attributes`, so the work tree stays clean, and `merge.relhook-changelog.*`
//! in the repository's config; neither is versioned, so every clone runs `relhook install`);
//! `uninstall` takes both out again. A team that wants every clone to ask for the driver can
//! commit the same line to `.gitattributes`; relhook never writes that file.

use std::path::Path;

use super::driver_line;
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
    /// Whether the driver's line is one set by hand, which install left as it is.
    pub by_hand: bool,
    /// Whether the line replaced was one an earlier relhook registered (install upgraded it).
    pub upgraded: bool,
    /// What uninstall left in git's config, set by hand.
    pub left: Option<LeftByHand>,
}

/// What of the driver's config uninstall leaves, set by hand: relhook takes out only its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftByHand {
    /// The driver's line (and its name with it): the section stays whole.
    Driver,
    /// The name alone (relhook's line came out).
    Name,
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
    // The mark goes first: a kill between the two leaves a mark with no setting (which the
    // next install completes and uninstall takes out), never a setting with no mark, which
    // would read as the user's own and outlive the uninstall.
    loc.git(&["config", "--local", AM_MARK, "true"])?;
    crate::git::txn::failpoint("install-am-three-way")?;
    loc.git(&["config", "--local", "am.threeWay", "true"])?;
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

/// The `.gitattributes` line for the changelog at `path` (relative, `/`-separated): a pattern
/// anchored at the top that matches that file alone. Glob characters are escaped, and a pattern
/// git's attribute reader would cut at a blank (or read a quote or control character in) is
/// C-quoted as a whole, as git wants it: `"/CHANGE LOG.md" merge=relhook-changelog`.
pub(super) fn attribute_line(path: &Path) -> String {
    // A backslash separates a Windows path's parts; elsewhere it is part of a file's name.
    let p = path.to_string_lossy();
    let p = if cfg!(windows) {
        p.replace('\\', "/")
    } else {
        p.into_owned()
    };
    let mut pattern = String::from("/");
    for c in p.chars() {
        if matches!(c, '*' | '?' | '[' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    let quoted = pattern.contains(|c: char| c == ' ' || c == '"' || c.is_ascii_control());
    let pattern = if quoted { c_quote(&pattern) } else { pattern };
    format!("{pattern} merge={DRIVER}")
}

/// `s` as a C-quoted string, as git's `unquote_c_style` reads it back.
fn c_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The line relhook 0.x wrote before [`attribute_line`] quoted as git reads it (`/"a b.md"
/// merge=...`, which git never matched, and no glob escapes), when it differs: install replaces
/// it, uninstall takes it out.
fn earlier_line(path: &Path) -> Option<String> {
    let p = path.to_string_lossy().replace('\\', "/");
    let p = if p.contains(' ') {
        format!("\"{p}\"")
    } else {
        p
    };
    let line = format!("/{p} merge={DRIVER}");
    (line != attribute_line(path)).then_some(line)
}

/// `text` without the lines `ours` picks, or `None` when it has none. A picked last line
/// without a line end gives back the line end before it too: install added that one (it keeps
/// a file without a final newline without one).
fn without_lines(text: &str, ours: impl Fn(&str) -> bool) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut removed = false;
    for piece in text.split_inclusive('\n') {
        if !ours(piece.trim()) {
            out.push_str(piece);
            continue;
        }
        removed = true;
        if !piece.ends_with('\n') {
            let cut = if out.ends_with("\r\n") {
                2
            } else {
                usize::from(out.ends_with('\n'))
            };
            out.truncate(out.len() - cut);
        }
    }
    removed.then_some(out)
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

/// Which of `changelogs` git does not send to the driver, by git's own reading of the
/// attribute files (`git check-attr`: a line git cannot parse, or one another line overrides,
/// counts for nothing). When git cannot be asked, by relhook's line in either file.
pub fn not_applied<'p>(loc: &HooksLocation, changelogs: &[&'p Path]) -> Vec<&'p Path> {
    match loc.merge_attributes(changelogs) {
        Ok(values) if values.len() == changelogs.len() => changelogs
            .iter()
            .zip(values)
            .filter(|(_, v)| v != DRIVER)
            .map(|(p, _)| *p)
            .collect(),
        _ => changelogs
            .iter()
            .filter(|p| {
                let line = attribute_line(p);
                !has_line(&info_attributes(loc), &line)
                    && !has_line(&loc.work_tree.join(".gitattributes"), &line)
            })
            .copied()
            .collect(),
    }
}

fn has_line(file: &Path, line: &str) -> bool {
    fsx::read_optional(file).ok().flatten().is_some_and(|b| {
        String::from_utf8_lossy(&b)
            .lines()
            .any(|l| l.trim() == line)
    })
}

/// Registers the driver for the changelog at `changelog` (relative to the work tree).
pub fn register(loc: &HooksLocation, binary: &Path, changelog: &Path) -> Result<Registered> {
    let mut done = Registered::default();
    let key = format!("merge.{DRIVER}.driver");
    let current = loc
        .git(&["config", "--local", "--get", &key])
        .ok()
        .map(|s| s.trim_end().to_owned());
    // Asked once, and only of a line that is not relhook's labelled one already.
    let labels = std::cell::OnceCell::new();
    let passes =
        || *labels.get_or_init(|| crate::git::version::passes_driver_labels(&loc.work_tree));
    let write = match current.as_deref().map(|c| driver_line::read(c, passes)) {
        None => true,
        Some(driver_line::Registered::ByHand) => {
            done.by_hand = true;
            false
        }
        Some(driver_line::Registered::Relhooks {
            binary: named,
            current,
            ..
        }) => {
            done.upgraded = !current;
            !current || Path::new(&named) != binary
        }
    };
    if write {
        let name = format!("merge.{DRIVER}.name");
        // A name of the user's own stays.
        if loc.git(&["config", "--local", "--get", &name]).is_err() {
            loc.git(&["config", "--local", &name, driver_line::NAME])?;
        }
        let command = driver_line::command(binary, passes());
        loc.git(&["config", "--local", &key, &command])?;
        done.config = true;
    }
    let attrs = info_attributes(loc);
    let line = attribute_line(changelog);
    let existing = fsx::read_optional(&attrs)?;
    let before = String::from_utf8_lossy(existing.as_deref().unwrap_or_default()).into_owned();
    let earlier = earlier_line(changelog);
    let cleaned = without_lines(&before, |l| earlier.as_deref() == Some(l));
    let text = cleaned.as_deref().unwrap_or(&before);
    let mut after = text.to_owned();
    if !text.lines().any(|l| l.trim() == line) {
        // The file's own line ends, and its final newline or none: uninstall takes out
        // exactly what this adds.
        let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
        if text.is_empty() && existing.is_none() {
            after = format!("{line}{eol}");
        } else if text.is_empty() {
            after = line.clone();
        } else if text.ends_with('\n') {
            after = format!("{text}{line}{eol}");
        } else {
            after = format!("{text}{eol}{line}");
        }
    }
    if after != before {
        if let Some(dir) = attrs.parent().filter(|d| !d.exists()) {
            // Marked first, as with am.threeWay: a kill between the two leaves a mark for a
            // folder that is not there, never a folder relhook made that uninstall keeps.
            loc.git(&["config", "--local", INFO_MARK, "true"])?;
            std::fs::create_dir_all(dir).map_err(|e| crate::Error::io("create", dir, e))?;
        }
        fsx::write_atomic(&attrs, after.as_bytes())?;
        done.attributes = true;
    }
    done.am_three_way = set_am_three_way(loc)?;
    Ok(done)
}

/// Takes the driver out: relhook's lines in the config section (a line or a name set by hand
/// stays), and the line relhook wrote into `info/attributes` (the file is removed when nothing
/// else was in it). A `.gitattributes` line is the team's, committed on purpose, and is left
/// alone.
pub fn unregister(loc: &HooksLocation, changelog: &Path) -> Result<Registered> {
    let mut done = Registered::default();
    unregister_config(loc, &mut done)?;
    done.am_three_way = unset_am_three_way(loc)?;
    let attrs = info_attributes(loc);
    let Some(existing) = fsx::read_optional(&attrs)? else {
        return Ok(done);
    };
    let line = attribute_line(changelog);
    let earlier = earlier_line(changelog);
    let text = String::from_utf8_lossy(&existing).into_owned();
    if let Some(rest) = without_lines(&text, |l| l == line || earlier.as_deref() == Some(l)) {
        // Empty once relhook's line is out: install made the file (its line ended with a
        // newline) or found it empty (its line did not), and so it is left.
        if rest.is_empty() && text.ends_with('\n') {
            std::fs::remove_file(&attrs).map_err(|e| crate::Error::io("remove", &attrs, e))?;
        } else {
            fsx::write_atomic(&attrs, rest.as_bytes())?;
        }
        done.attributes = true;
    }
    Ok(done)
}

/// The driver's line and name in git's config, taken out where relhook wrote them; what is
/// left, set by hand, noted in `done`.
fn unregister_config(loc: &HooksLocation, done: &mut Registered) -> Result<()> {
    let get = |key: &str| {
        loc.git(&[
            "config",
            "--local",
            "--get",
            &format!("merge.{DRIVER}.{key}"),
        ])
        .ok()
        .map(|v| v.trim_end().to_owned())
    };
    let unset = |key: &str| {
        loc.git(&[
            "config",
            "--local",
            "--unset",
            &format!("merge.{DRIVER}.{key}"),
        ])
    };
    // Whether git passes labels changes no line's being relhook's.
    match get("driver").map(|l| driver_line::read(&l, || true)) {
        Some(driver_line::Registered::ByHand) => {
            done.left = Some(LeftByHand::Driver);
            return Ok(());
        }
        Some(driver_line::Registered::Relhooks { .. }) => {
            unset("driver")?;
            done.config = true;
        }
        None => {}
    }
    match get("name") {
        Some(name) if driver_line::relhooks_name(&name) => {
            unset("name")?;
        }
        Some(_) => done.left = Some(LeftByHand::Name),
        None => {}
    }
    // `git config --unset` leaves an empty `[merge "relhook-changelog"]` header behind.
    let section = format!("merge.{DRIVER}");
    if done.left.is_none() && get_regexp_none(loc, &section) {
        let _ = loc.git(&["config", "--local", "--remove-section", &section]);
    }
    Ok(())
}

/// Whether no key of `section` (`merge.relhook-changelog`) is set in the local config.
fn get_regexp_none(loc: &HooksLocation, section: &str) -> bool {
    let pattern = format!("^{}\\.", section.replace('.', "\\."));
    loc.git(&["config", "--local", "--get-regexp", &pattern])
        .is_err()
}

/// Marks that install created the git directory's `info` folder for the attribute line.
const INFO_MARK: &str = "relhook.createdinfo";

/// After uninstall took relhook's lines out: removes the `info` folder install created, when
/// nothing else is in it (whether or not, the mark goes). Whether the folder was removed.
pub fn forget_info_dir(loc: &HooksLocation) -> bool {
    if loc.git(&["config", "--local", "--get", INFO_MARK]).is_err() {
        return false;
    }
    let _ = loc.git(&["config", "--local", "--unset", INFO_MARK]);
    let left = loc.git(&["config", "--local", "--get-regexp", "^relhook\\."]);
    if left.is_err() {
        let _ = loc.git(&["config", "--local", "--remove-section", "relhook"]);
    }
    // remove_dir fails on a folder that is not empty: then it stays, as it should.
    let info = info_attributes(loc);
    info.parent()
        .is_some_and(|d| std::fs::remove_dir(d).is_ok())
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
    /// Registered by an earlier relhook, without what the git here passes a driver: its
    /// conflict labels (`labels`, git 2.44 and later), its marker size (`marker_size`, `%L`):
    /// install upgrades it.
    Outdated {
        /// Whether it lacks git's conflict labels, which the git here passes.
        labels: bool,
        /// Whether it lacks git's marker size (`%L`).
        marker_size: bool,
    },
    /// Not used here.
    Unused,
}

/// Where the driver line git reads lives when this clone's own config has none (install and
/// uninstall only ever touch that one): the scope (`global`, `system`, or `other` for an
/// included file or the command line) and the file git names for it.
pub fn line_elsewhere(loc: &HooksLocation) -> Option<(&'static str, String)> {
    let key = format!("merge.{DRIVER}.driver");
    if loc.git(&["config", "--local", "--get", &key]).is_ok() {
        return None;
    }
    let origin = loc.git(&["config", "--show-origin", "--get", &key]).ok()?;
    let file = origin.split('\t').next().unwrap_or_default();
    let file = file.strip_prefix("file:").unwrap_or(file).to_owned();
    let scope = ["global", "system"]
        .into_iter()
        .find(|s| {
            loc.git(&["config", &format!("--{s}"), "--get", &key])
                .is_ok()
        })
        .unwrap_or("other");
    Some((scope, file))
}

/// Reads the driver's registration and the attribute lines.
pub fn state(loc: &HooksLocation, changelog: &Path, post_commit_installed: bool) -> DriverState {
    let command = loc
        .git(&["config", "--get", &format!("merge.{DRIVER}.driver")])
        .ok();
    let wanted = not_applied(loc, &[changelog]).is_empty();
    let labels = std::cell::OnceCell::new();
    let passes =
        || *labels.get_or_init(|| crate::git::version::passes_driver_labels(&loc.work_tree));
    match command.map(|c| driver_line::read(c.trim(), passes)) {
        Some(driver_line::Registered::Relhooks { binary, .. }) if !Path::new(&binary).exists() => {
            DriverState::Stale(binary)
        }
        Some(_) if !wanted => DriverState::NoAttribute,
        Some(driver_line::Registered::Relhooks {
            current: false,
            marker_size,
            ..
        }) => DriverState::Outdated {
            labels: passes(),
            marker_size: !marker_size,
        },
        Some(_) => DriverState::Ok,
        None if wanted || post_commit_installed => DriverState::Missing,
        None => DriverState::Unused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lines_are_quoted() {
        assert_eq!(
            attribute_line(Path::new("CHANGELOG.md")),
            "/CHANGELOG.md merge=relhook-changelog"
        );
        assert_eq!(
            attribute_line(Path::new("docs/My Changes.md")),
            "\"/docs/My Changes.md\" merge=relhook-changelog"
        );
    }

    #[test]
    fn lines_git_must_unquote_are_c_quoted_and_globs_escaped() {
        for (path, line) in [
            ("CHANGE LOG.md", r#""/CHANGE LOG.md""#),
            ("a\tb.md", r#""/a\tb.md""#),
            ("a\"b.md", r#""/a\"b.md""#),
            ("a[1]*?.md", r"/a\[1]\*\?.md"),
            ("Änderungen.md", "/Änderungen.md"),
        ] {
            assert_eq!(
                attribute_line(Path::new(path)),
                format!("{line} merge=relhook-changelog")
            );
        }
        assert_eq!(
            earlier_line(Path::new("CHANGE LOG.md")).as_deref(),
            Some(r#"/"CHANGE LOG.md" merge=relhook-changelog"#)
        );
        assert_eq!(earlier_line(Path::new("CHANGELOG.md")), None);
    }

    #[test]
    fn a_last_line_without_a_line_end_takes_the_one_before_it() {
        let ours = |l: &str| l == "x";
        assert_eq!(without_lines("a\nx", ours).as_deref(), Some("a"));
        assert_eq!(without_lines("a\r\nx", ours).as_deref(), Some("a"));
        assert_eq!(without_lines("a\nx\n", ours).as_deref(), Some("a\n"));
        assert_eq!(without_lines("x\na", ours).as_deref(), Some("a"));
        assert_eq!(without_lines("a\n", ours), None);
    }
}
