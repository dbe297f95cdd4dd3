//! A version file above the version a release would make (`pyproject.toml` at `1.0.0b1`, its
//! beta tagged `v1.0.0b1`, which relhook cannot read, while the tags it reads say `0.9.11`):
//! bumping it would write its version down, and listing it would not help (a listed file is
//! bumped), so the release is refused, naming the version that goes on from it.

use semver::Version;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::history::version::above::{above, advice};
use crate::history::version::files::VersionFile;

/// The refusal for `f`, which says `old` (`held` in SemVer's spelling, `released` when a tag
/// made it), above `new`.
pub(super) fn refusal(
    config: &Config,
    (f, old): (&VersionFile, &str),
    held: &Version,
    released: bool,
    new: &Version,
) -> Refusal {
    let what = format!(
        "{} says {old} ({}), above {new}, the version this release would make, and a release never writes a version file's version down",
        f.path.display(),
        f.locator
    );
    Refusal::new(Reason::VersionFile, what, way_on(config, held, released))
}

/// The fix of [`refusal`], and of the note on such a file left alone.
pub(super) fn way_on(config: &Config, held: &Version, released: bool) -> String {
    let command = advice(&config.release_command(), held, released);
    match above(held, released).0 == *held {
        true => format!("release the version it holds: {command}"),
        false => format!("release a version above it: {command}"),
    }
}
