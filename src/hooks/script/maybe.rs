//! The first top-level command that may end the script on some runs, with success: an `exit`
//! inside an `if`, loop, `case` or `{ … }` group, or after `&&`/`||` (`[ -n "$CI" ] && exit
//! 0`). A call below it does not run on those runs, and git takes the commit unchecked, so
//! relhook's goes above it. `exit 1` is a veto (git refuses the commit whatever runs below),
//! and an `exit` in a subshell, a function body (it runs where the function is called), a
//! pipeline or the background ends only that: neither counts.

/// A pending `exit`: where its top-level command starts, and at what nesting depth it stands.
#[derive(Debug, Clone, Copy)]
struct Pending {
    line: usize,
    starts_line: bool,
    /// A `|` at a depth below this pipes it (a separator at a depth ends its pipeline there).
    pipe_below: usize,
    /// A `&` at a depth below this sends it to the background (`&&`/`||` do not end the list).
    background_below: usize,
}

#[derive(Debug, Default)]
pub(super) struct Maybe {
    /// The first confirmed one: its top-level command's line, and whether that starts its line.
    pub(super) found: Option<(usize, bool)>,
    pending: Option<Pending>,
    /// Per depth (0 is the top level): a `|` came since the last separator there, so what
    /// follows at that depth or inside it runs in a subshell.
    piped: Vec<bool>,
    /// The depth of the outermost subshell or function body the parser is in.
    sealed: Option<usize>,
    /// The next compound command is a function's body.
    body_next: bool,
    /// The next word is the status of the `exit` that made the pending one.
    status_next: bool,
}

impl Maybe {
    fn piped_at(&mut self, depth: usize) -> &mut bool {
        if self.piped.len() <= depth {
            self.piped.resize(depth + 1, false);
        }
        &mut self.piped[depth]
    }

    /// A function's name and `()` came: its body follows.
    pub(super) fn body_follows(&mut self) {
        self.body_next = true;
    }

    /// A frame opens at `depth` (the stack's length before it): a subshell or a body seals it.
    pub(super) fn open(&mut self, depth: usize, subshell: bool) {
        let body = std::mem::take(&mut self.body_next);
        if (subshell || body) && self.sealed.is_none() {
            self.sealed = Some(depth);
        }
        *self.piped_at(depth + 1) = false;
    }

    /// The frame that opened at `depth` closed.
    pub(super) fn close(&mut self, depth: usize) {
        if self.sealed == Some(depth) {
            self.sealed = None;
        }
        self.piped.truncate(depth + 1);
    }

    /// An `exit` in command position at `depth`, in the top-level command that started on
    /// `line` (not that command itself: that one is the parser's unconditional stop).
    pub(super) fn exit(&mut self, line: usize, starts_line: bool, depth: usize) {
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
        self.status_next = true;
    }

    /// A command's argument: after the pending `exit`, its status; a failure is a veto.
    pub(super) fn argument(&mut self, word: &str) {
        if std::mem::take(&mut self.status_next) && word.parse::<i64>().is_ok_and(|n| n != 0) {
            self.pending = None;
        }
    }

    /// `|` at `depth`.
    pub(super) fn pipe(&mut self, depth: usize) {
        self.status_next = false;
        *self.piped_at(depth) = true;
        if self.pending.is_some_and(|p| depth < p.pipe_below) {
            self.pending = None;
        }
    }

    /// `&&` or `||` at `depth`: the pipeline before it ends there.
    pub(super) fn and_or(&mut self, depth: usize) {
        self.status_next = false;
        *self.piped_at(depth) = false;
        if let Some(p) = &mut self.pending {
            p.pipe_below = p.pipe_below.min(depth);
        }
    }

    /// `;`, a newline or (`background`) `&` at `depth`: the list before it ends there.
    pub(super) fn separator(&mut self, depth: usize, background: bool) {
        self.status_next = false;
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
        if let Some(p) = self.pending.take() {
            self.found.get_or_insert((p.line, p.starts_line));
        }
    }
}
