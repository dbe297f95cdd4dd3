//! A Conventional Commit → its changelog entry: the sub-section it belongs in and the bullet
//! text `**scope:** description (#123)`, breaking changes marked and listed first.

use crate::commit::parse::Commit;
use crate::config::ChangelogConfig;

pub use super::pairing::{
    RevertKey, revert_chain, revert_key, revert_pairs, revert_partners, without_own_pull_request,
};

/// An entry to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    /// The Keep a Changelog sub-section (`Added`, `Fixed`...).
    pub section: String,
    /// The bullet's Markdown, without the `- ` marker.
    pub text: String,
    /// Breaking changes go first in their sub-section.
    pub breaking: bool,
}

/// Where a repository's issues live, for links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forge {
    /// `https://host/owner/repo`.
    pub base: String,
    kind: ForgeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ForgeKind {
    GitHub,
    GitLab,
    Gitea,
    Bitbucket,
}

impl Forge {
    /// Recognises the known forges from a remote URL (`git@github.com:o/r.git`,
    /// `https://gitlab.com/group/sub/r`, `ssh://git@codeberg.org/o/r.git`).
    pub fn from_remote_url(url: &str) -> Option<Forge> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .or_else(|| url.strip_prefix("ssh://"))
            .or_else(|| url.strip_prefix("git://"))
            .unwrap_or(url);
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        let (host, path) = rest.split_once([':', '/'])?;
        let host = host.to_lowercase();
        let kind = match host.as_str() {
            "github.com" => ForgeKind::GitHub,
            "gitlab.com" => ForgeKind::GitLab,
            "codeberg.org" | "gitea.com" => ForgeKind::Gitea,
            "bitbucket.org" => ForgeKind::Bitbucket,
            _ => return None,
        };
        // `git@github.com:22/o/r` has a port after the colon.
        let path = path
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim_matches('/');
        let path = path.strip_suffix(".git").unwrap_or(path);
        let safe = |c: char| c.is_ascii_alphanumeric() || "-_./".contains(c);
        if path.split('/').count() < 2 || !path.chars().all(safe) || path.contains("..") {
            return None;
        }
        Some(Forge {
            base: format!("https://{host}/{path}"),
            kind,
        })
    }

    /// The page of issue or pull request `n`.
    pub fn issue_url(&self, n: &str) -> String {
        match self.kind {
            ForgeKind::GitLab => format!("{}/-/issues/{n}", self.base),
            ForgeKind::GitHub | ForgeKind::Gitea | ForgeKind::Bitbucket => {
                format!("{}/issues/{n}", self.base)
            }
        }
    }
}

/// Footer tokens whose `#N` values are issue references worth keeping.
const REFERENCE_TOKENS: &[&str] = &[
    "refs",
    "ref",
    "references",
    "closes",
    "close",
    "closed",
    "fixes",
    "fix",
    "fixed",
    "resolves",
    "resolve",
    "resolved",
    "part-of",
    "see",
    "issue",
    "pr",
];

/// The entry for a commit, or `None` when its type maps to no sub-section. A breaking change
/// whose type has no sub-section still gets one, under `Changed`.
pub fn entry_for(c: &Commit, config: &ChangelogConfig, forge: Option<&Forge>) -> Option<NewEntry> {
    entry_in(c, None, config, forge)
}

