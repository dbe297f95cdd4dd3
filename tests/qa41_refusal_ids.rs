//! QA41: pre-push refusals about a release tag named tag objects and commits alike by a bare
//! id (`origin already has v0.1.1 at <tag object>, … tagged on <commit>`), where the line above
//! names a commit. A refusal that names a tag object now says which id is which.

use crate::support::{Repo, clone_installed, ok, stderr, text, untested_installed};

/// Each id in the refusal's problem lines that name a tag object is said as what it is:
/// `tag object X`, `commit X`, or `X (not in this clone)`.
fn ids_said_as_what_they_are(repo: &Repo, err: &str) {
    let mut tag_objects = 0;
    for line in err.lines().filter(|l| l.trim_start().starts_with("- ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let ids: Vec<(usize, &str)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (i, w.trim_matches(|c: char| !c.is_ascii_hexdigit())))
            .filter(|(_, w)| w.len() == 9 && w.chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        let kind = |id: &str| {
            let out = repo.git_output(&["cat-file", "-t", id]);
            String::from_utf8_lossy(&out.stdout).trim().to_owned()
        };
        if !ids
            .iter()
            .any(|(_, id)| kind(id) == "tag" || kind(id).is_empty())
        {
            continue; // commit ids throughout
        }
        for (i, id) in ids {
            let before = words[..i].join(" ");
            let labelled = match kind(id).as_str() {
                "tag" => before.ends_with("tag object"),
                "commit" => before.ends_with("commit"),
                // Not here: labelled by what the remote said it is, or said to be absent.
                _ => {
                    before.ends_with("tag object")
                        || before.ends_with("commit")
                        || words
                            .get(i + 1..i + 5)
                            .is_some_and(|w| w.join(" ").starts_with("(not in this clone)"))
                }
            };
            tag_objects += 1;
            assert!(labelled, "{id} ({}) unlabelled in: {line}", kind(id));
        }
    }
    assert!(tag_objects > 0, "no tag object named: {err}");
}

#[test]
fn a_branch_push_leaving_another_release_behind_says_which_id_is_which() {
    let (repo, _) = crate::qa41_both_released::both_released();
    let out = repo.git_output(&["push", "--follow-tags", "origin", "main"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    ids_said_as_what_they_are(&repo, &stderr(&out));
}

#[test]
fn a_tag_push_over_a_tag_this_clone_lacks_says_which_id_is_which() {
    let repo = untested_installed();
    let origin = repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.git_output(&["push", "-q", "-u", "origin", "main"]));
    let b = clone_installed(&repo, &origin, "b");
    ok(repo.relhook_in(&b, &["release"]));
    ok(repo.git_in(&b, &["push", "-q", "--follow-tags", "origin", "main"], &[]));
    // Here, a tag of that name past the hook, on a commit that is no release of it.
    repo.commit_hooked("fix: b");
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.1.0", "-m", "mine"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "origin", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = stderr(&out);
    assert!(err.contains("origin already has v0.1.0"), "{err}");
    ids_said_as_what_they_are(&repo, &err);
}

#[test]
fn a_tag_made_again_on_its_published_commit_says_which_id_is_which() {
    let repo = untested_installed();
    repo.with_origin();
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    ok(repo.git_output(&["push", "-q", "--follow-tags", "-u", "origin", "main"]));
    let out = repo.git_skipping_relhook(&["tag", "-f", "-a", "v0.1.0", "-m", "again"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.git_output(&["push", "-f", "origin", "v0.1.0"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    ids_said_as_what_they_are(&repo, &stderr(&out));
}
