//! QA46: a commitizen file whose newest release has no scoped entry but an older one has
//! (`- **config**: fix a`): the first entry came out in commitizen's style, later ones (post-
//! commit reads only the file's head) in relhook's, `- **BREAKING** **api:** …` beside
//! `- **cli**: plain fix`. The newest section with a scoped entry decides, Unreleased first.

use crate::support::{Repo, ok};

const COMMITIZEN: &str = "## v1.0.1 (2024-02-01)\n\n### Fix\n\n- avoid a crash (#1879)\n\n## v1.0.0 (2024-01-01)\n\n### Fix\n\n- **config**: fix a\n";

fn unreleased_after(messages: &[&str]) -> String {
    let repo = Repo::new();
    repo.write("CHANGELOG.md", COMMITIZEN);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.0.1", "-m", "v1.0.1"]);
    ok(repo.relhook(&["install"]));
    for m in messages {
        repo.commit_hooked(m);
    }
    let log = repo.read("CHANGELOG.md");
    let (unreleased, _) = log.split_once("## v1.0.1").expect("releases kept");
    unreleased.to_owned()
}

#[test]
fn every_scoped_entry_follows_commitizens_style() {
    let log = unreleased_after(&[
        "fix(cli): plain fix",
        "feat(cli)!: breaking feature",
        "refactor(api)!: breaking refactor",
    ]);
    for entry in [
        "- **cli**: plain fix\n",
        "- **BREAKING** **cli**: breaking feature\n",
        "- **BREAKING** **api**: breaking refactor\n",
    ] {
        assert!(log.contains(entry), "{entry}: {log}");
    }
    assert!(!log.contains(":**"), "{log}");
}

#[test]
fn an_unscoped_first_entry_leaves_the_style_to_the_older_release() {
    let log = unreleased_after(&[
        "fix: unscoped fix",
        "feat(cli)!: breaking feature",
        "fix(api): scoped fix",
    ]);
    for entry in [
        "- unscoped fix\n",
        "- **BREAKING** **cli**: breaking feature\n",
        "- **api**: scoped fix\n",
    ] {
        assert!(log.contains(entry), "{entry}: {log}");
    }
    assert!(!log.contains(":**"), "{log}");
}
