//! `relhook version`: the current or next version, and why (`--explain`).

use std::io::Write;

use super::args::{Format, VersionArgs};
use super::version_taken::{Taken, say_taken, skip_taken};
use super::{Context, Outcome, write_out};
use crate::error::{Reason, Refusal};
use crate::history::version::bump::Requested;
use crate::release::{self};
use crate::{Error, Result};

/// How many deciding commits `--explain` lists before it says how many it left out.
const EXPLAIN_LIMIT: usize = 20;

/// `relhook version [--next] [--explain] [--pre ID] [--format json]`.
pub(super) fn version(ctx: &Context, args: &VersionArgs) -> Result<Outcome> {
    super::release_options::checked_pre(args.pre.as_deref())?;
    let (repo, root, config) = ctx.open()?;
    // It only reads: no tag is made, moved or deleted while it runs, so the release tags are
    // listed once per kind of listing, not at each question (seventeen on a line of pre-releases).
    repo.hold_tags_still();
    // `--pre rc` asks about the next version: printing the current one would ignore it.
    let next = args.next || args.pre.is_some();
    // With nothing committed, both say so in one line, naming the version a first release
    // would start at and where it comes from: the plain answer is that version, the next one
    // is refused as `relhook release` refuses (no next version comes of no commits).
    let unborn = repo.head().is_none();
    if next || args.explain {
        super::huge_changelog::refuse(&repo, &config, "tell the next version")?;
    }
    let start = || {
        release::current_version(&repo, &config, &root)
            .ok()
            .map(|(v, from)| format!("{v} (from {from})"))
    };
    if (next || args.explain || args.format == Format::Json) && unborn {
        let what = match start() {
            Some(at) => format!(
                "nothing is committed yet, so there is no next version: a first release would start at {at}"
            ),
            None => "nothing is committed yet, so there is no next version".to_owned(),
        };
        return Err(Error::Refused(Refusal::new(
            Reason::NoCommits,
            what,
            "commit your work (a `feat:` or `fix:` commit), then ask again",
        )));
    }
    if unborn && !args.all && args.package.is_none() {
        let (current, from) = release::current_version(&repo, &config, &root)?;
        write_out(|out| writeln!(out, "{current}"))?;
        let _ = writeln!(
            crate::cli::stream::stderr(),
            "relhook: note: nothing is committed yet: a first release would start at {current} (from {from})"
        );
        return Ok(Outcome::Ok);
    }
    if args.all {
        return super::monorepo::version_all(&repo, &root, &config, args);
    }
    let config = match &args.package {
        Some(name) => {
            let view = crate::history::packages::view(&config, name, &root)?;
            // A first release of a version the repository's own tag released: refused, as
            // `relhook release --package` refuses it, not told as a first release.
            let asked = next || args.explain || args.format == Format::Json;
            if asked
                && let Some(r) = release::packages::released_at_root(&repo, &config, &view, &root)
            {
                return Err(Error::Refused(r));
            }
            view
        }
        None => config,
    };
    if !next && !args.explain && args.format != Format::Json {
        // The current version alone: no next version is computed, so a tag that cannot be
        // bumped (a component at u64::MAX) still has a current version.
        let (current, from) = release::current_version(&repo, &config, &root)?;
        write_out(|out| writeln!(out, "{current}"))?;
        // Not a release yet: said beside the number, which alone reads as one already made;
        // unless the changelog records releases, whose tags this clone then lacks (a clone
        // made with `--no-tags`), as `--next` says.
        if !from.starts_with("release tag ") {
            let path = root.join(&config.changelog.path);
            let released = std::fs::read(&path)
                .ok()
                .and_then(crate::history::changelog::Changelog::from_utf8)
                .and_then(|log| {
                    // Quoted as the file writes it (`## 1.0.0`).
                    let v = log.versions().into_iter().next()?;
                    Some(crate::history::changelog::quoted_heading(Some(&log), &v))
                });
            // Tags here that HEAD's history does not hold (a reset or a rebase since): they
            // are not to be fetched, and doctor says what to do with them.
            let mut off: Vec<_> = repo
                .release_tag_candidates(&config.version.tag_prefix)
                .into_iter()
                .filter(|t| repo.head().is_some_and(|h| !repo.reaches(h, t.commit)))
                .collect();
            off.sort_by(|a, b| b.version.cmp_precedence(&a.version));
            let note = match (off.first(), released) {
                (Some(t), _) => format!(
                    "no release tag is in HEAD's history, though this clone has {} (on {}, which HEAD's history does not hold){}: {current} is where releases would start again; `relhook doctor` says what to do with it",
                    t.name,
                    crate::git::short_id(t.commit),
                    match off.len() {
                        1 => String::new(),
                        n => format!(" and {} more", n - 1),
                    }
                ),
                (None, Some(v)) => format!(
                    "no release tag in this clone, though {} records releases ({v}): fetch the tags (`git fetch --tags`), or the next release may take a version already released",
                    config.changelog.path.display()
                ),
                (None, None) => format!(
                    "nothing is released yet: {current} is where the first release starts (from {from})"
                ),
            };
            let _ = writeln!(crate::cli::stream::stderr(), "relhook: note: {note}");
        }
        super::passed_over::say(&repo, &config, None);
        return Ok(Outcome::Ok);
    }
    // A section with nothing in it is no release either, as `relhook release` refuses it (its
    // entries taken out by hand, or none yet before the first release): not a next version a
    // script would go on to release.
    // `[release] channels`: on a channel's branch the next version is its pre-release, as
    // `relhook release` makes it there, and said.
    let channel = (args.pre.is_none())
        .then(|| release::channel::for_version(&config, repo.branch().as_deref()))
        .flatten();
    let pre = args.pre.clone().or(channel.as_ref().map(|c| c.0.clone()));
    let computed = release::version_info(&repo, &config, &root, &Requested::Auto, pre.as_deref())
        .and_then(|info| {
            match release::nothing_for_notes(&repo, &config, &root, &info, &crate::date::today()) {
                Some(why) => Err(Error::Refused(why)),
                None => Ok(info),
            }
        });
    let mut info = match computed {
        // `--explain` of the current version at a release with nothing since: the answer,
        // and why there is no next one, not a refusal (`--next` still refuses).
        // Commits since it, none of which calls for an entry (`docs:`, `build:`): the same.
        Err(Error::Refused(r))
            if matches!(
                r.reason,
                Reason::NothingToRelease | Reason::NothingForChangelog
            ) && !next =>
        {
            let (current, from) = release::current_version(&repo, &config, &root)?;
            if args.format == Format::Json {
                // A script asks after every release: the current version, and next null.
                let tags = repo.head().map(|h| {
                    crate::history::tags::reachable_tags(&repo, h, &config.version.tag_prefix)
                });
                let (latest, stable) = tags.map_or((None, None), |t| (t.latest, t.stable));
                // Nothing is said on stderr here; the fields are there for every answer.
                let report = super::json::NoNextVersion {
                    schema_version: super::json::SCHEMA_VERSION,
                    package: config.package.as_ref().map(|p| p.name.as_str()),
                    current: super::json::CurrentVersion {
                        current: current.to_string(),
                        current_tag: latest.as_ref().map(|t| t.name.as_str()),
                        stable_tag: stable.as_ref().map(|t| t.name.as_str()),
                        current_commit: latest.as_ref().map(|t| t.commit.to_string()),
                        current_from: &from,
                    },
                    next: None,
                    reason: r.to_string(),
                };
                let said = super::told::Said::new(report, Default::default());
                return super::json::print(&said).map(|()| Outcome::Ok);
            }
            let why = (r.what.strip_prefix("nothing to release: "))
                .or_else(|| r.what.strip_prefix("nothing for the changelog: "))
                .unwrap_or(&r.what);
            write_out(|out| {
                writeln!(out, "{current}")?;
                writeln!(out, "current: {current} (from {from})")?;
                match &r.fix {
                    Some(fix) => writeln!(out, "next: none yet: {why}; {fix}"),
                    None => writeln!(out, "next: none yet: {why}"),
                }
            })?;
            return Ok(Outcome::Ok);
        }
        other => other?,
    };
    let skipped = skip_taken(&repo, &config, &mut info);
    // A version a Python project's release refuses (PEP 440 orders or spells it otherwise), or
    // one below a version file, which the release never writes down: no next version. `--next`
    // refuses it as the release does; `--explain` and JSON say the release refuses it, and why.
    let refused = release::pep440::next_refused(&repo, &config, &root, &info.next)
        .or_else(|| release::above_files_refused(&repo, &config, &root, &info.next));
    if next && let Some(r) = refused {
        return Err(Error::Refused(r));
    }
    let package = config.package.as_ref().map(|p| p.name.as_str());
    // What stderr says beside the answer: after it for people, and in the JSON report, which
    // is printed once they are said.
    let say = |err: &mut dyn Write| {
        for line in not_understood(&info, package) {
            let _ = writeln!(err, "relhook: warning: {line}");
        }
        if let Some((_, line)) = &channel {
            let _ = writeln!(err, "{line}");
        }
        super::passed_over::say_to(err, &repo, &config, None);
        if let Some(taken) = skipped
            .as_ref()
            .filter(|_| next || args.format == Format::Json)
        {
            say_taken(err, &config, taken, &info.next);
        }
        // `--explain` says it among its lines.
        if let Some(shipped) = info.shipped_in_line.as_ref().filter(|_| !args.explain) {
            let note = shipped.note(&info.next, &config.release_command());
            let _ = writeln!(err, "relhook: note: {note}");
        }
    };
    if args.format == Format::Json {
        let mut told = super::told::Told::stderr();
        say(&mut told);
        let mut doc = super::json::VersionReport::new(&info, &config);
        doc.taken = (skipped.as_ref()).map(|t| t.tag.clone());
        doc.package = package;
        doc.channel = channel.as_ref().map(|c| c.0.clone());
        doc.refused = refused.as_ref().map(super::json::RefusedNext::new);
        super::json::print(&super::told::Said::new(doc, told.lines()))?;
        return Ok(Outcome::Ok);
    }
    write_out(|out| {
        let shown = if next { &info.next } else { &info.current };
        writeln!(out, "{shown}")?;
        let command = config.release_command();
        explain(
            out,
            &info,
            args,
            skipped.as_ref(),
            (refused.as_ref(), &command),
        )?;
        // What the release bumps beyond the files at its version (lerna's older packages), as
        // `relhook release` notes it.
        if args.explain && info.next != info.current {
            for note in release::also_bumped(&repo, &config, &root, &info.next) {
                writeln!(out, "{note}")?;
            }
        }
        Ok(())
    })?;
    say(&mut crate::cli::stream::stderr());
    Ok(Outcome::Ok)
}

