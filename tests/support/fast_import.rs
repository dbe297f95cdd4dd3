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
