//! QA66: `relhook init` on a repository that became a monorepo (a root release tag from
//! before, its CHANGELOG.md deleted as the packages took their own) wrote a new root
//! CHANGELOG.md, which doctor then called INVALID: the root's release section was "no longer"
//! there. init now writes no root changelog where a commit deleted the one that held the
//! releases (naming the way back, as doctor and post-commit do), nor where the root is never
//! released (a private root package.json), and says why in one line.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A root release `v1.0.0` with a conventional-changelog CHANGELOG.md, then the packages
/// `packages/a` and `packages/b`, each with a changelog and a release tag of its own, in the
/// commit that deleted the root's changelog; the root package.json `root` (its text).
fn became_monorepo(root: &str, package_log: fn(&str) -> String) -> Repo {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"name\": \"mono\",\n  \"version\": \"1.0.0\"\n}\n",
    );
    repo.write(
        "CHANGELOG.md",
        "# Change Log\n\n# [1.0.0](https://github.com/x/y/compare/v0.9.0...v1.0.0) (2019-01-01)\n\n### Features\n\n* first ([abc1234](https://github.com/x/y/commit/abc1234))\n",
    );
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "feat: first"]);
    repo.git(&["tag", "-a", "v1.0.0", "-m", "v1.0.0"]);
    repo.git(&["rm", "-q", "CHANGELOG.md"]);
    repo.write("package.json", root);
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!("{{\n  \"name\": \"@s/{p}\",\n  \"version\": \"1.2.0\"\n}}\n"),
        );
        repo.write(&format!("packages/{p}/CHANGELOG.md"), package_log(p));
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: release"]);
    repo.git(&["tag", "@s/a@1.2.0"]);
    repo.git(&["tag", "@s/b@1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo
}

fn conventional(p: &str) -> String {
    format!(
        "# Change Log\n\n# [1.2.0](https://github.com/x/y/compare/@s/{p}@1.1.0...@s/{p}@1.2.0) (2020-01-01)\n\n### Features\n\n* thing ([abc1234](https://github.com/x/y/commit/abc1234))\n"
    )
}

fn changesets(p: &str) -> String {
    format!("# @s/{p}\n\n## 1.2.0\n\n### Minor Changes\n\n- abc1234: thing\n")
}

/// init, its files committed as it says, the hooks installed again as it says: doctor's
/// report, and init's own output.
fn init_then_doctor(repo: &Repo) -> (String, String) {
    let init = repo.relhook(&["init"]);
    ok(init.clone());
    let said = stdout(&init);
    assert!(
        !repo.path().join("CHANGELOG.md").exists(),
        "{}",
        text(&init)
    );
    assert!(
        said.contains("next: git add .relconfig.toml && git commit"),
        "{said}"
    );
    repo.git(&["add", ".relconfig.toml"]);
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "chore: adopt relhook",
        "--",
        ".relconfig.toml",
    ]);
    ok(repo.relhook(&["install"]));
    (said, stdout(&repo.relhook(&["doctor"])))
}

#[test]
fn conventional_changelog_root_is_not_started_anew_and_doctor_agrees() {
    let repo = became_monorepo(
        "{\n  \"name\": \"mono\",\n  \"workspaces\": [\"packages/*\"]\n}\n",
        conventional,
    );
    let (init, doctor) = init_then_doctor(&repo);
    let line = init
        .lines()
        .find(|l| l.starts_with("wrote no CHANGELOG.md"))
        .unwrap_or_else(|| panic!("{init}"));
    assert!(
        line.contains("was deleted by commit") && line.contains("brings it back"),
        "{line}"
    );
    assert!(!doctor.contains("INVALID"), "{doctor}");
    // A root commit's line names the way back too, not an init that writes nothing.
    repo.write("README", "r\n");
    repo.git(&["add", "README"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: root readme"]);
    ok(out.clone());
    let says = stderr(&out);
    assert!(
        says.contains("was deleted by commit") && !says.contains("`relhook init` writes it"),
        "{says}"
    );
    // The way back init named, pasted: the file is back with its release, and doctor still
    // finds nothing INVALID.
    let id = line
        .split("`git checkout ")
        .nth(1)
        .and_then(|rest| rest.split("~1").next())
        .unwrap_or_else(|| panic!("{line}"));
    repo.git(&["checkout", &format!("{id}~1"), "--", ":/CHANGELOG.md"]);
    ok(repo.relhook(&["changelog", "--sync"]));
    assert!(repo.read("CHANGELOG.md").contains("root readme"));
    repo.git(&[
        "commit",
        "-q",
        "-m",
        "docs(changelog): restore CHANGELOG.md",
        "--",
        ":/CHANGELOG.md",
    ]);
    let doctor = stdout(&repo.relhook(&["doctor"]));
    assert!(!doctor.contains("INVALID"), "{doctor}");
}

#[test]
fn private_root_gets_no_changelog_and_doctor_agrees() {
    let repo = became_monorepo(
        "{\n  \"name\": \"mono\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n",
        changesets,
    );
    let (init, doctor) = init_then_doctor(&repo);
    let said: Vec<&str> = init
        .lines()
        .filter(|l| l.starts_with("wrote no CHANGELOG.md"))
        .collect();
    assert_eq!(
        said,
        [
            "wrote no CHANGELOG.md: the root package.json is private (`\"private\": true`), so the root is not released, and each package keeps its own changelog"
        ],
        "{init}"
    );
    assert!(!doctor.contains("INVALID"), "{doctor}");
    // A root commit is told why it has no entry, not sent to an init that writes nothing.
    repo.write("README", "r\n");
    repo.git(&["add", "README"]);
    let out = repo.git_output(&["commit", "-q", "-m", "feat: root readme"]);
    ok(out.clone());
    let says = stderr(&out);
    assert_eq!(says.lines().count(), 1, "{says}");
    assert!(
        says.contains("the root is not released") && !says.contains("relhook init"),
        "{says}"
    );
}

/// A private root whose packages share its version (one project) is released: its changelog
/// is written as before.
#[test]
fn private_root_released_with_its_packages_still_gets_one() {
    let repo = Repo::new();
    repo.write(
        "package.json",
        "{\n  \"private\": true,\n  \"version\": \"1.2.0\",\n  \"workspaces\": [\"packages/*\"]\n}\n",
    );
    for p in ["a", "b"] {
        repo.write(
            &format!("packages/{p}/package.json"),
            format!("{{\n  \"name\": \"@s/{p}\",\n  \"version\": \"1.2.0\"\n}}\n"),
        );
    }
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: start"]);
    let out = repo.relhook(&["init"]);
    ok(out.clone());
    assert!(
        stdout(&out).contains("wrote CHANGELOG.md"),
        "{}",
        text(&out)
    );
}
