//! QA285: a push from a partial clone of release tags whose changelogs and version files it
//! has not fetched. The changelogs were fetched in one go (QA273), but each version file at each
//! tag was then read alone, a fetch each; they now come in the same one fetch.

#[test]
fn a_partial_clone_fetches_the_version_files_with_the_changelogs_at_once() {
    let fetches = crate::qa273_partial_clone_push::pushed_from_a_partial_clone(|repo| {
        repo.write(
            "package.json",
            "{\n  \"name\": \"p\",\n  \"version\": \"0.0.0\"\n}\n",
        );
        repo.git(&["add", "package.json"]);
        repo.commit_hooked("chore: a package manifest");
    });
    assert_eq!(fetches, 1);
}
