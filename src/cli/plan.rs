//! A release plan as people and machines read it: `relhook release --dry-run` prints it (the
//! diff of every file the release would change), and `--format json` reports it, before or
//! after the release.

use crate::config::Config;
use crate::release::{self, Options, Plan};
use std::io::Write;

pub(super) fn release_report<'a>(
    plan: &'a Plan,
    (config, root): (&Config, &std::path::Path),
    (opts, told): (&Options, super::told::Lines),
    done: Option<&release::Done>,
) -> super::json::ReleaseReport<'a> {
    // What the text's `tests:` line and notes say, for machines too: why none run, or (in a
    // dry run) why the release would refuse to start them.
    let tests_note = no_tests(config, root, opts).or_else(|| {
        let cannot = done.is_none().then(|| cannot_start(config, root, opts));
        cannot.flatten()
    });
    super::json::ReleaseReport {
        schema_version: super::json::SCHEMA_VERSION,
        dry_run: done.is_none(),
        tag: &plan.tag,
        version: plan.version.to_string(),
        previous: plan.info.current.to_string(),
        previous_from: &plan.info.current_from,
        head: plan.head.to_string(),
        commit_message: &plan.commit_message,
        tag_message: &plan.tag_message,
        channel: (opts.channel.as_ref()).map(|u| super::json::ChannelReport {
            branch: u.branch.clone(),
            id: u.channel.id.clone(),
            departs: u.departs,
        }),
        tests: config.checks.test.clone().filter(|_| !opts.no_test),
        tests_note,
        signed: opts.sign || config.release.sign,
        edits: plan
            .committed
            .iter()
            .map(|e| super::json::EditReport {
                path: e.path.display().to_string(),
                diff: edit_diff(e),
            })
            .collect(),
        left_alone: plan
            .left_alone
            .iter()
            .map(|(f, note)| super::json::LeftAloneReport {
                path: f.path.display().to_string(),
                note: note.full.clone(),
            })
            .collect(),
        notes: told.notes,
        warnings: told.warnings,
        next: told.next,
        release_commit: done.map(|d| d.commit.to_string()),
        tested: done.map(|d| d.tested),
    }
}

/// What a release says about its plan beside the notes on its version files: commits it does
/// not understand, another branch's release tag above it, a pre-release line it leaves or
/// finishes, a tag passed over. Printed on stderr, and carried in the JSON report, where a
/// script reads them.
pub(super) struct Said {
    /// Each line in the order printed, `true` for a warning.
    lines: Vec<(bool, String)>,
}

impl Said {
    /// What the release of `plan` says (in a dry run, also the line it would finish instead).
    pub(super) fn of_plan(
        repo: &crate::git::Repo,
        (config, root): (&Config, &std::path::Path),
        plan: &Plan,
        opts: &Options,
    ) -> Said {
        let info = &plan.info;
        let mut notes: Vec<Option<String>> = plan.also.iter().cloned().map(Some).collect();
        notes.push(info.left_line_note(&plan.tag));
        // Only before anything is made: once this release is above the line, none finishes it.
        notes.push(
            (info.shipped_in_line.as_ref().filter(|_| opts.dry_run))
                .map(|s| s.note(&plan.version, &config.release_command())),
        );
        notes.push(info.line_above_note(&plan.tag, &opts.requested));
        notes.push(super::passed_over::line(repo, config, Some(&plan.version)));
        notes.push(release::above_elsewhere(repo, config, &plan.version));
        // Commits the release counts as a patch and leaves out of its changelog come first.
        let package = config.package.as_ref().map(|p| p.name.as_str());
        let mut lines: Vec<(bool, String)> = (super::version::not_understood(info, package))
            .into_iter()
            .map(|w| (true, w))
            .collect();
        lines.extend(notes.into_iter().flatten().map(|n| (false, n)));
        lines.extend(info.below_commits_note().map(|w| (true, w)));
        let uncarried = super::release_after::uncarried(repo, root, config, &plan.version);
        lines.extend(uncarried.map(|n| {
            let how =
                "to carry it, copy what still holds under `## [Unreleased]` before the release";
            (false, format!("{n} ({how})"))
        }));
        Said { lines }
    }

    /// Prints each line as `relhook: note:` or `relhook: warning:`.
    pub(super) fn print(&self, err: &mut dyn Write) {
        for (warning, line) in &self.lines {
            let kind = if *warning { "warning" } else { "note" };
            let _ = writeln!(err, "relhook: {kind}: {line}");
        }
    }
}