/// [`entry_for`] under `group` where one is given (the git-cliff group a `commit_parsers`
/// entry gives the commit, whatever its type), else under its type's sub-section.
pub(super) fn entry_in(
    c: &Commit,
    group: Option<String>,
    config: &ChangelogConfig,
    forge: Option<&Forge>,
) -> Option<NewEntry> {
    use crate::commit::parse::{header, reverted_header};
    // What a revert reverts, when its message says (not a `revert:` commit naming only an id).
    let reverted = c
        .reverts
        .as_ref()
        .and_then(|r| header(reverted_header(&r.header)).ok());
    // The revert's own pull request (`Revert "fix: x" (#12)`), as any entry keeps its `(#N)`.
    let own_pr = c.reverts.as_ref().and_then(|r| r.pull_request.as_deref());
    // Reverting a change that had no entry (a refactor, a docs fix) needs none either.
    if let Some(h) = reverted.as_ref().filter(|_| group.is_none()) {
        if config.section_for(&h.ty.to_lowercase()).is_none() && !h.bang {
            return None;
        }
    }
    let section = match (group, config.section_for(&c.ty)) {
        (Some(g), _) => g,
        (None, Some(s)) => s.to_owned(),
        (None, None) if c.breaking => "Changed".to_owned(),
        (None, None) => return None,
    };
    let mut text = String::new();
    if c.breaking {
        text.push_str("**BREAKING** ");
    }
    let description = match reverted {
        // Git's `Revert "feat(api): add x"` of a released change, or `revert: feat(api): add
        // x`: `**api:** revert "add x"`.
        Some(h) => {
            if let Some((scope, _)) = &h.scope {
                text.push_str(&format!("**{}:** ", scope_text(scope)));
            }
            match own_pr {
                Some(n) => format!("revert \"{}\" (#{n})", inline(h.description)),
                None => format!("revert \"{}\"", inline(h.description)),
            }
        }
        None => {
            if let Some(scope) = &c.scope {
                text.push_str(&format!("**{}:** ", scope_text(scope)));
            }
            inline(&c.description)
        }
    };
    text.push_str(&description);
    let mut text = super::escape::escape_block_start(text);
    // A one-line note follows the description; a longer one (paragraphs, lists, code) is a
    // block quoted under the entry, as written. `!` alone says nothing more (`revert!: feat:
    // x` has its reverted header for a description, which the entry already words).
    let note = c
        .breaking_description
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty() && inline(n) != description && *n != c.description.trim());
    let block = match note {
        Some(n) if n.contains('\n') => Some(quoted_block(n)),
        Some(n) => {
            text.push_str(" — ");
            text.push_str(&inline(n));
            None
        }
        None => None,
    };
    let refs: Vec<String> = footer_references(c)
        .into_iter()
        .filter(|r| !mentions(&text, r))
        .collect();
    if !refs.is_empty() {
        let list: Vec<String> = refs.iter().map(|r| format!("#{r}")).collect();
        text.push_str(&format!(" ({})", list.join(", ")));
    }
    let mut text = match forge {
        Some(f) => link_references(&text, f),
        None => text,
    };
    if let Some(block) = block {
        text.push('\n');
        text.push_str(&block);
    }
    Some(NewEntry {
        section,
        text,
        breaking: c.breaking,
    })
}

/// The entry for a commit message as stored, or `None` (a type with no sub-section, not
/// conventional, or a `fixup!`/`squash!`/`amend!` commit). Most commits get no entry: that is
/// decided from the header before the message is parsed.
pub fn entry_for_message(
    message: &str,
    config: &ChangelogConfig,
    forge: Option<&Forge>,
) -> Option<NewEntry> {
    let header = message.lines().next().unwrap_or("");
    if ["fixup! ", "squash! ", "amend! "]
        .iter()
        .any(|p| header.starts_with(p))
    {
        return None;
    }
    // A git-cliff project's `commit_parsers` decide first, as git-cliff does.
    if let Some(decided) = super::cliff_parsed::decided(message, config, forge) {
        return decided;
    }
    // A reapplied change's entry is its own (`Reapply "fix: x"` → `- x` under Fixed).
    let header = crate::commit::parse::reapplied(header).unwrap_or(header);
    // Git's revert text under another type (`fix: Revert "…"`) goes by that type.
    let own = header.split(['(', '!', ':']).next().unwrap_or("");
    let ty = if header.starts_with("Revert \"") || own.eq_ignore_ascii_case("revert") {
        "revert"
    } else {
        own
    };
    let may_break = header.contains("!:") || message.contains("BREAKING");
    if config.section_for(ty).is_none() && !may_break {
        return None;
    }
    entry_for(
        &crate::commit::parse::commit(message.trim_end())?,
        config,
        forge,
    )
}

/// Text for one line of Markdown: whitespace and control characters (a lone CR, a tab)
/// folded into single spaces, and `<!--` escaped so that it never opens an HTML comment.
fn inline(s: &str) -> String {
    super::escape::escape_comment(&folded(s))
}

