//! QA39: conventional-changelog adopted. Its packages were tagged `name@X.Y.Z`, then
//! `name-vX.Y.Z`; `relhook init` proposed the form most tags use, the older, so the first
//! release released the newest version again (`a@2.0.0` after `a-v2.0.0`). init now proposes
//! the form of the package's newest release and says which older one there is.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn init_proposes_the_form_of_the_newest_release() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    for name in ["a", "b"] {
        repo.write(
            &format!("packages/{name}/package.json"),
            format!(r#"{{"name":"{name}","version":"1.0.0"}}"#),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    for v in ["1.0.0", "1.1.0", "1.2.0"] {
        repo.write("packages/a/v", v);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-qm", &format!("feat: a {v}")]);
        repo.git(&["tag", &format!("a@{v}")]);
        repo.git(&["tag", &format!("b@{v}")]);
    }
    repo.write("packages/a/v", "2");
    repo.git(&["commit", "-qam", "feat!: a two"]);
    repo.write(
        "packages/a/package.json",
        r#"{"name":"a","version":"2.0.0"}"#,
    );
    repo.git(&["commit", "-qam", "chore(release): a 2.0.0"]);
    repo.git(&["tag", "a-v2.0.0"]);

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let line = "Package a's release tags change form: `tag = \"a-v{version}\"` is proposed, its newest release's (a-v2.0.0), not the older `a@{version}` (a@1.2.0).";
    assert!(said.lines().any(|l| l == line), "{said}");
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.a]\npath = \"packages/a\"\n# tag = \"a-v{version}\"\n"),
        "{config}"
    );
    assert!(
        config.contains("[packages.b]\npath = \"packages/b\"\ntag = \"b@{version}\"\n"),
        "{config}"
    );
    assert!(
        config.contains("# Package a's release tags change form:"),
        "{config}"
    );

    // No root changelog: the private root is not released.
    assert!(!repo.path().join("CHANGELOG.md").exists());
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    let out = ok(repo.relhook(&["version", "--package", "a"]));
    assert_eq!(stdout(&out).trim(), "2.0.0", "{}", text(&out));
    // Nothing of a's since a-v2.0.0 (the adoption is the root's): 2.0.0 is not released again.
    let out = repo.relhook(&["release", "--package", "a", "--dry-run", "--no-test"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("the one commit since a-v2.0.0 does not touch packages/a"),
        "{}",
        text(&out)
    );
    repo.write("packages/a/v", "3");
    repo.git(&["commit", "-qam", "feat: a three"]);
    let out = ok(repo.relhook(&["release", "--package", "a", "--dry-run", "--no-test"]));
    assert!(
        stdout(&out).contains("a-v2.1.0: 2.0.0 → 2.1.0"),
        "{}",
        text(&out)
    );
}
