//! Release headings: which `## ` lines (and conventional-changelog's other levels) start a
//! release section, which version they name, and the refusal of those that start none, each
//! naming the edit that makes the line one relhook reads; and the parser's other refusals,
//! each with its edit too.

use super::ParseError;
use super::lex;
use super::parse::{SectionKind, heading_level, is_version, version_key};

/// A heading's version: SemVer, or a PEP 440 pre-release (see [`pep440_pre`]).
pub(super) fn names_version(label: &str) -> bool {
    is_version(label) || pep440_pre(label).is_some()
}

/// The text of a heading after its `#`s.
fn title(t: &str) -> &str {
    t.trim_start_matches('#')
        .trim()
        .trim_end_matches('#')
        .trim_end()
}

/// Whether a heading names a group of changes (`## Features`, `## 🐛 Bug Fixes`, Keep a
/// Changelog's and conventional-changelog's and git-cliff's names): under the last level-1
/// release it is that release's part, never the file's trailing part.
pub(super) fn names_change_group(t: &str) -> bool {
    const GROUPS: &[&str] = &[
        "added",
        "changed",
        "deprecated",
        "removed",
        "fixed",
        "security",
        "features",
        "feature",
        "new features",
        "bug fixes",
        "bugfixes",
        "bug fix",
        "fixes",
        "performance improvements",
        "performance",
        "reverts",
        "breaking changes",
        "breaking",
        "code refactoring",
        "refactor",
        "refactoring",
        "documentation",
        "docs",
        "styles",
        "tests",
        "build system",
        "continuous integration",
        "miscellaneous chores",
        "miscellaneous",
        "chores",
        "dependencies",
    ];
    // Emoji and punctuation before the words (`🐛 Bug Fixes`, `⚠ BREAKING CHANGES`).
    let words = title(t).trim_start_matches(|c: char| !c.is_alphanumeric());
    let words = words.trim_end_matches(':').trim().to_lowercase();
    GROUPS.contains(&words.as_str())
}