/// `s` with whitespace and control characters folded into single spaces, after [`visible`].
fn folded(s: &str) -> String {
    let spaced: String = visible(s)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` without what a terminal or an editor would act on rather than show: ANSI escape
/// sequences whole (`ESC [ 31 m`, not just the ESC, which left `[31m` in the entry; `ESC ]`
/// up to BEL or `ESC \`), and the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) that make text read other than it is stored.
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    // Parameters and intermediates, up to the final byte (@ to ~).
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    chars.next();
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {
                    chars.next();
                }
            },
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A scope as the bold text of its entry: [`folded`], with the characters that would end the
/// bold or start a code span, link, HTML tag or strikethrough escaped (`fix(*): …` is
/// `**\*:** …`, not the broken `***:** …`). An `_` inside a word (`snake_case`) is text to
/// Markdown already, and stays as scopes have always been written.
fn scope_text(scope: &str) -> String {
    // `<` escaped, `<!--` opens no comment either.
    let chars: Vec<char> = folded(scope).chars().collect();
    let word = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut out = String::with_capacity(chars.len());
    for (k, &c) in chars.iter().enumerate() {
        let inside = word(k.checked_sub(1)) && word(Some(k + 1));
        if "\\*`[]<~".contains(c) || (c == '_' && !inside) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A multi-line breaking-change note as a block quote: common indentation removed, lists
/// and code fences kept line for line, paragraph breaks kept as `>` lines (never blank, so
/// the entry stays one list item).
fn quoted_block(note: &str) -> String {
    let lines: Vec<String> = note
        .lines()
        .map(|l| {
            visible(l)
                .chars()
                .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect();
    let indent = lines
        .iter()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    // Inside a code fence a tag is code: only `<!--` is escaped there, as before.
    let mut fenced = false;
    for (i, l) in lines.iter().enumerate() {
        let l = if i == 0 {
            l.trim_start()
        } else {
            l.get(indent..).unwrap_or(l.trim_start())
        };
        let fence = l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~");
        if l.is_empty() {
            if out.last().is_some_and(|p| p != ">") {
                out.push(">".to_owned());
            }
        } else if fenced || fence {
            fenced ^= fence;
            out.push(format!("> {}", l.replace("<!--", "<\\!--")));
        } else {
            out.push(format!("> {}", super::escape::escape_comment(l)));
        }
    }
    while out.last().is_some_and(|p| p == ">") {
        out.pop();
    }
    out.join("\n")
}

/// Issue numbers named in reference footers (`Refs #12`, `Closes: #3, #4`).
fn footer_references(c: &Commit) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A revert's `Refs: 1234567` names the commit it reverts, not an issue.
    let reverted = c.reverts.as_ref().and_then(|r| r.commit.as_deref());
    for f in &c.footers {
        if !REFERENCE_TOKENS.contains(&f.token.to_lowercase().as_str())
            || Some(f.value.trim()) == reverted
        {
            continue;
        }
        // `Refs #12` arrives as token `Refs` and value `12` (the ` #` is the separator).
        let value = if f
            .value
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
        {
            format!("#{}", f.value.trim_start())
        } else {
            f.value.clone()
        };
        for n in issue_numbers(&value) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// The `N` of every `#N` in `text` that is a word of its own.
fn issue_numbers(text: &str) -> Vec<String> {
    text.match_indices('#')
        .filter_map(|(i, _)| issue_at(text, i))
        .map(str::to_owned)
        .collect()
}

/// The digits of the issue reference `#N` at byte `i` of `text` (a `#`): one that starts a
/// word (not `[#12]`, already a link) and ends one (not the `#0275` of a commit id `0275cd0`
/// that `Refs: 0275cd0` makes).
fn issue_at(text: &str, i: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'[';
    let rest = &text[i + 1..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let ends_word = !rest[end..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    (starts_word && end > 0 && ends_word).then(|| &rest[..end])
}

fn mentions(text: &str, n: &str) -> bool {
    issue_numbers(text).iter().any(|m| m == n)
}

/// `#12` → `[#12](<forge>/issues/12)`, leaving existing links alone.
fn link_references(text: &str, forge: &Forge) -> String {
    link_references_to(text, &forge.issue_url(""))
}

/// Whether `text` names an issue (`#12` as a word of its own, not linked).
pub(super) fn names_issue(text: &str) -> bool {
    !issue_numbers(text).is_empty()
}

/// `#12` → `[#12](<prefix>12)`, leaving existing links alone.
pub(super) fn link_references_to(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut last = 0;
    for (i, _) in text.match_indices('#') {
        let Some(digits) = issue_at(text, i).filter(|_| i >= last) else {
            continue;
        };
        out.push_str(&text[last..i]);
        out.push_str(&format!("[#{digits}]({prefix}{digits})"));
        last = i + 1 + digits.len();
    }
    out.push_str(&text[last..]);
    out
}

/// `[#12](<url ending in /12>)` → `#12`: the reverse of `link_references`, whatever the
/// forge (GitHub's `/pull/12` too). Any other link is left as it is.
pub(super) fn unlink_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("[#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let digits = &after[..after.bytes().take_while(u8::is_ascii_digit).count()];
        let linked = after[digits.len()..]
            .strip_prefix("](")
            .and_then(|t| Some(t.split_at(t.find(')')?)))
            .filter(|(url, _)| {
                !digits.is_empty()
                    && !url.contains(' ')
                    && url.strip_suffix(digits).is_some_and(|u| u.ends_with('/'))
            });
        match linked {
            Some((_, close)) => {
                out.push('#');
                out.push_str(digits);
                rest = &close[1..];
            }
            None => {
                out.push_str("[#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_references_read_as_the_bare_ones() {
        let n = crate::history::changelog::normalize;
        assert_eq!(
            n("add a  ([#12](https://github.com/o/r/issues/12))"),
            "add a (#12)"
        );
        assert_eq!(
            n("x [#3](https://gitlab.com/g/r/-/issues/3), [#4](h/pull/4)"),
            "x #3, #4"
        );
        // Not a reference to the same number, or no link: left alone.
        assert_eq!(
            n("x [#3](https://h/issues/33)"),
            "x [#3](https://h/issues/33)"
        );
        assert_eq!(n("x [#](u/1) [#1] [#2](u/2"), "x [#](u/1) [#1] [#2](u/2");
        assert_eq!(n("é [#7](ü/7) ü"), "é #7 ü");
    }

    #[test]
    fn escape_sequences_and_bidi_overrides_leave_no_trace() {
        assert_eq!(folded("\u{1b}[31mred\u{1b}[0m fix"), "red fix");
        assert_eq!(
            folded("a\u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{1b}\\ b"),
            "alink b"
        );
        assert_eq!(
            folded("safe\u{202e}txt.exe\u{2066}x\u{2069}"),
            "safetxt.exex"
        );
        assert_eq!(folded("tab\there\u{1b}"), "tab here");
    }

    fn entry(msg: &str, forge: Option<&Forge>) -> Option<NewEntry> {
        entry_for(
            &crate::commit::parse::commit(msg).unwrap(),
            &ChangelogConfig::default(),
            forge,
        )
    }

    #[test]
    fn sections_and_scope() {
        let e = entry("feat(api): add x", None).unwrap();
        assert_eq!(
            (e.section.as_str(), e.text.as_str(), e.breaking),
            ("Added", "**api:** add x", false)
        );
        assert_eq!(entry("fix: y", None).unwrap().section, "Fixed");
        assert!(entry("docs: z", None).is_none());
        assert!(entry("chore: z", None).is_none());
    }

    #[test]
    fn breaking_marked_with_its_text() {
        let e = entry(
            "feat(api)!: drop v1\n\nBREAKING CHANGE: the /v1 routes\nare gone",
            None,
        )
        .unwrap();
        assert!(e.breaking);
        assert_eq!(
            e.text,
            "**BREAKING** **api:** drop v1\n> the /v1 routes\n> are gone"
        );
        let e = entry(
            "feat(api)!: drop v1\n\nBREAKING CHANGE: the /v1 routes are gone",
            None,
        )
        .unwrap();
        assert_eq!(
            e.text,
            "**BREAKING** **api:** drop v1 — the /v1 routes are gone"
        );
        let e = entry("chore!: require rust 1.85", None).unwrap();
        assert_eq!(
            (e.section.as_str(), e.text.as_str()),
            ("Changed", "**BREAKING** require rust 1.85")
        );
    }

    #[test]
    fn multi_paragraph_breaking_note_is_a_quoted_block_without_trailing_paragraphs() {
        let msg = "refactor(core): adjust APIs\n\nBREAKING CHANGE: adjustments:\n\n- `a` is gone\n  wrapped\n\n```ts\nx()\n```\n\nclose #31\n\nSigned-off-by: A <a@b.c>";
        let e = entry(msg, None).unwrap();
        assert_eq!(
            e.text,
            "**BREAKING** **core:** adjust APIs (#31)\n> adjustments:\n>\n> - `a` is gone\n>   wrapped\n>\n> ```ts\n> x()\n> ```"
        );
        // `close #31`, before git's `Signed-off-by:` paragraph, is a reference (git put the
        // trailer in a paragraph of its own), not text of the note.
        assert!(!e.text.contains("Signed-off-by") && !e.text.contains("close"));
        let e = entry("fix: y\n\nFixes #9\n\nSigned-off-by: A <a@b.c>", None).unwrap();
        assert_eq!(e.text, "y (#9)");
        let e = entry("fix: y\n\nSigned-off-by: A <a@b.c>\nFixes: #9", None).unwrap();
        assert_eq!(e.text, "y (#9)");
        // Paragraphs indented as a block (vuejs/core's habit) lose the common indentation.
        let msg = "refactor: rename\n\nBREAKING CHANGE: `<portal>` is `<teleport>`.\n\n    `target` is `to`:\n\n    ```html\n    <Teleport to=\"#m\" />\n    ```";
        assert_eq!(
            entry(msg, None).unwrap().text,
            "**BREAKING** rename\n> `<portal>` is `<teleport>`.\n>\n> `target` is `to`:\n>\n> ```html\n> <Teleport to=\"#m\" />\n> ```"
        );
    }

    /// A scope's Markdown characters are escaped, once; an `_` inside a word is left as is.
    #[test]
    fn a_scopes_markdown_characters_are_escaped() {
        let text = |m: &str| entry(m, None).unwrap().text;
        assert_eq!(text("fix(*): update all"), "**\\*:** update all");
        assert_eq!(text("fix(a*b): x"), "**a\\*b:** x");
        assert_eq!(text("fix(snake_case): x"), "**snake_case:** x");
        assert_eq!(text("fix(_private_): x"), "**\\_private\\_:** x");
        assert_eq!(
            text("fix(a\\b`c[d]<e>~f): x"),
            "**a\\\\b\\`c\\[d\\]\\<e>\\~f:** x"
        );
        assert_eq!(text("fix(<!--): x"), "**\\<!--:** x");
        assert_eq!(text("Revert \"fix(*): y\""), "**\\*:** revert \"y\"");
        assert_eq!(
            text("Revert \"fix(api): y (#3)\" (#12)"),
            "**api:** revert \"y (#3)\" (#12)"
        );
        assert_eq!(
            without_own_pull_request("Revert \"fix: y\" (#12)\n\nThis reverts commit 1234567.")
                .as_deref(),
            Some("Revert \"fix: y\"\n\nThis reverts commit 1234567.")
        );
        assert_eq!(without_own_pull_request("fix: y (#12)"), None);
    }

    #[test]
    fn control_characters_and_comment_openers_never_reach_the_file_raw() {
        let e = entry("fix: a\rb\tc <!-- d", None).unwrap();
        assert_eq!(e.text, "a b c <\\!-- d");
    }

    #[test]
    fn reverts_cancel_their_target_within_a_range_and_a_reapply_restores_it() {
        let id = |n: u8| git2::Oid::from_bytes(&[n; 20]).unwrap();
        let key = |n: u8, reverts: Option<u8>| RevertKey {
            header: format!("h{n}"),
            reverts: reverts.map(|r| crate::commit::parse::Reverted {
                header: format!("h{r}"),
                commit: Some(id(r).to_string()[..12].to_owned()),
                pull_request: None,
            }),
        };
        // Newest first: 3 reverts 2 (a revert of 1); 4 reverts 9 (outside the range).
        let range = [
            (id(4), key(4, Some(9))),
            (id(3), key(3, Some(2))),
            (id(2), key(2, Some(1))),
            (id(1), key(1, None)),
        ];
        let got = revert_pairs(&range);
        assert_eq!(got, [id(3), id(2)].into_iter().collect());
        // A forge's squash-merged revert names no id: its commit is found by header.
        let range = [
            (
                id(6),
                revert_key("Revert \"feat(api): add search (#1)\" (#2)\n\nReverts o/r#1"),
            ),
            (id(5), revert_key("feat(api): add search (#1)")),
        ];
        assert_eq!(revert_pairs(&range), [id(6), id(5)].into_iter().collect());
    }

    #[test]
    fn a_git_revert_is_an_entry_under_the_revert_section() {
        let e = entry(
            "Revert \"feat(api): add search\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.",
            None,
        )
        .unwrap();
        assert_eq!(
            (e.section.as_str(), e.text.as_str()),
            ("Removed", "**api:** revert \"add search\"")
        );
        assert!(
            entry_for_message("Revert \"fix: y\"", &ChangelogConfig::default(), None).is_some()
        );
        assert!(
            entry_for_message("Revert \"Update x\"", &ChangelogConfig::default(), None).is_none()
        );
        assert!(
            entry_for_message("Revert \"docs: y\"", &ChangelogConfig::default(), None).is_none()
        );
    }

    /// QA43: git's revert text typed under another type is worded as git's revert, in the
    /// sub-section of its own type; quoting no conventional header, it is a description.
    #[test]
    fn git_s_revert_text_under_a_type_is_worded_as_git_s_revert() {
        let msg = "fix: Revert \"fix(ui): handle a\"\n\nThis reverts commit 1234567.";
        let e = entry(msg, None).unwrap();
        assert_eq!(
            (e.section.as_str(), e.text.as_str()),
            ("Fixed", "**ui:** revert \"handle a\"")
        );
        let by_message = entry_for_message(msg, &ChangelogConfig::default(), None);
        assert_eq!(by_message, Some(e));
        assert_eq!(
            entry("fix: Revert \"the old way\"", None).unwrap().text,
            "Revert \"the old way\""
        );
        let key = revert_key(msg).reverts.unwrap();
        assert_eq!(
            (key.header.as_str(), key.commit.as_deref()),
            ("fix(ui): handle a", Some("1234567"))
        );
    }

    /// `revert: feat(api): add search` reads as git's `Revert "feat(api): add search"`; a
    /// commit id its footer names is no issue (`Refs: 0275cd0` is not `#0275`), and `!` adds
    /// no note repeating the reverted header.
    #[test]
    fn a_revert_type_commit_is_worded_as_git_s_revert() {
        let text = |m: &str| entry(m, None).unwrap().text;
        assert_eq!(
            text("revert: feat(api): add search"),
            "**api:** revert \"add search\""
        );
        assert_eq!(
            text("revert: feat: add e\n\nRefs: 0275cd0"),
            "revert \"add e\""
        );
        assert_eq!(
            text("revert: feat: add e\n\nRefs: 1234567"),
            "revert \"add e\""
        );
        assert_eq!(
            text("revert!: feat: add e"),
            "**BREAKING** revert \"add e\""
        );
        assert_eq!(
            text("revert: drop e\n\nRefs: 0275cd0, #12"),
            "drop e (#12)",
            "a subject of its own stays"
        );
        assert_eq!(text("fix: y\n\nRefs: 0275cd0"), "y");
        let gh = Forge::from_remote_url("git@github.com:o/r.git").unwrap();
        assert_eq!(
            entry("fix: y #12abc and #13", Some(&gh)).unwrap().text,
            "y #12abc and [#13](https://github.com/o/r/issues/13)"
        );
        assert!(entry("revert: docs: y", None).is_none());
    }

    #[test]
    fn references_kept_and_linked() {
        let e = entry(
            "fix: crash (#12)\n\nCloses: #13, #12\nRefs #14\nSigned-off-by: A <a@b.c>",
            None,
        )
        .unwrap();
        assert_eq!(e.text, "crash (#12) (#13, #14)");
        let gh = Forge::from_remote_url("git@github.com:o/r.git").unwrap();
        let e = entry("fix: crash (#12)", Some(&gh)).unwrap();
        assert_eq!(e.text, "crash ([#12](https://github.com/o/r/issues/12))");
        let gl = Forge::from_remote_url("https://gitlab.com/g/sub/r").unwrap();
        assert_eq!(gl.issue_url("5"), "https://gitlab.com/g/sub/r/-/issues/5");
    }

    #[test]
    fn forges() {
        for (url, base) in [
            ("https://github.com/o/r.git", "https://github.com/o/r"),
            ("ssh://git@codeberg.org/o/r.git", "https://codeberg.org/o/r"),
            ("git@bitbucket.org:o/r.git", "https://bitbucket.org/o/r"),
        ] {
            assert_eq!(Forge::from_remote_url(url).unwrap().base, base);
        }
        for url in [
            "https://example.com/o/r",
            "/srv/git/r.git",
            "git@github.com:o",
            "https://github.com/o/r\"><script>",
        ] {
            assert!(Forge::from_remote_url(url).is_none(), "{url}");
        }
    }
}
