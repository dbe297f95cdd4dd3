//! How a file links an entry's issue references: conventional-changelog's `([#12](https://
//! github.com/o/r/issues/12))` in vue's and commitlint's files. New entries follow the
//! newest entry that has a reference (Unreleased, then the newest releases, as the scope style
//! looks), so a clone whose remote names no known forge (a mirror, a path) still links like
//! the file, under the file's own address. With no linked reference there, an entry is
//! written as the remote made it (linked on a known forge, else bare).
//!
//! And how it links an entry's commit: commitlint's ` ([f5712a9](…/commit/f5712a9d…))`,
//! git-cliff's ` - ([b99a232](…/commit/b99a2325…))`, taken from the newest entry that links
//! one (an entry without is no sign: post-commit's have none). `--sync` and `--rebuild` link
//! each entry's commit so ([`EntryStyle::with_commit`]); post-commit cannot: its entry is part
//! of the commit it describes, whose id depends on the file's text, its own hash included.

use super::Changelog;
use super::entry::unlink_references;
use super::parse::SectionKind;

/// The look of a new entry in a file: its scope's marks and its issue links.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryStyle {
    /// The marks around its scope.
    pub scope: super::ScopeStyle,
    /// The address a reference's number follows (`https://github.com/o/r/issues/`), taken
    /// from the file's newest linked reference; `None`: entries stay as made.
    issues: Option<String>,
    /// How the file's newest entry that links its commit does; `None`: no commit link.
    commits: Option<CommitLinks>,
    /// git-cliff's `upper_first`: the first letter of the words in upper case, as the file's
    /// newest entry linked as git-cliff links (` - ([abc1234](…))`) writes it.
    upper_first: bool,
    /// git-cliff's breaking mark after the scope (`*(api)* [**breaking**] x`).
    cliff_breaking: bool,
    /// A full stop after the words, as a file written by hand has it.
    full_stop: bool,
}

/// The form of an entry's commit link: ` ([abbrev](base + hash))`, after ` -` or not.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CommitLinks {
    /// The address the hash follows (`https://github.com/o/r/commit/`).
    base: String,
    /// The link text's length (7: `f5712a9`).
    abbrev: usize,
    /// Whether the address has the whole hash (both tools' do), else the link text's.
    whole: bool,
    /// git-cliff's ` - ` before the link.
    dashed: bool,
}

impl EntryStyle {
    /// `text` (relhook's style, linked to the remote's forge or bare) as the file writes it.
    /// Only the first line is the entry's words; a breaking note quoted below it stays as is.
    pub fn apply(&self, text: &str) -> String {
        let raised;
        // Words ending ` by @user` keep their lower case: raised, they would read as git-cliff's
        // entry of another commit by that author (`Allow merges by @owners` for `allow merges`).
        let text = if self.upper_first && !super::tool_marks::ends_authored(text) {
            raised = super::tool_marks::raise_first_letter(text);
            &raised
        } else {
            text
        };
        let mut scoped = self.scope.apply(text);
        if self.cliff_breaking {
            scoped = super::house_style::with_cliff_mark(&scoped);
        }
        let linked = match &self.issues {
            Some(prefix) if scoped.contains('#') => {
                let (first, rest) = scoped.split_at(scoped.find('\n').unwrap_or(scoped.len()));
                let bare = unlink_references(first);
                super::entry::link_references_to(&bare, prefix) + rest
            }
            _ => scoped,
        };
        match self.full_stop {
            true => super::house_style::with_full_stop(&linked),
            false => linked,
        }
    }

    /// `text` with a link to commit `id` (its whole hash) at the end of its first line, as
    /// the file's entries link theirs; as it is where they link none, or it names one.
    pub fn with_commit(&self, text: &str, id: &str) -> String {
        let Some(c) = &self.commits else {
            return text.to_owned();
        };
        let (first, rest) = text.split_at(text.find('\n').unwrap_or(text.len()));
        let hex = id.len() >= c.abbrev && id.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex || super::tool_marks::commit_hash(first).is_some() {
            return text.to_owned();
        }
        let shown = if c.whole { id } else { &id[..c.abbrev] };
        let dash = if c.dashed { " -" } else { "" };
        let short = &id[..c.abbrev];
        format!("{first}{dash} ([{short}]({}{shown})){rest}", c.base)
    }
}

