//! Found by QA on a Cargo workspace whose crates share `workspace.package.version`: a release
//! bumped the version but left the requirements on the workspace's own crates
//! (`b = { path = "crates/b", version = "0.3.0" }`) at the old one, so the tagged tree did not
//! resolve (`failed to select a version for the requirement b = "^0.3.0"`).

use std::process::Command;

use crate::support::{Repo, dated_release, hand_tag, ok, stderr, stdout, text};

/// `files` committed, relhook installed, `v0.3.0` tagged, and one feature on top.
fn released_at_0_3_0(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.write(".relconfig.toml", "[checks]\nrequire_tested_tags = false\n");
    repo.write(".gitignore", "/target\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v0.3.0", "-m", "v0.3.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: api");
    repo
}

/// Runs `cargo ARGS` (offline) on the tree of `tag`, exported beside the repository.
fn cargo_at(repo: &Repo, tag: &str, args: &[&str]) -> std::process::Output {
    let dir = repo.scratch(&format!("export-{tag}-{}", args[0]));
    let archive = repo.scratch("archives").join(format!("{tag}.tar"));
    repo.git(&["archive", "-o", archive.to_str().unwrap(), tag]);
    let untar = Command::new("tar")
        .arg("-xf")
        .arg(&archive)
        .arg("-C")
        .arg(&dir)
        .output()
        .expect("run tar");
    assert!(untar.status.success(), "{}", text(&untar));
    Command::new("cargo")
        .args(args)
        .arg("--offline")
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("run cargo")
}

fn resolves_at(repo: &Repo, tag: &str) {
    let out = cargo_at(repo, tag, &["metadata", "--format-version", "1"]);
    assert!(
        out.status.success(),
        "{tag} does not resolve: {}",
        stderr(&out)
    );
}

const MEMBER_B: &str = "[package]\nname = \"b\"\nversion.workspace = true\nedition = \"2021\"\n";

/// QA's workspace, as written: two releases, and each tagged tree resolves.
#[test]
fn a_workspace_release_moves_the_requirements_on_its_own_crates() {
    let root = "[workspace]\nmembers=[\"crates/b\"]\n[workspace.package]\nversion = \"0.3.0\"\n\n[package]\nname=\"a\"\nversion.workspace = true\nedition=\"2021\"\n\n[dependencies]\nb = { path = \"crates/b\", version = \"0.3.0\" }\n";
    let repo = released_at_0_3_0(&[
        ("Cargo.toml", root),
        ("crates/b/Cargo.toml", MEMBER_B),
        ("src/lib.rs", ""),
        ("crates/b/src/lib.rs", ""),
    ]);
    resolves_at(&repo, "v0.3.0");
    // A feature of a 0.x version: 0.3.1.
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("still says"), "{}", text(&out));
    assert_eq!(repo.read("Cargo.toml"), root.replace("0.3.0", "0.3.1"));
    assert_eq!(repo.read("crates/b/Cargo.toml"), MEMBER_B);
    resolves_at(&repo, "v0.3.1");
    repo.commit_hooked("feat!: api2");
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("Cargo.toml"), root.replace("0.3.0", "0.4.0"));
    resolves_at(&repo, "v0.4.0");
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

/// Every place a requirement on a bumped crate is written, each keeping its operator and
/// precision; a crate the release does not bump (its own version) keeps its requirement.
const FORMS: &str = "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\nversion = \"0.3.0\" # shared\n\n[workspace.dependencies]\nc = { path = \"crates/c\", version = \"=0.3.0\" }\n\n[package]\nname = \"a\"\nversion.workspace = true\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"crates/b\",   version = '0.3.0' }  # inline\nc = { workspace = true }\next = { path = \"vendor/ext\", version = \"0.3.0\" }\n\n[dev-dependencies.b]\npath = \"crates/b\"\nversion = \"^0.3.0\"\n\n[build-dependencies]\nb = { path = \"./crates/b\", version = \"~0.3\" }\n\n[target.'cfg(unix)'.dependencies]\nb.path = \"crates/b\"\nb.version = \"0.3\"\n";

