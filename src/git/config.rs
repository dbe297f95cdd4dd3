//! The configuration as git reads it for this process: one snapshot of its files (a live
//! libgit2 configuration stats every file at each read), with `git -c` values first.

use super::Repo;

thread_local! {
    /// How many times the remote's URL was worked out: the work a test bounds
    /// (`RELHOOK_TEST_REMOTE_LOOKUPS`), where timing would be flaky.
    static REMOTE_LOOKUPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many times this thread worked out the remote's URL (see [`Repo::remote_url`]).
pub fn remote_lookups() -> usize {
    REMOTE_LOOKUPS.with(std::cell::Cell::get)
}

impl Repo {
    /// A snapshot of the configuration, taken at the first read. relhook changes the
    /// configuration only through `git config` in `relhook install`, which reads none of the
    /// keys read through this.
    pub(super) fn config_snapshot(&self) -> Option<&git2::Config> {
        self.config
            .get_or_init(|| {
                // The files git reads, not libgit2's (a release commit's author and signing
                // key are git's: `GIT_CONFIG_GLOBAL` may name another identity).
                let config = if super::config_files_named() {
                    super::open_config(Some(&super::Location {
                        work_tree: None,
                        git_dir: self.inner.path().to_owned(),
                        common_dir: self.inner.commondir().to_owned(),
                    }))
                } else {
                    self.inner.config()
                };
                config.and_then(|mut c| c.snapshot()).ok()
            })
            .as_ref()
    }

    /// A configuration value as git reads it in this process: `git -c key=value` (passed down
    /// in the environment, the last one winning) before the files.
    pub(super) fn config_string(&self, key: &str) -> Option<String> {
        given(key).or_else(|| self.config_snapshot()?.get_string(key).ok())
    }

    /// Whether local `branch` has an upstream (`branch.<name>.remote` and `.merge`): a push
    /// of one without names `-u`, so that it gets one and a plain `git push` works after.
    pub fn has_upstream(&self, branch: &str) -> bool {
        ["remote", "merge"].iter().all(|k| {
            self.config_string(&format!("branch.{branch}.{k}"))
                .is_some()
        })
    }

    /// A boolean the same way, read as git reads one (`yes`/`on`/`true`, any nonzero integer
    /// such as `2` or `1k`, a key given without `=`, and their opposites); a value git would
    /// refuse counts as unset.
    pub(super) fn config_bool(&self, key: &str) -> Option<bool> {
        match given_entry(key) {
            Some(v) => bool_value(v.as_deref()),
            None => self.config_snapshot()?.get_bool(key).ok(),
        }
    }

    /// Whether only git can tell what its configuration says here: a file the environment
    /// names includes another on a condition (libgit2 weighs those only in a repository's
    /// own file), or any file git reads does on one libgit2 never weighs (`hasconfig:`).
    pub(super) fn only_git_weighs_includes(&self) -> bool {
        // Asked by the identity and every signing setting: the files are read once a run.
        *self.only_git_weighs.get_or_init(|| {
            super::config_files_named() && super::named_files_have_conditions()
                || super::files_have_unweighed_conditions(self.inner.commondir())
        })
    }

    /// The configuration as git lists it (`git config --list`, `git -c` values included),
    /// asked once, where [`Self::only_git_weighs_includes`]; `None` elsewhere, or when git
    /// cannot list it.
    fn git_listed(&self) -> Option<&[(String, Option<String>)]> {
        self.git_listed
            .get_or_init(|| {
                if !self.only_git_weighs_includes() {
                    return None;
                }
                let cwd = self
                    .work_tree()
                    .unwrap_or_else(|| self.inner.path().to_owned());
                let out = super::run::Git::new(&cwd, &["config", "-z", "--list"])
                    .output()
                    .ok()
                    .filter(super::run::GitOutput::success)?;
                Some(listed(&out.stdout))
            })
            .as_deref()
    }

    /// A setting as git reads it: asked of git itself where a file includes another on a
    /// condition only git weighs (a `hasconfig:remote.*.url:` include that turns on signing
    /// for a work remote's clones), else [`Self::config_string`].
    pub(super) fn git_string(&self, key: &str) -> Option<String> {
        match self.git_listed() {
            Some(listed) => last(listed, key)?.clone(),
            None => self.config_string(key),
        }
    }

    /// [`Self::git_string`] for a boolean, read as [`Self::config_bool`] reads one.
    pub(super) fn git_bool(&self, key: &str) -> Option<bool> {
        match self.git_listed() {
            Some(listed) => bool_value(last(listed, key)?.as_deref()),
            None => self.config_bool(key),
        }
    }

    /// The remote this clone came from (the branch's, else `origin`) when it is set to fetch
    /// no tags (`remote.<name>.tagOpt = --no-tags`, as `git clone --no-tags` sets it): its
    /// release tags are not here. Another remote's setting (a fork's `upstream`, kept from
    /// bringing its tags in) says nothing of this clone's releases.
    pub fn remote_without_tags(&self) -> Option<String> {
        let remote = self
            .branch()
            .and_then(|b| self.config_string(&format!("branch.{b}.remote")))
            .unwrap_or_else(|| "origin".to_owned());
        self.config_string(&format!("remote.{remote}.tagopt"))
            .is_some_and(|v| v.trim() == "--no-tags")
            .then_some(remote)
    }

    /// The remote a fetch here comes from, for advice that names one: HEAD's branch's upstream
    /// remote, else the only remote, else `origin` among several; `None` with no remote at all
    /// (there is nothing to fetch from, and naming `origin` would send the user to none).
    pub fn fetch_remote(&self) -> Option<String> {
        let names = self.remote_names();
        let upstream = self
            .branch()
            .and_then(|b| self.config_string(&format!("branch.{b}.remote")))
            .filter(|r| names.contains(r));
        upstream
            .or_else(|| (names.len() == 1).then(|| names[0].clone()))
            .or_else(|| names.iter().find(|r| *r == "origin").cloned())
    }

    /// The URL of `origin`, else of the first remote. Named from the snapshot: a repository
    /// with no remote (a new one) costs libgit2 no configuration read and no look-up. Worked
    /// out once, as the snapshot is taken once: a hand tag's release asks for its forge at
    /// each step that links an entry.
    pub fn remote_url(&self) -> Option<String> {
        let url = self.remote_url.get_or_init(|| {
            REMOTE_LOOKUPS.with(|n| n.set(n.get() + 1));
            let names = self.remote_names();
            let name = names.iter().find(|n| *n == "origin").or(names.first())?;
            // libgit2 applies `url.<base>.insteadOf` to the URL it gives.
            self.inner.find_remote(name).ok()?.url().map(str::to_owned)
        });
        url.clone()
    }

    /// The configured remotes (those with a `url` or a `pushurl`), sorted, as libgit2's
    /// `remotes()` lists them, read from the snapshot: libgit2 would read the configuration
    /// again and compile a regular expression at each call.
    pub fn remote_names(&self) -> Vec<String> {
        let Some(mut entries) = self.config_snapshot().and_then(|c| c.entries(None).ok()) else {
            return Vec::new();
        };
        let mut names = Vec::new();
        while let Some(Ok(entry)) = entries.next() {
            let name = entry.name().and_then(|n| n.strip_prefix("remote."));
            let remote = name.and_then(|n| {
                n.strip_suffix(".url")
                    .or_else(|| n.strip_suffix(".pushurl"))
            });
            if let Some(remote) = remote.filter(|r| !r.is_empty()) {
                names.push(remote.to_owned());
            }
        }
        names.sort();
        names.dedup();
        names
    }

    /// A message relhook wrote, as it goes to git for a new commit here: in the encoding
    /// `i18n.commitEncoding` names when it can be ([`super::new_message`]).
    pub fn new_message(&self, text: &str) -> super::NewMessage {
        super::new_message(text, self.config_string("i18n.commitencoding").as_deref())
    }
}

/// A boolean value as git reads one (see [`Repo::config_bool`]); `None`: a key with no value.
fn bool_value(value: Option<&str>) -> Option<bool> {
    let Some(v) = value else {
        return Some(true);
    };
    match v.to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" => Some(true),
        "false" | "no" | "off" | "" => Some(false),
        v => super::shared::config_int(v).map(|n| n != 0),
    }
}

