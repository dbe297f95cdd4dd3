//! QA72: package.json moved to `2.0.0-beta.0` after v1.2.0, then `feat:` commits: `version
//! --next` said 1.3.0 (`--pre beta`: 1.3.0-beta.1), which `relhook release` refuses, as it
//! never writes a version file's version down, naming `relhook release 2.0.0-beta.0`. Now
//! `version --next` refuses it as the release does, with the same way on, which works pasted.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A Node project released as v1.2.0, package.json then set to 2.0.0-beta.0, and two
/// features since.
fn moved_to_a_beta() -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"demo\",\n  \"version\": \"1.2.0\"\n}\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a");
    ok(repo.relhook(&["release"]));
    assert_eq!(repo.git(&["tag"]), "v1.2.0");
    let manifest = repo.read("package.json").replace("1.2.0", "2.0.0-beta.0");
    repo.write("package.json", manifest);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: start 2.0.0-beta.0");
    for (file, message) in [("e.txt", "feat: e"), ("f.txt", "feat: f")] {
        repo.write(file, "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    repo
}

const WAY_ON: &str = "release the version it holds: `relhook release 2.0.0-beta.0`";

#[test]
fn version_next_refuses_what_the_release_refuses_and_names_the_same_way_on() {
    let repo = moved_to_a_beta();
    for pre in [&[][..], &["--pre", "beta"][..]] {
        let out = repo.relhook(&[&["version", "--next"][..], pre].concat());
        assert_eq!(out.status.code(), Some(1), "{pre:?}: {}", text(&out));
        assert_eq!(stdout(&out), "", "{pre:?}");
        assert!(stderr(&out).contains(WAY_ON), "{pre:?}: {}", text(&out));
        let out = repo.relhook(&[&["release", "--dry-run"][..], pre].concat());
        assert_eq!(out.status.code(), Some(1), "{pre:?}: {}", text(&out));
        assert!(stderr(&out).contains(WAY_ON), "{pre:?}: {}", text(&out));
    }
    let out = repo.sh("relhook release 2.0.0-beta.0");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(repo.git(&["tag"]), "v1.2.0\nv2.0.0-beta.0");
    assert_eq!(stdout(&ok(repo.relhook(&["version"]))), "2.0.0-beta.0\n");
}

#[test]
fn before_the_first_release_a_lower_pre_release_is_refused_as_well() {
    // Cargo.toml at 1.0.0-rc.1, no tag: `--pre beta` would make 1.0.0-beta.1, below it.
    let repo = Repo::new();
    repo.write(
        "Cargo.toml",
        "[package]\nname = \"demo\"\nversion = \"1.0.0-rc.1\"\nedition = \"2021\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("a.txt", "a\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: a");
    let out = repo.relhook(&["version", "--next", "--pre", "beta"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        stderr(&out).contains("`relhook release 1.0.0-rc.1`"),
        "{}",
        text(&out)
    );
}
