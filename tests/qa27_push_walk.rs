//! QA27: the first push of a long history with many release tags to a new, empty remote (a
//! move to a new forge: `git push --follow-tags`, `--tags`, `--mirror`), from a clone that
//! knows no other remote. pre-push walked the commits each pushed ref brings once per ref:
//! every tag's walk went down to the root, O(tags × history). The commits of all the pushed
//! refs are walked once together; a refusal still names every pushed ref that brings its
//! commit, and its `git rebase -i` advice is still the one for the first such ref.

use crate::qa23_history_cost::{counted, main_commit, walked};
use crate::support::{Repo, installed_repo, ok, stderr, text};

/// Commits in the history, and a release tag every `EVERY` of them.
const COMMITS: usize = 2_000;
const EVERY: usize = 20;
const TAGS: usize = COMMITS / EVERY;

/// One `git fast-import`: `COMMITS` `fix:` commits on main, an annotated release tag `v1.K.0`
/// on every `EVERY`th; then relhook installed over it (the history and its tags are from
/// before the install) and a new, empty bare remote `forge`, the only remote.
fn installed_over_a_long_history() -> Repo {
    let repo = Repo::new();
    let mut stream = String::new();
    for i in 1..=COMMITS {
        let when = main_commit(&mut stream, i);
        let body = format!("{i}\n");
        stream.push_str(&format!(
            "M 644 inline f{}\ndata {}\n{body}\n",
            i % 50,
            body.len()
        ));
        if i % EVERY == 0 {
            let name = format!("v1.{}.0", i / EVERY);
            stream.push_str(&format!(
                "tag {name}\nfrom :{}\ntagger A <a@example.com> {when} +0000\ndata {}\n{name}\n",
                i + 10,
                name.len() + 1
            ));
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
