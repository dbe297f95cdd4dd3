//! The configuration as git reads it for this process: one snapshot of its files (a live
//! libgit2 configuration stats every file at each read), with `git -c` values first.

use super::Repo;

impl Repo {
    /// A snapshot of the configuration, taken at the first read. relhook changes the
    /// configuration only through `git config` in `relhook install`, which reads none of the
    /// keys read through this.
    pub(super) fn config_snapshot(&self) -> Option<&git2::Config> {
        self.config
            .get_or_init(|| self.inner.config().and_then(|mut c| c.snapshot()).ok())
            .as_ref()
    }

    /// A configuration value as git reads it in this process: `git -c key=value` (passed down
    /// in the environment, the last one winning) before the files.
    pub(super) fn config_string(&self, key: &str) -> Option<String> {
        given(key).or_else(|| self.config_snapshot()?.get_string(key).ok())
    }

    /// A boolean the same way, read as git reads one (`yes`/`on`/`true`/`1`, and their
    /// opposites); a value git would refuse counts as unset.
    pub(super) fn config_bool(&self, key: &str) -> Option<bool> {
        match given(key) {
            Some(v) => match v.to_ascii_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => Some(true),
                "false" | "no" | "off" | "0" | "" => Some(false),
                _ => None,
            },
            None => self.config_snapshot()?.get_bool(key).ok(),
        }
    }

    /// A message relhook wrote, as it goes to git for a new commit here: in the encoding
    /// `i18n.commitEncoding` names when it can be ([`super::new_message`]).
    pub fn new_message(&self, text: &str) -> super::NewMessage {
        super::new_message(text, self.config_string("i18n.commitencoding").as_deref())
    }
}

/// The value `git -c` gave `key` (passed down in the environment), the last one winning.
fn given(key: &str) -> Option<String> {
    super::overrides()
        .into_iter()
        .rev()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}
