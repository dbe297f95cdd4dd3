//! post-commit's view of a long changelog: only the part its edits can reach is parsed. Every
//! edit post-commit makes is inside Unreleased, and what it reads besides (the bullet marker,
//! where Unreleased ends) lies before the second release heading; the rest of the file is kept
//! as bytes, so a commit costs the same with 5 released entries or 5,000, but for reading and
//! writing the file. Whenever the cut is not certain to change nothing, the caller parses the
//! whole file as before.

use super::parse::{self, SectionKind};
use super::{Changelog, normalize};

impl Changelog {
    /// The file up to its second release heading, parsed, and the rest as it is: `None` when
    /// that is not certain to behave as the whole file would (the caller parses it all then).
    /// Editing the head's Unreleased and appending the rest renders what the same edit of the
    /// whole file renders, as long as the rest holds no entry the edit looks for (see
    /// [`Changelog::tail_may_hold`]).
    pub fn parse_head(text: &str) -> Option<(Changelog, &str)> {
        head_from(text, false)
    }

    /// [`Changelog::parse_head`] of a file with no Unreleased section yet, parsed whole
    /// already (so no heading below is refused, and none heads an Unreleased): its head takes
    /// the new Unreleased above the newest release as the whole file would, and the edits
    /// after it read the head again, not the whole file.
    pub fn parse_head_released(text: &str) -> Option<(Changelog, &str)> {
        head_from(text, true)
    }

    /// Whether the rest of a file split by [`Changelog::parse_head`] may hold an entry that
    /// normalises to `text`: `false` is certain (no bullet line there starts with the entry's
    /// first words), `true` means the whole file must be parsed to tell. Only the places where
    /// the entry's first word occurs are looked at (found with SIMD `memmem`).
    pub fn tail_may_hold(tail: &str, text: &str) -> bool {
        // Its scope may be written in another tool's style (`**api**: x`): other first words.
        let mut spellings = super::scope_style::spellings(&normalize(text));
        // Or left out, as a file that names none writes it (QA281).
        if let Some(own) = spellings.first() {
            let bare = super::ScopeStyle::Bare.apply(own);
            if !spellings.contains(&bare) {
                spellings.push(bare);
            }
        }
        spellings.iter().any(|want| may_hold(tail, want))
    }
}

/// [`Changelog::parse_head`], of a file whose first section is Unreleased, or (`released`)
/// a release, with no Unreleased in the file.
fn head_from(text: &str, released: bool) -> Option<(Changelog, &str)> {
    // The head holds Unreleased and the newest release; where it decides no style of new
    // entries and a release below may, it takes in the releases down to that one (git-cliff's
    // newest patch release names no issue, the one below it does) rather than give up.
    let mut headings = first_cut(text);
    loop {
        match head_of(text, headings, released)? {
            Ok(split) => return Some(split),
            Err(more) => headings += more,
        }
    }
}

