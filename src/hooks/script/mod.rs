//! Reading a shell hook just far enough to know where it stops: the first top-level `exit`, or
//! `exec` of another program, ends the script whatever comes after it, so relhook's call in a
//! hook file it does not own (husky's) must come above that line or it never runs.
//!
//! A small lexer (quotes, `$(…)`, backquotes, here-documents, comments, line continuations)
//! feeds a keyword stack (`if`/`fi`, loops, `case`, groups, subshells, function bodies): an
//! `exit` inside any of them is conditional and is not a stop, and neither is one after `&&`,
//! `||` or in a pipeline. Text it cannot follow is reported as [`Unclear`], never guessed at.
//!
//! It also follows the top-level `exec` lines that only redirect (`exec >>log 2>&1`): a call
//! below one writes its errors where that line sent them, not to the terminal.

mod lex;
mod maybe;
mod output;

use lex::{Tok, lex};
use maybe::Maybe;
use output::Fds;

/// A command that ends the hook whatever ran before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// Its line, from 1.
    pub line: usize,
    /// That line, trimmed (for messages).
    pub text: String,
    /// Whether it is the first command on its line, so that a call can go just above it.
    pub starts_line: bool,
}

/// Where and why the text could not be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclear {
    /// The line, from 1.
    pub line: usize,
    /// What is wrong there.
    pub why: &'static str,
}

/// A top-level `exec` that only redirects: what it does lasts for the rest of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// Its line, from 1.
    pub line: usize,
    /// That line, trimmed (for messages).
    pub text: String,
    /// Whether it is the first command on its line.
    pub starts_line: bool,
    /// Where the hook's standard error goes from here on; `None`: still to git's, the terminal.
    pub stderr: Option<String>,
}

/// What [`scan`] found: the first stop, and the redirecting `exec` lines above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    /// The first command that ends the script unconditionally.
    pub stop: Option<Stop>,
    /// The first top-level command that may end it on some runs (`[ -n "$CI" ] && exit 0`, an
    /// `exit` in an `if`), at or above the stop.
    pub may_stop: Option<Stop>,
    /// The top-level `exec` lines that only redirect, above the stop.
    pub redirects: Vec<Redirect>,
}

impl Scan {
    /// When a command on `line` would write its errors away from the terminal: the first of
    /// the `exec` lines above it that keep standard error elsewhere up to it, and where to.
    pub fn muted_at(&self, line: usize) -> Option<(&Redirect, &str)> {
        let above: Vec<&Redirect> = self.redirects.iter().filter(|r| r.line < line).collect();
        let to = above.last()?.stderr.as_deref()?;
        let first = above
            .iter()
            .rev()
            .take_while(|r| r.stderr.is_some())
            .last()?;
        Some((first, to))
    }
}

/// The first command that ends the script unconditionally; `None` when it runs to its end.
pub fn first_stop(text: &str) -> Result<Option<Stop>, Unclear> {
    Ok(scan(text)?.stop)
}

