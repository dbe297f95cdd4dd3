//! `relhook doctor`'s row on signing: where a release signs (`[release] sign = true`, git's
//! `tag.gpgSign` or `commit.gpgSign`) and git cannot sign, every release is refused. Doctor
//! tells it from git's configuration without starting the signing program, which may ask for
//! a passphrase or hang: a health check does neither. `relhook release` signs a test commit.

use crate::hooks::doctor::{Check, Status};
use crate::release::Options;

/// Where releases sign: what git would sign with, or what stops it with its fix. No row
/// where releases sign nothing.
pub(super) fn cannot_sign(
    repo: &crate::git::Repo,
    config: &crate::config::Config,
) -> Option<Check> {
    let requested = crate::history::version::bump::Requested::Auto;
    let mut opts = Options::preview(requested, None);
    // As the release reads git's setting (see `cli::release`).
    opts.sign = repo.signs_tags();
    let signs = crate::release::what_signs(repo, config, &opts, true);
    if signs.is_empty() {
        return None;
    }
    let signs = signs.join(" and ");
    let not_run = "the signing program itself was not run";
    let (status, detail, fix) = match repo.signing_looks_ready() {
        Ok(how) => (
            Status::Ok,
            format!(
                "the release signs {signs}: {how}; {not_run} (`relhook release` tries it before it writes anything)"
            ),
            None,
        ),
        Err(no) => (
            Status::Invalid,
            format!("the release signs {signs}, but {}; {not_run}", no.what),
            Some(crate::release::with_unsigned_way(
                no.fix, repo, config, true,
            )),
        ),
    };
    Some(Check {
        subject: "signing".into(),
        status,
        detail,
        fix,
    })
}