/// Whether a `## ` heading that relhook reads as no release's names no version either (a
/// title such as `## Previous Changelogs`, not `## v1.2 (2020)` or `## [Unreleased] - …`):
/// a sub-heading or a trailing part, not a release heading written another way.
pub(super) fn names_no_version(t: &str) -> bool {
    let label = title(t).trim_start_matches(['[', '<']);
    let label = label.strip_prefix("small>").unwrap_or(label);
    let label = label.strip_prefix(['v', 'V']).unwrap_or(label);
    let unreleased = label
        .get(..10)
        .is_some_and(|h| h.eq_ignore_ascii_case("unreleased"));
    !unreleased && !label.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a heading names no version in any of its words either (`## New Contributors`, not
/// `## Release of 1.3.0`, which is a release heading written another way).
pub(super) fn names_no_version_at_all(t: &str) -> bool {
    names_no_version(t) && versions_in(title(t)).is_empty()
}

/// The refusal of `## ` heading `t` at line `i` (0-based), which names no release relhook
/// reads, with the edit to its line.
pub(super) fn heading_error(i: usize, t: &str) -> ParseError {
    let (n, shown) = (i + 1, t.trim_end());
    let (what, fix) = if title(t)
        .trim_start_matches('[')
        .get(..10)
        .is_some_and(|h| h.eq_ignore_ascii_case("unreleased"))
    {
        // cargo-release's template (`## [Unreleased] - ReleaseDate`) and the like.
        (
            format!("`{shown}` is not the Unreleased heading relhook keeps"),
            format!(
                "change line {n} to `## [Unreleased]` (relhook dates the section when it releases it)"
            ),
        )
    } else if names_no_version_at_all(t) {
        // vue's `## Aggregated Features List for 3.5` between its releases.
        (
            format!(
                "`{shown}` names no version, and each `## ` heading above the last release starts one"
            ),
            format!("make line {n} the sub-heading `### {}`", title(t)),
        )
    } else {
        let versions = versions_in(title(t));
        let fix = match (unpadded_date(t), versions.as_slice()) {
            // electron/forge's `## [3.0.0](…) (2017-5-1)`: only the date is off.
            (Some((written, iso)), _) => format!("write {written} on line {n} as {iso}"),
            // lefthook's `## 1.7.19 and 1.7.20 – failed to build`.
            (None, [a, .., b]) => {
                let and = if versions.len() == 2 { "and" } else { "to" };
                format!(
                    "delete line {n} if {a} {and} {b} were never released, or else give each its own `## [X.Y.Z] - YYYY-MM-DD` heading"
                )
            }
            // `## Release of 1.3.0 (2021-01-01)`: its own version and date, in the form read.
            (None, [v]) => {
                let mut dated = title(t).split(|c: char| "() ".contains(c));
                let date = dated.find(|w| lex::is_date(w)).unwrap_or("YYYY-MM-DD");
                format!("write line {n} as `## [{}] - {date}`", version_key(v))
            }
            (None, _) => format!(
                "write line {n} as `## [X.Y.Z] - YYYY-MM-DD` (a SemVer version, an ISO date)"
            ),
        };
        let what = match versions.len() {
            0 | 1 => "is not a Keep a Changelog release heading".to_string(),
            k => format!("names {k} versions, and a release heading names one"),
        };
        (format!("`{shown}` {what}"), fix)
    };
    ParseError {
        line: n,
        message: format!("{what}: {fix}"),
        fix: Some(fix),
    }
}

/// The versions among the words of a heading's title, each once (a link's target is one
/// word: `[3.0.0](…/tag/v3.0.0)` names one version).
fn versions_in(title: &str) -> Vec<&str> {
    let words = title.split(|c: char| c.is_whitespace() || "[](),;&".contains(c));
    let mut found: Vec<&str> = vec![];
    for w in words.map(|w| w.trim_end_matches(['.', ':'])) {
        if names_version(w) && !found.iter().any(|f| version_key(f) == version_key(w)) {
            found.push(w);
        }
    }
    found
}

/// How many refused lines one refusal names; the rest are counted.
const NAMED: usize = 5;

/// One refusal naming every refused line (`errors` is not empty): the first one's, with the
/// others' edits after it, up to [`NAMED`] in all, then how many more there are.
pub(super) fn several(mut errors: Vec<ParseError>) -> ParseError {
    errors.sort_by_key(|e| e.line);
    let mut first = errors.remove(0);
    if errors.is_empty() {
        return first;
    }
    let fixes = |e: &ParseError| e.fix.clone().unwrap_or_else(|| e.to_string());
    let shown = errors.iter().take(NAMED - 1);
    let mut rest: Vec<String> = shown.map(fixes).collect();
    if let Some(more) = errors.len().checked_sub(NAMED - 1).filter(|&m| m > 0) {
        let after = errors.get(NAMED - 2).map_or(first.line, |e| e.line);
        rest.push(format!("and {more} more like these after line {after}"));
    }
    let rest = rest.join("; ");
    first.message = format!("{}; also {rest}", first.message);
    first.fix = Some(format!("{}; {rest}", fixes(&first)));
    first
}

/// A date written `YYYY-M-D` in `t` (a month or day of one digit), and it as `YYYY-MM-DD`.
fn unpadded_date(t: &str) -> Option<(&str, String)> {
    t.split(|c: char| !c.is_ascii_digit() && c != '-')
        .find_map(|w| {
            let mut parts = w.split('-');
            let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
            let short = |p: &str| (1..=2).contains(&p.len());
            let ok = parts.next().is_none() && y.len() == 4 && short(m) && short(d);
            let iso = format!("{y}-{m:0>2}-{d:0>2}");
            (ok && iso.len() > w.len() && lex::is_date(&iso)).then_some((w, iso))
        })
}

/// The refusal of a second `## [Unreleased]` (0-based lines).
pub(super) fn second_unreleased(first: usize, i: usize) -> ParseError {
    let fix = format!(
        "move the entries under line {} into the Unreleased section at line {}, and delete line {}",
        i + 1,
        first + 1,
        i + 1
    );
    ParseError {
        line: i + 1,
        message: format!(
            "second Unreleased section (the first is at line {}): {fix}",
            first + 1
        ),
        fix: Some(fix),
    }
}

/// The refusal of a sub-section heading (line `i`, 0-based) above every section heading.
pub(super) fn above_every_section(i: usize, t: &str) -> ParseError {
    let fix = format!(
        "add `## [Unreleased]` above line {} (or the heading of the release its entries belong to)",
        i + 1
    );
    ParseError {
        line: i + 1,
        message: format!(
            "`{}` stands above every section heading, so its entries belong to no section (was the `## [Unreleased]` heading above it deleted?): {fix}",
            t.trim()
        ),
        fix: Some(fix),
    }
}

/// The refusal of a code fence or HTML comment that line `opened` (0-based) opens and
/// nothing closes: everything after it is hidden from a reader.
pub(super) fn unclosed(opened: usize, fence: Option<&str>) -> ParseError {
    let n = opened + 1;
    let (what, fix) = match fence {
        Some(f) => (
            "this code fence is never closed",
            format!("add a {f} line after the code that line {n} opens"),
        ),
        None => (
            "this HTML comment is never closed",
            format!("add `-->` after the comment that line {n} opens"),
        ),
    };
    ParseError {
        line: n,
        message: format!(
            "{what} ({fix}): everything after it is hidden, so entries cannot go there"
        ),
        fix: Some(fix),
    }
}

/// A version's heading in the forms conventional-changelog writes besides `## [X.Y.Z]`: at
/// level 1 for a minor release (`# [3.5.0](…) (2024-09-03)`), at level 3 for a patch
/// (`### [9.3.2](…) (2021-10-17)`, where `### Bug Fixes` follows at the same level), and
/// wrapped in `<small>` (`## <small>3.4.38 (2024-08-14)</small>`). Read as the release
/// section it is: read as text or as a sub-heading, its entries would count as another
/// section's (Unreleased's, at the top of the file), and a commit's entry would be added there.
pub(super) fn other_release_heading(t: &str) -> Option<String> {
    let level = heading_level(t)?;
    let mut rest = t[level..].trim();
    if let Some(inner) = rest
        .strip_prefix("<small>")
        .and_then(|r| r.strip_suffix("</small>"))
    {
        rest = inner.trim();
    }
    let line = format!("## {rest}");
    let label = lex::heading(&line)?.label.trim();
    if names_version(label) {
        return Some(label.to_string());
    }
    codenamed(label)
}

/// The version of a release label that gives the release a name after it, as vuejs/core
/// names its minors (`# [3.3.0 Rurouni Kenshin](…) (2023-05-11)`): the version, a blank, then
/// words only.
pub(super) fn codenamed(label: &str) -> Option<String> {
    let (version, name) = label.split_once(' ')?;
    let name = name.trim();
    let words = name.starts_with(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || " '-.".contains(c));
    (words && names_version(version)).then(|| version.to_string())
}

/// The version a `## ` heading names after a word or a package's name: `## Version 1.2.3`,
/// cocogitto's `## cocogitto-7.0.0 - 2026-03-04` (`-` or `@` before the version), with an
/// optional ` - YYYY-MM-DD` or ` (YYYY-MM-DD)`. Only at level 2: `### Fixed 1.2.3` is a part.
pub(super) fn named_release(t: &str) -> Option<String> {
    let rest = t.strip_prefix("## ")?.trim_start();
    let (word, after) = rest.split_once([' ', '\t']).unwrap_or((rest, ""));
    let words = |label: &str| {
        let line = format!("## {label}");
        let v = lex::heading(&line)?.label.trim().to_string();
        names_version(&v).then_some(v)
    };
    let wordy = word.contains(|c: char| c.is_alphabetic()) && !word.contains(['[', '<', '(']);
    let spaced = (wordy && !word.eq_ignore_ascii_case("unreleased") && !names_version(word))
        .then(|| words(after.trim_start()))
        .flatten();
    spaced.or_else(|| {
        let label = lex::heading(t)?.label.trim();
        let at = label.char_indices().filter(|(_, c)| "-@".contains(*c));
        let mut cuts = at.map(|(k, _)| (&label[..k], &label[k + 1..]));
        let (name, v) = cuts.find(|(name, v)| !name.is_empty() && names_version(v))?;
        (name.contains(|c: char| c.is_alphabetic()) && !name.contains(['[', ']']))
            .then(|| v.to_string())
    })
}

/// [`named_release`] at level 3 or 4 (`### Version 1.2.3`, as `relhook notes` reads it too):
/// a release heading, unless its first word names a group of changes (`### Fixed 1.2.3`).
/// Not at level 1, where vuejs/core's `# Vue 3.6.0` titles the release `# [3.6.0]` heads.
pub(super) fn named_release_at_level(t: &str) -> Option<String> {
    let level = heading_level(t).filter(|l| (3..=4).contains(l))?;
    let rest = t[level..].trim();
    let first = rest.split_whitespace().next()?;
    if names_change_group(first) {
        return None;
    }
    named_release(&format!("## {rest}"))
}

/// Whether a release heading is in a form relhook does not write (see
/// [`Structure::other_form`]).
pub(super) fn other_form(t: &str) -> bool {
    match lex::heading(t) {
        Some(h) if named_release(t).is_some() => !names_version(h.label.trim()),
        Some(h) => h.date.is_some_and(|d| t.contains(&format!("({d})"))),
        None => true,
    }
}

/// Classifies a `## ` heading.
pub(super) fn parse_heading(i: usize, t: &str) -> Result<SectionKind, ParseError> {
    let release = |version| SectionKind::Release { version };
    let Some(h) = lex::heading(t) else {
        return other_release_heading(t)
            .or_else(|| named_release(t))
            .or_else(|| named_release_at_level(t))
            .map(release)
            .ok_or_else(|| heading_error(i, t));
    };
    let label = h.label.trim();
    if label.eq_ignore_ascii_case("unreleased") {
        if h.date.is_some() {
            return Err(heading_error(i, t));
        }
        return Ok(SectionKind::Unreleased);
    }
    if names_version(label) {
        return Ok(release(label.to_string()));
    }
    named_release(t)
        .or_else(|| codenamed(label))
        .map(release)
        .ok_or_else(|| heading_error(i, t))
}

/// An empty HTML anchor (`<a name="4.3.0"></a>`), as conventional-changelog wrote one above
/// each release heading: it belongs to the heading below it.
pub(super) fn anchor(t: &str) -> bool {
    t.starts_with("<a ") && (t.ends_with("></a>") || t.ends_with("/>")) && !t.contains("href")
}

/// A PEP 440 pre-release in its normal form (`1.0.0b2`, `v2.1.0rc1`, `3.0.0a0`), as commitizen
/// heads releases of Python projects (its default version scheme): read as the SemVer
/// pre-release it stands for (`1.0.0-b.2`), so that it orders before `1.0.0` (`a` < `b` < `rc`).
/// What relhook writes and tags is SemVer, but for the section of a hand tag so spelled.
pub(crate) fn pep440_pre(label: &str) -> Option<semver::Version> {
    let v = label.strip_prefix('v').unwrap_or(label);
    let split = v.find(['a', 'b', 'r'])?;
    let (core, pre) = v.split_at(split);
    let n = ["a", "b", "rc"]
        .iter()
        .find_map(|k| Some((*k, pre.strip_prefix(k)?)))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))?;
    if !is_version(core) || core.contains(['-', '+']) {
        return None;
    }
    semver::Version::parse(&format!("{core}-{}.{}", n.0, n.1)).ok()
}