/// `--explain`'s lines (nothing without it): where the current version comes from, the
/// commits that decide the next one, and the next one; `taken`: the version they give and its
/// tag, when that tag exists elsewhere and the next one is the first free version above
/// it ([`skip_taken`]); `refused`: the refusal the release of the next version meets, if any,
/// and the command that releases.
pub(super) fn explain(
    out: &mut dyn Write,
    info: &release::VersionInfo,
    args: &VersionArgs,
    taken: Option<&Taken>,
    (refused, command): (Option<&Refusal>, &str),
) -> std::io::Result<()> {
    {
        if args.explain {
            writeln!(
                out,
                "current: {} (from {})",
                info.current, info.current_from
            )?;
            if let Some((name, _, _)) = info.tag.as_ref().filter(|t| !t.1.pre.is_empty()) {
                writeln!(
                    out,
                    "{name} is a pre-release: the level is decided by everything since the last stable release, {}",
                    info.since()
                )?;
            }
            let deciding: Vec<&release::Decider> = info
                .commits
                .iter()
                .filter(|c| c.calls_for == info.level())
                .collect();
            // Entries in Unreleased no commit wrote count as commits do: listed when they decide.
            let entries: Vec<&release::Unlogged> = info
                .unlogged
                .iter()
                .filter(|e| e.calls_for == info.level())
                .collect();
            // Only the commits that decide the level are listed: the line says which.
            let n = info.commits.len();
            let they = match (n, n - deciding.len()) {
                _ if deciding.is_empty() && !entries.is_empty() => format!(
                    "{} for less than a {} release",
                    if n == 1 { "it calls" } else { "they call" },
                    info.level()
                ),
                (1, _) => format!("it calls for a {} release", info.level()),
                (_, 0) => format!("they call for a {} release", info.level()),
                (_, others) => format!(
                    "they call for a {} release, decided by {} ({})",
                    info.level(),
                    match deciding.len() {
                        1 => "this one".to_owned(),
                        k => format!("these {k}"),
                    },
                    match others {
                        1 => "the other calls for less".to_owned(),
                        m => format!("the other {m} call for less"),
                    }
                ),
            };
            let colon = if deciding.is_empty() { ";" } else { ":" };
            writeln!(
                out,
                "{} since {}; {they}{colon}",
                crate::commit::report::plural(n, "commit"),
                info.since(),
            )?;
            for c in deciding.iter().take(EXPLAIN_LIMIT) {
                // Without an entry a commit only adds to a release others make (a `chore:`
                // alone makes none): said beside its level.
                let alone = if c.in_changelog {
                    ""
                } else {
                    ", no changelog entry"
                };
                let header = crate::printable::visible(&c.header);
                writeln!(out, "  {} {header}  ({}{alone})", c.commit, c.calls_for)?;
            }
            if deciding.len() > EXPLAIN_LIMIT {
                writeln!(
                    out,
                    "  … and {} more (`--format json` lists every commit)",
                    deciding.len() - EXPLAIN_LIMIT
                )?;
            }
            if !entries.is_empty() {
                writeln!(
                    out,
                    "Unreleased has {} that no commit since {} made, calling for a {} release:",
                    match entries.len() {
                        1 => "an entry".to_owned(),
                        k => format!("{k} entries"),
                    },
                    info.since(),
                    info.level()
                )?;
            }
            for e in entries.iter().take(EXPLAIN_LIMIT) {
                let line = crate::history::changelog::one_line(&e.text);
                writeln!(out, "  - {line}  ({})", e.calls_for)?;
            }
            if let Some(rule) = &info.first_release_rule {
                writeln!(out, "{rule}")?;
            } else if let Some(rule) = zero_major_rule(info) {
                writeln!(out, "{rule}")?;
            }
            if let Some(line) = info.line_above_said() {
                writeln!(out, "{line}")?;
            }
            if let Some(Taken { version, tag }) = taken {
                // A pre-release of `version`, released already on another line.
                let would = match (version.pre.is_empty(), info.next.pre.is_empty()) {
                    (true, false) => format!("a pre-release of {version}"),
                    _ => version.to_string(),
                };
                writeln!(
                    out,
                    "that would be {would}, but tag {tag} already exists, on a commit this branch does not hold (another branch's), so the next version is {}, the first above it with no tag",
                    info.next
                )?;
            }
            // The commits that leave a pre-release's line all shipped in it: the way to stay.
            if let Some(shipped) = &info.shipped_in_line {
                writeln!(out, "{}", shipped.note(&info.next, command))?;
            }
            match refused {
                // Never shown as a version to release: the release refuses it.
                Some(r) => writeln!(out, "next: {}, which `{command}` refuses: {r}", info.next)?,
                None => writeln!(out, "next: {}", info.next)?,
            }
        }
        Ok(())
    }
}

