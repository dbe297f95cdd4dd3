//! Commands in relhook's messages, as they work pasted where git was run. A user who names the
//! repository by `GIT_DIR` and `GIT_WORK_TREE` (`GIT_DIR=/x/.git GIT_WORK_TREE=/x git commit`
//! from another folder, or `git --git-dir=… --work-tree=…`) pastes `git commit -e -F …` back
//! into that shell, where a bare `git` finds no repository, or another one. There, every
//! command a message names (a `` `git …` `` or `` `relhook …` `` span, and the command of a
//! `next: ` line) is printed with the two variables ahead of it, as one place for all advice:
//! the messages themselves are written as for a shell in the work tree. A test command shown
//! as it ran in a clean checkout of a tag is left as it is: it ran without them.

use std::io::Write;
use std::sync::OnceLock;

/// `GIT_DIR=… GIT_WORK_TREE=… ` (each value quoted for the shell), when commands need it.
fn prefix() -> Option<&'static str> {
    static PREFIX: OnceLock<Option<String>> = OnceLock::new();
    PREFIX
        .get_or_init(|| {
            let cwd = std::env::current_dir().ok()?;
            let loc = crate::git::named_by_env(&cwd)?;
            let word = |p: &std::path::Path| crate::shellword::quote(&p.to_string_lossy());
            let mut prefix = format!("GIT_DIR={} ", word(&loc.git_dir));
            if let Some(tree) = &loc.work_tree {
                prefix.push_str(&format!("GIT_WORK_TREE={} ", word(tree)));
            }
            Some(prefix)
        })
        .as_deref()
}

/// A writer that puts [`prefix`] ahead of each command in the lines it passes (a line at a
/// time; as it is when no prefix is needed).
pub struct Pasted<W: Write> {
    inner: W,
    line: Vec<u8>,
}

impl<W: Write> Pasted<W> {
    pub fn new(inner: W) -> Self {
        Pasted {
            inner,
            line: Vec::new(),
        }
    }

    fn write_line(&mut self) -> std::io::Result<()> {
        let line = std::mem::take(&mut self.line);
        match (prefix(), std::str::from_utf8(&line)) {
            (Some(p), Ok(text)) => self.inner.write_all(with_prefix(text, p).as_bytes()),
            _ => self.inner.write_all(&line),
        }
    }
}

impl<W: Write> Write for Pasted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if prefix().is_none() {
            return self.inner.write(buf);
        }
        for &b in buf {
            self.line.push(b);
            if b == b'\n' {
                self.write_line()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.line.is_empty() {
            self.write_line()?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Pasted<W> {
    fn drop(&mut self) {
        if !self.line.is_empty() {
            let _ = self.write_line();
        }
    }
}

/// `text` with `prefix` ahead of each command: in each `` `…` `` span, the `git` or `relhook`
/// that starts it or follows `&& `, `|| `, `; `, `| `, `$(` or a group's `{ ` (after any
/// `NAME=value` words);
/// on a `next: ` line, the one after `next: `, after `, then ` and after `(or: `; after a
/// `fix: ` that starts a line or follows `; ` (doctor's `fix: relhook install`), the command it
/// starts with.
fn with_prefix(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    if let Some(rest) = text.strip_prefix("next: ") {
        out.push_str("next: ");
        for (i, part) in rest.split(", then ").enumerate() {
            if i > 0 {
                out.push_str(", then ");
            }
            // `   (or: git push origin HEAD v1.0.0; …)`: the other way, a command too.
            let line = match part.split_once(OR) {
                Some((main, or)) => {
                    format!("{}{OR}{}", commands(main, prefix), commands(or, prefix))
                }
                None => commands(part, prefix),
            };
            out.push_str(&spans(&line, prefix));
        }
        return out;
    }
    if let Some(at) = fix_at(text) {
        let (before, fix) = text.split_at(at);
        // Up to its first span the fix is the bare command; the spans that follow, as ever.
        let (bare, rest) = fix.split_at(fix.find('`').unwrap_or(fix.len()));
        let bare = match names_git_or_relhook(bare) {
            true => commands(bare, prefix),
            false => bare.to_owned(),
        };
        return format!("{}{bare}{}", spans(before, prefix), spans(rest, prefix));
    }
    spans(text, prefix)
}

/// What starts the other command a `next: ` line offers in its parentheses.
const OR: &str = "(or: ";

/// Where the text of a `fix: ` label starts in `text`: one that starts the line (past its
/// indent) or follows `; `, outside any `` `…` `` span.
fn fix_at(text: &str) -> Option<usize> {
    const LABEL: &str = "fix: ";
    let indent = text.len() - text.trim_start_matches(' ').len();
    if text[indent..].starts_with(LABEL) {
        return Some(indent + LABEL.len());
    }
    let at = text.find("; fix: ")?;
    let outside = text[..at].matches('`').count() % 2 == 0;
    outside.then_some(at + "; ".len() + LABEL.len())
}

/// Each `` `…` `` span of `text` through [`commands`], but for a command only mentioned, not
/// given to run (see [`mentioned`]), and one shown as it ran in a clean checkout (see
/// [`ran_apart`]).
fn spans(text: &str, prefix: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len());
    let mut last_mentioned = false;
    // Past a span that goes to another worktree (`cd WORKTREE`, then `git push …`), the
    // commands are run there, where git finds that worktree's repository by itself.
    let mut moved = false;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        // The odd parts are inside a span (a lone last one, unclosed, is left as it is).
        let closed = i % 2 == 1 && parts.len() > i + 1;
        if !closed {
            out.push_str(part);
            continue;
        }
        let (before, after) = (parts[i - 1], parts[i + 1]);
        // `…, or `relhook release …``: the other way is run here again.
        moved = moved && !before.contains(" or ");
        // `by `git commit`, `git tag` or `git push``: the list goes on as it began.
        let listed = i >= 3 && last_mentioned && LIST.contains(&before);
        last_mentioned = listed || mentioned(before, after);
        if last_mentioned || ran_apart(before, after) || moved {
            out.push_str(part);
        } else {
            out.push_str(&commands(part, prefix));
        }
        moved = moved || goes_elsewhere(part);
    }
    out
}

/// What joins the spans of one list.
const LIST: &[&str] = &[", ", " or ", " and ", ", or ", ", and "];

/// Words before a span that make it a command spoken of (`a plain `git push``, `before
/// `relhook install``, `as `relhook release` refuses`), not one to run: pasted, it needs no
/// variables, and they would only hide which command the text means.
const MENTIONING: &[&str] = &[
    "a", "an", "the", "plain", "before", "after", "since", "by", "as", "which", "what", "than",
    "like", "unlike", "every", "later", "its", "own", "whose", "neither", "nor",
];

/// Whether the span between `before` and `after` names a command only mentioned: a word of
/// [`MENTIONING`] just before it, or a possessive after it (`` `relhook doctor`'s row ``).
fn mentioned(before: &str, after: &str) -> bool {
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return true;
    }
    let Some(head) = before.strip_suffix(' ') else {
        return false;
    };
    let word = head.rsplit([' ', '(']).next().unwrap_or(head);
    MENTIONING.contains(&word.to_ascii_lowercase().as_str())
}

