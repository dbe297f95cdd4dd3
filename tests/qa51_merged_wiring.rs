//! QA51: a teammate's clone where relhook's wiring came in through a merge's second parent (a
//! `git pull` of origin's wiring commit over a local commit). The install looked for the
//! wiring commit down the first-parent line only, found the merge, and noted the local commit
//! alone: origin's older commits and release tags, on the merged side, were judged as made
//! after the team adopted relhook.

use crate::support::{Repo, ok, pending, text};

/// v0.1.0 on origin, cloned by a teammate; then on origin v0.2.0 (made by an old tool, no
/// changelog), husky, and relhook wired into husky. The teammate commits locally, pulls with
/// a merge (the wiring is the merge's second parent), installs relhook as it advises, and
/// pushes to a new remote `fork`.
#[test]
fn a_wiring_merged_in_from_the_second_parent_notes_the_merged_sides_history() {
    let repo = Repo::new();
    repo.write("f", "1\n");
    repo.git(&["add", "f"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "Add f"]);
    repo.git(&["tag", "-a", "v0.1.0", "-m", "v0.1.0"]);
    let origin = repo.with_origin();
    ok(repo.git_output(&["push", "-q", "--no-verify", "origin", "main", "--tags"]));
    let mate = repo.dir.path().join("mate");
    let url = origin.to_str().unwrap();
    let clone = ["clone", "-q", "-b", "main", url, mate.to_str().unwrap()];
    ok(repo.git_in(repo.dir.path(), &clone, &[]));

    repo.write("f", "2\n");
    repo.git(&["commit", "-q", "--no-verify", "-am", "Change f"]);
    repo.git(&["tag", "-a", "v0.2.0", "-m", "v0.2.0"]);
    repo.write(".husky/pre-commit", "npm test\n");
    repo.git(&["add", ".husky"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: husky"]);
    pending(repo.relhook(&["install"]));
    repo.git(&["add", ".husky"]);
    let wire = [
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "chore: wire relhook into husky",
    ];
    repo.git(&wire);
    ok(repo.git_output(&["push", "-q", "--no-verify", "origin", "main", "--tags"]));

    std::fs::write(mate.join("g"), "g\n").unwrap();
    ok(repo.git_in(&mate, &["add", "g"], &[]));
    let local = ["commit", "-q", "--no-verify", "-m", "docs: add g"];
    ok(repo.git_in(&mate, &local, &[]));
    let pull = ["pull", "-q", "--no-rebase", "--no-edit"];
    ok(repo.git_in(&mate, &pull, &[]));
    ok(repo.relhook_in(&mate, &["install", "--force"]));

    let fork = repo.scratch("fork.git");
    let init = ["init", "-q", "--bare", "-b", "main", fork.to_str().unwrap()];
    ok(repo.git_in(&mate, &init, &[]));
    let add = ["remote", "add", "fork", fork.to_str().unwrap()];
    ok(repo.git_in(&mate, &add, &[]));
    let out = repo.git_in(&mate, &["push", "fork", "main"], &[]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(!said.contains("Change f"), "{said}");
    assert!(!said.contains("git tag -d"), "{said}");
    assert!(
        said.contains(
            "relhook: note: 2 release tags from before `relhook install` stay behind (`git push fork --tags` sends them; they are not judged)"
        ),
        "{said}"
    );
    let out = repo.git_in(&mate, &["push", "fork", "--tags"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
