//! QA40, second round: a Cargo requirement with a `path` to another crate of the member's name
//! (`lib1 = { path = "vendor/lib1" }`, a vendored copy) was rewritten with the member's release,
//! and cargo then failed to resolve; a hand tag was refused for it. Only a path that leads to
//! the member's folder is on the member.

use crate::support::{Repo, hand_tag, ok, stderr, text};

fn vendored() -> Repo {
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"app\"\nversion = \"2.0.0\"\nedition = \"2021\"\n\n[dependencies]\nlib1 = { path = \"vendor/lib1\", version = \"0.1.5\" }\n\n[workspace]\nmembers = [\"crates/*\"]\nexclude = [\"vendor\"]\n",
    );
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/lib1/Cargo.toml",
        "[package]\nname = \"lib1\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/lib1/src/lib.rs", "\n");
    repo.write(
        "vendor/lib1/Cargo.toml",
        "[package]\nname = \"lib1\"\nversion = \"0.1.5\"\nedition = \"2021\"\n",
    );
    repo.write("vendor/lib1/src/lib.rs", "\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\nrequire_tested_tags = false\n\n[packages.lib1]\npath = \"crates/lib1\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-qm", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("crates/lib1/src/lib.rs", "//\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(lib1)!: x");
    repo
}

#[test]
fn a_release_leaves_a_path_to_another_crate_of_the_name_alone() {
    let repo = vendored();
    let root = repo.read("Cargo.toml");
    let out = ok(repo.relhook(&["release", "--no-test", "--package", "lib1"]));
    assert!(!stderr(&out).contains("**deps:**"), "{}", text(&out));
    assert_eq!(repo.read("Cargo.toml"), root);
    assert!(
        repo.read("crates/lib1/Cargo.toml")
            .contains("version = \"0.2.0\"")
    );
}

#[test]
fn a_hand_tag_is_not_refused_for_it() {
    let repo = vendored();
    let out = hand_tag(&repo, &["-a", "lib1-v0.2.0", "-m", "lib1"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!stderr(&out).contains("does not meet"), "{}", text(&out));
}
