//! A package that has no release tag of its own while the version its files hold is tagged
//! by the repository's own tags (`v1.4.0`, where the package's would be `core-v1.4.0`): the
//! crates of a workspace released together, configured as packages. Its "first release" would
//! release that version again, with every commit since the start of history as its notes.
//! Almost surely a configuration mistake (what `relhook init` proposed for such a workspace
//! before it told them apart), so the release is refused and `doctor` says it.

use std::path::Path;

use crate::config::Config;
use crate::error::{Reason, Refusal};
use crate::git::Repo;

/// For the package whose view is `view` (`config` the repository's own): the refusal when it
/// has no release tag of its own in HEAD's history, and the root's tag of the version its
/// files hold is there, on a commit where its files held that version already and the
/// configuration stored there had no table for it (a package added since, at the version the
/// root had, or configured before the root's tag, is left to its first release).
pub fn released_at_root(
    repo: &Repo,
    config: &Config,
    view: &Config,
    root: &Path,
) -> Option<Refusal> {
    let package = view.package.as_ref()?;
    let head = repo.head()?;
    // The cheap looks first (the files, one ref): a hand tag's `prepared` asks this too.
    let (version, _, filed) = crate::release::start::from_files_or_initial_which(view, root);
    let tag = format!("{}{version}", config.version.tag_prefix);
    let at = repo
        .revision_commit(&format!("refs/tags/{tag}"))
        .filter(|at| filed && (*at == head || repo.reaches(head, *at)))?;
    if repo
        .latest_release_tag(head, &view.version.tag_prefix)
        .is_some()
    {
        return None;
    }
    // The package was configured when the root's tag was made: its tags were its own then,
    // so the root's tag did not release it, and its first release is still to come.
    if crate::tag::package_then(repo, view, at, &package.name).is_some() {
        return None;
    }
    // The package's files said it there already: not a package added since at that version.
    let held_there: Vec<String> = crate::release::version_files(view, root)
        .into_iter()
        .filter(|f| {
            repo.file_at(at, &f.path)
                .ok()
                .flatten()
                .and_then(|stored| String::from_utf8(stored.bytes).ok())
                .and_then(|text| crate::history::version::files::read_version_in(f, &text).ok())
                .is_some_and(|v| v == version.to_string())
        })
        .map(|f| f.path.display().to_string())
        .collect();
    if held_there.is_empty() {
        return None;
    }
    let own = package.tag.format(&version);
    Some(Refusal::new(
        Reason::TagExists,
        format!(
            "package {} has no tag of its own (`{}{{version}}`), but {tag}, the repository's own, released the {version} its files hold: a first release would release {version} again, with all of history",
            package.name,
            package.tag.prefix(),
        ),
        format!(
            "released with the root: take {} out of .relconfig.toml and list {} in `[version] files`; released alone: mark {}'s last release, `RELHOOK_SKIP=1 git tag -a {own} -m {own} {tag}^{{}}`",
            crate::config::toml_text::package_table(&package.name),
            held_there.join(", "),
            package.name
        ),
    ))
}

/// Whether a tag of `view`'s package for `version` on `commit` is the mark [`released_at_root`]
/// advises: the repository's own tag of that version is on the same commit, made while the
/// configuration stored there had no table for the package (the root's release released it).
/// Its changelog lacks the section by nature, so the tag is not one made past the hook.
pub fn marks_root_release(
    repo: &Repo,
    view: &Config,
    version: &semver::Version,
    commit: git2::Oid,
) -> bool {
    let Some(package) = view.package.as_ref() else {
        return false;
    };
    let Some(prefix) = root_prefix(view) else {
        return false;
    };
    let tag = format!("{prefix}{version}");
    repo.revision_commit(&format!("refs/tags/{tag}")) == Some(commit)
        && crate::tag::package_then(repo, view, commit, &package.name).is_none()
}

/// The repository's own `tag_prefix`, for a package's view (which carries the package's): the
/// root's is in the file the view was loaded from.
fn root_prefix(view: &Config) -> Option<String> {
    let root = match &view.source {
        Some(path) => Config::load_file(path, false).ok()?,
        None => Config::default(),
    };
    Some(root.version.tag_prefix)
}

/// For the package whose view is `view`: what to say when the newest section of its changelog
/// (`heading`, of `version`) was released by tag `tag` of the repository's own form
/// (`other_prefix`), made while the configuration had no table for the package: a changelog
/// the root released, moved into the package since (a repository become a monorepo). Not a
/// package renamed (whose fix is naming its tags as before, which the root's prefix cannot
/// be): the root's tag marked as the package's last release is the way on, as for a package
/// [`released_at_root`]. What, then the fix.
pub fn moved_from_root(
    repo: &Repo,
    view: &Config,
    (heading, version): (&str, &semver::Version),
    (tag, other_prefix): (&str, &str),
) -> Option<(String, String)> {
    let package = view.package.as_ref()?;
    if root_prefix(view).as_deref() != Some(other_prefix) {
        return None;
    }
    let at = repo.revision_commit(&format!("refs/tags/{tag}"))?;
    if crate::tag::package_then(repo, view, at, &package.name).is_some() {
        return None;
    }
    let own = crate::shellword::quote(&package.tag.format(version));
    let path = view.changelog.path.display();
    Some((
        format!(
            "`{heading}` in {path} was released by the repository's own tag {tag} before the changelog moved into package {}, which has no tag of its own (`{}{{version}}`)",
            package.name,
            package.tag.prefix()
        ),
        format!(
            "mark that release as {}'s last: `RELHOOK_SKIP=1 git tag -a {own} -m {own} {}^{{}}`, then `{}` releases what came since",
            package.name,
            crate::shellword::quote(tag),
            view.release_command()
        ),
    ))
}
