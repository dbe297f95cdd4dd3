//! The labels of the merge driver's conflict markers: git's own, where git passes them (`%X`,
//! `%S`, `%Y`, git 2.44 and later), so a single cherry-pick, a revert, `git am -3`, `git
//! checkout -m` and `git stash pop` are marked as git marks every other file; else told from
//! the operation under way, as git would label it (`git::conflict_labels`).

use std::ffi::OsString;

use crate::cli::Context;
use crate::history::changelog::Markers;

/// The labels git passed the driver: ours, the common ancestor's, theirs.
pub(in crate::cli) struct GivenLabels([Option<String>; 3]);

impl GivenLabels {
    /// From the driver's arguments (ours, base, theirs), each `None` where git passed none:
    /// absent (a driver line registered before), empty, or the placeholder itself, which a
    /// git before 2.44 leaves as it is.
    pub(in crate::cli) fn new(labels: [Option<OsString>; 3]) -> GivenLabels {
        let placeholders = ["%X", "%S", "%Y"];
        let mut given = [None, None, None];
        for ((slot, label), placeholder) in given.iter_mut().zip(labels).zip(placeholders) {
            *slot = label
                .map(|l| l.to_string_lossy().into_owned())
                .filter(|l| !l.is_empty() && l != placeholder);
        }
        GivenLabels(given)
    }
}

/// The markers git would write for this merge: `size` (`%L`), and git's labels: those it
/// passed, the rest told from the operation under way where they can be (else `ours`,
/// `base`, `theirs`).
pub(super) fn markers(ctx: &Context, size: usize, given: GivenLabels) -> Markers {
    let mut m = Markers {
        size: size.max(1),
        ..Markers::default()
    };
    let [ours, base, theirs] = given.0;
    if ours.is_none() || base.is_none() || theirs.is_none() {
        let merged = super::released_words::merged_head_named();
        if let Some(l) = ctx.repo().ok().and_then(|r| r.conflict_labels(merged)) {
            (m.ours, m.base, m.theirs) = (l.ours, l.base, l.theirs);
        }
    }
    for (slot, label) in [
        (&mut m.ours, ours),
        (&mut m.base, base),
        (&mut m.theirs, theirs),
    ] {
        if let Some(label) = label {
            *slot = label;
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_labels_and_unexpanded_placeholders_are_none() {
        let some = |s: &str| Some(OsString::from(s));
        let given = GivenLabels::new([some("HEAD"), some(""), some("%Y")]);
        assert_eq!(given.0, [Some("HEAD".to_owned()), None, None]);
        let given = GivenLabels::new([some("%X"), some("%S"), None]);
        assert_eq!(given.0, [None, None, None]);
        let given = GivenLabels::new([some("Updated upstream"), some("Stash base"), some("x")]);
        assert_eq!(
            given.0,
            [
                Some("Updated upstream".to_owned()),
                Some("Stash base".to_owned()),
                Some("x".to_owned())
            ]
        );
    }
}
