//! `relhook version`: the current or next version, and why (`--explain`).

use std::io::Write;

use super::args::{Format, VersionArgs};
use super::{Context, Outcome, write_out};
use crate::Result;
use crate::history::version::bump::Requested;
use crate::release::{self};

/// How many deciding commits `--explain` lists before it says how many it left out.
const EXPLAIN_LIMIT: usize = 20;

/// `relhook version [--next] [--explain] [--pre ID] [--format json]`.
pub(super) fn version(ctx: &Context, args: &VersionArgs) -> Result<Outcome> {
    let (repo, root, config) = ctx.open()?;
    if args.all {
        return super::monorepo::version_all(&repo, &root, &config, args);
    }
    let config = match &args.package {
        Some(name) => crate::history::packages::view(&config, name, &root)?,
        None => config,
    };
    // `--pre rc` asks about the next version: printing the current one would ignore it.
    let next = args.next || args.pre.is_some();
    if !next && !args.explain && args.format != Format::Json {
        // The current version alone: no next version is computed, so a tag that cannot be
        // bumped (a component at u64::MAX) still has a current version.
        let (current, _) = release::current_version(&repo, &config, &root)?;
        write_out(|out| writeln!(out, "{current}"))?;
        return Ok(Outcome::Ok);
    }
    let info = release::version_info(&repo, &config, &root, &Requested::Auto, args.pre.as_deref())?;
    write_out(|out| {
        if args.format == Format::Json {
            let mut doc = super::json::VersionReport::new(&info, &config.version.tag_prefix);
            doc.package = config.package.as_ref().map(|p| p.name.as_str());
            let text = serde_json::to_string_pretty(&doc).map_err(std::io::Error::other)?;
            return writeln!(out, "{text}");
        }
        let shown = if next { &info.next } else { &info.current };
        writeln!(out, "{shown}")?;
        explain(out, &info, args)
    })?;
    warn_not_understood(&info);
    Ok(Outcome::Ok)
}

/// `--explain`'s lines (nothing without it): where the current version comes from, the
/// commits that decide the next one, and the next one.
pub(super) fn explain(
    out: &mut dyn Write,
    info: &release::VersionInfo,
    args: &VersionArgs,
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
            writeln!(
                out,
                "{} since {}; they call for a {} release:",
                crate::commit::report::plural(info.commits.len(), "commit"),
                info.since(),
                info.level()
            )?;
            let deciding: Vec<&release::Decider> = info
                .commits
                .iter()
                .filter(|c| c.calls_for == info.level())
                .collect();
            for c in deciding.iter().take(EXPLAIN_LIMIT) {
                writeln!(out, "  {} {}  ({})", c.commit, c.header, c.calls_for)?;
            }
            if deciding.len() > EXPLAIN_LIMIT {
                writeln!(
                    out,
                    "  … and {} more (`--format json` lists every commit)",
                    deciding.len() - EXPLAIN_LIMIT
                )?;
            }
            if let Some(rule) = &info.first_release_rule {
                writeln!(out, "{rule}")?;
            } else if let Some(rule) = zero_major_rule(info) {
                writeln!(out, "{rule}")?;
            }
            writeln!(out, "next: {}", info.next)?;
        }
        Ok(())
    }
}

/// Below 1.0.0 the level the commits call for is lowered by one (`version.zero_major_*`): says
/// so, or "a minor release" followed by `next: 0.1.1` reads as a contradiction.
fn zero_major_rule(info: &release::VersionInfo) -> Option<&'static str> {
    let (cur, next) = (&info.current, &info.next);
    if cur.major != 0 || next.major != 0 || !cur.pre.is_empty() || !next.pre.is_empty() {
        return None;
    }
    match info.level() {
        "major" if next.minor == cur.minor + 1 => Some(
            "below 1.0.0 a breaking change makes a minor release (`version.zero_major_breaking_bumps_minor`)",
        ),
        "minor" if next.minor == cur.minor => Some(
            "below 1.0.0 a new feature makes a patch release (`version.zero_major_feat_bumps_patch`)",
        ),
        _ => None,
    }
}

/// Says which commits were not understood (not Conventional Commits): they count as a patch,
/// never silently.
pub(super) fn warn_not_understood(info: &release::VersionInfo) {
    let odd: Vec<&release::Decider> = info.not_understood().collect();
    if odd.is_empty() {
        return;
    }
    let mut err = crate::cli::stream::stderr();
    let _ = writeln!(
        err,
        "relhook: note: {} since {} {} not a Conventional Commit; each counts as a patch and gets no changelog entry:",
        crate::commit::report::plural(odd.len(), "commit"),
        info.since(),
        if odd.len() == 1 { "is" } else { "are" }
    );
    for c in odd.iter().take(EXPLAIN_LIMIT) {
        let _ = writeln!(err, "  {} {}", c.commit, c.header);
    }
    if odd.len() > EXPLAIN_LIMIT {
        let _ = writeln!(err, "  … and {} more", odd.len() - EXPLAIN_LIMIT);
    }
}
