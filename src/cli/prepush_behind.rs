//! What a branch push leaves behind: the release tags on the commits it sends, named in one
//! line with the push that sends them.

use std::io::Write;

use crate::prepush;

/// The runbook's "don't forget to push the tag", in one line with the command that does it;
/// a tag pre-push would refuse as it is gets a line of its own, with the way to one it takes
/// (never a push that would be refused, nor `--follow-tags` for a lightweight tag).
pub(super) fn left_behind(err: &mut dyn Write, tags: &[prepush::LeftBehind], remote: &str) {
    let (refused, pushable): (Vec<_>, Vec<_>) = tags.iter().partition(|t| t.refused.is_some());
    for t in refused {
        let Some((problems, fix)) = &t.refused else {
            continue;
        };
        let _ = writeln!(
            err,
            "relhook: release tag {} on commits this push sends stays behind, and pre-push would refuse it as it is:",
            t.name
        );
        for p in problems {
            let _ = writeln!(err, "    - {p}");
        }
        let _ = writeln!(err, "    fix: {fix}");
    }
    if pushable.is_empty() {
        return;
    }
    let names: Vec<String> = pushable
        .iter()
        .map(|t| crate::shellword::quote(&t.name))
        .collect();
    let names = names.join(" ");
    let (what, verb) = if pushable.len() == 1 {
        ("release tag", "stays")
    } else {
        ("release tags", "stay")
    };
    let untested: Vec<(&str, &str)> = pushable
        .iter()
        .filter_map(|t| Some((t.name.as_str(), t.test_step.as_deref()?)))
        .collect();
    let first = match untested.as_slice() {
        [] => String::new(),
        [(_, step)] => format!("{step}; then "),
        _ => {
            let each: Vec<String> = untested.iter().map(|(n, s)| format!("{n}: {s}")).collect();
            format!("{}; then ", each.join("; "))
        }
    };
    // git sends a lightweight tag only by name: `--follow-tags` would leave it behind again.
    let also = if pushable.iter().any(|t| t.lightweight) {
        " (git pushes a lightweight tag only by name)"
    } else {
        " (or push with `--follow-tags`; `git config push.followTags true` makes that the default)"
    };
    let _ = writeln!(
        err,
        "relhook: {what} {names} on commits this push sends {verb} behind: {first}`git push {} {names}`{also}",
        crate::shellword::quote(remote)
    );
}

/// The release tags from before `relhook install` a branch push leaves behind, in one line:
/// their push is not judged, so there is nothing to predict of them (nor to make again).
pub(super) fn old_left_behind(err: &mut dyn Write, n: usize, remote: &str) {
    if n == 0 {
        return;
    }
    let (verb, them, are) = if n == 1 {
        ("stays", "it", "it is")
    } else {
        ("stay", "them", "they are")
    };
    let _ = writeln!(
        err,
        "relhook: note: {} from before `relhook install` {verb} behind (`git push {} --tags` sends {them}; {are} not judged)",
        crate::commit::report::plural(n, "release tag"),
        crate::shellword::quote(remote)
    );
}
