//! QA46: `relhook init` in git-cliff's repository said its npm wrapper, at the root project's
//! version, was "so released with it", but did not list it in `[version] files`, and the
//! release left it at the old version. init now says plainly a release does not bump it.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn init_says_a_wrapper_at_the_root_version_is_not_bumped_unless_listed() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"c\"\nversion = \"2.1.0\"\n",
    );
    repo.write(
        "npm/c/package.json",
        "{\"name\":\"c\",\"version\":\"2.1.0\"}\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v2.1.0", "-m", "2.1.0"]);
    let out = ok(repo.relhook(&["init"]));
    let said = format!("{}{}", stderr(&out), crate::support::stdout(&out));
    let wrapper = "npm/c/package.json";
    assert!(
        said.contains("Not bumped by a release, though at the root project's version 2.1.0"),
        "{}",
        text(&out)
    );
    assert!(!said.contains("so released with it"), "{said}");
    // The comment in .relconfig.toml says the same, and is true: not listed, not bumped.
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("# Not bumped by a release"), "{config}");
    let listed = config
        .lines()
        .any(|l| !l.trim_start().starts_with('#') && l.contains(wrapper));
    assert!(!listed, "{config}");
    ok(repo.relhook(&["install"]));
    repo.write("src.txt", "x\n");
    repo.git(&["add", "."]);
    repo.commit_hooked("fix: x");
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(repo.read("Cargo.toml").contains("2.1.1"), "{}", text(&out));
    assert!(repo.read(wrapper).contains("2.1.0"), "{}", text(&out));
}
