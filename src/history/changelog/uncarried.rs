//! A stable release carries its pre-releases' entries (`Changelog::fold_prereleases`), not the
//! text written around them in their sections (a paragraph, a `### Migration` note): what is
//! left behind is named, so that the release's notes do not lose it unseen.

use super::Changelog;
use super::parse::SectionKind;

impl Changelog {
    /// For stable `version`, each pre-release section it folds (those above the last stable
    /// release, of a version up to it) whose text is more than its entries, with what that text
    /// starts with: `"2.0.0-rc.1's \"This release…\", `### Migration`"`. Empty for a
    /// pre-release, or when every pre-release section holds entries only.
    pub fn uncarried_text(&self, version: &str) -> Vec<String> {
        let Some(target) = super::release_version(version) else {
            return Vec::new();
        };
        if !target.pre.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for sec in &self.doc.sections {
            let SectionKind::Release { version: v } = &sec.kind else {
                continue;
            };
            let Some(pv) = super::release_version(v) else {
                continue;
            };
            // The release itself, when already written: the folded sections are below it.
            if pv == target {
                continue;
            }
            if pv.pre.is_empty() {
                break;
            }
            if semver::Version::new(pv.major, pv.minor, pv.patch) > target {
                continue;
            }
            let mut said: Vec<String> = Vec::new();
            let in_entry = |i: usize| {
                sec.subs
                    .iter()
                    .flat_map(|s| s.entries.iter())
                    .any(|e| (e.start..e.end).contains(&i))
            };
            let mut fresh = true;
            let mut named_to = 0;
            for i in sec.heading + 1..sec.end {
                let text = self.lines[i].text.trim();
                if i < named_to {
                    continue;
                }
                if text.is_empty() || in_entry(i) {
                    fresh = true;
                    continue;
                }
                let sub = sec.subs.iter().find(|s| s.heading == Some(i));
                if let Some(s) = sub {
                    // A group heading is its entries' (carried); one without entries is named,
                    // and stands for the text under it.
                    if !s.entries.is_empty() {
                        continue;
                    }
                    said.push(format!("`{text}`"));
                    named_to = s.end;
                } else if fresh {
                    // A fence's opening line says nothing of what it holds.
                    said.push(if text.starts_with("```") || text.starts_with("~~~") {
                        "a code block".to_owned()
                    } else {
                        format!("{:?}", first_words(text))
                    });
                }
                fresh = false;
            }
            if !said.is_empty() {
                out.push(format!("{v}'s {}", said.join(", ")));
            }
        }
        out
    }
}

/// The start of a line of text, at most about 60 characters, cut at a word.
fn first_words(text: &str) -> String {
    if text.chars().count() <= 60 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(60).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    #[test]
    fn the_text_around_pre_release_entries_is_named() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [2.0.0-rc.2] - 2026-01-03\n\n### Fixed\n\n- b\n  continued\n\n## [2.0.0-rc.1] - 2026-01-02\n\nA paragraph\nover two lines.\n\n### Added\n\n- a\n\n### Migration\n\nRun it.\n\n## [2.0.0-beta.1]\n\n```sh\ntool migrate\n```\n\n## [3.0.0-rc.1] - 2026-01-01\n\nNot folded into 2.0.0.\n\n## [1.0.0] - 2025-01-01\n\nOlder prose, below the last stable release.\n";
        let log = Changelog::parse(text).expect("kept");
        assert_eq!(
            log.uncarried_text("2.0.0"),
            [
                "2.0.0-rc.1's \"A paragraph\", `### Migration`",
                "2.0.0-beta.1's a code block"
            ]
        );
        assert!(log.uncarried_text("2.0.0-rc.3").is_empty());
        // Entries only: nothing to say.
        let plain = "## [Unreleased]\n\n## [1.1.0-rc.1]\n\n### Added\n\n- a\n\n## [1.0.0]\n\n- x\n";
        assert!(
            Changelog::parse(plain)
                .expect("kept")
                .uncarried_text("1.1.0")
                .is_empty()
        );
    }
}
