//! QA51: `relhook version --all --pre dev` in a monorepo whose Python package is at a beta
//! printed `a 1.3.0-beta.1 -> 1.3.0-dev.1`, a version `relhook release` refuses (PEP 440's
//! `1.3.0.dev1` is below `1.3.0b1`), and `--all --pre dev` without `--next` ignored `--pre`.
//! Now `--all` refuses that package as `version --package a --next` and the release do, with
//! their advice, and `--pre` asks for the next versions, as it does without `--all`.

use crate::support::{Repo, ok, stderr, stdout, text};

/// Python packages `a` (released `1.3.0-beta.1`, then a fix) and `b` (a fix since 2.0.0).
fn a_at_a_beta() -> Repo {
    let repo = Repo::new();
    for (name, version) in [("a", "1.2.0"), ("b", "2.0.0")] {
        repo.write(
            &format!("{name}/pyproject.toml"),
            format!("[project]\nname = \"{name}\"\nversion = \"{version}\"\n"),
        );
    }
    repo.write(
        ".relconfig.toml",
        "[checks]\ntest = [\"true\"]\n[packages.a]\npath = \"a\"\n[packages.b]\npath = \"b\"\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "a-v1.2.0", "-m", "a 1.2.0"]);
    repo.git(&["tag", "-a", "b-v2.0.0", "-m", "b 2.0.0"]);
    ok(repo.relhook(&["install"]));
    for (file, message) in [("a/m.py", "feat: x"), ("b/m.py", "fix: z")] {
        repo.write(file, "1\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(message);
    }
    ok(repo.relhook(&["release", "--package", "a", "--pre", "beta", "--no-test"]));
    repo.write("a/m.py", "2\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("fix: y");
    repo
}

/// The line of `err` that refuses, from its reason on.
fn refusal(err: &str) -> String {
    let line = (err.lines())
        .find(|l| l.contains("PEP 440 puts"))
        .unwrap_or_else(|| panic!("no refusal:\n{err}"));
    line[line.find("a/pyproject.toml").unwrap()..].replace(" --no-test", "")
}

#[test]
fn all_refuses_a_python_package_s_next_version_as_its_release_does() {
    let repo = a_at_a_beta();
    let alone = repo.relhook(&["version", "--package", "a", "--next", "--pre", "dev"]);
    assert_eq!(alone.status.code(), Some(1), "{}", text(&alone));
    let release = repo.relhook(&["release", "--all", "--pre", "dev", "--dry-run", "--no-test"]);
    assert_eq!(release.status.code(), Some(1), "{}", text(&release));
    for args in [
        &["version", "--all", "--next", "--pre", "dev"][..],
        &["version", "--all", "--pre", "dev"],
    ] {
        let out = repo.relhook(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out));
        assert_eq!(
            stdout(&out),
            "a 1.3.0-beta.1 (its release is refused)\nb 2.0.0 -> 2.0.1-dev.1\n",
            "{args:?}"
        );
        let said = refusal(&stderr(&out));
        assert_eq!(said, refusal(&stderr(&alone)), "{args:?}");
        assert_eq!(said, refusal(&stderr(&release)), "{args:?}");
        assert!(
            said.ends_with("`relhook release --package a 1.3.0-rc.1`"),
            "{said}"
        );
    }
}

#[test]
fn all_shows_the_next_versions_its_release_makes() {
    let repo = a_at_a_beta();
    let out = ok(repo.relhook(&["version", "--all", "--pre", "rc"]));
    assert_eq!(
        stdout(&out),
        "a 1.3.0-beta.1 -> 1.3.0-rc.1\nb 2.0.0 -> 2.0.1-rc.1\n",
        "{}",
        text(&out)
    );
    let plan = ok(repo.relhook(&["release", "--all", "--pre", "rc", "--dry-run", "--no-test"]));
    for tag in ["a-v1.3.0-rc.1", "b-v2.0.1-rc.1"] {
        assert!(stdout(&plan).contains(tag), "{tag}: {}", text(&plan));
    }
}
