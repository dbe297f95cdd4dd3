//! QA219: `relhook release` bounded its first read of a version file (1 MiB, 64 MiB for a
//! lock) but not the reads just before a rewrite: a dependent's package.json over the bound
//! was read whole to move its requirement, then refused as having "uncommitted changes" it
//! did not have. Every such read is bounded now: the file is refused in one line naming it
//! and the limit, never read whole, and nothing is written.

use crate::support::{stderr, text, two_packages};

#[test]
fn a_dependent_manifest_over_the_bound_is_refused_in_one_line() {
    let b = format!(
        "{{\"name\": \"b\", \"version\": \"1.0.0\", \"dependencies\": {{\"a\": \"^1.0.0\"}}, \"description\": \"{}\"}}\n",
        "x".repeat(2 << 20)
    );
    let repo = two_packages("{\"name\": \"a\", \"version\": \"1.0.0\"}\n", &b);
    for tag in ["a-v1.0.0", "b-v1.0.0"] {
        let out = repo.git_skipping_relhook(&["tag", "-a", tag, "-m", tag]);
        assert!(out.status.success(), "{}", text(&out));
    }
    repo.write("p/a/x.js", "\n");
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "feat(a): x"]);
    let head = repo.git(&["rev-parse", "HEAD"]);
    let out = repo.relhook(&["release", "--package", "a"]);
    assert!(!out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{}", text(&out));
    assert!(
        err.starts_with("relhook: error: cannot read `")
            && err.trim_end().ends_with(
                "p/b/package.json`: it is larger than 1 MiB, the most relhook reads of a project file like it"
            ),
        "{}",
        text(&out)
    );
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head);
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
