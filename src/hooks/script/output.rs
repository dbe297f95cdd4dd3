//! Where a hook's output goes after its top-level `exec` redirections (`exec >>log 2>&1`,
//! `exec 2>/dev/null`): they last for the rest of the script, so a command below them writes
//! there too. git hands a hook its own standard error for both 1 and 2.

/// Where file descriptors 0 to 9 point: `None` is where git pointed them (the terminal, for 1
/// and 2), `Some(what)` anywhere else.
#[derive(Debug, Clone)]
pub(super) struct Fds([Option<String>; 10]);

impl Default for Fds {
    fn default() -> Fds {
        Fds(std::array::from_fn(|n| {
            (n > 2).then(|| format!("file descriptor {n}, which is not open"))
        }))
    }
}

impl Fds {
    /// One redirection: `fd` as written (`2` in `2>&1`), the operator, its target.
    pub(super) fn apply(&mut self, fd: Option<u32>, op: &str, target: &str) {
        let default = if op.starts_with('<') { 0 } else { 1 };
        let Ok(fd) = usize::try_from(fd.unwrap_or(default)) else {
            return;
        };
        if fd >= self.0.len() {
            return;
        }
        let to = match op {
            ">&" | "<&" => match target {
                "-" => Some("nowhere (it is closed)".to_owned()),
                t => match t.parse::<usize>() {
                    Ok(n) if n < self.0.len() => self.0[n].clone(),
                    _ => Some(t.to_owned()),
                },
            },
            "<<" | "<<-" => Some("a here-document".to_owned()),
            _ => match target {
                "/dev/tty" => None,
                "/dev/stderr" | "/dev/fd/2" => self.0[2].clone(),
                "/dev/stdout" | "/dev/fd/1" => self.0[1].clone(),
                "" => Some("a file named by an expansion".to_owned()),
                t => Some(t.to_owned()),
            },
        };
        self.0[fd] = to;
    }

    /// Where standard error goes: `None` while it reaches git's (the terminal).
    pub(super) fn stderr(&self) -> Option<String> {
        self.0[2].clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(redirections: &[(Option<u32>, &str, &str)]) -> Option<String> {
        let mut fds = Fds::default();
        for (fd, op, target) in redirections {
            fds.apply(*fd, op, target);
        }
        fds.stderr()
    }

    #[test]
    fn standard_error_follows_the_redirections_in_order() {
        assert_eq!(after(&[]), None);
        let log = Some(".husky/log".to_owned());
        assert_eq!(
            after(&[(None, ">>", ".husky/log"), (Some(2), ">&", "1")]),
            log
        );
        assert_eq!(
            after(&[(Some(2), ">", "/dev/null")]).as_deref(),
            Some("/dev/null")
        );
        assert!(after(&[(Some(2), ">&", "-")]).is_some());
        // Only standard output moved, or standard error sent to it first: still the terminal.
        assert_eq!(after(&[(None, ">", "/dev/null")]), None);
        assert_eq!(after(&[(Some(2), ">&", "1"), (None, ">", "log")]), None);
        assert_eq!(after(&[(Some(1), ">&", "2")]), None);
        // Saved and restored.
        assert_eq!(
            after(&[
                (Some(3), ">&", "2"),
                (Some(2), ">", "/dev/null"),
                (Some(2), ">&", "3")
            ]),
            None
        );
        assert_eq!(after(&[(Some(2), ">", "/dev/tty")]), None);
        assert!(after(&[(Some(2), ">&", "4")]).is_some());
        assert_eq!(
            after(&[(None, "<", "/dev/tty"), (Some(12), ">", "x")]),
            None
        );
    }
}
