//! QA50: in a Python project (pyproject.toml, no Cargo.toml) at a beta, `relhook version
//! --next --pre dev` printed `1.3.0-dev.1`, a version `relhook release --pre dev` then
//! refused (PEP 440 spells it `1.3.0.dev1`, below `1.3.0b1`). Now `version --next` shows
//! only what the release makes, and refuses what it refuses, with the same reason and
//! advice, for every `--pre` id.

use crate::support::{Repo, ok, stderr, stdout, text};

/// A Python project tagged `v1.2.0`, released as `1.3.0-beta.1`, then a fix committed.
fn at_a_beta() -> Repo {
    let repo = Repo::new();
    repo.write(
        "pyproject.toml",
        "[project]\nname = \"demo\"\nversion = \"1.2.0\"\n",
    );
    repo.write(".relconfig.toml", "[checks]\ntest = [\"true\"]\n");
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "chore: init"]);
    repo.git(&["tag", "-a", "v1.2.0", "-m", "1.2.0"]);
    ok(repo.relhook(&["install"]));
    repo.commit_hooked("feat: x");
    ok(repo.relhook(&["release", "--pre", "beta", "--no-test"]));
    repo.commit_hooked("fix: y");
    repo
}

/// The first line of what `out` said on stderr, after relhook's own prefix.
fn said(out: &std::process::Output) -> String {
    let err = stderr(out);
    let line = err.lines().next().unwrap_or_default();
    let rest = line.split_once(": ").map_or(line, |(_, r)| r);
    rest.strip_prefix("release refused: ")
        .or_else(|| rest.strip_prefix("error: "))
        .unwrap_or(rest)
        .to_owned()
}

#[test]
fn version_next_agrees_with_the_release_for_every_pre_release_id() {
    let repo = at_a_beta();
    let mut refused = Vec::new();
    for id in ["alpha", "beta", "rc", "dev"] {
        let shown = repo.relhook(&["version", "--next", "--pre", id]);
        let release = repo.relhook(&["release", "--pre", id, "--dry-run", "--no-test"]);
        if release.status.success() {
            let next = stdout(&shown);
            assert!(shown.status.success(), "{id}: {}", text(&shown));
            let tag = format!("tag: annotated v{}", next.trim());
            assert!(stdout(&release).contains(&tag), "{id}: {}", text(&release));
        } else {
            assert_eq!(shown.status.code(), Some(1), "{id}: {}", text(&shown));
            // But for the `--no-test` the release's advice repeats (QA50).
            let release = said(&release).replace(" --no-test", "");
            assert_eq!(said(&shown), release, "{id}");
            refused.push(id);
        }
    }
    assert_eq!(refused, ["alpha", "dev"]);
}

#[test]
fn version_next_refuses_a_dev_release_below_the_beta_with_the_release_s_advice() {
    let repo = at_a_beta();
    let out = repo.relhook(&["version", "--next", "--pre", "dev"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).is_empty(), "{}", text(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "pyproject.toml: PEP 440 puts 1.3.0.dev1 (1.3.0-dev.1) below the 1.3.0b1 it holds now"
        ),
        "{err}"
    );
    let command = err.rsplit_once("instead: `").expect("advice").1;
    let command = command.trim_end().trim_end_matches('`');
    assert_eq!(command, "relhook release 1.3.0-rc.1");
    assert_eq!(
        stdout(&ok(repo.relhook(&["version", "--next", "--pre", "rc"]))),
        "1.3.0-rc.1\n"
    );
    ok(repo.sh(&format!("{command} --no-test")));
    assert!(repo.read("pyproject.toml").contains("\"1.3.0rc1\""));
}