impl Changelog {
    /// The style new entries are written in: the scope's (`scope_style`) and the issue links
    /// the newest entry with a reference uses.
    pub fn entry_style(&self) -> EntryStyle {
        let hand = self.hand();
        EntryStyle {
            scope: self.scope_style(),
            issues: self.decided_issue_links().flatten(),
            commits: self.commit_links(),
            upper_first: (self.cliff_case.or_else(|| self.decided_cliff_case()))
                .unwrap_or(hand.capital),
            cliff_breaking: self.cliff_breaking(),
            full_stop: hand.full_stop,
        }
    }

    /// The style of an entry's commit link alone, where the file's entries link theirs: what
    /// [`EntryStyle::with_commit`] needs, without reading the rest of the style (a release
    /// links the hooks' entries; most files link none, and pay for no more).
    pub fn commit_link_style(&self) -> Option<EntryStyle> {
        let commits = Some(self.commit_links()?);
        Some(EntryStyle {
            commits,
            ..EntryStyle::default()
        })
    }

    /// New entries take git-cliff's capital as `upper` says, whatever entry of the file comes
    /// first ([`Changelog::cliff_case_votes`], told apart by history); `None`: as
    /// [`Changelog::decided_cliff_case`] reads the file.
    pub fn set_cliff_case(&mut self, upper: Option<bool>) {
        self.cliff_case = upper;
    }

    /// The entries that decide git-cliff's capital in the first section that has any (those
    /// that link their commit and start their words with a letter), each as its commit's
    /// abbreviated id and whether it writes the capital as git-cliff does. A section lists
    /// them in no order of age (relhook adds at the end or by scope, git-cliff newest or
    /// oldest first): which is newest, history tells.
    pub fn cliff_case_votes(&self) -> Vec<(String, bool)> {
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let releases = (self.doc.sections.iter().enumerate())
            .filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }))
            .take(super::scope_style::RELEASES_LOOKED_AT);
        for (i, _) in unreleased.take(1).chain(releases) {
            let votes: Vec<(String, bool)> = (self.style_entries(i).iter())
                .filter_map(|e| {
                    let line = e.text.lines().next().unwrap_or("");
                    let link = commit_link(line)?;
                    let upper = super::tool_marks::starts_upper(line)?;
                    Some((super::tool_marks::commit_hash(line)?, link.dashed && upper))
                })
                .collect();
            if !votes.is_empty() {
                return votes;
            }
        }
        Vec::new()
    }

    /// [`Changelog::add_entries`] of commits' entries (full id, entry), each linked to its
    /// commit where the file's entries link theirs.
    pub fn add_commit_entries(&mut self, entries: &[(String, super::entry::NewEntry)]) {
        let style = self.entry_style();
        let linked = |(id, e): &(String, super::entry::NewEntry)| {
            (
                e.section.clone(),
                style.with_commit(&e.text, id),
                e.breaking,
            )
        };
        self.add_entries(&entries.iter().map(linked).collect::<Vec<_>>());
    }

    /// The first lines of the entries the styles look at: Unreleased's, then the newest
    /// releases'.
    fn styled_lines(&self) -> impl Iterator<Item = String> + '_ {
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let releases = (self.doc.sections.iter().enumerate())
            .filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }))
            .take(super::scope_style::RELEASES_LOOKED_AT);
        let entries = unreleased.take(1).chain(releases);
        let entries = entries.flat_map(|(i, _)| self.style_entries(i));
        entries.map(|e| e.text.lines().next().unwrap_or("").to_owned())
    }

    /// The commit link form of the newest entry that has one, in the sections the issue
    /// links are looked for in.
    fn commit_links(&self) -> Option<CommitLinks> {
        self.styled_lines().find_map(|line| commit_link(&line))
    }

    /// Whether new entries take git-cliff's `upper_first`, as the newest entry that links its
    /// commit and starts its words with a letter says: `Some(true)` where it links as
    /// git-cliff does and has the capital, `None` where no such entry tells.
    pub(super) fn decided_cliff_case(&self) -> Option<bool> {
        self.styled_lines().find_map(|line| {
            let link = commit_link(&line)?;
            let upper = super::tool_marks::starts_upper(&line)?;
            Some(link.dashed && upper)
        })
    }

    /// The newest reference's link address: `Some(None)` when it is bare, `None` when no
    /// section looked at names an issue.
    pub(super) fn decided_issue_links(&self) -> Option<Option<String>> {
        let unreleased = self.doc.sections.iter().enumerate();
        let unreleased = unreleased.filter(|(_, s)| s.kind == SectionKind::Unreleased);
        let releases = (self.doc.sections.iter().enumerate())
            .filter(|(_, s)| matches!(s.kind, SectionKind::Release { .. }))
            .take(super::scope_style::RELEASES_LOOKED_AT);
        for (i, _) in unreleased.take(1).chain(releases) {
            for e in self.style_entries(i) {
                let first = e.text.lines().next().unwrap_or("");
                if let Some(prefix) = issue_numbers_linked(first).into_iter().next() {
                    return Some(Some(prefix));
                }
                if super::entry::names_issue(first) {
                    return Some(None);
                }
            }
        }
        None
    }
}

