//! The greatest release tag a commit holds: asked by most hooks and commands of HEAD, and by
//! pre-push of each pushed tag about the tags below it. Usually one tag object read and a short
//! walk; a commit that lacks the greatest tags is answered by one painting of the tags'
//! history for all of them (see `reach`), not a walk per tag.

use git2::Oid;

use super::Repo;

/// A question [`Repo::latest_release_tag_except`] answered: tip, prefix, tag left out.
pub(super) type LatestKey = (Oid, String, Option<String>);
/// Its answer: the tag's name and commit.
pub(super) type Latest = Option<(String, Oid)>;

/// The release tags read for a question about the latest one (see
/// [`Repo::latest_release_tag_except`]).
enum Listing {
    /// The answer, found before the tags past the greatest were read.
    Settled(Latest),
    /// Every tag and its commit, greatest version first.
    All(Vec<(String, Oid)>),
}

impl Repo {
    /// The greatest `<prefix>X.Y.Z` tag whose commit is HEAD or one of its ancestors.
    pub fn latest_release_tag(&self, head: Oid, prefix: &str) -> Option<(String, Oid)> {
        self.latest_release_tag_except(head, prefix, None)
    }

    /// The same, ignoring the tag named `except` (the one being judged).
    pub fn latest_release_tag_except(
        &self,
        head: Oid,
        prefix: &str,
        except: Option<&str>,
    ) -> Option<(String, Oid)> {
        if !self.still.get() {
            return self.latest_release_tag_read(head, prefix, except);
        }
        let key = (head, prefix.to_owned(), except.map(str::to_owned));
        if let Some((_, seen)) = self.latest_seen.borrow().iter().find(|(k, _)| *k == key) {
            return seen.clone();
        }
        let found = self.latest_release_tag_read(head, prefix, except);
        self.latest_seen.borrow_mut().push((key, found.clone()));
        found
    }

    fn latest_release_tag_read(
        &self,
        head: Oid,
        prefix: &str,
        except: Option<&str>,
    ) -> Option<(String, Oid)> {
        let tags: Vec<(String, Oid)> = if self.still.get() || self.tags_still.get() {
            // Asked of many commits (each pushed tag): every tag read once, not once a question.
            let tags = self.release_tags_by_version(prefix);
            tags.iter().map(|(_, name, c)| (name.clone(), *c)).collect()
        } else {
            match self.release_tags_unless_first(head, prefix, except) {
                Listing::Settled(found) => return found,
                Listing::All(tags) => tags,
            }
        };
        let asked: Vec<&(String, Oid)> = tags
            .iter()
            .filter(|(name, _)| Some(name.as_str()) != except)
            .collect();
        let commits: Vec<Oid> = asked.iter().map(|(_, c)| *c).collect();
        let all: Vec<Oid> = tags.iter().map(|(_, c)| *c).collect();
        let found = self.first_held(head, &commits, &all)?;
        Some(asked[found].clone())
    }

    /// Every `<prefix>X.Y.Z` tag with its commit, greatest version first, unless the
    /// greatest but `except` settles the question: `head` holds it, told by a short walk.
    /// Read from the names alone until then: usually that tag is held, so one tag object is
    /// read and one short walk made, however many tags and however much history there are.
    fn release_tags_unless_first(&self, head: Oid, prefix: &str, except: Option<&str>) -> Listing {
        let Ok(mut refs) = self.list_tag_refs(&format!("refs/tags/{prefix}*")) else {
            return Listing::Settled(None);
        };
        let mut tags: Vec<(semver::Version, String)> = refs
            .names()
            .flatten()
            .filter_map(|full| {
                let name = full.strip_prefix("refs/tags/")?.to_owned();
                let version = super::refs::release_version(name.get(prefix.len()..)?)?;
                Some((version, name))
            })
            .collect();
        tags.sort_by(|a, b| b.0.cmp_precedence(&a.0));
        let commit = |name: &str| {
            let spec = format!("refs/tags/{name}^{{commit}}");
            self.inner.revparse_single(&spec).ok().map(|o| o.id())
        };
        let first = tags
            .iter()
            .filter(|(_, name)| Some(name.as_str()) != except)
            .find_map(|(_, name)| Some((name.clone(), commit(name)?)));
        let Some(first) = first else {
            return Listing::Settled(None);
        };
        if first.1 == head || self.reaches_by_dates(head, first.1) {
            return Listing::Settled(Some(first));
        }
        let all = tags.into_iter().filter_map(|(_, name)| {
            let c = commit(&name)?;
            Some((name, c))
        });
        Listing::All(all.collect())
    }
}
