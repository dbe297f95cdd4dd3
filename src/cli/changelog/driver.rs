//! `relhook hook merge-changelog`: the CHANGELOG.md merge driver git runs.

use std::io::Write;
use std::path::Path;

use crate::cli::{Context, Outcome};
use crate::history::changelog::{Changelog, EditError, Markers};
use crate::{Error, Result};

/// `relhook hook merge-changelog [--marker-size %L] [--*-label %S %X %Y] %O %A %B [%P]`: unions the Unreleased
/// entries of both sides into %A. Anything it cannot merge falls back to git's own three-way
/// merge with conflict markers (exit 1) of git's size and labels, so nothing is lost.
pub(in crate::cli) fn merge_driver(
    ctx: &Context,
    (base, ours, theirs): (&Path, &Path, &Path),
    name: Option<&Path>,
    (marker_size, labels): (usize, super::GivenLabels),
) -> Result<Outcome> {
    let markers = super::driver_labels::markers(ctx, marker_size, labels);
    let label = name.map_or_else(|| "CHANGELOG.md".into(), |n| n.display().to_string());
    // The configured order of sub-sections (`[changelog] order`), a new one is placed by.
    let order = sub_order(ctx, &label);
    // Each version parsed, or why not (said before falling back to git's line merge).
    let read = |p: &Path, side: &str| -> Result<std::result::Result<Changelog, String>> {
        let bytes = crate::fsx::read(p)?;
        Ok(match String::from_utf8(bytes) {
            Err(_) => Err(format!("{side} is not UTF-8")),
            Ok(text) => Changelog::parse(&text)
                .map(|mut log| {
                    log.set_order(&order);
                    log
                })
                .map_err(|e| {
                    format!(
                        "{side} does not parse as Keep a Changelog (line {}: {})",
                        e.line, e.message
                    )
                }),
        })
    };
    // In a rebase, git's "ours" is the branch being rebased onto, "theirs" the commit applied.
    let rebasing = ctx
        .repo()
        .ok()
        .and_then(|r| r.operation_in_progress())
        .is_some_and(|op| op.starts_with("a rebase"));
    let (ours_is, theirs_is) = if rebasing {
        ("the version rebased onto", "the applied commit's version")
    } else {
        ("this branch's version", "the merged branch's version")
    };
    let sides = (
        read(base, "the common ancestor's version")?,
        read(ours, ours_is)?,
        read(theirs, theirs_is)?,
    );
    // Why the merge falls back to git's line merge, said once it is done.
    let mut fallback = None;
    if let (Ok(b), Ok(o), Ok(t)) = sides {
        let merged = super::released_words::merge(ctx, &label, (&b, &o, &t));
        match super::reworded::or_taken_out(ctx, &label, (&b, &o, &t), merged) {
            Ok(text) => {
                let text = with_released_reverts(ctx, &label, text);
                // The temporary file goes in the git dir: a killed driver leaves nothing in
                // the work tree (git runs drivers at its top, beside its own .merge_file_*).
                match ctx.locate() {
                    Some(loc) => {
                        crate::fsx::write_atomic_via(&loc.git_dir, ours, text.as_bytes(), None)?
                    }
                    None => crate::fsx::write_atomic(ours, text.as_bytes())?,
                }
                return Ok(Outcome::Ok);
            }
            Err(EditError::Marked { why, sides }) => {
                let text = sides.text(&markers);
                eprintln_note(&format!(
                    "{label}: {why}, and a release was made on one side: the two Unreleased sections are marked for you to combine (a line merge could put entries into the release)"
                ));
                match ctx.locate() {
                    Some(loc) => {
                        crate::fsx::write_atomic_via(&loc.git_dir, ours, text.as_bytes(), None)?
                    }
                    None => crate::fsx::write_atomic(ours, text.as_bytes())?,
                }
                return Ok(Outcome::Failed);
            }
            Err(EditError::LineMerge { why, texts }) => {
                let clean = line_merge(ctx, ours, &texts, &markers)?;
                if !clean {
                    eprintln_note(&format!(
                        "{label}: {why}: both sides' new entries are combined, and the rest is merged line by line, with conflict markers where both sides changed the same lines"
                    ));
                }
                return Ok(if clean { Outcome::Ok } else { Outcome::Failed });
            }
            Err(e) => {
                // Both sides released one version, differently: what to do is not a merge of
                // the two sections (the published tag has only the other side's).
                if let Some(version) = released_on_both_sides(&b, &o, &t) {
                    eprintln_note(&format!(
                        "{label}: {e}; both sections of {version} are left between conflict markers"
                    ));
                    twice_released(ctx, &label, &version);
                    mark_both_releases(ctx, (ours, theirs, base), &version, &markers)?;
                    return Ok(Outcome::Failed);
                }
                fallback = Some(match e {
                    EditError::Conflict(why) => why,
                    e => e.to_string(),
                });
            }
        }
    } else if let (Err(why), _, _) | (_, Err(why), _) | (_, _, Err(why)) = sides {
        fallback = Some(why.to_string());
    }
    let clean = git_merge_file((ours, base, theirs), &markers)?;
    // Said once the line merge is done: "resolve by hand" only when it left markers.
    if let Some(why) = fallback {
        eprintln_note(&if clean {
            format!(
                "{label}: {why}: merged line by line, with no conflict; check its Unreleased section"
            )
        } else {
            format!(
                "{label}: {why}: merged line by line, with conflict markers where both sides changed the same lines; resolve the changelog by hand"
            )
        });
    }
    if !clean {
        return Ok(Outcome::Failed);
    }
    // A line merge without conflict markers can still give one version two sections (each
    // side released it, with different entries): a conflict for a person to resolve, never a
    // merge that goes on (a rebase would push a changelog releasing it twice).
    let merged = std::fs::read(ours).ok().and_then(Changelog::from_utf8);
    let twice = merged.and_then(|log| {
        let (version, _) = log.repeated().into_iter().next()?;
        // Quoted as the file writes it (`## 1.0.0`).
        let heading = crate::history::changelog::quoted_heading(Some(&log), &version);
        Some((version, heading))
    });
    if let Some((version, heading)) = twice {
        eprintln_note(&format!(
            "{label}: the line merge gives `{heading}` twice: left as a conflict"
        ));
        twice_released(ctx, &label, &version);
        return Ok(Outcome::Failed);
    }
    Ok(Outcome::Ok)
}

