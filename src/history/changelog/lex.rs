//! The line patterns of a Keep a Changelog file, matched by hand: post-commit parses the
//! whole file on every commit, and compiling the equivalent regexes cost more than the rest of
//! the hook. Each matcher gives exactly what its regex (kept beside it) gives: a test compares
//! them on generated lines. The regexes use Unicode `\d` and case folding, so a line holding a
//! non-ASCII digit (or the Kelvin sign, which folds to `k`) is left to the regex: `None` from
//! [`Decided`] means "ask the regex".

use std::sync::LazyLock;

use regex::Regex;

/// The heading regex: `## [label] - date [YANKED]`, or an unbracketed label. A bracketed
/// label may be a link (`## [2.13.0](https://…) - 2024-01-01`, common in the wild), and the
/// date may be in parentheses, as conventional-changelog and commitizen write it
/// (`## [2.13.0](https://…) (2024-01-01)`, `## v2.13.0 (2024-01-01)`): a file that a project
/// adopting relhook already keeps is read as it is, and new sections are written in Keep a
/// Changelog's form.
pub(crate) static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^##[ \t]+(?:\[(?P<b>[^\]]+)\](?:\([^()\s]*\))?|(?P<p>[^\s\[\]]+))(?:[ \t]+[-–—][ \t]+(?P<date>\d{4}-\d{2}-\d{2})|[ \t]+\((?P<pdate>\d{4}-\d{2}-\d{2})\))?(?:[ \t]+(?i:\[YANKED\]))?[ \t]*#*\s*$",
    )
    .expect("static regex")
});

/// The version regex: SemVer, optionally `v`-prefixed.
pub(crate) static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$").expect("static regex")
});

/// The release date regex: `YYYY-MM-DD` with a plausible month and day.
pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$").expect("static regex")
});

/// Whether the hand matchers decide `s` exactly as the regexes would: no character that
/// Unicode `\d` or case-insensitive `K` matches beyond ASCII.
fn decidable(s: &str) -> bool {
    s.is_ascii()
        || !s
            .chars()
            .any(|c| !c.is_ascii() && (c.is_numeric() || c == '\u{212A}'))
}

/// A release heading's parts: the label (bracketed or not) and the date, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heading<'a> {
    pub label: &'a str,
    pub date: Option<&'a str>,
}

/// [`HEADING`] on `t`.
pub(crate) fn heading(t: &str) -> Option<Heading<'_>> {
    if !decidable(t) {
        let c = HEADING.captures(t)?;
        let label = c.name("b").or_else(|| c.name("p"))?.as_str();
        return Some(Heading {
            label,
            date: c
                .name("date")
                .or_else(|| c.name("pdate"))
                .map(|m| m.as_str()),
        });
    }
    let rest = t.strip_prefix("##")?;
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return None;
    }
    if let Some(inner) = after.strip_prefix('[') {
        let close = inner.find(']')?;
        if close == 0 {
            return None;
        }
        let after_label = &inner[close + 1..];
        // `[label](url)`: a link target without blanks or parentheses, as the regex has it.
        let link_end = after_label.strip_prefix('(').and_then(|url| {
            let end = url.find(|c: char| c == '(' || c == ')' || c.is_whitespace())?;
            url[end..].starts_with(')').then_some(end + 2)
        });
        let date = match link_end {
            Some(end) => heading_tail(&after_label[end..]).or_else(|| heading_tail(after_label)),
            None => heading_tail(after_label),
        }?;
        return Some(Heading {
            label: &inner[..close],
            date,
        });
    }
    // Unbracketed: the longest run of non-space, non-bracket characters that the rest of the
    // line accepts (the regex backtracks over it the same way).
    let run = after
        .find(|c: char| c.is_whitespace() || c == '[' || c == ']')
        .unwrap_or(after.len());
    let mut end = run;
    while end > 0 {
        if let Some(date) = heading_tail(&after[end..]) {
            return Some(Heading {
                label: &after[..end],
                date,
            });
        }
        end = after[..end]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
    }
    None
}

