//! What `--rebuild` says of the sections it kept as the file has them (`sync::rebuild`'s
//! `kept`): which, and how to have one written from history instead; and of the releases it
//! gave no section, as the file accounts for them otherwise (`left_out`).

use std::path::Path;

/// What a rebuild says of `rebuilt`: the sections it kept as written, the releases it left out.
pub(super) fn said(rel: &Path, rebuilt: &crate::history::sync::Rebuilt) -> Vec<String> {
    let left = rebuilt.left_out.as_ref().map(|l| left_out(rel, l));
    kept(rel, &rebuilt.kept).into_iter().chain(left).collect()
}

/// One line naming the releases `left` out and why.
fn left_out(rel: &Path, left: &crate::history::sync::LeftOut) -> String {
    let (them, named) = match left.versions.as_slice() {
        [one] => ("it", one.clone()),
        [first, second] => ("them", format!("{first} and {second}")),
        [first, second, more @ ..] => {
            ("them", format!("{first}, {second} and {} more", more.len()))
        }
        [] => ("them", String::new()),
    };
    format!(
        "left out {named}: {} accounts for {them} without a section of their own ({})",
        rel.display(),
        left.why
    )
}

/// One line naming the release sections `kept` (versions as headed, file order) of `rel`;
/// `None` when the rebuild kept none.
fn kept(rel: &Path, kept: &[String]) -> Option<String> {
    let (first, rest) = kept.split_first()?;
    let named = match rest {
        [] => format!("the section of {first}"),
        [second] => format!("the sections of {first} and {second}"),
        [second, more @ ..] => format!("the sections of {first}, {second} and {} more", more.len()),
    };
    Some(format!(
        "kept {named} as {} has them: history does not give their lines (delete a release's section to have --rebuild write it from its tag)",
        rel.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_two() {
        let v = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rel = Path::new("CHANGELOG.md");
        assert_eq!(kept(rel, &[]), None);
        assert!(
            kept(rel, &v(&["1.0.0"]))
                .unwrap()
                .starts_with("kept the section of 1.0.0 as CHANGELOG.md has them")
        );
        assert!(
            kept(rel, &v(&["2.0.0", "1.0.0", "0.1.0"]))
                .unwrap()
                .starts_with("kept the sections of 2.0.0, 1.0.0 and 1 more as")
        );
    }
}
