//! The README promises two set-up commands (CI must run the test one) and a pre-commit manifest.

#[test]
fn ci_runs_the_readme_test_command() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let ci = std::fs::read_to_string(format!("{root}/.ci/run")).unwrap();
    let test_cmd = readme
        .lines()
        .find(|l| l.starts_with("cargo test"))
        .expect("README shows a `cargo test` line");
    assert!(
        ci.lines().any(|l| l.trim() == test_cmd),
        ".ci/run must run `{test_cmd}`"
    );
    assert!(
        readme
            .lines()
            .any(|l| l == "./install.sh && relhook install"),
        "README shows how to install"
    );
    let install = std::fs::read_to_string(format!("{root}/install.sh")).unwrap();
    assert!(
        install.contains("cargo install --locked --path ."),
        "install.sh installs this checkout"
    );
}

/// The README tells pre-commit users to point a `repo:` entry at relhook.
#[test]
fn pre_commit_manifest_offers_the_commit_msg_hook() {
    let root = env!("CARGO_MANIFEST_DIR");
    let manifest = std::fs::read_to_string(format!("{root}/.pre-commit-hooks.yaml")).unwrap();
    for line in [
        "- id: relhook",
        "  language: rust",
        "  entry: relhook hook commit-msg",
        "  stages: [commit-msg]",
        "- id: relhook-post-commit",
        "  entry: relhook hook post-commit",
        "  stages: [post-commit]",
        "- id: relhook-pre-push",
        "  entry: relhook hook pre-push",
        "  stages: [pre-push]",
    ] {
        assert!(manifest.lines().any(|l| l == line), "missing `{line}`");
    }
    // Hooks without files to check must run anyway, with no file names passed.
    assert_eq!(manifest.matches("  always_run: true").count(), 2);
    assert_eq!(manifest.matches("  pass_filenames: false").count(), 2);
}
