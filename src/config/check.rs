//! Checks of single values read from `.relconfig.toml`, each error at the value's offset:
//! paths kept inside the repository, lists of type or scope names, positive limits, one
//! `[[version.files]]` entry (its format and key or pattern), and regex errors cut to one line.

use std::path::{Component, Path, PathBuf};

use toml::Spanned;

use super::raw::{Fault, RawVersionFile};
use crate::Result;
use crate::history::version::files::{Locator, VersionFile};

/// One `[[version.files]]` entry: a path inside the repository, and a key (TOML, JSON) or a
/// pattern with `{version}`.
pub(super) fn version_file(f: Spanned<RawVersionFile>, err: Fault<'_>) -> Result<VersionFile> {
    let at = f.span().start;
    let f = f.into_inner();
    let path = relative_path(
        "version.files.path",
        &Spanned::new(at..at, f.path.clone()),
        err,
    )?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let format = f
        .format
        .as_deref()
        .map(str::to_ascii_lowercase)
        .unwrap_or(ext);
    let locator = match (f.key, f.pattern) {
        (Some(_), Some(_)) => {
            return Err(err(
                at,
                format!(
                    "`version.files`: `{}` has both `key` and `pattern`; give one",
                    f.path
                ),
            ));
        }
        (None, None) => {
            return Err(err(
                at,
                format!(
                    "`version.files`: `{}` needs a `key` (TOML or JSON) or a `pattern` with `{{version}}`",
                    f.path
                ),
            ));
        }
        (Some(key), None)
            if let Some(why) = empty_key(&f.path, &key, &format)
                .or_else(|| super::key_parts::empty_part(&f.path, &key, &format)) =>
        {
            return Err(err(at, why));
        }
        (Some(key), None) => match format.as_str() {
            "toml" | "lock" => Locator::TomlKey(key),
            "json" => crate::history::version::files::listed_json_key(&path, key),
            other => {
                // No format given and no extension: the file is named, not an empty word.
                let not = match (&f.format, other) {
                    (None, "") => format!(
                        "`{}`, which has no extension",
                        path.file_name().unwrap_or_default().to_string_lossy()
                    ),
                    (Some(_), "") => "an empty `format`".to_owned(),
                    _ => format!("`{other}`"),
                };
                return Err(err(
                    at,
                    format!(
                        "`version.files`: `{}`: `key` works for TOML and JSON files, not {not}; use `pattern = '...{{version}}...'` or `format = \"toml\"`",
                        f.path
                    ),
                ));
            }
        },
        (None, Some(pattern)) => {
            // The regex first: `(` has no placeholder either, but its fault is the syntax.
            let probe = pattern.replace("{version}", "(?:x)");
            if let Err(e) = regex::Regex::new(&probe) {
                return Err(err(
                    at,
                    format!(
                        "`version.files`: invalid regular expression in the pattern for `{}`: {}",
                        f.path,
                        first_line(&e.to_string())
                    ),
                ));
            }
            if !pattern.contains("{version}") {
                return Err(err(
                    at,
                    format!(
                        "`version.files`: the pattern for `{}` has no `{{version}}` placeholder",
                        f.path
                    ),
                ));
            }
            Locator::Pattern(pattern)
        }
    };
    Ok(VersionFile { path, locator })
}

/// The fault of `key` for the version file at `path` when it, or one of its `|` alternatives,
/// is empty: it names no value, and the release would stop at "TOML key `` not found".
fn empty_key(path: &str, key: &str, format: &str) -> Option<String> {
    let named: Vec<&str> = key.split('|').filter(|k| !k.trim().is_empty()).collect();
    if named.len() == key.split('|').count() {
        return None;
    }
    Some(if named.is_empty() {
        let example = if format == "json" {
            "version"
        } else {
            "package.version"
        };
        format!(
            "`version.files`: `{path}` has an empty `key`; name the dotted key that holds the version (e.g. `key = \"{example}\"`)"
        )
    } else {
        format!(
            "`version.files`: `{path}`: `key = {}` has an empty alternative; write `key = {}`",
            super::toml_text::string(key),
            super::toml_text::string(&named.join("|"))
        )
    })
}

