//! Lazy continuation lines: Markdown reads a line of text right below a list item's paragraph
//! as more of that paragraph, indented or not (`- add export` then `to CSV and JSON`). Such
//! a line belongs to the entry above it: a new entry goes after it, never between the two,
//! where it would become the new entry's text.

use super::Changelog;
use super::parse::{bullet_body, heading_level, link_def};
use super::separator::is_rule;
use super::setext::underline;

/// Whether `t`, right below a paragraph line of a list item, continues that paragraph: text
/// at column 0 that opens no block of its own. A blank line, a heading, a list item (`+ `,
/// `1. ` too), a quote, a fence, an HTML block or a rule ends the paragraph; a link
/// definition is the file's (relhook reads it so), and an underline is no text.
pub(super) fn continues(t: &str) -> bool {
    let opens_block = |t: &str| {
        t.starts_with(['>', '|'])
            || html_block(t)
            || t.starts_with("```")
            || t.starts_with("~~~")
            || ordered_item(t)
            || t.starts_with("+ ")
            || t == "+"
    };
    !t.trim().is_empty()
        && !t.starts_with([' ', '\t'])
        && heading_level(t).is_none()
        && bullet_body(t).is_none()
        && link_def(t).is_none()
        && !is_rule(t)
        && underline(t).is_none()
        && !opens_block(t)
}

/// Whether `t` opens an HTML block that ends a paragraph (CommonMark's kinds 1 to 6): a
/// comment, `<?`, `<!X`, CDATA, a `<script>`/`<pre>`/`<style>`/`<textarea>`, or a block tag
/// (`<details>`, `</div>`). Inline HTML (`<kbd>Ctrl</kbd> now…`) is text that continues it.
fn html_block(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with(['!', '?']) {
        return true;
    }
    let closing = rest.starts_with('/');
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_len);
    let name = name.to_ascii_lowercase();
    if !closing && RAW_TAGS.contains(&name.as_str()) {
        return after.is_empty() || after.starts_with([' ', '\t', '>']);
    }
    BLOCK_TAGS.split_whitespace().any(|b| b == name)
        && (after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>"))
}

/// CommonMark's kind 1 HTML blocks: their content is raw text up to the closing tag.
const RAW_TAGS: [&str; 4] = ["pre", "script", "style", "textarea"];

/// CommonMark's kind 6 HTML blocks: block-level tags, open or closing.
const BLOCK_TAGS: &str = "\
    address article aside base basefont blockquote body caption center col colgroup dd \
    details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 \
    h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav \
    noframes ol optgroup option p param search section summary table tbody td tfoot th \
    thead title tr track ul";

/// `1. x` or `1) x`: an ordered list item.
fn ordered_item(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[digits..];
    (1..=9).contains(&digits)
        && (rest.starts_with(['.', ')']))
        && rest[1..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

impl Changelog {
    /// From line `at`, right after a line of a list item, past its lazy continuation lines
    /// (before `end`). Only a paragraph continues: not an item whose bullet holds no text
    /// (`-` alone), nor a code fence's closing line, which a line at column 0 ends.
    pub(super) fn past_lazy(&self, mut at: usize, end: usize) -> usize {
        let text = |i: usize| self.lines.get(i).map(|l| l.text.as_str());
        let paragraph = |p: &str| {
            let fence = p.trim_start().starts_with("```") || p.trim_start().starts_with("~~~");
            !fence && bullet_body(p).is_none_or(|b| !b.trim().is_empty())
        };
        let paragraph = at.checked_sub(1).and_then(text).is_some_and(paragraph);
        if !paragraph {
            return at;
        }
        while at < end && text(at).is_some_and(continues) {
            at += 1;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_continues_and_a_block_opener_does_not() {
        for t in [
            "to CSV and JSON (written by hand)",
            "**bold** words",
            "2023 was the year",
            "1.5 times faster",
            "+1 from the team",
            "<kbd>Ctrl</kbd> now copies",
            "<b>bold</b> words",
            "<a href=\"x\">link</a> text",
            "<span>x</span>",
            "<https://example.com> autolinked",
            "<br> at the start",
            "<preview> is no pre",
        ] {
            assert!(continues(t), "{t}");
        }
        for t in [
            "",
            "  indented",
            "\tindented",
            "- next",
            "* next",
            "+ next",
            "1. next",
            "2) next",
            "### Fixed",
            "## [1.0.0]",
            "> quote",
            "```",
            "~~~rust",
            "<!-- comment -->",
            "<details>",
            "</details>",
            "<div class=\"x\">",
            "<summary>More</summary>",
            "<pre>",
            "<?php",
            "<![CDATA[",
            "<hr/>",
            "| a | b |",
            "---",
            "- - -",
            "===",
            "[unreleased]: https://x/compare/v1...HEAD",
        ] {
            assert!(!continues(t), "{t:?}");
        }
    }

    #[test]
    fn past_lazy_skips_the_lines_of_a_paragraph_only() {
        let log = |t: &str| Changelog::parse(t).expect("valid changelog");
        let c = log("## [Unreleased]\n\n- a\nmore\nand more\n- b\n");
        assert_eq!(c.past_lazy(3, 6), 5);
        assert_eq!(c.past_lazy(5, 6), 5, "after the text: a bullet");
        let c = log("## [Unreleased]\n\n-\ntext\n");
        assert_eq!(
            c.past_lazy(3, 4),
            3,
            "an item with no text has no paragraph"
        );
        let c = log("## [Unreleased]\n\n- a\n  ```\n  x\n  ```\ntext\n");
        assert_eq!(c.past_lazy(6, 7), 6, "a fence is no paragraph");
    }
}