/// The configuration as git lists it: each key and its value (`None`: given none).
pub(super) type Listed = Vec<(String, Option<String>)>;

/// `git config -z --list`'s entries: `key\nvalue`, or `key` alone for one given no value.
fn listed(out: &[u8]) -> Listed {
    let text = String::from_utf8_lossy(out);
    (text.split('\0').filter(|e| !e.is_empty()))
        .map(|e| match e.split_once('\n') {
            Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
            None => (e.to_owned(), None),
        })
        .collect()
}

/// The last entry of `listed` for `key` (the one git takes).
fn last<'a>(listed: &'a [(String, Option<String>)], key: &str) -> Option<&'a Option<String>> {
    listed
        .iter()
        .rev()
        .find(|(k, _)| same_key(k, key))
        .map(|(_, v)| v)
}

/// The value `git -c` gave `key` (passed down in the environment), the last one winning.
pub(super) fn given(key: &str) -> Option<String> {
    given_entry(key).flatten()
}

/// [`given`], telling a key given without a value (`git -c commit.gpgSign`): `Some(None)`.
fn given_entry(key: &str) -> Option<Option<String>> {
    super::overrides()
        .into_iter()
        .rev()
        .find(|(k, _)| same_key(k, key))
        .map(|(_, v)| v)
}