const FORMS_AFTER: &str = "[workspace]\nmembers = [\"crates/*\"]\n\n[workspace.package]\nversion = \"0.4.0\" # shared\n\n[workspace.dependencies]\nc = { path = \"crates/c\", version = \"=0.4.0\" }\n\n[package]\nname = \"a\"\nversion.workspace = true\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"crates/b\",   version = '0.4.0' }  # inline\nc = { workspace = true }\next = { path = \"vendor/ext\", version = \"0.3.0\" }\n\n[dev-dependencies.b]\npath = \"crates/b\"\nversion = \"^0.4.0\"\n\n[build-dependencies]\nb = { path = \"./crates/b\", version = \"~0.4\" }\n\n[target.'cfg(unix)'.dependencies]\nb.path = \"crates/b\"\nb.version = \"0.4\"\n";

const MEMBER_C: &str = "[package]\nname = \"c\"\nversion.workspace = true\nedition = \"2021\"\n\n[dependencies]\nb = { version = \"0.3.0\", path = \"../b\" }\n";

const EXT: &str = "[package]\nname = \"ext\"\nversion = \"0.3.0\"\nedition = \"2021\"\n";

fn forms_repo() -> Repo {
    let repo = released_at_0_3_0(&[
        ("Cargo.toml", FORMS),
        ("crates/b/Cargo.toml", MEMBER_B),
        ("crates/c/Cargo.toml", MEMBER_C),
        ("vendor/ext/Cargo.toml", EXT),
        ("src/lib.rs", ""),
        ("crates/b/src/lib.rs", ""),
        ("crates/c/src/lib.rs", ""),
        ("vendor/ext/src/lib.rs", ""),
    ]);
    // The lock file as cargo writes it, committed.
    let out = Command::new("cargo")
        .args(["generate-lockfile", "--offline"])
        .current_dir(repo.path())
        .output()
        .expect("run cargo");
    assert!(out.status.success(), "{}", text(&out));
    repo.git(&["add", "Cargo.lock"]);
    repo.git(&["commit", "-q", "--no-verify", "-m", "chore: lock"]);
    repo
}

fn check_forms_released(repo: &Repo, tag: &str) {
    assert_eq!(repo.read("Cargo.toml"), FORMS_AFTER);
    assert_eq!(
        repo.read("crates/c/Cargo.toml"),
        MEMBER_C.replace("0.3.0", "0.4.0")
    );
    assert_eq!(repo.read("crates/b/Cargo.toml"), MEMBER_B);
    assert_eq!(repo.read("vendor/ext/Cargo.toml"), EXT);
    let lock = repo.read("Cargo.lock");
    assert!(
        lock.contains("name = \"ext\"\nversion = \"0.3.0\""),
        "{lock}"
    );
    assert!(lock.contains("name = \"b\"\nversion = \"0.4.0\""), "{lock}");
    let out = cargo_at(repo, tag, &["build", "--locked"]);
    assert!(
        out.status.success(),
        "{tag} does not build: {}",
        stderr(&out)
    );
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}

