//! QA72: with no release tag and the version files at `1.0.0-rc.1`, `relhook version` said a
//! first release starts at 1.0.0-rc.1 (and `--explain` that "the first release is the version
//! already there"), while `version --next` and `relhook release` made 1.0.0, and `--pre rc`
//! made rc.2, as if rc.1 were released. The first release is the version the files hold, a
//! pre-release as well: all of them now say 1.0.0-rc.1.

use crate::support::{Repo, ok, stdout, text};

/// No release tag, `file` (path, contents) at 1.0.0-rc.1, `feat: a` and `fix: b` since.
fn untagged_rc(file: (&str, &str)) -> Repo {
    let repo = Repo::new();
    repo.write(file.0, file.1);
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    for (name, message) in [("a.txt", "feat: a"), ("b.txt", "fix: b")] {
        repo.write(name, "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    repo
}

const CARGO: (&str, &str) = (
    "Cargo.toml",
    "[package]\nname = \"demo\"\nversion = \"1.0.0-rc.1\"\nedition = \"2021\"\n",
);
const NPM: (&str, &str) = (
    "package.json",
    "{\n  \"name\": \"demo\",\n  \"version\": \"1.0.0-rc.1\"\n}\n",
);

fn said(repo: &Repo, args: &[&str]) -> String {
    let out = repo.relhook(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out));
    stdout(&out)
}

#[test]
fn version_next_and_release_agree_on_the_pre_release_the_files_hold() {
    for file in [CARGO, NPM] {
        let repo = untagged_rc(file);
        assert_eq!(said(&repo, &["version"]), "1.0.0-rc.1\n", "{}", file.0);
        assert_eq!(said(&repo, &["version", "--next"]), "1.0.0-rc.1\n");
        assert_eq!(
            said(&repo, &["version", "--next", "--pre", "rc"]),
            "1.0.0-rc.1\n"
        );
        let explained = said(&repo, &["version", "--explain"]);
        assert!(explained.ends_with("next: 1.0.0-rc.1\n"), "{explained}");
        let dry = said(&repo, &["release", "--dry-run"]);
        assert!(dry.starts_with("release v1.0.0-rc.1 "), "{dry}");
        ok(repo.relhook(&["release"]));
        assert_eq!(repo.git(&["tag"]), "v1.0.0-rc.1", "{}", file.0);
        assert!(repo.read(file.0).contains("\"1.0.0-rc.1\""));
        assert!(repo.read("CHANGELOG.md").contains("## [1.0.0-rc.1] - "));
        // Released now: a fix finishes the line, or goes on with it.
        repo.write("c.txt", "x\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("fix: c");
        assert_eq!(said(&repo, &["version", "--next"]), "1.0.0\n");
        assert_eq!(
            said(&repo, &["version", "--next", "--pre", "rc"]),
            "1.0.0-rc.2\n"
        );
    }
}

#[test]
fn another_identifier_is_its_own_line() {
    // `--pre rc` at `1.0.0-beta.2`: above it, the first rc, as before.
    let repo = untagged_rc((CARGO.0, CARGO.1.replace("rc.1", "beta.2").as_str()));
    assert_eq!(said(&repo, &["version", "--next"]), "1.0.0-beta.2\n");
    assert_eq!(
        said(&repo, &["version", "--next", "--pre", "rc"]),
        "1.0.0-rc.1\n"
    );
    assert_eq!(
        said(&repo, &["version", "--next", "--pre", "beta"]),
        "1.0.0-beta.2\n"
    );
}
