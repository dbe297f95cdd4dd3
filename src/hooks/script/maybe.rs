//! The first top-level command that may end the script on some runs, with success: an `exit`
//! inside an `if`, loop, `case` or `{ … }` group, or after `&&`/`||` (`[ -n "$CI" ] && exit
//! 0`), a top-level `return` (dash ends the script with it), or a call of a function whose
//! body may exit. A call below it does not run on those runs, and git takes the commit
//! unchecked, so relhook's goes above it. A failing exit is a veto (git refuses the commit
//! whatever runs below): `exit 1`, and `cmd || exit` or `cmd || exit $?`, which carry `cmd`'s
//! failure. An `exit` in a subshell, a pipeline or the background ends only that, and one in a
//! function body counts where the function is called.

use std::collections::HashSet;

/// A pending `exit`: where its top-level command starts, and at what nesting depth it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pending {
    line: usize,
    starts_line: bool,
    /// A `|` at a depth below this pipes it (a separator at a depth ends its pipeline there).
    pipe_below: usize,
    /// A `&` at a depth below this sends it to the background (`&&`/`||` do not end the list).
    background_below: usize,
}

/// What decides whether the last `exit` is a veto: the words that may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// No `exit` waits for its status.
    None,
    /// The `exit` that made the pending one (or a function's) waits; `after_or`: it followed
    /// `||`, so without a status, or with `$?`, it carries a failure.
    Next { after_or: bool },
    /// An `exec` waits for a program: one ends the script (`[ -n "$CI" ] && exec true`);
    /// only redirections (`exec >log`) do not.
    Exec(Pending),
}

#[derive(Debug)]
pub(super) struct Maybe {
    /// The first confirmed one: its top-level command's line, and whether that starts its line.
    pub(super) found: Option<(usize, bool)>,
    pending: Option<Pending>,
    /// Per depth (0 is the top level): a `|` came since the last separator there, so what
    /// follows at that depth or inside it runs in a subshell.
    piped: Vec<bool>,
    /// The depth of the outermost subshell or function body the parser is in, and the
    /// function's name for a body.
    sealed: Option<(usize, Option<String>)>,
    /// The next compound command is the body of the function so named.
    body_next: Option<String>,
    /// Whether the last `exit` waits for its status word.
    status: Status,
    /// The last operator was `||`.
    after_or: bool,
    /// An `exit` in the body of the function so named, waiting for its status.
    exiting: Option<String>,
    /// The functions whose bodies may exit with success.
    exits: HashSet<String>,
}

impl Default for Maybe {
    fn default() -> Self {
        Maybe {
            found: None,
            pending: None,
            piped: Vec::new(),
            sealed: None,
            body_next: None,
            status: Status::None,
            after_or: false,
            exiting: None,
            exits: HashSet::new(),
        }
    }
}

impl Maybe {
    fn piped_at(&mut self, depth: usize) -> &mut bool {
        if self.piped.len() <= depth {
            self.piped.resize(depth + 1, false);
        }
        &mut self.piped[depth]
    }

    /// A function named `name` and its `()` came: its body follows.
    pub(super) fn body_follows(&mut self, name: Option<&str>) {
        self.body_next = Some(name.unwrap_or_default().to_owned());
    }

    /// A frame opens at `depth` (the stack's length before it): a subshell or a body seals it.
    pub(super) fn open(&mut self, depth: usize, subshell: bool) {
        let body = self.body_next.take();
        if (subshell || body.is_some()) && self.sealed.is_none() {
            self.sealed = Some((depth, body));
        }
        self.after_or = false;
        *self.piped_at(depth + 1) = false;
    }

    /// The frame that opened at `depth` closed.
    pub(super) fn close(&mut self, depth: usize) {
        if self.sealed.as_ref().is_some_and(|(d, _)| *d == depth) {
            self.sealed = None;
        }
        self.piped.truncate(depth + 1);
    }

