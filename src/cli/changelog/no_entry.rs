//! What `--sync` says of the commits it writes no entry for because their header is not a
//! Conventional Commit: never left out in silence, for the root's changelog and a package's
//! alike. The commits are those its plan walked already (see `history::sync::NoEntry`).

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::history::sync::NoEntry;

/// How many commits the note names before "and N more".
const NAMED: usize = 3;

/// Writes one note line to `err` when commits since the last release are not Conventional
/// Commits (and so get no entry); naming the changelog `rel` when `named` (a package's, or
/// one of several `--all` syncs).
pub(super) fn say(
    odd: &NoEntry,
    config: &Config,
    (rel, named): (&Path, bool),
    err: &mut dyn Write,
) {
    if let Some(line) = line(odd, &config.version.tag_prefix) {
        let of = match named {
            true => format!("{}: ", rel.display()),
            false => String::new(),
        };
        let _ = writeln!(err, "relhook: note: {of}{line}");
    }
}

/// The note, as printed after `relhook: note: `; `prefix`: the tag prefix of the release it
/// is since.
fn line(odd: &NoEntry, prefix: &str) -> Option<String> {
    if odd.commits.is_empty() {
        return None;
    }
    let named: Vec<String> = (odd.commits.iter().take(NAMED))
        .map(|(id, header)| {
            let short = crate::git::short_id(*id);
            format!("{short} {}", crate::printable::visible(header))
        })
        .collect();
    let more = match odd.commits.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(", and {n} more"),
    };
    let (is, gets) = if odd.commits.len() == 1 {
        ("is", "gets")
    } else {
        ("are", "get")
    };
    let since = match &odd.since {
        Some(v) => format!("{prefix}{v}"),
        None => "the start of history".to_owned(),
    };
    Some(format!(
        "{} since {since} {is} not a Conventional Commit and {gets} no entry: {}{more}",
        crate::commit::report::plural(odd.commits.len(), "commit"),
        named.join("; ")
    ))
}
