//! The commit-msg hook and `commit.template`: a `git commit` that opens the editor starts from
//! the template, and a user who quits without editing it expects git's "Aborting commit; you
//! did not edit the message". git runs commit-msg before that check, so a template that fails
//! the lint is said as what it is, in one line, rather than linted as the user's message.
//! `-m`, `-F` (git's `GIT_EDITOR=:`) never start from the template: their text is linted.
//! A template given on the command line (`git commit -t <file>`) takes the place of
//! `commit.template`, as in git: the hook reads it from the git process's arguments.

use std::path::{Path, PathBuf};

use crate::commit::lint::Input;
use crate::commit::message::is_unedited_template;
use crate::git::Location;

/// The line for a message that is the commit template's text (`-t`'s file, else
/// `commit.template`'s) left unedited in the editor; `None` for any other message, or when no
/// template is given, set or readable. Called only for a message that failed the lint: the
/// git process's arguments are read then, not on every commit.
pub(super) fn unedited(
    cwd: &Path,
    loc: Option<&Location>,
    (raw, encoding): (&[u8], Option<&str>),
    input: &Input,
) -> Option<String> {
    if !super::written::editor_session(false) {
        return None;
    }
    let (source, path) = match given_template(cwd) {
        Some(given) => given,
        None => {
            let value = crate::git::commit_template_config(loc)?;
            let path = template_path(cwd, &value)?;
            (format!("commit.template, {value}"), path)
        }
    };
    let bytes = std::fs::read(path).ok()?;
    let text = crate::git::decode_message(raw, encoding);
    let template = crate::git::decode_message(&bytes, encoding);
    is_unedited_template(&text, &template, input.cleanup, &input.comment).then(|| {
        format!(
            "relhook: nothing committed: the message is the commit template ({source}) unedited; run `git commit` again and write your message over it"
        )
    })
}

/// The template `git commit -t <file>` (`--template`) names, and where git reads it: a
/// relative path from the directory the command ran in (`GIT_PREFIX` below the top of the
/// work tree, where the hook runs). `None` when the git process that runs the hook is not a
/// `git commit` given a template, or its arguments cannot be read (no `/proc`).
fn given_template(cwd: &Path) -> Option<(String, PathBuf)> {
    let (sub, args) = crate::tag::hand::git_arguments()?;
    if sub != "commit" {
        return None;
    }
    let value = template_argument(&args)?;
    let path = Path::new(&value);
    let path = if path.is_absolute() {
        path.to_owned()
    } else {
        let prefix = std::env::var_os("GIT_PREFIX").unwrap_or_default();
        cwd.join(prefix).join(path)
    };
    Some((format!("-t, {value}"), path))
}

/// `git commit`'s long options that take a value, given in the next argument when not after
/// `=`: an argument after one of them is its value, never an option.
const LONG_WITH_VALUE: &[&str] = &[
    "author",
    "cleanup",
    "date",
    "file",
    "fixup",
    "message",
    "pathspec-from-file",
    "reedit-message",
    "reuse-message",
    "squash",
    "template",
    "trailer",
];

/// The last template `git commit`'s arguments give (`-t F`, `-tF`, `-qt F`, `--template F`,
/// `--template=F`, or an abbreviation `--temp=F`), read as git's option parser reads them:
/// the value of another option (`-m "-t x"`) is not one, nor anything after `--`.
fn template_argument(args: &[String]) -> Option<String> {
    let mut found = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (long, None),
            };
            let takes_value =
                !name.is_empty() && LONG_WITH_VALUE.iter().any(|o| o.starts_with(name));
            if name.len() >= 2 && "template".starts_with(name) {
                found = value.or_else(|| args.next().cloned());
            } else if name.len() >= 5 && "no-template".starts_with(name) {
                found = None;
            } else if takes_value && value.is_none() {
                args.next();
            }
            continue;
        }
        let Some(cluster) = arg.strip_prefix('-') else {
            continue;
        };
        // Short options bundled: the first that takes a value takes the rest of the
        // argument, or the next argument when nothing follows it.
        for (at, c) in cluster.char_indices() {
            let rest = &cluster[at + c.len_utf8()..];
            match c {
                't' | 'm' | 'F' | 'c' | 'C' => {
                    let value = if rest.is_empty() {
                        args.next().cloned()
                    } else {
                        Some(rest.to_owned())
                    };
                    if c == 't' {
                        found = value;
                    }
                    break;
                }
                // An optional value, only ever attached.
                'u' | 'S' => break,
                _ => {}
            }
        }
    }
    found
}

/// Where git reads `commit.template` from: `~/` in the home directory, a relative path from
/// the top of the work tree (git moves there before it reads the template, run from a
/// subdirectory or not; the hook runs there too). `~user/` is git's to expand.
fn template_path(cwd: &Path, value: &str) -> Option<PathBuf> {
    if let Some(rest) = value.strip_prefix("~/") {
        return Some(PathBuf::from(std::env::var_os("HOME")?).join(rest));
    }
    if value.starts_with('~') {
        return None;
    }
    let path = Path::new(value);
    if path.is_absolute() {
        return Some(path.to_owned());
    }
    Some(cwd.join(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template_of(args: &[&str]) -> Option<String> {
        template_argument(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_template_is_read_from_commits_arguments_as_git_reads_them() {
        for args in [
            &["-t", "tpl"][..],
            &["-ttpl"],
            &["-qt", "tpl"],
            &["-vqttpl"],
            &["--template", "tpl"],
            &["--template=tpl"],
            &["--temp=tpl"],
            &["-t", "old", "-a", "--template=tpl"],
            &["-a", "-t", "tpl", "--", "path"],
        ] {
            assert_eq!(template_of(args).as_deref(), Some("tpl"), "{args:?}");
        }
        for args in [
            &[][..],
            &["-a"],
            &["-m", "-t x"],
            &["-mt", "x"],
            &["--message", "-t"],
            &["--author", "--template=x"],
            &["-Stkey"],
            &["--", "-t", "x"],
            &["--trailer", "x"],
            &["-t", "x", "--no-template"],
        ] {
            assert_eq!(template_of(args), None, "{args:?}");
        }
    }
}
