//! QA: in a bare workspace (a virtual Cargo manifest), post-commit gave a package's commit
//! that also touched a tooling file (rustfmt.toml) a root entry, which `--rebuild`,
//! `version --next` and doctor all said the root should not have. And an amend taking a root
//! crate's file back out of a commit said its reason in garbled words.

use crate::support::{Repo, ok, stderr, text};

fn workspace(root_crate: bool) -> Repo {
    let repo = Repo::new();
    let root = if root_crate {
        "[package]\nname = \"root\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\nmembers = [\".\", \"crates/*\"]\n"
    } else {
        "[workspace]\nmembers = [\"crates/*\"]\n"
    };
    repo.write("Cargo.toml", root);
    repo.write("src/main.rs", "fn main() {}\n");
    repo.write(
        "crates/core/Cargo.toml",
        "[package]\nname = \"core\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    );
    repo.write("crates/core/src/lib.rs", "\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n");
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.core]\npath = \"crates/core\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo
}

#[test]
fn a_bare_workspace_gives_a_package_commit_touching_tooling_no_root_entry() {
    let repo = workspace(false);
    repo.write("rustfmt.toml", "max_width = 90\n");
    repo.write("crates/core/src/lib.rs", "//\n");
    repo.git(&["add", "-A"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: core with rustfmt"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        repo.read("crates/core/CHANGELOG.md")
            .contains("- core with rustfmt")
    );
    assert!(
        !repo.read("CHANGELOG.md").contains("rustfmt"),
        "{}",
        text(&out)
    );
    let rebuilt = ok(repo.relhook(&["changelog", "--sync", "--stdout"]));
    assert!(!String::from_utf8_lossy(&rebuilt.stdout).contains("rustfmt"));
}

#[test]
fn an_amend_taking_a_root_file_out_says_the_root_lost_the_commit() {
    let repo = workspace(true);
    repo.write("crates/core/src/lib.rs", "pub fn z() {}\n");
    repo.write("src/main.rs", "fn main() {}\nfn w() {}\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "fix: core and root"]);
    assert!(repo.read("CHANGELOG.md").contains("- core and root"));
    repo.write("src/main.rs", "fn main() {}\n");
    repo.git(&["add", "src/main.rs"]);
    let out = repo.git_output(&["commit", "-q", "--amend", "--no-edit"]);
    assert!(out.status.success(), "{}", text(&out));
    let err = stderr(&out);
    assert!(
        err.contains("the commit's files are no longer the repository's but package core's, whose changelog has its entry now"),
        "{err}"
    );
    assert!(!repo.read("CHANGELOG.md").contains("core and root"));
}
