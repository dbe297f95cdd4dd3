//! QA39: conventional-changelog adopted. Its removed package conventional-changelog-cli left
//! tags `conventional-changelog-cli@2.1.1`; `relhook init` took them for the repository's own
//! and set `tag_prefix = "conventional-changelog-cli@"`, and the root's version became the
//! gone package's. Tags in a package's form that a package.json below the top named are that
//! package's, never the root's, in init as in `relhook version`.

use crate::support::{Repo, ok, stdout, text};

#[test]
fn a_former_package_s_tags_are_not_the_root_s() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"version":"0.0.0","workspaces":["packages/*"]}"#,
    );
    repo.write(
        "packages/a/package.json",
        r#"{"name":"a","version":"1.0.0"}"#,
    );
    repo.write(
        "packages/old-cli/package.json",
        r#"{"name":"old-cli","version":"2.1.1"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    for v in ["2.0.0", "2.1.0", "2.1.1"] {
        repo.write("packages/old-cli/v", v);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-qm", &format!("feat: cli {v}")]);
        repo.git(&["tag", &format!("old-cli@{v}")]);
    }
    repo.git(&["rm", "-rq", "packages/old-cli"]);
    repo.git(&["commit", "-qm", "chore: remove old-cli"]);
    repo.write("packages/a/v", "1");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "feat: a"]);
    repo.git(&["tag", "a-v1.0.0"]);

    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(!said.contains("tag_prefix"), "{said}");
    let line = "Tags left out of the repository's own, as a former package's (a package.json of that name is in the commits they tag, none is in the workspace now): `old-cli@{version}` (old-cli@2.1.1).";
    assert!(said.lines().any(|l| l == line), "{said}");
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("\ntag_prefix = \"v\"\n"), "{config}");
    assert!(
        config.contains("# Tags left out of the repository's own, as a former package's"),
        "{config}"
    );

    // No root changelog: the private root is not released.
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-qm", "chore: adopt relhook"]);
    // Not 2.1.1, and not refused for the package's tags either.
    let out = ok(repo.relhook(&["version"]));
    assert_eq!(stdout(&out).trim(), "0.1.0", "{}", text(&out));
    let out = ok(repo.relhook(&["version", "--package", "a"]));
    assert_eq!(stdout(&out).trim(), "1.0.0", "{}", text(&out));
}

/// The root's own tags keep their prefix: a package.json at the top named so (a single npm
/// package tagged `tool@1.2.0`), or a prefix in no package's form (`release-`).
#[test]
fn the_root_s_own_prefixes_are_still_proposed() {
    for (manifest, tag, prefix) in [
        (
            r#"{"name":"tool","version":"1.2.0"}"#,
            "tool@1.2.0",
            "tool@",
        ),
        (
            r#"{"name":"tool","version":"1.2.0"}"#,
            "release-1.2.0",
            "release-",
        ),
    ] {
        let repo = Repo::new();
        repo.write("package.json", manifest);
        repo.write(
            "examples/demo/package.json",
            r#"{"name":"demo","private":true}"#,
        );
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-qm", "chore: start"]);
        repo.git(&["tag", tag]);
        let out = ok(repo.relhook(&["init"]));
        let config = repo.read(".relconfig.toml");
        assert!(
            config.contains(&format!("\ntag_prefix = \"{prefix}\"\n")),
            "{}\n{config}",
            text(&out)
        );
        assert!(!stdout(&out).contains("Tags left out"), "{}", text(&out));
    }
}
