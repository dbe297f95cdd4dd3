//! QA44: in a monorepo whose root is a project of its own (a root crate of
//! `members = [".", "crates/*"]`), a commit changing the root's files and a package's went
//! to the package alone: no root entry (post-commit, `--sync`, `--rebuild`, doctor) and no
//! root bump.
//! It is now the root's too, while lock files and changelogs alone make no commit the root's.

use crate::support::{Repo, SKELETON, ok, stderr, stdout};

/// A root crate with package `core` at crates/core, both released (`v1.0.0`,
/// `core-v0.3.0`), relhook's hooks, and the root's CHANGELOG.md.
fn root_crate() -> Repo {
    let repo = Repo::new();
    repo.hooks(&["commit-msg", "post-commit"]);
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"1.0.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.3.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "pub fn core() {}\n");
    repo.write("Cargo.lock", "version = 3\n");
    repo.write("CHANGELOG.md", SKELETON);
    repo.write(
        ".relconfig.toml",
        "[packages.core]\npath = \"crates/core\"\n",
    );
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["tag", "-a", "core-v0.3.0", "-m", "core-v0.3.0"]);
    repo
}

/// Appends a line to each of `files` and commits them with `message` (`git` runs the hooks
/// unless `skip`).
fn change(repo: &Repo, files: &[&str], message: &str, skip: bool) {
    for f in files {
        let mut text = std::fs::read_to_string(repo.path().join(f)).unwrap_or_default();
        text.push_str(&format!("// {message}\n"));
        repo.write(f, text);
        repo.git(&["add", f]);
    }
    let args = ["commit", "-q", "-m", message];
    ok(if skip {
        repo.git_skipping_relhook(&args)
    } else {
        repo.git_output(&args)
    });
}

fn next(repo: &Repo, args: &[&str]) -> String {
    let out = ok(repo.relhook(&[&["version", "--next"], args].concat()));
    stdout(&out).trim().to_owned()
}

#[test]
fn a_change_to_root_files_and_a_package_is_both_projects() {
    let repo = root_crate();
    let files = ["src/main.rs", "crates/core/src/lib.rs"];
    change(&repo, &files, "feat: enterprise server support", false);
    let shown = repo.git(&["show", "--name-only", "--format=", "HEAD"]);
    assert!(shown.contains("crates/core/CHANGELOG.md"), "{shown}");
    assert!(shown.lines().any(|l| l == "CHANGELOG.md"), "{shown}");
    let root = repo.read("CHANGELOG.md");
    assert!(root.contains("- enterprise server support"), "{root}");
    let core = repo.read("crates/core/CHANGELOG.md");
    assert!(core.contains("- enterprise server support"), "{core}");
    assert_eq!(next(&repo, &[]), "1.1.0");
    assert_eq!(next(&repo, &["--package", "core"]), "0.3.1");
    // Rebuilt from history, the root's changelog has it too.
    let rebuilt = stdout(&ok(repo.relhook(&["changelog", "--rebuild", "--stdout"])));
    assert!(rebuilt.contains("- enterprise server support"), "{rebuilt}");
}

#[test]
fn a_skipped_commit_of_both_gets_its_root_entry_from_sync() {
    let repo = root_crate();
    let files = ["src/main.rs", "crates/core/src/lib.rs"];
    change(&repo, &files, "fix: both sides", true);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(
        doctor.contains("CHANGELOG.md has no entry for 1 commit"),
        "{doctor}"
    );
    let out = ok(repo.relhook(&["changelog", "--sync"]));
    assert!(stderr(&out).contains("both sides"), "{}", stderr(&out));
    let root = repo.read("CHANGELOG.md");
    assert!(root.contains("### Fixed\n\n- both sides"), "{root}");
}

#[test]
fn a_lock_file_or_a_scope_makes_no_package_change_the_root_s() {
    let repo = root_crate();
    let root = repo.read("CHANGELOG.md");
    let files = ["crates/core/src/lib.rs", "Cargo.lock"];
    change(&repo, &files, "feat: core with a new dependency", false);
    let core = repo.read("crates/core/CHANGELOG.md");
    assert!(core.contains("- core with a new dependency"), "{core}");
    // A scope that is a package's `scopes` says whose the change is.
    repo.write(
        ".relconfig.toml",
        "[packages.core]\npath = \"crates/core\"\nscopes = [\"core\"]\n",
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&["commit", "-q", "-m", "chore: scopes"]);
    let files = ["src/main.rs", "crates/core/src/lib.rs"];
    change(&repo, &files, "feat(core): faster", false);
    assert_eq!(repo.read("CHANGELOG.md"), root);
    // The root's only commit since v1.0.0 is the configuration's.
    let out = repo.relhook(&["version", "--next"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("none of the 1 commit since v1.0.0 (`chore: scopes`)"),
        "{}",
        stderr(&out)
    );
    let synced = ok(repo.relhook(&["changelog", "--sync"]));
    assert_eq!(repo.read("CHANGELOG.md"), root, "{}", stderr(&synced));
}
