//! QA158: poetry tags its pre-releases as PEP 440 spells them (`1.2.0a1`, `1.2.0b2`,
//! `1.2.0rc1`). `changelog --rebuild` read none of them as releases (their commits went to
//! the next release's section), while `version` and doctor passed them over. They are now
//! the pre-releases they stand for (`a` < `b` < `rc` < the release), each section headed as
//! the tag spells it; and where the release tags are so spelled, a new one is no slip.

use crate::support::{Repo, hand_tag, ok, stdout, text};

/// Tags without a prefix, as poetry's: `1.0.0`, then a fix and `1.1.0a1`, a fix and
/// `1.1.0b1`, a fix and `1.1.0rc1`.
fn poetry_like() -> Repo {
    let repo = Repo::new();
    repo.write(
        ".relconfig.toml",
        "[version]\ntag_prefix = \"\"\n[checks]\ntest = [\"true\"]\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "1.0.0", "-m", "1.0.0"]);
    for (fix, tag) in [("a", "1.1.0a1"), ("b", "1.1.0b1"), ("c", "1.1.0rc1")] {
        repo.write(&format!("{fix}.txt"), "x\n");
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", &format!("fix: {fix}")]);
        repo.git(&["tag", "-a", tag, "-m", tag]);
    }
    repo
}

#[test]
fn a_rebuild_gives_each_pep_440_pre_release_its_section() {
    let repo = poetry_like();
    let out = ok(repo.relhook(&["changelog", "--rebuild", "--stdout"]));
    let file = stdout(&out);
    let headings: Vec<&str> = (file.lines())
        .filter(|l| l.starts_with("## ["))
        .map(|l| l.split(']').next().unwrap_or(""))
        .collect();
    assert_eq!(
        headings,
        [
            "## [Unreleased",
            "## [1.1.0rc1",
            "## [1.1.0b1",
            "## [1.1.0a1",
            "## [1.0.0"
        ],
        "{file}"
    );
    let rc = file.split("## [1.1.0rc1]").nth(1).unwrap_or("");
    let rc = rc.split("## [").next().unwrap_or("");
    assert!(rc.contains("- c\n") && !rc.contains("- a\n"), "{file}");
    // `version` reads the same last release.
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.1.0-rc.1", "{}", text(&out));
}

#[test]
fn a_hand_tag_in_the_projects_pep_440_spelling_is_a_pre_release() {
    let repo = poetry_like();
    ok(repo.relhook(&["install"]));
    repo.write("d.txt", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: d");
    let out = hand_tag(&repo, &["-a", "1.1.0rc2", "-m", "release 1.1.0rc2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag", "-l", "1.1.0rc2"]), "1.1.0rc2");
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "1.1.0-rc.2", "{}", text(&out));
}