/// Whether an entry's body may hold a linked reference (read line by line past the part
/// of a file parsed): a false yes costs a longer parse only.
pub(super) fn linked_reference(body: &str) -> bool {
    !issue_numbers_linked(body).is_empty()
}

/// The addresses the linked references of `text` put their number after, in order
/// (`https://github.com/o/r/issues/` of `[#12](https://github.com/o/r/issues/12)`).
fn issue_numbers_linked(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("[#") {
        let after = &rest[i + 2..];
        let digits = &after[..after.bytes().take_while(u8::is_ascii_digit).count()];
        let url = after[digits.len()..]
            .strip_prefix("](")
            .and_then(|t| t.get(..t.find(')')?));
        if let Some(prefix) = url
            .filter(|u| !digits.is_empty() && !u.contains([' ', '<', '>', '(']))
            .and_then(|u| u.strip_suffix(digits))
            .filter(|p| p.ends_with('/') && p.contains("://"))
        {
            out.push(prefix.to_owned());
        }
        rest = after;
    }
    out
}

/// Whether an entry's body may link its commit (which [`Changelog::decided_cliff_case`]
/// reads), read line by line past the part of a file parsed: a false yes costs a longer
/// parse only.
pub(super) fn commit_link_in(body: &str) -> bool {
    body.contains(" ([") && commit_link(body).is_some()
}

/// `line` without the commit link it ends with (` ([abc1234](…/commit/abc1234…))`, after
/// git-cliff's ` - ` or not), as `--sync` and `--rebuild` add one to post-commit's entry.
pub fn without_commit_link(line: &str) -> Option<&str> {
    let line = line.trim_end();
    let at = line.rfind(" ([")?;
    let link = &line[at..];
    let whole = link.ends_with("))") && !link[1..].contains(char::is_whitespace);
    let words = &line[..at];
    (whole && commit_link(line).is_some()).then(|| words.strip_suffix(" -").unwrap_or(words))
}

