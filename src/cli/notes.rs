//! `relhook notes [TAG]`: a release's notes from its changelog section.

use std::io::Write;

use super::args::{Format, NotesArgs};
use super::{Context, Outcome, write_out};
use crate::error::{Reason, Refusal};
use crate::release::{self};
use crate::{Error, Result};

/// `relhook notes [TAG]`.
pub(super) fn notes(ctx: &Context, args: &NotesArgs) -> Result<Outcome> {
    let (repo, _root, config) = ctx.open()?;
    let head = repo
        .head()
        .ok_or_else(|| Error::Refused(Refusal::bare(Reason::NoCommits, "no commits yet")))?;
    let tag = match &args.tag {
        Some(t) => t.clone(),
        None => repo
            .latest_release_tag(head, &config.version.tag_prefix)
            .map(|t| t.0)
            .ok_or_else(|| {
                Error::Usage("no release tag is reachable from HEAD; name one".into())
            })?,
    };
    let commit = repo
        .revparse_commit(&format!("refs/tags/{tag}^{{commit}}"))
        .map_err(|e| match e {
            // A tag, not a range: the range hint (`main..HEAD`) would mislead.
            Error::Range { .. } => Error::Usage(format!(
                "no tag `{tag}` here (`git tag -l` lists the tags; `git fetch --tags` brings the remote's)"
            )),
            e => e,
        })?;
    let version = tag
        .strip_prefix(config.version.tag_prefix.as_str())
        .unwrap_or(&tag);
    let path = config.changelog.path.display().to_string();
    let from_file = repo
        .file_at(commit, &config.changelog.path)?
        .and_then(|file| {
            release::notes::from_changelog_text(&String::from_utf8_lossy(&file.bytes), version)
        });
    let notes = match from_file {
        Some(n) => n,
        None => {
            let (n, since) = release::notes::from_history(&repo, &config, &tag)?;
            let _ = writeln!(
                std::io::stderr(),
                "relhook: note: {path} at {tag} has no section for {version}; these notes are built from the commits since {since}"
            );
            n
        }
    };
    if args.format == Format::Json {
        super::json::print(&super::json::NotesReport {
            schema_version: super::json::SCHEMA_VERSION,
            tag: &tag,
            version,
            commit: commit.to_string(),
            notes: &notes,
        })?;
    } else {
        write_out(|out| out.write_all(notes.as_bytes()))?;
    }
    Ok(Outcome::Ok)
}