/// Whether the span between `before` and `after` shows a command as it ran in a clean
/// checkout (a test command: `running `…` on a clean checkout of v1.0.0`, `testing v1.0.0 in a
/// clean checkout… (`…``, `` `…` failed on a clean checkout ``): that temporary worktree is a
/// repository of its own, where the user's variables never reached it. Shown as it ran.
fn ran_apart(before: &str, after: &str) -> bool {
    [" on a clean checkout", " failed on a clean checkout"]
        .iter()
        .any(|a| after.starts_with(a))
        || before.ends_with(" in a clean checkout… (")
}

/// `prefix` ahead of every `git` or `relhook` that starts a command in `code`, up to a `cd`:
/// the commands after `cd WORKTREE && ` run in that other worktree, where git finds its
/// repository by itself (the variables would name this one's).
fn commands(code: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(code.len() + prefix.len());
    let mut rest = code;
    let mut at_start = true;
    let mut moved = false;
    while !rest.is_empty() {
        if at_start {
            at_start = false;
            moved = moved || rest.starts_with("cd ");
            if !moved && names_git_or_relhook(rest) {
                out.push_str(prefix);
            }
        }
        // `{ `: the publish command's `{ git ls-remote … && git fetch …; }; git push …`.
        let next = ["&& ", "|| ", "; ", "| ", "$(", "{ "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, i + sep.len())))
            .min();
        match next {
            Some((_, end)) => {
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                at_start = true;
            }
            None => {
                out.push_str(rest);
                rest = "";
            }
        }
    }
    out
}

/// Whether `code` changes folder (`cd WORKTREE`, alone or ahead of `&& …`).
fn goes_elsewhere(code: &str) -> bool {
    code.starts_with("cd ") || code.contains("&& cd ") || code.contains("; cd ")
}