thread_local! {
    /// Entry lines read in full for the commit link they end with, on this thread.
    static LINK_READS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many entry lines were read in full for a commit link on this thread
/// (`RELHOOK_TEST_COMMIT_LINK_READS`): a line that cannot hold one is not.
pub fn commit_link_reads() -> usize {
    LINK_READS.with(std::cell::Cell::get)
}

/// The commit link `line` ends with (`x ([f5712a9](https://h/o/r/commit/f5712a9d…))`, then
/// git-cliff's or conventional-changelog's own marks at most), if any.
fn commit_link(line: &str) -> Option<CommitLinks> {
    // A link is `([…](…))`, and squeezing the blanks makes no `([` of a line without one: such
    // a line (most entries) is not copied and searched.
    if !line.contains("([") {
        return None;
    }
    LINK_READS.with(|n| n.set(n.get() + 1));
    let joined = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let short = super::tool_marks::commit_hash(&joined)?;
    let at = joined.rfind(&format!(" ([{short}](")).or_else(|| {
        let upper = format!(" ([{}](", short.to_ascii_uppercase());
        joined.rfind(&upper)
    })?;
    let url = &joined[at + short.len() + 5..];
    let url = &url[..url.find(')')?];
    let split = url.trim_end_matches(|c: char| c.is_ascii_hexdigit()).len();
    let (base, hash) = url.split_at(split);
    let same = hash.to_ascii_lowercase().starts_with(&short);
    let addressed =
        base.contains("://") && base.ends_with('/') && !base.contains([' ', '<', '>', '(']);
    (same && addressed).then(|| CommitLinks {
        base: base.to_owned(),
        abbrev: short.len(),
        whole: hash.len() > short.len(),
        dashed: joined[..at].ends_with(" -"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(text: &str) -> EntryStyle {
        Changelog::parse(text).unwrap().entry_style()
    }

    #[test]
    fn the_commit_link_style_alone_links_as_the_whole_style_does() {
        let linked = "# C\n\n## [Unreleased]\n\n## [1.0.0](u) (2024-01-01)\n\n### Bug Fixes\n\n* a ([#4](https://github.com/o/r/issues/4)) ([f571abc](https://github.com/o/r/commit/f571abc))\n";
        let log = Changelog::parse(linked).unwrap();
        let id = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            log.commit_link_style().unwrap().with_commit("x", id),
            log.entry_style().with_commit("x", id)
        );
        assert!(
            log.entry_style()
                .with_commit("x", id)
                .contains("/commit/0123456")
        );
        let plain = "# C\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- a\n";
        assert_eq!(Changelog::parse(plain).unwrap().commit_link_style(), None);
    }

    #[test]
    fn new_references_link_as_the_files_do() {
        let file = "# C\n\n## [Unreleased]\n\n## [1.0.0](u) (2024-01-01)\n\n### Bug Fixes\n\n* a ([#4](https://github.com/o/r/issues/4)) ([f571](https://github.com/o/r/commit/f571))\n";
        let s = style(file);
        assert_eq!(
            s.apply("x (#12)"),
            "x ([#12](https://github.com/o/r/issues/12))"
        );
        // Linked to another address (a fork's remote): the file's.
        assert_eq!(
            s.apply("x ([#12](https://github.com/me/r/issues/12))"),
            "x ([#12](https://github.com/o/r/issues/12))"
        );
        assert_eq!(s.apply("x\n> #3 y"), "x\n> #3 y");
        // Bare references, or none: entries stay as made.
        let bare = file.replace("([#4](https://github.com/o/r/issues/4))", "(#4)");
        assert_eq!(style(&bare).apply("x (#12)"), "x (#12)");
        let none = file.replace("([#4](https://github.com/o/r/issues/4))", "");
        assert_eq!(style(&none).apply("x (#12)"), "x (#12)");
    }

    #[test]
    fn new_entries_link_their_commit_as_the_files_do() {
        let id = "b99a23250fe159c39a17d223359268611e8547e7";
        let cliff = "# C\n\n## [Unreleased]\n\n### Added\n\n- relhook's own\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- *(cd)* Prepare ([#4](https://github.com/o/r/issues/4)) - ([7d90eee](https://github.com/o/r/commit/7d90eee3256e3f6045c7abba02c020cdc9076a8a))\n";
        assert_eq!(
            style(cliff).with_commit("x (#12)\n> note", id),
            "x (#12) - ([b99a232](https://github.com/o/r/commit/b99a23250fe159c39a17d223359268611e8547e7))\n> note"
        );
        let commitlint = "# C\n\n## [1.0.0](u) (2024-01-01)\n\n### Bug Fixes\n\n* a ([F571ABCD](https://x.org/o/r/-/commit/f571abcd)), closes #3\n";
        assert_eq!(
            style(commitlint).with_commit("x", id),
            "x ([b99a2325](https://x.org/o/r/-/commit/b99a2325))"
        );
        // One that names its commit already, or a file that links none: as it is.
        let s = style(commitlint);
        assert_eq!(
            s.with_commit("x ([aaa1111](u/aaa1111))", id),
            "x ([aaa1111](u/aaa1111))"
        );
        for file in [
            "# C\n\n## [1.0.0] - 2024-01-01\n\n### Fixed\n\n- a - (abc1234)\n",
            "# C\n\n## [Unreleased]\n",
        ] {
            assert_eq!(style(file).with_commit("x", id), "x", "{file}");
        }
    }

    #[test]
    fn an_entry_reads_without_its_trailing_commit_link() {
        let url = "https://github.com/o/r/commit/b99a23250fe159c39a17d223359268611e8547e7";
        let cliff = format!("- *(cd)* x (#4) - ([b99a232]({url}))");
        assert_eq!(without_commit_link(&cliff), Some("- *(cd)* x (#4)"));
        let commitlint = format!("* **cd:** x ([b99a232]({url}))");
        assert_eq!(without_commit_link(&commitlint), Some("* **cd:** x"));
        // A link that is no commit's, or one words follow: no commit link to read past.
        for line in [
            "- x ([#4](https://github.com/o/r/issues/4))".to_owned(),
            format!("* x ([b99a232]({url})), closes #3"),
            "- x".to_owned(),
        ] {
            assert_eq!(without_commit_link(&line), None, "{line}");
        }
    }
}
