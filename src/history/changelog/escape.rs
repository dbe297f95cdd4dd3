//! Markdown escapes for the text of generated entries: `<!--` never opens a comment, a `<`
//! that would open an HTML tag is text, and so is a block opener at the start of an entry
//! (a fence, a heading's `#`, a quote's `>`, a list's marker).

/// `entry` (the text after `- `) with a leading block opener escaped: a fence (`\```yaml`),
/// a heading (`\# of items`), a quote (`\> 2 GB`), a bullet (`\- x`) or an ordered list's
/// number (`1\. step`). At the start of a list item each opens a block of its own that
/// renders the entry's words as something else, or swallows them.
pub(super) fn escape_block_start(entry: String) -> String {
    match block_start(&entry) {
        Some(at) => format!("{}\\{}", &entry[..at], &entry[at..]),
        None => entry,
    }
}

/// Where the character opening a block at the start of `text` is, to put a backslash
/// before it: 0 for a fence, `#`, `>` or a bullet, after the digits of an ordered list's
/// number. `None` when `text` opens no block.
fn block_start(text: &str) -> Option<usize> {
    // Followed by a space, a tab or nothing, as CommonMark asks of a marker.
    let marker_end = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    if text.starts_with("```") || text.starts_with("~~~") || text.starts_with('>') {
        return Some(0);
    }
    // `---` is a thematic break, not the item's words; `[x]: http://…` a link reference
    // definition, which renders as nothing (an empty bullet).
    if thematic_break(text) || link_definition(text) {
        return Some(0);
    }
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && marker_end(&text[hashes..]) {
        return Some(0);
    }
    if text.starts_with(['-', '+', '*']) && marker_end(&text[1..]) {
        return Some(0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    ((1..=9).contains(&digits) && rest.starts_with(['.', ')']) && marker_end(&rest[1..]))
        .then_some(digits)
}

/// Whether `text` is a thematic break: three or more of one of `-`, `*`, `_`, and nothing
/// else but spaces and tabs (`---`, `* * *`, `___ `).
fn thematic_break(text: &str) -> bool {
    let Some(mark) = text.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut marks = 0;
    for c in text.chars() {
        match c {
            c if c == mark => marks += 1,
            ' ' | '\t' => {}
            _ => return false,
        }
    }
    marks >= 3
}

/// Whether `text` starts as a link reference definition does (`[x]: http://…`, a footnote's
/// `[^1]: …`): a label of something besides blanks, with no bracket inside, then `:`.
fn link_definition(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('[') else {
        return false;
    };
    let Some(end) = rest.find([']', '[']) else {
        return false;
    };
    let label = &rest[..end];
    rest[end..].starts_with("]:") && !label.trim().is_empty()
}

/// `text` with the backslash [`escape_block_start`] puts before a leading block opener taken off,
/// so that an entry written before it compares equal to one written with it.
pub(super) fn unescape_block_start(text: &str) -> std::borrow::Cow<'_, str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = text[digits..].strip_prefix('\\') else {
        return text.into();
    };
    let unescaped = format!("{}{rest}", &text[..digits]);
    match block_start(&unescaped) {
        Some(at) if at == digits => unescaped.into(),
        _ => text.into(),
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
        let e = |s: &str| super::escape_block_start(s.to_owned());
        assert_eq!(e("```yaml blocks"), "\\```yaml blocks");
        assert_eq!(e("~~~ fences"), "\\~~~ fences");
        assert_eq!(e("``code`` spans"), "``code`` spans");
        assert_eq!(e("use ``` here"), "use ``` here");
        assert_eq!(super::unescape_block_start("\\```yaml"), "```yaml");
        assert_eq!(super::unescape_block_start("\\`x`"), "\\`x`");
        assert_eq!(
            super::super::normalize("\\~~~ fences"),
            super::super::normalize("~~~ fences")
        );
    }

    #[test]
    fn a_leading_heading_quote_or_list_marker_is_escaped_and_compares_as_written() {
        let e = |s: &str| super::escape_block_start(s.to_owned());
        for (text, escaped) in [
            ("# of items", "\\# of items"),
            ("###### six", "\\###### six"),
            ("#", "\\#"),
            ("> 2 GB files", "\\> 2 GB files"),
            (">2 GB", "\\>2 GB"),
            ("1. step", "1\\. step"),
            ("2) other", "2\\) other"),
            ("- dash", "\\- dash"),
            ("* star", "\\* star"),
            ("+ plus", "\\+ plus"),
            ("---", "\\---"),
            ("***", "\\***"),
            ("___", "\\___"),
            ("_ _ _", "\\_ _ _"),
            ("-- -", "\\-- -"),
            ("____\t", "\\____\t"),
            ("[x]: http://link ref def", "\\[x]: http://link ref def"),
            ("[^1]: a footnote", "\\[^1]: a footnote"),
            ("[x]:y", "\\[x]:y"),
        ] {
            assert_eq!(e(text), escaped, "{text}");
            assert_eq!(super::unescape_block_start(escaped), text, "{escaped}");
            let n = super::super::normalize;
            assert_eq!(n(escaped), n(text), "{escaped}");
        }
        for text in [
            "#1 fixed",
            "####### seven",
            "1.5 times faster",
            "2023 was a year",
            "1234567890. ten digits",
            "-x flag",
            "**bold**",
            "a # b",
            "--",
            "__init__ runs once",
            "--- x",
            "___x",
            "[x] box ticked",
            "[x](http://a) link",
            "[ ]: blank label",
            "[a[b]: nested",
        ] {
            assert_eq!(e(text), text);
        }
        assert_eq!(super::unescape_block_start("\\#1"), "\\#1");
        assert_eq!(super::unescape_block_start("1\\.5"), "1\\.5");
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