    /// A command word at `depth`: an `exit` (or a top-level `return`), or a call of a function
    /// that may exit, in the top-level command that started on `line` (not that command itself
    /// when it is an `exit`: that one is the parser's unconditional stop).
    pub(super) fn command(&mut self, word: &str, line: usize, starts_line: bool, depth: usize) {
        let ends = word == "exit" || (word == "return" && self.sealed.is_none());
        if word == "exec" {
            let piped = (0..=depth).any(|d| self.piped.get(d).copied().unwrap_or(false));
            if self.sealed.is_none() && !piped && self.pending.is_none() && self.found.is_none() {
                self.status = Status::Exec(Pending {
                    line,
                    starts_line,
                    pipe_below: depth + 1,
                    background_below: depth + 1,
                });
            }
            return;
        }
        if !ends && !self.exits.contains(word) {
            return;
        }
        let after_or = std::mem::take(&mut self.after_or);
        if let Some((_, Some(name))) = &self.sealed {
            // In a function's body: it counts where the function is called.
            if ends && !self.exits.contains(name) {
                self.exiting = Some(name.clone());
                self.status = Status::Next { after_or };
            } else if !ends {
                self.exits.insert(name.clone());
            }
            return;
        }
        let piped = (0..=depth).any(|d| self.piped.get(d).copied().unwrap_or(false));
        if self.sealed.is_some() || piped || self.pending.is_some() || self.found.is_some() {
            return;
        }
        self.pending = Some(Pending {
            line,
            starts_line,
            pipe_below: depth + 1,
            background_below: depth + 1,
        });
        if ends {
            self.status = Status::Next { after_or };
        }
    }

    /// The status word, if it is the one an `exit` waits for: a failure is a veto.
    pub(super) fn argument(&mut self, word: &str) {
        let after_or = match std::mem::replace(&mut self.status, Status::None) {
            Status::Next { after_or } => after_or,
            // A program after `exec`: the script ends there on the runs that reach it.
            Status::Exec(p) => {
                self.pending = Some(p);
                return;
            }
            Status::None => return,
        };
        let fails = word.parse::<i64>().is_ok_and(|n| n != 0) || (after_or && word == "$?");
        self.settle_status(fails);
    }

    /// The `exit` waiting for its status got none (`cmd || exit`: a failure), or `fails`.
    fn settle_status(&mut self, fails: bool) {
        match self.exiting.take() {
            Some(name) if !fails => {
                self.exits.insert(name);
            }
            Some(_) => {}
            None if fails => self.pending = None,
            None => {}
        }
    }

    /// The words after an `exit` ended: without a status, it carries the last one.
    fn status_ended(&mut self) {
        if let Status::Next { after_or } = std::mem::replace(&mut self.status, Status::None) {
            self.settle_status(after_or);
        }
    }

    /// `|` at `depth`.
    pub(super) fn pipe(&mut self, depth: usize) {
        self.status_ended();
        self.after_or = false;
        *self.piped_at(depth) = true;
        if self.pending.is_some_and(|p| depth < p.pipe_below) {
            self.pending = None;
        }
    }

    /// `&&` or `||` (`or`) at `depth`: the pipeline before it ends there.
    pub(super) fn and_or(&mut self, depth: usize, or: bool) {
        self.status_ended();
        self.after_or = or;
        *self.piped_at(depth) = false;
        if let Some(p) = &mut self.pending {
            p.pipe_below = p.pipe_below.min(depth);
        }
    }

    /// `;`, a newline or (`background`) `&` at `depth`: the list before it ends there.
    pub(super) fn separator(&mut self, depth: usize, background: bool) {
        self.status_ended();
        self.after_or = false;
        *self.piped_at(depth) = false;
        if let Some(p) = &mut self.pending {
            if background && depth < p.background_below {
                self.pending = None;
            } else {
                p.pipe_below = p.pipe_below.min(depth);
                p.background_below = p.background_below.min(depth);
            }
        }
    }

    /// The top-level list ended (a newline or `;`, not `&`): a pending `exit` in it counts.
    pub(super) fn list_ended(&mut self) {
        self.status_ended();
        if let Some(p) = self.pending.take() {
            self.found.get_or_insert((p.line, p.starts_line));
        }
    }
}
