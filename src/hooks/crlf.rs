//! A hook file saved with Windows (CRLF) line endings. The kernel reads a `#!` line up to its
//! `\n`, so `#!/bin/sh\r` asks for a program `/bin/sh\r` that does not exist: git says
//! "cannot exec" (a shim that starts the file, "not found"), and a commit-msg, pre-push or
//! reference-transaction hook that cannot start refuses every commit, push or ref update. sh,
//! reading a file it is handed (husky's `sh -e .husky/<hook>`), takes the `\r` into each line:
//! `then\r` is no keyword, an empty line is a command named `\r`. Only comment lines survive.
//!
//! relhook converts nobody's line endings: that would edit the user's bytes outside relhook's
//! own lines. It names the file, the line and the command that converts it; its own shim or
//! block it simply writes again.

use std::path::Path;

/// The first line of a hook file that its line ending breaks.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Crlf {
    /// The line, from 1.
    pub line: usize,
    /// Its text, trimmed.
    pub text: String,
    /// It is the `#!` line of a file git (or a shim) starts: the file cannot start at all.
    pub start: bool,
}

/// The first line of `bytes` that a carriage return breaks; `started`: git (or relhook's shim)
/// starts the file itself, so its `#!` line counts; otherwise sh reads it, where a `#!` line is
/// a comment. A file whose `#!` line names another interpreter (python, node) reads CRLF fine
/// once it has started.
pub fn find(bytes: &[u8], started: bool) -> Option<Crlf> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.split('\n').enumerate();
    let first = text.split('\n').next().unwrap_or("");
    if first.starts_with("#!") {
        if started && first.ends_with('\r') {
            return Some(crlf(0, first, true));
        }
        if !names_sh(first) {
            return None;
        }
        lines.next();
    }
    lines
        .find(|(_, l)| l.ends_with('\r') && !l.trim_start().starts_with('#'))
        .map(|(i, l)| crlf(i, l, false))
}

fn crlf(index: usize, line: &str, start: bool) -> Crlf {
    Crlf {
        line: index + 1,
        text: line.trim().to_owned(),
        start,
    }
}

/// Whether a `#!` line names a shell (sh, bash, dash, zsh, ksh, directly or through env).
fn names_sh(shebang: &str) -> bool {
    let words: Vec<&str> = shebang[2..].split_whitespace().collect();
    let program = match words.as_slice() {
        [env, program, ..] if env.ends_with("/env") => program,
        [program, ..] => program,
        [] => return true,
    };
    let name = program.rsplit('/').next().unwrap_or(program);
    matches!(
        name,
        "sh" | "bash" | "dash" | "zsh" | "ksh" | "mksh" | "ash"
    )
}

impl Crlf {
    /// What is wrong, for `file` (a path as the user knows it).
    pub fn describe(&self, file: &str) -> String {
        if self.start {
            format!(
                "{file} has Windows (CRLF) line endings: its first line (`{}`) ends in a carriage return, which the system reads as part of the program's name, so the file cannot start (git says \"cannot exec\")",
                self.text
            )
        } else {
            format!(
                "{file} has Windows (CRLF) line endings: sh reads the carriage return into each line's last word (line {}: `{}`)",
                self.line, self.text
            )
        }
    }
}

impl Crlf {
    /// What it costs `hook`: a file that cannot start, always; one sh reads, whenever a
    /// command takes the carriage return in (`exit 0` fails; `echo x` only prints it).
    pub fn costs(&self, hook: &str) -> String {
        if self.start {
            consequence(hook).to_owned()
        } else {
            format!(
                "a command that takes it in fails or misbehaves (`exit 0` fails, `fi` is not read as one), and when the hook fails {}",
                consequence(hook)
            )
        }
    }
}

/// The line ending that breaks the hook relhook's shim at `hook` runs first, when it runs one.
pub fn chained(hook: &Path) -> Option<Crlf> {
    let at = super::aside::moved_shim(hook);
    let shim = super::recognise(&super::link::read(at.as_deref().unwrap_or(hook)).ok()?)?;
    let backup = super::install::backup_path(hook);
    if !shim.chain || !super::install::is_executable(&backup) {
        return None;
    }
    find(&std::fs::read(backup).ok()?, true)
}

/// What a hook that cannot run costs.
pub fn consequence(hook: &str) -> &'static str {
    match hook {
        "commit-msg" => "every commit is refused",
        "pre-push" => "every push is refused",
        "reference-transaction" => "every ref update is refused (commits, tags, fetches)",
        "post-commit" => "commits get no changelog entry",
        "post-applypatch" => "a `git am` does not say which of its commits lack an entry",
        _ => "the hook does not do its work",
    }
}

/// The command that converts `path` to LF line endings (perl: the same on Linux, macOS and Git
/// for Windows, where `sed -i` differs).
pub fn convert_command(path: &Path) -> String {
    format!("perl -pi -e 's/\\r$//' {}", super::doctor::shell_word(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crlf_shebang_cannot_start_and_crlf_commands_break_in_sh() {
        let file = b"#!/bin/sh\r\necho hi\r\n";
        let started = find(file, true).unwrap();
        assert_eq!((started.line, started.start), (1, true));
        assert_eq!(started.text, "#!/bin/sh");
        // Read by sh, the `#!` line is a comment; the command below it is not.
        let read = find(file, false).unwrap();
        assert_eq!(
            (read.line, read.start, read.text.as_str()),
            (2, false, "echo hi")
        );
        assert_eq!(find(b"# note\r\n\r\necho\n", false).unwrap().line, 2);
        assert!(
            find(b"#!/usr/bin/env sh\necho a\r\n", true).is_some(),
            "sh reads the rest"
        );
    }

    #[test]
    fn lf_files_comments_and_other_interpreters_are_fine() {
        for (bytes, started) in [
            (&b"#!/bin/sh\necho hi\n"[..], true),
            (b"echo hi", false),
            (b"# only a comment\r\n", false),
            (b"#!/bin/sh\r\n# comments\r\n", false),
            (b"#!/usr/bin/env python3\nprint('a')\r\n", true),
            (b"", true),
        ] {
            assert_eq!(
                find(bytes, started),
                None,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert!(names_sh("#!/usr/bin/env bash"));
        assert!(names_sh("#!/bin/dash -e"));
        assert!(!names_sh("#!/usr/bin/env node"));
    }

    #[test]
    fn the_conversion_names_the_file_as_one_shell_word() {
        assert_eq!(
            convert_command(Path::new(".husky/commit-msg")),
            r"perl -pi -e 's/\r$//' .husky/commit-msg"
        );
        assert!(convert_command(Path::new("a b/c")).ends_with("'a b/c'"));
    }
}
