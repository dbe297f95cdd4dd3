//! QA41: a pnpm workspace whose packages share the root package.json's version, released as
//! one project (`v{version}`), had only the root package.json bumped by a release: the
//! packages' package.json files stayed at the old version with a note each, and doctor said
//! nothing needed fixing. `init` lists them in `[version] files`; doctor flags a release that
//! left them behind.

use crate::support::{Repo, ok, stdout, text};

/// The QA repository: a root at 1.0.0 with two packages at 1.0.0, released as v1.0.0.
fn workspace() -> Repo {
    let repo = Repo::new();
    ok(repo.relhook(&["install"]));
    repo.write("package.json", r#"{"private":true,"version":"1.0.0"}"#);
    repo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!(r#"{{"name":"{p}","version":"1.0.0"}}"#),
        );
    }
    repo.write(
        "CHANGELOG.md",
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- first\n",
    );
    repo.git(&["add", "-A"]);
    let skip = [("RELHOOK_SKIP", "1")];
    repo.git_env(&["commit", "-qm", "chore: init"], &skip);
    repo.git_env(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"], &skip);
    repo
}

fn fix_one(repo: &Repo) {
    repo.write("packages/a/x", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): one");
}

#[test]
fn init_lists_the_packages_manifests_and_a_release_bumps_them() {
    let repo = workspace();
    let out = ok(repo.relhook(&["init"]));
    assert!(
        stdout(&out).contains("the packages' package.json files"),
        "{}",
        text(&out)
    );
    let config = repo.read(".relconfig.toml");
    assert!(
        config.contains(
            "files = [\n  { path = \"packages/a/package.json\", key = \"version\" },\n  { path = \"packages/b/package.json\", key = \"version\" },\n]\n"
        ),
        "{config}"
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: adopt relhook");
    fix_one(&repo);
    let out = ok(repo.relhook(&["release", "--no-test"]));
    assert!(!text(&out).contains("still says 1.0.0"), "{}", text(&out));
    for p in ["a", "b"] {
        let manifest = repo.read(&format!("packages/{p}/package.json"));
        assert!(manifest.contains(r#""version":"1.0.1""#), "{manifest}");
    }
    assert!(repo.read("package.json").contains("1.0.1"));
}

#[test]
fn doctor_flags_packages_a_release_left_at_the_old_version() {
    let repo = workspace();
    // Adopted before init listed them: the configuration has no `[version] files`.
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", ".relconfig.toml"]);
    repo.commit_hooked("chore: adopt relhook");
    fix_one(&repo);
    let out = repo.relhook(&["doctor"]);
    assert!(!stdout(&out).contains("package.json"), "{}", text(&out));
    ok(repo.relhook(&["release", "--no-test"]));
    assert!(repo.read("packages/a/package.json").contains("1.0.0"));
    let out = repo.relhook(&["doctor"]);
    let said = stdout(&out);
    assert!(
        said.contains("WARNING  version files: the release of 1.0.1 (v1.0.1) left packages/a/package.json, packages/b/package.json at 1.0.0"),
        "{said}"
    );
    assert!(
        said.contains("{ path = \"packages/a/package.json\", key = \"version\" }"),
        "{said}"
    );
    assert!(!said.contains("all is well"), "{said}");
}