/// A path from the configuration: relative, and never climbing out of the repository.
pub(super) fn relative_path(key: &str, value: &Spanned<String>, err: Fault<'_>) -> Result<PathBuf> {
    let path = PathBuf::from(value.get_ref());
    let escapes = path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if value.get_ref().is_empty() {
        return Err(err(
            value.span().start,
            format!("`{key}` is empty; name a relative path inside the repository"),
        ));
    }
    if escapes {
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` must be a relative path inside the repository",
                value.get_ref()
            ),
        ));
    }
    if value.get_ref().contains('\0') {
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` holds a NUL character, which no file name can",
                value.get_ref().escape_default()
            ),
        ));
    }
    // The path is written into .gitattributes and shown in messages: a control character
    // (an escape sequence) would be obeyed by the terminal that shows it. A tab is shown;
    // whitespace at either end (a CRLF's `\r`) is named below as the typo it is.
    if value
        .get_ref()
        .trim()
        .contains(|c: char| c.is_control() && c != '\t')
    {
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` holds a control character; name a file without one",
                crate::printable::visible(value.get_ref())
            ),
        ));
    }
    // git's own directory (`.git`, in any case: a case-insensitive file system's `.GIT` is
    // the same folder) holds no file of the project: nothing is committed from there. Said
    // before the spelling, which would only make `.git/` into `.git`.
    let git_dir = |c: &std::ffi::OsStr| c.eq_ignore_ascii_case(".git");
    if path.components().any(|c| git_dir(c.as_os_str())) {
        let example = path
            .file_name()
            .filter(|n| !git_dir(n))
            .map_or("CHANGELOG.md".into(), |n| n.to_string_lossy());
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` is inside the git directory, which git never commits; name a path in the work tree (e.g. `{example}`)",
                value.get_ref(),
            ),
        ));
    }
    // relhook hands the path to git as written: git names a file only one way (no `.` part,
    // no empty part, no trailing `/`), and another spelling makes an index entry git cannot
    // write a tree from, or a path libgit2 refuses.
    if let Some(normal) = git_spelling(value.get_ref()) {
        // A changelog named by its folder (`docs/`, no extension) means the file in it.
        let changelog = key.ends_with("changelog.path") || key.ends_with(".changelog");
        let folder = !normal.rsplit('/').next().unwrap_or(&normal).contains('.');
        let normal = if changelog && folder && value.get_ref().ends_with('/') {
            format!("{normal}/CHANGELOG.md")
        } else {
            normal
        };
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` is not a path as git names it; write `{normal}`",
                value.get_ref()
            ),
        ));
    }
    // A space at either end is a typo, not a file name anyone means (`"CHANGELOG.md "`); so is
    // a control character there (a CRLF's `\r` pasted in), named as one: it shows as none.
    let trimmed = value.get_ref().trim();
    if trimmed != value.get_ref() {
        let start = value.get_ref().len() - value.get_ref().trim_start().len();
        let ends = [
            &value.get_ref()[..start],
            &value.get_ref()[start + trimmed.len()..],
        ];
        let what = match ends.concat().chars().find(|c| c.is_control()) {
            Some(c) => format!("a control character ({})", control_name(c)),
            None => "a space".to_owned(),
        };
        return Err(err(
            value.span().start,
            format!(
                "`{key}`: `{}` has {what} at its start or end; write `{trimmed}`",
                escaped(value.get_ref())
            ),
        ));
    }
    Ok(path)
}

/// `text` with its control characters escaped (`\r`), and nothing else.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c.is_control() {
            true => c.escape_default().to_string(),
            false => c.to_string(),
        })
        .collect()
}

/// Control character `c` in words.
fn control_name(c: char) -> String {
    match c {
        '\r' => "a carriage return".to_owned(),
        '\n' => "a line feed".to_owned(),
        '\t' => "a tab".to_owned(),
        c => format!("U+{:04X}", u32::from(c)),
    }
}

/// The spelling git gives `path` (a relative path that does not climb out), when it is not
/// already that: `./a`, `a/./b`, `a//b` and `a/` are `a`, `a/b`, `a/b` and `a`. A path of
/// `.` parts alone names the top, which each key refuses in its own words.
fn git_spelling(path: &str) -> Option<String> {
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let normal = parts.join("/");
    (normal != path && !normal.is_empty()).then_some(normal)
}

/// A configured path inside a git dir that `GIT_DIR` (or a `.git` file) puts in the work tree (named otherwise
/// than `.git`, which [`relative_path`] refuses), refused at its line: git commits nothing there.
pub(super) fn outside_git_dir(config: &super::Config, file: &Path, text: &str) -> Result<()> {
    let listed = config.version.files.iter().flatten().map(|f| &f.path);
    let mut paths = std::iter::once(&config.changelog.path).chain(listed);
    // A path of one component (the default `CHANGELOG.md`) lies in no git dir below the top:
    // such a configuration, the usual one, skips the file system calls every hook would pay.
    if paths.all(|p| p.components().count() < 2) {
        return Ok(());
    }
    let Some(root) = file.parent().and_then(|r| std::fs::canonicalize(r).ok()) else {
        return Ok(());
    };
    // GIT_DIR, else a `.git` file's `gitdir:` line (`git init --separate-git-dir`).
    let named = std::env::var_os("GIT_DIR").map(PathBuf::from).or_else(|| {
        let link = std::fs::read_to_string(root.join(".git")).ok()?;
        Some(root.join(link.strip_prefix("gitdir:")?.trim()))
    });
    let Some(git_dir) = named.and_then(|d| std::fs::canonicalize(d).ok()) else {
        return Ok(());
    };
    let Ok(inside) = git_dir.strip_prefix(&root) else {
        return Ok(());
    };
    let listed = config.version.files.iter().flatten().map(|f| &f.path);
    for path in std::iter::once(&config.changelog.path).chain(listed) {
        if !path.starts_with(inside) || inside.as_os_str().is_empty() {
            continue;
        }
        let shown = path.display().to_string();
        let offset = text.find(&format!("\"{shown}\"")).unwrap_or(0);
        return Err(super::config_error(
            file,
            text,
            offset,
            format!(
                "`{shown}` is inside the git directory (GIT_DIR), which git never commits; name a path in the work tree"
            ),
        ));
    }
    Ok(())
}

/// A list of type or scope names: non-empty, no whitespace, parentheses or colons.
pub(super) fn word_list(
    key: &str,
    items: Vec<Spanned<String>>,
    err: Fault<'_>,
) -> Result<Vec<String>> {
    items
        .into_iter()
        .map(|item| {
            let bad = item.get_ref().is_empty()
                || item
                    .get_ref()
                    .contains(|c: char| c.is_whitespace() || c.is_control() || "():!".contains(c));
            if bad {
                Err(err(
                    item.span().start,
                    format!("`{key}`: `{}` is not a valid name (it must be non-empty, without spaces, control characters, parentheses, `:` or `!`)", crate::printable::visible(item.get_ref())),
                ))
            } else {
                Ok(item.into_inner())
            }
        })
        .collect()
}

pub(super) fn positive(
    key: &str,
    value: Option<Spanned<usize>>,
    default: usize,
    err: Fault<'_>,
) -> Result<usize> {
    match value {
        None => Ok(default),
        Some(v) if *v.get_ref() == 0 => {
            Err(err(v.span().start, format!("`{key}` must be at least 1")))
        }
        Some(v) => Ok(v.into_inner()),
    }
}

pub(super) fn first_line(s: &str) -> &str {
    s.lines().last().unwrap_or(s).trim()
}

/// A command as relhook runs it: an argv list, the program first, never through a shell. A
/// string is refused with the list it would be, so that the fix is one copy away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Argv(pub Vec<String>);

impl<'de> serde::Deserialize<'de> for Argv {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Words;
        impl<'de> serde::de::Visitor<'de> for Words {
            type Value = Argv;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of words, the program first")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Argv, A::Error> {
                let mut words = Vec::new();
                while let Some(w) = seq.next_element::<String>()? {
                    words.push(w);
                }
                Ok(Argv(words))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<Argv, E> {
                Err(E::custom(argv_for_string(s)))
            }
        }
        d.deserialize_any(Words)
    }
}

