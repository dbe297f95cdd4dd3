//! QA27: the first push of a long history with many release tags to a new, empty remote (a
//! move to a new forge: `git push --follow-tags`, `--tags`, `--mirror`), from a clone that
//! knows no other remote. pre-push walked the commits each pushed ref brings once per ref:
//! every tag's walk went down to the root, O(tags × history). The commits of all the pushed
//! refs are walked once together; a refusal still names every pushed ref that brings its
//! commit, and its `git rebase -i` advice is still the one for the first such ref.

use crate::qa23_history_cost::{counted, file_change, main_commit, tag_commit, walked};
use crate::support::{Repo, installed_repo, ok, stderr, text};

/// Commits in the history, and a release tag every `EVERY` of them.
const COMMITS: usize = 2_000;
const EVERY: usize = 20;
const TAGS: usize = COMMITS / EVERY;

/// One `git fast-import`: `COMMITS` `fix:` commits on main, an annotated release tag `v1.K.0`
/// on every `EVERY`th; then relhook installed over it (the history and its tags are from
/// before the install) and a new, empty bare remote `forge`, the only remote.
fn installed_over_a_long_history() -> Repo {
    long_history_with(|_| {})
}

/// [`installed_over_a_long_history`], with `edit` given the stream after each commit of main.
fn long_history_with(mut edit: impl FnMut(&mut String)) -> Repo {
    let repo = Repo::new();
    let mut stream = String::new();
    for i in 1..=COMMITS {
        let when = main_commit(&mut stream, i);
        edit(&mut stream);
        file_change(&mut stream, i);
        if i % EVERY == 0 {
            tag_commit(&mut stream, &format!("v1.{}.0", i / EVERY), i, when);
        }
    }
    repo.fast_import(&stream);
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: configuration"]);
    ok(repo.relhook(&["install"]));
    let forge = repo.scratch("forge.git");
    repo.git(&["init", "-q", "--bare", forge.to_str().unwrap()]);
    repo.git(&["remote", "add", "forge", forge.to_str().unwrap()]);
    repo
}

/// `push ARGS` of the whole history and its tags to the empty remote: it goes, and pre-push
/// steps through each commit about once, not once per tag that holds it.
fn pushed_in_one_walk(args: &[&str], tags_pushed: usize) {
    let repo = installed_over_a_long_history();
    let out = counted(&repo, args);
    let err = stderr(&out);
    assert!(out.status.success(), "{}", text(&out));
    let pushed = repo.git(&["ls-remote", "--tags", "forge"]);
    assert_eq!(pushed.lines().count(), 2 * tags_pushed, "{pushed}");
    let steps = walked(&out);
    assert!(
        steps <= 3 * COMMITS,
        "`git {}` of a {COMMITS}-commit history with {TAGS} release tags to an empty remote stepped through {steps} commits:\n{}",
        args.join(" "),
        err.lines().take(40).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn a_first_push_with_follow_tags_walks_the_history_once_not_once_per_tag() {
    pushed_in_one_walk(&["push", "--follow-tags", "forge", "main"], TAGS);
}

#[test]
fn a_first_mirror_push_walks_the_history_once_not_once_per_tag() {
    pushed_in_one_walk(&["push", "--mirror", "forge"], TAGS);
}

/// A commit that never met the hooks, under a tag and the branch, both pushed to an empty
/// remote with a second bad commit only the branch has: the shared one is refused once,
/// naming both refs; the other names the branch alone; each says to rebase from the root.
#[test]
fn a_commit_shared_by_pushed_refs_is_refused_once_naming_each() {
    let repo = installed_repo();
    let forge = repo.scratch("forge.git");
    repo.git(&["init", "-q", "--bare", forge.to_str().unwrap()]);
    repo.git(&["remote", "add", "forge", forge.to_str().unwrap()]);
    repo.write("a.txt", "a\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "shared bad one"]);
    let shared = repo.git(&["rev-parse", "--short", "HEAD"]);
    repo.commit_hooked("fix: fine");
    repo.git(&["tag", "marker"]);
    repo.write("b.txt", "b\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "branch bad one"]);
    let own = repo.git(&["rev-parse", "--short", "HEAD"]);
    let out = repo.git_output(&["push", "-q", "forge", "main", "marker"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(repo.git(&["ls-remote", "forge"]), "", "nothing was pushed");
    let line = |id: &str| {
        err.lines()
            .find(|l| l.starts_with("✗ ") && l.contains(id))
            .unwrap_or_else(|| panic!("no refusal of {id}:\n{err}"))
            .to_owned()
    };
    let shared_line = line(&shared);
    assert!(
        shared_line.contains("refs/heads/main") && shared_line.contains("refs/tags/marker"),
        "{err}"
    );
    let own_line = line(&own);
    assert!(
        own_line.contains("refs/heads/main") && !own_line.contains("refs/tags/marker"),
        "{err}"
    );
    let refusals = err.lines().filter(|l| l.starts_with("✗ "));
    assert_eq!(refusals.filter(|l| l.contains(&shared)).count(), 1, "{err}");
    for id in [&shared, &own] {
        assert!(
            err.contains(&format!("`git rebase -i --root`, mark {id}")),
            "{err}"
        );
    }
}

/// The long history, never adopted (as if made elsewhere with its hooks), with its third
/// commit's header not a Conventional Commit: a first push with every tag is refused once for
/// that commit, naming the branch and every tag, with the tags to move after the rebase; the
/// commits are walked about once, not once per tag (to lint them, nor to find the tags above
/// the refused commit).
#[test]
fn a_refused_commit_below_every_tag_is_found_and_advised_in_one_walk() {
    let mut n = 0;
    let repo = long_history_with(|stream| {
        n += 1;
        if n == 3 {
            let good = "fix: change number 3\n";
            let at = stream.rfind(good).expect("the third commit");
            stream.replace_range(at..at + good.len(), "bad! change number 3\n");
        }
    });
    std::fs::remove_file(repo.path().join(".git/relhook-adopted")).expect("the adoption note");
    let bad = repo.git(&["rev-parse", "main~1998"]);
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s", &bad]),
        "bad! change number 3"
    );
    let out = counted(&repo, &["push", "--follow-tags", "forge", "main"]);
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert_eq!(repo.git(&["ls-remote", "forge"]), "", "nothing was pushed");
    let line = err
        .lines()
        .find(|l| l.starts_with("✗ ") && l.contains("bad! change number 3"))
        .unwrap_or_else(|| panic!("no refusal of the commit:\n{err}"));
    assert!(line.starts_with("✗ refs/heads/main, refs/tags/"), "{line}");
    assert_eq!(line.matches("refs/tags/").count(), TAGS, "{line}");
    for k in [1, TAGS / 2, TAGS] {
        assert!(
            err.contains(&format!("`git tag -d v1.{k}.0 && git tag -a v1.{k}.0")),
            "{err}"
        );
    }
    let steps = walked(&out);
    assert!(
        steps <= 10 * COMMITS,
        "a refused first push of a {COMMITS}-commit history with {TAGS} release tags stepped through {steps} commits:\n{}",
        err.lines().take(20).collect::<Vec<_>>().join("\n")
    );
}
