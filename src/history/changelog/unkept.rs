//! Why relhook does not keep a changelog, which it then leaves alone: a file @changesets/cli
//! writes (`## 1.1.0` over `### Minor Changes`: `changeset version` writes its sections from
//! `.changeset/*.md`, and it has no Unreleased section for commits' entries), a page of prose,
//! list items under no `## ` section. Refused rather than guessed at: relhook never writes Keep
//! a Changelog's `## [Unreleased]` and `### Added` into another tool's file.

use super::{Changelog, setext};

/// The sub-sections changesets writes under a release, by the kind of bump.
const SECTIONS: [&str; 3] = ["Major Changes", "Minor Changes", "Patch Changes"];

impl Changelog {
    /// `true` when the file is recognisably a changelog relhook may edit: it has a `# ` title or
    /// a `## ` release section, or it is blank. A file of prose only ("Our release notes live on
    /// the wiki.") parses, but is somebody else's: it must never gain an Unreleased section.
    pub fn is_keep_a_changelog(&self) -> bool {
        self.unkept_because().is_none()
    }

    /// Why relhook does not keep this file (`None`: it does). changesets' own file is
    /// `changeset version`'s to write (`changesets_form`). Without any `## ` section,
    /// a file is kept when it is empty, or a title and prose (`## [Unreleased]` goes after
    /// them); list items there are releases written some other way, and where Unreleased
    /// would go among them is not guessed.
    /// Setext headings (underlined with `===` or `---`) are named, with the line to write the
    /// first as: relhook reads only `#` headings.
    pub fn unkept_because(&self) -> Option<String> {
        if let Some(why) = self.changesets_form() {
            return Some(why);
        }
        if !self.doc.sections.is_empty() || self.lines.iter().all(|l| l.text.trim().is_empty()) {
            return None;
        }
        let setext = self.doc.setext.and_then(|i| {
            let mark = setext::underline(&self.lines.get(i + 1)?.text)?;
            Some(setext::convert_hint(i, &self.lines.get(i)?.text, mark))
        });
        if self.doc.title.is_none() {
            let why = "no `# ` title and no `## ` section";
            return Some(setext.map_or(why.to_string(), |s| format!("{why}: {s}")));
        }
        let item = |t: &str| {
            ["- ", "* ", "+ "]
                .iter()
                .any(|m| t.trim_start().starts_with(m))
        };
        let add = "add `## [Unreleased]` above the newest changes";
        self.lines
            .iter()
            .any(|l| item(&l.text))
            .then(|| match setext {
                Some(s) => format!("list items but no `## ` section: {s}, and {add}"),
                None => format!("list items but no `## ` section: {add}"),
            })
    }

    /// Why the file is changesets' (`None`: it is not, or it has an Unreleased section, which
    /// a file moved off changesets gets by hand): its newest release is headed `## X.Y.Z`,
    /// undated, over one of changesets' sub-sections.
    fn changesets_form(&self) -> Option<String> {
        if self.has_unreleased() {
            return None;
        }
        let newest = self.doc.sections.first()?;
        let heading = self.lines.get(newest.heading)?.text.trim_end();
        let version = heading.strip_prefix("## ")?;
        if version.starts_with('v') || !super::parse::is_version(version) {
            return None;
        }
        let sub = newest.subs.iter().find(|s| s.heading.is_some())?;
        let name = sub.name.trim();
        if !SECTIONS.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return None;
        }
        let line = newest.heading + 1;
        Some(format!(
            "changesets writes it, line {line} `{heading}` with `### {name}`; to have relhook keep it instead, add `## [Unreleased]` above line {line}"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    const CLI: &str = "# @changesets/cli\n\n## 3.0.1\n\n### Patch Changes\n\n- fdfdc93: Update links\n- Updated dependencies [d0386b6]:\n  - @changesets/write@1.0.1\n\n## 3.0.0\n\n### Major Changes\n\n- 7113c01: Renamed\n";

    #[test]
    fn a_changesets_file_is_not_kept() {
        let log = Changelog::parse(CLI).expect("parses");
        let why = log.unkept_because().expect("not kept");
        assert!(
            why.starts_with("changesets writes it, line 3 `## 3.0.1` with `### Patch Changes`;"),
            "{why}"
        );
        // Moved off changesets by hand: an Unreleased section makes it relhook's.
        let moved = CLI.replace("## 3.0.1", "## [Unreleased]\n\n## 3.0.1");
        assert!(
            Changelog::parse(&moved)
                .expect("parses")
                .unkept_because()
                .is_none()
        );
        // Keep a Changelog's names under a bare heading, or a dated one: no changesets file.
        for other in [
            CLI.replace("### Patch Changes", "### Fixed"),
            CLI.replace("## 3.0.1", "## 3.0.1 - 2026-01-01"),
        ] {
            let log = Changelog::parse(&other).expect("parses");
            assert!(log.unkept_because().is_none(), "{other}");
        }
    }
}
