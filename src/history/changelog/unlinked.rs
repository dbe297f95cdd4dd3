//! A release links the Unreleased entries post-commit wrote to their commits, where the file's
//! entries link theirs (git-cliff's ` - ([abc1234](…/commit/abc1234…))`): post-commit cannot,
//! its entry being part of the commit it would name, whose id depends on the file's text.
//! History tells the release which commit each entry is of; an entry that names its commit
//! already keeps its link, and one whose words several commits or entries share stays
//! unlinked, rather than link a commit that may not be its own.

use std::collections::HashMap;

use super::Changelog;

impl Changelog {
    /// Links each Unreleased entry that names no commit to the commit of `ids` (each commit's
    /// entry key and whole id) whose entry it is, `key` giving an entry's key as the sync
    /// compares them; an entry whose key none or several of `ids` have, or several entries,
    /// stays as it is. Nothing changes where the file's entries link no commit.
    pub fn link_unlinked(&mut self, ids: &[(String, String)], key: &dyn Fn(&str) -> String) {
        if ids.is_empty() {
            return;
        }
        let Some(style) = self.commit_link_style() else {
            return;
        };
        let mut commits: HashMap<&str, Vec<&str>> = HashMap::new();
        for (k, id) in ids {
            let of = commits.entry(k.as_str()).or_default();
            if !of.contains(&id.as_str()) {
                of.push(id);
            }
        }
        let mut entries: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
        for e in self.unreleased_entries() {
            let first = e.text.lines().next().unwrap_or("");
            let linked = super::link_style::without_commit_link(first).is_some();
            entries
                .entry(key(&e.text))
                .or_default()
                .push((e.line, linked));
        }
        for (k, at) in entries {
            let ([(line, false)], Some([id])) =
                (at.as_slice(), commits.get(k.as_str()).map(Vec::as_slice))
            else {
                continue;
            };
            let Some(l) = line.checked_sub(1).and_then(|i| self.lines.get_mut(i)) else {
                continue;
            };
            l.text = style.with_commit(l.text.trim_end(), id);
        }
    }
}
