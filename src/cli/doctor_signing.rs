//! `relhook doctor`'s row on signing: where a release signs (`[release] sign = true`, git's
//! `tag.gpgSign` or `commit.gpgSign`) and git cannot sign, every release is refused; the
//! release's own check says why, here before the release is the first command to say it.

use crate::hooks::doctor::{Check, Status};
use crate::release::Options;

/// The release's signing refusal as a row, with its fix. Nothing runs where releases sign
/// nothing; where they sign, the check signs a throwaway commit, as the release's does.
pub(super) fn cannot_sign(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<Check> {
    let requested = crate::history::version::bump::Requested::Auto;
    let mut opts = Options::preview(requested, None);
    // As the release reads git's setting (see `cli::release`).
    opts.sign = repo.signs_tags();
    match crate::release::signing_works(repo, config, &opts, true) {
        Err(crate::Error::Refused(r)) => Some(Check {
            subject: "signing".into(),
            status: Status::Invalid,
            detail: r.what,
            fix: r.fix,
        }),
        _ => None,
    }
}
