//! Words shown in a command for the user to paste into a POSIX shell. relhook itself never
//! runs anything through a shell; this only makes a printed fix run as printed.

/// One word for a POSIX shell: unchanged when it has nothing a shell would read, else in
/// single quotes (a `'` inside as `'\''`); a word holding a control character is printed by
/// `printf` (see [`printed`]), so that the terminal shows it and the pasted word is the same.
pub fn quote(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else if word.contains(char::is_control) {
        printed(word)
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// `word` as `"$(printf '…')"`, which every POSIX `sh` reads (dash has no `$'…'`): `\`, `%`,
/// `'` and every control character escaped in printf's format (ESC as `\033`, a C1 control
/// as its UTF-8 bytes in octal; a leading `-` too, lest printf read an option). A command
/// substitution drops trailing line breaks, so those follow as themselves in single quotes:
/// the one spelling every `sh` reads (old dash has no `$'\n'`), at the cost of a line break
/// in the printed command, which `printable::visible` keeps.
fn printed(word: &str) -> String {
    let body = word.trim_end_matches('\n');
    let mut out = String::from("\"$(printf '");
    for (i, c) in body.chars().enumerate() {
        match c {
            '-' if i == 0 => out.push_str("\\055"),
            '\\' => out.push_str("\\\\"),
            '%' => out.push_str("%%"),
            '\'' => out.push_str("\\047"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push_str("')\"");
    let breaks = word.len() - body.len();
    if breaks > 0 {
        out.push_str(&format!("'{}'", "\n".repeat(breaks)));
    }
    out
}

/// A path from the top of the work tree (`CHANGELOG.md`) as one word for a git command that
/// works in whichever directory it is pasted: `:/CHANGELOG.md` (git's pathspec from the top).
/// git reads the characters after `:/` as more magic (`@` fails, `!` and `^` exclude the file)
/// and a pathspec as a glob (`a*b` matches `aXb`), so any other path is spelt
/// `:(top,literal)…`, which git takes character for character.
pub fn from_top(rel: &std::path::Path) -> String {
    let rel = rel.display().to_string();
    let plain_start = rel.starts_with(|c: char| c.is_alphanumeric() || c == '.');
    let glob = rel.contains(['*', '?', '[', '\\']);
    match plain_start && !glob {
        true => quote(&format!(":/{rel}")),
        false => quote(&format!(":(top,literal){rel}")),
    }
}

/// `rel` (from the top of the work tree) as one git pathspec word for a command pasted at the
/// top (`below` false) or in a folder below it: as it is where git reads it as itself at the
/// top, else [`from_top`] (`:/`, or `:(top,literal)` for a name git reads as magic or a glob).
pub fn pathspec(rel: &std::path::Path, below: bool) -> String {
    let text = rel.display().to_string();
    let plain = !text.starts_with(':') && !text.contains(['*', '?', '[', '\\']);
    match plain && !below {
        true => quote(&text),
        false => from_top(rel),
    }
}

/// `rel` (from the top of the work tree) for a shell command that is not git's, such as
/// `mkdir -p`, which may run in a folder below the top; an absolute path as it is.
pub fn below_top(rel: &std::path::Path) -> String {
    let shown = quote(&rel.display().to_string());
    if rel.is_absolute() {
        shown
    } else {
        format!("\"$(git rev-parse --show-toplevel)\"/{shown}")
    }
}

/// A folder or file `rel` (slash-separated, from the top) as the value of an option such as
/// `uv lock --directory`: one that begins with `-` goes after `./`, lest the tool read it as an
/// option.
pub fn folder_value(rel: &str) -> String {
    match rel.starts_with('-') {
        true => quote(&format!("./{rel}")),
        false => quote(rel),
    }
}

/// A command that appends `/rel/` to an ignore file (`… >> <file>` follows): a pattern git
/// matches to that folder alone, its glob characters and backslashes escaped (git reads
/// `ho\tks` as `hotks`), a line break as `?`, and printed by `printf`, since dash's `echo`
/// reads backslashes too.
pub fn ignore_folder(rel: &str) -> String {
    let mut pattern = String::from("/");
    for c in rel.chars() {
        // An ignore file is read line by line and has no escape for a line break: `?`
        // (which matches it) stands in, the one character of the name matched loosely.
        if c == '\n' {
            pattern.push('?');
            continue;
        }
        if matches!(c, '*' | '?' | '[' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('/');
    match pattern.contains('\\') {
        true => format!("printf '%s\\n' {}", quote(&pattern)),
        false => format!("echo {}", quote(&pattern)),
    }
}

#[cfg(test)]
mod tests {
    use super::{folder_value, from_top, ignore_folder, pathspec, quote};
    use std::path::Path;

    #[test]
    fn an_ignored_folder_with_a_line_break_is_one_pattern_line() {
        assert_eq!(ignore_folder("hooks"), "echo /hooks/");
        assert_eq!(ignore_folder("ho\nks\n"), "echo '/ho?ks?/'");
        assert_eq!(ignore_folder("h*\nk"), r"printf '%s\n' '/h\*?k/'");
    }

    #[test]
    fn a_folder_value_never_reads_as_an_option() {
        assert_eq!(folder_value("p/b"), "p/b");
        assert_eq!(folder_value("-b"), "./-b");
        assert_eq!(folder_value("--x y/b"), "'./--x y/b'");
    }

    #[test]
    fn quotes_only_what_a_shell_would_read() {
        assert_eq!(quote("v1.2.3"), "v1.2.3");
        assert_eq!(quote(":/CHANGELOG.md"), ":/CHANGELOG.md");
        assert_eq!(quote("my notes.md"), "'my notes.md'");
        assert_eq!(quote("it's"), "'it'\\''s'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
        let evil = quote("evil\u{1b}[2J 100% it's\\");
        assert_eq!(evil, r#""$(printf 'evil\033[2J 100%% it\047s\\')""#);
        assert_eq!(quote("a\tb\nc\u{9b}"), r#""$(printf 'a\tb\nc\302\233')""#);
        assert_eq!(quote("-n\t"), r#""$(printf '\055n\t')""#);
        assert_eq!(quote("a\u{1}\n\n"), "\"$(printf 'a\\001')\"'\n\n'");
    }

    #[test]
    fn from_top_spells_literally_what_git_would_read_as_magic_or_glob() {
        let top = |p: &str| from_top(std::path::Path::new(p));
        assert_eq!(top("CHANGELOG.md"), ":/CHANGELOG.md");
        assert_eq!(top(".github/CHANGELOG.md"), ":/.github/CHANGELOG.md");
        assert_eq!(top("my notes.md"), "':/my notes.md'");
        assert_eq!(
            top("@acme/web/CHANGELOG.md"),
            "':(top,literal)@acme/web/CHANGELOG.md'"
        );
        assert_eq!(top("!x"), "':(top,literal)!x'");
        assert_eq!(top("docs/a*b.md"), "':(top,literal)docs/a*b.md'");
        assert_eq!(top("it's"), "':/it'\\''s'");
    }

    #[test]
    fn pathspecs_are_plain_at_the_top_and_literal_where_git_would_read_more() {
        assert_eq!(
            pathspec(Path::new(".relconfig.toml"), false),
            ".relconfig.toml"
        );
        assert_eq!(pathspec(Path::new("my log.md"), false), "'my log.md'");
        assert_eq!(
            pathspec(Path::new("docs/CHANGELOG.md"), true),
            ":/docs/CHANGELOG.md"
        );
        assert_eq!(
            pathspec(Path::new("log[1].md"), false),
            "':(top,literal)log[1].md'"
        );
        assert_eq!(pathspec(Path::new(":x.md"), false), "':(top,literal):x.md'");
    }
}
