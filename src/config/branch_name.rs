//! Whether a `release.branches` entry can name a branch: git's rules for a branch name
//! (`git check-ref-format --branch`), but with `*`, which the entries use as a pattern (see
//! `release::preflight::branch_matches`). An entry no branch can match would refuse every
//! release with a blank or impossible name (`git switch ma in`).

/// Why `name` can name no branch, in words for the configuration error; `None` when it can.
pub(super) fn fault(name: &str) -> Option<String> {
    let shown = crate::printable::visible(name);
    let why = match name {
        "" => return Some("an empty name matches no branch; remove it (`branches = []` lets releases be made from any branch)".into()),
        "@" | "HEAD" => "which git keeps for itself",
        _ if name.contains(char::is_control) => return Some(format!(
            "`{shown}` holds a control character, which no branch name can"
        )),
        _ if name.contains(' ') => "it holds a space",
        _ if name.starts_with('-') => "it begins with `-`",
        _ if name.contains("..") => "it holds `..`",
        _ if name.contains("@{") => "it holds `@{`",
        _ if name.starts_with('/') || name.ends_with('/') || name.contains("//") => {
            "it begins or ends with `/`, or holds `//`"
        }
        _ if name.ends_with('.') => "it ends with `.`",
        _ => match name.chars().find(|c| "~^:?[\\".contains(*c)) {
            Some(c) => return Some(format!("`{shown}` is no branch name git allows: it holds `{c}`")),
            None => match name.split('/').find(|p| p.starts_with('.') || p.ends_with(".lock")) {
                Some(_) => "a part of it begins with `.` or ends with `.lock`",
                None => return None,
            },
        },
    };
    Some(format!("`{shown}` is no branch name git allows: {why}"))
}

/// Whether `branch` matches `release.branches` (or `release.channels`) entry `pattern`: `*`
/// matches any run of characters but `/`, as in git's ref patterns; nothing else is special.
pub fn matches(pattern: &str, branch: &str) -> bool {
    let (pattern, branch) = (pattern.as_bytes(), branch.as_bytes());
    // `upto[j]`: whether the pattern read so far matches the branch's first `j` bytes.
    let mut upto = vec![false; branch.len() + 1];
    upto[0] = true;
    for &p in pattern {
        let mut next = vec![false; branch.len() + 1];
        for j in 0..=branch.len() {
            next[j] = if p == b'*' {
                upto[j] || (j > 0 && next[j - 1] && branch[j - 1] != b'/')
            } else {
                j > 0 && upto[j - 1] && branch[j - 1] == p
            };
        }
        upto = next;
    }
    upto[branch.len()]
}

#[cfg(test)]
mod tests {
    use super::fault;

    #[test]
    fn names_git_refuses_are_faults_and_patterns_are_not() {
        for ok in [
            "main",
            "release/*",
            "release/1.x",
            "v2.*",
            "feat-x",
            "a.b",
            "日本",
        ] {
            assert_eq!(fault(ok), None, "{ok}");
        }
        for (bad, said) in [
            ("ma in", "it holds a space"),
            ("a..b", "it holds `..`"),
            ("-x", "it begins with `-`"),
            ("a~1", "it holds `~`"),
            ("a^", "it holds `^`"),
            ("a:b", "it holds `:`"),
            ("a?", "it holds `?`"),
            ("a[b", "it holds `[`"),
            ("a\\b", "it holds `\\`"),
            ("a@{1}", "it holds `@{`"),
            ("/a", "holds `//`"),
            ("a/", "holds `//`"),
            ("a//b", "holds `//`"),
            ("a.", "it ends with `.`"),
            (".a", "begins with `.`"),
            ("x/.a", "begins with `.`"),
            ("a.lock", "ends with `.lock`"),
            ("HEAD", "git keeps for itself"),
            ("@", "git keeps for itself"),
            ("a\u{1b}b", "control character"),
        ] {
            let why = fault(bad).unwrap_or_else(|| panic!("{bad:?} passed"));
            assert!(why.contains(said), "{bad:?}: {why}");
            assert!(!why.contains('\u{1b}'), "{why}");
        }
        assert!(
            fault("")
                .unwrap()
                .starts_with("an empty name matches no branch")
        );
    }
}
