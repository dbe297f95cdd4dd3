//! QA42: `relhook init` run after `relhook install` wrote packages into a new configuration
//! and named only the commit: the packages' changelogs had no merge driver line until a
//! `relhook install` nothing asked for (doctor called it missing). init now says so.

use crate::support::{Repo, ok, stdout, text};

fn workspace() -> Repo {
    let repo = Repo::new();
    repo.write("README", "x\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    ok(repo.relhook(&["install"]));
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    repo
}

#[test]
fn init_after_install_names_the_install_its_packages_need() {
    let repo = workspace();
    let out = repo.relhook(&["init"]);
    ok(out.clone());
    let said = stdout(&out);
    assert!(
        said.contains(
            "then: relhook install (installed before the packages, the merge driver has no line for package a's crates/a/CHANGELOG.md yet)"
        ),
        "{}",
        text(&out)
    );
    // Followed, doctor finds the driver whole.
    ok(repo.relhook(&["install"]));
    let doctor = repo.relhook(&["doctor"]);
    let said = text(&doctor);
    assert!(
        said.contains("ok  merge driver") && !said.contains("has no attribute line"),
        "{said}"
    );
    // Nothing to say once it is done, nor before any hook is installed.
    std::fs::remove_file(repo.path().join(".relconfig.toml")).unwrap();
    let again = repo.relhook(&["init"]);
    assert!(
        !stdout(&again).contains("then: relhook install"),
        "{}",
        text(&again)
    );
}

#[test]
fn init_before_install_does_not_ask_for_it_twice() {
    let repo = Repo::new();
    repo.write("Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\n");
    repo.write(
        "crates/a/Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n",
    );
    let out = repo.relhook(&["init"]);
    assert!(
        !stdout(&out).contains("then: relhook install"),
        "{}",
        text(&out)
    );
}
