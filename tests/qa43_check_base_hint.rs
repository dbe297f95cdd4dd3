//! QA43: `relhook check --base base` over commits from before `relhook install` said
//! "(`relhook check --all` judges them)": `--all` cannot be given with `--base`, and alone it
//! judges all of HEAD's history. The hint now names the range it judged (`relhook check --all
//! <base id>..HEAD`), and running it as printed judges exactly those commits.

use crate::support::{Repo, ok, relhook_bin, stdout, text};

/// Three commits that fail the lint, made before the install; `base` tags the first.
fn bad_history_then_install() -> Repo {
    let repo = Repo::new();
    for i in 1..=3 {
        repo.git(&[
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            &format!("bad message {i}"),
        ]);
    }
    repo.git(&["tag", "base", "HEAD~2"]);
    ok(repo.relhook(&["install"]));
    repo
}

/// The command in "`relhook check …` judges them".
fn hinted(said: &str) -> String {
    let at = said.find("`relhook check").expect("a hint") + 1;
    let end = said[at..].find("` judges them").expect("its end");
    said[at..at + end].to_owned()
}

/// Runs `command` as a person would paste it into a shell in the repository.
fn run_literally(repo: &Repo, command: &str) -> std::process::Output {
    let bin_dir = relhook_bin().parent().unwrap().to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    repo.command_in("sh", &repo.path())
        .env("PATH", path)
        .args(["-c", command])
        .output()
        .unwrap()
}

fn judges_the_two_commits_above_base(repo: &Repo, command: &str) {
    let out = run_literally(repo, command);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{command}: {said}");
    assert!(
        said.contains("bad message 2") && said.contains("bad message 3"),
        "{command}: {said}"
    );
    assert!(!said.contains("bad message 1"), "{command}: {said}");
}

#[test]
fn base_with_only_commits_from_before_the_install_names_a_command_for_that_range() {
    let repo = bad_history_then_install();
    let out = repo.relhook(&["check", "--base", "base"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(stdout(&out).contains("nothing judged in "), "{said}");
    let command = hinted(&stdout(&out));
    let base = repo.git(&["rev-parse", "--short=9", "base"]);
    assert_eq!(
        command,
        format!("relhook check --all {base}..HEAD"),
        "{said}"
    );
    judges_the_two_commits_above_base(&repo, &command);
}

#[test]
fn the_note_beside_judged_commits_names_that_range_too() {
    let repo = bad_history_then_install();
    repo.commit_hooked("feat: after the install");
    let out = repo.relhook(&["check", "--base", "base"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("were not judged"), "{said}");
    let command = hinted(&said);
    let out = run_literally(&repo, &command);
    let judged = text(&out);
    assert_eq!(out.status.code(), Some(1), "{command}: {judged}");
    assert!(
        judged.contains("bad message 2") && !judged.contains("bad message 1"),
        "{command}: {judged}"
    );
    assert!(stdout(&out).contains("checked 3 commits"), "{judged}");
}

#[test]
fn the_last_release_tag_range_names_that_range() {
    let repo = bad_history_then_install();
    ok(repo.git_skipping_relhook(&["tag", "-a", "v1.0.0", "-m", "v1.0.0", "base"]));
    let out = repo.relhook(&["check"]);
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(
        stdout(&out).contains("nothing judged in v1.0.0..HEAD"),
        "{said}"
    );
    judges_the_two_commits_above_base(&repo, &hinted(&stdout(&out)));
}

#[test]
fn a_ci_base_names_that_range() {
    let repo = bad_history_then_install();
    repo.git(&["branch", "target", "base"]);
    let out = repo
        .command_in(relhook_bin(), &repo.path())
        .arg("check")
        .envs([
            ("CI", "true"),
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_EVENT_NAME", "pull_request"),
            ("GITHUB_BASE_REF", "target"),
            ("GITHUB_HEAD_REF", "main"),
        ])
        .output()
        .unwrap();
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(stdout(&out).contains("nothing judged in "), "{said}");
    judges_the_two_commits_above_base(&repo, &hinted(&stdout(&out)));
}
