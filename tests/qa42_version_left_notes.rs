//! QA42: on git-cliff's history a hand tag printed seven notes for one package.json, one for
//! each line that still named the old version. One note a file now names its other lines.

use crate::support::{Repo, ok, stderr, text};

#[test]
fn the_old_version_left_in_one_file_is_one_note() {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"1.4.2\"\nedition = \"2021\"\n",
    );
    repo.write(
        "npm/package.json",
        "{\n  \"version\": \"1.4.2\",\n  \"optionalDependencies\": {\n    \"app-linux\": \"1.4.2\",\n    \"app-darwin\": \"1.4.2\"\n  }\n}\n",
    );
    repo.write("README.md", "# app\n\nInstall app 1.4.2.\n");
    // Other projects' versions that happen to be the same: test fixtures, pre-commit's pins.
    repo.write(".github/fixtures/commit.sh", "echo 1.4.2\n");
    repo.write(
        "crates/x/tests/lang/ws/Cargo.toml",
        "[package]\nname = \"sample\"\nversion = \"1.4.2\"\n",
    );
    repo.write(
        ".pre-commit-config.yaml",
        "repos:\n  - repo: https://x/y\n    rev: v1.4.2\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.4.2", "-m", "v1.4.2"]);
    ok(repo.relhook(&["install"]));
    repo.write("src.txt", "x\n");
    repo.git(&["add", "src.txt"]);
    repo.git(&["commit", "-q", "-m", "fix: a"]);
    let out = ok(repo.relhook(&["release", "--no-test"]));
    let said = stderr(&out);
    let notes: Vec<&str> = said.lines().filter(|l| l.contains("still says")).collect();
    assert_eq!(notes.len(), 2, "{}", text(&out));
    assert!(
        notes.iter().any(|l| l.starts_with(
            "relhook: note: npm/package.json:2 still says 1.4.2: `\"version\": \"1.4.2\",`, and so do lines 4, 5 (the runbook's"
        )),
        "{said}"
    );
    assert!(
        notes.iter().any(|l| l.starts_with(
            "relhook: note: README.md:3 still says 1.4.2: `Install app 1.4.2.` (the runbook's"
        )),
        "{said}"
    );
}

/// vue's workspace released as one project: eleven notes, one for each package's own
/// package.json, became one naming the first three and where the entries to add are.
#[test]
fn a_workspaces_manifests_left_behind_are_one_note() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"root\",\n  \"version\": \"3.5.41\",\n  \"private\": true\n}\n",
    );
    repo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
    for name in ["a", "b", "c", "d"] {
        repo.write(
            &format!("packages/{name}/package.json"),
            format!("{{\n  \"name\": \"@v/{name}\",\n  \"version\": \"3.5.41\"\n}}\n"),
        );
    }
    // One written on one line is among them too.
    repo.write(
        "packages/e/package.json",
        "{\"name\":\"@v/e\",\"version\":\"3.5.41\"}\n",
    );
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v3.5.41", "-m", "v3.5.41"]);
    ok(repo.relhook(&["install"]));
    repo.write("packages/a/index.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix(a): x"]);
    let out = ok(repo.relhook(&["release", "--no-test"]));
    let said = stderr(&out);
    let notes: Vec<&str> = said.lines().filter(|l| l.contains("still say")).collect();
    assert_eq!(notes.len(), 1, "{}", text(&out));
    assert!(
        notes[0].starts_with(
            "relhook: note: 5 package manifests still say 3.5.41 as their own version: packages/a/package.json, packages/b/package.json, packages/c/package.json, and 2 more (the runbook's"
        ) && notes[0].contains("`relhook doctor` prints the entries"),
        "{said}"
    );
    // Where the note points, the entries are.
    let doctor = text(&repo.relhook(&["doctor"]));
    assert!(doctor.contains("packages/e/package.json"), "{doctor}");
}