/// The file cut before its level-2 heading number `headings` (its first `headings` level-2
/// headings, all sections: Unreleased, then releases), parsed, and the rest: `None` when that
/// is not certain to behave as the whole file would, `Err(n)` when a style of new entries
/// that the head leaves undecided may be decided within the first `n` sections of the rest.
fn head_of(
    text: &str,
    headings: usize,
    released: bool,
) -> Option<Result<(Changelog, &str), usize>> {
    let cut = level2_headings(text).nth(headings)?;
    let (head, tail) = text.split_at(cut);
    if may_refuse(tail) {
        return None;
    }
    // A head that parses ends outside any fence or comment, so the line at the cut is the
    // heading it looks like in the whole file too.
    let mut log = Changelog::parse(head).ok()?;
    // A part of a release the head ends with (git-cliff's `## New Contributors ❤️`) reads as
    // the file's trailing part, where the whole file reads it as the release's: the cut moves
    // past it, so that the release below closes it.
    if log.doc.trailer.is_some() {
        return Some(Err(1));
    }
    // Each other level-2 heading of the head heads a section, or a part of the release above
    // it, as the whole file reads it: the release below it is in the head too.
    let sections = &log.doc.sections;
    let parts = (sections.iter().flat_map(|s| s.subs.iter()))
        .filter_map(|sub| log.lines.get(sub.heading?))
        .filter(|l| l.text.starts_with("## "))
        .count();
    let release = |s: &super::parse::Section| matches!(s.kind, SectionKind::Release { .. });
    let first = usize::from(!released);
    if sections.len() + parts != headings
        || (!released && sections[0].kind != SectionKind::Unreleased)
        || !sections[first..].iter().all(release)
    {
        return None;
    }
    // No Unreleased yet: it goes above the newest release, set apart from it as that release
    // is from the next, both in the head, unless the newest release holds no entry to
    // measure that by. A conflict marker anywhere refuses the entry, as the whole file did.
    if released
        && (sections[0].subs.iter().all(|sub| sub.entries.is_empty())
            || super::conflict_markers(text).is_some())
    {
        return None;
    }
    // New bullets copy the first entry's marker; with none in the head, it is further down.
    let has_entry = sections
        .iter()
        .flat_map(|s| s.subs.iter())
        .any(|sub| !sub.entries.is_empty());
    if !has_entry {
        return None;
    }
    // New sub-sections take the names the file uses (`vocab`): when the head names none,
    // a conventional-changelog heading further down decides them.
    if log.named_vocabulary().is_none() && tail.lines().any(super::vocab::conventional_heading) {
        return None;
    }
    // New entries write their scope as the newest scoped section does, link their issue
    // references as the newest entry with one does, and take git-cliff's capital as the
    // newest entry that links its commit does: where the head decides none of one, the
    // releases below it (up to the one that may) join the head.
    let undecided = [
        (log.decided_scope_style().is_none())
            .then(|| near(tail, |b| super::scoped(b.trim()).is_some())),
        (log.decided_issue_links().is_none())
            .then(|| near(tail, super::link_style::linked_reference)),
        (log.decided_cliff_case().is_none()).then(|| near(tail, super::link_style::commit_link_in)),
    ];
    if let Some(more) = undecided.into_iter().flatten().flatten().max() {
        return Some(Err(more + 1));
    }
    log.eol = dominant_eol(text);
    log.elsewhere = sub_headings(tail);
    Some(Ok((log, tail)))
}

/// Whether `tail` has a level-2 heading the whole file's parse may refuse (`## 0.7.x`, a
/// second `## [Unreleased]`): a head that left it unread added entries to a file which the
/// release, and the same file without Unreleased (read whole), refuse (QA292). A heading that
/// names no version at all (`## New Contributors ❤️`, `## Previous Changelogs`) is a part the
/// parse reads; one in a fence is text, as the whole file's parse, asked then, tells.
fn may_refuse(tail: &str) -> bool {
    level2_headings(tail).any(|at| {
        let line = tail[at..].lines().next().unwrap_or("");
        match super::heading::parse_heading(0, line) {
            Ok(SectionKind::Release { .. }) => false,
            Ok(SectionKind::Unreleased) => true,
            Err(_) => !super::heading::names_no_version_at_all(line),
        }
    })
}

/// How many level-2 headings the first head takes: two (Unreleased or the newest release,
/// and the release below it), or as many as reach the first bullet, read line by line, that
/// may decide each style of new entries (see [`head_of`]) when none of the first two may, so
/// that the head is parsed once, not parsed, found undecided, and parsed again wider. A cut
/// too wide decides as the whole file does (the newest entry decides); one too narrow is
/// widened as before.
fn first_cut(text: &str) -> usize {
    let Some(top) = level2_headings(text).next() else {
        return 2;
    };
    // Looser than what decides each style in the parsed head (a bare `#12` decides that
    // references go unlinked): a bullet that may decide keeps the cut where it is.
    let issue = |b: &str| super::link_style::linked_reference(b) || super::entry::names_issue(b);
    let found = near_each(
        &text[top..],
        [
            &|b: &str| super::scoped(b.trim()).is_some(),
            &issue,
            &super::link_style::commit_link_in,
        ],
    );
    let beyond = found.into_iter().flatten().filter(|&at| at >= 2);
    beyond.map(|at| at + 1).max().unwrap_or(2)
}

