//! What `--sync` says of the commits it writes no entry for because their header is not a
//! Conventional Commit: the same list `relhook release` names, never left out in silence.

use std::io::Write;
use std::path::Path;

use crate::config::Config;
use crate::git::Repo;
use crate::history::version::bump::Requested;
use crate::release::version_info;

/// How many commits the note names before "and N more".
const NAMED: usize = 3;

/// Writes one note line to `err` when commits since the last release are not Conventional
/// Commits (and so get no entry). Nothing when the version cannot be worked out.
pub(super) fn say(repo: &Repo, root: &Path, config: &Config, err: &mut dyn Write) {
    let Ok(info) = version_info(repo, config, root, &Requested::Auto, None) else {
        return;
    };
    if let Some(line) = line(&info) {
        let _ = writeln!(err, "relhook: note: {line}");
    }
}

/// The note, as printed after `relhook: note: `.
fn line(info: &crate::release::VersionInfo) -> Option<String> {
    let odd: Vec<_> = info.not_understood().collect();
    if odd.is_empty() {
        return None;
    }
    let named: Vec<String> = (odd.iter().take(NAMED))
        .map(|c| format!("{} {}", c.commit, crate::printable::visible(&c.header)))
        .collect();
    let more = match odd.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(", and {n} more"),
    };
    let (is, gets) = if odd.len() == 1 {
        ("is", "gets")
    } else {
        ("are", "get")
    };
    Some(format!(
        "{} since {} {is} not a Conventional Commit and {gets} no entry: {}{more}",
        crate::commit::report::plural(odd.len(), "commit"),
        info.since(),
        named.join("; ")
    ))
}
