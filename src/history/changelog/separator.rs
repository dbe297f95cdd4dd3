//! Rules between releases: cocogitto writes `- - -` above its first release and after each
//! one. A release cut in such a file closes with the file's own rule, so that the new section
//! is set off from the one below it as every older one is.

use super::Changelog;
use super::parse::SectionKind;
use super::verbatim::Verbatim;

/// A Markdown thematic break (`- - -`, `---`, `***`, `___`), not indented as code.
/// Read up to the first mark that breaks it: every bullet line is asked, and a long entry
/// is no rule from its third character on.
pub(super) fn is_rule(t: &str) -> bool {
    if t.starts_with("    ") {
        return false;
    }
    let mut marks = t.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks.next().filter(|m| matches!(m, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

impl Changelog {
    /// Whether line `i` is a rule: outside code (`hidden`), and no setext underline (`---`
    /// under a paragraph line makes that line a heading).
    fn rule_at(&self, i: usize, hidden: &[bool]) -> bool {
        let above_blank = i == 0 || self.is_blank(i - 1);
        let underline = |t: &str| super::setext::underline(t) == Some('-');
        self.lines
            .get(i)
            .is_some_and(|l| is_rule(&l.text) && (above_blank || !underline(&l.text)))
            && !hidden.get(i).copied().unwrap_or(false)
    }

    /// The rule the file puts between its releases, as it writes it: the newest release ends
    /// with one, or one stands above the first section and another closes the newest release
    /// (cocogitto's one release, then its footer). `None`: the file sets off nothing.
    pub(super) fn release_rule(&self) -> Option<String> {
        let hidden = self.in_code();
        let sections = &self.doc.sections;
        let at = sections
            .iter()
            .position(|s| matches!(s.kind, SectionKind::Release { .. }))?;
        let end = sections
            .get(at + 1)
            .map_or(self.doc.trailer.unwrap_or(self.lines.len()), |s| s.lead);
        let body = sections[at].heading + 1..end;
        let last = body.clone().rev().find(|&i| !self.is_blank(i))?;
        let text = |i: usize| self.lines.get(i).map(|l| l.text.trim_end().to_owned());
        if self.rule_at(last, &hidden) {
            return text(last);
        }
        let first = sections.first()?.lead;
        let above = (0..first).rev().find(|&i| !self.is_blank(i))?;
        let closed = body.clone().any(|i| self.rule_at(i, &hidden));
        (self.rule_at(above, &hidden) && closed)
            .then(|| text(above))
            .flatten()
    }

    /// Which lines are code (fenced or indented), where no rule is.
    fn in_code(&self) -> Vec<bool> {
        let mut v = Verbatim::default();
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| v.eat(i, &l.text))
            .collect()
    }

    /// The lines from the rule that closes section `idx` to the next section (the rule and
    /// the blank lines after it), when a section follows: a hand-added `## [Unreleased]` above
    /// cocogitto's `- - -`. The rule sets the sections apart, so entries go above it and a
    /// release leaves it under Unreleased.
    pub(super) fn closing_rule(&self, idx: usize) -> Option<std::ops::Range<usize>> {
        let sec = self.doc.sections.get(idx)?;
        self.doc.sections.get(idx + 1)?;
        let last = (sec.heading + 1..sec.end)
            .rev()
            .find(|&i| !self.is_blank(i))?;
        self.rule_at(last, &self.in_code()).then_some(last..sec.end)
    }

    /// Closes the section of release `v` with `rule` when a release follows it and no rule
    /// ends it yet: `…\n\n- - -\n\n## [7.0.0]…`.
    pub(super) fn close_with_rule(&mut self, v: &str, rule: &str) {
        let Some(at) = self.version_index(v) else {
            return;
        };
        let next = match self.doc.sections.get(at + 1) {
            Some(s) if matches!(s.kind, SectionKind::Release { .. }) => s.lead,
            _ => return,
        };
        let hidden = vec![false; self.lines.len()];
        let last = (0..next).rev().find(|&i| !self.is_blank(i));
        if last.is_some_and(|i| self.rule_at(i, &hidden)) {
            return;
        }
        let mut texts = vec![];
        if next > 0 && !self.is_blank(next - 1) {
            texts.push(String::new());
        }
        texts.extend([rule.to_owned(), String::new()]);
        self.insert_lines(next, texts);
    }
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;

    const COG: &str = "# Changelog\nIntro.\n\n- - -\n## [Unreleased]\n\n#### Bug Fixes\n\n- x\n\n## [7.0.0](https://g/o/r/compare/6.5.0..7.0.0) - 2026-03-04\n#### Features\n- seven\n\n- - -\n\n\n## [6.5.0](https://g/o/r/compare/6.4.0..6.5.0) - 2025-11-02\n#### Features\n- six\n- - -\n\nThis changelog was generated by [cocogitto](https://github.com/oknozor/cocogitto).";

    /// QA44: cocogitto's `- - -` between releases was not written after a new release.
    #[test]
    fn a_release_in_a_file_with_rules_between_releases_closes_with_one() {
        let mut log = Changelog::parse(COG).unwrap();
        log.release("7.0.1", "2026-12-04", "", None).unwrap();
        let out = log.render();
        assert_eq!(
            out,
            COG.replace(
                "## [Unreleased]\n\n",
                "## [Unreleased]\n\n## [7.0.1](https://g/o/r/compare/7.0.0..7.0.1) - 2026-12-04\n\n"
            )
            .replace("- x\n\n## [7.0.0]", "- x\n\n- - -\n\n## [7.0.0]"),
        );
        // The next release finds the rule it wrote.
        let mut log = Changelog::parse(&out).unwrap();
        log.add_entry_as_named("Bug Fixes", "y", false);
        log.release("7.0.2", "2026-12-05", "", None).unwrap();
        let again = log.render();
        assert!(
            again.contains("- y\n\n- - -\n\n## [7.0.1]")
                && again.contains("- x\n\n- - -\n\n## [7.0.0]"),
            "{again}"
        );
    }

    /// One release, then the footer: the rule above the first section and the one closing
    /// the release say the file's style.
    #[test]
    fn one_release_then_a_footer_says_the_style_too() {
        let text = "# Changelog\n\n- - -\n## [Unreleased]\n\n- x\n\n## 1.0.0 - 2026-01-01\n- one\n\n- - -\n\nFooter.\n";
        let mut log = Changelog::parse(text).unwrap();
        log.release("1.1.0", "2026-12-04", "v", None).unwrap();
        assert!(
            log.render()
                .contains("- x\n\n- - -\n\n## 1.0.0 - 2026-01-01\n"),
            "{}",
            log.render()
        );
    }

    /// QA44: `## [Unreleased]` added by hand above cocogitto's rule. Entries went below the
    /// rule, and a release took it to the top of its section.
    #[test]
    fn a_rule_closing_unreleased_stays_there() {
        let text = "# Changelog\n\n## [Unreleased]\n\n- - -\n## 1.0.0 - 2024-01-01\n- one\n\n- - -\n\nFooter.\n";
        let mut log = Changelog::parse(text).unwrap();
        // The rule is no entry: Unreleased is empty.
        assert!(log.doc.sections[0].subs.is_empty());
        log.add_entry_as_named("Bug Fixes", "x", false);
        log.add_entry_as_named("Features", "y", false);
        log.add_entry_as_named("Bug Fixes", "z", false);
        // Spaced as the release below, its entries right below its heading.
        let added =
            "## [Unreleased]\n### Features\n- y\n\n### Bug Fixes\n- x\n- z\n\n- - -\n## 1.0.0";
        assert!(log.render().contains(added), "{}", log.render());
        log.release("1.1.0", "2026-12-04", "v", None).unwrap();
        let released = "## [Unreleased]\n\n- - -\n## 1.1.0 - 2026-12-04\n### Features\n- y\n\n### Bug Fixes\n- x\n- z\n\n- - -\n## 1.0.0";
        assert!(log.render().contains(released), "{}", log.render());
        // Nothing sets Unreleased off where a rule is no section's last line.
        let log = Changelog::parse("## [Unreleased]\n\n- - -\n\n- x\n\n## 1.0.0\n").unwrap();
        assert_eq!(log.closing_rule(0), None);
    }

    /// A rule after a file's intro alone, a setext underline, or a rule in code sets off
    /// nothing between releases.
    #[test]
    fn a_file_without_rules_between_releases_gets_none() {
        for text in [
            "# Changelog\n\nIntro.\n\n---\n\n## [Unreleased]\n\n- x\n\n## [1.0.0] - 2026-01-01\n\n- one\n",
            "# Changelog\n\n## [Unreleased]\n\n- x\n\n## [1.0.0] - 2026-01-01\n\n- one\n\nNot a rule\n---\n",
            "# Changelog\n\n---\n\n## [Unreleased]\n\n- x\n\n## [1.0.0] - 2026-01-01\n\n```\n---\n```\n",
        ] {
            let mut log = Changelog::parse(text).unwrap();
            log.release("1.1.0", "2026-12-04", "v", None).unwrap();
            let out = log.render();
            assert!(
                out.contains("- x\n\n## [1.0.0] - 2026-01-01\n"),
                "{text}\n{out}"
            );
        }
    }

    /// QA269: every bullet line is asked whether it is a rule; read whole into a new string,
    /// git-cliff's long entries made a third of a commit's work. Read up to the first mark
    /// that breaks it now, with the same answers.
    #[test]
    fn a_rule_is_told_as_before_reading_only_up_to_a_break() {
        let whole = |t: &str| {
            let marks: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            !t.starts_with("    ")
                && marks.len() >= 3
                && ['-', '*', '_']
                    .iter()
                    .any(|m| marks.chars().all(|c| c == *m))
        };
        let lines = [
            "",
            "-",
            "--",
            "---",
            "- - -",
            "* * *",
            "___",
            "_ _",
            "   ---",
            "    ---",
            "\t---",
            "-\u{a0}-\u{2003}-",
            "--- x",
            "-*-",
            "- a",
            "* - -",
            "***\t",
            " _ _ _ _ ",
            "ー ー ー",
            "- *(cli)* Handle a long entry - ([b99a232](https://x/commit/b99a232))",
            "x---",
        ];
        for t in lines {
            assert_eq!(super::is_rule(t), whole(t), "{t:?}");
        }
    }
}