/// Below 1.0.0 the level the commits call for is lowered by one (`version.zero_major_*`): says
/// so, or "a minor release" followed by `next: 0.1.1` reads as a contradiction.
fn zero_major_rule(info: &release::VersionInfo) -> Option<&'static str> {
    match info.lowered_below_one(&info.current, &info.next)?.0 {
        "minor" => Some(
            "below 1.0.0 a breaking change makes a minor release (`version.zero_major_breaking_bumps_minor`)",
        ),
        _ => Some(
            "below 1.0.0 a new feature makes a patch release (`version.zero_major_feat_bumps_patch`)",
        ),
    }
}

/// Says which commits were not understood (not Conventional Commits): they count as a patch,
/// never silently. In a monorepo the note names the package whose commits they are.
pub(super) fn warn_not_understood(
    err: &mut dyn Write,
    info: &release::VersionInfo,
    package: Option<&str>,
) {
    for line in not_understood(info, package) {
        let _ = writeln!(err, "relhook: warning: {line}");
    }
}

/// The warnings `warn_not_understood` prints, each as printed after `relhook: warning: ` (the
/// first lists the commits on lines of its own): a release's JSON report carries them too.
pub(super) fn not_understood(info: &release::VersionInfo, package: Option<&str>) -> Vec<String> {
    let odd: Vec<&release::Decider> = info.not_understood().collect();
    if odd.is_empty() {
        return Vec::new();
    }
    let whose = package
        .map(|p| format!("package {p}: "))
        .unwrap_or_default();
    let release = crate::resume_advice::release_of(package);
    let mut listed = format!(
        "{whose}{} since {} {} not a Conventional Commit; each counts as a patch and gets no changelog entry:",
        crate::commit::report::plural(odd.len(), "commit"),
        info.since(),
        if odd.len() == 1 { "is" } else { "are" }
    );
    for c in odd.iter().take(EXPLAIN_LIMIT) {
        let header = crate::printable::visible(&c.header);
        listed.push_str(&format!("\n  {} {header}", c.commit));
    }
    if odd.len() > EXPLAIN_LIMIT {
        listed.push_str(&format!("\n  … and {} more", odd.len() - EXPLAIN_LIMIT));
    }
    let mut lines = vec![listed];
    // A breaking change on a malformed header is not counted, but never in silence (QA12).
    lines.extend(
        odd.iter()
            .filter_map(|c| release::skipped_breaking(c, &info.current, &release))
            .map(|line| format!("{whose}{line}")),
    );
    lines
}
