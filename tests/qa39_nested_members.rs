//! QA39: pnpm adopted. Its workspace lists `pnpm11/pnpm` and `pnpm11/pnpm/artifacts/*`, one
//! member inside another. `relhook init` proposed both and wrote a configuration that every
//! command, and every commit, then refused ("package directories cannot nest"). init now
//! leaves out what the configuration would refuse, and says why.

use crate::support::{Repo, ok, stdout, text};

/// Commits the files init wrote through relhook's hooks, and checks that the configuration
/// loads: `doctor` finds nothing invalid and `version` answers.
fn adopt(repo: &Repo) {
    ok(repo.relhook(&["install"]));
    // No root changelog: the private root is not released.
    repo.git(&["add", ".relconfig.toml"]);
    let out = repo.git_output(&["commit", "-qm", "chore: adopt relhook"]);
    assert!(out.status.success(), "{}", text(&out));
    let out = repo.relhook(&["doctor"]);
    assert!(
        !text(&out).contains("INVALID") && !text(&out).contains(".relconfig.toml:"),
        "{}",
        text(&out)
    );
    ok(repo.relhook(&["version"]));
}

#[test]
fn a_member_inside_another_is_left_out_and_the_configuration_loads() {
    let repo = Repo::new();
    repo.write(
        "pnpm-workspace.yaml",
        "packages:\n  - app\n  - app/artifacts/*\n",
    );
    repo.write("package.json", r#"{"name":"root","private":true}"#);
    repo.write("app/package.json", r#"{"name":"app","version":"1.0.0"}"#);
    repo.write(
        "app/artifacts/linux-x64/package.json",
        r#"{"name":"@app/linux-x64","version":"1.0.0"}"#,
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    let why = "Not proposed as packages, as each is inside another package's directory, and a file belongs to one package: app/artifacts/linux-x64 (inside app, package app's directory).";
    assert!(said.contains(why), "{said}");
    assert!(said.contains("found 1 package"), "{said}");
    let config = repo.read(".relconfig.toml");
    assert!(config.contains("[packages.app]\n"), "{config}");
    assert!(
        !config.contains("[packages.\"@app/linux-x64\"]"),
        "{config}"
    );
    assert!(
        config.contains("# Not proposed as packages, as each is inside another package's"),
        "{config}"
    );
    adopt(&repo);
}

/// Tags `web@X.Y.Z` name both @a/web and @b/web: one form for two packages, which the
/// configuration refuses; the second is left out. Beside them, `api-v` tags are api's, not
/// @x/api's.
#[test]
fn one_tag_form_for_two_packages_is_proposed_for_one() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        r#"{"name":"root","private":true,"workspaces":["packages/*"]}"#,
    );
    for (dir, name) in [
        ("a-web", "@a/web"),
        ("b-web", "@b/web"),
        ("api", "api"),
        ("x-api", "@x/api"),
    ] {
        repo.write(
            &format!("packages/{dir}/package.json"),
            format!(r#"{{"name":"{name}","version":"1.0.0"}}"#),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: start"]);
    for tag in ["web@1.0.0", "api-v1.0.0"] {
        repo.git(&["tag", tag]);
    }
    let out = ok(repo.relhook(&["init"]));
    let said = stdout(&out);
    assert!(
        said.contains("Not proposed as packages, as their tags would be taken for another's: packages/b-web (`web@{version}`, also @a/web's)."),
        "{said}"
    );
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains(
            "[packages.\"@a/web\"]\npath = \"packages/a-web\"\ntag = \"web@{version}\"\n"
        ),
        "{config}"
    );
    assert!(
        config.contains("[packages.api]\npath = \"packages/api\"\n# tag = \"api-v{version}\"\n"),
        "{config}"
    );
    assert!(
        config.contains(
            "[packages.\"@x/api\"]\npath = \"packages/x-api\"\ntag = \"@x/api@{version}\"\n"
        ),
        "{config}"
    );
    adopt(&repo);
}
