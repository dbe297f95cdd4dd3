//! QA: in a monorepo whose releases are all the packages' (`a-v1.1.0`), `relhook check` with
//! no upstream said "no upstream and no release tag" and checked all of history, the
//! published commits below the package's release tag with it. It starts at the newest
//! package release tag HEAD reaches now, and says so.

use crate::support::{Repo, stdout, text};

#[test]
fn a_local_check_starts_at_the_newest_package_release_tag() {
    let repo = Repo::new();
    repo.write(
        "a/package.json",
        "{\"name\": \"a\", \"version\": \"1.0.0\"}\n",
    );
    repo.write(
        "b/package.json",
        "{\"name\": \"b\", \"version\": \"1.0.0\"}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.a]\npath = \"a\"\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "old unconventional commit"]);
    repo.write("b/y", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(b): y"]);
    repo.git(&["tag", "-a", "b-v1.0.1", "-m", "b"]);
    repo.write("a/x", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat(a): x"]);
    repo.git(&["tag", "-a", "a-v1.1.0", "-m", "a"]);
    repo.write("b/z", "2\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(b): z"]);
    let out = repo.relhook(&["check"]);
    assert!(out.status.success(), "{}", text(&out));
    let said = stdout(&out);
    assert!(
        said.contains("relhook: checking a-v1.1.0..HEAD: the last release tag `a-v1.1.0`, a package's (no upstream)"),
        "{said}"
    );
    assert!(
        said.contains("checked 1 commit in a-v1.1.0..HEAD"),
        "{said}"
    );
}
