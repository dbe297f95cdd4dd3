//! git-cliff's `[**breaking**]` entry of a commit whose break a `BREAKING CHANGE:` footer
//! declares: git-cliff writes the header's words alone (`- *(api)* [**breaking**] Rename
//! field`), where relhook's entry adds the footer's note (`— field foo is now bar`), so the
//! keys differ though the entry is the commit's. Each such entry stands for one commit.

use crate::config::Config;
use crate::history::changelog::entry::{Forge, NewEntry, entry_for};
use crate::history::changelog::{Changelog, cliff_marked, normalize};

/// The normalised texts of git-cliff's breaking entries among the sections the unreleased
/// commits can be in (see `since::unreleased_texts`), one per entry.
pub(super) struct CliffBreaking(Vec<String>);

impl CliffBreaking {
    /// The marked entries of `log` in Unreleased and the sections after `last`.
    pub(super) fn listed(log: &Changelog, last: Option<&semver::Version>) -> Self {
        let open = super::since::open_sections(log, last);
        CliffBreaking(
            open.iter()
                .filter(|e| cliff_marked(&e.text))
                .map(|e| normalize(&e.text))
                .collect(),
        )
    }

    /// Whether a marked entry stands for `entry`, the one commit `message` calls for, read
    /// without its breaking note: taken, so that it stands for no other commit. Asked only of
    /// a breaking entry the file lacks.
    pub(super) fn takes(
        &mut self,
        message: &str,
        entry: &NewEntry,
        config: &Config,
        forge: Option<&Forge>,
    ) -> bool {
        if !entry.breaking || self.0.is_empty() {
            return false;
        }
        let Some(bare) = without_note(message, config, forge) else {
            return false;
        };
        let key = normalize(&bare.text);
        match self.0.iter().position(|k| *k == key) {
            Some(i) if bare.text != entry.text => {
                self.0.swap_remove(i);
                true
            }
            _ => false,
        }
    }
}

/// The entry of `message` without the note its breaking change adds, as git-cliff words it;
/// `None` for a revert (its entry is the reverted change's) or a message that does not parse.
fn without_note(message: &str, config: &Config, forge: Option<&Forge>) -> Option<NewEntry> {
    let mut c = crate::commit::parse::commit(message.trim_end())?;
    if c.reverts.is_some() {
        return None;
    }
    c.breaking_description = None;
    entry_for(&c, &config.changelog, forge)
}
