//! Tag names under a prefix whatever follows it: the release tags relhook cannot read as
//! SemVer (PEP 440's `v1.0.0b1`) are told apart from the rest by `history`, not here; the
//! tag a release is under, in either spelling.

use git2::Oid;

use super::Repo;

impl Repo {
    /// Every tag whose name starts with `prefix`, with the commit it tags (tags of other
    /// objects left out).
    pub fn tags_under(&self, prefix: &str) -> Vec<(String, Oid)> {
        let Ok(refs) = self.inner.references_glob(&format!("refs/tags/{prefix}*")) else {
            return Vec::new();
        };
        refs.flatten()
            .filter_map(|r| Some((r.shorthand()?.to_owned(), r.peel_to_commit().ok()?.id())))
            .collect()
    }

    /// The name release `version` is tagged under, if it is: `prefix` + SemVer's spelling, or
    /// + PEP 440's where that tag stands for it (`1.2.0rc2` of `1.2.0-rc.2`, poetry's).
    pub fn release_tag_of(&self, prefix: &str, version: &semver::Version) -> Option<String> {
        let semver = format!("{prefix}{version}");
        let pep = super::refs::pep440_spelling(version).map(|v| format!("{prefix}{v}"));
        std::iter::once(semver)
            .chain(pep)
            .find(|name| self.tag_target(name).is_some())
    }

    /// The names of the tags whose ref points at object `id` itself (a tag object, or the
    /// commit of a lightweight tag), sorted.
    pub fn tags_pointing_at(&self, id: Oid) -> Vec<String> {
        let Ok(refs) = self.inner.references_glob("refs/tags/*") else {
            return Vec::new();
        };
        let mut names: Vec<String> = refs
            .flatten()
            .filter(|r| r.target() == Some(id))
            .filter_map(|r| Some(r.name()?.strip_prefix("refs/tags/")?.to_owned()))
            .collect();
        names.sort();
        names
    }
}
