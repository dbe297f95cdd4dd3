//! QA74: `release --dry-run` shows each file it would edit as a diff, and a lerna package in a
//! folder named with a line break split the diff's `---`/`+++` headers, printing the rest of
//! the name as a line of its own. The names are now quoted as git's own diff quotes them.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_dry_runs_diff_quotes_a_folder_named_with_a_line_break_as_git_does() {
    let repo = Repo::new();
    repo.write(
        "lerna.json",
        r#"{"version":"0.1.0","packages":["packages/*"]}"#,
    );
    repo.write("package.json", r#"{"name":"root","private":true}"#);
    repo.write(
        "packages/e\nFAKE: x/package.json",
        r#"{"name":"e","version":"0.1.0"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: x");
    ok(repo.relhook(&["release"]));
    repo.commit_hooked("fix: y");
    let out = ok(repo.relhook(&["release", "--dry-run"]));
    assert!(
        !text(&out).lines().any(|l| l.starts_with("FAKE")),
        "{}",
        text(&out)
    );
    let said = stdout(&out);
    assert!(
        said.contains("--- \"a/packages/e\\nFAKE: x/package.json\"\n+++ \"b/packages/e\\nFAKE: x/package.json\"\n"),
        "{said}"
    );
}
