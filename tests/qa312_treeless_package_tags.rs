//! QA312: a monorepo whose package moved (`git mv p/a pkg/a`, its `path` updated) and whose
//! packages are tagged `a@X.Y.Z`, cloned treeless (`git clone --filter=tree:0`, as CI makes
//! them). Pre-push and `relhook doctor` read the `.relconfig.toml` stored at each commit since
//! a package's last release (where the package was then) one commit's tree at a time: a fetch
//! from the remote each. They come in one batch now; the hand package tag, `relhook release`
//! of a package and the commit hook fetch at most what they read at the last release.

use std::path::{Path, PathBuf};

use crate::qa307_treeless_doctor::object_fetches;
use crate::support::{Repo, ok, stdout, text, two_packages};

/// Packages `a` and `b` tagged `a@{version}`, each released twice, then `a` moved to `pkg/a`
/// and released again, pushed to an origin that serves filters; a treeless clone of it.
fn moved_and_cloned() -> (Repo, PathBuf) {
    let repo = two_packages(
        r#"{"name":"a","version":"0.1.0"}"#,
        r#"{"name":"b","version":"0.1.0"}"#,
    );
    let config = "[checks]\nrequire_tested_tags = false\n[packages.a]\npath = \"p/a\"\ntag = \"a@{version}\"\n[packages.b]\npath = \"p/b\"\ntag = \"b@{version}\"\n";
    repo.write(".relconfig.toml", config);
    repo.git(&["add", "-A"]);
    repo.commit_hooked("chore: tags");
    let origin = repo.with_origin();
    for r in 1..=2 {
        for p in ["a", "b"] {
            repo.write(&format!("p/{p}/f{r}"), format!("{r}\n"));
            repo.git(&["add", "-A"]);
            repo.commit_hooked(&format!("feat({p}): {p}{r}"));
            ok(repo.relhook(&["release", "--package", p, "--no-test"]));
        }
    }
    std::fs::create_dir(repo.path().join("pkg")).unwrap();
    repo.git(&["mv", "p/a", "pkg/a"]);
    repo.write(".relconfig.toml", config.replace("\"p/a\"", "\"pkg/a\""));
    repo.git(&["add", "-A"]);
    repo.commit_hooked("refactor(a): move a to pkg/a");
    repo.write("pkg/a/f3", "3\n");
    repo.git(&["add", "-A"]);
    repo.commit_hooked("feat(a): a3");
    ok(repo.relhook(&["release", "--package", "a", "--no-test"]));
    for i in 3..=5 {
        repo.write(&format!("p/b/f{i}"), "3\n");
        repo.git(&["add", "-A"]);
        repo.commit_hooked(&format!("fix(b): b{i}"));
    }
    ok(repo.git_output(&["push", "-q", "--follow-tags", "origin", "main"]));
    let bare = origin.to_str().unwrap();
    repo.git(&["-C", bare, "config", "uploadpack.allowFilter", "true"]);
    repo.git(&[
        "-C",
        bare,
        "config",
        "uploadpack.allowAnySHA1InWant",
        "true",
    ]);
    let clone = repo.dir.path().join("treeless");
    let url = format!("file://{bare}");
    let args = ["clone", "-q", "--filter=tree:0", "-b", "main", &url];
    let out = repo.git_in(
        repo.dir.path(),
        &[&args[..], &[clone.to_str().unwrap()]].concat(),
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    ok(repo.relhook_in(&clone, &["install"]));
    (repo, clone)
}

const COUNT: (&str, &str) = ("RELHOOK_TEST_OBJECT_FETCHES", "1");

/// Runs git in `clone` with the fetch counter on; the fetches of each relhook process it ran.
fn git_counted(repo: &Repo, clone: &Path, args: &[&str]) -> Vec<usize> {
    let out = repo.git_in(clone, args, &[COUNT]);
    assert!(out.status.success(), "{}", text(&out));
    counts(&String::from_utf8_lossy(&out.stderr))
}

fn counts(err: &str) -> Vec<usize> {
    let lines = err.lines().filter(|l| l.ends_with(" object fetches"));
    lines.map(object_fetches).collect()
}

#[test]
fn pre_push_of_a_moved_package_fetches_the_stored_configurations_at_once() {
    let (repo, clone) = moved_and_cloned();
    std::fs::write(clone.join("pkg/a/f4"), "4\n").unwrap();
    repo.git_in(&clone, &["add", "-A"], &[]);
    let commit = git_counted(&repo, &clone, &["commit", "-q", "-m", "fix(a): a4"]);
    assert!(commit.iter().all(|n| *n == 0), "{commit:?}");
    // The configurations at the commits since the releases (the move among them): the trees
    // in one fetch and the files in them in another, then what another package's walk adds;
    // not a fetch per commit.
    let push = git_counted(&repo, &clone, &["push", "-q", "origin", "main"]);
    assert!(push.iter().sum::<usize>() <= 3, "{push:?}");
}

#[test]
fn doctor_and_package_releases_in_a_treeless_monorepo_fetch_at_once() {
    let (repo, clone) = moved_and_cloned();
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &clone);
    let out = cmd.arg("doctor").env(COUNT.0, COUNT.1).output().unwrap();
    assert!(stdout(&out).contains("all is well"), "{}", text(&out));
    // The trees at the newest releases, the files in them, then the commits since, a batch
    // per package walked: not one fetch more per commit since a release.
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(counts(&err).iter().sum::<usize>() <= 4, "{err}");
    // A hand tag of the moved package: its release commit, the tag moved onto it.
    std::fs::write(clone.join("pkg/a/f4"), "4\n").unwrap();
    repo.git_in(&clone, &["add", "-A"], &[]);
    git_counted(&repo, &clone, &["commit", "-q", "-m", "fix(a): a4"]);
    let tag = git_counted(&repo, &clone, &["tag", "-a", "a@0.1.3", "-m", "a 0.1.3"]);
    assert!(tag.iter().sum::<usize>() <= 1, "{tag:?}");
    let head = repo.git_in(&clone, &["log", "-1", "--format=%s"], &[]);
    assert!(stdout(&head).contains("a@0.1.3"), "{}", text(&head));
    // `relhook release` of the package that did not move.
    let mut cmd = repo.command_in(crate::support::relhook_bin(), &clone);
    cmd.args(["release", "--package", "b", "--no-test"]);
    let out = cmd.env(COUNT.0, COUNT.1).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("b@0.1.2 tagged"), "{err}");
    assert!(counts(&err).iter().sum::<usize>() <= 1, "{err}");
    let push = git_counted(
        &repo,
        &clone,
        &["push", "-q", "--follow-tags", "origin", "main"],
    );
    assert!(push.iter().sum::<usize>() <= 3, "{push:?}");
}
