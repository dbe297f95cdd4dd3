//! The `--cleanup` git was given on its own command line (`git commit --cleanup=whitespace`,
//! `git merge --cleanup=…`), which git tells no hook: read from the nearest git process above
//! the hook (Linux's /proc; elsewhere nothing is found and the configuration decides).

/// How many processes up the git that runs the hook may be: the shim execs relhook, and a hook
/// manager (husky, lefthook, pre-commit) puts a shell or two between.
const MAX_DEPTH: usize = 6;

/// The `--cleanup` value of the nearest git process above this one, if it was given one.
pub(super) fn given() -> Option<String> {
    let mut pid = std::os::unix::process::parent_id();
    for _ in 0..MAX_DEPTH {
        let raw = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let args: Vec<String> = raw
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let program = args.first()?.rsplit('/').next().unwrap_or_default();
        if program == "git" {
            return in_args(&args[1..]).map(str::to_owned);
        }
        pid = parent_of(pid)?;
    }
    None
}

/// The parent of `pid` (`/proc/<pid>/stat`'s fourth field, after the command in parentheses).
fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 1..];
    after
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
        .filter(|p| *p > 1)
}

/// The last `--cleanup` in git's arguments: `--cleanup=MODE`, `--cleanup MODE`, or an
/// abbreviation git takes (`--cl=MODE`). The value of an option that takes one (`-m`, `-F`,
/// `-c`, …) is skipped: `git commit -m --cleanup=x` is a message.
fn in_args(args: &[String]) -> Option<&str> {
    const TAKES_VALUE: [&str; 22] = [
        "-m",
        "-F",
        "-C",
        "-c",
        "-t",
        "-X",
        "-s",
        "--message",
        "--file",
        "--reuse-message",
        "--reedit-message",
        "--template",
        "--author",
        "--date",
        "--fixup",
        "--squash",
        "--trailer",
        "--strategy",
        "--strategy-option",
        "--git-dir",
        "--work-tree",
        "--config-env",
    ];
    let mut found = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        if arg == "--" {
            break;
        }
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (arg, None),
        };
        if name.len() >= 4 && "--cleanup".starts_with(name) {
            match value {
                Some(v) => found = Some(v),
                None => {
                    found = args.get(i + 1).map(String::as_str);
                    i += 1;
                }
            }
        } else if value.is_none() && TAKES_VALUE.contains(&name) {
            i += 1;
        }
        i += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::in_args;

    fn args(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_owned).collect()
    }

    #[test]
    fn every_spelling_git_takes_is_read() {
        assert_eq!(
            in_args(&args("commit --cleanup=whitespace")),
            Some("whitespace")
        );
        assert_eq!(
            in_args(&args("commit --cleanup scissors -q")),
            Some("scissors")
        );
        assert_eq!(in_args(&args("commit --cl=verbatim")), Some("verbatim"));
        assert_eq!(
            in_args(&args(
                "-c commit.cleanup=strip merge --cleanup=strip --cleanup=whitespace"
            )),
            Some("whitespace")
        );
    }

    #[test]
    fn values_of_other_options_and_paths_are_no_cleanup() {
        assert_eq!(in_args(&args("commit -m --cleanup=whitespace")), None);
        assert_eq!(in_args(&args("commit -q -- --cleanup=whitespace")), None);
        assert_eq!(in_args(&args("commit --c=whitespace")), None);
        assert_eq!(in_args(&args("commit -a")), None);
    }
}
