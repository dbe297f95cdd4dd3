//! The version files a hand tag's release would find, judged before git makes the tag.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::history::version::files::{self, VersionFile};

/// [`sorted`] before a hand tag exists (`prepared`): the refusal a release to `version`
/// would make, and the files it would leave alone. A file that does not read as its format
/// (a trailing comma, a version written with escapes) is refused as the release refuses it,
/// before the tag is made; one that cannot be read now is left to the release to report.
pub fn check_detected_files(
    repo: &Repo,
    config: &Config,
    root: &Path,
    version: &semver::Version,
) -> crate::Result<Vec<VersionFile>> {
    match super::files::sorted(repo, config, root, version) {
        Ok(s) => Ok(s.left_alone.into_iter().map(|(f, _)| f).collect()),
        Err(crate::Error::VersionFile(e)) => match unreadable(&e, config) {
            Some(r) => Err(crate::Error::Refused(r)),
            None => Ok(Vec::new()),
        },
        Err(e) => Err(e),
    }
}

/// The refusal for a version file that does not read as its format, with the fix; `None` for
/// a file that cannot be read now (missing, unreadable), which the release reports itself.
pub fn unreadable(e: &files::VersionFileError, config: &Config) -> Option<Refusal> {
    use files::VersionFileError as E;
    match e {
        E::Parse { path, .. }
        | E::NotUtf8 { path }
        | E::NotAString { path, .. }
        | E::DuplicateKey { path, .. }
        | E::Unrewritable { path, .. }
        | E::Inconsistent { path, .. } => Some(Refusal::new(
            Reason::VersionFile,
            e.to_string(),
            or_else(config, path),
        )),
        _ => None,
    }
}

/// The fix for a version file that does not parse: correcting it, or what leaves it unread. A
/// detected one is read whatever `[version] files` lists, so only `detect = false` does.
fn or_else(config: &Config, path: &Path) -> String {
    let listed = config
        .version
        .files
        .iter()
        .flatten()
        .any(|f| f.path == path);
    let file = crate::config::FILE_NAME;
    match listed {
        true => format!(
            "correct {} (or take it out of `[version] files` in {file})",
            path.display()
        ),
        false => format!(
            "correct {} (or, if it does not hold the version, set `[version] detect = false` in {file} and list the files that do in `[version] files`)",
            path.display()
        ),
    }
}