/// The index of the first level-2 heading at the top of `tail` (over the releases the styles
/// look through past the head, read line by line) with a bullet below it whose body `holds`:
/// a false yes costs a longer head only.
fn near(tail: &str, holds: impl Fn(&str) -> bool) -> Option<usize> {
    let [found] = near_each(tail, [&holds]);
    found
}

/// [`near`] for each of `holds`, in one reading of the lines.
fn near_each<const N: usize>(tail: &str, holds: [&dyn Fn(&str) -> bool; N]) -> [Option<usize>; N] {
    let mut found = [None; N];
    // The styles count releases, not a release's parts (git-cliff's `## New Contributors ❤️`
    // in each): every part names no version, and a release that names none too only widens
    // the window.
    let releases = super::scope_style::RELEASES_LOOKED_AT;
    let release = |&at: &usize| {
        let line = tail[at..].lines().next().unwrap_or("");
        !super::heading::names_no_version(line)
    };
    let end = (level2_headings(tail).filter(release).nth(releases)).unwrap_or(tail.len());
    let mut section = 0;
    // The bullets of a part (git-cliff's `## New Contributors ❤️`) are no entries the styles
    // read ([`Changelog::style_entries`]).
    let mut in_part = false;
    for (i, line) in tail[..end].lines().enumerate() {
        if line.starts_with("## ") {
            section += usize::from(i > 0);
            in_part = super::heading::names_no_version_at_all(line)
                && !super::heading::names_change_group(line);
        }
        if in_part {
            continue;
        }
        let Some(body) = parse::bullet_body(line) else {
            continue;
        };
        for (at, holds) in found.iter_mut().zip(holds) {
            if at.is_none() && holds(body) {
                *at = Some(section);
            }
        }
        if found.iter().all(Option::is_some) {
            break;
        }
    }
    found
}

/// [`Changelog::tail_may_hold`] for the entry written as `want` (normalised).
fn may_hold(tail: &str, want: &str) -> bool {
    let want: Vec<&str> = want.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(first) = want.first() else {
        return true;
    };
    let bytes = tail.as_bytes();
    // An entry's first word may be common (`a`, `fix`): a plain word after it that is absent
    // from the rest says at once that no entry there is this one.
    if plain_words(&want).any(|w| memchr::memmem::find(bytes, w.as_bytes()).is_none()) {
        return false;
    }
    let line_at = |at: usize| {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        (start, &tail[start..end])
    };
    // Its words must begin the entry's (continuation lines may hold the rest).
    let begins = |body: &str| {
        body.split_whitespace()
            .zip(want.iter().copied().chain(std::iter::repeat("")))
            .all(|(a, b)| a == b)
    };
    memchr::memmem::find_iter(bytes, first.as_bytes()).any(|at| {
        let (start, line) = line_at(at);
        if let Some(body) = parse::bullet_body(line.trim_start()) {
            return begins(body);
        }
        // A bare bullet (`-` alone) takes its words from the lines below it: this line
        // may be the first of them.
        let mut above = start;
        while above > 0 && begins(line) {
            let (prev_start, prev) = line_at(above - 1);
            if !prev.trim().is_empty() {
                return parse::bullet_body(prev.trim()).is_some_and(str::is_empty);
            }
            above = prev_start;
        }
        false
    })
}

