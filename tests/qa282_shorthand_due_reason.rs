//! QA282: `version --all --next` said a dependent whose `workspace:*` on a sibling went stale
//! was due because "a dependency's requirement changed: a", though no requirement changes
//! (`workspace:*` stays as written): what moved is the version it publishes.

use crate::qa272_shorthand_after_hand_tag::hand_tagged;
use crate::support::{ok, text};

#[test]
fn a_stale_shorthand_is_said_as_the_version_it_publishes_moving() {
    let repo = hand_tagged("workspace:*");
    let next = ok(repo.relhook(&["version", "--all", "--next"]));
    let said = text(&next);
    assert!(
        said.contains("b 2.1.0 -> 2.1.1 (a dependency it publishes moved: a 1.0.1)"),
        "{said}"
    );
    assert!(!said.contains("requirement changed"), "{said}");
}
