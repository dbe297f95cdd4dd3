//! QA139: vuejs/core's shape: a pnpm workspace whose published packages share the root
//! package.json's version, beside tooling packages in `packages-private/*` at version 0.0.0,
//! never tagged, without `"private": true`. `init` took those for packages of their own (and,
//! as their 0.0.0 is not the root's version, no longer saw one project): it proposed tables
//! for playgrounds nobody releases. A 0.0.0 package in a folder named private is never
//! published: left out, and said so.

use crate::support::{Repo, ok, stdout, text};

/// The root and two packages at 3.5.1 (tagged v3.5.1), two private-folder packages at 0.0.0.
fn workspace(shared: &str) -> Repo {
    let repo = Repo::new();
    repo.write("package.json", r#"{"private":true,"version":"3.5.1"}"#);
    repo.write(
        "pnpm-workspace.yaml",
        "packages:\n  - 'packages/*'\n  - 'packages-private/*'\n",
    );
    for p in ["reactivity", "runtime"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!(r#"{{"name":"@vue/{p}","version":"{shared}"}}"#),
        );
    }
    for p in ["playground", "dts-test"] {
        repo.write(
            &format!("packages-private/{p}/package.json"),
            format!(r#"{{"name":"{p}","version":"0.0.0"}}"#),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: init"]);
    repo.git(&["tag", "-a", "v3.5.1", "-m", "v3.5.1"]);
    repo
}

#[test]
fn a_zero_version_package_in_a_private_folder_is_no_package() {
    let repo = workspace("3.5.1");
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(!config.contains("\n[packages."), "{config}");
    assert!(
        stdout(&out).contains("released as one project"),
        "{}",
        text(&out)
    );
    assert!(
        config.contains("  { path = \"packages/reactivity/package.json\", key = \"version\" },"),
        "{config}"
    );
    assert!(
        !config.contains("packages-private/playground/package.json"),
        "{config}"
    );
}

#[test]
fn beside_independent_packages_it_is_left_out_with_the_reason() {
    let repo = workspace("1.0.0");
    let out = ok(repo.relhook(&["init"]));
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains("[packages.\"@vue/reactivity\"]"),
        "{config}"
    );
    assert!(!config.contains("[packages.playground]"), "{config}");
    assert!(!config.contains("[packages.dts-test]"), "{config}");
    let said = "packages-private/playground (version 0.0.0 in a folder named private)";
    assert!(stdout(&out).contains(said), "{}", text(&out));
}
