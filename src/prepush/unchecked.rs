//! A tag in a package's release form that no package here can judge (its folder gone, or the
//! package taken out of .relconfig.toml or renamed since the tagged commit): pre-push lets it
//! go, as it may be a good release, but says so in one line rather than passing it unsaid.

use std::path::Path;

use git2::Oid;

use crate::config::Config;
use crate::git::{Repo, short_id};

/// The note for tag `name` (on `commit`: the pushed one, or for a deletion the remote's, when
/// this clone has it) that [`crate::tag::config_at`] found no configuration to judge by.
pub(super) fn note(
    repo: &Repo,
    config: &Config,
    root: &Path,
    name: &str,
    commit: Option<Oid>,
    deleted: bool,
) -> Option<String> {
    let what = if deleted {
        format!("deleting {name} is not checked")
    } else {
        format!("{name} is not checked")
    };
    if let Some(p) = crate::tag::package_of(config, name) {
        let why = crate::history::packages::view(config, &p.name, root).err()?;
        return Some(format!(
            "{what}: it is package {}'s release tag, and the package cannot be used here: {why}",
            p.name
        ));
    }
    let commit = commit?;
    let former = crate::tag::former_package(repo, config, name, commit)?;
    let now = match crate::tag::successor(config, &former) {
        Some(p) => format!(
            "{}'s release tags are named `{}` here now, so {name} is not one of them (`tag = {}` in {} names them as before)",
            p.name,
            p.tag.template(),
            crate::config::toml_text::string(&former.tag.template()),
            crate::config::toml_text::package_table(&p.name),
        ),
        None => format!(
            "the configuration here has no {} table, so nothing says what its release holds (put the table back to have its tags checked)",
            crate::config::toml_text::package_table(&former.name)
        ),
    };
    Some(format!(
        "{what}: it is package {}'s release tag as .relconfig.toml at {} has it, and {now}",
        former.name,
        short_id(commit)
    ))
}