/// The words of `want` (normalised) after the first that hold only letters and digits, of
/// 3 or more, longest first: words that every entry normalising to `want` holds as written, on
/// one of its lines, since [`normalize`] only joins lines, drops a full stop, escapes, link
/// targets, tool marks and the first word's capital, none of which makes such a word.
fn plain_words<'a>(want: &[&'a str]) -> impl Iterator<Item = &'a str> {
    let mut words: Vec<&str> = (want.iter().skip(1).copied())
        .filter(|w| w.len() >= 3 && w.chars().all(char::is_alphanumeric))
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.into_iter()
}

/// Byte offsets of the lines that start with `## `.
fn level2_headings(text: &str) -> impl Iterator<Item = usize> + '_ {
    // The first line's start is past a byte order mark (see `Changelog::parse`).
    let first = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let starts = std::iter::once(first).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    starts.filter(move |&i| text.get(i..).is_some_and(|t| t.starts_with("## ")))
}

/// `text` (written with `\n`) with the line ending most lines of `like` use: a file written
/// whole (`--rebuild`) keeps the CRLF line ends of the one it replaces.
pub fn with_eol_of(text: String, like: &str) -> String {
    if dominant_eol(like) == "\n" {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for piece in text.split_inclusive('\n') {
        match piece.strip_suffix('\n') {
            Some(line) => {
                out.push_str(line.strip_suffix('\r').unwrap_or(line));
                out.push_str("\r\n");
            }
            None => out.push_str(piece),
        }
    }
    out
}

/// The line ending most lines of the whole file use (`parse::dominant_eol`, without
/// splitting the file into lines; a file without `\r` is answered by one SIMD scan).
fn dominant_eol(text: &str) -> &'static str {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        return "\n";
    }
    let crlf = memchr::memmem::find_iter(bytes, b"\r\n").count();
    let lf = memchr::memchr_iter(b'\n', bytes).count() - crlf;
    if crlf > lf { "\r\n" } else { "\n" }
}