#[test]
fn every_form_of_requirement_moves_and_the_tagged_tree_builds_locked() {
    let repo = forms_repo();
    // The plan says the same edits.
    let dry = dated_release(&repo, &["minor", "--no-test", "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    let plan = stdout(&dry);
    for line in [
        "+c = { path = \"crates/c\", version = \"=0.4.0\" }",
        "+b = { path = \"crates/b\",   version = '0.4.0' }  # inline",
        "+version = \"^0.4.0\"",
        "+b = { path = \"./crates/b\", version = \"~0.4\" }",
        "+b.version = \"0.4\"",
        "+b = { version = \"0.4.0\", path = \"../b\" }",
    ] {
        assert!(plan.contains(line), "{line} not in:\n{plan}");
    }
    assert!(!plan.contains("+ext"), "{plan}");
    // The crate at a version of its own is the runbook's to check, no other.
    for line in stderr(&dry)
        .lines()
        .filter(|l| l.contains("would still say"))
    {
        assert!(line.contains("ext = {"), "{}", text(&dry));
    }
    let out = dated_release(&repo, &["minor", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    check_forms_released(&repo, "v0.4.0");
}

#[test]
fn a_hand_tag_moves_the_requirements_as_the_release_does() {
    let repo = forms_repo();
    let out = hand_tag(&repo, &["-a", "v0.4.0", "-m", "v0.4.0"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "v0.4.0"]),
        "v0.4.0",
        "{}",
        text(&out)
    );
    check_forms_released(&repo, "v0.4.0");
}

/// A requirement relhook cannot rewrite, which the new version does not meet: the release
/// and the hand tag are refused, naming the line, and nothing is written.
#[test]
fn a_requirement_that_cannot_be_rewritten_refuses_the_release() {
    for (req, why) in [
        ("\">=0.3, <0.4\"", "range"),
        ("\"0.3.\\u0030\"", "escape"),
        ("\"\"\"0.3.0\"\"\"", "multi-line string"),
    ] {
        let root = format!(
            "[workspace]\nmembers = [\"crates/b\"]\n\n[workspace.package]\nversion = \"0.3.0\"\n\n[package]\nname = \"a\"\nversion.workspace = true\n\n[dependencies]\nb = {{ path = \"crates/b\", version = {req} }}\n"
        );
        let repo = released_at_0_3_0(&[
            ("Cargo.toml", &root),
            ("crates/b/Cargo.toml", MEMBER_B),
            ("src/lib.rs", ""),
            ("crates/b/src/lib.rs", ""),
        ]);
        let head = repo.git(&["rev-parse", "HEAD"]);
        let out = dated_release(&repo, &["minor", "--no-test"]);
        assert_eq!(out.status.code(), Some(1), "{why}: {}", text(&out));
        let err = stderr(&out);
        assert!(err.contains("Cargo.toml:12"), "{why}: {err}");
        assert!(err.contains("0.4.0"), "{why}: {err}");
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{why}");
        assert_eq!(repo.read("Cargo.toml"), root, "{why}");
        assert_eq!(repo.git(&["tag", "-l", "v0.4.0"]), "", "{why}");
        let out = hand_tag(&repo, &["-a", "v0.4.0", "-m", "v0.4.0"]);
        assert_eq!(out.status.code(), Some(128), "{why}: {}", text(&out));
        assert!(
            stderr(&out).contains("Cargo.toml:12"),
            "{why}: {}",
            text(&out)
        );
        assert_eq!(repo.git(&["tag", "-l", "v0.4.0"]), "", "{why}");
        assert_eq!(repo.git(&["rev-parse", "HEAD"]), head, "{why}");
        assert!(
            repo.is_clean(),
            "{why}: {}",
            repo.git(&["status", "--short"])
        );
    }
}

/// A single crate (no workspace) with a path dependency on a crate at its own version: the
/// release bumps only the root crate, and leaves that requirement alone.
#[test]
fn a_path_dependency_the_release_does_not_bump_keeps_its_requirement() {
    let root = "[package]\nname = \"a\"\nversion = \"0.3.0\"\nedition = \"2021\"\n\n[dependencies]\nb = { path = \"b\", version = \"0.3.0\" }\n";
    let b = "[package]\nname = \"b\"\nversion = \"0.3.0\"\nedition = \"2021\"\n";
    let repo = released_at_0_3_0(&[
        ("Cargo.toml", root),
        ("b/Cargo.toml", b),
        ("src/lib.rs", ""),
        ("b/src/lib.rs", ""),
    ]);
    let out = dated_release(&repo, &["minor", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("Cargo.toml"), root.replacen("0.3.0", "0.4.0", 1));
    assert_eq!(repo.read("b/Cargo.toml"), b);
    resolves_at(&repo, "v0.4.0");
}

/// A pre-release: a `0.3`-style requirement moved to `0.4` would not admit `0.4.0-rc.1`
/// (cargo matches a pre-release only against a requirement naming it), so it names it; the
/// release after it moves on from there, and each tagged tree builds.
#[test]
fn a_pre_release_writes_requirements_that_admit_it() {
    let repo = forms_repo();
    let out = dated_release(&repo, &["minor", "--pre", "rc", "--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let root = repo.read("Cargo.toml");
    for line in [
        "b = { path = \"crates/b\",   version = '0.4.0-rc.1' }  # inline",
        "version = \"^0.4.0-rc.1\"",
        "b = { path = \"./crates/b\", version = \"~0.4.0-rc.1\" }",
        "b.version = \"0.4.0-rc.1\"",
        "c = { path = \"crates/c\", version = \"=0.4.0-rc.1\" }",
    ] {
        assert!(root.contains(line), "{line} not in:\n{root}");
    }
    let out = cargo_at(&repo, "v0.4.0-rc.1", &["build", "--locked"]);
    assert!(
        out.status.success(),
        "v0.4.0-rc.1 does not build: {}",
        stderr(&out)
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    let root = repo.read("Cargo.toml");
    assert!(root.contains("b.version = \"0.4.0\""), "{root}");
    assert!(root.contains("version = \"~0.4.0\""), "{root}");
    let out = cargo_at(&repo, "v0.4.0", &["build", "--locked"]);
    assert!(
        out.status.success(),
        "v0.4.0 does not build: {}",
        stderr(&out)
    );
}
