//! What `relhook install` says once the hooks are written: what would make them refuse or
//! skip every commit here (a configuration they cannot read, an index libgit2 cannot read, a
//! changelog that is no Keep a Changelog file), so that it is not found out at the first commit.

use std::io::Write;

use crate::Error;
use crate::cli::Context;

/// Says, as warnings, what stops the hooks just installed from doing their work.
pub(super) fn after_install(ctx: &Context) {
    // Installed all the same (the file may be made one later), but not silently.
    match ctx.open() {
        Ok((repo, _, config)) => {
            // An index libgit2 cannot read (a split or sparse index): every hook would say it.
            if let Err(e) = repo.check_index() {
                let _ = writeln!(
                    std::io::stderr(),
                    "relhook: warning: {e}: commits get no changelog entries and hand tags are refused until then (`relhook doctor` checks it)"
                );
            }
            if let Some((what, fix)) = crate::tag::hand::changelog_case_twin(&repo, &config) {
                let _ = writeln!(std::io::stderr(), "relhook: warning: {what}: {fix}");
            } else if let Some(why) = crate::tag::hand::unkept_changelog(&repo, &config) {
                let _ = writeln!(
                    std::io::stderr(),
                    "relhook: warning: {why}: post-commit adds no entries to it, and releases and hand tags are refused until it is one (`relhook doctor` says how)"
                );
            }
        }
        // The hooks read the configuration on every commit: one they cannot read refuses them.
        Err(e @ Error::Config { .. }) => {
            let _ = writeln!(
                std::io::stderr(),
                "relhook: warning: {e}: the hooks refuse every commit until that line is fixed (`relhook doctor` checks it)"
            );
        }
        // A configuration relhook refuses to read (a link to nothing): the same, said once.
        Err(e @ Error::UnsafePath { .. }) => {
            let _ = writeln!(
                std::io::stderr(),
                "relhook: warning: {e}: the hooks refuse every commit until it is fixed (`relhook doctor` checks it)"
            );
        }
        Err(_) => {}
    }
}
