//! QA294: changesets' root package.json is private and its packages are released under their
//! own tags. `relhook release` (of the root) is refused with the packages' release instead,
//! but named the first package, `relhook release --package @changesets/apply-release-plan`,
//! which had nothing to release; the package with changes is the one to name.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn the_root_release_refusal_names_a_package_with_changes() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    for p in ["apply-release-plan", "cli"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!("{{\n  \"name\": \"@changesets/{p}\",\n  \"version\": \"1.0.0\"\n}}\n"),
        );
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.\"@changesets/apply-release-plan\"]\npath = \"packages/apply-release-plan\"\ntag = \"@changesets/apply-release-plan@{version}\"\n\n[packages.\"@changesets/cli\"]\npath = \"packages/cli\"\ntag = \"@changesets/cli@{version}\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: start"]);
    for p in ["apply-release-plan", "cli"] {
        let tag = format!("@changesets/{p}@1.0.0");
        repo.git(&["tag", "-a", &tag, "-m", &tag]);
    }
    ok(repo.relhook(&["install"]));
    repo.write("packages/cli/index.js", "exports.status = () => {};\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(cli): add a --json flag to status");

    let out = repo.relhook(&["release", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let said = stderr(&out);
    assert!(
        said.contains("or one: `relhook release --package @changesets/cli`"),
        "{said}"
    );
}
