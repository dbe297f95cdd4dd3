//! A killed release that ran with another configuration than the command at hand: `relhook
//! release --config other.toml` killed, then `relhook doctor` or `relhook release` without
//! it. Its journal records the file (see `git::txn`): doctor judges that release under it
//! (its tag is `other.toml`'s prefix's) and advises the resume with it; a release refuses
//! before it recovers anything, naming that resume, rather than finish it under this one's.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// The configuration a killed release's journal records, when it is not the one this
/// command was given: `Some(None)` for the repository's own .relconfig.toml.
fn other_than_given(repo: &Repo) -> Option<Option<PathBuf>> {
    let ran = crate::git::txn::killed_release_config(repo)?;
    let given = crate::resume_advice::config_path();
    (!crate::git::txn::same_config(ran.as_deref(), given.as_deref())).then_some(ran)
}

/// The killed release's configuration, loaded, when it is not the one given here: what it
/// is recorded as (for [`crate::git::txn::advised`]) and the configuration itself. `None`
/// too when it cannot be read any more (doctor then judges by the one given).
pub(super) fn killed_run_view(repo: &Repo) -> Option<(Option<PathBuf>, Config)> {
    let ran = other_than_given(repo)?;
    let config = match &ran {
        Some(path) => Config::load_file(path, true),
        None => Config::load(&repo.work_tree()?),
    };
    Some((ran, config.ok()?))
}

/// A release's refusal when a killed release ran with another configuration: the resume
/// that finishes it under its own, pasteable.
pub(super) fn refusal(repo: &Repo) -> Option<Refusal> {
    let ran = other_than_given(repo)?;
    let with = match &ran {
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