/// What may follow a heading's label: an optional ` - YYYY-MM-DD` or ` (YYYY-MM-DD)`, an
/// optional ` [YANKED]`, then trailing `#`s and blanks. `Some(date)` when it matches,
/// preferring a date.
fn heading_tail(s: &str) -> Option<Option<&str>> {
    if let Some((date, rest)) = dated(s).or_else(|| paren_dated(s)) {
        if yanked_then_end(rest) {
            return Some(Some(date));
        }
    }
    yanked_then_end(s).then_some(None)
}

/// `[ \t]+[-–—][ \t]+\d{4}-\d{2}-\d{2}`: the date and what follows it.
fn dated(s: &str) -> Option<(&str, &str)> {
    let s = blanks1(s)?;
    let s = ["-", "–", "—"].iter().find_map(|d| s.strip_prefix(d))?;
    date_shape(blanks1(s)?)
}

/// `\d{4}-\d{2}-\d{2}` at the start of `s` (ASCII digits: see [`decidable`]): the date and
/// what follows it.
fn date_shape(s: &str) -> Option<(&str, &str)> {
    let b = s.as_bytes();
    let shape = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    shape.then(|| (&s[..10], &s[10..]))
}

/// `[ \t]+\((\d{4}-\d{2}-\d{2})\)`: the date and what follows the parenthesis.
fn paren_dated(s: &str) -> Option<(&str, &str)> {
    let s = blanks1(s)?.strip_prefix('(')?;
    let (date, rest) = date_shape(s)?;
    Some((date, rest.strip_prefix(')')?))
}

/// `(?:[ \t]+(?i:\[YANKED\]))?[ \t]*#*\s*$`.
fn yanked_then_end(s: &str) -> bool {
    let yanked = blanks1(s).and_then(|r| {
        let tag = r.get(..8)?;
        tag.eq_ignore_ascii_case("[YANKED]").then(|| &r[8..])
    });
    yanked.is_some_and(end) || end(s)
}

/// `[ \t]*#*\s*$`.
fn end(s: &str) -> bool {
    s.trim_start_matches([' ', '\t'])
        .trim_start_matches('#')
        .chars()
        .all(char::is_whitespace)
}

/// `[ \t]+`: what follows one or more blanks.
fn blanks1(s: &str) -> Option<&str> {
    let r = s.trim_start_matches([' ', '\t']);
    (r.len() < s.len()).then_some(r)
}

