//! QA47: for a file line `## 1.0.0`, post-commit's warning, doctor and the release refusal
//! quoted `## [1.0.0]`, a heading the file does not have. They quote the line as the file
//! writes it now, and the date to write goes on that line as it is.

use crate::support::{Repo, ok, text};

fn bare_heading() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## 1.0.0\n\n- Initial release.\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    let out = ok(repo.git_output(&["commit", "-q", "--allow-empty", "-m", "feat: add b"]));
    (repo, text(&out))
}

#[test]
fn the_undated_heading_is_quoted_as_the_file_writes_it() {
    let (repo, said) = bare_heading();
    assert!(
        said.contains("CHANGELOG.md:9 `## 1.0.0` has no date"),
        "{said}"
    );
    assert!(said.contains("(`## 1.0.0 - YYYY-MM-DD`)"), "{said}");
    assert!(!said.contains("[1.0.0]"), "{said}");
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("`## 1.0.0` has no date"), "{doctor}");
    assert!(!doctor.contains("[1.0.0]"), "{doctor}");
    for args in [
        &["release", "1.0.0", "--no-test"][..],
        &["release", "0.1.0", "--no-test"],
    ] {
        let out = repo.relhook(args);
        let refused = text(&out);
        assert_eq!(out.status.code(), Some(1), "{refused}");
        assert!(refused.contains("`## 1.0.0`"), "{refused}");
        assert!(!refused.contains("[1.0.0]"), "{refused}");
    }
    // The date written where the warning says takes the heading for released.
    let log = repo
        .read("CHANGELOG.md")
        .replace("## 1.0.0", "## 1.0.0 - 2025-01-01");
    repo.write("CHANGELOG.md", log);
    repo.git(&["add", "."]);
    let out = ok(repo.git_output(&["commit", "-q", "-m", "docs: date 1.0.0"]));
    let out = text(&out)
        + &text(&ok(repo.git_output(&[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            "fix: c",
        ])));
    assert!(!out.contains("has no date"), "{out}");
}