/// The first stop and the redirecting `exec` lines above it.
pub fn scan(text: &str) -> Result<Scan, Unclear> {
    let tokens = lex(text)?;
    let (found, execs, may) = Parser::default().run(&tokens)?;
    let text_of = |line: usize| text.lines().nth(line - 1).unwrap_or("").trim().to_owned();
    let stop_at = |(line, starts_line): (usize, bool)| Stop {
        line,
        text: text_of(line),
        starts_line,
    };
    Ok(Scan {
        stop: found.map(stop_at),
        may_stop: may.map(stop_at),
        redirects: execs
            .into_iter()
            .map(|(line, starts_line, stderr)| Redirect {
                line,
                text: text_of(line),
                starts_line,
                stderr,
            })
            .collect(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    If,
    Loop,
    Case,
    Brace,
    Paren,
}

/// A top-level command that may end the script: `exit`, or `exec` (which only does when it
/// names a program; `exec >log` just redirects).
#[derive(Debug, Clone)]
struct Candidate {
    line: usize,
    starts_line: bool,
    ends: bool,
    /// Its redirections: the descriptor as written, the operator, the target.
    redirects: Vec<(Option<u32>, &'static str, String)>,
}

#[derive(Debug, Default)]
struct Parser {
    stack: Vec<Frame>,
    /// The next word is an argument, not in command position (where keywords count).
    args: bool,
    /// Past the first command of the current top-level list (what follows `&&`, `||`, `|`).
    list_started: bool,
    /// The current top-level list began after `;` or `&`, not at the start of a line.
    mid_line: bool,
    /// The first word of the current top-level command (an assignment counts): its line.
    first: Option<usize>,
    /// The current top-level command, when it is `exit` or `exec`.
    candidate: Option<Candidate>,
    /// The next word is a redirection's target.
    target: bool,
    /// In `for NAME in …`, up to its `do`.
    for_head: bool,
    /// In `case WORD`, up to its `in`.
    case_head: bool,
    /// In a case's pattern, up to its `)`.
    pattern: bool,
    /// After a function's name: its `()` follow.
    func_parens: bool,
    /// Between a function definition's `(` and `)`.
    func_open: bool,
    /// After `function`: the name follows.
    func_name: bool,
    /// The last token was `&&`, `||` or `|`: the command goes on past a newline.
    continued: bool,
    /// The descriptor written before the next redirection operator (`2` in `2>&1`).
    fd: Option<u32>,
    /// The redirection whose target is the next word.
    redirect: Option<(Option<u32>, &'static str)>,
    /// Where the descriptors point after the top-level `exec` lines so far.
    fds: Fds,
    /// Those lines: line, whether it starts its line, where standard error goes after it.
    execs: Vec<(usize, bool, Option<String>)>,
    /// The `exit` lines that may end the script on some runs.
    maybe: Maybe,
    /// The last word in command position (a function's name when `()` follows it).
    last_command: Option<String>,
}

/// What [`Parser::run`] found: the first stop, the redirecting `exec` lines above it, and the
/// first command that may stop the script.
type Found = (
    Option<(usize, bool)>,
    Vec<(usize, bool, Option<String>)>,
    Option<(usize, bool)>,
);

const UNPAIRED: &str = "its `if`/`fi`, loops, `case`/`esac`, braces or parentheses do not pair up";

impl Parser {
    fn run(mut self, tokens: &[(Tok, usize)]) -> Result<Found, Unclear> {
        for (tok, line) in tokens {
            let unclear = |why| Unclear { line: *line, why };
            let continued = std::mem::take(&mut self.continued);
            let stop = match tok {
                Tok::Newline if continued => {
                    self.continued = true;
                    None
                }
                Tok::Word { text, plain } => {
                    let keyword = if *plain { text.as_str() } else { "" };
                    self.word(text, keyword, *line).map_err(unclear)?;
                    None
                }
                Tok::Newline => {
                    self.maybe.separator(self.stack.len(), false);
                    self.end_of_list(false)
                }
                Tok::Op(op) => self.op(op).map_err(unclear)?,
                Tok::Fd(fd) => {
                    self.continued = continued;
                    self.fd = Some(*fd);
                    None
                }
            };
            if stop.is_some() {
                return Ok((stop, self.execs, self.maybe.found));
            }
        }
        let end = tokens.last().map_or(1, |t| t.1);
        let open = !self.stack.is_empty() || self.case_head || self.for_head || self.target;
        if open {
            return Err(Unclear {
                line: end,
                why: UNPAIRED,
            });
        }
        let stop = self.end_of_list(false);
        Ok((stop, self.execs, self.maybe.found))
    }

    fn top_level(&self) -> bool {
        self.stack.is_empty()
    }

    fn pop(&mut self, frame: Frame) -> Result<(), &'static str> {
        match self.stack.pop() {
            Some(f) if f == frame => {
                self.maybe.close(self.stack.len());
                self.args = true;
                Ok(())
            }
            _ => Err(UNPAIRED),
        }
    }

    fn push(&mut self, frame: Frame) {
        // A compound command at the top level is not an `exit`: the list it starts cannot stop.
        if self.top_level() {
            self.list_started = true;
        }
        self.maybe.open(self.stack.len(), frame == Frame::Paren);
        self.stack.push(frame);
        self.args = false;
    }

    fn word(&mut self, text: &str, keyword: &str, line: usize) -> Result<(), &'static str> {
        if std::mem::take(&mut self.target) {
            if let (Some((fd, op)), Some(c)) = (self.redirect.take(), &mut self.candidate) {
                c.redirects.push((fd, op, text.to_owned()));
            }
            return Ok(());
        }
        if self.case_head {
            self.case_head = keyword != "in";
            self.pattern = !self.case_head;
            return Ok(());
        }
        if self.pattern {
            if keyword == "esac" {
                self.pattern = false;
                return self.pop(Frame::Case);
            }
            return Ok(());
        }
        if self.for_head {
            self.for_head = keyword != "do" || self.args;
            return Ok(());
        }
        if std::mem::take(&mut self.func_name) {
            self.maybe.body_follows(Some(text));
            self.func_parens = true;
            self.args = false;
            return Ok(());
        }
        if self.args {
            // An argument: `name (` is a function definition only right after the name.
            self.maybe.argument(text);
            self.func_parens = false;
            if let Some(c) = &mut self.candidate {
                c.ends = true;
            }
            return Ok(());
        }
        if self.top_level() && !self.list_started {
            self.first.get_or_insert(line);
        }
        match keyword {
            "if" => self.push(Frame::If),
            "while" | "until" => self.push(Frame::Loop),
            "{" => self.push(Frame::Brace),
            "for" => {
                self.push(Frame::Loop);
                self.for_head = true;
                self.args = true;
            }
            "case" => {
                self.push(Frame::Case);
                self.case_head = true;
            }
            "then" | "else" | "elif" | "do" | "!" => {}
            "fi" => self.pop(Frame::If)?,
            "done" => self.pop(Frame::Loop)?,
            "esac" => self.pop(Frame::Case)?,
            "}" => self.pop(Frame::Brace)?,
            "function" => {
                self.list_started = true;
                self.func_name = true;
            }
            _ if is_assignment(text) => {
                if self.top_level() && !self.list_started {
                    self.first.get_or_insert(line);
                }
            }
            _ => {
                let first = *self.first.get_or_insert(line);
                if self.top_level() && !self.list_started && matches!(keyword, "exit" | "exec") {
                    self.candidate = Some(Candidate {
                        line: first,
                        starts_line: !self.mid_line,
                        ends: keyword == "exit",
                        redirects: Vec::new(),
                    });
                } else {
                    let depth = self.stack.len();
                    self.maybe.command(keyword, first, !self.mid_line, depth);
                }
                self.last_command = Some(text.to_owned());
                self.list_started = true;
                self.args = true;
                self.func_parens = true;
            }
        }
        Ok(())
    }

    fn op(&mut self, op: &'static str) -> Result<Option<(usize, bool)>, &'static str> {
        let func_parens = std::mem::take(&mut self.func_parens);
        let depth = self.stack.len();
        match op {
            ";" => {
                self.maybe.separator(depth, false);
                return Ok(self.end_of_list(true));
            }
            "&" => {
                // A command in the background runs in a subshell: its `exit` ends only that.
                self.candidate = None;
                self.maybe.separator(depth, true);
                return Ok(self.end_of_list(true));
            }
            "&&" | "||" => {
                self.maybe.and_or(depth, op == "||");
                let stop = self.resolve();
                self.args = false;
                self.continued = true;
                return Ok(stop);
            }
            "|" => {
                self.maybe.pipe(depth);
                self.candidate = None;
                self.args = false;
                self.continued = true;
            }
            ";;" => {
                self.pattern = self.stack.last() == Some(&Frame::Case);
                self.args = false;
            }
            "(" if self.pattern => {}
            "(" if func_parens => {
                // `name()`: a function definition; its body runs only when it is called.
                self.candidate = None;
                self.func_open = true;
            }
            "(" => self.push(Frame::Paren),
            ")" if self.pattern => {
                self.pattern = false;
                self.args = false;
            }
            // The `)` of `name()`; any other closes a subshell (`(git log || true)`, whose
            // last word would otherwise read as a function's name).
            ")" if std::mem::take(&mut self.func_open) => {
                self.maybe.body_follows(self.last_command.as_deref());
                self.args = false;
            }
            ")" => self.pop(Frame::Paren)?,
            _ => {
                self.target = true;
                self.redirect = Some((self.fd.take(), op));
            }
        }
        Ok(None)
    }

    /// The current command is complete: a stop when it was a top-level `exit` or `exec`.
    fn resolve(&mut self) -> Option<(usize, bool)> {
        let c = self.candidate.take()?;
        if c.ends {
            return Some((c.line, c.starts_line));
        }
        // `exec` without a program: its redirections hold for the rest of the script.
        if !c.redirects.is_empty() {
            for (fd, op, target) in &c.redirects {
                self.fds.apply(*fd, op, target);
            }
            self.execs.push((c.line, c.starts_line, self.fds.stderr()));
        }
        None
    }

    /// A newline (`mid_line` false), `;` or `&` ends a list.
    fn end_of_list(&mut self, mid_line: bool) -> Option<(usize, bool)> {
        let stop = self.resolve();
        if self.func_name {
            return stop;
        }
        self.args = false;
        self.func_parens = false;
        if self.top_level() {
            self.maybe.list_ended();
            self.list_started = false;
            self.mid_line = mid_line;
            self.first = None;
        }
        stop
    }
}

/// `NAME=value` before a command (or alone).
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        name.chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
            && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn stop(text: &str) -> Option<(usize, bool)> {
        first_stop(text)
            .unwrap_or_else(|e| panic!("{e:?} in {text:?}"))
            .map(|s| (s.line, s.starts_line))
    }

    #[test]
    fn top_level_exit_and_exec_stop_the_hook() {
        assert_eq!(stop("#!/bin/sh\necho HUSKY >&2\nexit 0\n"), Some((3, true)));
        assert_eq!(stop("#!/bin/sh\nexit"), Some((2, true)));
        assert_eq!(stop("exec npx commitlint --edit \"$1\"\n"), Some((1, true)));
        assert_eq!(
            stop("X=1 exec lefthook run pre-push \"$@\"\n"),
            Some((1, true))
        );
        assert_eq!(stop("exit 0 || true\n"), Some((1, true)));
        assert_eq!(stop("echo a; exit 1\n"), Some((1, false)));
        assert_eq!(stop("echo \\\n  a\nexit 3 # done\n"), Some((3, true)));
        let first = first_stop("true\n  exit 2  \nexit 0\n").unwrap().unwrap();
        assert_eq!((first.line, first.text.as_str()), (2, "exit 2"));
    }

    #[test]
    fn conditional_or_nested_exits_do_not() {
        for text in [
            "#!/bin/sh\nnpx commitlint --edit \"$1\"\n",
            "[ -n \"$CI\" ] && exit 0\necho x\n",
            "test -f x &&\n  exit 0\nfalse ||\n\n  # why\n  exec y\necho a |\nexit 1\n",
            "test -f x || exit 1\n",
            "if [ -z \"$1\" ]; then\n  exit 1\nfi\n",
            "if true; then exit 1; elif false; then exit 2; else exit 3; fi\n",
            "while read -r a b; do\n  exit 1\ndone\n",
            "for f in a b; do exit 1; done\n",
            "case \"$1\" in\n  a|b) exit 1 ;;\n  (c) exit 2;;\n  *) if x; then exit 3; fi\nesac\n",
            "die() {\n  echo \"$1\" >&2\n  exit 1\n}\ndie2 () { exit 2; }\nfunction die3 {\n exit 3\n}\n",
            "( exit 1 )\n{ exit 1; } | cat\nexit 1 | cat\nexit 1 &\n",
            "exec >/tmp/log 2>&1\nexec < /dev/tty\nexec 3<&0\n",
            "x=$(exit 1; echo \")\")\ny=`exit 1`\necho \"$(exit 1)\" '; exit 1'\n",
            "echo exit; echo exec # exit 1\n",
            "cat <<EOF\nexit 1\nEOF\ncat <<-'END' >x\n\texit 1\n\tEND\n",
            "echo ${x:-exit} \"a\nexit 1\nb\"\n",
        ] {
            assert_eq!(stop(text), None, "{text}");
        }
        assert_eq!(
            stop("if x; then\n  exit 1\nfi\ncase y in *) ;; esac\nexit 0\n"),
            Some((5, true))
        );
        assert_eq!(stop("cat <<EOF\nx\nEOF\nexit 4\n"), Some((4, true)));
        // QA36: a subshell whose last word is a command's name (`(cmd || true)`) was read as
        // a function definition's `()`, and the file as one that does not pair up.
        for text in [
            "(git log -1 --oneline || true) >> .git/log.txt\n",
            "(ls)\n(true )\n(a; b)\n(cd sub && make)\n(exit 1)\n",
        ] {
            assert_eq!(stop(text), None, "{text}");
        }
        assert_eq!(stop("(echo a; true)\nexit 3\n"), Some((2, true)));
        assert_eq!(stop("f() { exit 1; }\n(f)\nexit 2\n"), Some((3, true)));
    }

    fn may_stop(text: &str) -> Option<(usize, bool)> {
        scan(text)
            .unwrap_or_else(|e| panic!("{e:?} in {text:?}"))
            .may_stop
            .map(|s| (s.line, s.starts_line))
    }

    #[test]
    fn conditional_exits_may_stop_the_hook_on_some_runs() {
        for (text, line, starts_line) in [
            ("#!/bin/sh\n[ -n \"$CI\" ] && exit 0\necho x\n", 2, true),
            ("echo a\ntest -f x ||\n  exit 0\n", 2, true),
            ("if [ -z \"$1\" ]; then\n  exit 0\nfi\n", 1, true),
            ("echo a; if x; then exit 0; fi\n", 1, false),
            ("while read -r a; do\n  exit 0\ndone\n", 1, true),
            ("case \"$1\" in\n  a) exit 0 ;;\nesac\n", 1, true),
            ("{ echo a; exit 0; }\n", 1, true),
            ("a | b && exit 0\n", 1, true),
            ("if x | y; then exit 0; fi\n", 1, true),
            ("f() { exit 0; }\n[ x ] && exit\n", 2, true),
            ("if x; then exit 0; y & fi\n", 1, true),
            (
                "(exit 0)\nif a; then\n  (exit)\n  exit \"$c\"\nfi\n",
                2,
                true,
            ),
            ("[ x ] || exit 1\n[ -n \"$CI\" ] && exit 0\n", 2, true),
            // QA37: a function whose body may exit, called at top level; a top-level `return`.
            ("finish() { echo bye; exit 0; }\necho a\nfinish\n", 3, true),
            ("skip() {\n  exit\n}\n[ -n \"$CI\" ] && skip\n", 4, true),
            (
                "function done_ { if x; then exit 0; fi; }\ndone_\n",
                2,
                true,
            ),
            ("[ -n \"$CI\" ] && return 0\n", 1, true),
            ("true && exit\n", 1, true),
            ("[ -n \"$CI\" ] && exec true\necho team\n", 1, true),
            ("if [ -n \"$CI\" ]; then exec true; fi\n", 1, true),
        ] {
            assert_eq!(may_stop(text), Some((line, starts_line)), "{text}");
        }
        for text in [
            "#!/bin/sh\nnpx commitlint --edit \"$1\"\nexit 0\n",
            "die() {\n  exit 0\n}\ndie2 () { if x; then exit; fi; }\nfunction die3 {\n exit 0\n}\n",
            "( [ x ] || exit 0 )\n( if a; then exit; fi )\n",
            "{ exit 0; } | cat\nx | { exit 0; }\nx | exit 0\ntrue && exit 0 | cat\n",
            "[ x ] && exit 0 &\nif x; then exit 0; fi &\nif x; then exit 0 & fi\n",
            "x=$(test x || exit 0)\ncat <<EOF\nif x; then exit 0; fi\nEOF\n",
            "if x; then echo exit; fi\n",
            "[ -t 1 ] && exec >/dev/tty 2>&1\nif x; then exec 2>/dev/null; fi\n",
            // A failing `exit` is a veto: git refuses the commit whatever runs below it.
            "if grep -q WIP \"$1\"; then\n  exit 1\nfi\n[ x ] || exit 2\n",
            // `cmd || exit` and `cmd || exit $?` carry `cmd`'s failure.
            "npm test || exit\nnpm test || exit $?\nlint ||\n  exit\n",
            // A function that only fails, or is never called; `return` in a function.
            "die() { echo \"$1\" >&2; exit 1; }\ndie oops\nf() { return 0; }\nf\ng() { exit 0; }\n",
        ] {
            assert_eq!(may_stop(text), None, "{text}");
        }
    }

    #[test]
    fn exec_lines_that_send_standard_error_away_mute_what_follows() {
        let muted = |text: &str, line: usize| {
            let scan = scan(text).unwrap_or_else(|e| panic!("{e:?} in {text:?}"));
            scan.muted_at(line)
                .map(|(r, to)| (r.line, r.starts_line, to.to_owned()))
        };
        let log = "#!/bin/sh\nexec >>.husky/log 2>&1\necho x\n";
        assert_eq!(muted(log, 4), Some((2, true, ".husky/log".into())));
        assert_eq!(muted(log, 2), None, "not above its own line");
        assert_eq!(
            muted("exec 2>/dev/null\n", 2),
            Some((1, true, "/dev/null".into()))
        );
        assert_eq!(
            muted("cd x; exec 2>/dev/null\n", 2),
            Some((1, false, "/dev/null".into()))
        );
        // The first of the lines that keep it away, up to the call.
        let two = "exec >log\nexec 2>&1\nexec 2>/dev/null\n";
        assert_eq!(muted(two, 4), Some((2, true, "/dev/null".into())));
        let restored = "exec 3>&2 2>/dev/null\nquiet\nexec 2>&3\n";
        assert_eq!(muted(restored, 2), Some((1, true, "/dev/null".into())));
        assert_eq!(muted(restored, 4), None);
        for fine in [
            "exec >/dev/null\n",
            "exec 1>&2\n",
            "if x; then exec 2>/dev/null; fi\n",
            "exec 2>/dev/null &\n",
            "test -n \"$CI\" && exec 2>/dev/null\n",
            "f() { exec 2>/dev/null; }\n",
            "echo 'exec 2>/dev/null'\n",
        ] {
            assert_eq!(muted(fine, 9), None, "{fine}");
        }
        let stop = scan("exec 2>/dev/null\nexit 0\nexec 2>x\n").unwrap();
        assert_eq!(stop.stop.map(|s| s.line), Some(2));
        assert_eq!(stop.redirects.len(), 1, "nothing below the stop runs");
    }

    #[test]
    fn text_it_cannot_follow_is_unclear() {
        for text in [
            "echo 'open\n",
            "echo \"open\n",
            "if true; then\n  echo\n",
            "fi\n",
            "cat <<EOF\nno end\n",
            "x=$(echo\n",
            "echo `open\n",
            "}\n",
        ] {
            assert!(first_stop(text).is_err(), "{text}");
        }
    }

    proptest::proptest! {
        /// Any text (shell fragments mixed in) gets an answer, never a panic, and a stop it
        /// names is a line of that text.
        #[test]
        fn any_text_gets_an_answer(parts in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    "exit", "exec", "if", "fi", "then", "case", "esac", "in", ")", "(", ";;",
                    "{", "}", "<<EOF", "EOF", "'", "\"", "`", "$(", "\\", "#", ";", "&&", "|",
                    "\n", " ", "2>&1", "do", "done", "for", "function", "=",
                ]).prop_map(str::to_owned),
                "[a-z0-9 ]{0,4}",
            ],
            0..40,
        )) {
            let text = parts.concat();
            if let Ok(Some(stop)) = first_stop(&text) {
                proptest::prop_assert!(stop.line >= 1 && stop.line <= text.lines().count());
            }
        }
    }
}