impl Argv {
    /// Why the command at `key` cannot be run as written: a word holding a NUL, which no
    /// argument the system passes to a program can hold (it would fail only when run).
    pub(super) fn nul_fault(&self, key: &str) -> Option<String> {
        let word = self.0.iter().find(|w| w.contains('\0'))?;
        Some(format!(
            "`{key}`: the word `{}` holds a NUL character (shown as ␀), which no argument of a program can hold; remove it",
            crate::printable::visible(word)
        ))
    }
}

/// What to write instead of the command line `s`.
fn argv_for_string(s: &str) -> String {
    let plain = !s.chars().any(|c| "\"'\\$`|&;<>(){}*?~".contains(c));
    let words: Vec<String> = s.split_whitespace().map(|w| format!("{w:?}")).collect();
    if plain && !words.is_empty() {
        format!(
            "a command is a list of words, the program first (relhook runs no shell): write [{}]",
            words.join(", ")
        )
    } else {
        "a command is a list of words, the program first (relhook runs no shell): one string per word, e.g. [\"cargo\", \"test\"]".into()
    }
}

#[cfg(test)]
mod argv_tests {
    use super::argv_for_string;

    #[test]
    fn a_command_line_string_is_answered_with_its_list() {
        assert!(
            argv_for_string("cargo test --locked")
                .ends_with(r#"write ["cargo", "test", "--locked"]"#)
        );
        assert!(argv_for_string("npm test -- --grep \"a b\"").contains("one string per word"));
    }

    /// QA51: a NUL in a word was accepted, and the command failed only when run.
    #[test]
    fn a_nul_in_a_word_of_a_test_command_is_refused_at_load() {
        let path = std::path::Path::new(".relconfig.toml");
        for (text, key) in [
            (
                "[checks]\ntest = [\"/bin/true\\u0000x\"]\n",
                "`checks.test`",
            ),
            (
                "[packages.a]\npath = \"a\"\ntest = [\"make\", \"t\\u0000\"]\n",
                "`packages.a.test`",
            ),
        ] {
            let err = crate::config::Config::parse(path, text).unwrap_err();
            let crate::Error::Config { line, message, .. } = &err else {
                panic!("{err:?}");
            };
            assert_eq!(*line, text.lines().count(), "{err}");
            assert!(message.starts_with(key), "{message}");
            assert!(message.contains("holds a NUL character"), "{message}");
            assert!(!message.contains('\0'), "{message}");
        }
    }

    #[test]
    fn a_test_command_written_as_a_string_is_refused_with_its_list() {
        let path = std::path::Path::new(".relconfig.toml");
        for text in [
            "[checks]\ntest = \"cargo test --locked\"\n",
            "[packages.a]\npath = \"a\"\ntest = \"cargo test --locked\"\n",
        ] {
            let err = crate::config::Config::parse(path, text)
                .unwrap_err()
                .to_string();
            assert!(
                err.contains(r#"write ["cargo", "test", "--locked"]"#),
                "{err}"
            );
        }
        let ok = crate::config::Config::parse(path, "[checks]\ntest = [\"cargo\", \"test\"]\n");
        assert_eq!(
            ok.unwrap().checks.test,
            Some(vec!["cargo".into(), "test".into()])
        );
    }
}
