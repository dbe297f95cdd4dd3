//! QA39: `relhook version --explain` showed `it calls for a minor release … next: 1.1.1`
//! without a word on why 1.1.1: the note that v1.1.0 is another branch's tag came only with
//! `--next`, on stderr. The explanation says it, in one line, for a package too.

use crate::support::{Repo, ok, stdout, two_packages};

const WHY: &str = "that would be 1.1.0, but tag {tag} already exists, on a commit this branch does not hold (another branch's), so the next version is 1.1.1, the first above it with no tag\nnext: 1.1.1\n";

#[test]
fn explain_says_why_the_next_version_skips_a_taken_one() {
    let repo = Repo::new();
    repo.commit("chore: start");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v"]);
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.commit("feat: b");
    repo.git(&["tag", "-a", "v1.1.0", "-m", "v"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("feat: c");

    let out = ok(repo.relhook(&["version", "--explain"]));
    let said = stdout(&out);
    assert!(said.contains(&WHY.replace("{tag}", "v1.1.0")), "{said}");
    // Said once in the explanation; `--next` keeps its note on stderr.
    let out = ok(repo.relhook(&["version", "--explain", "--next"]));
    assert!(stdout(&out).starts_with("1.1.1\n"), "{}", stdout(&out));
}

#[test]
fn a_packages_explain_says_it_too() {
    let repo = two_packages(
        r#"{"name": "a", "version": "1.0.0"}"#,
        r#"{"name": "b", "version": "1.0.0"}"#,
    );
    repo.git_skipping_relhook(&["tag", "-a", "a-v1.0.0", "-m", "a"]);
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.write("p/a/b.txt", "b\n");
    repo.git(&["add", "p/a/b.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: b"]);
    repo.git_skipping_relhook(&["tag", "-a", "a-v1.1.0", "-m", "a"]);
    repo.git(&["checkout", "-q", "main"]);
    repo.write("p/a/c.txt", "c\n");
    repo.git(&["add", "p/a/c.txt"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat: c"]);

    let why = WHY.replace("{tag}", "a-v1.1.0");
    let out = ok(repo.relhook(&["version", "--package", "a", "--explain"]));
    assert!(stdout(&out).contains(&why), "{}", stdout(&out));
    let out = ok(repo.relhook(&["version", "--all", "--explain"]));
    let said = stdout(&out);
    assert!(
        said.contains("a 1.0.0 -> 1.1.1\n") && said.contains(&why),
        "{said}"
    );
}
