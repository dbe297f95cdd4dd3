//! Unresolved conflict markers in a changelog: a release, a hand tag, post-commit and
//! pre-push all refuse to build on them.

/// The 1-based line of the first unresolved conflict in `text`: a `<<<<<<< ` line, then a
/// `=======` line alone (after an optional `||||||| ` base), then a `>>>>>>> ` line, each at a
/// line start and outside a code fence, as git (and [`marked`]) writes them. A lone `=======`
/// is a setext heading's underline, not a conflict.
pub fn conflict_markers(text: &str) -> Option<usize> {
    // The open fence: its character and length (CommonMark: a closing fence is a run of the
    // same character at least as long, with nothing after it).
    let mut fence: Option<(char, usize)> = None;
    let mut open: Option<usize> = None;
    let mut middle = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = line.trim_start();
        // Inside a conflict opened outside any fence, a fence one side added does not hide
        // the rest of the conflict.
        if let Some(c) = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')
            && open.is_none()
        {
            let run = trimmed.chars().take_while(|x| *x == c).count();
            if run >= 3 {
                match fence {
                    Some((f, n)) if f == c && run >= n && trimmed[run..].trim().is_empty() => {
                        fence = None
                    }
                    None => fence = Some((c, run)),
                    Some(_) => {}
                }
                continue;
            }
        }
        if fence.is_some() {
            continue;
        }
        if line.starts_with("<<<<<<< ") || line == "<<<<<<<" {
            open = Some(i + 1);
            middle = false;
        } else if line == "=======" && open.is_some() {
            middle = true;
        } else if (line.starts_with(">>>>>>> ") || line == ">>>>>>>") && middle {
            return open;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fence_one_side_of_a_conflict_added_does_not_hide_it() {
        let text =
            "## [Unreleased]\n\n<<<<<<< ours\n- a\n\n```sh\nmake\n=======\n- b\n>>>>>>> theirs\n";
        assert_eq!(conflict_markers(text), Some(3));
        // A four-backtick fence holding a three-backtick one: the inner one closes nothing.
        let text = "## [Unreleased]\n\n````markdown\n```\n<<<<<<< ours\n- a\n=======\n- b\n>>>>>>> theirs\n```\n````\n";
        assert_eq!(conflict_markers(text), None);
        // A conflict shown inside a fence (documentation) is none.
        let text = "## [Unreleased]\n\n```\n<<<<<<< ours\n=======\n>>>>>>> theirs\n```\n";
        assert_eq!(conflict_markers(text), None);
    }
}
