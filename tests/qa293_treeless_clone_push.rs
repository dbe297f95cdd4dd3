//! QA293: a push from a treeless clone (`git clone --filter=tree:0`) of release tags made in
//! another clone since. The clone lacks their trees as well as their changelogs: pre-push
//! asked git for each tag's (and each tag's parent's) tree alone, a connection to the
//! remote each (12 for two tags and their parents, each tree and subtree), before the one
//! fetch of the changelogs. The trees now come in one fetch too.

use crate::qa273_partial_clone_push::pushed_from_a_clone_filtered;

#[test]
fn a_treeless_clone_fetches_the_trees_of_the_tags_it_pushes_at_once() {
    // One fetch for the trees the checks read through, one for the files they read.
    assert_eq!(pushed_from_a_clone_filtered("--filter=tree:0", |_| {}), 2);
}
