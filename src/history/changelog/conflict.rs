//! Unresolved conflict markers in a changelog: a release, a hand tag, post-commit and
//! pre-push all refuse to build on them; and the markers the merge driver writes.

/// The conflict markers the merge driver writes: git's size (`%L`, the
/// `conflict-marker-size` attribute) and its labels for the operation where they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markers {
    /// How many `<`, `=`, `>` (and `|`) a marker has: 7 unless the attribute says otherwise.
    pub size: usize,
    /// This side's label (`HEAD`).
    pub ours: String,
    /// The common ancestor's label.
    pub base: String,
    /// The other side's label (the merged branch, the commit applied).
    pub theirs: String,
}

impl Default for Markers {
    fn default() -> Self {
        Markers {
            size: 7,
            ours: "ours".into(),
            base: "base".into(),
            theirs: "theirs".into(),
        }
    }
}

impl Markers {
    /// The marker line of `c` repeated, with `label` after a blank when there is one.
    pub fn line(&self, c: char, label: &str) -> String {
        let run = c.to_string().repeat(self.size);
        match label {
            "" => run,
            l => format!("{run} {l}"),
        }
    }
}

/// The size of the run of `c` that `line` is a marker of (at least 7, then a blank or
/// nothing), if it is one.
fn marker(line: &str, c: char) -> Option<usize> {
    let run = line.chars().take_while(|x| *x == c).count();
    let rest = &line[run..];
    (run >= 7 && (rest.is_empty() || rest.starts_with(' '))).then_some(run)
}

/// The 1-based line of the first unresolved conflict in `text`: a `<<<<<<< ` line, then a
/// `=======` line alone (after an optional `||||||| ` base), then a `>>>>>>> ` line, each at a
/// line start and outside a code fence, as git (and [`marked`]) writes them, of 7 characters
/// or the larger size a `conflict-marker-size` attribute asks for. A lone `=======` is a
/// setext heading's underline, not a conflict.
pub fn conflict_markers(text: &str) -> Option<usize> {
    // The open fence: its character and length (CommonMark: a closing fence is a run of the
    // same character at least as long, with nothing after it).
    let mut fence: Option<(char, usize)> = None;
    // The opening marker's line and size: the others are as long.
    let mut open: Option<(usize, usize)> = None;
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
        if let Some(size) = marker(line, '<') {
            open = Some((i + 1, size));
            middle = false;
        } else if let Some((at, size)) = open {
            if line.len() == size && marker(line, '=') == Some(size) {
                middle = true;
            } else if middle && marker(line, '>') == Some(size) {
                return Some(at);
            }
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

    /// QA257: a `conflict-marker-size=12` attribute makes git (and the driver) write longer
    /// markers, which are a conflict all the same; a shorter run is none.
    #[test]
    fn markers_of_a_larger_size_are_a_conflict() {
        let m = Markers {
            size: 12,
            ..Markers::default()
        };
        let text = format!(
            "# C\n{}\n- a\n{}\n- b\n{}\n",
            m.line('<', "HEAD"),
            m.line('=', ""),
            m.line('>', "topic")
        );
        assert_eq!(conflict_markers(&text), Some(2));
        assert_eq!(conflict_markers("<<<<<< a\n- a\n======\n>>>>>> b\n"), None);
        // The middle marker is as long as the opening one.
        assert_eq!(
            conflict_markers("<<<<<<<<<< a\n- a\n=======\n>>>>>>>>>> b\n"),
            None
        );
    }
}
