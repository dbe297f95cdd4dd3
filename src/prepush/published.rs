//! Release tags another remote already publishes, the same tag object: published, as the
//! commits a remote has are. pre-push neither judges their push nor advises making them
//! again (a released version is never deleted or reused: `relhook release` of it is refused),
//! in a clone with no note of what came before relhook (see `history::adoption`), where an
//! old release reads as a new hand tag.
//!
//! Cost: asked only of a tag pre-push would refuse or ask a test record of, one connection
//! per other remote (`git ls-remote`, through [`super::asked::Asked`]), made once a push; a
//! remote that cannot be asked publishes nothing, and the tag is judged as before.

use std::collections::BTreeSet;

use git2::Oid;

use super::asked::Asked;
use crate::git::Repo;

/// The other remotes, and what was let go as theirs.
#[derive(Debug, Default)]
pub struct Published {
    remotes: Option<Vec<String>>,
    /// The remotes that publish the tags counted below.
    pub by: BTreeSet<String>,
    /// Pushed tags let go unjudged.
    pub pushed: usize,
    /// Tags a branch push leaves behind, counted and not judged.
    pub behind: Vec<String>,
}

impl Published {
    /// A remote other than the one pushed to whose tag `name` is `target`, this clone's tag
    /// object (moved or made again here since, it is another: judged). Noted in
    /// [`Published::by`].
    pub(super) fn by_another(
        &mut self,
        repo: &Repo,
        asked: &Asked<'_>,
        name: &str,
        target: Oid,
    ) -> Option<String> {
        let full = format!("refs/tags/{name}");
        let remote = asked.shown();
        let remotes = self.remotes.get_or_insert_with(|| repo.remote_names());
        for other in remotes.iter().filter(|r| *r != remote) {
            let tags = asked.tags_of(other).unwrap_or_default();
            if tags.iter().any(|(n, id)| *n == full && *id == target) {
                self.by.insert(other.clone());
                return Some(other.clone());
            }
        }
        None
    }

    /// One line each for what was let go, pushing to `remote`.
    pub(super) fn notes(&self, remote: &str) -> Vec<String> {
        let who = self.publishers();
        let verb = if self.by.len() == 1 {
            "publishes"
        } else {
            "publish"
        };
        let tags = |n: usize| format!("{n} release tag{}", if n == 1 { "" } else { "s" });
        let mut out = Vec::new();
        if self.pushed > 0 {
            out.push(format!(
                "{} {who} {verb} {} not judged (a published release is not made again)",
                tags(self.pushed),
                if self.pushed == 1 { "was" } else { "were" }
            ));
        }
        if !self.behind.is_empty() {
            let (stay, them, are) = if self.behind.len() == 1 {
                ("stays", "it", "it is")
            } else {
                ("stay", "them", "they are")
            };
            out.push(format!(
                "{} {who} {verb} {stay} behind (`git push {} --tags` sends {them}; {are} not judged: a published release is not made again)",
                tags(self.behind.len()),
                crate::shellword::quote(remote)
            ));
        }
        out
    }

    /// Who publishes them: `origin`, `origin and upstream`.
    fn publishers(&self) -> String {
        let names: Vec<&str> = self.by.iter().map(String::as_str).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishers_are_named_in_a_list() {
        let mut p = Published::default();
        assert_eq!(p.publishers(), "");
        p.by.insert("origin".into());
        assert_eq!(p.publishers(), "origin");
        p.by.insert("upstream".into());
        p.by.insert("fork".into());
        assert_eq!(p.publishers(), "fork, origin and upstream");
        assert!(p.notes("fork").is_empty());
        p.by.remove("fork");
        (p.pushed, p.behind) = (1, vec!["v1.0.0".into(), "v1.1.0".into()]);
        assert_eq!(
            p.notes("my fork"),
            [
                "1 release tag origin and upstream publish was not judged (a published release is not made again)",
                "2 release tags origin and upstream publish stay behind (`git push 'my fork' --tags` sends them; they are not judged: a published release is not made again)",
            ]
        );
    }
}