/// The `[changelog] order` of the changelog `label` (a package's own), empty where the
/// configuration does not read.
fn sub_order(ctx: &Context, label: &str) -> Vec<String> {
    let Ok(repo) = ctx.repo() else {
        return Vec::new();
    };
    let Ok((_, config)) = ctx.history_config(&repo) else {
        return Vec::new();
    };
    let config = crate::history::reverts::config_for_changelog(&config, Path::new(label));
    config.changelog.order
}

/// Both sides' sections of `version` in this side's file, one against the other between
/// conflict markers: a line merge could blend them without a marker into a section neither
/// side released, which `git add` then takes as resolved. git's line merge when a section
/// cannot be found.
fn mark_both_releases(
    ctx: &Context,
    (ours, theirs, base): (&Path, &Path, &Path),
    version: &str,
    markers: &Markers,
) -> Result<()> {
    let text = |p: &Path| String::from_utf8(crate::fsx::read(p).ok()?).ok();
    let marked = text(ours)
        .zip(text(theirs))
        .and_then(|(o, t)| marked_release(&o, &t, version, markers));
    let Some(marked) = marked else {
        let _ = git_merge_file((ours, base, theirs), markers)?;
        return Ok(());
    };
    match ctx.locate() {
        Some(loc) => crate::fsx::write_atomic_via(&loc.git_dir, ours, marked.as_bytes(), None),
        None => crate::fsx::write_atomic(ours, marked.as_bytes()),
    }
}

/// `ours` with its section of `version` replaced by both sides' between conflict markers.
fn marked_release(ours: &str, theirs: &str, version: &str, m: &Markers) -> Option<String> {
    let (o_start, o_end) = Changelog::parse(ours).ok()?.section_lines(version)?;
    let (t_start, t_end) = Changelog::parse(theirs).ok()?.section_lines(version)?;
    let o: Vec<&str> = ours.split_inclusive('\n').collect();
    let t: Vec<&str> = theirs.split_inclusive('\n').collect();
    let nl = if ours.contains("\r\n") { "\r\n" } else { "\n" };
    let block = |lines: &[&str]| {
        let mut b = lines.concat();
        if !b.ends_with('\n') {
            b.push_str(nl);
        }
        b
    };
    let mut out = o.get(..o_start)?.concat();
    out.push_str(&format!("{}{nl}", m.line('<', &m.ours)));
    out.push_str(&block(o.get(o_start..o_end)?));
    out.push_str(&format!("{}{nl}", m.line('=', "")));
    out.push_str(&block(t.get(t_start..t_end)?));
    out.push_str(&format!("{}{nl}", m.line('>', &m.theirs)));
    out.push_str(&o.get(o_end..)?.concat());
    Some(out)
}

/// A version both sides released since their common ancestor, with different sections.
pub(super) fn released_on_both_sides(
    base: &Changelog,
    ours: &Changelog,
    theirs: &Changelog,
) -> Option<String> {
    let before = base.versions();
    let texts = |log: &Changelog, v: &str| {
        log.entries_of(v).map(|es| {
            es.into_iter()
                .map(|e| (e.section, e.text))
                .collect::<Vec<_>>()
        })
    };
    ours.versions().into_iter().find(|v| {
        !before.contains(v) && theirs.versions().contains(v) && texts(ours, v) != texts(theirs, v)
    })
}

