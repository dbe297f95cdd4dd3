//! What a package's hand tag would leave behind: a hand tag changes one package only, so a
//! requirement of another package its new version does not meet would stop the workspace
//! from building (`relhook release --package` rewrites those requirements too).

use std::path::Path;

use semver::Version;

use super::read_text;
use crate::Result;
use crate::config::Config;
use crate::release::dependents::{self, Member};

/// The requirements on `package` that `version` would leave unmet: what a hand tag, which
/// changes one package only, would break in the packages that depend on it (`relhook release
/// --package` rewrites them). A requirement relhook cannot read as a range is not judged.
pub fn dependents_left_behind(
    config: &Config,
    root: &Path,
    package: &str,
    version: &Version,
) -> Result<Vec<dependents::Change>> {
    let members = members(config);
    let disk = |rel: &Path| read_text(root, rel);
    let released = std::iter::once((package.to_owned(), version.clone())).collect();
    let mut out: Vec<dependents::Change> = dependents::changes(&members, &disk, &released)?
        .into_iter()
        .filter(|c| semver::VersionReq::parse(&c.before).is_ok_and(|req| !req.matches(&c.version)))
        .collect();
    out.dedup_by(|a, b| a.file == b.file && a.before == b.before);
    Ok(out)
}

/// The configured packages as the workspace members whose requirements a release rewrites.
pub(super) fn members(config: &Config) -> Vec<Member> {
    config
        .packages
        .iter()
        .map(|p| Member {
            package: p.name.clone(),
            dir: p.path.clone(),
        })
        .collect()
}
