//! A changelog @changesets/cli writes (`## 3.0.1` over `### Patch Changes`, undated, with no
//! `## [Unreleased]`): relhook adopts it as it is (qa66, qa75), and its first write puts
//! `## [Unreleased]` above the newest version for the commits' entries, which changesets
//! never writes. Said once, at that write, with the way to keep the file as changesets
//! writes it: relhook given another file.

use std::path::Path;

use super::Changelog;
use super::parse::SectionKind;
use crate::config::Config;

/// The sub-sections changesets writes under a version (`changeset version`).
const KINDS: [&str; 3] = ["Major Changes", "Minor Changes", "Patch Changes"];

impl Changelog {
    /// The newest version's heading as written (`## 3.0.1`), when the file is changesets':
    /// no Unreleased, and that version's sub-sections are changesets' own.
    pub fn changesets_newest(&self) -> Option<&str> {
        if self.has_unreleased() {
            return None;
        }
        let newest = self
            .doc
            .sections
            .iter()
            .find(|s| matches!(s.kind, SectionKind::Release { .. }))?;
        let own = !newest.subs.is_empty()
            && newest
                .subs
                .iter()
                .all(|s| s.heading.is_none() || KINDS.contains(&s.name.as_str()));
        let named = newest.subs.iter().any(|s| KINDS.contains(&s.name.as_str()));
        (own && named).then(|| self.lines.get(newest.heading).map(|l| l.text.as_str()))?
    }

    /// Whether the newest release is headed as changesets heads one (`## 3.0.1`: bare,
    /// undated) over changesets' own sub-sections: a release written in such a file is
    /// headed so too, not dated as a hand-written bare heading is (`styled`).
    pub fn headed_like_changesets(&self) -> bool {
        let newest = self.doc.sections.iter().find_map(|s| match &s.kind {
            SectionKind::Release { version } => Some((s, version)),
            SectionKind::Unreleased => None,
        });
        newest.is_some_and(|(s, v)| {
            let bare = self.lines.get(s.heading).map(|l| l.text.trim_end());
            bare == Some(format!("## {v}").as_str())
                && s.subs.iter().any(|b| KINDS.contains(&b.name.as_str()))
        })
    }
}

/// What the first write did to `path`, a changesets file whose newest version is headed
/// `heading`, and how to keep the file as changesets writes it instead (the setting that
/// gives relhook a file of its own: a package's `changelog`, the root's `[changelog] path`).
pub fn adopted_said(config: &Config, path: &Path, heading: &str) -> String {
    let package = config
        .package
        .iter()
        .chain(&config.packages)
        .find(|p| p.changelog == path);
    let setting = match package {
        Some(p) => format!(
            "`changelog = \"…\"` in `[packages.{}]`",
            crate::config::toml_text::key(&p.name)
        ),
        None => "`path = \"…\"` under `[changelog]`".to_owned(),
    };
    format!(
        "put `## [Unreleased]` above `{heading}` for relhook's entries (changesets writes none; to keep the file as changesets writes it, give relhook a file of its own: {setting} in .relconfig.toml)"
    )
}

/// [`adopted_said`] for a write of `path` whose text was `before`, when that is a changesets
/// file (the write then puts `## [Unreleased]` into it).
pub fn first_write(config: &Config, path: &Path, before: &str) -> Option<String> {
    // Looked for before parsing: a release (a hand tag's hook too) asks this of every file, and
    // each parse of a long changelog counts (qa25_parse_cost).
    if !KINDS.iter().any(|kind| before.contains(kind)) {
        return None;
    }
    let log = Changelog::parse(before).ok()?;
    Some(adopted_said(config, path, log.changesets_newest()?))
}