/// Whether two configuration keys name one setting as git compares them: the section and
/// the last part without case, a subsection exactly (`branch.Main.remote` is not
/// `branch.main.remote`, `REMOTE.origin.TAGOPT` is `remote.origin.tagOpt`).
pub(super) fn same_key(a: &str, b: &str) -> bool {
    fn parts(key: &str) -> (&str, Option<&str>, &str) {
        let Some((section, rest)) = key.split_once('.') else {
            return (key, None, "");
        };
        match rest.rsplit_once('.') {
            Some((sub, name)) => (section, Some(sub), name),
            None => (section, None, rest),
        }
    }
    let ((sa, ua, na), (sb, ub, nb)) = (parts(a), parts(b));
    sa.eq_ignore_ascii_case(sb) && ua == ub && na.eq_ignore_ascii_case(nb)
}

/// The `core.worktree` the repository at `git_dir` sets in its own config file, as git reads
/// it (relative to the git dir); `None` when it sets none.
pub fn core_worktree(git_dir: &std::path::Path) -> Option<std::path::PathBuf> {
    let config = git2::Config::open(&git_dir.join("config")).ok()?;
    Some(git_dir.join(config.get_path("core.worktree").ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::git::testing::git;

    #[test]
    fn the_fetch_remote_is_the_upstreams_else_the_only_one_else_origin() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        git(dir, &["commit", "-q", "--allow-empty", "-m", "a"]);
        let remote = || Repo::open(dir).unwrap().fetch_remote();
        assert_eq!(remote(), None);
        git(dir, &["remote", "add", "upstream", "../u"]);
        assert_eq!(remote().as_deref(), Some("upstream"));
        git(dir, &["remote", "add", "origin", "../o"]);
        assert_eq!(remote().as_deref(), Some("origin"));
        // Another branch's setting: subsections are case-sensitive in git.
        git(dir, &["config", "branch.Main.remote", "upstream"]);
        assert_eq!(remote().as_deref(), Some("origin"));
        git(dir, &["config", "branch.main.remote", "upstream"]);
        assert_eq!(remote().as_deref(), Some("upstream"));
    }

    #[test]
    fn git_listed_entries_are_read_as_git_prints_them() {
        let listed =
            listed(b"user.signingkey\n~/k\0commit.gpgsign\0tag.gpgsign\nno\0tag.gpgsign\nyes\0");
        assert_eq!(last(&listed, "user.signingKey"), Some(&Some("~/k".into())));
        assert_eq!(last(&listed, "commit.gpgsign"), Some(&None));
        assert_eq!(bool_value(None), Some(true), "a key without a value");
        assert_eq!(
            bool_value(last(&listed, "tag.gpgSign").unwrap().as_deref()),
            Some(true)
        );
        assert_eq!(last(&listed, "gpg.format"), None);
    }

    #[test]
    fn keys_match_as_git_matches_them() {
        assert!(same_key("remote.origin.tagopt", "REMOTE.origin.tagOpt"));
        assert!(same_key("commit.gpgSign", "commit.gpgsign"));
        assert!(same_key(
            "url.Https://X/.insteadOf",
            "url.Https://X/.insteadof"
        ));
        assert!(!same_key("branch.Main.remote", "branch.main.remote"));
        assert!(!same_key("remote.Origin.tagopt", "remote.origin.tagopt"));
        assert!(!same_key("commit.gpgsign", "commit.x.gpgsign"));
        assert!(!same_key("a.b", "a.c"));
    }

    #[test]
    fn remote_names_are_the_ones_libgit2_lists() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        git(dir, &["init", "-q", "-b", "main"]);
        let names = |repo: &Repo| {
            let listed = repo.inner.remotes().unwrap();
            let listed: Vec<String> = listed.iter().flatten().map(str::to_owned).collect();
            assert_eq!(repo.remote_names(), listed);
            listed
        };
        assert!(names(&Repo::open(dir).unwrap()).is_empty());
        git(dir, &["remote", "add", "zeta", "https://example.com/z.git"]);
        git(dir, &["remote", "add", "My.Fork", "../fork"]);
        git(dir, &["config", "remote.pushonly.pushurl", "../p"]);
        git(
            dir,
            &["config", "remote.nourl.fetch", "+refs/heads/*:refs/x/*"],
        );
        git(
            dir,
            &[
                "config",
                "--add",
                "remote.zeta.url",
                "https://example.com/y.git",
            ],
        );
        let repo = Repo::open(dir).unwrap();
        assert_eq!(names(&repo), ["My.Fork", "pushonly", "zeta"]);
    }
}
