//! The JavaScript a commitlint configuration is written in, read as text and never run:
//! comments blanked, keys found outside strings, and plain literals (strings, lists of them).

/// JavaScript's comments blanked out (strings kept, so `'//'` in one stays).
pub(super) fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                out.push(c);
                if c == '\\' {
                    out.extend(chars.next());
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '/' && chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                out.push(' ');
            }
            None => {
                if matches!(c, '\'' | '"' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// From the text after a rule's `:`, the items of its array literal (`[2, 'always', ['feat',
/// 'fix']]`): the level and the condition as written (any expression, as
/// `RuleConfigSeverity.Error`), and the third item when that is an array of plain string
/// literals; `None` when the value is no array of three items.
pub(super) fn literal_third_list(text: &str) -> Option<(&str, &str, Option<Vec<String>>)> {
    let mut rest = text.trim_start().strip_prefix('[')?;
    let mut first = ["", ""];
    // The first two items: skipped to their commas, at depth 0 and outside strings.
    for item in &mut first {
        let rest_trimmed = rest.trim_start();
        let end = skip_item(rest_trimmed)?;
        *item = rest_trimmed[..end].trim_end();
        rest = rest_trimmed[end..].strip_prefix(',')?;
    }
    let [level, condition] = first;
    let list = literal_strings(rest).filter(|_| rest.trim_start().starts_with('['));
    Some((level, condition, list))
}

/// The string literal or array of string literals at the start of `text`, closed by the end of
/// the item it is (an optional `as const`, then `,`, `]` or `}`).
pub(super) fn literal_strings(text: &str) -> Option<Vec<String>> {
    let text = text.trim_start();
    let (words, after) = match text.strip_prefix('[') {
        None => {
            let (word, after) = string_literal(text)?;
            (vec![word], after)
        }
        Some(mut rest) => {
            let mut words = Vec::new();
            loop {
                rest = rest.trim_start();
                if let Some(r) = rest.strip_prefix(']') {
                    break (words, r);
                }
                let (word, r) = string_literal(rest)?;
                words.push(word);
                rest = r.trim_start();
                rest = match rest.strip_prefix(',') {
                    Some(r) => r,
                    None if rest.starts_with(']') => rest,
                    None => return None,
                };
            }
        }
    };
    // TypeScript's `as const` changes no value.
    let after = after.trim_start();
    let after = after.strip_prefix("as const").unwrap_or(after).trim_start();
    (after.is_empty() || after.starts_with([',', ']', '}', ';'])).then_some(words)
}

/// Where the value of the object key `key` (`'type-enum':`, `"type-enum":`, `extends:`) begins
/// in JavaScript `text` without comments: the first one in code, never one inside a string.
pub(super) fn key_value(text: &str, key: &str) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    let colon_after = |at: usize| {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        trimmed
            .strip_prefix(':')
            .map(|r| at + (rest.len() - r.len()))
    };
    let mut last_word_char = false;
    while let Some((i, c)) = chars.next() {
        if matches!(c, '\'' | '"' | '`') {
            // A whole string: the key when it says `key` and a `:` follows.
            let mut end = None;
            while let Some((j, d)) = chars.next() {
                if d == '\\' {
                    chars.next();
                } else if d == c {
                    end = Some(j);
                    break;
                }
            }
            let end = end?;
            if &text[i + 1..end] == key
                && let Some(at) = colon_after(end + 1)
            {
                return Some(at);
            }
            last_word_char = false;
            continue;
        }
        // A bare key (`extends:`), not the tail of a longer name.
        if !last_word_char
            && text[i..].starts_with(key)
            && !text[i + key.len()..]
                .starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
            && let Some(at) = colon_after(i + key.len())
        {
            return Some(at);
        }
        last_word_char = c.is_alphanumeric() || c == '_' || c == '$';
    }
    None
}

/// The length of one array item of `text` up to (not including) the `,` or `]` that ends it.
fn skip_item(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        match c {
            '\'' | '"' | '`' => quote = Some(c),
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' if depth == 0 => return Some(i),
            ']' | ')' | '}' => depth -= 1,
            ',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// A string literal at the start of `text` (`'feat'`, `"fix"`, a template without `${`), and
/// the text after it.
pub(super) fn string_literal(text: &str) -> Option<(String, &str)> {
    let q = text
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let body = &text[1..];
    let end = body.find(q)?;
    let word = &body[..end];
    if word.contains('\\') || word.contains("${") {
        return None;
    }
    Some((word.to_owned(), &body[end + 1..]))
}