#[cfg(test)]
mod tests {
    use super::super::Changelog;
    use super::*;

    #[test]
    fn pep_440_pre_releases_read_as_semver_ones() {
        let v = |s: &str| pep440_pre(s).map(|v| v.to_string());
        assert_eq!(v("1.0.0b2").as_deref(), Some("1.0.0-b.2"));
        assert_eq!(v("v1.0.0b1").as_deref(), Some("1.0.0-b.1"));
        assert_eq!(v("2.1.0rc1").as_deref(), Some("2.1.0-rc.1"));
        assert_eq!(v("3.0.0a0").as_deref(), Some("3.0.0-a.0"));
        for no in [
            "1.0.0",
            "1.0.0b",
            "1.0.0c1",
            "1.0b2",
            "1.0.0-rc.1b2",
            "1.0.0b2.post1",
            "about",
            "1.0.0rcx",
        ] {
            assert_eq!(v(no), None, "{no}");
        }
        let (a, b, rc) = (
            pep440_pre("1.0.0a1"),
            pep440_pre("1.0.0b1"),
            pep440_pre("1.0.0rc1"),
        );
        assert!(a < b && b < rc && rc < semver::Version::parse("1.0.0").ok());
    }

    /// A word or a package's name before the version heads that version's release, at level 2
    /// only; anything else is no such heading.
    #[test]
    fn a_word_or_a_package_before_the_version() {
        let v = |t: &str| named_release(t);
        assert_eq!(v("## Version 1.2.3").as_deref(), Some("1.2.3"));
        assert_eq!(
            v("## Release v1.2.3 - 2020-01-01").as_deref(),
            Some("v1.2.3")
        );
        assert_eq!(v("## Version 1.2.3 (2020-01-01)").as_deref(), Some("1.2.3"));
        let coco = v("## cocogitto-7.0.0 - 2026-03-04");
        assert_eq!(coco.as_deref(), Some("7.0.0"));
        assert_eq!(v("## my-pkg@1.0.0-rc.1").as_deref(), Some("1.0.0-rc.1"));
        for no in [
            "### Version 1.2.3",
            "## Release of 1.2.3",
            "## Version 1.2",
            "## v1.2 (2020)",
            "## 1.0.0 (soon)",
            "## Unreleased 1.0.0",
            "## [Unreleased] - ReleaseDate",
            "## Previous Changelogs",
            "## 1.7.19 and 1.7.20",
            "## 2-1.0.0",
        ] {
            assert_eq!(v(no), None, "{no}");
        }
        let c = Changelog::parse("## Version 1.2.3\n\n- a\n## cocogitto-1.0.0 - 2026-01-01\n")
            .expect("valid");
        assert_eq!(c.versions(), ["1.2.3", "1.0.0"]);
        assert_eq!(c.other_form_heading().map(|(l, _)| l), Some(1));
    }

