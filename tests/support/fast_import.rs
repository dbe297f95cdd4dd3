//! Synthetic histories for the walk-cost tests, written as `git fast-import` streams.

/// A `fix: change number {mark}` commit on `branch` (a full ref), made at `when` (seconds),
/// on `from` (a mark) when given, changing one of twenty files.
pub fn fix_commit(
    stream: &mut String,
    branch: &str,
    mark: usize,
    when: usize,
    from: Option<usize>,
) {
    let message = format!("fix: change number {mark}\n");
    stream.push_str(&format!(
        "commit {branch}\nmark :{mark}\ncommitter A <a@example.com> {when} +0000\ndata {}\n{message}",
        message.len()
    ));
    if let Some(from) = from {
        stream.push_str(&format!("from :{from}\n"));
    }
    let body = format!("{mark}\n");
    stream.push_str(&format!(
        "M 644 inline f{}\ndata {}\n{body}\n",
        mark % 20,
        body.len()
    ));
}

/// The date of mark 0: each commit of [`main_line`] is a minute after the one before.
pub const BASE: usize = 1_600_000_000;

/// `commits` [`fix_commit`]s on main, marks 1 to `commits`, mark `i` dated `BASE + 60 * i`
/// and on the one before; `after(stream, i)` then adds to the `i`th (a file line, a tag).
pub fn main_line(stream: &mut String, commits: usize, mut after: impl FnMut(&mut String, usize)) {
    for i in 1..=commits {
        fix_commit(
            stream,
            "refs/heads/main",
            i,
            BASE + 60 * i,
            (i > 1).then(|| i - 1),
        );
        after(stream, i);
    }
}

/// A file line of the commit just written: CHANGELOG.md with an empty Unreleased section.
pub fn changelog(stream: &mut String) {
    let log = "# Changelog\n\n## [Unreleased]\n";
    stream.push_str(&format!(
        "M 644 inline CHANGELOG.md\ndata {}\n{log}\n",
        log.len()
    ));
}

/// An annotated tag `name` on mark `mark`, dated `when`, whose message is `message`.
pub fn tag(stream: &mut String, name: &str, mark: usize, when: usize, message: &str) {
    stream.push_str(&format!(
        "tag {name}\nfrom :{mark}\ntagger A <a@example.com> {when} +0000\ndata {}\n{message}\n",
        message.len()
    ));
}