/// [`VERSION`] on `v`.
pub(crate) fn is_version(v: &str) -> bool {
    if !decidable(v) {
        return VERSION.is_match(v);
    }
    let s = v.strip_prefix('v').unwrap_or(v);
    fn digits(s: &str) -> Option<&str> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| &s[n..])
    }
    let core = digits(s)
        .and_then(|s| s.strip_prefix('.'))
        .and_then(digits)
        .and_then(|s| s.strip_prefix('.'))
        .and_then(digits);
    let Some(mut rest) = core else {
        return false;
    };
    fn ident(s: &str) -> Option<&str> {
        let n = s
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-')
            .count();
        (n > 0).then(|| &s[n..])
    }
    if let Some(pre) = rest.strip_prefix('-') {
        match ident(pre) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    if let Some(build) = rest.strip_prefix('+') {
        match ident(build) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// `^\[([^\]]+)\]:[ \t]*(\S+)` on `t`: the label and the URL (no Unicode digit or case
/// rule is involved, so this one never needs the regex).
pub(crate) fn link_def(t: &str) -> Option<(&str, &str)> {
    let inner = t.strip_prefix('[')?;
    let close = inner.find(']')?;
    if close == 0 {
        return None;
    }
    let rest = inner[close + 1..]
        .strip_prefix(':')?
        .trim_start_matches([' ', '\t']);
    let url_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (url_end > 0).then(|| (&inner[..close], &rest[..url_end]))
}

/// [`DATE`] on `d`.
pub(crate) fn is_date(d: &str) -> bool {
    if !decidable(d) {
        return DATE.is_match(d);
    }
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    if ![0, 1, 2, 3, 5, 6, 8, 9]
        .iter()
        .all(|&i| b[i].is_ascii_digit())
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The link reference definition regex the matcher replaced: `[label]: url`.
    static LINKDEF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\[([^\]]+)\]:[ \t]*(\S+)").expect("static regex"));

    fn regex_heading(t: &str) -> Option<Heading<'_>> {
        let c = HEADING.captures(t)?;
        Some(Heading {
            label: c.name("b").or_else(|| c.name("p"))?.as_str(),
            date: c
                .name("date")
                .or_else(|| c.name("pdate"))
                .map(|m| m.as_str()),
        })
    }

    fn regex_link(t: &str) -> Option<(&str, &str)> {
        let c = LINKDEF.captures(t)?;
        Some((c.get(1)?.as_str(), c.get(2)?.as_str()))
    }

    /// Lines made of the pieces these patterns care about, in any order.
    fn line() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "##",
            "#",
            " ",
            "\t",
            "[",
            "]",
            "(",
            ")",
            ":",
            "-",
            "–",
            "—",
            "v",
            "1",
            "0",
            "2",
            "9",
            ".",
            "+",
            "2024-01-31",
            "(2024-01-31)",
            "2024-13-01",
            "0000-00-00",
            "1.2.3",
            "1.0.0-rc.1",
            "[YANKED]",
            "[yanked]",
            "[Unreleased]",
            "Unreleased",
            "\r",
            "\u{a0}",
            "\u{2003}",
            "\u{661}",
            "\u{212A}",
            "é",
            "x",
            "https://x.y/z",
            "a",
            "Z",
            "_",
            "*",
        ]);
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn hand_matchers_agree_with_the_regexes(s in line()) {
            let h = format!("## {s}");
            prop_assert_eq!(heading(&h), regex_heading(&h), "{:?}", h);
            prop_assert_eq!(heading(&s), regex_heading(&s), "{:?}", s);
            prop_assert_eq!(is_version(&s), VERSION.is_match(&s), "{:?}", s);
            prop_assert_eq!(is_date(&s), DATE.is_match(&s), "{:?}", s);
            let l = format!("[{s}");
            prop_assert_eq!(link_def(&l), regex_link(&l), "{:?}", l);
            prop_assert_eq!(link_def(&s), regex_link(&s), "{:?}", s);
        }
    }

    #[test]
    fn known_lines_match_as_the_regexes_do() {
        for h in [
            "## [Unreleased]",
            "## [1.2.0] - 2026-01-02 [YANKED]",
            "## 1.1.0 - 2025-01-01",
            "## [1.0.0]",
            "## unreleased",
            "## [Unreleased]\r",
            "## v1.2 (2020)",
            "## 1.2.3 (2020-01-01)",
            "## About",
            "## [1.0.0] – 2020-01-01 ##  ",
            "## 1.0.0## - 2020-01-01",
            "##[1.0.0]",
            "## []",
            "## [1.0.0] - 2020-1-01",
            "## [1.0.0] -  2020-01-01 [Yanked] #",
            "## [١.٠.٠] - ٢٠٢٠-٠١-٠١",
            "## 1.0.0 [YAN\u{212A}ED]",
            "## [2.13.0](https://github.com/o/r/compare/v2.12.0...v2.13.0) - 2024-03-01",
            "## [2.13.0](https://x.y/z)",
            "## [2.13.0]() - 2024-03-01",
            "## [2.13.0](a b) - 2024-03-01",
            "## [2.13.0](a(b)) - 2024-03-01",
            "## [2.13.0](https://x.y/z) (2024-03-01)",
        ] {
            assert_eq!(heading(h), regex_heading(h), "{h:?}");
        }
        for v in [
            "1.2.3",
            "v1.2.3",
            "1.2",
            "1.2.3-",
            "1.2.3+b.1",
            "1.2.3-rc.1+b",
            "١.٢.٣",
        ] {
            assert_eq!(is_version(v), VERSION.is_match(v), "{v:?}");
        }
        for l in [
            "[x]: http://x",
            "[x]:",
            "[]: u",
            "[x]:\tu v",
            "[x] : u",
            "[x]:\u{a0}u",
        ] {
            assert_eq!(link_def(l), regex_link(l), "{l:?}");
        }
        for d in [
            "2024-02-30",
            "2024-00-10",
            "2024-12-32",
            "2024-1-01",
            "٢٠٢٤-٠١-٠١",
        ] {
            assert_eq!(is_date(d), DATE.is_match(d), "{d:?}");
        }
    }
}
