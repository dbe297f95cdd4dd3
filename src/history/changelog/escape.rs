//! Markdown escapes for the text of generated entries: `<!--` never opens a comment, a `<`
//! that would open an HTML tag is text, and so is a fence at the start of an entry.

/// `entry` (the text after `- `) with a leading ```` ``` ```` or `~~~` escaped (`\```yaml`):
/// at the start of a list item it would open a code block that swallows the entry's words.
pub(super) fn escape_fence(entry: String) -> String {
    if entry.starts_with("```") || entry.starts_with("~~~") {
        format!("\\{entry}")
    } else {
        entry
    }
}

/// `text` with the backslash [`escape_fence`] puts before a leading fence taken off, so that
/// an entry written before it compares equal to one written with it.
pub(super) fn unescape_fence(text: &str) -> &str {
    match text.strip_prefix('\\') {
        Some(rest) if rest.starts_with("```") || rest.starts_with("~~~") => rest,
        _ => text,
    }
}

/// `s` with `<!--` escaped (`<\!--`) and every tag-opening `<` too (see [`escape_tags`]).
pub(super) fn escape_comment(s: &str) -> String {
    escape_tags(&s.replace("<!--", "<\\!--"))
}

/// `s` with every `<` that would open an HTML tag escaped (`<details>` is `\<details>`): a
/// description's tag is text, and an unclosed one would swallow the rest of the file where
/// the changelog is rendered. Autolinks (`<https://…>`) stay links.
fn escape_tags(s: &str) -> String {
    if !s.contains('<') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 4);
    // Inside a code span (`` `<details>` ``) a backslash would show: the run of backticks
    // that opened it, until the same run closes it.
    let (mut span, mut run, mut prev) = (0usize, 0usize, None);
    for (i, c) in s.char_indices() {
        if c == '`' {
            run += 1;
        } else {
            if run > 0 && prev != Some('\\') {
                span = match span {
                    0 => run,
                    open if open == run => 0,
                    open => open,
                };
            }
            run = 0;
        }
        if c == '<' && span == 0 && opens_tag(&s[i + 1..]) {
            out.push('\\');
        }
        prev = Some(c);
        out.push(c);
    }
    out
}

/// Whether the text after a `<` makes it an HTML tag to CommonMark (`<b>`, `</b>`, `<?x`),
/// not an autolink (`<https://x.y>`, `<a@b.c>`) nor text (`a < b`).
fn opens_tag(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if first == '/' || first == '?' {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    let inside = rest.split('>').next().unwrap_or(rest);
    let closed = rest.len() > inside.len();
    let scheme = inside.split_once(':').is_some_and(|(s, _)| {
        (2..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    let email = inside.contains('@') && !inside.contains(' ');
    !(closed && (scheme || email) && !inside.contains(' '))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_leading_fence_is_escaped_and_compares_as_written() {
        let e = |s: &str| super::escape_fence(s.to_owned());
        assert_eq!(e("```yaml blocks"), "\\```yaml blocks");
        assert_eq!(e("~~~ fences"), "\\~~~ fences");
        assert_eq!(e("``code`` spans"), "``code`` spans");
        assert_eq!(e("use ``` here"), "use ``` here");
        assert_eq!(super::unescape_fence("\\```yaml"), "```yaml");
        assert_eq!(super::unescape_fence("\\`x`"), "\\`x`");
        assert_eq!(
            super::super::normalize("\\~~~ fences"),
            super::super::normalize("~~~ fences")
        );
    }

    #[test]
    fn html_tags_are_escaped_but_not_autolinks_nor_code() {
        let e = |s: &str| super::escape_tags(s);
        assert_eq!(e("render <details> blocks"), "render \\<details> blocks");
        assert_eq!(e("close </b> and <?php"), "close \\</b> and \\<?php");
        assert_eq!(
            e("see <https://x.y/z> and <a@b.c>"),
            "see <https://x.y/z> and <a@b.c>"
        );
        assert_eq!(e("a < b and 1<2"), "a < b and 1<2");
        assert_eq!(
            e("the `<details>` tag, ``a `<b>` c`` and <i>"),
            "the `<details>` tag, ``a `<b>` c`` and \\<i>"
        );
        assert_eq!(
            super::super::normalize("render \\<details>"),
            super::super::normalize("render <details>")
        );
    }
}
