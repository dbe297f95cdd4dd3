//! A killed release that ran with another configuration than the command at hand: `relhook
//! release --config other.toml` killed, then `relhook doctor` or `relhook release` without
//! it. Its journal records the file (see `git::txn`), and once the journal is gone the
//! record kept beside it for the release commit does: doctor judges that release under it
//! (its tag is `other.toml`'s prefix's) and advises the resume with it; a release refuses
//! before it recovers anything, naming that resume, rather than finish it under this one's.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;
use crate::git::txn::RanWith;

/// The killed release's record and its configuration, loaded, when that is not the one this
/// command was given. A record kept beside the journal counts only while its release commit
/// is still to be tagged under it. `None` too when it cannot be read any more (doctor then
/// judges by the one given).
pub(super) fn killed_run_view(repo: &Repo) -> Option<(RanWith, Config)> {
    let ran = crate::git::txn::killed_release(repo)?;
    let path = ran.config.clone()?;
    let given = crate::resume_advice::config_path();
    if crate::git::txn::same_config(path.as_deref(), given.as_deref()) {
        return None;
    }
    let config = match &path {
        Some(path) => Config::load_file(path, true),
        None => Config::load(&repo.work_tree()?),
    }
    .ok()?;
    let due = ran.commit.is_none() || crate::release::half_made(repo, &config).is_some();
    due.then_some((ran, config))
}

/// A release's refusal when a killed release ran with another configuration: the resume
/// that finishes it under its own, pasteable.
pub(super) fn refusal(repo: &Repo) -> Option<Refusal> {
    let (ran, _) = killed_run_view(repo)?;
    let with = match ran.config.as_ref()? {
        Some(path) => format!("with `--config {}`", shown(path)),
        None => "without `--config` (the repository's .relconfig.toml)".to_owned(),
    };
    let resume = crate::git::txn::advised(Some(&ran), crate::resume_advice::command);
    Some(Refusal::bare(
        Reason::HalfMade,
        format!(
            "an interrupted release ran {with}, not the configuration this command reads, which may name another tag and tests: `{resume}` finishes it"
        ),
    ))
}

/// `path` as advice names it from here: relative below the working directory, quoted.
fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let path = path.strip_prefix(&cwd).unwrap_or(path);
    crate::shellword::quote(&path.to_string_lossy())
}