    /// A heading that names a version is never advised down to a sub-heading (which would hand
    /// its items to the section above it), but to its Keep a Changelog heading.
    #[test]
    fn a_heading_naming_a_version_is_advised_its_release_heading() {
        let fix = |t: &str| heading_error(2, t).fix.unwrap_or_default();
        assert_eq!(
            fix("## Release of 1.3.0 (2021-01-01)"),
            "write line 3 as `## [1.3.0] - 2021-01-01`"
        );
        assert_eq!(
            fix("## Shipped v2.0.0 at last"),
            "write line 3 as `## [2.0.0] - YYYY-MM-DD`"
        );
        assert_eq!(fix("## About"), "make line 3 the sub-heading `### About`");
    }

    #[test]
    fn the_versions_a_heading_names() {
        let two = versions_in("1.7.19 and 1.7.20 – failed to build");
        assert_eq!(two, ["1.7.19", "1.7.20"]);
        let linked = versions_in("[3.0.0](https://x/releases/tag/v3.0.0) (2017-5-1)");
        assert_eq!(linked, ["3.0.0"]);
        assert_eq!(versions_in("v1.0.0 / 1.0.0"), ["v1.0.0"]);
        assert_eq!(versions_in("[1.2.0](x) (2020-01-01)"), ["1.2.0"]);
    }