/// Whether the command at the start of `code` runs `git` or `relhook`, past any `NAME=value`.
fn names_git_or_relhook(code: &str) -> bool {
    let mut words = code.split(' ');
    for word in words.by_ref() {
        let assignment = word.split_once('=').is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        });
        if !assignment {
            return word == "git" || word == "relhook";
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "GIT_DIR=/x/.git GIT_WORK_TREE=/x ";

    #[test]
    fn each_command_of_a_span_gets_the_variables() {
        assert_eq!(
            with_prefix(
                "note: `git commit -e -F /x/.git/COMMIT_EDITMSG` reopens it, `--no-verify` or RELHOOK_SKIP=1 bypass",
                P
            ),
            "note: `GIT_DIR=/x/.git GIT_WORK_TREE=/x git commit -e -F /x/.git/COMMIT_EDITMSG` reopens it, `--no-verify` or RELHOOK_SKIP=1 bypass"
        );
        assert_eq!(
            commands(
                "git add :/CHANGELOG.md && RELHOOK_SKIP=1 git commit --amend",
                P
            ),
            "GIT_DIR=/x/.git GIT_WORK_TREE=/x git add :/CHANGELOG.md && GIT_DIR=/x/.git GIT_WORK_TREE=/x RELHOOK_SKIP=1 git commit --amend"
        );
        assert_eq!(
            commands("relhook release $(git describe)", P),
            format!("{P}relhook release $({P}git describe)")
        );
        assert_eq!(
            commands("{ git ls-remote o r && git fetch o r; }; git push o r", P),
            format!("{{ {P}git ls-remote o r && {P}git fetch o r; }}; {P}git push o r")
        );
        assert_eq!(commands("github", P), "github");
        assert_eq!(spans("a `[changelog] path` b", P), "a `[changelog] path` b");
        assert_eq!(spans("unclosed `git x", P), "unclosed `git x");
    }

    #[test]
    fn commands_run_in_another_worktree_get_no_variables() {
        assert_eq!(
            commands("cd /w && git merge side", P),
            "cd /w && git merge side"
        );
        assert_eq!(
            commands("git fetch && cd /w && relhook release --resume", P),
            format!("{P}git fetch && cd /w && relhook release --resume")
        );
        assert_eq!(
            spans("`cd /w`, then `git reset --keep x`, then `git push o`", P),
            "`cd /w`, then `git reset --keep x`, then `git push o`"
        );
        assert_eq!(spans("`git push o`", P), format!("`{P}git push o`"));
        assert_eq!(
            spans("`cd /w && git merge b`, then tag there, or `relhook x`", P),
            format!("`cd /w && git merge b`, then tag there, or `{P}relhook x`")
        );
    }

    #[test]
    fn the_command_a_fix_label_starts_with_gets_the_variables() {
        assert_eq!(
            with_prefix("          fix: relhook install (makes it executable)", P),
            format!("          fix: {P}relhook install (makes it executable)")
        );
        assert_eq!(
            with_prefix(
                "warning: x; fix: git add a && RELHOOK_SKIP=1 git commit -- a",
                P
            ),
            format!("warning: x; fix: {P}git add a && {P}RELHOOK_SKIP=1 git commit -- a")
        );
        assert_eq!(
            with_prefix("    fix: run `git fetch o`, then tag again", P),
            format!("    fix: run `{P}git fetch o`, then tag again")
        );
        assert_eq!(
            with_prefix("  fix: relhook test, then `git push o`", P),
            format!("  fix: {P}relhook test, then `{P}git push o`")
        );
        // Inside a span it is the span's text, not a label.
        assert_eq!(with_prefix("a `x; fix: y` z", P), "a `x; fix: y` z");
    }

    #[test]
    fn a_command_only_mentioned_is_left_as_it_is() {
        for text in [
            "git commands that stay here (a `git tag`, a `git push` with GIT_DIR) run no hook",
            "not read by `git commit`, `git tag` or `git push`, whose hooks run",
            "commit or stash first: plain `git stash` leaves new files",
            "a commit from before `relhook install` here",
            "behind, as `relhook release` refuses",
            "its fix (`relhook doctor`'s row for it)",
            "the `git` program is not on PATH",
        ] {
            assert_eq!(with_prefix(text, P), text);
        }
        assert_eq!(
            with_prefix(
                "left out by `relhook install --hooks x`; `relhook install` adds it",
                P
            ),
            format!("left out by `relhook install --hooks x`; `{P}relhook install` adds it")
        );
        assert_eq!(
            with_prefix("stash (`git stash -u`: plain `git stash` leaves them)", P),
            format!("stash (`{P}git stash -u`: plain `git stash` leaves them)")
        );
        assert_eq!(
            with_prefix("run `git fetch` and `git push`, or `git pull`", P),
            format!("run `{P}git fetch` and `{P}git push`, or `{P}git pull`")
        );
    }

    #[test]
    fn a_command_shown_as_it_ran_in_a_clean_checkout_is_left_as_it_is() {
        for text in [
            "relhook: running `sh -c 'make && git diff'` on a clean checkout of v1.0.0",
            "relhook: testing v1.0.0 in a clean checkout… (`git diff --exit-code`)",
            "  - `sh -c 'true && git diff'` failed on a clean checkout of v1.0.0 (exit code 1)",
        ] {
            assert_eq!(with_prefix(text, P), text);
        }
        // Run in the work tree, the variables reach it: as any command.
        assert_eq!(
            with_prefix("relhook: running `git diff --exit-code`", P),
            format!("relhook: running `{P}git diff --exit-code`")
        );
    }

    #[test]
    fn a_next_line_names_its_commands_bare() {
        assert_eq!(
            with_prefix(
                "next: relhook test, then git push origin v1.0.0   (why)\n",
                P
            ),
            format!("next: {P}relhook test, then {P}git push origin v1.0.0   (why)\n")
        );
        assert_eq!(
            with_prefix(
                "next: git push --follow-tags origin main   (or: git push origin HEAD v1.0.0; `main` has no upstream yet)",
                P
            ),
            format!(
                "next: {P}git push --follow-tags origin main   (or: {P}git push origin HEAD v1.0.0; `main` has no upstream yet)"
            )
        );
    }
}
