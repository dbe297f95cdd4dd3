//! QA84: in a monorepo whose lock at the top (npm's package-lock.json, Cargo's Cargo.lock) is
//! ignored, `relhook release --all` noted it under the first package only (`package a:
//! package-lock.json is not tracked`), as if the lock were that package's. It is the
//! repository's, shared by every package: said once, on a line of its own, and in the JSON
//! plan beside the packages, not in one of them.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Two packages at 1.0.0, tagged, `lock` at the top with `contents` and ignored, relhook
/// installed, and a fix in each package committed.
fn monorepo(files: &[(&str, &str)], lock: (&str, &str)) -> Repo {
    let repo = Repo::new();
    for (path, text) in files {
        repo.write(path, text);
    }
    repo.write(lock.0, lock.1);
    repo.write(".gitignore", format!("{}\n", lock.0));
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\n[packages.b]\npath = \"p/b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "a-v1.0.0", "-m", "a 1.0.0"]);
    repo.git(&["tag", "-a", "b-v1.0.0", "-m", "b 1.0.0"]);
    ok(repo.relhook(&["install"]));
    repo.write("p/a/x", "x\n");
    repo.write("p/b/y", "y\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: both");
    repo
}

fn npm() -> Repo {
    let a = "{\n  \"name\": \"a\",\n  \"version\": \"1.0.0\"\n}\n";
    let b = "{\n  \"name\": \"b\",\n  \"version\": \"1.0.0\"\n}\n";
    let top = "{\n  \"name\": \"top\",\n  \"private\": true,\n  \"workspaces\": [\"p/*\"]\n}\n";
    let lock = "{\n  \"name\": \"top\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": { \"name\": \"top\", \"workspaces\": [\"p/*\"] },\n    \"p/a\": { \"name\": \"a\", \"version\": \"1.0.0\" },\n    \"p/b\": { \"name\": \"b\", \"version\": \"1.0.0\" }\n  }\n}\n";
    monorepo(
        &[
            ("package.json", top),
            ("p/a/package.json", a),
            ("p/b/package.json", b),
        ],
        ("package-lock.json", lock),
    )
}

fn cargo() -> Repo {
    let top = "[workspace]\nmembers = [\"p/a\", \"p/b\"]\nresolver = \"2\"\n";
    let a = "[package]\nname = \"a\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
    let b = "[package]\nname = \"b\"\nversion = \"1.0.0\"\nedition = \"2021\"\n";
    let lock = "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n";
    monorepo(
        &[
            ("Cargo.toml", top),
            ("p/a/Cargo.toml", a),
            ("p/b/Cargo.toml", b),
        ],
        ("Cargo.lock", lock),
    )
}

/// The release's notes on `lock`: one line, naming no package.
fn noted_once(repo: &Repo, lock: &str, args: &[&str]) {
    let out = ok(repo.relhook(args));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(lock)).collect();
    assert_eq!(
        lines,
        [format!("relhook: note: {lock} is not tracked (ignored): left alone").as_str()],
        "{}",
        text(&out)
    );
}

#[test]
fn an_ignored_npm_root_lock_is_noted_once_for_the_repository() {
    let repo = npm();
    noted_once(
        &repo,
        "package-lock.json",
        &["release", "--all", "--dry-run"],
    );
    // Releasing b alone: the lock is still not b's.
    noted_once(
        &repo,
        "package-lock.json",
        &["release", "--package", "b", "--dry-run"],
    );
    noted_once(&repo, "package-lock.json", &["release", "--all"]);
    assert_eq!(repo.git(&["ls-files", "package-lock.json"]), "");
}

#[test]
fn an_ignored_cargo_root_lock_is_noted_once_for_the_repository() {
    let repo = cargo();
    noted_once(&repo, "Cargo.lock", &["release", "--all", "--dry-run"]);
}

#[test]
fn the_json_plan_lists_it_beside_the_packages() {
    let repo = npm();
    let out = ok(repo.relhook(&["release", "--all", "--dry-run", "--format", "json"]));
    let plan: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        plan["left_alone"],
        serde_json::json!(["package-lock.json is not tracked (ignored): left alone"]),
        "{plan}"
    );
    for p in plan["packages"].as_array().unwrap() {
        assert_eq!(p["left_alone"], serde_json::json!([]), "{p}");
    }
}