pub(super) fn print_plan(
    out: &mut dyn Write,
    plan: &Plan,
    (config, root): (&Config, &std::path::Path),
    opts: &Options,
) -> std::io::Result<()> {
    let info = &plan.info;
    let moves = info.transition(&plan.version);
    if info.from_initial && info.current != plan.version {
        // `version.initial` is not what this release is made from.
        writeln!(
            out,
            "release {} ({moves}; no release tag or version file yet)",
            plan.tag
        )?;
    } else if info.tag.is_none() && info.current == plan.version {
        writeln!(out, "release {} ({moves}; {})", plan.tag, info.current_from)?;
    } else {
        writeln!(out, "release {} ({moves}, {})", plan.tag, info.current_from)?;
    }
    writeln!(out, "commit: {}", plan.commit_message)?;
    if let Some(under) = &opts.channel {
        writeln!(out, "channel: {}", under.shown())?;
    }
    match (&config.checks.test, opts.no_test) {
        (Some(t), false) => writeln!(
            out,
            "tests: {} on the release commit",
            crate::testrun::shown(t)
        )?,
        _ => writeln!(
            out,
            "tests: none ({})",
            no_tests(config, root, opts).unwrap_or_default()
        )?,
    }
    let signed = if opts.sign || config.release.sign {
        "signed "
    } else {
        ""
    };
    writeln!(out, "tag: {signed}annotated {}, message:", plan.tag)?;
    for line in plan.tag_message.lines() {
        writeln!(out, "    {line}")?;
    }
    // As the release commit makes them: from HEAD's files, not the work tree's.
    for e in &plan.committed {
        write!(out, "{}", edit_diff(e))?;
    }
    writeln!(out, "(dry run: nothing was written)")
}

/// An edit as a unified diff. A stable release folding thousands of pre-release entries moves
/// them all, and the diff's cost grows with the square of the lines moved (18 s for 20,000
/// entries): past the timeout the rest is diffed coarser, still a correct diff.
pub(super) fn edit_diff(e: &crate::history::version::files::Edit) -> String {
    let name = e.path.display().to_string();
    let before = String::from_utf8_lossy(&e.before);
    let after = String::from_utf8_lossy(&e.after);
    similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(1))
        .diff_lines(before.as_ref(), after.as_ref())
        .unified_diff()
        .context_radius(2)
        .header(
            &git_quoted(&format!("a/{name}")),
            &git_quoted(&format!("b/{name}")),
        )
        .to_string()
}

/// A diff header's name as git's own diff spells it: as it is, unless it holds a control
/// character, `"` or `\`; then in double quotes with those escaped (`"a/x\ny"`), so that a
/// line break in a folder's name neither splits the header nor forges a line after it, and
/// `git apply` still reads the name.
fn git_quoted(name: &str) -> String {
    if !name.contains(|c: char| c.is_control() || c == '"' || c == '\\') {
        return name.to_owned();
    }
    let mut out = String::from("\"");
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                for b in c.encode_utf8(&mut [0; 4]).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The packages `release --all` leaves out, one line each, with why; a package with nothing
/// of its own that follows a package it requires is said to be released as its dependent.
pub(super) fn say_skipped(
    err: &mut dyn Write,
    plan: &release::packages::Plan,
    skipped: &release::packages::Skipped,
) {
    for (name, why) in skipped {
        let mut of: Vec<&str> = plan
            .packages
            .iter()
            .filter(|p| p.name == *name)
            .flat_map(|p| p.because.iter().map(|c| c.dependency.as_str()))
            .collect();
        of.sort_unstable();
        of.dedup();
        let _ = match of.as_slice() {
            [] => writeln!(err, "relhook: {name} is not released: {why}"),
            _ => writeln!(
                err,
                "relhook: {name} has nothing of its own to release: released as a dependent of {}",
                of.join(", ")
            ),
        };
    }
}

/// A dry run's note of a test command that would not start here: the release itself, which
/// runs the tests, refuses it (`--no-test` releases without them).
pub(super) fn say_tests_cannot_start(
    err: &mut impl Write,
    config: &Config,
    root: &std::path::Path,
    opts: &Options,
) {
    if let Some(note) = cannot_start(config, root, opts) {
        let _ = writeln!(err, "relhook: note: {note}");
    }
}

/// Why a release would refuse its tests (set, but unable to start here), in one line.
fn cannot_start(config: &Config, root: &std::path::Path, opts: &Options) -> Option<String> {
    let r = (!opts.no_test).then(|| release::tests_cannot_start(config, root))??;
    let fix = r.fix.map(|f| format!("; {f},")).unwrap_or_default();
    Some(format!(
        "the release would refuse: {}{fix} or release with `--no-test`",
        r.what
    ))
}

/// Why no tests run on the release commit (`--no-test`, or no test command set, with the one
/// the project shows, if any); None when they run.
pub(super) fn no_tests(config: &Config, root: &std::path::Path, opts: &Options) -> Option<String> {
    if opts.no_test {
        return Some("--no-test".to_owned());
    }
    config.checks.test.as_ref().map_or_else(
        || {
            let evident = crate::init::evident_test_command(root).map_or_else(
                || ", and no test command is evident".to_owned(),
                |(argv, manifest)| {
                    format!(
                        " (`relhook test` runs `{}`, evident from {manifest})",
                        crate::testrun::shown(&argv)
                    )
                },
            );
            Some(format!(
                "`[checks] test` is not set in .relconfig.toml{evident}"
            ))
        },
        |_| None,
    )
}

#[cfg(test)]
mod tests {
    use super::git_quoted;

    #[test]
    fn a_diff_name_is_quoted_as_git_quotes_it() {
        assert_eq!(git_quoted("a/Cargo.toml"), "a/Cargo.toml");
        assert_eq!(git_quoted("a/my notes.md"), "a/my notes.md");
        assert_eq!(git_quoted("a/e\nFAKE: x"), r#""a/e\nFAKE: x""#);
        assert_eq!(
            git_quoted("a/\"q\"\\\t\u{1b}[2K\r"),
            r#""a/\"q\"\\\t\033[2K\r""#
        );
    }
}
