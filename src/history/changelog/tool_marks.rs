//! What other changelog tools add around a commit's words, read past when entries compare:
//! git-cliff's `upper_first` (`Add x` for the commit `feat: add x`) and the commit hash,
//! author and pull request they append (` - ([abc1234](…/commit/abc1234))`, ` - (abc1234) -
//! *someone*`, ` by @user in #12`), and its breaking mark (`*(api)* [**breaking**] x`, read as
//! relhook's `**BREAKING**`); conventional-changelog's `, closes #3 #4` after the hash reads as
//! the ` (#3, #4)` relhook writes for the same footers. The file keeps them as written; only
//! the comparison key (`normalize`) goes without.

/// `text` (normalised whitespace, scope in relhook's style) without a tool's trailing hash,
/// author and pull request marks, and with the first letter of its words in lower case.
pub(super) fn plain(text: String) -> String {
    let mut text = cliff_breaking(text);
    if let Some(cut) = suffix_start(&text) {
        let closes = closed_issues(&text[..cut], &text[cut..]);
        text.truncate(cut);
        if !closes.is_empty() {
            text.push_str(&format!(" ({})", closes.join(", ")));
        }
    }
    fold_first_letter(text)
}

/// The issues conventional-changelog's `, closes #3 #4` after a tool's hash mark (`marks`)
/// names, as relhook lists a commit's closing footers: each once, none the entry's words
/// (`words`) name already (both tools leave those out). Empty when the tail is anything else.
fn closed_issues(words: &str, marks: &str) -> Vec<String> {
    let Some((_, list)) = marks.split_once("), closes ") else {
        return Vec::new();
    };
    let issue = |t: &&str| t.len() > 1 && t[1..].bytes().all(|b| b.is_ascii_digit());
    let refs: Vec<&str> = list.split_whitespace().collect();
    if refs.is_empty() || !refs.iter().all(|t| t.starts_with('#') && issue(t)) {
        return Vec::new();
    }
    let named = |r: &str| {
        words
            .match_indices(r)
            .any(|(i, _)| !words[i + r.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut out: Vec<String> = Vec::new();
    for r in refs {
        if !named(r) && !out.iter().any(|o| o == r) {
            out.push(r.to_owned());
        }
    }
    out
}

/// The first letter after the breaking mark and the scope in lower case: `upper_first` only
/// changes how an entry looks.
fn fold_first_letter(text: String) -> String {
    let at = words_start(&text);
    let Some(first) = text[at..].chars().next().filter(|c| c.is_uppercase()) else {
        return text;
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    out.extend(first.to_lowercase());
    out.push_str(&text[at + first.len_utf8()..]);
    out
}

/// Where the words of `text` (relhook's style) begin: after the breaking mark and the scope.
fn words_start(text: &str) -> usize {
    let at = text.strip_prefix("**BREAKING** ").map_or(0, |_| 13);
    super::scoped(&text[at..]).map_or(at, |(_, words)| text.len() - words.len())
}

/// `text` (relhook's style: `**api:** add x`) with git-cliff's `upper_first`, the first
/// letter of its words in upper case (`**api:** Add x`).
pub(super) fn raise_first_letter(text: &str) -> String {
    let at = words_start(text);
    let Some(first) = text[at..].chars().next().filter(|c| c.is_lowercase()) else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    out.extend(first.to_uppercase());
    out.push_str(&text[at + first.len_utf8()..]);
    out
}

/// The case of the first letter of `entry`'s words as a file writes it (any tool's scope
/// style, git-cliff's breaking mark): `Some(true)` for `*(api)* Add x`, `None` where the words
/// start with no letter (`` `--flag` now … ``), which tells nothing.
pub(super) fn starts_upper(entry: &str) -> Option<bool> {
    let joined = entry.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = cliff_breaking(super::scope_style::canonical(joined));
    let first = text[words_start(&text)..].chars().next()?;
    first.is_alphabetic().then(|| first.is_uppercase())
}

/// git-cliff's breaking mark as its templates write it: after the scope and a space
/// (`*(api)* [**breaking**] x`, `[**breaking**] x`: `cliff.toml`, `minimal.toml`), or glued to
/// the words of an unscoped entry (`[**breaking**]x`, its cocogitto example).
const CLIFF_BREAKING: &str = "[**breaking**]";

/// `text` with git-cliff's breaking mark as relhook writes it (`**BREAKING** **api:** x`), so
/// the breaking commit's entry is the same; a mark anywhere else is a commit's own words.
fn cliff_breaking(text: String) -> String {
    if text.starts_with("**BREAKING** ") || !text.contains(CLIFF_BREAKING) {
        return text;
    }
    let at = super::scoped(&text).map_or(0, |(_, words)| text.len() - words.len());
    let Some(after) = text[at..].strip_prefix(CLIFF_BREAKING) else {
        return text;
    };
    let words = match after.strip_prefix(' ') {
        Some(words) => words,
        None if at == 0 => after,
        None => return text,
    };
    if words.is_empty() || words.starts_with(' ') {
        return text;
    }
    format!("**BREAKING** {}{words}", &text[..at])
}

/// Whether `entry` (as written) carries git-cliff's breaking mark where its templates put it,
/// which [`plain`] reads as relhook's `**BREAKING**`.
pub fn cliff_marked(entry: &str) -> bool {
    let joined = entry.split_whitespace().collect::<Vec<_>>().join(" ");
    !joined.starts_with("**BREAKING** ")
        && joined.contains(CLIFF_BREAKING)
        && super::normalize(&joined).starts_with("**BREAKING** ")
}

/// Whether the first line of `text` ends with a lone ` by @user`, as git-cliff's author mark
/// does ([`cliff_authored`]).
pub fn ends_authored(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default().trim_end();
    let name = |c: char| c.is_ascii_alphanumeric() || "-_[]".contains(c);
    first
        .rsplit_once(" by @")
        .is_some_and(|(_, user)| !user.is_empty() && user.chars().all(name))
}

/// Whether `entry` is `own` (a commit's entry) as git-cliff's keep-a-changelog templates
/// write it with a GitHub remote and no pull request: `upper_first`, then a lone
/// ` by @user` (`- Add x by @ann` for `add x`). Only then: a commit's own words may end so
/// (`allow merges by @owners`), and as relhook writes them they keep their lower case.
pub fn cliff_authored(entry: &str, own: &str) -> bool {
    let entry = entry.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((words, user)) = entry.rsplit_once(" by @") else {
        return false;
    };
    let name = |c: char| c.is_ascii_alphanumeric() || "-_[]".contains(c);
    let capital = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    !user.is_empty()
        && user.chars().all(name)
        && capital(words)
        && lower(own.trim_start())
        && super::normalize(words) == super::normalize(own)
}

/// Where the marks a tool appends begin, if `text` ends with any: a commit hash (linked, or
/// after ` - `) and whatever follows it, else `by @user in #12` (git-cliff's GitHub
/// template). Marks a commit's own words may hold (`allow merges by @owners`, `in #12`, a
/// bare `(52428800)`) are kept: two commits that differ only there must keep two entries.
fn suffix_start(text: &str) -> Option<usize> {
    if let Some((at, _)) = hash_mark(text) {
        return Some(at);
    }
    let (head, pr) = text.rsplit_once(" in ")?;
    let (words, user) = head.rsplit_once(" by @")?;
    let name = |c: char| c.is_ascii_alphanumeric() || "-_[]".contains(c);
    let is_user = !user.is_empty() && user.chars().all(name);
    (is_pull_request(pr) && is_user && !words.is_empty()).then_some(words.len())
}

/// The commit hash a tool appended to `text` (` ([abc1234](…))`, ` - (abc1234)`), in lower
/// case: what [`plain`] reads past, which still tells two commits' entries apart.
pub(super) fn commit_hash(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    hash_mark(&joined).map(|(_, hash)| hash.to_ascii_lowercase())
}

/// The start of the last ` ([abc1234](url))` (after ` - ` or not) or ` - (abc1234)`, when
/// only an author, a pull request or nothing follows it, and its hash. A bare ` (abc1234)` is
/// a commit's own words as often as a tool's mark: it stays.
fn hash_mark(text: &str) -> Option<(usize, &str)> {
    let at = text.rfind(" (")?;
    let rest = &text[at + 2..];
    let (hash, after) = match rest.strip_prefix('[') {
        Some(linked) => {
            let (hash, url) = linked.split_once("](")?;
            (hash, url.split_once("))")?.1)
        }
        None => rest.split_once(')')?,
    };
    let is_hash = (7..=40).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit());
    let tail = after.is_empty()
        || [" - ", " by @", " in ", ", "]
            .iter()
            .any(|m| after.starts_with(m));
    let linked = rest.starts_with('[');
    let dashed = text[..at].strip_suffix(" -");
    if !is_hash || !tail || at == 0 || (!linked && dashed.is_none()) {
        return None;
    }
    Some((dashed.map_or(at, str::len), hash))
}

/// `#12`, `[#12](…)` or GitLab's `[!12](…)`.
fn is_pull_request(text: &str) -> bool {
    let number = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    if let Some(n) = text.strip_prefix('#') {
        return number(n);
    }
    let Some((label, url)) = text.strip_prefix('[').and_then(|t| t.split_once("](")) else {
        return false;
    };
    let label = label.strip_prefix(['#', '!']).unwrap_or("");
    number(label) && url.ends_with(')') && !url.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::{ends_authored, plain};

    #[test]
    fn a_lone_author_mark_ends_the_words() {
        assert!(ends_authored("allow merges by @owners"));
        assert!(ends_authored("allow merges by @o-w_n[bot]\n> quoted"));
        assert!(!ends_authored("allow merges by @"));
        assert!(!ends_authored("allow merges by @owners in #12"));
        assert!(!ends_authored("allow merges"));
    }

    #[test]
    fn git_cliffs_capital_and_hash_link_are_read_past() {
        for written in [
            "**cli:** Add b flag - ([1234567](https://x/commit/1234567))",
            "**cli:** Add b flag ([1234567](https://x/commit/1234567))",
            "**cli:** add b flag - ([1234567](https://x/commit/1234567)) - Someone Else",
            "**cli:** Add b flag ([1234567abc](https://x/c/1234567abc)) by @ann in #12",
            "**cli:** Add b flag by @ann-b in [#12](https://x/pull/12)",
            "**cli:** Add b flag by @dependabot[bot] in [!12](https://x/-/merge_requests/12)",
            "**cli:** Add b flag - (1234567) - *ann*, *bob*",
            "**cli:** add b flag",
        ] {
            assert_eq!(
                plain(written.to_owned()),
                "**cli:** add b flag",
                "{written}"
            );
        }
        assert_eq!(plain("Add search".to_owned()), "add search");
        assert_eq!(
            plain("**BREAKING** **api:** Drop v1".to_owned()),
            "**BREAKING** **api:** drop v1"
        );
        assert_eq!(
            plain("**BREAKING** Drop v1".to_owned()),
            "**BREAKING** drop v1"
        );
        assert_eq!(plain("Élan - (abc1234)".to_owned()), "élan");
    }

    /// git-cliff's `[**breaking**]`, exactly as its templates place it, is relhook's mark.
    /// vue's entries: `closes` after the hash is the `(#N, …)` relhook writes for the footers.
    #[test]
    fn conventional_changelogs_closes_reads_as_relhooks_references() {
        let cases = [
            (
                "**a:** x (#15136) ([a4440c0](https://x/commit/a4440c0)), closes #15126 #15128",
                "**a:** x (#15136) (#15126, #15128)",
            ),
            (
                "x ([37ccb9b](https://x/c/37ccb9b)), closes #8 #9 #9",
                "x (#8, #9)",
            ),
            (
                "x (#12) ([37ccb9b](https://x/c/37ccb9b)), closes #12",
                "x (#12)",
            ),
            (
                "x (#123) ([37ccb9b](https://x/c/37ccb9b)), closes #12",
                "x (#123) (#12)",
            ),
            ("x ([37ccb9b](https://x/c/37ccb9b)), closes a/b#1", "x"),
        ];
        for (written, key) in cases {
            assert_eq!(plain(written.to_owned()), key, "{written}");
        }
    }

    #[test]
    fn git_cliffs_breaking_mark_is_read_as_relhooks() {
        for written in [
            "**api:** [**breaking**] Drop v1 - ([1234567](https://x/commit/1234567))",
            "**api:** [**breaking**] drop v1",
            "**BREAKING** **api:** Drop v1",
        ] {
            assert_eq!(
                plain(written.to_owned()),
                "**BREAKING** **api:** drop v1",
                "{written}"
            );
        }
        for written in [
            "[**breaking**] Drop v1",
            "[**breaking**]Drop v1 - (abc1234) - Ann",
        ] {
            assert_eq!(
                plain(written.to_owned()),
                "**BREAKING** drop v1",
                "{written}"
            );
        }
        // Anywhere else, or with nothing after it, it is the commit's own words.
        for text in [
            "drop [**breaking**] v1",
            "[**breaking**]",
            "**api:** [**breaking**]drop v1",
        ] {
            assert_eq!(plain(text.to_owned()), text);
        }
    }

    #[test]
    fn git_cliffs_mark_is_told_where_its_templates_put_it() {
        use super::cliff_marked;
        assert!(cliff_marked("*(api)* [**breaking**] Rename field"));
        assert!(cliff_marked("[**breaking**]Rename  field - (abc1234)"));
        for text in [
            "**BREAKING** *(api)* rename field",
            "rename [**breaking**] field",
            "*(api)* rename field",
        ] {
            assert!(!cliff_marked(text), "{text}");
        }
    }

    #[test]
    fn a_lone_author_is_read_past_only_in_git_cliffs_form() {
        use super::cliff_authored;
        assert!(cliff_authored("Add search by @ann", "add search"));
        assert!(cliff_authored(
            "Add  search by @dependabot[bot]",
            "add search"
        ));
        // relhook keeps a commit's lower case: this is another commit's entry.
        assert!(!cliff_authored("allow merges by @owners", "allow merges"));
        assert!(!cliff_authored("Add search by @", "add search"));
        assert!(!cliff_authored("Add search by @ann in docs", "add search"));
        assert!(!cliff_authored("Add search by @ann", "Add search"));
        assert!(!cliff_authored("Add search by @ann", "add searches"));
    }

    #[test]
    fn the_hash_a_tool_appended_is_read() {
        use super::commit_hash;
        let vue = "**vapor:** x ([#13](https://x/issues/13)) ([AAA1111](https://x/commit/aaa1111))";
        assert_eq!(commit_hash(vue).as_deref(), Some("aaa1111"));
        assert_eq!(
            commit_hash("Add b - (1234567) - *ann*").as_deref(),
            Some("1234567")
        );
        for text in ["add b", "revert the parser change (abc1234)", "fix (#12)"] {
            assert_eq!(commit_hash(text), None, "{text}");
        }
    }

    #[test]
    fn words_that_only_look_like_marks_stay() {
        for text in [
            "revert (abc1234) and more",
            "fix (#12)",
            "log in (not a hash)",
            "allow login by @ everyone",
            "show in #general",
            "(abc1234)",
            "by @ann",
            "fix (deadbee",
            "allow merges by @owners",
            "raise upload limit (52428800)",
            "revert the parser change (abc1234)",
            "show in #12",
            "merged in #12",
        ] {
            assert_eq!(plain(text.to_owned()), text);
        }
    }
}
