//! QA136: a project that keeps its Keep a Changelog file under another common name
//! (HISTORY.md, CHANGES.md) got a second changelog, an empty CHANGELOG.md, beside it from
//! `relhook init` and from its first hooked commit, and doctor said all was well. init now
//! names the project's file in the new .relconfig.toml; post-commit and doctor say what to
//! set; a NEWS.md of prose is not taken for a changelog.

use crate::qa134_init_changelog_case::{KEPT, init_adopts};
use crate::support::{Repo, ok, stdout, text};

#[test]
fn init_names_the_changelog_kept_as_history_md_and_writes_no_second_one() {
    let (repo, said) = init_adopts("HISTORY.md");
    assert!(
        said.contains("set `[changelog] path = \"HISTORY.md\"`: the changelog here is HISTORY.md, and relhook makes no second one named CHANGELOG.md beside it\n"),
        "{said}"
    );
    assert!(!repo.path().join("CHANGELOG.md").exists());
}

#[test]
fn init_takes_no_news_of_prose_for_a_changelog() {
    let repo = Repo::new();
    repo.write("NEWS.md", "# News\n\nWe moved to a new forge.\n");
    let out = ok(repo.relhook(&["init"]));
    assert!(repo.path().join("CHANGELOG.md").exists(), "{}", text(&out));
    assert!(
        repo.read(".relconfig.toml")
            .contains("\npath = \"CHANGELOG.md\"\n")
    );
}

#[test]
fn post_commit_makes_no_changelog_md_beside_history_md_and_says_what_to_set() {
    let repo = Repo::new();
    repo.write("HISTORY.md", KEPT);
    repo.git(&["add", "HISTORY.md"]);
    repo.git(&["commit", "-q", "-m", "chore: x"]);
    ok(repo.relhook(&["install"]));

    let out = repo.try_commit("feat: a");
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(!repo.path().join("CHANGELOG.md").exists(), "{said}");
    assert_eq!(
        repo.git(&["ls-tree", "--name-only", "HEAD", "CHANGELOG.md"]),
        ""
    );
    assert_eq!(repo.read("HISTORY.md"), KEPT);
    assert!(
        said.contains("no entry added: the changelog here is HISTORY.md (Keep a Changelog), and relhook makes no second one named CHANGELOG.md beside it: set `path = \"HISTORY.md\"` under `[changelog]` in .relconfig.toml; then `relhook changelog --sync` adds this one"),
        "{said}"
    );
    // doctor says so too, with the same setting, instead of all being well.
    let doctor = repo.relhook(&["doctor"]);
    let report = stdout(&doctor);
    assert_eq!(doctor.status.code(), Some(1), "{report}");
    assert!(
        report.contains(" INVALID  changelog: the changelog here is HISTORY.md (Keep a Changelog), and relhook makes no second one named CHANGELOG.md beside it: post-commit adds no entries\n          fix: set `path = \"HISTORY.md\"` under `[changelog]` in .relconfig.toml\n"),
        "{report}"
    );
    // `--sync` and `--rebuild` make no second file either, in the same words (the rebuild to
    // standard output writes nothing, so it prints).
    for args in [&["changelog", "--sync"][..], &["changelog", "--rebuild"]] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert!(
            text(&out).contains("the changelog here is HISTORY.md (Keep a Changelog), and relhook makes no second one named CHANGELOG.md beside it; set `path = \"HISTORY.md\"` under `[changelog]` in .relconfig.toml, then run this again"),
            "{args:?}: {}",
            text(&out)
        );
        assert!(!repo.path().join("CHANGELOG.md").exists(), "{args:?}");
    }
    ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    // The setting, pasted, then the command: the entry goes into HISTORY.md.
    repo.write(".relconfig.toml", "[changelog]\npath = \"HISTORY.md\"\n");
    ok(repo.sh("relhook changelog --sync"));
    assert!(!stdout(&repo.relhook(&["doctor"])).contains("INVALID  changelog"));
    assert!(repo.read("HISTORY.md").contains("### Added\n\n- a\n"));
    assert!(!repo.path().join("CHANGELOG.md").exists());

    // A NEWS.md of prose is no changelog: the first entry starts CHANGELOG.md as before.
    let repo = Repo::new();
    repo.write("NEWS.md", "# News\n\nWe moved to a new forge.\n");
    repo.git(&["add", "NEWS.md"]);
    repo.git(&["commit", "-q", "-m", "chore: x"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: a");
    assert!(repo.read("CHANGELOG.md").contains("- a\n"));
}
