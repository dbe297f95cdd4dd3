//! Found by QA on git-cliff (a Cargo workspace): several `[version] files` entries that meet
//! in one file, Cargo.lock or a manifest listed twice.

use crate::support::{Repo, dated_release, hand_tag, ok, text};

/// A repository with `files` committed, relhook installed, `v1.0.0` tagged, and one fix on top.
fn released_at_1_0_0(files: &[(&str, &str)], config: &str) -> Repo {
    let repo = Repo::new();
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("fix: x");
    repo
}

fn lock(a: &str, b: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"{a}\"\n\n[[package]]\nname = \"b\"\nversion = \"{b}\"\n"
    )
}

/// Every listed crate's own Cargo.lock entry moves with its Cargo.toml, not only the first's:
/// `cargo build --locked` works on the tagged tree.
#[test]
fn each_listed_crate_moves_its_own_cargo_lock_entry() {
    let krate = |name: &str, v: &str| format!("[package]\nname = \"{name}\"\nversion = \"{v}\"\n");
    let repo = released_at_1_0_0(
        &[
            ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n"),
            ("a/Cargo.toml", &krate("a", "1.0.0")),
            ("b/Cargo.toml", &krate("b", "1.0.0")),
            ("Cargo.lock", &lock("1.0.0", "1.0.0")),
        ],
        "[version]\nfiles = [\n  { path = \"a/Cargo.toml\", key = \"package.version\" },\n  { path = \"b/Cargo.toml\", key = \"package.version\" },\n]\n",
    );
    let out = dated_release(&repo, &["--no-test"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.read("a/Cargo.toml"), krate("a", "1.0.1"));
    assert_eq!(repo.read("b/Cargo.toml"), krate("b", "1.0.1"));
    assert_eq!(repo.read("Cargo.lock"), lock("1.0.1", "1.0.1"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
    // A hand tag does the same.
    repo.commit_hooked("fix: y");
    let out = hand_tag(&repo, &["-a", "v1.0.2", "-m", "v1.0.2"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        repo.git(&["tag", "-l", "v1.0.2"]),
        "v1.0.2",
        "{}",
        text(&out)
    );
    assert_eq!(repo.read("b/Cargo.toml"), krate("b", "1.0.2"));
    assert_eq!(repo.read("Cargo.lock"), lock("1.0.2", "1.0.2"));
    let tagged = repo.git(&["show", "v1.0.2:Cargo.lock"]);
    assert_eq!(tagged + "\n", lock("1.0.2", "1.0.2"));
    assert!(repo.is_clean(), "{}", repo.git(&["status", "--short"]));
}
