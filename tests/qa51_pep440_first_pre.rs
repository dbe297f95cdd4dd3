//! QA51: before its first release, a Python project at 1.2.0 asked for `--pre beta` was
//! refused as "below 1.2.0" and advised `1.2.1-rc.1`, where a Cargo project at 1.2.0 makes
//! `1.2.0-beta.1` (the first release is the version the files hold, a pre-release of it with
//! `--pre`). A pre-release of the final version pyproject.toml announces is below it in both
//! orders, so the Python project now does the same, pyproject.toml and uv.lock spelling it
//! `1.2.0b1` (QA161: PEP 440's normal form, which pip reads `1.2.0-beta.1` as).

use crate::support::{Repo, ok, stdout, text};

/// A project of `files` (path, contents), no release tag yet, and a `feat:` commit.
fn untagged(files: &[(&str, &str)]) -> Repo {
    let repo = Repo::new();
    for (path, contents) in files {
        repo.write(path, contents);
    }
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    ok(repo.relhook(&["install"]));
    repo.write("m.txt", "1\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat: x");
    repo
}

fn cargo() -> Repo {
    untagged(&[
        (
            "Cargo.toml",
            "[package]\nname = \"demo\"\nversion = \"1.2.0\"\nedition = \"2021\"\n",
        ),
        ("src/lib.rs", ""),
    ])
}

const UV_LOCK: &str = "version = 1\nrevision = 3\n\n[[package]]\nname = \"demo\"\nversion = \"1.2.0\"\nsource = { editable = \".\" }\n";

fn python() -> Repo {
    untagged(&[
        (
            "pyproject.toml",
            "[project]\nname = \"demo\"\nversion = \"1.2.0\"\n",
        ),
        ("uv.lock", UV_LOCK),
    ])
}

#[test]
fn a_first_beta_is_the_files_version_s_in_both_projects() {
    // The tag is SemVer's in both; pyproject.toml gets PEP 440's normal form, as pip reads it.
    let projects = [
        (cargo(), "Cargo.toml", "1.2.0-beta.1"),
        (python(), "pyproject.toml", "1.2.0b1"),
    ];
    for (repo, file, spelled) in projects {
        let next = repo.relhook(&["version", "--next", "--pre", "beta"]);
        assert_eq!(stdout(&next), "1.2.0-beta.1\n", "{file}: {}", text(&next));
        let out = repo.relhook(&["release", "--pre", "beta"]);
        assert!(out.status.success(), "{file}: {}", text(&out));
        assert_eq!(repo.git(&["tag"]), "v1.2.0-beta.1", "{file}");
        assert!(
            repo.read(file).contains(&format!("\"{spelled}\"")),
            "{file}"
        );
        // From the beta, the final release the files first announced.
        repo.write("m.txt", "2\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked("fix: y");
        ok(repo.relhook(&["release"]));
        assert!(repo.read(file).contains("\"1.2.0\""), "{file}");
    }
}

#[test]
fn uv_lock_spells_the_first_beta_as_pep_440_does() {
    let repo = python();
    ok(repo.relhook(&["release", "--pre", "beta"]));
    assert_eq!(
        repo.read("uv.lock"),
        UV_LOCK.replace("\"1.2.0\"", "\"1.2.0b1\"")
    );
}
