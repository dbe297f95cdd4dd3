//! A version headed more than once (googleapis/release-please's `### [13.16.3]`, three times
//! in 2022): which section is its release cannot be told, so what needs that version refuses
//! it (its notes, its release, a tag of it) and `relhook doctor` warns, while the rest of the
//! file is kept as any other.

use super::parse::SectionKind;
use super::{Changelog, Entry};

/// What a version headed more than once is refused with wherever it is read (the hooks,
/// `relhook doctor`, `relhook notes`, a release or hand tag of it): what is wrong, naming every heading's 1-based line, and
/// the edit that fixes it.
pub fn repeated_version(version: &str, lines: &[usize]) -> (String, String) {
    let (times, others) = match lines.len() {
        2 => (
            "twice".to_string(),
            "the other, moving what its section adds",
        ),
        n => (
            format!("{n} times"),
            "the others, moving what their sections add",
        ),
    };
    let listed: Vec<String> = lines.iter().map(ToString::to_string).collect();
    let listed = match listed.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => listed.join(""),
    };
    (
        format!(
            "{version} is headed {times} (lines {listed}), so which section is its release cannot be told"
        ),
        format!("keep one heading for {version} and delete {others} into the one kept"),
    )
}

impl Changelog {
    /// Every version headed more than once, with its headings' 1-based lines, in file order.
    pub fn repeated(&self) -> Vec<(String, Vec<usize>)> {
        let lines = |at: &Vec<usize>| at.iter().map(|l| l + 1).collect();
        let all = self.doc.repeated.iter();
        all.map(|(v, at)| (v.clone(), lines(at))).collect()
    }

    /// The 1-based lines of `version`'s headings (`v` prefix ignored) when it has more than
    /// one.
    pub fn repeated_lines(&self, version: &str) -> Option<Vec<usize>> {
        let key = super::parse::version_key(version);
        let mut all = self.repeated().into_iter();
        all.find(|(v, _)| super::parse::version_key(v) == key)
            .map(|(_, at)| at)
    }

    /// Each release section's version and entries, in file order: a version headed twice
    /// comes twice, each time with its own section's entries.
    pub fn release_entries(&self) -> Vec<(String, Vec<Entry>)> {
        self.release_entries_where(|_| true)
    }

    /// [`Changelog::release_entries`] of the sections whose version `keep` keeps: the others'
    /// entries are never read (a long file's released sections, when a sync asks only for
    /// those after the last release).
    pub fn release_entries_where(&self, keep: impl Fn(&str) -> bool) -> Vec<(String, Vec<Entry>)> {
        let sections = self.doc.sections.iter().enumerate();
        let releases = sections.filter_map(|(i, s)| match &s.kind {
            SectionKind::Release { version } if keep(version) => {
                Some((version.clone(), self.section_entries(i)))
            }
            SectionKind::Release { .. } | SectionKind::Unreleased => None,
        });
        releases.collect()
    }

    /// The release sections above the first stable one (the pre-releases a stable release
    /// may carry, and those whose heading names no version), with their entries, as
    /// [`Changelog::release_entries`] gives them; and how many sections that passed (the
    /// first stable section's index, or all). A long file's older releases are never read.
    pub(super) fn top_release_entries(&self) -> (Vec<(String, Vec<Entry>)>, usize) {
        let mut tops = Vec::new();
        for (i, s) in self.doc.sections.iter().enumerate() {
            let SectionKind::Release { version } = &s.kind else {
                continue;
            };
            if super::release_version(version).is_some_and(|v| v.pre.is_empty()) {
                return (tops, i);
            }
            tops.push((version.clone(), self.section_entries(i)));
        }
        (tops, self.doc.sections.len())
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    /// Each heading of a repeated version keeps its own section's entries: what the file
    /// accounts for holds both, and its lines are named wherever the version is asked for.
    /// Only the kept sections' entries are read, in file order, a repeated version's each.
    #[test]
    fn only_the_kept_sections_entries_are_read() {
        let text = "## [Unreleased]\n\n- new\n\n## [2.0.0]\n\n- two\n\n## [1.0.1]\n\n- first\n\n## [1.0.1]\n\n- second\n\n## [1.0.0]\n\n- one\n";
        let c = Changelog::parse(text).expect("kept");
        let texts = |kept: Vec<(String, Vec<super::Entry>)>| -> Vec<(String, Vec<String>)> {
            let each = kept.into_iter();
            each.map(|(v, es)| (v, es.into_iter().map(|e| e.text).collect()))
                .collect()
        };
        let kept = texts(c.release_entries_where(|v| v != "1.0.0" && v != "2.0.0"));
        let want = |v: &str, t: &str| (v.to_string(), vec![t.to_string()]);
        assert_eq!(kept, [want("1.0.1", "first"), want("1.0.1", "second")]);
        assert!(c.release_entries_where(|_| false).is_empty());
        assert_eq!(texts(c.release_entries()).len(), 4);
    }

    /// Only the sections above the first stable release are read (a pre-release's), not an
    /// older release's however many there are.
    #[test]
    fn the_top_release_entries_stop_at_the_first_stable_release() {
        let mut text = String::from("## [Unreleased]\n\n- new\n\n## [2.0.0-rc.1]\n\n- rc\n\n");
        for v in (0..50).rev() {
            text.push_str(&format!("## [1.{v}.0]\n\n- one of {v}\n- two of {v}\n\n"));
        }
        let c = Changelog::parse(&text).expect("kept");
        let before = super::super::entries_read();
        let (tops, upto) = c.top_release_entries();
        assert_eq!(super::super::entries_read() - before, 1);
        let versions: Vec<&str> = tops.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(versions, ["2.0.0-rc.1"]);
        assert_eq!(tops[0].1[0].text, "rc");
        assert_eq!(upto, 2);
        let stable = Changelog::parse("## [Unreleased]\n\n## [1.0.0]\n\n- one\n").expect("kept");
        assert_eq!(stable.top_release_entries().1, 1);
        let none = Changelog::parse("## [Unreleased]\n\n- new\n").expect("kept");
        assert_eq!(none.top_release_entries(), (Vec::new(), 1));
    }

    #[test]
    fn a_repeated_versions_sections_are_each_read() {
        let text = "## [Unreleased]\n\n- new\n\n## [2.0.0]\n\n- two\n\n### [1.0.1] (2022-05-13)\n\n- first\n\n### [1.0.1] (2022-05-13)\n\n- second\n";
        let c = Changelog::parse(text).expect("kept");
        assert_eq!(c.repeated(), [("1.0.1".to_string(), vec![9, 13])]);
        assert_eq!(c.repeated_lines("v1.0.1"), Some(vec![9, 13]));
        assert_eq!(c.repeated_lines("2.0.0"), None);
        let sections: Vec<(String, Vec<String>)> = c
            .release_entries()
            .into_iter()
            .map(|(v, e)| (v, e.into_iter().map(|e| e.text).collect()))
            .collect();
        assert_eq!(
            sections,
            [
                ("2.0.0".to_string(), vec!["two".to_string()]),
                ("1.0.1".to_string(), vec!["first".to_string()]),
                ("1.0.1".to_string(), vec!["second".to_string()])
            ]
        );
        let all = c.all_entry_texts();
        assert!(
            ["new", "two", "first", "second"]
                .iter()
                .all(|t| all.contains(*t))
        );
    }
}