/// The way on when both sides released `version`: the published release is the one to keep,
/// and this side's changes go into the next one.
fn twice_released(ctx: &Context, label: &str, version: &str) {
    // A package's changelog: its tags, and its release command.
    let config = ctx
        .repo()
        .ok()
        .and_then(|repo| ctx.history_config(&repo).ok())
        .map(|(_, c)| c);
    let (tag, release) = super::twice::tag_and_release(config.as_ref(), Path::new(label), version);
    eprintln_note(&format!(
        "{label}: both sides released {version}, differently; keep theirs (its tag is published) and release yours as the next version. In `git pull --rebase`: `git rebase --skip` drops your release commit (your entries stay under Unreleased). In a merge: `git merge --abort`, `git reset --keep <your release commit>~1`, then pull again. Then `git tag -d {tag} && git fetch origin tag {tag}` takes their tag for yours, and `{release}` makes the next version"
    ));
}

/// During `git merge` (git names the merged commit in `GITHEAD_<id>`; a rebase or pick names
/// none): the merged text with the entries the merged branch's reverts of changes released
/// meanwhile call for (`reverts_of_released`), and those of an older line's release it
/// brings (`older_line_entries`), said; else, or on any doubt, as it was.
fn with_released_reverts(ctx: &Context, label: &str, text: String) -> String {
    let Some(theirs) = super::released_words::merged_head() else {
        return text;
    };
    let Ok(repo) = ctx.repo() else { return text };
    let (Some(ours), Ok((_, config)), Ok(mut log)) = (
        repo.head(),
        ctx.history_config(&repo),
        Changelog::parse(&text),
    ) else {
        return text;
    };
    use crate::history::reverts::{
        config_for_changelog, reapplies_of_released, reverts_of_released,
    };
    // A package's changelog reads its own commits of the merged branch.
    let config = config_for_changelog(&config, Path::new(label));
    log.set_order(&config.changelog.order);
    let mut changed = false;
    let finds = [
        (
            reverts_of_released(&repo, (ours, theirs), &log, &config.changelog),
            "the merged branch reverts a change released meanwhile",
        ),
        (
            reapplies_of_released(&repo, (ours, theirs), &log, &config),
            "the merged branch reapplies a merge whose revert was released meanwhile",
        ),
    ];
    for (found, why) in finds {
        let entries = match found {
            Ok(e) if !e.is_empty() => e,
            _ => continue,
        };
        for e in &entries {
            log.ensure_unreleased();
            log.add_entry(&e.section, &e.text, e.breaking);
        }
        changed = true;
        let marker = log.marker();
        eprintln_note(&format!(
            "{label}: added `{marker} {}` under {}{}: {why}",
            crate::history::changelog::one_line(&entries[0].text),
            entries[0].section,
            if entries.len() > 1 {
                format!(" (and {} more)", entries.len() - 1)
            } else {
                String::new()
            }
        ));
    }
    // An older line's release merged in: its fixes are new on this line (`--sync` lists them).
    if let Ok(found) =
        crate::history::sync::older_line_entries(&repo, &config, (ours, theirs), &log)
    {
        if let Some((first, tag)) = found.first() {
            let marker = log.marker();
            eprintln_note(&format!(
                "{label}: added `{marker} {}` under {}{}: {tag} released it on an older line, and this line has not released it yet",
                crate::history::changelog::one_line(&first.text),
                first.section,
                if found.len() > 1 {
                    format!(" (and {} more)", found.len() - 1)
                } else {
                    String::new()
                }
            ));
            log.ensure_unreleased();
            for (e, _) in &found {
                log.add_entry(&e.section, &e.text, e.breaking);
            }
            changed = true;
        }
    }
    if changed { log.render() } else { text }
}

/// git's line merge of `texts` (base, ours, theirs) into `ours`, the driver's result; the base
/// and theirs go through temporary files in the git directory. Whether it was clean.
fn line_merge(
    ctx: &Context,
    ours: &Path,
    [base, mine, theirs]: &[String; 3],
    markers: &Markers,
) -> Result<bool> {
    let dir = ctx.locate().map_or_else(
        || ours.parent().unwrap_or(Path::new(".")).to_path_buf(),
        |loc| loc.git_dir.clone(),
    );
    let temp = |text: &str| -> Result<tempfile::NamedTempFile> {
        let mut f = tempfile::Builder::new()
            .prefix(&crate::fsx::tmp_prefix())
            .tempfile_in(&dir)
            .map_err(|e| Error::io("create a temporary file in", &dir, e))?;
        f.write_all(text.as_bytes())
            .map_err(|e| Error::io("write", f.path(), e))?;
        Ok(f)
    };
    let (base, theirs) = (temp(base)?, temp(theirs)?);
    crate::fsx::write_atomic_via(&dir, ours, mine.as_bytes(), None)?;
    git_merge_file((ours, base.path(), theirs.path()), markers)
}

/// git's line merge of (ours, base, theirs) into ours, with `markers`' size and labels.
fn git_merge_file(files: (&Path, &Path, &Path), m: &Markers) -> Result<bool> {
    crate::git::run::merge_file(files, [&m.ours, &m.base, &m.theirs], m.size)
}

pub(super) fn eprintln_note(text: &str) {
    let _ = writeln!(crate::cli::stream::stderr(), "relhook: {text}");
}
