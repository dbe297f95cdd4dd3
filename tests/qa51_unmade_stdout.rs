//! QA51: with no CHANGELOG.md and no entry to add, `relhook changelog --sync` wrote nothing
//! and said so, while `--sync --stdout` printed a whole empty skeleton: a preview of a file
//! that is never written. It now prints nothing and says the same line. After a release
//! whose commits had entries, that line said "history has no entry for it yet"; it now says
//! nothing since the last release calls for one and names the rebuild that writes the file.

use crate::support::{Repo, next_command, ok, stderr, stdout};

fn commit(repo: &Repo, file: &str, message: &str) {
    repo.write(file, format!("{message}\n"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", message]);
}

/// `--sync` and `--sync --stdout` in `repo` (neither writes): the line both say on stderr.
fn both_say(repo: &Repo, args: &[&str]) -> String {
    let sync = ok(repo.relhook(&[&["changelog", "--sync"], args].concat()));
    let preview = ok(repo.relhook(&[&["changelog", "--sync", "--stdout"], args].concat()));
    assert_eq!(
        stdout(&preview),
        "",
        "--stdout previews a file --sync does not write"
    );
    assert_eq!(stderr(&preview), stderr(&sync));
    assert_eq!(stderr(&sync).lines().count(), 1, "{}", stderr(&sync));
    stderr(&sync)
}

#[test]
fn stdout_previews_nothing_where_sync_writes_nothing() {
    let repo = Repo::new();
    commit(&repo, "a", "chore: start");
    commit(&repo, "b", "docs: add b");
    let said = both_say(&repo, &[]);
    assert_eq!(
        said.trim_end(),
        "relhook: no CHANGELOG.md written: history has no entry for it yet (the first commit that calls for one creates it)"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
}

#[test]
fn after_a_release_the_line_names_the_rebuild_that_writes_its_sections() {
    let repo = Repo::new();
    commit(&repo, "a", "chore: start");
    commit(&repo, "b", "feat: add b");
    commit(&repo, "c", "fix: mend c");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    let said = both_say(&repo, &[]);
    assert!(
        said.contains("nothing since the last release (v1.0.0)"),
        "{said}"
    );
    assert!(!said.contains("no entry for it yet"), "{said}");
    assert!(said.contains("`relhook changelog --rebuild`"), "{said}");
    assert!(!repo.path().join("CHANGELOG.md").exists());

    // Pasted, it writes the release's section; its `next:` commits it.
    let out = ok(repo.sh("relhook changelog --rebuild"));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [1.0.0]") && log.contains("- add b"),
        "{log}"
    );
    ok(repo.sh(&next_command(&stderr(&out))));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn a_released_package_is_named_in_the_rebuild() {
    let repo = Repo::new();
    repo.write(
        "web/package.json",
        "{ \"name\": \"web\", \"version\": \"0.1.0\" }\n",
    );
    repo.write(
        ".relconfig.toml",
        "[packages.web]\npath = \"web\"\ntag = \"web-v{version}\"\n",
    );
    commit(&repo, "web/a.js", "feat(web): add a");
    repo.git(&["tag", "-a", "web-v0.1.0", "-m", "web-v0.1.0"]);
    let said = both_say(&repo, &["--package", "web"]);
    assert!(said.contains("the last release (web-v0.1.0)"), "{said}");
    let rebuild = "relhook changelog --rebuild --package web";
    assert!(said.contains(&format!("`{rebuild}`")), "{said}");

    ok(repo.sh(rebuild));
    let log = repo.read("web/CHANGELOG.md");
    assert!(log.contains("## [0.1.0]") && log.contains("add a"), "{log}");
}