    #[test]
    fn a_date_without_leading_zeros_is_named_with_them() {
        let d = |t| unpadded_date(t).map(|(w, iso)| (w.to_string(), iso));
        assert_eq!(
            d("## [3.0.0](https://x/v3.0.0) (2017-5-1)"),
            Some(("2017-5-1".into(), "2017-05-01".into()))
        );
        assert_eq!(
            d("## 1.0.0 - 2017-10-3"),
            Some(("2017-10-3".into(), "2017-10-03".into()))
        );
        for no in [
            "## 1.0.0 (2017-05-01)",
            "## 1.0.0 (2017-13-1)",
            "## 1.0.0 (2017-1-100)",
        ] {
            assert_eq!(d(no), None, "{no}");
        }
    }

    /// A stable release carries what its PEP 440 pre-releases shipped, as with SemVer ones.
    #[test]
    fn a_stable_release_folds_in_pep_440_pre_releases() {
        let mut c = Changelog::parse(
            "## [Unreleased]\n\n- late\n\n## 1.1.0rc1 (2026-01-02)\n\n### Feat\n\n- the feature\n\n## v1.0.0 (2026-01-01)\n\n- old\n",
        )
        .unwrap();
        assert_eq!(c.versions(), ["1.1.0rc1", "v1.0.0"]);
        c.release("1.1.0", "2026-01-03", "v", None).unwrap();
        let got: Vec<String> = c
            .entries_of("1.1.0")
            .unwrap()
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(got, ["late", "the feature"]);
    }
}
