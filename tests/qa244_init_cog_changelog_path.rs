//! QA244: `relhook init` carried cog.toml's types, sections and bumps, but not its
//! `[changelog] path`: a project that keeps its changelog elsewhere (`docs/CHANGELOG.md`) got a
//! second one at the top. Now the path is carried; one that leaves the repository is not, and
//! init says so in one line.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn init_carries_cog_toml_s_changelog_path() {
    let repo = Repo::new();
    repo.write(
        "cog.toml",
        "branch_whitelist = [\"main\"]\n\n[changelog]\npath = \"./docs/CHANGELOG.md\"\ntemplate = \"remote\"\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains(
            "set `[changelog] path = \"docs/CHANGELOG.md\"`, as cog.toml's `[changelog] path` says\n"
        ),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("\npath = \"docs/CHANGELOG.md\"\n"),
        "{config}"
    );
    assert!(repo.path().join("docs/CHANGELOG.md").is_file());
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "no second changelog"
    );
    let out = repo.relhook(&["doctor"]);
    assert!(!text(&out).contains("INVALID  config"), "{}", text(&out));
}

#[test]
fn a_cog_changelog_path_outside_the_repository_is_not_carried() {
    let repo = Repo::new();
    repo.write(
        "cog.toml",
        "[changelog]\npath = \"../elsewhere/CHANGELOG.md\"\n",
    );
    repo.commit("feat: start");
    let out = ok(repo.relhook(&["init"]));
    let printed = stdout(&out);
    let said: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains("cog.toml's `[changelog] path`"))
        .collect();
    assert_eq!(
        said,
        [
            "left `[changelog] path` at CHANGELOG.md: cog.toml's `[changelog] path` is not carried: `changelog.path`: `../elsewhere/CHANGELOG.md` must be a relative path inside the repository"
        ],
        "{}",
        text(&out)
    );
    assert!(
        repo.read(".relconfig.toml")
            .contains("\npath = \"CHANGELOG.md\"\n")
    );
    assert!(repo.path().join("CHANGELOG.md").is_file());
    assert!(!repo.path().join("../elsewhere").exists());
}
