//! QA38: a `[packages.a]` table renamed `[packages.alpha]` left the package's tags (`a-v1.0.0`)
//! under another name. `version --all --next` said "nothing to release" (exit 0) with a fix
//! pending, and the release told the user to tag the released commit again. Now the refusal
//! names the tag that released the section and the setting that names the tags as before.

use crate::support::{Repo, ok, stderr, stdout, text};

#[test]
fn a_renamed_packages_tags_are_named_with_the_setting_that_keeps_them() {
    let repo = Repo::new();
    repo.write(
        "pk/a/package.json",
        "{\"name\":\"a\",\"version\":\"1.0.0\"}\n",
    );
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"pk/a\"\n",
    );
    ok(repo.relhook(&["install"]));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.write("pk/a/i.js", "1\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: one"]);
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    let renamed = repo
        .read(".relconfig.toml")
        .replace("[packages.a]", "[packages.alpha]");
    repo.write(".relconfig.toml", &renamed);
    repo.git(&["commit", "-q", "-am", "chore: rename the package"]);
    repo.write("pk/a/i.js", "2\n");
    repo.git(&["commit", "-q", "-am", "fix: two"]);
    let out = repo.relhook(&["version", "--all", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stdout(&out).contains("alpha 1.0.0 (its release is refused)"),
        "{}",
        text(&out)
    );
    let said = stderr(&out);
    assert!(
        said.contains("was released as tag a-v1.0.0, which is not named as this project's tags are (`alpha-v1.0.0`)")
            && said.contains("`tag = \"a-v{version}\"` in [packages.alpha]")
            && !said.contains("git tag -a alpha-v1.0.0"),
        "{said}"
    );
    // Followed: the package goes on from its tags.
    repo.write(
        ".relconfig.toml",
        renamed.replace(
            "path = \"pk/a\"\n",
            "path = \"pk/a\"\ntag = \"a-v{version}\"\n",
        ),
    );
    repo.git(&["commit", "-q", "-am", "chore: keep the package's tag names"]);
    let out = ok(repo.relhook(&["version", "--package", "alpha", "--next"]));
    assert_eq!(stdout(&out).trim(), "1.0.1", "{}", text(&out));
}
