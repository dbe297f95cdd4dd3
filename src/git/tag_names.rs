//! Tag names under a prefix whatever follows it: the release tags relhook cannot read as
//! SemVer (PEP 440's `v1.0.0b1`) are told apart from the rest by `history`, not here; the
//! tag a release is under, in either spelling.

use git2::Oid;

use super::Repo;

/// How many times this process listed `refs/tags`: the work a test bounds
/// (`RELHOOK_TEST_TAG_REF_LISTINGS`), where timing would be flaky.
static TAG_REF_LISTINGS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The listings of `refs/tags` so far (see [`TAG_REF_LISTINGS`]).
pub fn tag_ref_listings() -> usize {
    TAG_REF_LISTINGS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Tag listings kept while tags hold still ([`Repo::hold_still`], [`Repo::hold_tags_still`]).
#[derive(Default)]
pub(super) struct Seen {
    /// [`Repo::greatest_version_suffixed_by_prefix`].
    pub(super) greatest: Option<Vec<(String, String)>>,
    /// [`Repo::tags_under`], by prefix.
    under: Vec<(String, Vec<(String, Oid)>)>,
}

impl Repo {
    /// The tag refs matching `glob` (`refs/tags/...`), counted: each listing reads the
    /// `refs/tags` folder and every loose tag in it again.
    pub(super) fn list_tag_refs(&self, glob: &str) -> Result<git2::References<'_>, git2::Error> {
        TAG_REF_LISTINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.inner.references_glob(glob)
    }

    /// Whether no tag moves while this process runs, so a listing may be kept.
    pub(super) fn tags_held(&self) -> bool {
        self.still.get() || self.tags_still.get()
    }

    /// Every tag whose name starts with `prefix`, with the commit it tags (tags of other
    /// objects left out). Read once per prefix while tags hold still.
    pub fn tags_under(&self, prefix: &str) -> Vec<(String, Oid)> {
        let seen = self.tag_lists_seen.borrow();
        if let Some((_, tags)) = seen.under.iter().find(|(p, _)| p == prefix) {
            return tags.clone();
        }
        drop(seen);
        let Ok(refs) = self.list_tag_refs(&format!("refs/tags/{prefix}*")) else {
            return Vec::new();
        };
        let tags: Vec<(String, Oid)> = refs
            .flatten()
            .filter_map(|r| Some((r.shorthand()?.to_owned(), r.peel_to_commit().ok()?.id())))
            .collect();
        if self.tags_held() {
            (self.tag_lists_seen.borrow_mut().under).push((prefix.to_owned(), tags.clone()));
        }
        tags
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
        let Ok(refs) = self.list_tag_refs("refs/tags/*") else {
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
