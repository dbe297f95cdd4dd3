//! QA206: `relhook changelog --rebuild` writes a section for each release tag HEAD reaches (and
//! for another line's release only where the file has one), but said nothing of the release
//! tags HEAD does not reach that it left out: on Vue's `main` the 30 `v3.6.0` pre-releases of
//! the `minor` line went without a word, which reads as a rebuild that missed them. It now
//! names them in one line (how many, the newest few) with why they are left out.

use crate::support::{Repo, ok, stderr, text};

/// `v1.0.0` and `v1.0.1` on main; `pre` pre-releases of 1.1.0 on a `minor` line off 1.0.0.
fn with_a_minor_line(pre: usize) -> Repo {
    let repo = Repo::new();
    repo.commit("feat: a");
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["checkout", "-q", "-b", "minor"]);
    for n in 1..=pre {
        repo.commit(&format!("feat: next {n}"));
        let tag = format!("v1.1.0-alpha.{n}");
        repo.git(&["tag", "-a", &tag, "-m", &tag]);
    }
    repo.git(&["checkout", "-q", "main"]);
    repo.commit("fix: d");
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    repo
}

fn rebuilt_said(repo: &Repo) -> String {
    let out = ok(repo.relhook(&["changelog", "--rebuild"]));
    let log = repo.read("CHANGELOG.md");
    assert!(
        log.contains("## [1.0.1]") && !log.contains("alpha"),
        "{log}\n{}",
        text(&out)
    );
    stderr(&out)
}

#[test]
fn a_rebuild_names_the_release_tags_head_does_not_reach() {
    let said = rebuilt_said(&with_a_minor_line(4));
    assert!(
        said.lines().any(|l| l
            == "relhook: left out v1.1.0-alpha.4, v1.1.0-alpha.3, v1.1.0-alpha.2 and 1 more (4 release tags HEAD does not reach): another line's releases, which CHANGELOG.md has no section for (a rebuild writes one only where the file has it)"),
        "{said}"
    );
}

#[test]
fn a_few_are_all_named() {
    let said = rebuilt_said(&with_a_minor_line(2));
    assert!(
        said.contains("relhook: left out v1.1.0-alpha.2 and v1.1.0-alpha.1 (2 release tags HEAD does not reach)"),
        "{said}"
    );
}

#[test]
fn a_rebuild_with_every_tag_in_reach_says_nothing_of_them() {
    let said = rebuilt_said(&with_a_minor_line(0));
    assert!(!said.contains("does not reach"), "{said}");
}
