//! QA128: the advice on a package's lock names the command that refreshes it in the lock's
//! folder (`npm install --package-lock-only --prefix <folder>`, `pnpm add --dir <folder> …`).
//! A package folder whose name begins with `-` was printed as it is (`--prefix -b`), which npm
//! and pnpm read as another option, so the pasted command failed; it is now `./-b`, as the
//! Python locks' notes already said.

use crate::support::registry_lock::refused_lines;
use crate::support::{Repo, ok, text};

const A: &str = "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n";

/// a in p/a and b (its `b_json`) in `-b`, with `files` written too, committed and relhook
/// installed.
fn repo_with(b_json: &str, files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    repo.write("p/a/package.json", A);
    repo.write("-b/package.json", b_json);
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"-b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["install"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    repo
}

#[test]
fn an_npm_lock_out_of_step_in_a_dash_folder_is_refused_with_a_pasteable_prefix() {
    let b = "{\n  \"name\": \"b\",\n  \"version\": \"0.1.0\"\n}\n";
    let lock = "{\n  \"name\": \"b\",\n  \"version\": \"0.1.5\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n      \"name\": \"b\",\n      \"version\": \"0.1.0\"\n    }\n  }\n}\n";
    let repo = repo_with(b, &[("-b/package-lock.json", lock)]);
    repo.write("-b/x.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(b): x");
    let out = repo.relhook(&["release", "--package", "b", "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let all = text(&out);
    assert!(
        all.contains("(`npm install --package-lock-only --prefix ./-b`), commit it"),
        "{all}"
    );
    assert!(!all.contains("--prefix -b"), "{all}");
}

#[test]
fn a_pnpm_lock_from_the_registry_in_a_dash_folder_is_refused_with_a_pasteable_dir() {
    let b = "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": {\n    \"a\": \"1.0.0\"\n  }\n}\n";
    let lock = "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: 1.0.0\n        version: 1.0.0\n\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: sha512-x}\n\nsnapshots:\n\n  a@1.0.0: {}\n";
    let repo = repo_with(b, &[("-b/pnpm-lock.yaml", lock)]);
    repo.write("p/a/h.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix(a): first");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    repo.write("p/a/i.js", "x\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a)!: new api");
    let lines = refused_lines(&repo, "pnpm", false);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0]
            .ends_with("move -b to it with `pnpm add --dir ./-b --save-exact a@2.0.0` and commit"),
        "{lines:?}"
    );
}