/// The names of `text`'s `### ` headings, each once, found with SIMD `memmem` (a release-please
/// file says `### ⚠ BREAKING CHANGES` in an old release only).
fn sub_headings(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut names: Vec<String> = Vec::new();
    for at in memchr::memmem::find_iter(bytes, b"### ") {
        if at > 0 && bytes[at - 1] != b'\n' {
            continue;
        }
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let name = text[at + 4..end].trim().trim_end_matches('#').trim_end();
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::super::lines_parsed;
    use super::*;

    /// QA36: release-please's file says `### ⚠ BREAKING CHANGES` in old releases only, beyond
    /// the part post-commit parses: a breaking entry opened a new `### BREAKING CHANGES`.
    #[test]
    fn a_new_sub_section_takes_its_name_from_the_part_not_parsed() {
        let mut text = "# Changelog\n\n## [Unreleased]\n\n## [2.1.0](https://x) (2024-02-01)\n\n### Features\n\n* a\n\n".to_owned();
        for minor in (0..=9).rev() {
            text.push_str(&format!(
                "## [1.{minor}.0](https://x) (2023-01-01)\n\n### Bug Fixes\n\n* b{minor}\n\n"
            ));
        }
        text.push_str("## [1.0.0](https://x) (2022-01-01)\r\n\r\n### ⚠ BREAKING CHANGES\r\n\r\n* c\r\n\r\n### ⚡ Performance\n\n* d\n");
        let (log, tail) = Changelog::parse_head(&text).expect("cut");
        assert!(tail.contains("⚠ BREAKING CHANGES"));
        assert_eq!(log.section_name("Changed", true), "⚠ BREAKING CHANGES");
        assert_eq!(log.section_name("Changed", false), "⚡ Performance");
        assert_eq!(log.section_name("Fixed", false), "Bug Fixes");
        assert_eq!(
            sub_headings("x### Not\n### A ##\n### A\n####  B\n### C"),
            ["A", "C"]
        );
    }

    /// QA46: with no scoped entry in Unreleased or the newest release, post-commit's head
    /// wrote relhook's `**api:**` where an older release says commitizen's `**api**:`.
    #[test]
    fn a_scoped_entry_below_the_head_falls_back_to_the_whole_file() {
        let text = |older: &str| {
            format!(
                "## [Unreleased]\n\n### Fix\n\n- plain\n\n## v1.0.1 (2024-02-01)\n\n### Fix\n\n- b\n\n## v1.0.0 (2024-01-01)\n\n### Fix\n\n{older}\n"
            )
        };
        assert!(Changelog::parse_head(&text("- **config**: fix a")).is_none());
        assert!(Changelog::parse_head(&text("- fix a")).is_some());
        let scoped_head = text("- **config**: fix a").replace("- b\n", "- **b**: c\n");
        assert!(Changelog::parse_head(&scoped_head).is_some());
    }

    /// git-cliff's own file: its newest release (a patch) links no issue, the one below it
    /// does, and a `## New Contributors ❤️` part follows that one. The head took in the
    /// release that decides how new entries link their issues, not the whole file.
    #[test]
    fn a_style_decided_below_the_head_widens_it() {
        let url = "https://github.com/o/r";
        let text = format!(
            "# C\n\n## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a thing\n\n\
             ## [2.13.1]({url}/compare/a..b) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n\
             - *(cd)* Prepare - ([b99a232]({url}/commit/b99a23250fe159c39a17d223359268611e8547e7))\n\n\
             ## [2.13.0]({url}/compare/a..b) - 2026-04-20\n\n### 🐛 Bug Fixes\n\n\
             - *(args)* Parse ([#1450]({url}/issues/1450)) - ([f1874b8]({url}/commit/f1874b85362cec70f346f812109e72e754e323ca))\n\n\
             ## New Contributors ❤️\n\n* @a made their first contribution in [#1]({url}/pull/1)\n\n\
             ## [2.12.0]({url}/compare/a..b) - 2026-01-20\n\n### 🐛 Bug Fixes\n\n- *(x)* Old ([#9]({url}/issues/9))\n"
        );
        let (head, tail) = Changelog::parse_head(&text).expect("a head");
        assert!(tail.starts_with("## New Contributors"), "{tail}");
        assert_eq!(
            head.decided_issue_links(),
            Some(Some(format!("{url}/issues/")))
        );
        same_edit(&text, |l| l.add_entry("Fixed", "*(cli)* Fix #12", false));
        // QA279: the head was parsed to 2.13.1, found undecided, then parsed again to 2.13.0;
        // the bullets read line by line tell the cut first.
        let before = super::super::parses();
        let released = text.replace(
            "## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a thing\n\n",
            "",
        );
        assert!(Changelog::parse_head(&text).is_some());
        assert_eq!(super::super::parses() - before, 1, "the head parsed once");
        let before = super::super::parses();
        let (head, tail) = Changelog::parse_head_released(&released).expect("a head");
        assert!(tail.starts_with("## New Contributors"), "{tail}");
        assert!(head.decided_issue_links().is_some());
        assert_eq!(super::super::parses() - before, 1, "the head parsed once");
        same_edit(&released, |l| {
            l.add_entry("Fixed", "*(cli)* Fix #12", false)
        });
        // A part's bullets (pull requests) decide nothing (QA271): the release below does,
        // the file's last, so the whole file is read.
        let parts = text.replace(
            "([#1450]({url}/issues/1450)) "
                .replace("{url}", url)
                .as_str(),
            "",
        );
        assert!(Changelog::parse_head(&parts).is_none());
        let whole = Changelog::parse(&parts).unwrap();
        assert_eq!(
            whole.decided_issue_links(),
            Some(Some(format!("{url}/issues/")))
        );
    }

    /// git-cliff's file has a `## New Contributors ❤️` part in every release: the scan below
    /// the head counted 5 level-2 headings, 3 releases, where the styles read 5 releases.
    #[test]
    fn the_scan_below_the_head_counts_releases_not_headings() {
        let url = "https://github.com/o/r";
        let mut text = format!(
            "# C\n\n## [Unreleased]\n\n### 🐛 Bug Fixes\n\n- *(cli)* Handle a thing\n\n\
             ## [2.13.1]({url}/compare/a..b) - 2026-04-26\n\n### 🐛 Bug Fixes\n\n- *(cd)* Prepare\n\n"
        );
        for minor in (9..=12).rev() {
            let linked = if minor == 9 {
                format!(" ([#{minor}]({url}/issues/{minor}))")
            } else {
                String::new()
            };
            text.push_str(&format!(
                "## [2.{minor}.0]({url}/compare/a..b) - 2026-01-20\n\n### 🐛 Bug Fixes\n\n\
                 - *(x)* Fix {minor}{linked}\n\n\
                 ## New Contributors ❤️\n\n* @a made their first contribution\n\n"
            ));
        }
        let whole = Changelog::parse(&text).unwrap();
        assert_eq!(
            whole.decided_issue_links(),
            Some(Some(format!("{url}/issues/")))
        );
        // The head takes the parts in (QA271: it read the whole file).
        let (head, _) = Changelog::parse_head(&text).expect("a head");
        assert_eq!(head.decided_issue_links(), whole.decided_issue_links());
        same_edit(&text, |l| l.add_entry("Fixed", "*(cli)* Fix #12", false));
    }

    #[test]
    fn a_text_takes_the_line_ends_of_the_file_it_replaces() {
        let text = "# Changelog\n\n- a\r\n- b".to_owned();
        assert_eq!(with_eol_of(text.clone(), "x\ny\n"), text);
        assert_eq!(
            with_eol_of(text, "x\r\ny\r\n"),
            "# Changelog\r\n\r\n- a\r\n- b"
        );
    }

    fn long(eol: &str, marker: char, unreleased: &[&str]) -> String {
        let mut t = format!("# Changelog{eol}{eol}Intro.{eol}{eol}## [Unreleased]{eol}{eol}");
        if !unreleased.is_empty() {
            t.push_str(&format!("### Fixed{eol}{eol}"));
            for e in unreleased {
                t.push_str(&format!("{marker} {e}{eol}"));
            }
            t.push_str(eol);
        }
        for r in (1..=40).rev() {
            t.push_str(&format!(
                "## [0.{r}.0] - 2020-01-01{eol}{eol}### Added{eol}{eol}"
            ));
            for i in 0..20 {
                t.push_str(&format!("{marker} entry {r}.{i} with words{eol}"));
            }
            t.push_str(&format!("  continued {r}{eol}{eol}"));
        }
        t.push_str(&format!("[Unreleased]: https://example.com/compare{eol}"));
        t
    }

    /// The same edit through the head and through the whole file renders the same bytes.
    fn same_edit(text: &str, edit: impl Fn(&mut Changelog)) {
        let mut whole = Changelog::parse(text).unwrap();
        let released = !whole.has_unreleased();
        edit(&mut whole);
        let (mut head, tail) = Changelog::parse_head(text)
            .or_else(|| released.then(|| Changelog::parse_head_released(text))?)
            .expect("a head");
        edit(&mut head);
        assert_eq!(head.render() + tail, whole.render());
    }

    #[test]
    fn head_edits_render_as_whole_file_edits() {
        for (eol, marker) in [("\n", '-'), ("\r\n", '*'), ("\n", '*')] {
            for unreleased in [&[][..], &["a fix"][..]] {
                let text = long(eol, marker, unreleased);
                same_edit(&text, |l| l.add_entry("Added", "new thing", false));
                same_edit(&text, |l| l.add_entry("Fixed", "another fix", false));
                same_edit(&text, |l| {
                    l.add_entry("Changed", "breaking\nsecond line", true)
                });
                same_edit(&text, |l| {
                    l.replace_entry("Fixed", "a fix", "a better fix");
                });
                same_edit(&text, |l| {
                    l.remove_entry("Fixed", "a fix");
                });
            }
        }
    }

    #[test]
    fn only_the_head_is_parsed() {
        let text = long("\n", '-', &["a fix"]);
        let before = lines_parsed();
        let (_, tail) = Changelog::parse_head(&text).unwrap();
        assert!(lines_parsed() - before < 40, "{}", lines_parsed() - before);
        assert!(tail.starts_with("## [0.39.0]"));
        // Mixed endings: the whole file's majority decides, as a whole-file parse would.
        let mixed = text
            .replacen("\n", "\r\n", 8)
            .replace("with words\n", "with words\r\n");
        let (head, _) = Changelog::parse_head(&mixed).unwrap();
        assert_eq!(head.line_ending(), "\r\n");
    }

    /// [`long`] without Unreleased: its heading and its link.
    fn released_only(eol: &str, marker: char) -> String {
        let text = long(eol, marker, &[]).replace(&format!("## [Unreleased]{eol}{eol}"), "");
        text.replace(
            &format!("[Unreleased]: https://example.com/compare{eol}"),
            "",
        )
    }

    /// QA269: the first commit after adoption, in a file with no Unreleased yet (git-cliff's
    /// own), parsed the whole file, then analysed it whole again after each line it inserted.
    /// Its head (the newest releases) takes the new Unreleased as the whole file would.
    #[test]
    fn a_file_without_unreleased_is_edited_in_its_head() {
        for (eol, marker) in [("\n", '-'), ("\r\n", '*')] {
            let text = released_only(eol, marker);
            same_edit(&text, |l| l.add_entry("Added", "new thing", false));
            same_edit(&text, |l| l.add_entry("Fixed", "a fix", false));
            // Parsed and edited (Unreleased, then its sub-section and entry), the head only.
            assert!(Changelog::parse_head(&text).is_none(), "Unreleased first");
            let before = super::super::lines_analyzed();
            let (mut head, tail) = Changelog::parse_head_released(&text).expect("a head");
            assert!(!head.has_unreleased() && tail.starts_with("## [0.38.0]"));
            head.add_entry("Fixed", "a fix", false);
            assert!(head.render().contains("## [Unreleased]"));
            let analyzed = super::super::lines_analyzed() - before;
            assert!(analyzed < 200, "{analyzed}");
        }
        let short = "# C\n\n## [1.0.0] - 2020-01-01\n\n- a\n\n## [0.9.0] - 2019-01-01\n\n- b\n\n## [0.8.0]\n\n- c\n";
        same_edit(short, |l| l.add_entry("Fixed", "x", false));
        // The newest release holds no entry to space the new Unreleased by.
        let empty = released_only("\n", '-').replace("- entry 40.", "entry 40.");
        assert!(Changelog::parse_head_released(&empty).is_none());
        let marked = released_only("\n", '-').replace("- entry 2.1 ", "<<<<<<< HEAD\n- entry 2.1 ");
        let marked = marked.replace("- entry 2.2 ", "=======\n- x\n>>>>>>> b\n- entry 2.2 ");
        assert!(Changelog::parse_head_released(&marked).is_none());
    }

    #[test]
    fn uncertain_cuts_fall_back_to_the_whole_file() {
        // No Unreleased section (see `parse_head_released`); Unreleased not first; a fence
        // over the cut; too few sections; no entry in the head to copy the marker from.
        let cases = [
            "# C\n\n## [1.0.0] - 2020-01-01\n\n- a\n\n## [0.9.0] - 2019-01-01\n\n- b\n\n## [0.8.0]\n\n- c\n",
            "# C\n\n## [1.0.0]\n\n- a\n\n## [Unreleased]\n\n- b\n\n## [0.8.0]\n\n- c\n",
            "# C\n\n## [Unreleased]\n\n- a\n\n## [1.0.0]\n\n```\n## [0.9.0]\n```\n\n## [0.8.0]\n\n- c\n",
            "# C\n\n## [Unreleased]\n\n- a\n\n## [1.0.0]\n\n- b\n",
            "# C\n\n## [Unreleased]\n\n## [1.0.0]\n\n## [0.9.0]\n\n- c\n",
        ];
        for text in cases {
            assert!(Changelog::parse_head(text).is_none(), "{text}");
        }
        // The fence over the cut: the whole file parses, the head alone would not.
        let fenced = "# C\n\n## [Unreleased]\n\n- a\n\n## [1.0.0]\n\n```\n## [0.9.0]\n```\n\n## [0.8.0]\n\n- c\n";
        assert!(Changelog::parse(fenced).is_ok());
    }

    /// QA292: a heading the whole file's parse refuses, below the head, is not left unread;
    /// a part that names no version, or a release heading, is.
    #[test]
    fn a_refused_heading_below_the_head_is_read_whole() {
        let text = |below: &str| {
            format!("# C\n\n## [Unreleased]\n\n- a\n\n## [1.0.0]\n\n- b\n\n{below}\n\n- c\n")
        };
        for refused in ["## 0.7.x", "## [Unreleased]"] {
            assert!(Changelog::parse_head(&text(refused)).is_none(), "{refused}");
            assert!(Changelog::parse(&text(refused)).is_err(), "{refused}");
        }
        for read in [
            "## [0.9.0] - 2019-01-01",
            "## [0.9.0]",
            "## Previous Changelogs",
        ] {
            assert!(Changelog::parse_head(&text(read)).is_some(), "{read}");
        }
    }

    #[test]
    fn tail_scan_is_certain_only_when_no_bullet_could_match() {
        let tail =
            "## [1.0.0]\n\n### Added\n\n- parse tabs in scopes\n- split\n  across lines\n* x\n";
        assert!(Changelog::tail_may_hold(tail, "parse   tabs in scopes"));
        assert!(Changelog::tail_may_hold(tail, "split across lines"));
        assert!(
            Changelog::tail_may_hold(tail, "split across"),
            "the whole file decides"
        );
        assert!(Changelog::tail_may_hold(tail, "x"));
        assert!(!Changelog::tail_may_hold(tail, "parse"));
        assert!(!Changelog::tail_may_hold(tail, "tabs in scopes"));
        assert!(!Changelog::tail_may_hold(tail, "xy"));
        assert!(!Changelog::tail_may_hold(tail, "y"));
        let bare = "## [1.0.0]\n\n-\n  words below\n- other\n";
        assert!(Changelog::tail_may_hold(bare, "words below"));
        assert!(!Changelog::tail_may_hold(bare, "below"));
        assert!(
            Changelog::tail_may_hold(bare, "other words"),
            "`- other` may continue"
        );
        assert!(!Changelog::tail_may_hold(bare, "words"));
    }

    #[test]
    fn tail_scan_is_certain_when_a_later_word_is_nowhere_in_the_tail() {
        // `- fix the parser` may go on below it: only a word missing from the tail is certain.
        let tail = "## [1.0.0]\n\n### Fixed\n\n- fix the parser\n- fix a leak\n";
        assert!(!Changelog::tail_may_hold(tail, "fix the parser crash"));
        assert!(!Changelog::tail_may_hold(tail, "fix the parser on Windows"));
        let split = "## [1.0.0]\n\n- fix the parser\n  crash on Windows.\n";
        assert!(Changelog::tail_may_hold(
            split,
            "fix the parser crash on Windows"
        ));
        // Words that normalising may change are not taken for certain.
        assert!(Changelog::tail_may_hold(tail, "fix the parser (#12)"));
        assert!(Changelog::tail_may_hold(tail, "fix the parser 1.x"));
    }
}
